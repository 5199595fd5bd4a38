/*
 * libFuzzer harness: the WARC reader on any bytes, plain and through the
 * gzip reader when they start with a gzip magic, read in chunks whose
 * sizes come from the input itself.  Every payload is read (or, for some,
 * left half read), every problem's message looked at, and the reader must
 * end: a record or problem with no progress would loop.
 */
#include <stdint.h>
#include <string.h>

#include "fuzz.h"
#include "gzip.h"
#include "warc.h"

static uint64_t
locate(const void *ctx, uint64_t off)
{
	return lede_gzip_member_at(ctx, off);
}


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct feed		 f = { data, size, 0, 1 };
	struct lede_gzip	*gz = NULL;
	struct lede_warc	*w;
	struct lede_warc_record	 rec;
	char			 buf[512];
	size_t			 events = 0, want = 1, n;
	enum lede_warc_event	 ev;

	if (size > 0) {
		f.chunk = 1 + data[size - 1] % 67;
		want = 1 + data[size - 1] % sizeof(buf);
	}
	if (lede_gzip_magic(data, size)) {
		gz = lede_gzip_new(feed_read, &f, LEDE_GZIP_FILE);
		w = lede_warc_new(lede_gzip_read, gz);
		lede_warc_locator(w, locate, gz);
	} else
		w = lede_warc_new(feed_read, &f);
	while ((ev = lede_warc_next(w, &rec)) != LEDE_WARC_END) {
		/* Each event eats a byte at least; gzip can make more. */
		if (++events > 64 * size + 16)
			__builtin_trap();
		if (ev == LEDE_WARC_PROBLEM) {
			n = strlen(lede_warc_problem(w)->message);
			if (n == 0)
				__builtin_trap();
			continue;
		}
		if (strlen(rec.uri) + strlen(rec.mime) > 3 * size + 32)
			__builtin_trap();
		if (events % 3 == 2)
			continue;	/* leave this one unread */
		while (lede_warc_read(w, buf, want) > 0)
			;
	}
	lede_warc_free(w);
	lede_gzip_free(gz);
	return 0;
}
