/*
 * Helpers shared by the unit tests: temporary files.
 */
#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "out.h"

const char *
tmpfile_with(const char *s, size_t n)
{
	static char	path[64];
	int		fd;

	strcpy(path, "/tmp/lede-unit-XXXXXX");
	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, s, n), (ssize_t)n);
	close(fd);
	return path;
}

char *
slurp(const char *path, size_t *len)
{
	FILE	*f;
	char	*p;
	long	 n;

	f = fopen(path, "rb");
	ck_assert_ptr_nonnull(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	p = malloc((size_t)n + 1);
	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq(fread(p, 1, (size_t)n, f), (size_t)n);
	p[n] = '\0';
	fclose(f);
	if (len != NULL)
		*len = (size_t)n;
	return p;
}

char *
capture(void (*fn)(struct lede_out *))
{
	static struct lede_out	o;
	char			path[] = "/tmp/lede-out-XXXXXX", *s;
	int			fd;

	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	lede_out_init(&o, fd);
	fn(&o);
	ck_assert_int_eq(lede_out_flush(&o), 0);
	close(fd);
	s = slurp(path, NULL);
	unlink(path);
	return s;
}

ssize_t
chunks_read(void *ctx, char *buf, size_t n)
{
	struct chunks	*c = ctx;
	size_t		 k = c->len - c->pos;

	if (k > c->size)
		k = c->size;
	if (k > n)
		k = n;
	memcpy(buf, c->s + c->pos, k);
	c->pos += k;
	return (ssize_t)k;
}
