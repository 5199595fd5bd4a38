/*
 * The cues of attribution and their contents: a greedy left-to-right tagger
 * labels each token outside the quotations O, or B or I of a cue ("said",
 * "has called for", "according to", the ":" of "Sanders: ..."), or B or I
 * of the content it reports, from its word, its neighbours, the classes the
 * lexicons give them, where it stands in its sentence, the verbs of saying
 * ahead of it and the labels before it.  The weights are those of
 * quote_model.c; in training the gold cues of the document correct them.
 */
#include <string.h>

#include "quote_priv.h"

/* Labels: a cue, and the content it reports. */
#define CL_O	0
#define CL_B	1
#define CL_I	2
#define CL_BC	3
#define CL_IC	4

/* Feature templates. */
enum {
	CF_BIAS = 1, CF_W0, CF_WM1, CF_WP1, CF_WM2, CF_WP2, CF_BIL, CF_BIR,
	CF_SUF, CF_BIT, CF_CM1, CF_CP1, CF_CM2, CF_CP2, CF_PREV, CF_PREVW,
	CF_SEEN, CF_TOEND, CF_FROMSTART, CF_HASQ, CF_W0CM1, CF_W0CP1,
	CF_SHAPE, CF_PARA, CF_PREV2, CF_SINCE, CF_AHEAD, CF_AHEADW, CF_PREVCM1
};

#define CUEFEAT	24	/* features of one token */

/* The class bits a token's features look at. */
#define CUEBITS	(I_CUE | I_ING | I_PRE | I_THINK | I_NAMING | I_PRON | \
		    I_ROLE | I_TITLE | I_DET | I_ADV | I_STOP | I_ORG | I_WHO | \
		    I_DATE | I_POSS | I_PER)

static inline uint32_t
feat(uint32_t t, uint32_t a, uint32_t b)
{
	uint32_t h = a * 0x9E3779B1u + b * 0x85EBCA77u + t * 0xC2B2AE3Du;

	h ^= h >> 15;
	h *= 0x2C1B3C6Du;
	return h ^ (h >> 12);
}

/* The hash of token i in lower case (ASCII letters). */
static uint32_t
word_hash(const struct qpara *c, int i)
{
	return quote_hash_lower(c->s + c->t[i].off, c->t[i].len);
}

/* The hash of the last three bytes of token i in lower case. */
static uint32_t
suffix_hash(const struct qpara *c, int i)
{
	const unsigned char	*p = (const unsigned char *)c->s + c->t[i].off;
	size_t			 n = c->t[i].len, k;
	uint32_t		 h = 2166136261u;

	for (k = n > 3 ? n - 3 : 0; k < n; k++) {
		unsigned ch = p[k];

		if (ch - 'A' < 26)
			ch += 32;
		h = (h ^ ch) * 16777619u;
	}
	return h;
}

/* A coarse class of token i for its neighbours' features. */
static uint32_t
tclass(const struct qpara *c, int i)
{
	unsigned f;

	if (i < 0)
		return 1;
	if (i >= c->nt)
		return 2;
	f = F(c, i);
	if (f & I_INQ)
		return c->t[i].kind == LEDE_TOK_QUOTE ? 3 : 4;
	if (c->t[i].kind == LEDE_TOK_QUOTE)
		return 5;
	if (f & I_COMMA)
		return 6;
	if (f & I_END)
		return 7;
	if (c->t[i].kind == LEDE_TOK_DASH)
		return 8;
	if (c->t[i].kind != LEDE_TOK_WORD)
		return c->t[i].kind == LEDE_TOK_NUM ? 9 : 10;
	if (f & I_PRON)
		return 11;
	if (f & I_WHO)
		return 12;
	if (f & I_DET)
		return 13;
	if (f & (I_CUE | I_ING | I_PRE | I_THINK))
		return 14;
	if (f & (I_PER))
		return 15;
	if (f & I_CAP)
		return (f & I_STOP) ? 16 : 17;
	if (f & I_ROLE)
		return 18;
	if (f & I_STOP)
		return 19;
	if (f & I_ADV)
		return 20;
	return 21;
}

static inline uint32_t
bucket(int n)
{
	return n < 4 ? (uint32_t)n : n < 7 ? 4 : n < 12 ? 5 : n < 20 ? 6 : 7;
}

/*
 * The features of token i, whose sentence is lo..hi; prev, prev2, seen
 * and since (tokens since the last cue, or -1): the history; ahead: the
 * next verb of saying in the lexicons, or -1.
 */
static size_t
cue_feats(const struct qpara *c, const uint32_t *wh, int i, int lo, int hi,
    int hasq, int prev, int prev2, int seen, int since, int ahead,
    uint32_t *f)
{
	size_t		 n = 0;
	uint32_t	 w0 = wh[i], cm1 = tclass(c, i - 1), cp1 = tclass(c, i + 1);
	uint32_t	 wm1 = i > 0 ? wh[i - 1] : 1, wp1 = i + 1 < c->nt ?
			    wh[i + 1] : 2;
	unsigned	 fi = F(c, i);

	f[n++] = feat(CF_W0, w0, 0);
	f[n++] = feat(CF_WM1, wm1, 0);
	f[n++] = feat(CF_WP1, wp1, 0);
	f[n++] = feat(CF_BIL, wm1, w0);
	f[n++] = feat(CF_BIR, w0, wp1);
	f[n++] = feat(CF_SUF, suffix_hash(c, i), 0);
	f[n++] = feat(CF_BIT, fi & CUEBITS, 0);
	f[n++] = feat(CF_CM1, cm1, 0);
	f[n++] = feat(CF_CP1, cp1, 0);
	f[n++] = feat(CF_PREV, (uint32_t)prev, 0);
	f[n++] = feat(CF_PREVW, (uint32_t)prev, w0);
	f[n++] = feat(CF_SEEN, (uint32_t)(seen > 2 ? 2 : seen),
	    (fi & (I_CUE | I_ING | I_PRE | I_THINK)) != 0);
	f[n++] = feat(CF_TOEND, bucket(hi - i), 0);
	f[n++] = feat(CF_FROMSTART, bucket(i - lo), 0);
	f[n++] = feat(CF_HASQ, (uint32_t)hasq, (uint32_t)(seen > 0));
	f[n++] = feat(CF_W0CM1, w0, cm1);
	f[n++] = feat(CF_W0CP1, w0, cp1);
	f[n++] = feat(CF_SHAPE, (fi & I_CAP) != 0, c->t[i].kind);
	f[n++] = feat(CF_PREV2, (uint32_t)prev, (uint32_t)prev2);
	f[n++] = feat(CF_SINCE, since < 0 ? 99 : bucket(since),
	    (uint32_t)prev);
	f[n++] = feat(CF_AHEAD, ahead < 0 ? 99 : bucket(ahead - i),
	    (uint32_t)prev);
	f[n++] = feat(CF_AHEADW, ahead < 0 ? 1 : wh[ahead],
	    ahead < 0 ? 0 : bucket(ahead - i));
	f[n++] = feat(CF_PREVCM1, (uint32_t)prev, cm1);
	return n;
}

/* The gold label of token i in training. */
static int
gold_label(const struct qpara *c, const struct quote_gold *g, int i,
    int prev)
{
	size_t	b = c->q->base + c->t[i].off;

	if (b >= g->n)
		return CL_O;
	if (g->part[b] & QG_CUE)
		return (g->part[b] & QG_CUE0) || (prev != CL_B &&
		    prev != CL_I) ? CL_B : CL_I;
	if (g->part[b] & QG_CON)
		return (g->part[b] & QG_CON0) || (prev != CL_BC &&
		    prev != CL_IC) ? CL_BC : CL_IC;
	return CL_O;
}

static void
run_add(struct lede_buf *to, int a, int b)
{
	int	v[2] = { a, b };

	lede_buf_add(to, v, sizeof(v));
}

/* May label l follow label prev? */
static inline int
allowed(int prev, int l)
{
	if (l == CL_I)
		return prev == CL_B || prev == CL_I;
	if (l == CL_IC)
		return prev == CL_BC || prev == CL_IC;
	return 1;
}

/* The class of label l: 0 none, 1 cue, 2 content. */
static inline int
kind_of(int l)
{
	return l == CL_O ? 0 : l <= CL_I ? 1 : 2;
}

void
quote_cues(struct qpara *c)
{
	struct lede_quoter	*q = c->q;
	struct quote_weights	*W = q->W;
	const struct quote_gold	*g = q->gold;
	uint32_t		*wh, f[CUEFEAT];
	float			 sc[QM_NL];
	size_t			 nf;
	int			 i, lo, hi, j, prev = CL_O, prev2 = CL_O;
	int			 seen = 0, hasq = 0, since = -1, ahead = -1;
	int			 best, gold, l, run = -1, rk = 0, k;

	q->cues.len = q->cons.len = 0;
	if (W == NULL || c->nt == 0)
		return;
	q->wh.len = 0;
	lede_buf_reserve(&q->wh, (size_t)c->nt * sizeof(*wh));
	wh = (uint32_t *)(void *)q->wh.p;
	for (i = 0; i < c->nt; i++)
		wh[i] = word_hash(c, i);
	lo = 0;
	hi = -1;
	for (i = 0; i < c->nt; i++) {
		if (i > hi) {
			/* A new sentence: lo..hi, and has it a quotation? */
			lo = i;
			for (hi = i; hi < c->nt - 1 && !(F(c, hi) & I_END);
			    hi++)
				;
			for (j = lo, hasq = 0; j <= hi && !hasq; j++)
				hasq = (F(c, j) & I_INQ) != 0;
			seen = 0;
			since = -1;
			prev = prev2 = CL_O;
		}
		if (ahead <= i)
			for (ahead = i + 1; ahead <= hi && (!(F(c, ahead) &
			    (I_CUE | I_ING | I_PRE | I_THINK)) ||
			    (F(c, ahead) & I_INQ)); ahead++)
				;
		/*
		 * Inside quotations, and punctuation but for the colon and
		 * the dash of "― Name", nothing is a cue.
		 */
		if ((F(c, i) & I_INQ) || (c->t[i].kind != LEDE_TOK_WORD &&
		    c->t[i].kind != LEDE_TOK_DASH && !is(c, i, ":"))) {
			best = CL_O;
			goto next;
		}
		nf = cue_feats(c, wh, i, lo, hi, hasq, prev, prev2, seen,
		    since, ahead <= hi ? ahead : -1, f);
		nf = quote_drop(&W->drop, f, nf, 0);
		quote_weights_score(W, f, nf, sc);
		best = CL_O;
		for (l = 1; l < QM_NL; l++)
			if (sc[l] > sc[best] && allowed(prev, l))
				best = l;
		if (g != NULL) {
			gold = gold_label(c, g, i, prev);
			if (!allowed(prev, gold))
				gold = gold == CL_I ? CL_B : CL_BC;
			W->seen[0]++;
			if (best != gold) {
				quote_weights_update(W, f, nf, gold, 1);
				quote_weights_update(W, f, nf, best, -1);
				W->errs[0]++;
			}
			W->c++;
		}
next:
		k = kind_of(best);
		/* A run ends where its kind changes or a new one begins. */
		if (run >= 0 && (k != rk || best == CL_B || best == CL_BC)) {
			run_add(rk == 1 ? &q->cues : &q->cons, run, i - 1);
			run = -1;
		}
		if (k != 0 && run < 0) {
			run = i;
			rk = k;
		}
		if (k == 1) {
			if (best == CL_B)
				seen++;
			since = 0;
		} else if (since >= 0)
			since++;
		prev2 = prev;
		prev = best;
		if (i == hi && run >= 0) {
			run_add(rk == 1 ? &q->cues : &q->cons, run, i);
			run = -1;
		}
	}
	if (run >= 0)
		run_add(rk == 1 ? &q->cues : &q->cons, run, c->nt - 1);
	/* The tokens of the cues, for the speaker ranker. */
	{
		const int	*cue = (const int *)(void *)q->cues.p;
		size_t		 x, ncue = q->cues.len / (2 * sizeof(*cue));

		for (x = 0; x < ncue; x++)
			for (j = cue[2 * x]; j <= cue[2 * x + 1]; j++)
				c->in[j].f |= I_TCUE;
	}
}
