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

struct quote_mrow {
	uint32_t	row;
	int8_t		w[QM_NL];
};

#include "quote-model.inc"

struct quote_weights *
quote_weights_new(unsigned bits, int train)
{
	struct quote_weights	*W = lede_xcalloc(1, sizeof(*W));
	size_t			 n = ((size_t)1 << bits) * QM_NL;

	W->bits = bits;
	if (train) {
		W->w = lede_xcalloc(n, sizeof(*W->w));
		W->u = lede_xcalloc(n, sizeof(*W->u));
		W->c = 1;
	} else
		W->w8 = lede_xcalloc((size_t)1 << bits,
		    QM_STRIDE * sizeof(*W->w8));
	return W;
}

/* The model compiled in. */
struct quote_weights *
quote_weights_builtin(void)
{
	struct quote_weights	*W = quote_weights_new(QUOTE_MODEL_BITS, 0);
	size_t			 i, n = sizeof(quote_mdata) /
				    sizeof(quote_mdata[0]);

	for (i = 0; i < n; i++)
		memcpy(W->w8 + (size_t)quote_mdata[i].row * QM_STRIDE,
		    quote_mdata[i].w, sizeof(quote_mdata[i].w));
	return W;
}

void
quote_weights_free(struct quote_weights *W)
{
	if (W == NULL)
		return;
	free(W->w8);
	free(W->w);
	free(W->u);
	free(W);
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

void
quote_train(struct lede_quoter *q, struct quote_weights *W,
    const struct quote_gold *g)
{
	q->W = W != NULL ? W : q->builtin;
	q->gold = g;
}
