/*
 * The named-entity model compiled into the library: mkmodel.sh turns
 * common/data/ner-model.txt into the transition weights and a table of
 * the non-zero rows, which lede_ner_model_builtin() spreads into the
 * dense weight table.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "ner_priv.h"

struct ner_row {
	uint32_t	row;
	int16_t		w[LEDE_NER_NW];
};

#include "ner-model.inc"

_Static_assert(sizeof(ner_trans) == LEDE_NER_NLABEL * LEDE_NER_NLABEL *
    sizeof(int32_t), "the model's transitions are not those of its labels");

struct lede_ner_model *
lede_ner_model_builtin(void)
{
	struct lede_ner_model	*m = lede_xcalloc(1, sizeof(*m));
	size_t			 i, n = sizeof(ner_data) / sizeof(ner_data[0]);

	m->lowerbits = NER_LOWERBITS;
	m->lower = lede_xcalloc(((size_t)1 << NER_LOWERBITS) / 64,
	    sizeof(uint64_t));
	for (i = 0; i < sizeof(ner_lower) / sizeof(ner_lower[0]); i++)
		m->lower[ner_lower[i] >> 6] |= (uint64_t)1 << (ner_lower[i] & 63);
	memcpy(m->trans, ner_trans, sizeof(m->trans));
	m->bits = NER_BITS;
	m->w = ner_table_new(((size_t)1 << NER_BITS) * LEDE_NER_NW *
	    sizeof(int16_t));
	for (i = 0; i < n; i++)
		memcpy(m->w + (size_t)ner_data[i].row * LEDE_NER_NW,
		    ner_data[i].w, sizeof(ner_data[i].w));
	return m;
}

void
lede_ner_model_free(struct lede_ner_model *m)
{
	if (m == NULL)
		return;
	free(m->w);
	free(m->lower);
	free(m);
}
