/*
 * Small pieces that every command's option parsing shares.
 */
#ifndef LEDE_CLI_H
#define LEDE_CLI_H

#include <stddef.h>

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

#endif
