/*
 * The named-entity model compiled into the library: mkmodel.sh turns
 * common/data/ner-model.txt into the transition weights, the non-zero
 * rows of the hashed table and their numbers, in order, and
 * lede_ner_model_builtin() makes the bitmap that finds them (ner_priv.h)
 * and puts it and the rows on large pages.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "ner_priv.h"

#include "ner-model.inc"

_Static_assert(sizeof(ner_trans) == LEDE_NER_NLABEL * LEDE_NER_NLABEL *
    sizeof(int32_t), "the model's transitions are not those of its labels");
_Static_assert(sizeof(ner_w) / sizeof(ner_w[0]) ==
    sizeof(ner_row) / sizeof(ner_row[0]) + 1,
    "the model's rows are not its weights and a row of zeros");
_Static_assert(NER_BITS >= 6 && NER_BITS <= 28,
    "the model's table is too small or too large");

struct lede_ner_model *
lede_ner_model_builtin(void)
{
	struct lede_ner_model	*m = lede_xcalloc(1, sizeof(*m));
	size_t			 i, n = sizeof(ner_row) / sizeof(ner_row[0]);
	size_t			 nrank;

	m->lowerbits = NER_LOWERBITS;
	m->lower = lede_xcalloc(((size_t)1 << NER_LOWERBITS) / 64,
	    sizeof(uint64_t));
	for (i = 0; i < sizeof(ner_lower) / sizeof(ner_lower[0]); i++)
		m->lower[ner_lower[i] >> 6] |= (uint64_t)1 << (ner_lower[i] & 63);
	memcpy(m->trans, ner_trans, sizeof(m->trans));
	m->bits = NER_BITS;
	/*
	 * The bitmap and the rows in one table on large pages (see
	 * ner_table_new()), the rows after the bitmap.
	 */
	nrank = ((size_t)1 << NER_BITS) / 64;
	m->rank = ner_table_new(nrank * sizeof(*m->rank) + sizeof(ner_w));
	memcpy(m->rank + nrank, ner_w, sizeof(ner_w));
	m->rows = (const int16_t (*)[LEDE_NER_NW])(const void *)(m->rank +
	    nrank);
	m->nrows = n;
	m->hw = ner_hw();
	/* mkmodel.sh has checked that the rows are in order. */
	for (i = 0; i < n; i++)
		m->rank[ner_row[i] >> 6].map |= (uint64_t)1 << (ner_row[i] & 63);
	for (i = 1; i < nrank; i++)
		m->rank[i].base = m->rank[i - 1].base +
		    ner_popcount(m->rank[i - 1].map, 0);
	return m;
}

void
lede_ner_model_free(struct lede_ner_model *m)
{
	if (m == NULL)
		return;
	free(m->rank);
	free(m->lower);
	free(m);
}
