/*
 * libFuzzer harness: the tagger (tag.h) on any valid UTF-8 text, as the
 * reader hands it over, cut into paragraphs at blank lines and tagged as
 * one document: each paragraph scanned first, as lede-tag reads ahead,
 * then each tagged (every other input, in reverse, so that the tokens
 * the scan keeps are also served out of turn).  Checks that the entities are in order, inside the text,
 * non-empty and of a known type, and that the text without the old tags
 * is never longer than the paragraph.  The tagger is built once.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "ner.h"
#include "tag.h"

#define MAXP	256	/* paragraphs of an input, at most */

static struct lede_tagger	*tg;
static int			ready;

static void
check(const char *s, size_t n)
{
	const struct lede_ent	*e;
	size_t			 ne, i, last = 0, tn;

	ne = lede_tag_para(tg, s, n, &e);
	lede_tag_text(tg, &tn);
	if (tn > n)
		__builtin_trap();
	for (i = 0; i < ne; i++) {
		if (e[i].len == 0 || e[i].off < last ||
		    e[i].off + e[i].len > tn ||
		    e[i].type <= LEDE_ENT_NONE || e[i].type >= LEDE_ENT_NTYPES)
			__builtin_trap();
		last = e[i].off + e[i].len;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*s = (const char *)data, *p, *q;
	static size_t	 off[MAXP], len[MAXP];
	size_t		 np, i, j;

	if (!fuzz_clean_text(data, size))
		return 0;
	if (!ready) {
		if ((tg = lede_tag_new(~0U)) == NULL)
			abort();
		ready = 1;
	}
	lede_tag_doc(tg);
	np = 0;
	for (p = q = s; q < s + size; q++)
		if (q + 1 < s + size && q[0] == '\n' && q[1] == '\n') {
			if (np < MAXP) {
				off[np] = (size_t)(p - s);
				len[np++] = (size_t)(q - p);
			}
			p = ++q + 1;
		}
	if (np < MAXP) {
		off[np] = (size_t)(p - s);
		len[np++] = (size_t)(s + size - p);
	}
	for (i = 0; i < np; i++)
		lede_tag_scan(tg, s + off[i], len[i]);
	for (i = 0; i < np; i++) {
		j = size % 2 ? np - 1 - i : i;
		check(s + off[j], len[j]);
	}
	return 0;
}
