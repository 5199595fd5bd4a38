/*
 * Growable byte buffers.
 *
 * A struct lede_buf owns its storage; lede_buf_free() releases it.  Growth
 * doubles the capacity.  Allocation failure aborts the process (as cmark's
 * default allocator does): every buffer in lede is bounded by a cap that the
 * caller enforces, so running out of memory is not an input condition.
 */
#ifndef LEDE_BUF_H
#define LEDE_BUF_H

#include <stddef.h>
#include <string.h>

struct lede_buf {
	char	*p;
	size_t	 len;
	size_t	 cap;
};

/* A span of bytes inside some buffer: offset and length. */
struct lede_span {
	size_t	off;
	size_t	len;
};

/* Makes room for at least need more bytes beyond len. */
void	lede_buf_reserve(struct lede_buf *, size_t need);
/* Appends n bytes. */
void	lede_buf_add(struct lede_buf *, const void *, size_t n);
/* Releases the storage and resets the buffer to empty. */
void	lede_buf_free(struct lede_buf *);
/* Allocation helpers that abort on failure. */
void	*lede_xmalloc(size_t);
void	*lede_xcalloc(size_t, size_t);
void	*lede_xrealloc(void *, size_t);

static inline void
lede_buf_addc(struct lede_buf *b, char c)
{
	if (b->len == b->cap)
		lede_buf_reserve(b, 1);
	b->p[b->len++] = c;
}

#endif
