/*
 * The named-entity tagger's life: a new tagger, its end, and the start of
 * a new document.  The modules are listed in ner_priv.h.
 */
#include <sys/mman.h>

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "ner_priv.h"

/*
 * The weights, the word clusters and the word cache are tables of a few
 * megabytes each, read at random: on pages of 4 KiB they span more pages
 * than the processor's TLB holds, and the first touch of each page is a
 * fault (some 1,500 at the start, to fill the weights and the clusters).
 * A table of 2 MiB or more goes on pages of 2 MiB, which Linux gives a
 * block aligned on them for the asking (transparent huge pages in their
 * "madvise" mode, the usual default): lede-tag starts in half the time.
 */
#define NER_HUGE	((size_t)2 << 20)

void *
ner_table_new(size_t n)
{
	size_t	 align = n >= NER_HUGE ? NER_HUGE : 64;
	void	*p;

	n = (n + align - 1) & ~(align - 1);
	if (posix_memalign(&p, align, n) != 0)
		abort();	/* only for lack of memory, as buf.h does */
#ifdef MADV_HUGEPAGE
	if (align == NER_HUGE)
		(void)madvise(p, n, MADV_HUGEPAGE);
#endif
	memset(p, 0, n);
	return p;
}

struct lede_ner *
lede_ner_new(void)
{
	struct lede_ner	*ner = lede_xcalloc(1, sizeof(*ner));

	ner->mem = lede_xcalloc(LEDE_NER_MEMSIZE, sizeof(*ner->mem));
	ner->memused = lede_xcalloc(LEDE_NER_MEMSIZE, sizeof(*ner->memused));
	ner->agg = lede_xcalloc(LEDE_NER_AGGSIZE, sizeof(*ner->agg));
	ner->aggused = lede_xcalloc(LEDE_NER_AGGSIZE, sizeof(*ner->aggused));
	/* On cache lines: the key of an entry is its first line. */
	ner->memo = ner_table_new(LEDE_NER_MEMOSIZE * sizeof(*ner->memo));
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
