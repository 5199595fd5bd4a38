/*
 * libFuzzer harness: the quotation finder on any valid UTF-8 text, cut into
 * paragraphs at blank lines as the reader does. Checks that every record
 * lies inside the document read so far, that start <= end, and that the
 * strings it gives are whole.
 */
#include <stdint.h>
#include <string.h>

#include "fuzz.h"
#include "quote.h"

static void
drain(struct lede_quoter *q, size_t upto)
{
	struct lede_quote	r;

	while (lede_quote_next(q, &r))
		if (r.start > r.end || r.end > upto ||
		    memchr(r.quote, '\0', r.quotelen) != NULL ||
		    memchr(r.speaker, '\0', r.speakerlen) != NULL ||
		    memchr(r.name, '\0', r.namelen) != NULL ||
		    memchr(r.cue, '\0', r.cuelen) != NULL)
			__builtin_trap();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lede_quoter	*q;
	const char		*s = (const char *)data;
	size_t			i, p;

	if (!fuzz_clean_text(data, size))
		return 0;
	q = lede_quote_new(1 << 16);
	lede_quote_doc(q);
	for (p = 0; p < size; ) {
		if (s[p] == '\n') {
			lede_quote_blank(q, s + p, 1);
			p++;
		} else {
			for (i = p; i < size && !(s[i] == '\n' &&
			    i + 1 < size && s[i + 1] == '\n'); i++)
				;
			if (i < size)
				i++;
			lede_quote_para(q, s + p, i - p);
			p = i;
		}
		drain(q, size);
	}
	lede_quote_end(q);
	drain(q, size);
	lede_quote_free(q);
	return 0;
}
