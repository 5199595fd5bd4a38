/*
 * The names of the document: full names learnt from the text (and from
 * lede-tag's PER tags), to which surnames and pronouns resolve.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "format.h"
#include "quote_priv.h"

static struct lede_quote_name *
name_find_last(struct lede_quoter *q, const char *w, size_t n)
{
	struct lede_quote_name	*best = NULL;
	int			 i;
	size_t			 l;

	for (i = 0; i < q->nnames; i++) {
		l = strlen(q->names[i].s);
		if (l > n && q->names[i].s[l - n - 1] == ' ' &&
		    memcmp(q->names[i].s + l - n, w, n) == 0 &&
		    (best == NULL || q->names[i].seen > best->seen))
			best = &q->names[i];
	}
	return best;
}

static struct lede_quote_name *
name_add(struct lede_quoter *q, const char *s, char g)
{
	struct lede_quote_name	*e = NULL;
	int			 i, old = 0;

	for (i = 0; i < q->nnames; i++)
		if (strcmp(q->names[i].s, s) == 0)
			e = &q->names[i];
	if (e == NULL) {
		if (q->nnames < LEDE_QUOTE_NAMES)
			e = &q->names[q->nnames++];
		else {
			for (i = 1; i < q->nnames; i++)
				if (q->names[i].seen < q->names[old].seen)
					old = i;
			e = &q->names[old];
		}
		memset(e, 0, sizeof(*e));
		strlcpy(e->s, s, sizeof(e->s));
	}
	if (g)
		e->gender = g;
	e->seen = ++q->clock;
	return e;
}

/* The most recent speaker a pronoun of class g can refer to. */
static struct lede_quote_name *
name_for_pronoun(struct lede_quoter *q, char g)
{
	struct lede_quote_name	*best = NULL;
	int			 i;

	for (i = 0; i < q->nnames; i++) {
		struct lede_quote_name *e = &q->names[i];
		int ok;

		if (g == 'm' || g == 'f')
			ok = e->gender == g ||
			    (e->gender == 0 && strchr(e->s, ' ') != NULL);
		else
			ok = e->gender == 'o';
		if (ok && (best == NULL || e->seen > best->seen))
			best = e;
	}
	return best;
}

/* Resolves the phrase s0..s1 into name (size LEDE_QUOTE_NAMELEN). */
void
quote_resolve(struct qpara *c, int s0, int s1, char *name)
{
	struct lede_quoter	*q = c->q;
	struct lede_quote_name	*e;
	int			 i, j;
	char			 g = 0;

	name[0] = '\0';
	if (s0 < 0)
		return;
	if (s0 == s1 && (F(c, s0) & I_WHO) && s0 >= 2 &&
	    quote_np_left(c, s0 - 2, 0, &i, &j, 1)) {
		quote_resolve(c, i, j, name);
		return;
	}
	if (s0 == s1 && (F(c, s0) & I_PRON)) {
		g = c->in[s0].g;
		if (g == 's')
			return;
		if ((e = name_for_pronoun(q, g)) != NULL) {
			strlcpy(name, e->s, LEDE_QUOTE_NAMELEN);
			if (e->gender == 0)
				e->gender = g;
			name_add(q, e->s, 0);
		}
		return;
	}
	if (s1 > s0 && (F(c, s1) & I_ADV))
		s1--;	/* "Cruz himself" */
	if (is(c, s1, ")"))
		while (s1 > s0 && !is(c, s1, "("))
			s1--;
	if (is(c, s1, "(") && s1 > s0)
		s1--;
	/* A relative clause names nobody: "Sen. Jim Whelan who represents". */
	for (i = s0 + 1; i < s1; i++)
		if (F(c, i) & I_WHO) {
			s1 = i - 1;
			break;
		}
	/* Whom a description serves does not speak: "an adviser to Jane Roe". */
	for (i = s0 + 1; i < s1; i++)
		if (is(c, i, "to") && (F(c, i - 1) & I_ROLE)) {
			quote_copy_tokens(c, s0, s1, name, LEDE_QUOTE_NAMELEN);
			return;
		}
	/* A person of a place: "Jane Roe of Madison" is Jane Roe. */
	for (i = s0 + 1; i < s1; i++)
		if (is(c, i, "of") && (F(c, i + 1) & I_CAP))
			break;
	if (i < s1 && (F(c, i - 1) & I_CAP) && !(F(c, i - 1) & (I_TITLE |
	    I_ROLE | I_ORG | I_STOP | I_POSS))) {
		for (j = i - 1; j > s0 && (F(c, j - 1) & I_CAP) &&
		    !(F(c, j - 1) & (I_TITLE | I_ROLE | I_ORG | I_STOP |
		    I_POSS)); j--)
			;
		if (i - j >= 2 && (c->in[j].g == 'm' || c->in[j].g == 'f'))
			s1 = i - 1;
	}
	/* The name: the capitalised words at the end of the phrase. */
	for (j = s1; j >= s0 && (F(c, j) & I_CAP) &&
	    !(F(c, j) & (I_TITLE | I_ROLE | I_STOP | I_POSS)) &&
	    s1 - j < 4; j--)
		;
	/* A name starts at its given name: "ranking Democrat Jane Roe". */
	for (i = j + 2; i < s1; i++)
		if ((c->in[i].g == 'm' || c->in[i].g == 'f') &&
		    c->in[i - 1].g == 0 && (F(c, i - 1) & I_CAP)) {
			j = i - 1;
			break;
		}
	/*
	 * After "of": a person's name where a first name starts it
	 * ("Secretary of State John Kerry"), else all of a body's name
	 * ("Bank of America").
	 */
	if (j > s0 && j < s1 && is(c, j, "of")) {
		for (i = j + 1; i <= s1 && c->in[i].g != 'm' &&
		    c->in[i].g != 'f'; i++)
			;
		if (i < s1)
			j = i - 1;
		else if (i > s1 && (F(c, j - 1) & I_CAP) &&
		    !(F(c, j - 1) & (I_STOP | I_POSS))) {
			for (j--; j > s0 && (F(c, j - 1) & I_CAP) &&
			    !(F(c, j - 1) & (I_STOP | I_POSS)) &&
			    !(F(c, j - 1) & I_TITLE); j--)
				;
			j--;
		} else if (i > s1)
			j = s1;	/* a description: "the mayor of Boston" */
	}
	for (i = s0; i <= s1; i++)
		if (c->in[i].g == 'm' || c->in[i].g == 'f')
			if (g == 0)
				g = c->in[i].g;
	if (j == s1) {
		/* A description or a body: "the ministry". */
		quote_copy_tokens(c, s0, s1, name, LEDE_QUOTE_NAMELEN);
		if (F(c, s1) & (I_ORG | I_CAP))
			name_add(q, name, 'o');
		return;
	}
	if (j + 1 == s1) {
		/* A surname alone: the full name used earlier. */
		if ((e = name_find_last(q, c->s + c->t[s1].off,
		    c->t[s1].len)) != NULL) {
			strlcpy(name, e->s, LEDE_QUOTE_NAMELEN);
			name_add(q, e->s, g);
			return;
		}
		quote_copy_tokens(c, s1, s1, name, LEDE_QUOTE_NAMELEN);
		name_add(q, name, g);
		return;
	}
	quote_copy_tokens(c, j + 1, s1, name, LEDE_QUOTE_NAMELEN);
	/* "the Lisbury Courier": after an article, a body, not a person. */
	if (g == 0 && j >= s0 && (F(c, j) & I_DET))
		g = 'o';
	name_add(q, name, g);
}


/* A name seen in the text but not as a speaker: known for surnames only. */
static void
name_mention(struct lede_quoter *q, const char *s, char g)
{
	int	i;

	for (i = 0; i < q->nnames; i++)
		if (strcmp(q->names[i].s, s) == 0)
			return;
	if (q->nnames < LEDE_QUOTE_NAMES) {
		struct lede_quote_name *e = &q->names[q->nnames++];

		memset(e, 0, sizeof(*e));
		strlcpy(e->s, s, sizeof(e->s));
		e->gender = g;
	}
}

/*
 * Does token i start the name of a credit line ("Photo by Doug Mills",
 * "Photograph: Jane Roe/Reuters", "Credit: ...")?  Whoever took the
 * picture says nothing: a pronoun after it is not theirs.
 */
static int
credited(const struct qpara *c, int i)
{
	static const char *const what[] = {
		"photo", "photos", "photograph", "photographs", "picture",
		"image", "images", "video", "illustration", "graphic",
		"credit", "courtesy"
	};
	const char	*w;
	size_t		 k, n;
	int		 j = i - 1;

	if (is(c, j, "by") || is(c, j, ":") || (is(c, j, "of") &&
	    (is(c, j - 1, "courtesy") || is(c, j - 1, "Courtesy"))))
		j--;
	if (j < 0 || c->t[j].kind != LEDE_TOK_WORD)
		return 0;
	w = c->s + c->t[j].off;
	n = c->t[j].len;
	for (k = 0; k < sizeof(what) / sizeof(what[0]); k++)
		if (strlen(what[k]) == n && strncasecmp(w, what[k], n) == 0)
			return 1;
	return 0;
}

/*
 * Full names in the paragraph, remembered for surnames: those tagged PER
 * by lede-tag, and in untagged text a known given name followed by one or
 * two capitalised words ("Rex Tillerson", "Mary Ann Cole").
 */
void
quote_learn_names(struct qpara *c)
{
	const int	*at = (const int *)(void *)c->q->namet.p;
	size_t		 k, nat = c->q->namet.len / sizeof(*at);
	int		 i, j, next = 0;
	char		 buf[LEDE_QUOTE_NAMELEN];

	/* Only the tokens quote_tokenize() found may start a name. */
	for (k = 0; k < nat; k++) {
		if ((i = at[k]) < next || credited(c, i))
			continue;
		if (F(c, i) & I_PER) {
			for (j = i; j + 1 < c->nt && (F(c, j + 1) & I_PER); j++)
				;
			if (j > i && (F(c, j) & I_CAP)) {
				quote_copy_tokens(c, i, j, buf, sizeof(buf));
				name_add(c->q, buf, c->in[i].g);
			}
			next = j + 1;
			continue;
		}
		for (j = i; j + 1 < c->nt && j - i < 2 &&
		    (F(c, j + 1) & I_CAP) && !(F(c, j + 1) & NOT_NAME); j++)
			;
		if (j > i) {
			quote_copy_tokens(c, i, j, buf, sizeof(buf));
			name_mention(c->q, buf, c->in[i].g);
		}
		next = j + 1;
	}
}
