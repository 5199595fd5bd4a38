/* Helpers shared by the unit tests. */
#ifndef HELPERS_H
#define HELPERS_H

#include <sys/types.h>

#include <stddef.h>

/* Writes n bytes to a new temporary file and returns its path (static). */
const char *tmpfile_with(const char *s, size_t n);
/* Reads a whole file into a NUL-terminated string that the caller frees. */
char	*slurp(const char *path, size_t *len);

/* Bytes fed in chunks of a fixed size, for the readers' tests. */
struct chunks {
	const char	*s;
	size_t		 len;
	size_t		 pos;
	size_t		 size;
};

/* A lede_read_fn over a struct chunks: at most size bytes a call. */
ssize_t	chunks_read(void *ctx, char *buf, size_t n);

struct lede_out;
/*
 * Runs fn on a writer to a temporary file and returns what it wrote, a
 * string that the caller frees.
 */
char	*capture(void (*fn)(struct lede_out *));

#endif
