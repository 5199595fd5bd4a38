/*
 * libFuzzer harness: the boilerplate classifier on any valid UTF-8 text
 * (the reader repairs everything else before it sees it), fed line by line
 * into a small window so that full windows are decided in pieces; a line
 * that starts with a form feed starts a new document, named by the rest of
 * the line (its site from lede_doc_site()), so that the memory of earlier
 * documents and sites is exercised.  Checks that blocks cover the lines in order
 * and that decisions and scores are sane.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "doc.h"
#include "fuzz.h"
#include "strip_priv.h"	/* white box: the window's own fields */

static void
check(const struct lede_strip *st)
{
	const struct lede_strip_block	*b;
	size_t				 i, next = 0;

	for (i = 0; i < st->nblock; i++) {
		b = &st->block[i];
		if (b->first != next || b->nlines == 0 ||
		    b->first + b->nlines > st->nline ||
		    !isfinite(b->score) || (b->keep != 0 && b->keep != 1) ||
		    b->why >= 1u << LEDE_STRIP_NWHY)
			__builtin_trap();
		next = b->first + b->nlines;
	}
	if (next != st->nline)
		__builtin_trap();
	for (i = 0; i < st->nline; i++)
		if (st->line[i].block >= st->nblock ||
		    st->line[i].off + st->line[i].len > st->text.len)
			__builtin_trap();
}

static void
decide(struct lede_strip *st)
{
	lede_strip_decide(st);
	check(st);
	lede_strip_next(st);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lede_strip		*st;
	struct lede_strip_opts		 o = { 4096, 64, 0, 0 };
	struct lede_doc			 doc;
	const char			*s = (const char *)data, *nl, *site;
	char				 name[256];
	size_t				 i, n, len;

	if (!fuzz_clean_text(data, size))
		return 0;
	if (size > 0) {
		o.notitle = data[0] & 1;
		o.memory = data[0] & 2 ? 64 : 0;
		o.captions = (data[0] & 4) != 0;
	}
	st = lede_strip_new(&o);
	lede_strip_begin(st);
	for (i = 0; i < size; i += n + 1) {
		nl = memchr(s + i, '\n', size - i);
		n = nl != NULL ? (size_t)(nl - (s + i)) : size - i;
		if (n >= 1 && s[i] == '\f') {
			decide(st);
			lede_strip_begin(st);
			len = n - 1 < sizeof(name) ? n - 1 : sizeof(name) - 1;
			memcpy(name, s + i + 1, len);
			name[len] = '\0';
			memset(&doc, 0, sizeof(doc));
			doc.name = name;
			site = lede_doc_site(&doc, &len);
			if (site < name || site + len > name + sizeof(name))
				__builtin_trap();
			lede_strip_site(st, site, len);
		} else if (n == 0)
			lede_strip_blank(st);
		else if (lede_strip_add(st, s + i, n, nl != NULL,
		    n > 200 && s[i + n - 1] != '.', NULL))
			decide(st);
	}
	decide(st);
	lede_strip_free(st);
	return 0;
}
