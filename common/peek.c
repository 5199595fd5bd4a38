/*
 * The peek reader: a few kept bytes, then a plain pass-through.
 */
#include <string.h>

#include "peek.h"

void
lede_peek_init(struct lede_peek *pk, lede_read_fn fn, void *ctx)
{
	memset(pk, 0, sizeof(*pk));
	pk->fn = fn;
	pk->ctx = ctx;
}

const char *
lede_peek_look(struct lede_peek *pk, size_t n, size_t *got)
{
	ssize_t	r;

	if (n > LEDE_PEEK_MAX)
		n = LEDE_PEEK_MAX;
	while (pk->len < n && !pk->eof) {
		r = pk->fn(pk->ctx, pk->buf + pk->len, n - pk->len);
		if (r < 0)
			return NULL;
		if (r == 0)
			pk->eof = 1;
		pk->len += (size_t)r;
	}
	*got = pk->len;
	return pk->buf;
}

ssize_t
lede_peek_read(void *ctx, char *buf, size_t n)
{
	struct lede_peek	*pk = ctx;
	size_t			 k;

	if (pk->pos < pk->len) {
		k = pk->len - pk->pos < n ? pk->len - pk->pos : n;
		memcpy(buf, pk->buf + pk->pos, k);
		pk->pos += k;
		return (ssize_t)k;
	}
	if (pk->eof)
		return 0;
	return pk->fn(pk->ctx, buf, n);
}
