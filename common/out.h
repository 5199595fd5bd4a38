/*
 * Buffered output with sticky error reporting, and the escapes of the
 * record formats.
 *
 * Every filter writes through one struct lede_out.  A failed write is
 * remembered (errno in err) and later writes are dropped, so the command
 * checks lede_out_error() once per document and after the final
 * lede_out_flush(): a full disk never looks like success.
 */
#ifndef LEDE_OUT_H
#define LEDE_OUT_H

#include <stddef.h>

#define LEDE_OUT_SIZE	65536

struct lede_out {
	int	fd;
	int	err;		/* errno of the first failed write, or 0 */
	size_t	len;
	char	buf[LEDE_OUT_SIZE];
};

void	lede_out_init(struct lede_out *, int fd);
void	lede_out_write(struct lede_out *, const char *, size_t);
void	lede_out_str(struct lede_out *, const char *);
void	lede_out_uint(struct lede_out *, unsigned long long);
/* Writes everything buffered; returns 0 or -1 (errno in err). */
int	lede_out_flush(struct lede_out *);
/* The errno of the first failed write, or 0. */
int	lede_out_error(const struct lede_out *);
/*
 * A TSV field: tab, newline, carriage return and backslash become \t, \n,
 * \r and \\ (the escapes of PostgreSQL's and MySQL's text formats).
 */
void	lede_out_tsv(struct lede_out *, const char *, size_t);
/* A JSON string, quotes included (RFC 8259 escapes, UTF-8 kept). */
void	lede_out_json(struct lede_out *, const char *, size_t);
/* The header line "==> NAME <==", after a blank line unless first. */
void	lede_out_header(struct lede_out *, const char *name, int first);

static inline void
lede_out_putc(struct lede_out *o, char c)
{
	if (o->len == LEDE_OUT_SIZE)
		lede_out_flush(o);
	o->buf[o->len++] = c;
}

#endif
