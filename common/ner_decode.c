/*
 * The labelling of a paragraph: lede_ner_tag() prepares the tokens, sums
 * the weights of each token's features for each label, and finds the
 * sequence of BILOU labels of the best score, the transitions' weights
 * counted (Viterbi decoding), among those that make names: I-t and L-t
 * only after B-t or I-t, every other label only after O, L-t or U-t, and
 * no name open at the end or across a blank line.
 */
#include <stdint.h>
#include <string.h>

#include "ner_priv.h"
#include "tok.h"

int
lede_ner_allowed(int prev, int label, int brk)
{
	if (label != 0 && (NER_POS(label) == NER_I ||
	    NER_POS(label) == NER_L))
		return !brk && NER_OPEN(prev) &&
		    NER_TYPE(prev) == NER_TYPE(label);
	return !NER_OPEN(prev);
}

/* The labels that close a name or are outside one: O, L-t, U-t. */
static const unsigned char closed[] = { 0, 3, 4, 7, 8, 11, 12, 15, 16 };
#define NCLOSED	(sizeof(closed) / sizeof(closed[0]))
_Static_assert(NCLOSED == NER_NCLOSED, "the labels that close a name");

/* The labels a name may start with or go on to: O, B-t, U-t. */
static const unsigned char opening[] = { 0, 1, 4, 5, 8, 9, 12, 13, 16 };

#define NONE	(INT64_MIN / 4)		/* the score of a label not reached */

/*
 * Viterbi decoding, one token at a time (vit_step()): the best score of
 * each label of the token so far (v->d, summed in 64 bits, as a paragraph
 * may be long), and for each token since the last that could only be O
 * the label before each of its labels.  At such a token every sequence
 * goes through O, so the labels before it are settled then (vit_settle()),
 * and the memory of the decoder is that of the longest stretch of tokens
 * that may be in names, not that of the paragraph.  The maxima are taken
 * without branches, whose outcome no predictor could guess, over the
 * transitions allowed: O, B-t and U-t after O, L-t or U-t (tc, the weights
 * by label and label before), I-t and L-t after B-t or I-t; a label before
 * that, at its best, scores below what another gives at its worst is
 * nobody's best, which leaves one or two of nine for most tokens.
 */
struct vit {
	int64_t		 d[LEDE_NER_NLABEL];
	const int32_t	(*tc)[NCLOSED], *tlo, *thi;	/* ner->vt */
	size_t		 s0;	/* the first token not settled */
	int		 onlyo;	/* the last token could only be O */
};

/* The transitions of model m that vit_step() takes, once a model. */
static void
vit_trans(struct ner_vtrans *vt, const struct lede_ner_model *m)
{
	size_t	c, o;

	for (c = 0; c < NCLOSED; c++) {
		vt->tlo[c] = INT32_MAX;
		vt->thi[c] = INT32_MIN;
	}
	for (o = 0; o < NCLOSED; o++)
		for (c = 0; c < NCLOSED; c++) {
			vt->tc[o][c] = m->trans[closed[c]][opening[o]];
			if (vt->tc[o][c] < vt->tlo[c])
				vt->tlo[c] = vt->tc[o][c];
			if (vt->tc[o][c] > vt->thi[c])
				vt->thi[c] = vt->tc[o][c];
		}
}

static void
vit_init(struct vit *v, const struct lede_ner *ner,
    const struct lede_ner_model *m)
{
	int	l;

	v->tc = ner->vt.tc;
	v->tlo = ner->vt.tlo;
	v->thi = ner->vt.thi;
	for (l = 0; l < LEDE_NER_NLABEL; l++)
		v->d[l] = l != 0 && (NER_POS(l) == NER_I ||
		    NER_POS(l) == NER_L) ? NONE : m->trans[0][l];
	v->s0 = 0;
	v->onlyo = 0;
}

/* The labels of tokens v->s0 to i, label t at i. */
static void
vit_settle(struct lede_ner *ner, struct vit *v, size_t i, int t)
{
	size_t	k;

	for (k = i + 1; k-- > v->s0;) {
		ner->lab[k] = (unsigned char)t;
		if (k > v->s0)
			t = ner->back[(k - v->s0) * LEDE_NER_NLABEL + (size_t)t];
	}
	v->s0 = i + 1;
}

/* The best label before label l among the closing ones, d as they are. */
static inline int64_t
best_closing(const int64_t *d, const int32_t *tc, const size_t *cs, size_t nc,
    unsigned char *bp)
{
	int64_t		best = d[closed[cs[0]]] + tc[cs[0]], x;
	unsigned char	b = closed[cs[0]];
	size_t		c;
	int		gt;

	for (c = 1; c < nc; c++) {
		x = d[closed[cs[c]]] + tc[cs[c]];
		gt = x > best;
		best = gt ? x : best;
		b = gt ? closed[cs[c]] : b;
	}
	*bp = b;
	return best;
}

static void
vit_step(struct lede_ner *ner, const struct lede_ner_model *m, struct vit *v,
    size_t i, const int32_t *e)
{
	static const size_t	all[NCLOSED] = { 0, 1, 2, 3, 4, 5, 6, 7, 8 };
	int64_t		 nd[LEDE_NER_NLABEL], best, b1, b2, floor;
	unsigned char	*back, bp;
	size_t		 c, o, nc, cs[NCLOSED];
	int		 l, t, gt, pb, pi, allow = ner->t[i].allow;

	if (allow == ALLOW_O && v->onlyo) {
		/* O after O: most of the text. */
		v->d[0] += m->trans[0][0];
		ner->lab[i] = 0;
		v->s0 = i + 1;
		return;
	}
	if (i + 1 - v->s0 > ner->capback) {
		ner->capback = (i + 1 - v->s0) * 2;
		ner->back = lede_xrealloc(ner->back, ner->capback *
		    LEDE_NER_NLABEL);
	}
	back = ner->back + (i - v->s0) * LEDE_NER_NLABEL;
	if (allow == ALLOW_O) {
		/* O alone: every sequence goes through it. */
		best = i > 0 ? best_closing(v->d, v->tc[0], all, NCLOSED, &bp) :
		    m->trans[0][0];
		if (i > 0)
			vit_settle(ner, v, i - 1, bp);
		ner->lab[i] = 0;
		v->s0 = i + 1;
		for (l = 1; l < LEDE_NER_NLABEL; l++)
			v->d[l] = NONE;
		v->d[0] = best;
		v->onlyo = 1;
		return;
	}
	v->onlyo = 0;
	if (i > 0) {
		floor = NONE;
		for (c = 0; c < NCLOSED; c++)
			if (v->d[closed[c]] + v->tlo[c] > floor)
				floor = v->d[closed[c]] + v->tlo[c];
		nc = 0;
		for (c = 0; c < NCLOSED; c++)
			if (v->d[closed[c]] + v->thi[c] >= floor)
				cs[nc++] = c;
		for (o = 0; o < NCLOSED; o++) {
			nd[opening[o]] = best_closing(v->d, v->tc[o], cs, nc,
			    &bp);
			back[opening[o]] = bp;
		}
		for (t = 1; t <= 4; t++) {
			/* I-t and L-t: after B-t or I-t. */
			pb = NER_LABEL(t, NER_B);
			pi = NER_LABEL(t, NER_I);
			for (l = pi; l <= pi + 1; l++) {
				b1 = v->d[pb] + m->trans[pb][l];
				b2 = v->d[pi] + m->trans[pi][l];
				gt = b2 > b1;
				nd[l] = gt ? b2 : b1;
				back[l] = (unsigned char)(gt ? pi : pb);
			}
			if (ner->t[i].flags & TF_BREAK)
				nd[pi] = nd[pi + 1] = NONE;
		}
		memcpy(v->d, nd, sizeof(v->d));
	}
	/* The token's own scores; inside a name only, I-t alone. */
	if (allow == ALLOW_IN)
		for (l = 1; l < LEDE_NER_NLABEL; l++)
			v->d[l] = NER_POS(l) != NER_I ? NONE : v->d[l] + e[l - 1];
	else
		for (l = 1; l < LEDE_NER_NLABEL; l++)
			v->d[l] += e[l - 1];
}

/* The end of the paragraph: the best label that closes, and those before. */
static void
vit_end(struct lede_ner *ner, struct vit *v)
{
	size_t	c;
	int	t = 0;

	if (ner->nt == 0 || v->s0 >= ner->nt)
		return;
	for (c = 1; c < NCLOSED; c++)
		if (v->d[closed[c]] > v->d[t])
			t = closed[c];
	vit_settle(ner, v, ner->nt - 1, t);
}

static inline void
ring_add(int32_t (*ring)[LEDE_NER_NW], size_t k, const int32_t *src)
{
	int32_t	*dst = ring[k & NER_RINGMASK];
	int	 l;

	for (l = 0; l < LEDE_NER_NW; l++)
		dst[l] += src[l];
}

/* Whether token i or a neighbour of it may be in a name. */
static inline int
near_name(const struct lede_ner *ner, size_t i)
{
	const struct lede_ner_tok	*t = &ner->t[i];

	return t[0].allow != ALLOW_O || t[-1].allow != ALLOW_O ||
	    t[1].allow != ALLOW_O || t[-2].allow != ALLOW_O ||
	    t[2].allow != ALLOW_O;
}

/*
 * The edges: what the sentinels give the tokens at the ends of the
 * paragraph, the same for every paragraph (the model's).
 */
static void
edges(struct lede_ner *ner, const struct lede_ner_model *m)
{
	uint32_t	f[NER_MAXROLE];
	size_t		nf;
	int		r;

	memset(ner->edge, 0, sizeof(ner->edge));
	for (r = 0; r < NER_NROLE; r++) {
		nf = ner_role_feats(&ner->t[r == NER_ROLE_P1 ||
		    r == NER_ROLE_P2 ? -1 : (long)ner->nt], r, f);
		ner_add_rows(m, f, nf, ner->edge[1 + r]);
	}
}

/*
 * The paragraph in one pass, three tokens behind its reading: at step j
 * the token j gives its scores to itself and its neighbours (in a ring of
 * NER_RING rows), the context features of token j - 1 are made and the
 * words of the model's bitmap that find their rows fetched, the rows of
 * those of token j - 2 fetched, and the token j - 3, whose scores are
 * then whole, goes through Viterbi.
 */
size_t
lede_ner_tag(struct lede_ner *ner, const struct lede_ner_model *m,
    const char *s, size_t n, const struct lede_ent **ents)
{
	int32_t		(*ring)[LEDE_NER_NW] = ner->ring;
	const struct lede_ner_tok *t;
	uint32_t	*fc;
	struct vit	 v;
	size_t		 i, j, nt, nf;

	ner->lower = m->lower;
	ner->lowerbits = m->lowerbits;
	nt = ner_prepare_tokens(ner, s, n);
	if (ner->memomodel != m) {
		/*
		 * The cached scores, the edges and the decoder's transitions
		 * are the model's (the cache is empty at first).
		 */
		if (ner->memomodel != NULL)
			memset(ner->memo, 0, LEDE_NER_MEMOSIZE *
			    sizeof(*ner->memo));
		ner->memomodel = m;
		edges(ner, m);
		vit_trans(&ner->vt, m);
	}
	vit_init(&v, ner, m);
	ner_word_start(ner);
	memset(ring[0], 0, 2 * sizeof(ring[0]));
	if (nt > 0) {
		ring_add(ring, 0, ner->edge[1 + NER_ROLE_P1]);
		ring_add(ring, 0, ner->edge[1 + NER_ROLE_P2]);
		ring_add(ring, 1, ner->edge[1 + NER_ROLE_P2]);
	}
	for (j = 0; j < nt + 3; j++) {
		if (j + 2 < nt)
			memset(ring[(j + 2) & NER_RINGMASK], 0, sizeof(ring[0]));
		if (j < nt && near_name(ner, j)) {
			ner_word_scores(ner, m, j, ring);
			/*
			 * The slots of the document memory that its context
			 * features will look at, a step later (those of its
			 * word, and of its word as the last of a name), and of
			 * the document read ahead.  (Not in a function of its
			 * own: the compiler takes one that only fetches for
			 * one without effect, and drops its calls.)
			 */
			t = &ner->t[j];
			if (t->allow != ALLOW_O && (t->flags & TF_ALPHA)) {
				PREFETCH(&ner->mem[ner_mem_home(t->lw)]);
				PREFETCH(&ner->mem[ner_mem_home(mix(T_MEML,
				    t->lw))]);
				if ((t->flags & (LEDE_TF_CAP | LEDE_TF_UPPER)) &&
				    ner->nagg > 0)
					PREFETCH(&ner->agg[ner_agg_home(t->lw)]);
			}
		}
		if (j > 0 && j <= nt) {
			/*
			 * Token j - 1, its neighbours' clusters now known, and
			 * the feature of its place, which the word cache leaves
			 * out (the scores of a token that can only be O count
			 * for nothing).
			 */
			i = j - 1;
			fc = ner->ctxf[i & NER_RINGMASK];
			nf = 0;
			if (ner->t[i].allow != ALLOW_O) {
				nf = ner_ctx_feats(ner, i, fc);
				fc[nf++] = ner_place_feat(ner, i);
			}
			ner->nctxf[i & NER_RINGMASK] = (unsigned char)nf;
			ner_fetch_map(m, fc, nf);
		}
		if (j > 1 && j <= nt + 1) {
			i = j - 2;
			ner_fetch_rows(m, ner->ctxf[i & NER_RINGMASK],
			    ner->nctxf[i & NER_RINGMASK]);
		}
		if (j == nt && nt > 0) {
			ring_add(ring, nt - 1, ner->edge[1 + NER_ROLE_N1]);
			ring_add(ring, nt - 1, ner->edge[1 + NER_ROLE_N2]);
			if (nt > 1)
				ring_add(ring, nt - 2,
				    ner->edge[1 + NER_ROLE_N2]);
		}
		if (j < 3)
			continue;
		i = j - 3;
		ner_add_rows(m, ner->ctxf[i & NER_RINGMASK],
		    ner->nctxf[i & NER_RINGMASK], ring[i & NER_RINGMASK]);
		vit_step(ner, m, &v, i, ring[i & NER_RINGMASK]);
	}
	vit_end(ner, &v);
	for (i = 0; i < nt; i++)
		lede_ner_set(ner, i, ner->lab[i]);
	lede_ner_end(ner);
	*ents = ner->ents;
	return ner->nents;
}
