/*
 * libFuzzer harness: the tokenizer and the sentence splitter on any valid
 * UTF-8 text (the reader repairs everything else before they see it).
 * Checks that sentences are in order, inside the text and non-empty.
 */
#include <stdint.h>
#include <string.h>

#include "fuzz.h"
#include "sent.h"
#include "tok.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lede_tokenizer	tz;
	struct lede_tok		t;
	struct lede_sentencer	ss;
	struct lede_span	sp;
	const char		*s = (const char *)data;
	size_t			last = 0;

	if (!fuzz_clean_text(data, size))
		return 0;
	lede_tok_init(&tz, s, size);
	while (lede_tok_next(&tz, &t))
		if (t.len == 0 || t.off < last || t.off + t.len > size)
			__builtin_trap();
		else
			last = t.off + t.len;
	last = 0;
	lede_sent_init(&ss, s, size);
	while (lede_sent_next(&ss, &sp))
		if (sp.len == 0 || sp.off < last || sp.off + sp.len > size)
			__builtin_trap();
		else
			last = sp.off + sp.len;
	return 0;
}
