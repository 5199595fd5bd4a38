/*
 * libFuzzer harness: the stream reader and blank-line paragraphs on any
 * bytes, read in chunks whose sizes come from the input itself, with a
 * small cap so that line cuts and paragraph splits are exercised.
 */
#include <stdint.h>
#include <string.h>

#include "para.h"
#include "stream.h"

struct feed {
	const uint8_t	*p;
	size_t		 n;
	size_t		 pos;
	size_t		 chunk;
};

static ssize_t
feed_read(void *ctx, char *buf, size_t n)
{
	struct feed	*f = ctx;
	size_t		 k = f->n - f->pos;

	if (k > f->chunk)
		k = f->chunk;
	if (k > n)
		k = n;
	memcpy(buf, f->p + f->pos, k);
	f->pos += k;
	return (ssize_t)k;
}

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

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
	return 0;
}
