/*
 * The labelling of a paragraph: lede_ner_tag() prepares the tokens, then
 * labels them left to right with the weights of a model, choosing the
 * best label allowed after the previous one (greedy decoding), and joins
 * the names it cut in two.
 */
#include <string.h>

#include "ner_priv.h"
#include "tok.h"

int
lede_ner_allowed(int prev, int label)
{
	if (label == 0 || (label & 1))
		return 1;
	return prev == label || prev == label - 1;
}

/*
 * Whether a blank line separates token i from the token before it: the
 * library is handed one paragraph at a time, but should a caller pass
 * several, no entity runs over the break.
 */
static int
after_break(const struct lede_ner *ner, size_t i)
{
	const char	*p, *e, *nl;

	if (i == 0)
		return 0;
	p = ner->s + ner->t[i - 1].off + ner->t[i - 1].len;
	e = ner->s + ner->t[i].off;
	if ((nl = memchr(p, '\n', (size_t)(e - p))) == NULL)
		return 0;
	return memchr(nl + 1, '\n', (size_t)(e - nl - 1)) != NULL;
}

/*
 * Is the name a, of type MISC, one word that qualifies the next name: a
 * nationality ("Australian Tom Moody") or a compound ("Ohio-based")?
 */
static int
modifier(const struct lede_ner *ner, const struct lede_ent *a)
{
	size_t	lo = 0, hi = ner->nt, mid;

	if (a->type != LEDE_ENT_MISC)
		return 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (ner->t[mid].off < a->off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == ner->nt || ner->t[lo].off != a->off ||
	    ner->t[lo].len != a->len)
		return 0;
	return ner->t[lo].gaz == GAZ_NAT << 1 ||
	    memchr(ner->s + a->off, '-', a->len) != NULL;
}

/*
 * Greedy labelling can break a name where its type seems to change
 * ("World" MISC, "Trade Organization" ORG): names of two types next to
 * each other, one space or line break apart, are joined under the type of
 * the second, as names seldom touch in news text, unless the first only
 * qualifies the second (modifier()).  After the labelling, so that
 * training, which labels the same way, is not changed by it.
 */
size_t
lede_ner_join(struct lede_ner *ner, size_t n)
{
	struct lede_ent	*e = ner->ents, *a;
	size_t		 k, w = 0, end;
	char		 gap;

	for (k = 1; k < n; k++) {
		a = &e[w];
		end = a->off + a->len;
		gap = end < ner->n ? ner->s[end] : 0;
		if (a->type != e[k].type && end + 1 == e[k].off &&
		    (gap == ' ' || gap == '\n') && !modifier(ner, a)) {
			a->len = e[k].off + e[k].len - a->off;
			a->type = e[k].type;
		} else
			e[++w] = e[k];
	}
	return ner->nents = n == 0 ? 0 : w + 1;
}

size_t
lede_ner_tag(struct lede_ner *ner, const struct lede_ner_model *m,
    const char *s, size_t n, const struct lede_ent **ents)
{
	uint32_t	 f[LEDE_NER_MAXFEAT];
	int32_t		 sc[LEDE_NER_NLABEL], top;
	size_t		 i, nf;
	int		 l, best, prev, inside;

	if (ner->memomodel != m) {
		/* The cached scores are the model's. */
		memset(ner->memo, 0, LEDE_NER_MEMOSIZE * sizeof(*ner->memo));
		ner->memomodel = m;
	}
	ner->lower = m->lower;
	ner->lowerbits = m->lowerbits;
	lede_ner_prepare(ner, s, n);
	for (i = 0; i < ner->nt; i++) {
		sc[0] = 0;
		ner_local_scores(ner, m, i, sc + 1);
		nf = ner_feats(ner, i, f, NER_FS_REST);
		ner_add_rows(m, f, nf, sc + 1);
		prev = i > 0 && ner->lab[i - 1] != 0 && !after_break(ner, i) ?
		    ner->lab[i - 1] : 0;
		/*
		 * The best label allowed (lede_ner_allowed()): any B-X, and
		 * I-X only after B-X or I-X.
		 */
		inside = prev == 0 ? 0 : (prev & 1) ? prev + 1 : prev;
		best = 0;
		top = sc[0];
		for (l = 1; l < LEDE_NER_NLABEL; l++)
			if (sc[l] > top && ((l & 1) || l == inside)) {
				best = l;
				top = sc[l];
			}
		lede_ner_set(ner, i, best);
	}
	lede_ner_join(ner, lede_ner_end(ner));
	*ents = ner->ents;
	return ner->nents;
}
