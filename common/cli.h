/*
 * Small pieces the commands share: option parsing, the split warning
 * and the ending.
 */
#ifndef LEDE_CLI_H
#define LEDE_CLI_H

#include <stddef.h>

#include "input.h"
#include "out.h"

#ifndef LEDE_VERSION
#define LEDE_VERSION "0.1.0"
#endif

/*
 * Parses a size in bytes with an optional suffix k, M or G (powers of
 * 1024) into *size, between min and max.  Returns NULL, or a short reason
 * ("invalid", "too small", "too large") for the command to report.
 */
const char *lede_parse_size(const char *arg, size_t min, size_t max,
	    size_t *size);

/* The argument of -m, a paragraph cap of 64 bytes to 1 GiB; exits 2 if bad. */
size_t	lede_cli_paracap(const char *arg);

/* Warns, once per document (*warned), that a paragraph over cap was split. */
void	lede_cli_splitwarn(const struct lede_input *in, size_t cap, int *warned);

/*
 * Flushes the output (exits 2 with a message if it cannot be written) and
 * returns the exit status: 1 if an input could not be read, else 0.
 */
int	lede_cli_finish(struct lede_out *out, const struct lede_input *in);

#endif
