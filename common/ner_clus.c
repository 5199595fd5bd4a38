/*
 * The word clusters of the tagger (common/data/clusters.txt, derived from
 * the GloVe vectors by tools/lede-clusters.c): the fine and coarse
 * cluster of a word, found by the hash of its lower-cased form (the
 * token's lw) in a table built when the tagger is made.  Words are
 * matched by their 32-bit hash alone: a word outside the table whose hash
 * is that of a word in it (about one word in 40,000) takes its clusters.
 */
#include <stdint.h>
#include <stdlib.h>

#include "buf.h"
#include "ner_priv.h"

#include "clusters.inc"

void
ner_clus_build(struct lede_ner *ner)
{
	const char	*p = ner_clus_words;
	size_t		 i, slot;
	uint32_t	 h;

	ner->clus = ner_table_new(CLUS_SLOTS * sizeof(*ner->clus));
	for (i = 0; i < NER_CLUS_N; i++) {
		h = 2166136261U;
		for (; *p != '\0'; p++)
			h = fold_step(h, (unsigned char)*p);
		p++;
		slot = fmix(h) & (CLUS_SLOTS - 1);
		while (ner->clus[slot].cf != 0 && ner->clus[slot].h != h)
			slot = (slot + 1) & (CLUS_SLOTS - 1);
		if (ner->clus[slot].cf != 0)
			continue;	/* the more frequent word keeps it */
		ner->clus[slot].h = h;
		ner->clus[slot].cf = (uint16_t)(ner_clus_fine[i] + 1);
		ner->clus[slot].cc = (uint16_t)(ner_clus_coarse[i] + 1);
	}
}

void
ner_clus_find(const struct lede_ner *ner, struct lede_ner_tok *t)
{
	size_t	slot = fmix(t->lw) & (CLUS_SLOTS - 1);

	t->cf = t->cc = 0;
	for (; ner->clus[slot].cf != 0; slot = (slot + 1) & (CLUS_SLOTS - 1))
		if (ner->clus[slot].h == t->lw) {
			t->cf = ner->clus[slot].cf;
			t->cc = ner->clus[slot].cc;
			break;
		}
}
