/*
 * A look at the first bytes of an input without losing them.
 *
 * The input layer tells formats from their first bytes (gzip's 1f 8b,
 * "WARC/1.", a tag), but standard input cannot be rewound: a struct
 * lede_peek reads those bytes once, keeps them, and lede_peek_read() gives
 * them again before the rest.
 */
#ifndef LEDE_PEEK_H
#define LEDE_PEEK_H

#include <sys/types.h>

#include <stddef.h>

#include "stream.h"

/* The most bytes one can look at: enough for every magic lede knows. */
#define LEDE_PEEK_MAX	64

struct lede_peek {
	lede_read_fn	 fn;
	void		*ctx;
	size_t		 len;
	size_t		 pos;
	int		 eof;
	char		 buf[LEDE_PEEK_MAX];
};

/* Prepares to read through fn(ctx, ...). */
void	lede_peek_init(struct lede_peek *, lede_read_fn fn, void *ctx);
/*
 * Reads until n bytes (at most LEDE_PEEK_MAX) are kept, or the input ends.
 * Returns the kept bytes and their number in *got, or NULL when the read
 * failed (errno set).  Call it before any lede_peek_read().
 */
const char *lede_peek_look(struct lede_peek *, size_t n, size_t *got);
/* A lede_read_fn over a struct lede_peek *: the kept bytes, then the
 * rest of the input. */
ssize_t	lede_peek_read(void *pk, char *buf, size_t n);

#endif
