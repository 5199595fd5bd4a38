/*
 * Small pieces the commands share.  None of them prints or exits: each
 * returns what the command needs to say it.
 */
#ifndef LEDE_CLI_H
#define LEDE_CLI_H

#include <stddef.h>

#include "input.h"
#include "out.h"

#ifndef LEDE_VERSION
#define LEDE_VERSION "0.1.0"
#endif

/* The smallest and largest paragraph cap of -m, in bytes. */
#define LEDE_CLI_MINPARA	64
#define LEDE_CLI_MAXPARA	((size_t)1 << 30)

/*
 * Parses a size in bytes with an optional suffix k, M or G (powers of
 * 1024) into *size, between min and max.  Returns NULL, or a short reason
 * ("invalid", "too small", "too large") for the command to report.
 */
const char *lede_parse_size(const char *arg, size_t min, size_t max,
	    size_t *size);

/*
 * Ends a run: flushes the output and returns the exit status: 2 if the
 * output could not be written (the errno in *errnum), else 1 if an input
 * could not be read, else 0.
 */
int	lede_cli_end(struct lede_out *, const struct lede_input *, int *errnum);

#endif
