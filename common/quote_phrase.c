/*
 * Noun phrases around a reporting verb: the speaker before or after it (names
 * with titles, roles and appositions, pronouns, descriptions), the subject
 * of a clause, the clause itself.
 */
#include <string.h>

#include "quote_priv.h"

/* Is token i an ordinal next to a title: "1st Lt.", "Sgt. 1st Class"? */
static int
rank_ordinal(const struct qpara *c, int i)
{
	const char	*w = c->s + c->t[i].off;
	size_t		 n = c->t[i].len;

	if (c->t[i].kind != LEDE_TOK_NUM || n < 3 || n > 4 ||
	    !(w[0] >= '1' && w[0] <= '9') ||
	    !(memcmp(w + n - 2, "st", 2) == 0 ||
	    memcmp(w + n - 2, "nd", 2) == 0 ||
	    memcmp(w + n - 2, "rd", 2) == 0 ||
	    memcmp(w + n - 2, "th", 2) == 0))
		return 0;
	return (i + 1 < c->nt && (F(c, i + 1) & I_TITLE)) ||
	    (i > 0 && (F(c, i - 1) & I_TITLE));
}

/* Can token i continue a name or title leftwards/rightwards? */
int
quote_name_part(const struct qpara *c, int i)
{
	unsigned f = F(c, i);

	if (i >= 0 && i < c->nt && rank_ordinal(c, i))
		return 1;
	if (!(f & I_WORD) || (f & I_INQ))
		return 0;
	if ((f & (I_PER | I_CAP)) == (I_PER | I_CAP))
		return 1;	/* a name by lede-tag's reckoning */
	if (f & (I_PRON | I_DATE))
		return 0;
	if (f & (I_TITLE | I_ROLE))
		return 1;
	/* Headline case: "Hillary Clinton Said The ...": the verb ends it. */
	return (f & I_CAP) && !(f & (I_STOP | I_CUE));
}

/* Does "who" or "which" stand between token s0 and the comma before it? */
static int
in_relative(const struct qpara *c, int s0, int lo)
{
	int	k;

	for (k = s0 - 1; k >= lo && k > s0 - RELBACK &&
	    !(F(c, k) & (I_COMMA | I_END | I_INQ)); k--)
		if (F(c, k) & I_WHO)
			return 1;
	return 0;
}

/* Is token i the clitic of a possessive, "'s" or "’s", apart from its noun? */
static int
is_clitic_s(const struct qpara *c, int i)
{
	const char	*w = c->s + c->t[i].off;
	size_t		 n = c->t[i].len;

	return (n == 2 && w[0] == '\'' && (w[1] | 0x20) == 's') ||
	    (n == 4 && memcmp(w, "\xe2\x80\x99", 3) == 0 &&
	    (w[3] | 0x20) == 's');
}

/*
 * Does the phrase at s0 follow its relative pronoun, as the subject of the
 * relative ("which Apple's chief ... called", "which the port's chief")?
 */
static int
relative_subject(const struct qpara *c, int s0, int lo)
{
	int	k = s0 - 1;

	if (k >= lo && (F(c, k) & I_DET) && !(F(c, k) & I_WHO))
		k--;
	return k >= lo && (F(c, k) & I_WHO);
}

/* Is token i a state's abbreviation after a place: "Va.", "N.C."? */
static int
state_abbrev(const struct qpara *c, int i)
{
	const char	*w;
	size_t		 n;

	if (i <= 0 || i >= c->nt)
		return 0;
	w = c->s + c->t[i].off;
	n = c->t[i].len;
	return n <= 6 && (F(c, i) & I_CAP) &&
	    memchr(w, '.', n) != NULL && (F(c, i - 1) & I_COMMA);
}

/*
 * Is s0..s1, found before a comma of an apposition, a piece of a place
 * rather than the apposition's head: a state's abbreviation ("Harry Bond,
 * 30, of Raleigh, N.C., who ..."), or the place before one ("Johnnie
 * Wilson, of Springfield, Va., said", "Mr. Daniloff, retired in
 * Cambridge, Mass.,")?
 */
static int
place_part(const struct qpara *c, int s0, int s1)
{
	if (s0 == s1 && state_abbrev(c, s0))
		return 1;
	return state_abbrev(c, s1 + 2) && (F(c, s1 + 3) & I_COMMA) &&
	    (is(c, s0 - 1, "of") || is(c, s0 - 1, "in") ||
	    is(c, s0 - 1, "from"));
}

/* Do the tokens between the commas a and b make a name: ", Joe Kasper,"? */
static int
name_between(const struct qpara *c, int a, int b)
{
	int	k;

	if (b - a < 3 || b - a > 6)
		return 0;
	for (k = a + 1; k < b; k++)
		if (!(F(c, k) & I_CAP) || !quote_name_part(c, k) ||
		    (F(c, k) & (I_TITLE | I_ROLE | I_ORG)))
			return 0;
	return 1;
}

/*
 * The phrase ending at token i, not before lo: *s0..*s1.  Returns 1 if one
 * was found.
 */
int
quote_np_left(const struct qpara *c, int i, int lo, int *s0, int *s1, int depth)
{
	int	j, k, n, a, b;

	while (i >= lo && (F(c, i) & I_ADV) && !(F(c, i) & I_CAP))
		i--;
	if (i < lo || (F(c, i) & I_INQ))
		return 0;
	if (is(c, i, ")")) {
		/* "Sen. Jane Doe (D-Ore.) said": the party stays with her. */
		for (j = i - 1; j >= lo && j > i - PARENMAX && !is(c, j, "(");
		    j--)
			;
		if (j < lo || !is(c, j, "(") ||
		    !quote_np_left(c, j - 1, lo, s0, s1, depth + 1))
			return 0;
		if (F(c, *s1) & I_CAP)
			*s1 = i;
		return 1;
	}
	if ((F(c, i) & I_COMMA) && depth < 3) {
		/* An apposition: "Jane Doe, a spokeswoman, said". */
		for (j = i - 1; j >= lo && j > i - APPOS; j--) {
			if (F(c, j) & (I_INQ | I_END))
				return 0;
			if (!(F(c, j) & I_COMMA))
				continue;
			if (!quote_np_left(c, j - 1, lo, s0, s1, depth + 1)) {
				/*
				 * A name after a phrase this cannot read:
				 * "the chief of staff, Joe Kasper, told".
				 */
				if (name_between(c, j, i)) {
					*s0 = j + 1;
					*s1 = i - 1;
					return 1;
				}
				continue;
			}
			/*
			 * Inside a relative clause of the apposition
			 * ("..., who heads the committee, which ...,
			 * said"): the speaker is further back; not the
			 * subject of a relative whose verb this is
			 * ("which Apple's chief, Tim Cook, called").
			 */
			if ((in_relative(c, *s0, lo) &&
			    !relative_subject(c, *s0, lo)) ||
			    place_part(c, *s0, *s1))
				continue;
			/*
			 * The second of two appositions: "Tom Fitton,
			 * the president of Judicial Watch, a group
			 * that ..., said" is Tom Fitton.
			 */
			for (k = j - 1; k > lo && k > i - APPOS &&
			    !(F(c, k) & (I_COMMA | I_INQ | I_END)); k--)
				;
			if (k > lo && (F(c, k) & I_COMMA) &&
			    ((F(c, k + 1) & I_DET) ||
			    !(F(c, k + 1) & I_CAP)) &&
			    quote_np_left(c, k - 1, lo, &a, &b,
			    depth + 1) && (F(c, b) & I_CAP) &&
			    !(F(c, a) & (I_DET | I_PRON | I_WHO))) {
				*s0 = a;
				*s1 = b;
				return 1;
			}
			/* "the assailant, John McGraw, said" */
			if (!(F(c, *s1) & (I_CAP | I_PRON)) &&
			    (F(c, i - 1) & I_CAP) && i - j < 6)
				*s1 = i - 1;
			return 1;
		}
		return 0;
	}
	if (F(c, i) & I_WHO) {
		*s0 = *s1 = i;	/* the relative, as written */
		return i > lo;
	}
	if (F(c, i) & I_PRON) {
		*s0 = *s1 = i;
		return 1;
	}
	/* "a mother of three", "the youngest of five" */
	if ((F(c, i) & I_DET) && i - 2 >= lo && is(c, i - 1, "of") &&
	    !(F(c, i - 2) & (I_DET | I_PRON)) &&
	    quote_np_left(c, i - 2, lo, s0, s1, depth) && *s1 == i - 2) {
		*s1 = i;
		return 1;
	}
	if (!(F(c, i) & I_WORD) ||
	    (F(c, i) & (I_STOP | I_CUE | I_ING | I_DATE | I_DET)))
		return 0;
	*s1 = i;
	j = i;
	if (quote_name_part(c, i)) {
		while (j - 1 >= lo && i - j < NPMAX &&
		    (quote_name_part(c, j - 1) || ((F(c, j - 1) & I_POSS) &&
		    quote_name_part(c, j - 2)) || ((F(c, j - 1) & I_OF) &&
		    quote_name_part(c, j - 2) && (F(c, j) & I_CAP))))
			j--;
	}
	/* Lower-case words back to a determiner: "a senior aide". */
	for (k = j - 1, n = 0; k >= lo && n < 4; k--, n++) {
		if (F(c, k) & I_DET) {
			j = k;
			break;
		}
		/* A possessor: "Scott's family", "the company's lawyers". */
		if ((F(c, k) & I_POSS) && !(F(c, k) & (I_PRON | I_INQ))) {
			for (j = k; j - 1 >= lo && k - j < NPMAX &&
			    quote_name_part(c, j - 1); j--)
				;
			/* A common noun before "'s": "the port's chief". */
			if (j == k && j - 1 >= lo && is_clitic_s(c, k) &&
			    (F(c, j - 1) & I_WORD) && !(F(c, j - 1) &
			    (I_STOP | I_CUE | I_ING | I_PRON | I_INQ | I_DET)))
				j--;
			if (j - 1 >= lo && (F(c, j - 1) & I_DET))
				j--;
			break;
		}
		/* "the 34-year-old mother" */
		if (c->t[k].kind == LEDE_TOK_NUM && (F(c, k - 1) & I_DET) &&
		    k - 1 >= lo) {
			j = k - 1;
			break;
		}
		if (!(F(c, k) & I_WORD) ||
		    (F(c, k) & (I_STOP | I_CUE | I_ING | I_PRON | I_INQ))) {
			/* "..., former officials said": back to the comma. */
			if ((F(c, i) & I_ROLE) && n > 0 && (F(c, k) & I_COMMA))
				j = k + 1;
			break;
		}
		/* "Multiple outlets reported": the clause starts there. */
		if (k == lo && (F(c, k) & I_CAP) && n < 2) {
			j = k;
			break;
		}
	}
	if (j == i && !(F(c, i) & (I_CAP | I_ROLE)))
		return 0;	/* a bare lower-case word: not a speaker */
	*s0 = j;
	if (is(c, j, "that") && j < i)
		(*s0)++;	/* "..., saying that Clinton said" */
	return 1;
}

/*
 * Does the word x of m bytes end as adjectives do ("environmental",
 * "Republican", "economic", "aggressive", "famous")?  A plural after it is
 * its noun, not a verb.
 */
static int
adjective(const char *x, size_t m)
{
	static const char *const end[] = {
		"al", "ic", "ive", "ous", "ful", "an", "ary", "ese", "ish", "ern"
	};
	size_t	k, e;

	for (k = 0; k < sizeof(end) / sizeof(end[0]); k++) {
		e = strlen(end[k]);
		if (m > e + 2 && memcmp(x + m - e, end[k], e) == 0)
			return 1;
	}
	return 0;
}

/*
 * Does lower-case word j look like the verb after the noun j - 1?  Past
 * forms ("pointed") and a singular noun followed by an -s form ("the
 * email goes") do.
 */
static int
looks_verb(const struct qpara *c, int p, int j)
{
	const char	*w = c->s + c->t[j].off, *x = c->s + c->t[p].off;
	size_t		 n = c->t[j].len, m = c->t[p].len;

	if ((F(c, j) & I_CAP) || n < 3)
		return 0;
	if (w[n - 2] == 'e' && w[n - 1] == 'd')
		return 1;
	return w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != '\'' &&
	    m > 2 && x[m - 1] != 's' && (F(c, p) & I_WORD) &&
	    !adjective(x, m);
}

/* A lower-case word that may stand inside a description. */
static int
plain_word(const struct qpara *c, int i)
{
	unsigned f = F(c, i);

	return (f & I_WORD) && !(f & (I_CAP | I_STOP | I_CUE | I_ING |
	    I_INQ | I_ROLE | I_DATE | I_PRON | I_DET | I_POSS));
}

/*
 * The ")" of a party after the name that ends at token j, not past hi:
 * "Jane Roe (D-Ore.)"; or j.
 */
int
quote_paren_end(const struct qpara *c, int j, int hi)
{
	int	e;

	if (!is(c, j + 1, "("))
		return j;
	for (e = j + 2; e <= hi && e <= j + PARENMAX; e++)
		if (is(c, e, ")"))
			return e;
	return j;
}

/* May token i be the noun of a possessor: "family", "aides"? */
static int
possessed(const struct qpara *c, int i)
{
	return plain_word(c, i) || ((F(c, i) & I_ROLE) && !(F(c, i) & I_CAP));
}

/* Is token i a lower-case word no lexicon knows? */
static int
unknown_word(const struct qpara *c, int i)
{
	return i >= 0 && i < c->nt && c->t[i].kind == LEDE_TOK_WORD &&
	    c->t[i].len >= 4 && !(F(c, i) & (I_CAP | I_STOP | I_ADV | I_DET |
	    I_PRON | I_ROLE | I_TITLE | I_NOUN | I_INQ));
}

/* A lower-case word in -ed no lexicon knows: "rallied", "poked". */
static int
past_form(const struct qpara *c, int i)
{
	const char	*w;
	size_t		 n;

	if (!unknown_word(c, i))
		return 0;
	w = c->s + c->t[i].off;
	n = c->t[i].len;
	return w[n - 2] == 'e' && w[n - 1] == 'd';
}

/* The phrase starting at token i, not past hi. */
int
quote_np_right(const struct qpara *c, int i, int hi, int *s0, int *s1)
{
	int	j, n;

	if (i > hi || (F(c, i) & I_INQ))
		return 0;
	if (F(c, i) & I_PRON) {
		*s0 = *s1 = i;
		return 1;
	}
	*s0 = i;
	if (F(c, i) & I_DET) {
		for (j = i + 1, n = 0; j <= hi && n < 5; j++, n++) {
			/* "the 34-year-old mother of three" */
			if (c->t[j].kind == LEDE_TOK_NUM && j == i + 1 &&
			    (F(c, j + 1) & I_WORD))
				continue;
			if (!(F(c, j) & I_WORD) ||
			    (F(c, j) & (I_STOP | I_CUE | I_ING | I_INQ |
			    I_WHO | I_DATE)))
				break;
			if ((F(c, j) & I_ROLE) && !quote_name_part(c, j + 1)) {
				j++;	/* the head: "the campaign" */
				break;
			}
			if (j > i + 1 && looks_verb(c, j - 1, j))
				break;	/* "the email goes" */
		}
		if (j == i + 1)
			return 0;
		*s1 = j - 1;
		return 1;
	}
	/*
	 * "former Utah governor Michael Leavitt", "retired Army Gen.",
	 * "9/11 widow Terry Strada"
	 */
	for (n = 0; n < 2 && i + n < hi && ((F(c, i + n) & I_WORD) ||
	    c->t[i + n].kind == LEDE_TOK_NUM) &&
	    !(F(c, i + n) & (I_CAP | I_STOP | I_CUE | I_ING | I_INQ |
	    I_DATE | I_ADV)) && !(n == 0 && (F(c, i) & I_ROLE)); n++)
		;
	if (n > 0 && (F(c, i + n) & I_CAP) && quote_name_part(c, i + n))
		i += n;
	if (!quote_name_part(c, i))
		return 0;
	for (j = i + 1; j <= hi && j - i < NPMAX; j++) {
		if (quote_name_part(c, j))
			continue;
		/* "Democratic presidential candidate Bernie Sanders" */
		for (n = 0; n < 2 && j + n <= hi && plain_word(c, j + n) &&
		    !past_form(c, j + n); n++)
			;	/* not "Netanyahu rallied supporters" */
		if (n > 0 && (F(c, j + n) & I_ROLE) && !(F(c, j + n) & I_CAP)) {
			j += n;
			continue;
		}
		if ((F(c, j) & I_POSS) && quote_name_part(c, j + 1))
			continue;
		if ((F(c, j) & I_OF) && (F(c, j + 1) & I_CAP) &&
		    quote_name_part(c, j + 1) &&
		    (F(c, j - 1) & (I_ROLE | I_CAP)))
			continue;
		break;
	}
	*s1 = j - 1;
	/* A possessor is not the phrase: "Scott's family", "Trump's aides". */
	if ((F(c, *s1) & I_POSS) && j <= hi && possessed(c, j)) {
		if (j + 1 <= hi && possessed(c, j + 1) &&
		    !looks_verb(c, j, j + 1))
			j++;
		*s1 = j;
		return 1;
	}
	if (F(c, j - 1) & I_CAP)
		*s1 = quote_paren_end(c, j - 1, hi);
	if (is(c, *s0, "that") && *s0 < *s1)
		(*s0)++;
	return 1;
}

/*
 * May token i open a clause that comes before the subject: a function word
 * ("On the eve of ..., Netanyahu"), a capitalised adverb or participle
 * ("Shortly after ...,", "Holding signs, ...")?
 */
static int
intro_word(const struct qpara *c, int i)
{
	const char	*w;
	size_t		 n;

	if ((F(c, i) & I_STOP) && !(F(c, i) & (I_PRON | I_DET)))
		return 1;
	if ((F(c, i) & (I_CAP | I_PER | I_WORD)) != (I_CAP | I_WORD))
		return 0;
	/* Not a name: "Carly Fiorina", "Kelly said". */
	if (i + 1 >= c->nt || (F(c, i + 1) & (I_CAP | I_CUE | I_ADV)) ||
	    c->t[i + 1].kind != LEDE_TOK_WORD)
		return 0;
	w = c->s + c->t[i].off;
	n = c->t[i].len;
	return n >= 5 && ((w[n - 2] == 'l' && w[n - 1] == 'y') ||
	    (w[n - 3] == 'i' && w[n - 2] == 'n' && w[n - 1] == 'g'));
}

/* Is token i a word in capitals only: "WASHINGTON"? */
static int
all_caps(const struct qpara *c, int i)
{
	return i < c->nt && c->t[i].kind == LEDE_TOK_WORD &&
	    c->t[i].len >= 2 && (c->t[i].flags & LEDE_TF_UPPER);
}

/*
 * The first token after the dateline that opens a paragraph at lo ("JACKSON,
 * Miss. - ", "WASHINGTON (AP) -- ", "NEW YORK -- "), or lo.
 */
static int
after_dateline(const struct qpara *c, int lo)
{
	int	i = lo, n;

	if (lo != 0)
		return lo;
	for (n = 0; n < 4 && all_caps(c, i); n++)
		i++;
	if (n == 0)
		return lo;
	if (F(c, i) & I_COMMA)	/* "PHILADELPHIA, July 25 (UPI) -" */
		for (i++, n = 0; n < 4 && i < c->nt && ((F(c, i) & I_CAP) ||
		    c->t[i].kind == LEDE_TOK_NUM); n++)
			i++;
	if (is(c, i, "("))
		for (n = 0; n < 5 && i < c->nt && !is(c, i, ")"); n++)
			i++;
	if (is(c, i, ")"))
		i++;
	if (i < c->nt && (c->t[i].kind == LEDE_TOK_DASH || is(c, i, "-")))
		return i + 1;
	return lo;
}

/* The subject of the clause lo..hi: its first name, pronoun or phrase. */
int
quote_subject(const struct qpara *c, int lo, int hi, int *s0, int *s1)
{
	int	i, j;

	lo = after_dateline(c, lo);
	if (lo > hi)
		return 0;
	if (intro_word(c, lo))
		for (j = lo + 1; j <= hi && j < lo + INTROMAX; j++) {
			if (F(c, j) & (I_INQ | I_END))
				break;
			if (F(c, j) & I_COMMA) {
				lo = j + 1;
				break;
			}
		}
	for (i = lo; i <= hi && i < lo + 8; i++) {
		if (F(c, i) & I_INQ)
			return 0;
		if ((F(c, i) & (I_PRON | I_DET)) || quote_name_part(c, i))
			return quote_np_right(c, i, hi, s0, s1);
		if ((F(c, i) & (I_CUE | I_ING)) || past_form(c, i))
			return 0;	/* "..., poked at Trump's sniffing" */
	}
	return 0;
}

/*
 * A phrase *s0.. that is the object of a preposition belongs to the
 * phrase before it: "A doctor on the scene", "a report from the agency",
 * and through a participle or adjective, "Two people briefed on the
 * talks", "officials familiar with the plan", "aides close to him".
 */
/* Is token i a preposition a speaker phrase may go on with? */
int
quote_prep(const struct qpara *c, int i)
{
	return is(c, i, "of") || is(c, i, "on") || is(c, i, "for") ||
	    is(c, i, "at") || is(c, i, "from") || is(c, i, "in") ||
	    is(c, i, "with");
}

static int
np_ends_at(const struct qpara *c, int e, int lo, int *t0)
{
	int	t1;

	return (F(c, e) & I_WORD) && !(F(c, e) & (I_INQ | I_PRON | I_CUE |
	    I_ING | I_DATE)) && quote_np_left(c, e, lo, t0, &t1, 1) &&
	    t1 == e && !(F(c, *t0) & (I_PRON | I_WHO));
}

/* A participle or adjective that takes a prepositional object. */
int
quote_modifier(const struct qpara *c, int i)
{
	static const char *const adj[] = {
		"familiar", "close", "knowledgeable", "near", "loyal",
		"privy", "opposed", "sympathetic", "involved"
	};
	const char *w;
	size_t	k, n;

	if (i < 0 || i >= c->nt)
		return 0;
	w = c->s + c->t[i].off;
	n = c->t[i].len;
	if (!(F(c, i) & I_WORD) || (F(c, i) & (I_CAP | I_CUE | I_ING |
	    I_PRON | I_INQ | I_DATE)))
		return 0;
	if (n > 3 && memcmp(w + n - 2, "ed", 2) == 0)
		return 1;
	for (k = 0; k < sizeof(adj) / sizeof(adj[0]); k++)
		if (is_n(c, i, adj[k], strlen(adj[k])))
			return 1;
	return 0;
}

static void
pp_left(const struct qpara *c, int lo, int *s0)
{
	int	t0, p = *s0 - 1;

	if ((F(c, *s0) & (I_PRON | I_WHO)) || p - 1 < lo)
		return;
	if ((quote_prep(c, p) || is(c, p, "about")) &&
	    np_ends_at(c, p - 1, lo, &t0))
		*s0 = t0;
	else if ((quote_prep(c, p) || is(c, p, "about") || is(c, p, "to")) &&
	    p - 2 >= lo &&
	    quote_modifier(c, p - 1) && np_ends_at(c, p - 2, lo, &t0))
		*s0 = t0;
}

/*
 * Is s0..s1 the channel a speaker spoke through, after "in", "during" or
 * "via": "Jane Roe, a spokeswoman, in a statement on Monday told"?  Then
 * the speaker is the phrase before it: *s0..*s1 become that.
 */
static void
past_channel(const struct qpara *c, int lo, int *s0, int *s1)
{
	static const char *const chan[] = {
		"statement", "statements", "interview", "interviews", "email",
		"e-mail", "letter", "post", "tweet", "tweets", "message",
		"speech", "release", "call", "video", "memo", "remarks",
		"appearance", "briefing", "conference", "filing", "op-ed",
		"column", "podcast", "broadcast", "conversation"
	};
	size_t	k, n = c->t[*s1].len;
	int	t0, t1, p = *s0 - 1;

	if (p - 1 < lo || !(is(c, p, "in") || is(c, p, "during") ||
	    is(c, p, "via") || is(c, p, "through")))
		return;
	for (k = 0; k < sizeof(chan) / sizeof(chan[0]); k++)
		if (strlen(chan[k]) == n &&
		    memcmp(c->s + c->t[*s1].off, chan[k], n) == 0)
			break;
	if (k == sizeof(chan) / sizeof(chan[0]))
		return;
	if (quote_np_left(c, p - 1, lo, &t0, &t1, 0) &&
	    !(F(c, t0) & I_WHO)) {
		*s0 = t0;
		*s1 = t1;
	}
}

/* Is token i a reflexive that stresses the phrase before: "Cruz himself"? */
static int
reflexive(const struct qpara *c, int i)
{
	return is(c, i, "himself") || is(c, i, "herself") ||
	    is(c, i, "itself") || is(c, i, "themselves");
}

static int speaker_of(const struct qpara *, int, int, int, int *, int *);

/*
 * The speaker of the reporting verb at token v, the clause being lo..hi,
 * with the reflexive that follows it ("Sanders himself acknowledged").
 */
int
quote_speaker_of(const struct qpara *c, int v, int lo, int hi, int *s0, int *s1)
{
	if (!speaker_of(c, v, lo, hi, s0, s1))
		return 0;
	if (*s1 + 1 < c->nt && *s1 + 1 != v && reflexive(c, *s1 + 1) &&
	    !(F(c, *s1) & I_PRON))
		(*s1)++;
	return 1;
}

static int
speaker_of(const struct qpara *c, int v, int lo, int hi, int *s0, int *s1)
{
	int	i;

	if (F(c, v) & I_PRE)
		return is(c, v + 1, "to") &&
		    quote_np_right(c, v + 2, hi, s0, s1);
	if (F(c, v) & I_ING) {
		if ((F(c, v - 1) & I_CAP) && v - 1 >= lo &&
		    quote_np_left(c, v - 1, lo, s0, s1, 0))
			return 1;	/* "footage of Hillary Clinton asking" */
		for (i = v - 1; i >= lo; i--)
			if ((F(c, i) & I_CUE) &&
			    quote_np_left(c, i - 1, lo, s0, s1, 0))
				return 1;
		/* "..., X rallied supporters, saying" */
		for (i = v - 2; i > lo && !(F(c, i) & I_COMMA); i--)
			;
		if (i > lo && quote_subject(c, i + 1, v - 1, s0, s1) &&
		    (F(c, *s1) & (I_CAP | I_PRON)))
			return 1;
		return quote_subject(c, lo, v - 1, s0, s1);
	}
	if (quote_np_left(c, v - 1, lo, s0, s1, 0)) {
		past_channel(c, lo, s0, s1);
		pp_left(c, lo, s0);
		return 1;
	}
	/* "Coastal mayors on Tuesday urged": past the day. */
	if ((F(c, v - 1) & I_DATE) && (is(c, v - 2, "on") ||
	    is(c, v - 2, "last")) && quote_np_left(c, v - 3, lo, s0, s1, 0)) {
		past_channel(c, lo, s0, s1);
		return 1;
	}
	if ((v - 1 < lo || (F(c, v - 1) & (I_COMMA | I_INQ)) ||
	    c->t[v - 1].kind == LEDE_TOK_QUOTE ||
	    c->t[v - 1].kind == LEDE_TOK_DASH) && !is(c, v + 1, "that") &&
	    quote_np_right(c, v + 1, hi, s0, s1))
		return 1;	/* not: "..." suggests that Phoenix */
	if (is(c, v - 1, "and") || (F(c, v - 1) & I_ADV))
		return quote_subject(c, lo, v - 1, s0, s1);
	return 0;
}

/* The clause around token i: from the sentence start to its end. */
void
quote_clause(const struct qpara *c, int i, int *lo, int *hi)
{
	int	j;

	for (j = i; j > 0 && j > i - REACH && !(F(c, j - 1) & I_END); j--)
		;
	*lo = j;
	for (j = i; j < c->nt - 1 && j < i + REACH && !(F(c, j) & I_END); j++)
		;
	*hi = j;
}

void
quote_copy_tokens(const struct qpara *c, int s0, int s1, char *out, size_t sz)
{
	size_t	a, b;

	out[0] = '\0';
	if (s0 < 0)
		return;
	a = c->t[s0].off;
	b = c->t[s1].off + c->t[s1].len;
	if (b - a >= sz) {
		/* Too long: cut at the last word that fits whole. */
		for (b = a + sz - 1; b > a && c->s[b] != ' ' &&
		    c->s[b] != '\n'; b--)
			;
		while (b > a && (c->s[b - 1] == ' ' || c->s[b - 1] == ','))
			b--;
		if (b == a)
			b = a + sz - 1;
		while (b > a && (c->s[b] & 0xC0) == 0x80)
			b--;	/* never cut a character */
	}
	memcpy(out, c->s + a, b - a);
	out[b - a] = '\0';
	for (a = 0; out[a]; a++)
		if (out[a] == '\n' || out[a] == '\t')
			out[a] = ' ';
}
