/*
 * What the fuzz harnesses share: the cores below the reader see only what
 * the reader lets through, valid UTF-8 without NUL bytes.
 */
#ifndef LEDE_FUZZ_H
#define LEDE_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "utf8.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

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
