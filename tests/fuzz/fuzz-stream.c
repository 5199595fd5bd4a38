/*
 * libFuzzer harness: the stream reader, the input loop (documents, header
 * lines, HTML told from text) and blank-line paragraphs on any bytes, read
 * in chunks whose sizes come from the input itself, with a small cap so
 * that line cuts and paragraph splits are exercised.  Every event of a
 * document must carry it, and documents must begin and end in pairs.
 */
#include <stdint.h>
#include <string.h>

#include "fuzz.h"
#include "input.h"
#include "para.h"
#include "stream.h"


/* The input loop and paragraphs over the same bytes. */
static void
paragraphs(const uint8_t *data, size_t size, size_t chunk)
{
	struct feed		 f = { data, size, 0, chunk };
	struct lede_input	*in;
	struct lede_para	*p;
	struct lede_par_event	 ev;
	const struct lede_doc	*open = NULL;

	in = lede_input_new_reader("fuzz", feed_read, &f, 64);
	lede_input_html(in, chunk % 2 ? LEDE_IN_HTML_DETECT :
	    LEDE_IN_HTML_NONE);
	p = lede_para_new(in, 64);
	while (lede_para_next(p, &ev) != LEDE_PAR_DONE) {
		switch (ev.kind) {
		case LEDE_PAR_BEGIN:
			if (open != NULL || ev.doc == NULL)
				__builtin_trap();
			open = ev.doc;
			break;
		case LEDE_PAR_END:
			if (ev.doc != open)
				__builtin_trap();
			open = NULL;
			break;
		case LEDE_PAR_TEXT:
		case LEDE_PAR_BLANK:
			if (ev.doc != open || ev.doc->name == NULL ||
			    (ev.len > 64 + 4096 && ev.kind == LEDE_PAR_TEXT))
				__builtin_trap();
			break;
		default:
			break;
		}
	}
	if (open != NULL)
		__builtin_trap();
	lede_para_free(p);
	lede_input_free(in);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct feed		f = { data, size, 0, 1 };
	struct lede_stream	st;
	struct lede_line	l;
	size_t			total = 0;

	if (size > 0)
		f.chunk = 1 + data[0] % 17;
	lede_stream_init(&st, feed_read, &f, 64);
	while (lede_stream_line(&st, &l) == 1) {
		if (l.len > 64 + 4096)
			__builtin_trap();
		total += l.len;
	}
	lede_stream_free(&st);
	(void)total;
	paragraphs(data, size, f.chunk);
	return 0;
}
