/* Helpers shared by the unit tests. */
#ifndef HELPERS_H
#define HELPERS_H

#include <stddef.h>

/* Writes n bytes to a new temporary file and returns its path (static). */
const char *tmpfile_with(const char *s, size_t n);
/* Reads a whole file into a NUL-terminated string that the caller frees. */
char	*slurp(const char *path, size_t *len);

#endif
