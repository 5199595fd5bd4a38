/*
 * The speaker of a quotation, ranked: the rules of quote_speaker.c give
 * one speaker; this module gathers the others the quotation could have
 * (the speakers of every verb of saying after it and before it in its
 * sentence, the subject before it, the cues elsewhere in the paragraph, the
 * speakers of the quotations next to it, of the quotation before, of a
 * paragraph ending ":", or none), describes each by features (where it came
 * from, the rules' choice, its cue verb and whether the cue tagger took it
 * for a cue, the distance, the sentence, the marks and punctuation around
 * the quotation, the words and classes of the phrase, the speakers of the
 * article so far) and keeps the best scored by a linear model (quote_model.c,
 * struct quote_rankw).  In training, the gold source of the quotation's
 * attribution corrects the model: an averaged perceptron over rankings.
 */
#include <string.h>

#include "quote_priv.h"

/* Where a candidate comes from. */
enum {
	RK_NONE = 1,	/* no speaker */
	RK_RULE,	/* the rules' choice, found by no other way */
	RK_TAIL,	/* a cue after the quotation, in its sentence */
	RK_HEAD,	/* a cue before it, in its sentence */
	RK_SUBJ,	/* the subject of the clause before it */
	RK_PARAB,	/* a cue of the paragraph, before the sentence */
	RK_PARAA,	/* a cue of the paragraph, after the sentence */
	RK_PREVQ,	/* the speaker of the quotation before, in the paragraph */
	RK_NEXTQ,	/* the speaker of the quotation after, in the paragraph */
	RK_LAST,	/* the speaker of the article's last quotation */
	RK_COLON,	/* the speaker of a paragraph before ending ":" */
	RK_VERB,	/* the subject of a verb after it no lexicon knows */
	RK_BYLINE	/* a byline before it: "TOPIC - Jane Roe: ..." */
};

#define RKMAX	24	/* candidates of a quotation */
#define RKPER	3	/* cues of each kind looked at */
#define RKFEAT	48	/* features of a candidate: 41 at most */

struct rcand {
	int		 type;
	int		 rule;		/* the rules chose it */
	int		 s0, s1, cue;	/* tokens, or -1 */
	int		 strong;
	int		 ord;		/* its rank among those of its type */
	int		 grown;		/* 0, or grown from the phrase ending at g1 */
	int		 g1;
	const char	*spk, *name;	/* a speaker from outside: strings */
};

static inline uint32_t
feat(uint32_t t, uint32_t a, uint32_t b)
{
	uint32_t h = a * 0x85EBCA77u + b * 0xC2B2AE3Du + t * 0x27D4EB2Fu;

	h ^= h >> 15;
	h *= 0x2C1B3C6Du;
	return h ^ (h >> 12);
}

static uint32_t
tok_hash(const struct qpara *c, int i)
{
	if (i < 0 || i >= c->nt)
		return 1;
	return quote_hash_lower(c->s + c->t[i].off, c->t[i].len);
}

static inline uint32_t
bucket(int n)
{
	if (n < 0)
		return 15;
	return n < 4 ? (uint32_t)n : n < 7 ? 4 : n < 12 ? 5 : n < 20 ? 6 :
	    n < 40 ? 7 : 8;
}

/* The class of a token of a speaker phrase. */
static uint32_t
pclass(const struct qpara *c, int i)
{
	unsigned	f = F(c, i);

	if (i < 0 || i >= c->nt)
		return 0;
	if (c->t[i].kind == LEDE_TOK_QUOTE)
		return 1;
	if (f & I_COMMA)
		return 2;
	if (f & I_END)
		return 3;
	if (c->t[i].kind == LEDE_TOK_DASH)
		return 4;
	if (c->t[i].kind != LEDE_TOK_WORD)
		return is(c, i, ":") ? 5 : is(c, i, ")") ? 6 : 7;
	if (f & I_PRON)
		return 8;
	if (f & I_WHO)
		return 9;
	if (f & I_POSS)
		return 10;
	if (f & I_DET)
		return 11;
	if (f & (I_CUE | I_ING | I_PRE))
		return 12;
	if (f & I_ORG)
		return 13;
	if (f & I_ROLE)
		return 14;
	if (f & I_TITLE)
		return 15;
	if (f & I_PER)
		return 16;
	if (f & I_CAP)
		return (f & I_STOP) ? 17 : 18;
	if (f & I_STOP)
		return 19;
	return 20;
}

/*
 * The words as the scorers read them: runs of letters, digits and '_'
 * (ASCII, and characters past ASCII but for the punctuation of U+2000 to
 * U+206F and the marks of Latin-1: curly quotes, dashes, the no-break
 * space).  Up to max words of s[0..n): their offsets and lengths.
 */
static int
words(const char *s, size_t n, size_t *off, size_t *len, int max)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, start = 0, k;
	int			 nw = 0, in = 0, wc;

	for (;;) {
		k = 1;
		wc = 0;
		if (i < n) {
			unsigned ch = p[i], nx = i + 1 < n ? p[i + 1] : 0;

			if ((ch | 32) - 'a' < 26 || ch - '0' < 10 || ch == '_')
				wc = 1;
			else if (ch >= 0xC0) {
				k = ch >= 0xF0 ? 4 : ch >= 0xE0 ? 3 : 2;
				if (ch == 0xE2)
					wc = nx != 0x80 && nx != 0x81;
				else if (ch == 0xC2)
					wc = nx < 0xA0;
				else if (ch == 0xC3)
					wc = nx != 0x97 && nx != 0xB7;
				else
					wc = 1;
			} else if (ch >= 0x80)
				wc = in;	/* a stray continuation byte */
		}
		if (wc && !in) {
			start = i;
			in = 1;
		} else if (!wc && in) {
			if (nw < max) {
				off[nw] = start;
				len[nw] = i - start;
				nw++;
			}
			in = 0;
		}
		if (i >= n)
			break;
		i = i + k < n ? i + k : n;
	}
	return nw;
}

static int
same_word(const char *a, size_t al, const char *b, size_t bl)
{
	size_t	k;

	if (al != bl)
		return 0;
	for (k = 0; k < al; k++) {
		unsigned x = (unsigned char)a[k], y = (unsigned char)b[k];

		if (x - 'A' < 26)
			x += 32;
		if (y - 'A' < 26)
			y += 32;
		if (x != y)
			return 0;
	}
	return 1;
}

#define RKWORDS 48

/*
 * Is the speaker p[0..pn) right for the gold source g, as the scorer
 * counts it: the same words, or the same last word (or the last word
 * before the first comma of g, for an apposition)?
 */
static int
same_speaker(const char *g, const char *p, size_t pn)
{
	size_t	go[RKWORDS], gl[RKWORDS], po[RKWORDS], pl[RKWORDS];
	size_t	gn = strlen(g), comma;
	int	ng, np, k, nh;
	const char *cp;

	ng = words(g, gn, go, gl, RKWORDS);
	np = words(p, pn, po, pl, RKWORDS);
	if (ng == np) {
		for (k = 0; k < ng; k++)
			if (!same_word(g + go[k], gl[k], p + po[k], pl[k]))
				break;
		if (k == ng)
			return 1;
	}
	if (ng == 0 || np == 0)
		return 0;
	if (same_word(g + go[ng - 1], gl[ng - 1], p + po[np - 1],
	    pl[np - 1]))
		return 1;
	if ((cp = strchr(g, ',')) == NULL)
		return 0;
	comma = (size_t)(cp - g);
	for (nh = 0; nh < ng && go[nh] < comma; nh++)
		;
	return nh > 0 && same_word(g + go[nh - 1], gl[nh - 1], p + po[np - 1],
	    pl[np - 1]);
}

/* Is there a sentence end outside quotations in tokens [a, b)? */
static int
end_between(const struct qpara *c, int a, int b)
{
	int	i;

	for (i = a; i < b; i++)
		if (F(c, i) & I_END)
			return 1;
	return 0;
}

/* Is token v inside a cue the tagger found?  2: no cue. */
static int
tagged_cue(const struct qpara *c, int v)
{
	return v < 0 ? 2 : (F(c, v) & I_TCUE) != 0;
}

static void
add_cand(struct rcand *cd, int *n, int type, int s0, int s1, int cue,
    int strong, const char *spk, const char *name)
{
	int	k, ord = 0;

	if (*n >= RKMAX)
		return;
	for (k = 0; k < *n; k++) {
		if ((s0 >= 0 && cd[k].s0 == s0 && cd[k].s1 == s1) ||
		    (s0 < 0 && spk != NULL && cd[k].spk != NULL &&
		    strcmp(cd[k].spk, spk) == 0)) {
			/* The rules' choice: where else it comes from. */
			if (cd[k].type == RK_RULE)
				cd[k].type = type;
			return;
		}
		if (cd[k].type == type)
			ord++;
	}
	cd[*n].type = type;
	cd[*n].rule = 0;
	cd[*n].s0 = s0;
	cd[*n].s1 = s1;
	cd[*n].cue = cue;
	cd[*n].strong = strong;
	cd[*n].ord = ord;
	cd[*n].spk = spk;
	cd[*n].name = name;
	cd[*n].grown = 0;
	cd[*n].g1 = s1;
	(*n)++;
}

/*
 * Does token i look like a finite verb: a lower-case word in -ed or -s
 * that is no function word ("barked", "quips"), or a cue capitalised?
 */
static int
verb_form(const struct qpara *c, int i)
{
	const char	*w;
	size_t		 n;

	if (i < 0 || i >= c->nt || c->t[i].kind != LEDE_TOK_WORD ||
	    (F(c, i) & (I_STOP | I_DET | I_PRON | I_INQ | I_DATE | I_ADV |
	    I_POSS | I_WHO)))
		return 0;
	if (F(c, i) & I_CAP)
		return (c->in[i].lc & I_CUE) != 0;
	w = c->s + c->t[i].off;
	n = c->t[i].len;
	return n >= 4 && ((w[n - 2] == 'e' && w[n - 1] == 'd') ||
	    quote_verb_ending(w, n));
}

/* May token i be inside a speaker phrase grown to its cue? */
static int
growable(const struct qpara *c, int i)
{
	return (c->t[i].kind == LEDE_TOK_WORD ||
	    c->t[i].kind == LEDE_TOK_NUM) && !(F(c, i) & (I_INQ | I_END |
	    I_COMMA | I_CUE | I_ING | I_PRE | I_WHO | I_PRON));
}

/*
 * The phrases a speaker of the rules may be cut from: before its verb,
 * the words up to the verb ("several environmental groups said", "A
 * document on the campaign's website states"); after it, a prepositional
 * phrase ("said one source on the panel"), also through a participle or
 * adjective ("said two people briefed on the talks").
 */
static void
grow(const struct qpara *c, struct rcand *cd, int *n)
{
	int	k, m = *n, j, i, v, s1;

	for (k = 0; k < m; k++) {
		if (cd[k].s0 < 0 || (v = cd[k].cue) < 0 || cd[k].grown)
			continue;
		s1 = cd[k].s1;
		j = -1;
		if (v > s1 + 1 && v - s1 <= 8) {
			for (j = v - 1; j > s1 && (F(c, j) & (I_STOP | I_ADV)) &&
			    !(F(c, j) & I_DET); j--)
				;
			for (i = s1 + 1; i <= j; i++)
				if (!growable(c, i) && !(F(c, i) & I_POSS))
					break;
			if (i <= j || j == s1)
				j = -1;
		} else if (v < cd[k].s0 && (quote_prep(c, s1 + 1) ||
		    (quote_modifier(c, s1 + 1) && (quote_prep(c, s1 + 2) ||
		    is(c, s1 + 2, "to"))))) {
			for (j = s1 + 2; j < c->nt && j - s1 <= 8 &&
			    (growable(c, j) || (F(c, j) & I_POSS)); j++)
				;
			for (j--; j > s1 + 1 && (F(c, j) & (I_STOP | I_ADV));
			    j--)
				;
			if (j <= s1 + 1)
				j = -1;
		}
		if (j < 0 || *n >= RKMAX)
			continue;
		add_cand(cd, n, cd[k].type, cd[k].s0, j, v, cd[k].strong, NULL,
		    NULL);
		if (cd[*n - 1].s1 == j && cd[*n - 1].s0 == cd[k].s0) {
			cd[*n - 1].grown = v > s1 ? 1 : 2;
			cd[*n - 1].g1 = s1;
		}
	}
}

/* A lower-case word that may stand inside a description. */
static int
plain(const struct qpara *c, int i)
{
	unsigned f;

	if (i < 0 || i >= c->nt || c->t[i].kind != LEDE_TOK_WORD)
		return 0;
	f = F(c, i);
	return !(f & (I_CAP | I_STOP | I_CUE | I_ING | I_PRE | I_INQ |
	    I_END | I_COMMA | I_DATE | I_PRON | I_DET | I_WHO));
}

/* A lower-case word of a title before a name: not a verb's form. */
static int
title_word(const struct qpara *c, int i)
{
	const char	*w;
	size_t		 n;

	if (!plain(c, i) || (F(c, i) & I_ADV))
		return 0;
	w = c->s + c->t[i].off;
	n = c->t[i].len;
	return n < 3 || w[n - 2] != 'e' || w[n - 1] != 'd';
}

/* A capitalised word that may go on a name. */
static int
capword(const struct qpara *c, int i)
{
	if (i < 0 || i >= c->nt || c->t[i].kind != LEDE_TOK_WORD)
		return 0;
	return (F(c, i) & I_CAP) && !(F(c, i) & (I_INQ | I_PRON | I_DATE |
	    I_STOP | I_CUE | I_ING));
}

/*
 * Adds s0..s1 as variant kind g of candidate k, its own phrase having
 * ended at g1.
 */
static void
add_var(struct rcand *cd, int *n, int k, int s0, int s1, int g, int g1)
{
	add_cand(cd, n, cd[k].type, s0, s1, cd[k].cue, cd[k].strong, NULL,
	    NULL);
	if (cd[*n - 1].s0 == s0 && cd[*n - 1].s1 == s1 &&
	    cd[*n - 1].grown == 0) {
		cd[*n - 1].grown = g;
		cd[*n - 1].g1 = g1;
	}
}

/* Adds candidate k extended to s1 as variant kind g. */
static void
add_ext(struct rcand *cd, int *n, int k, int s1, int g)
{
	if (s1 > cd[k].s1 && s1 - cd[k].s0 < NPMAX + 8)
		add_var(cd, n, k, cd[k].s0, s1, g, cd[k].s1);
}

/*
 * Adds candidate k with the relative clause after it, which the phrase
 * takes in when no comma parts them: "said a Mexican official who was not
 * authorized to speak".
 */
static void
add_relative(const struct qpara *c, struct rcand *cd, int *n, int k)
{
	int	j, s1 = cd[k].s1;

	if (s1 < 0 || cd[k].cue < 0 || cd[k].cue > cd[k].s0 ||
	    !(F(c, s1 + 1) & I_WHO) || (F(c, s1) & (I_PRON | I_WHO)))
		return;
	for (j = s1 + 2; j < c->nt && j - s1 < RELMAX &&
	    !(F(c, j) & (I_COMMA | I_END | I_INQ)) &&
	    c->t[j].kind != LEDE_TOK_QUOTE; j++)
		;
	if (j > s1 + 3 && (j >= c->nt || !(F(c, j) & I_INQ)))
		add_ext(cd, n, k, j - 1, 8);
}

/* Adds the name relative k stands for: "Jane Doe, who told". */
static void
add_antecedent(const struct qpara *c, struct rcand *cd, int *n, int k)
{
	int	w = cd[k].s1, a, b;

	if (w >= 2 && cd[k].s0 == w && (F(c, w) & I_WHO) &&
	    (F(c, w - 1) & I_COMMA) && quote_np_left(c, w - 2, 0, &a, &b, 1) &&
	    !(F(c, a) & I_WHO))
		add_var(cd, n, k, a, b, 7, b);
}

/*
 * The phrases a speaker may go on to, rightwards, each a candidate of its
 * own for the model to weigh: a title and a name after a name ("CBS
 * moderator Nancy Cordes", "Clinton's top aide Jake Sullivan"), the
 * lower-case head the rules stopped short of ("several environmental
 * groups", "Small groups"), a prepositional phrase ("Citizens for Tax
 * Justice", "A document on the campaign's website"), cut at each of its
 * words but inside a name, for the verb it may run into ("A document on
 * the website states"); and the name a relative stands for ("Jane Doe,
 * who told").
 */
static void
extend(const struct qpara *c, struct rcand *cd, int *n)
{
	int	k, m = *n, j, e, s1, hi;

	for (k = 0; k < m; k++) {
		add_antecedent(c, cd, n, k);
		add_relative(c, cd, n, k);
		if ((s1 = cd[k].s1) < 0 || cd[k].s0 < 0 || cd[k].grown ||
		    (F(c, s1) & (I_PRON | I_WHO)))
			continue;
		hi = cd[k].cue > s1 ? cd[k].cue : c->nt;
		/* A title, then a name. */
		j = s1 + 1;
		if (j < hi && (F(c, j) & I_POSS))
			j++;
		for (e = 0; e < 4 && j < hi && title_word(c, j); e++, j++)
			;
		if (e > 0 && j < hi && capword(c, j)) {
			while (j + 1 < hi && capword(c, j + 1) && j - s1 < 10)
				j++;
			add_ext(cd, n, k, quote_paren_end(c, j, hi - 1), 3);
		}
		/* The lower-case head. */
		j = s1 + 1;
		if (j < hi && (F(c, j) & I_POSS))
			j++;
		for (e = 0; e < 3 && j < hi && plain(c, j); e++, j++)
			add_ext(cd, n, k, j, 4);
		/* A prepositional phrase: "a longtime adviser to Trump". */
		j = e > 0 ? j : s1 + 1;
		if (j < hi && j + 1 < hi && (quote_prep(c, j) ||
		    (is(c, j, "to") && (F(c, j - 1) & I_ROLE)))) {
			e = j;
			for (j++; j < hi && j - e <= 6 && (plain(c, j) ||
			    capword(c, j) || (F(c, j) & (I_DET | I_POSS))); j++)
				if (j + 1 < hi && !(F(c, j) & (I_DET | I_POSS)) &&
				    !(F(c, j + 1) & I_POSS) &&
				    !(capword(c, j) && capword(c, j + 1)))
					add_ext(cd, n, k, j, 6);
			j--;
			while (j > e && (F(c, j) & (I_DET | I_POSS)))
				j--;
			if (j > e)
				add_ext(cd, n, k, j, 5);
		}
	}
}

/* The text of a candidate: *len bytes. */
static const char *
cand_text(const struct qpara *c, const struct rcand *r, size_t *len)
{
	if (r->s0 >= 0) {
		*len = c->t[r->s1].off + c->t[r->s1].len - c->t[r->s0].off;
		return c->s + c->t[r->s0].off;
	}
	if (r->spk != NULL) {
		*len = strlen(r->spk);
		return r->spk;
	}
	*len = 0;
	return "";
}

/*
 * Do the tokens before t, back to a dash after lo, name who writes:
 * "A TOPIC IN CAPITALS - Jane Roe and John Doe: ..."?  *s0 is the first.
 */
static int
byline(const struct qpara *c, int lo, int t, int *s0)
{
	int	i;

	if (!is(c, t - 1, ":") || t - 2 < lo)
		return 0;
	for (i = t - 2; i >= lo && i > t - 10; i--) {
		if (c->t[i].kind == LEDE_TOK_DASH || is(c, i, "-"))
			break;
		if (!quote_name_part(c, i) && !is(c, i, "and"))
			return 0;
	}
	if (i < lo || i <= t - 10 || i == t - 2 || is(c, i + 1, "and"))
		return 0;
	*s0 = i + 1;
	return 1;
}

/* The candidates of quotation k. */
static int
gather(struct qpara *c, int k, struct rcand *cd)
{
	struct lede_quoter	*q = c->q;
	struct quotation	*qt = &c->qs[k];
	int			 n = 0, i, lo, hi, s0, s1, got, j;

	/* The rules' choice first: ties keep it. */
	if (qt->s0 >= 0)
		add_cand(cd, &n, RK_RULE, qt->s0, qt->s1, qt->cue, qt->strong,
		    NULL, NULL);
	else if (qt->spk[0])
		add_cand(cd, &n, RK_RULE, -1, -1, -1, 0, qt->spk, qt->name);
	else
		add_cand(cd, &n, RK_NONE, -1, -1, -1, 0, NULL, NULL);
	cd[0].rule = 1;
	/* After it, in its sentence. */
	for (hi = qt->t1; hi < c->nt && hi < qt->t1 + REACH &&
	    !(F(c, hi) & I_END) && !(F(c, hi) & I_INQ); hi++)
		;
	hi--;
	for (i = qt->t1, got = 0; i <= hi && i < qt->t1 + TAILCUE &&
	    got < RKPER; i++)
		if ((F(c, i) & (I_CUE | I_PRE)) &&
		    quote_speaker_of(c, i, qt->t1, hi, &s0, &s1)) {
			add_cand(cd, &n, RK_TAIL, s0, s1, i, 1, NULL, NULL);
			got++;
		}
	/*
	 * No cue after it: the phrase around the first verb there, which
	 * may be one no lexicon lists ("..., Trump barked", "..., beamed
	 * Jane Roe of Madison").
	 */
	if (got == 0)
		for (i = qt->t1; i <= hi && i < qt->t1 + TAILCUE; i++) {
			if (!verb_form(c, i))
				continue;
			if (i > qt->t1 &&
			    quote_np_left(c, i - 1, qt->t1, &s0, &s1, 0))
				add_cand(cd, &n, RK_VERB, s0, s1, i, 1, NULL,
				    NULL);
			else if (i == qt->t1 &&
			    quote_np_right(c, i + 1, hi, &s0, &s1))
				add_cand(cd, &n, RK_VERB, s0, s1, i, 1, NULL,
				    NULL);
			break;
		}
	/* Before it, in its sentence. */
	for (lo = qt->t0; lo > 0 && lo > qt->t0 - REACH &&
	    !(F(c, lo - 1) & (I_INQ | I_END)); lo--)
		;
	for (i = qt->t0 - 1, got = 0; i >= lo && got < RKPER; i--)
		if ((F(c, i) & (I_CUE | I_ING | I_PRE)) &&
		    quote_speaker_of(c, i, lo, qt->t0 - 1, &s0, &s1)) {
			add_cand(cd, &n, RK_HEAD, s0, s1, i, 1, NULL, NULL);
			got++;
		}
	if (qt->t0 - lo >= 2 && quote_subject(c, lo, qt->t0 - 1, &s0, &s1))
		add_cand(cd, &n, RK_SUBJ, s0, s1, -1, 1, NULL, NULL);
	if (byline(c, lo, qt->t0, &s0))
		add_cand(cd, &n, RK_BYLINE, s0, qt->t0 - 2, -1, 1, NULL, NULL);
	/* The cues of the paragraph outside its sentence. */
	for (i = lo - 1, got = 0; i >= 0 && lo - i < REACH && got < 2; i--)
		if ((F(c, i) & (I_CUE | I_PRE)) && !(F(c, i) & I_INQ)) {
			int a, b;

			quote_clause(c, i, &a, &b);
			if (quote_speaker_of(c, i, a, b, &s0, &s1)) {
				add_cand(cd, &n, RK_PARAB, s0, s1, i, 0, NULL,
				    NULL);
				got++;
			}
		}
	for (i = hi + 1, got = 0; i < c->nt && i - hi < REACH && got < 2; i++)
		if ((F(c, i) & (I_CUE | I_PRE)) && !(F(c, i) & I_INQ)) {
			int a, b;

			quote_clause(c, i, &a, &b);
			if (quote_speaker_of(c, i, a, b, &s0, &s1)) {
				add_cand(cd, &n, RK_PARAA, s0, s1, i, 0, NULL,
				    NULL);
				got++;
			}
		}
	/* The quotations next to it. */
	for (j = k - 1; j >= 0 && j >= k - RKPER; j--)
		if (c->qs[j].words >= MINWORDS || c->qs[j].cont) {
			if (c->qs[j].s0 >= 0)
				add_cand(cd, &n, RK_PREVQ, c->qs[j].s0,
				    c->qs[j].s1, c->qs[j].cue, 0, NULL, NULL);
			else if (c->qs[j].spk[0])
				add_cand(cd, &n, RK_PREVQ, -1, -1, -1, 0,
				    c->qs[j].spk, c->qs[j].name);
			break;
		}
	for (j = k + 1; j < c->nq && j <= k + RKPER; j++)
		if (c->qs[j].words >= MINWORDS) {
			if (c->qs[j].s0 >= 0)
				add_cand(cd, &n, RK_NEXTQ, c->qs[j].s0,
				    c->qs[j].s1, c->qs[j].cue, 0, NULL, NULL);
			break;
		}
	if (q->lastspk[0])
		add_cand(cd, &n, RK_LAST, -1, -1, -1, 0, q->lastspk,
		    q->lastname);
	if (q->colonspk[0] && q->colonpara == q->npara - 1)
		add_cand(cd, &n, RK_COLON, -1, -1, -1, 0, q->colonspk,
		    q->colonname);
	grow(c, cd, &n);
	extend(c, cd, &n);
	add_cand(cd, &n, RK_NONE, -1, -1, -1, 0, NULL, NULL);
	return n;
}

/*
 * Does a cue come before token i in its sentence, so that a phrase there
 * may be the subject of what is reported ("Lynch said she recalled")?
 */
static int
nested(const struct qpara *c, int i)
{
	int	k;

	for (k = i - 1; k >= 0 && i - k < REACH &&
	    !(F(c, k) & (I_END | I_INQ)); k--)
		if (F(c, k) & I_CUE)
			return 1;
	return 0;
}

/* The features of candidate r of quotation qt. */
static size_t
cand_feats(const struct qpara *c, const struct quotation *qt,
    const struct rcand *r, uint32_t *f)
{
	const struct lede_quoter *q = c->q;
	size_t		 n = 0, tl;
	uint32_t	 T = (uint32_t)r->type, dist = 31, same = 2, cw, hw;
	uint32_t	 first = 0, last = 0, len = 0, after, before, ended;
	uint32_t	 lastm = 0, v = 0, tagged;
	int		 k;
	const char	*tx;

	if (r->s0 >= 0) {
		if (r->s1 < qt->t0) {
			dist = bucket(qt->t0 - r->s1);
			same = !end_between(c, r->s1, qt->t0);
		} else if (r->s0 >= qt->t1) {
			dist = 8 + bucket(r->s0 - qt->t1);
			same = !end_between(c, qt->t1, r->s0);
		}
		first = pclass(c, r->s0);
		last = pclass(c, r->s1);
		len = bucket(r->s1 - r->s0 + 1);
		hw = tok_hash(c, r->s1);
	} else
		hw = r->spk != NULL ? 3 : 4;
	tx = cand_text(c, r, &tl);
	if (tl > 0 && q->lastspk[0]) {
		size_t	lo1[RKWORDS], ll1[RKWORDS];
		int	nw = words(tx, tl, lo1, ll1, RKWORDS);

		lastm = same_speaker(q->lastspk, tx, tl) ? 1 : 0;
		if (nw == 0)
			lastm = 2;
	}
	cw = r->cue >= 0 ? tok_hash(c, r->cue) : 5;
	tagged = (uint32_t)tagged_cue(c, r->cue);
	if (r->cue >= 0 && r->s0 >= 0)
		v = r->cue < r->s0 ? 1 : 2;
	after = pclass(c, qt->t1);
	before = pclass(c, qt->t0 - 1);
	ended = qt->ie > qt->is && strchr(".?!", c->s[qt->ie - 1]) != NULL;
	if (qt->ie > qt->is && c->s[qt->ie - 1] == ',')
		ended = 2;

	f[n++] = feat(1, T, 0);
	f[n++] = feat(2, T, (uint32_t)r->rule);
	f[n++] = feat(3, (uint32_t)r->rule, 0);
	f[n++] = feat(4, T, dist);
	f[n++] = feat(5, T, same);
	f[n++] = feat(6, T, first);
	f[n++] = feat(7, T, last);
	f[n++] = feat(8, T, hw);
	f[n++] = feat(9, hw, 0);
	f[n++] = feat(10, cw, 0);
	f[n++] = feat(11, T, cw);
	f[n++] = feat(12, T, tagged);
	f[n++] = feat(13, T, (uint32_t)r->ord);
	f[n++] = feat(14, T, ended * 16 + dist);
	f[n++] = feat(15, T, after * 32 + before);
	f[n++] = feat(16, T, after);
	f[n++] = feat(17, T, before);
	f[n++] = feat(18, T, len);
	f[n++] = feat(19, T, lastm);
	f[n++] = feat(20, T, v);
	f[n++] = feat(21, T, (uint32_t)(qt->t0 == 0) * 2 +
	    (uint32_t)(qt->t1 >= c->nt - 1));
	f[n++] = feat(22, T, (uint32_t)qt->cont * 2 + (uint32_t)qt->open);
	f[n++] = feat(23, T, (uint32_t)r->rule * 16 + ended);
	f[n++] = feat(24, T, first * 32 + last);
	f[n++] = feat(25, T, tagged * 16 + dist);
	f[n++] = feat(26, T, (uint32_t)(q->npara < 3 ? q->npara : 3));
	f[n++] = feat(27, T, bucket(qt->words));
	f[n++] = feat(28, cw, v);
	f[n++] = feat(29, T, (uint32_t)r->strong);
	f[n++] = feat(30, T, (uint32_t)(q->npara - q->lastpara < 3 ?
	    q->npara - q->lastpara : 3));
	if (r->s0 >= 0 && r->s1 < qt->t0)
		f[n++] = feat(43, T, (uint32_t)nested(c, r->s0) * 32 + first);
	if (r->s0 >= 0) {
		f[n++] = feat(37, T, pclass(c, r->s1 + 1));
		f[n++] = feat(38, T, pclass(c, r->s0 - 1) * 32 + last);
	}
	if (r->grown) {
		f[n++] = feat(31, T, (uint32_t)r->grown);
		f[n++] = feat(32, (uint32_t)r->grown, bucket(r->s1 - r->g1));
		f[n++] = feat(33, (uint32_t)r->grown, tok_hash(c, r->g1 + 1));
		f[n++] = feat(35, (uint32_t)r->grown, tok_hash(c, r->s1));
		f[n++] = feat(36, (uint32_t)r->grown, pclass(c, r->s1 + 1));
		f[n++] = feat(34, (uint32_t)r->grown, pclass(c, r->g1) * 32 +
		    pclass(c, r->s1));
		/* A verb's form in the words grown: "Blige sings to ...". */
		for (k = r->g1 + 1; k <= r->s1 && !verb_form(c, k); k++)
			;
		f[n++] = feat(42, (uint32_t)r->grown, k <= r->s1);
		/* The verb of a relative: "who supports", "who spoke". */
		if (r->grown == 8)
			f[n++] = feat(39, tok_hash(c, r->g1 + 2), 0);
	}
	return n;
}

/* The gold source of quotation qt in training, or NULL. */
static const char *
gold_source(const struct qpara *c, const struct quotation *qt)
{
	const struct quote_gold	*g = c->q->gold;
	size_t			 b = c->q->base + qt->is;
	int			 a;

	if (g == NULL || g->src == NULL || qt->ie <= qt->is || b >= g->n)
		return NULL;
	/* The middle of the quoted words: marks may be in or out. */
	b = c->q->base + qt->is + (qt->ie - qt->is) / 2;
	if (b >= g->n || (a = g->attr[b]) <= 0 ||
	    (size_t)a > g->nsrc)
		return NULL;
	return g->src[a - 1];
}

void
quote_rank(struct qpara *c, int k)
{
	struct quotation	*qt = &c->qs[k];
	struct quote_rankw	*R = c->q->R;
	struct rcand		 cd[RKMAX];
	uint32_t		 f[RKFEAT], fb[RKFEAT], fg[RKFEAT];
	float			 sc, bs = 0, gs = 0;
	size_t			 nf, nb = 0, ng = 0, tl;
	int			 n, i, best = 0, gbest = -1;
	const char		*gsrc, *tx;
	const struct rcand	*r;

	if (R == NULL)
		return;
	if (qt->s0 >= 0 && qt->sure)
		return;
	n = gather(c, k, cd);
	gsrc = gold_source(c, qt);
	for (i = 0; i < n; i++) {
		/* The type's own weight is the bias. */
		nf = quote_drop(&R->drop, f, cand_feats(c, qt, &cd[i], f), 1);
		sc = quote_rankw_score(R, f, nf);
		if (i == 0 || sc > bs) {
			bs = sc;
			best = i;
			memcpy(fb, f, nf * sizeof(*f));
			nb = nf;
		}
		if (gsrc != NULL) {
			tx = cand_text(c, &cd[i], &tl);
			if (same_speaker(gsrc, tx, tl) &&
			    (gbest < 0 || sc > gs)) {
				gbest = i;
				gs = sc;
				memcpy(fg, f, nf * sizeof(*f));
				ng = nf;
			}
		}
	}
	if (gsrc != NULL && R->w8 == NULL) {
		R->seen++;
		if (gbest < 0)
			R->miss++;
		if (gbest >= 0 && gbest != best) {
			quote_rankw_update(R, fg, ng, 1);
			quote_rankw_update(R, fb, nb, -1);
			R->errs++;
		}
		R->c++;
	}
	r = &cd[best];
	if (best == 0)
		return;
	/* The phrase passed over still names someone: it is learnt. */
	if (cd[0].s0 >= 0) {
		char	tmp[LEDE_QUOTE_NAMELEN];

		quote_resolve(c, cd[0].s0, cd[0].s1, tmp);
	}
	qt->s0 = r->s0;
	qt->s1 = r->s1;
	qt->cue = r->cue;
	qt->strong = r->strong;
	qt->spk[0] = qt->name[0] = '\0';
	if (r->s0 < 0 && r->spk != NULL) {
		strlcpy(qt->spk, r->spk, sizeof(qt->spk));
		strlcpy(qt->name, r->name != NULL ? r->name : r->spk,
		    sizeof(qt->name));
	}
}

