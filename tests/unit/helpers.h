/* Helpers shared by the unit tests. */
#ifndef HELPERS_H
#define HELPERS_H

#include <stddef.h>

/* Writes n bytes to a new temporary file and returns its path (static). */
const char *tmpfile_with(const char *s, size_t n);
/* Reads a whole file into a NUL-terminated string that the caller frees. */
char	*slurp(const char *path, size_t *len);

struct lede_out;
/*
 * Runs fn on a writer to a temporary file and returns what it wrote, a
 * string that the caller frees.
 */
char	*capture(void (*fn)(struct lede_out *));

#endif
