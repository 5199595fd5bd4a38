/*
 * Boilerplate removal: repetition in the window, and in the memory of
 * earlier documents (see strip_priv.h).
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "strip_priv.h"

/* Slots a memory lookup reads: a line lives at most this far from home. */
#define MEMPROBE	8

void
lede_strip_count_repeats(struct lede_strip *st)
{
	size_t		 i, j, size, mask;
	uint64_t	*t;
	uint32_t	*cnt;

	for (size = 64; size < st->nblock * 2; size *= 2)
		;
	if (size > st->repsize) {
		free(st->rep);
		st->rep = lede_xmalloc(size * (sizeof(uint64_t) +
		    sizeof(uint32_t)));
		st->repsize = size;
	}
	t = st->rep;
	cnt = (uint32_t *)(t + size);
	mask = size - 1;
	memset(t, 0, size * sizeof(uint64_t));
	for (i = 0; i < st->nblock; i++) {
		if (st->block[i].f.words == 0)
			continue;
		for (j = st->block[i].f.hash & mask; t[j] != 0 &&
		    t[j] != st->block[i].f.hash; j = (j + 1) & mask)
			;
		if (t[j] == 0) {
			t[j] = st->block[i].f.hash;
			cnt[j] = 0;
		}
		cnt[j]++;
		st->block[i].repeat = j;	/* the slot, for now */
	}
	for (i = 0; i < st->nblock; i++)
		if (st->block[i].f.words > 0)
			st->block[i].repeat = cnt[st->block[i].repeat] - 1;
}

static struct lede_strip_mement *
mem_slot(struct lede_strip *st, uint64_t h, int insert)
{
	struct lede_strip_mement *e, *old = NULL;
	size_t			  j, k;

	for (k = 0, j = h & (st->memsize - 1); k < MEMPROBE;
	    k++, j = (j + 1) & (st->memsize - 1)) {
		e = &st->mem[j];
		if (e->hash == h)
			return e;
		if (e->hash == 0) {
			if (!insert)
				return NULL;
			e->hash = h;
			return e;
		}
		if (old == NULL || e->last < old->last)
			old = e;
	}
	if (!insert)
		return NULL;
	/* Forget the least recently seen line of the neighbourhood. */
	old->hash = h;
	old->docs = 0;
	old->last = 0;
	return old;
}

/* The key of a block's text on the document's site (never 0). */
static uint64_t
mem_key(const struct lede_strip *st, const struct lede_strip_block *b)
{
	return (b->f.hash ^ (st->site * 0x9e3779b97f4a7c15ULL)) | 1;
}

void
lede_strip_mem_lookup(struct lede_strip *st)
{
	struct lede_strip_block	 *b;
	struct lede_strip_mement *e;
	size_t			  i;
	float			  seen = 0, all = 0;

	if (st->memsize == 0)
		return;
	for (i = 0; i < st->nblock; i++) {
		b = &st->block[i];
		if (b->f.words == 0)
			continue;
		/* Distinct texts: each of a line's copies counts a part. */
		all += 1.0f / (float)(b->repeat + 1);
		if (b->f.words > SHORTWORDS ||
		    (e = mem_slot(st, mem_key(st, b), 0)) == NULL)
			continue;
		b->xdoc = e->docs - (e->last == st->docno);
		if (b->xdoc > 0)
			seen += 1.0f / (float)(b->repeat + 1);
	}
	if (seen + 0.5f >= TEMPLATE_MINBLOCKS &&
	    seen * 100 >= all * TEMPLATE_SHARE)
		return;
	for (i = 0; i < st->nblock; i++)
		st->block[i].xdoc = 0;
}

void
lede_strip_mem_update(struct lede_strip *st)
{
	struct lede_strip_block	 *b;
	struct lede_strip_mement *e;
	size_t			  i;

	if (st->memsize == 0)
		return;
	for (i = 0; i < st->nblock; i++) {
		b = &st->block[i];
		if (b->f.words == 0 || b->f.words > SHORTWORDS)
			continue;
		e = mem_slot(st, mem_key(st, b), 1);
		if (e->last != st->docno) {
			e->docs++;
			e->last = st->docno;
		}
	}
}
