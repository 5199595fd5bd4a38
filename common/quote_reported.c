/*
 * Reported speech: "Murphy told reporters that ...", "..., Murphy said.",
 * "According to X, ...": the clause a reporting verb governs.
 */
#include <string.h>

#include "quote_priv.h"

/*
 * The end of a reported clause a..b without a second attribution of its
 * own at the end: "He said some ..., Murphy said".
 */
static int
cut_attribution(const struct qpara *c, int a, int b, int v)
{
	int	k, s0, s1;

	for (k = a + 3; k <= b; k++) {
		if (!(F(c, k) & I_CUE) || k == v || b - k > 4)
			continue;
		if (quote_np_left(c, k - 1, a, &s0, &s1, 0) &&
		    (F(c, s0 - 1) & I_COMMA) && s0 - 2 > a)
			return s0 - 2;
		if ((F(c, k - 1) & I_COMMA) && k - 2 > a)
			return k - 2;
	}
	return b;
}

/*
 * The end of a reported clause a..b before a second attribution joined to
 * it, by a verb of saying or a cue the model found: "he said A, but he said
 * B", "six in 10 said A, while nine in 10 said B", "X said A and Y argued
 * B".
 */
static int
cut_second(const struct qpara *c, int a, int b, int v)
{
	int	k, j, s0, s1;

	for (k = a + 2; k <= b; k++) {
		if (!(F(c, k) & (I_CUE | I_TCUE)) || (F(c, k) & I_INQ) ||
		    k == v ||
		    !quote_np_left(c, k - 1, a, &s0, &s1, 0) || s1 != k - 1)
			continue;
		j = s0 - 1;
		if (is(c, j, "but") || is(c, j, "and") || is(c, j, "while") ||
		    is(c, j, "although") || is(c, j, "though") ||
		    is(c, j, "whereas"))
			j--;
		else if (!(F(c, j) & I_COMMA))
			continue;
		while (j > a && (F(c, j) & I_COMMA))
			j--;
		if (j > a)
			return j;
	}
	return b;
}

/*
 * The end of a reported clause a..b before a participle after a comma,
 * the writer's words or a cue of their own: "Mr. Kasich should leave the
 * race, echoing a memo ...", "..., adding that ...".
 */
static int
cut_participle(const struct qpara *c, int a, int b)
{
	const char	*w;
	size_t		 n;
	int		 k;

	for (k = a + 1; k < b; k++) {
		if (!(F(c, k) & I_COMMA) || (F(c, k) & I_INQ))
			continue;
		if (F(c, k + 1) & I_ING)
			return k - 1;
		if (c->t[k + 1].kind != LEDE_TOK_WORD ||
		    (F(c, k + 1) & I_CAP))
			continue;
		w = c->s + c->t[k + 1].off;
		n = c->t[k + 1].len;
		if (n > 5 && memcmp(w + n - 3, "ing", 3) == 0 &&
		    !is(c, k + 1, "including") && !is(c, k + 1, "nothing") &&
		    !is(c, k + 1, "something") && !is(c, k + 1, "anything") &&
		    !is(c, k + 1, "everything"))
			return k - 1;
	}
	return b;
}

/*
 * The end of a reported clause a..b after its verb, before a clause of the
 * writer's joined to it: "Graham has acknowledged the reality of climate
 * change, which makes him an outlier", "..., but stopped short of ...",
 * "..., and ...", "..., while ...", "He claimed vast wealth and said ...",
 * an aside ("..., with one exception", "..., even as ...", "..., compared
 * with ...", "..., despite ...", "... as he ...", "... after she ...") or
 * a dash.
 */
static int
cut_clause(const struct qpara *c, int a, int b)
{
	int	k;

	for (k = a + 1; k < b; k++) {
		if (F(c, k) & I_INQ)
			continue;
		if (c->t[k].kind == LEDE_TOK_DASH ||
		    (is(c, k, "and") && (F(c, k + 1) & (I_CUE | I_TCUE))))
			return k - 1;
		/* "... on Monday as he issued a statement" */
		if ((is(c, k, "as") || is(c, k, "after") ||
		    is(c, k, "before")) && (F(c, k + 1) & I_PRON))
			return k - 1;
		if ((F(c, k) & I_COMMA) && (is(c, k + 1, "but") ||
		    is(c, k + 1, "and") || is(c, k + 1, "with") ||
		    is(c, k + 1, "even") || is(c, k + 1, "compared") ||
		    is(c, k + 1, "aside") || is(c, k + 1, "despite") ||
		    is(c, k + 1, "although") || is(c, k + 1, "though") ||
		    is(c, k + 1, "which") || is(c, k + 1, "while")))
			return k - 1;
	}
	return b;
}

/* Words between a verb of saying and its clause: "told reporters on Monday". */
static int
adjunct(const struct qpara *c, int i)
{
#define W(s)	{ s, sizeof(s) - 1 }
	static const struct {
		const char	*s;
		size_t		 n;
	} words[] = {
		W("a"), W("an"), W("at"), W("conference"), W("earlier"),
		W("her"), W("him"), W("in"), W("interview"), W("last"),
		W("me"), W("news"), W("on"), W("reporters"), W("statement"),
		W("the"), W("them"), W("this"), W("us"), W("week"),
		W("yesterday"),
	};
#undef W
	size_t	k;

	if (F(c, i) & I_DATE)
		return 1;
	for (k = 0; k < sizeof(words) / sizeof(words[0]); k++)
		if (is_n(c, i, words[k].s, words[k].n))
			return 1;
	return 0;
}

/* Can token i start a reported clause? */
static int
clause_start(const struct qpara *c, int i)
{
	return (F(c, i) & (I_PRON | I_DET)) || quote_name_part(c, i) ||
	    c->t[i].kind == LEDE_TOK_NUM;
}

/*
 * The reported clause of the verb at v, whose speaker is s0..s1, in the
 * sentence lo..hi: its first and last tokens in *a and *b.
 */
static int
reported_span(const struct qpara *c, int v, int lo, int hi, int s0, int s1,
    int *a, int *b)
{
	int	i;

	*a = *b = -1;
	if (F(c, v) & I_PRE) {
		if (v > lo + 3) {
			*a = lo;	/* "..., according to X." */
			*b = v - 1;
		} else if (F(c, s1 + 1) & I_COMMA) {
			*a = s1 + 2;	/* "According to X, ..." */
			*b = hi;
		}
		return *a >= 0;
	}
	for (i = v + 1; i <= hi && i < v + CUEGAP; i++)
		if (is(c, i, "that") || (F(c, i) & (I_INQ | I_COMMA | I_CUE)) ||
		    ((is(c, v, "said") || is(c, v, "says")) && !adjunct(c, i)))
			break;
	if (is(c, i, "that"))
		*a = i;
	else if ((is(c, i, "whether") || is(c, i, "if") || is(c, i, "why") ||
	    is(c, i, "how")) && (is(c, v, "asked") || is(c, v, "wondered")))
		*a = i;
	else if (v + 1 <= hi && s1 < v && !is(c, v, "told") &&
	    !is(c, v, "asked") && (clause_start(c, v + 1) ||
	    ((is(c, v, "said") || is(c, v, "says") || is(c, v, "say")) &&
	    (F(c, v + 1) & I_WORD) && !(F(c, v + 1) &
	    (I_STOP | I_CUE | I_ING | I_ADV | I_INQ | I_DATE)) &&
	    !adjunct(c, v + 1))))
		*a = v + 1;
	if (*a >= 0) {
		*b = hi;
		return 1;
	}
	if (!(F(c, v) & I_CUE))
		return 0;
	if (s0 > lo + 1 && (F(c, s0 - 1) & I_COMMA) && s1 < v &&
	    (F(c, v + 1) & I_COMMA) && hi - v > 3) {
		*a = lo;		/* "Recently, he said, he has..." */
		*b = hi;
	} else if (s0 > lo + 2 && (F(c, s0 - 1) & I_COMMA) && s1 < v &&
	    hi - v < SHORTTAIL) {
		*a = lo;		/* "..., Murphy said." */
		*b = s0 - 2;
	} else if (s0 > v && (F(c, v - 1) & I_COMMA) && v - 1 > lo + 2 &&
	    (hi - s1 < SHORTTAIL || (F(c, s1 + 1) & I_COMMA))) {
		/* "..., said Murphy.", "..., said Murphy, an aide who ..." */
		*a = lo;
		*b = v - 2;
	}
	return *a >= 0;
}

/* Is everything in a..b but punctuation inside quotations? */
static int
quote_only(const struct qpara *c, int a, int b)
{
	int	k;

	for (k = a; k <= b; k++)
		if (!(F(c, k) & I_INQ) && c->t[k].kind != LEDE_TOK_PUNCT &&
		    c->t[k].kind != LEDE_TOK_QUOTE && c->t[k].kind != LEDE_TOK_DASH)
			return 0;
	return 1;
}

/* Narrows the clause lo..hi around token v to what semicolons bound. */
static void
semicolons(const struct qpara *c, int v, int *lo, int *hi)
{
	int	k;

	for (k = v - 1; k > *lo; k--)
		if (is(c, k, ";")) {
			*lo = k + 1;
			break;
		}
	for (k = v + 1; k < *hi; k++)
		if (is(c, k, ";")) {
			*hi = k - 1;
			break;
		}
}

/* Are the words of a..b only where and when it was said: "on Monday"? */
static int
only_adjuncts(const struct qpara *c, int a, int b)
{
	int	k;

	for (k = a; k <= b; k++)
		if ((c->t[k].kind == LEDE_TOK_WORD ||
		    c->t[k].kind == LEDE_TOK_NUM) && !adjunct(c, k) &&
		    !quote_prep(c, k))
			return 0;
	return 1;
}

/* Does a..b hold at least n words? */
static int
has_words(const struct qpara *c, int a, int b, int n)
{
	int	k;

	for (k = a; k <= b && n > 0; k++)
		if (c->t[k].kind == LEDE_TOK_WORD ||
		    c->t[k].kind == LEDE_TOK_NUM)
			n--;
	return n == 0;
}

/*
 * The content of the cue a0..a1 the model found, whose speaker is s0..s1
 * (or -1), in the clause lo..hi: the rules of reported_span() first, else
 * what follows the cue, else what comes before its speaker.
 */
static int
learned_span(const struct qpara *c, int a0, int a1, int lo, int hi, int s0,
    int s1, int *a, int *b)
{
	int	i, v = (F(c, a0) & I_PRE) ? a0 : a1;

	if (s0 >= 0 && reported_span(c, v, lo, hi, s0, s1, a, b))
		return 1;
	*a = s0 > a1 ? s1 + 1 : a1 + 1;
	while (*a <= hi && (F(c, *a) & I_COMMA))
		(*a)++;
	for (i = *a; i <= hi && i < *a + CUEGAP; i++)
		if (is(c, i, "that") || (F(c, i) & (I_INQ | I_COMMA | I_CUE)) ||
		    !adjunct(c, i))
			break;
	if (is(c, i, "that"))
		*a = i;
	*b = hi;
	while (*b >= *a && (c->t[*b].kind == LEDE_TOK_PUNCT ||
	    c->t[*b].kind == LEDE_TOK_DASH))
		(*b)--;
	/* Not a clause but where it was said: "..., Roe said in a statement." */
	if (i <= *b && has_words(c, *a, *b, MINWORDS))
		return 1;
	*a = lo;
	*b = (s0 >= lo && s0 < a0 ? s0 : a0) - 1;
	while (*b >= *a && (c->t[*b].kind == LEDE_TOK_PUNCT ||
	    c->t[*b].kind == LEDE_TOK_DASH))
		(*b)--;
	return has_words(c, *a, *b, MINWORDS);
}

/* Is the cue a0..a1 that of a quotation of the paragraph (I_QCUE)? */
static int
quote_cue(const struct qpara *c, int a0, int a1)
{
	int	k;

	for (k = a0; k <= a1; k++)
		if (F(c, k) & I_QCUE)
			return 1;
	return 0;
}

/*
 * Reported speech: the cues the model found, "Murphy told reporters that
 * ...", "..., Murphy said.", each with its speaker and its clause.
 */
void
quote_indirect(struct qpara *c)
{
	const int	*cue = (const int *)(void *)c->q->cues.p;
	size_t		 x, ncue = c->q->cues.len / (2 * sizeof(*cue));
	int		 a0, a1, lo, hi, s0, s1, a, b, e, k, done = -1;
	char		 spk[LEDE_QUOTE_NAMELEN], name[LEDE_QUOTE_NAMELEN];
	char		 cuew[LEDE_QUOTE_CUELEN];

	for (k = 0; k < c->nq; k++)
		if (c->qs[k].cue >= 0)
			c->in[c->qs[k].cue].f |= I_QCUE;
	/*
	 * A transcript without marks: "MS. CLINTON: I think ...": the
	 * label speaks the paragraph.
	 */
	if ((s1 = quote_label(c, 0)) >= 0 && c->nq == 0) {
		a = s1 + 2;
		b = c->nt - 1;
		while (b >= a && (c->t[b].kind == LEDE_TOK_PUNCT ||
		    c->t[b].kind == LEDE_TOK_DASH))
			b--;
		if (b >= a) {
			quote_copy_tokens(c, 0, s1, spk, sizeof(spk));
			quote_resolve(c, 0, s1, name);
			quote_rec_add(c->q, c->q->base + c->t[a].off,
			    c->q->base + c->t[b].off + c->t[b].len,
			    LEDE_QUOTE_INDIRECT, c->s + c->t[a].off,
			    c->t[b].off + c->t[b].len - c->t[a].off, spk, name,
			    ":");
			return;
		}
	}
	for (x = 0; x < ncue; x++) {
		a0 = cue[2 * x];
		a1 = cue[2 * x + 1];
		if (a0 <= done || (F(c, a0) & I_INQ))
			continue;
		quote_clause(c, a0, &lo, &hi);
		semicolons(c, a0, &lo, &hi);
		if (lo <= done)
			lo = done + 1;
		if (!quote_speaker_of(c, a0, lo, hi, &s0, &s1))
			s0 = s1 = -1;
		if (quote_cue(c, a0, a1))
			continue;	/* "..., said Murphy, an aide" */
		if (!learned_span(c, a0, a1, lo, hi, s0, s1, &a, &b))
			continue;
		while (b >= a && (c->t[b].kind == LEDE_TOK_PUNCT ||
		    c->t[b].kind == LEDE_TOK_DASH))
			b--;
		if (b < a || a <= done)
			continue;
		e = cut_attribution(c, a, b, a1);
		if (a > a1)
			e = cut_second(c, a, e, a1);
		e = cut_participle(c, a, e);
		if (a > a1)
			e = cut_clause(c, a, e);
		/* The first quotation; the segment classifier's feature. */
		for (k = a; k <= b && !(F(c, k) & I_INQ); k++)
			;
		if (k <= b && !quote_only(c, a, b))
			c->qs[c->in[k].q].inclause = 1;
		/*
		 * Cut first: "..., saying, “...”" quotes after the clause;
		 * but what is left must be more than where it was said
		 * ("released a statement on Monday, offering “...”").
		 */
		if (!only_adjuncts(c, a, e))
			b = e;
		if (k <= b) {
			/*
			 * A quotation inside: "According to X, “...”" is
			 * direct, a clause with a quoted part mixed.
			 */
			if (!quote_only(c, a, b))
				c->qs[c->in[k].q].mixed = 1;
			continue;
		}
		done = b > a1 ? b : a1;
		if (s1 > done)
			done = s1;
		quote_copy_tokens(c, s0, s1, spk, sizeof(spk));
		quote_resolve(c, s0, s1, name);
		quote_copy_tokens(c, a0, a1, cuew, sizeof(cuew));
		quote_rec_add(c->q, c->q->base + c->t[a].off,
		    c->q->base + c->t[b].off + c->t[b].len, LEDE_QUOTE_INDIRECT,
		    c->s + c->t[a].off, c->t[b].off + c->t[b].len - c->t[a].off,
		    spk, name, cuew);
	}
}
