/*
 * The learned parts of lede-quote: one table of hashed feature weights,
 * QM_NL a row, compiled in from common/data/quote-model.txt (mkqmodel.sh
 * turns its rows into quote-model.inc), or being trained by
 * tools/lede-quote-train.c, an averaged perceptron: the same code computes
 * the features in both, so the two never disagree.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "quote_priv.h"

/*
 * The tables compiled in: quote_mdata[1 << QUOTE_MODEL_BITS][QM_STRIDE]
 * of the cues, quote_rdata[1 << QUOTE_RANK_BITS] of the speakers,
 * quote_kdata[1 << QUOTE_KEEP_BITS] of the quoted segments, constant and
 * whole, so that a quoter costs nothing to make.
 */
#include "quote-model.inc"

/* A table for training. */
struct quote_weights *
quote_weights_new(unsigned bits)
{
	struct quote_weights	*W = lede_xcalloc(1, sizeof(*W));
	size_t			 n = ((size_t)1 << bits) * QM_NL;

	W->bits = bits;
	W->w = lede_xcalloc(n, sizeof(*W->w));
	W->u = lede_xcalloc(n, sizeof(*W->u));
	W->c = 1;
	return W;
}

/* The model compiled in. */
struct quote_weights *
quote_weights_builtin(void)
{
	struct quote_weights	*W = lede_xcalloc(1, sizeof(*W));

	W->bits = QUOTE_MODEL_BITS;
	W->w8 = &quote_mdata[0][0];
	return W;
}

void
quote_weights_free(struct quote_weights *W)
{
	if (W == NULL)
		return;
	free(W->w);
	free(W->u);
	free(W);
}

struct quote_rankw *
quote_rankw_new(unsigned bits)
{
	struct quote_rankw	*R = lede_xcalloc(1, sizeof(*R));

	R->bits = bits;
	R->w = lede_xcalloc((size_t)1 << bits, sizeof(*R->w));
	R->u = lede_xcalloc((size_t)1 << bits, sizeof(*R->u));
	R->c = 1;
	return R;
}

struct quote_rankw *
quote_rankw_builtin(void)
{
	struct quote_rankw	*R = lede_xcalloc(1, sizeof(*R));

	R->bits = QUOTE_RANK_BITS;
	R->w8 = quote_rdata;
	return R;
}

/* The segment classifier of quote_keep.c compiled in. */
struct quote_rankw *
quote_keepw_builtin(void)
{
	struct quote_rankw	*K = lede_xcalloc(1, sizeof(*K));

	K->bits = QUOTE_KEEP_BITS;
	K->w8 = quote_kdata;
	return K;
}

void
quote_train_keep(struct lede_quoter *q, struct quote_rankw *K)
{
	q->K = K != NULL ? K : q->kbuiltin;
}

void
quote_rankw_free(struct quote_rankw *R)
{
	if (R == NULL)
		return;
	free(R->w);
	free(R->u);
	free(R);
}

/* The score of the nf features f by a one-weight model. */
float
quote_rankw_score(const struct quote_rankw *R, const uint32_t *f, size_t nf)
{
	size_t	j;
	float	s = 0;
	int	is = 0;

	if (R->w8 != NULL) {
		for (j = 0; j < nf; j++)
			is += R->w8[(f[j] * 0x9E3779B1u) >> (32 - R->bits)];
		return (float)is;
	}
	for (j = 0; j < nf; j++)
		s += R->w[(f[j] * 0x9E3779B1u) >> (32 - R->bits)];
	return s;
}

/* In training: adds d to the weights of the nf features f. */
void
quote_rankw_update(struct quote_rankw *R, const uint32_t *f, size_t nf,
    float d)
{
	size_t	j, r;

	for (j = 0; j < nf; j++) {
		r = (f[j] * 0x9E3779B1u) >> (32 - R->bits);
		R->w[r] += d;
		R->u[r] += R->c * d;
	}
}

void
quote_weights_update(struct quote_weights *W, const uint32_t *f, size_t nf,
    int lab, float d)
{
	size_t	j, r;

	for (j = 0; j < nf; j++) {
		r = quote_row(W, f[j]) + (size_t)lab;
		W->w[r] += d;
		W->u[r] += W->c * d;
	}
}

/*
 * The scores of the labels for features f.  The rows are looked up first
 * and fetched ahead: they are scattered over the table, and the lookups
 * are most of the tagger's time.
 */
void
quote_weights_score(const struct quote_weights *W, const uint32_t *f,
    size_t nf, float *sc)
{
	const int8_t	*row[QM_MAXFEAT];
	size_t		 j, r;
	int32_t		 s[QM_STRIDE] = { 0 };
	int		 l;

	if (nf > QM_MAXFEAT)
		nf = QM_MAXFEAT;
	if (W->w8 == NULL) {
		for (l = 0; l < QM_NL; l++)
			sc[l] = 0;
		for (j = 0; j < nf; j++) {
			r = quote_row(W, f[j]);
			for (l = 0; l < QM_NL; l++)
				sc[l] += W->w[r + (size_t)l];
		}
		return;
	}
	for (j = 0; j < nf; j++) {
		row[j] = W->w8 + quote_rowno(W, f[j]) * QM_STRIDE;
		__builtin_prefetch(row[j]);
	}
	for (j = 0; j < nf; j++)
		for (l = 0; l < QM_STRIDE; l++)
			s[l] += row[j][l];
	for (l = 0; l < QM_NL; l++)
		sc[l] = (float)s[l];
}

/* The fixed-seed generator of training (a 64-bit LCG). */
uint32_t
quote_rnd(uint64_t *state)
{
	*state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(*state >> 33);
}

/*
 * Dropout: leaves out each of the nf features f after the first bias ones
 * with the chance d->p, and returns how many are left, in place: scored
 * and updated alike, they teach the model not to lean on the few features
 * that were enough in training.
 */
size_t
quote_drop(struct quote_drop *d, uint32_t *f, size_t nf, size_t bias)
{
	size_t	i, n;

	if (d->p == 0 || nf <= bias)
		return nf;
	for (i = n = bias; i < nf; i++)
		if (quote_rnd(&d->rng) >= d->p)
			f[n++] = f[i];
	return n;
}

void
quote_train(struct lede_quoter *q, struct quote_weights *W,
    struct quote_rankw *R, const struct quote_gold *g)
{
	q->W = W != NULL ? W : q->builtin;
	q->R = R != NULL ? R : q->rbuiltin;
	q->gold = g;
}
