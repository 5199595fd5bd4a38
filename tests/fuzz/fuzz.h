/*
 * What the fuzz harnesses share: the cores below the reader see only what
 * the reader lets through, valid UTF-8 without NUL bytes.
 */
#ifndef LEDE_FUZZ_H
#define LEDE_FUZZ_H

#include <sys/types.h>

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "utf8.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* The fuzzer's bytes, fed to a reader in chunks of a size they choose. */
struct feed {
	const uint8_t	*p;
	size_t		 n;
	size_t		 pos;
	size_t		 chunk;
};

/* A lede_read_fn over a struct feed: at most chunk bytes a call. */
static inline ssize_t
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

/* Is data valid UTF-8 with no NUL? */
static inline int
fuzz_clean_text(const uint8_t *data, size_t size)
{
	size_t		i;
	uint32_t	cp;
	int		n;

	for (i = 0; i < size; i += (size_t)n)
		if ((n = lede_utf8_decode(data + i, size - i, &cp)) <= 0 ||
		    cp == 0)
			return 0;
	return 1;
}

#endif
