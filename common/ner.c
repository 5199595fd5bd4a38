/*
 * The named-entity tagger's life: a new tagger, its end, and the start of
 * a new document.  The modules are listed in ner_priv.h.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "ner_priv.h"

struct lede_ner *
lede_ner_new(void)
{
	struct lede_ner	*ner = lede_xcalloc(1, sizeof(*ner));

	ner->mem = lede_xcalloc(LEDE_NER_MEMSIZE, sizeof(*ner->mem));
	ner->memused = lede_xcalloc(LEDE_NER_MEMSIZE, sizeof(*ner->memused));
	ner->agg = lede_xcalloc(LEDE_NER_AGGSIZE, sizeof(*ner->agg));
	ner->aggused = lede_xcalloc(LEDE_NER_AGGSIZE, sizeof(*ner->aggused));
	/* On cache lines: the key of an entry is its first line. */
	if ((ner->memo = aligned_alloc(64, LEDE_NER_MEMOSIZE *
	    sizeof(*ner->memo))) == NULL)
		abort();
	memset(ner->memo, 0, LEDE_NER_MEMOSIZE * sizeof(*ner->memo));
	ner_gaz_build(ner);
	ner_clus_build(ner);
	return ner;
}

void
lede_ner_free(struct lede_ner *ner)
{
	if (ner == NULL)
		return;
	if (ner->t != NULL)
		free(ner->t - NER_PAD);
	free(ner->lab);
	free(ner->back);
	free(ner->clus);
	free(ner->mem);
	free(ner->memused);
	free(ner->agg);
	free(ner->kept);
	free(ner->kt);
	free(ner->kx);
	free(ner->aggused);
	free(ner->ents);
	free(ner->memo);
	free(ner->gazslot);
	free(ner->gazcls);
	free(ner);
}

void
lede_ner_doc(struct lede_ner *ner)
{
	size_t	i;

	/* Only the slots in use: documents are often short. */
	for (i = 0; i < ner->nmem; i++)
		memset(&ner->mem[ner->memused[i]], 0, sizeof(*ner->mem));
	ner->nmem = 0;
	ner_agg_clear(ner);
	ner_keep_clear(ner);
	ner->para = 0;
	memset(ner->doclow, 0, sizeof(ner->doclow));
}
