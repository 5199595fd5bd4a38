/*
 * Growable byte buffers and allocation helpers that abort on failure.
 */
#include <stdlib.h>

#include "buf.h"

void *
lede_xmalloc(size_t n)
{
	void	*p;

	if ((p = malloc(n ? n : 1)) == NULL)
		abort();
	return p;
}

void *
lede_xcalloc(size_t n, size_t size)
{
	void	*p;

	if ((p = calloc(n ? n : 1, size ? size : 1)) == NULL)
		abort();
	return p;
}

void *
lede_xrealloc(void *old, size_t n)
{
	void	*p;

	if ((p = realloc(old, n ? n : 1)) == NULL)
		abort();
	return p;
}

void
lede_buf_reserve(struct lede_buf *b, size_t need)
{
	size_t	cap;

	if (b->cap - b->len >= need)
		return;
	cap = b->cap ? b->cap : 256;
	while (cap - b->len < need) {
		if (cap > (size_t)-1 / 2)
			abort();
		cap *= 2;
	}
	b->p = lede_xrealloc(b->p, cap);
	b->cap = cap;
}

void
lede_buf_add(struct lede_buf *b, const void *s, size_t n)
{
	if (n == 0)
		return;
	lede_buf_reserve(b, n);
	memcpy(b->p + b->len, s, n);
	b->len += n;
}

void
lede_buf_free(struct lede_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}
