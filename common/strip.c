/*
 * Boilerplate removal over a window of lines (see strip.h).
 *
 * The work is done in lede_strip_decide(), in passes over the window:
 * group the lines into blocks, measure each block (one scan of its bytes),
 * find the document's language from its stop words, look for boilerplate
 * phrases and dates in the short blocks, count repetitions in the window and
 * in the memory of earlier documents, score each block, choose the main
 * region (the contiguous run of blocks with the greatest total score, as in
 * the maximum-subarray problem), clean inside it, add the headline and
 * sub-headings, and remember the short blocks for the next documents.
 */
#include <stdlib.h>
#include <string.h>

#include "strip_priv.h"

const char *const lede_strip_langs[LEDE_STRIP_NLANG] = {
	"en", "de", "fr", "es", "it", "pt", "nl", "pl", "ro", "sv", "cs",
	"hu", "tr", "ru", "uk"
};

static const char *const whynames[LEDE_STRIP_NWHY] = {
	"prose", "text", "short", "nowords", "phrase", "byline", "date",
	"list", "media", "repeat", "template", "links", "caps", "digits",
	"outside", "title", "heading", "context", "end", "class", "main",
	"guide"
};


struct lede_strip *
lede_strip_new(const struct lede_strip_opts *opts)
{
	struct lede_strip	*st;
	size_t			 n;

	st = lede_xcalloc(1, sizeof(*st));
	if (opts != NULL)
		st->o = *opts;
	else
		st->o.memory = LEDE_STRIP_MEMORY;
	if (st->o.maxdoc == 0)
		st->o.maxdoc = LEDE_STRIP_MAXDOC;
	if (st->o.memory > 0) {
		for (n = 64; n < st->o.memory; n *= 2)
			;
		st->memsize = n;
		st->mem = lede_xcalloc(n, sizeof(st->mem[0]));
	}
	st->lang = -1;
	lede_strip_stops_build(st);
	lede_strip_firsts_build(st);
	return st;
}

void
lede_strip_free(struct lede_strip *st)
{
	if (st == NULL)
		return;
	lede_buf_free(&st->text);
	free(st->line);
	free(st->block);
	free(st->mem);
	free(st->rep);
	free(st);
}

void
lede_strip_next(struct lede_strip *st)
{
	st->text.len = 0;
	st->nline = st->nblock = 0;
	st->blank = 0;
	st->lang = -1;
}

void
lede_strip_begin(struct lede_strip *st)
{
	lede_strip_next(st);
	st->docno++;
	st->site = 0;
}

void
lede_strip_site(struct lede_strip *st, const char *s, size_t n)
{
	uint64_t	h = FNV_OFF;
	size_t		i;
	unsigned char	c;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		h = (h ^ (c >= 'A' && c <= 'Z' ? c + 32 : c)) * FNV_PRIME;
	}
	st->site = n > 0 ? h : 0;
}

void
lede_strip_blank(struct lede_strip *st)
{
	if (st->blank < 255)
		st->blank++;
}

int
lede_strip_add(struct lede_strip *st, const char *s, size_t len, int nl,
    int cut, const struct lede_strip_extra *x)
{
	struct lede_strip_line	*l;

	if (st->nline == st->capline) {
		st->capline = st->capline ? st->capline * 2 : 256;
		st->line = lede_xrealloc(st->line,
		    st->capline * sizeof(st->line[0]));
	}
	l = &st->line[st->nline++];
	l->off = st->text.len;
	l->len = len;
	l->width = 0;
	l->nl = nl != 0;
	l->cut = cut != 0;
	l->blank = (uint8_t)st->blank;
	l->block = 0;
	l->tag = x != NULL ? (uint8_t)x->tag : LEDE_STRIP_TAG_NONE;
	l->xflags = x != NULL ? (uint8_t)x->flags : 0;
	l->linkbytes = x != NULL ? (x->linkbytes > len ? len : x->linkbytes) : 0;
	st->blank = 0;
	lede_buf_add(&st->text, s, len);
	return st->text.len >= st->o.maxdoc || st->nline >= LEDE_STRIP_MAXLINES;
}

const char *
lede_strip_lang(const struct lede_strip *st)
{
	return st->lang >= 0 ? lede_strip_langs[st->lang] : "";
}

size_t
lede_strip_nblocks(const struct lede_strip *st)
{
	return st->nblock;
}

const struct lede_strip_block *
lede_strip_getblock(const struct lede_strip *st, size_t i)
{
	return &st->block[i];
}

size_t
lede_strip_nlines(const struct lede_strip *st)
{
	return st->nline;
}

const struct lede_strip_line *
lede_strip_getline(const struct lede_strip *st, size_t i)
{
	return &st->line[i];
}

const char *
lede_strip_linetext(const struct lede_strip *st,
    const struct lede_strip_line *l)
{
	return st->text.p + l->off;
}

size_t
lede_strip_memsize(const struct lede_strip *st)
{
	return st->memsize;
}

const char *
lede_strip_whyname(int i)
{
	return i >= 0 && i < LEDE_STRIP_NWHY ? whynames[i] : "";
}

void
lede_strip_decide(struct lede_strip *st)
{
	struct lede_strip_block	*b;
	size_t			 i, rs = 0, re = 0;

	/* Slack for the eight-byte reads of scan_ascii_word(). */
	lede_buf_reserve(&st->text, 8);
	memset(st->text.p + st->text.len, 0, 8);
	lede_strip_blocks_form(st);
	for (i = 0; i < st->nblock; i++) {
		lede_strip_measure(st, &st->block[i]);
		lede_strip_media(st, &st->block[i]);
		lede_strip_phrases(st, &st->block[i]);
	}
	lede_strip_find_lang(st);
	lede_strip_count_repeats(st);
	lede_strip_mem_lookup(st);
	for (i = 0; i < st->nblock; i++)
		st->block[i].score = lede_strip_score(st, &st->block[i]);
	if (lede_strip_best_region(st, &rs, &re)) {
		re = lede_strip_clean_region(st, rs, re);
		lede_strip_find_title(st, rs, re);
	} else
		lede_strip_keep_small(st);
	for (i = 0; i < st->nblock; i++) {
		b = &st->block[i];
		if (i < rs || i >= re)
			b->why |= LEDE_STRIP_OUTSIDE;
	}
	lede_strip_mem_update(st);
}
