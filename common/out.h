/*
 * Buffered output with sticky error reporting, in whole lines on pipes.
 *
 * Every filter writes through one struct lede_out.  A failed write is
 * remembered (errno in err) and later writes are dropped, so the command
 * checks lede_out_error() once per document and after the final
 * lede_out_flush(): a full disk never looks like success.
 *
 * Several processes may write into one output at once (xargs -P,
 * parallel --ungroup), so every write(2) holds whole lines: a full buffer
 * is written up to its last newline.  POSIX makes a write(2) of at most
 * PIPE_BUF bytes to a pipe atomic, so where the output is a pipe, a FIFO
 * or a socket no write(2) holds more than PIPE_BUF bytes; to a regular
 * file, Linux keeps each write(2) whole.  Records and headers of several
 * writers thus never tear.  A single line longer than PIPE_BUF (on a pipe)
 * or than the buffer (elsewhere) is written in pieces of that size, which
 * other writers' lines may come between.
 */
#ifndef LEDE_OUT_H
#define LEDE_OUT_H

#include <stddef.h>

#define LEDE_OUT_SIZE	65536

struct lede_out {
	int	fd;
	int	err;		/* errno of the first failed write, or 0 */
	size_t	atomic;		/* the most one write(2) may hold */
	unsigned short	tail;	/* the last two bytes written, last lowest */
	size_t	len;
	char	buf[LEDE_OUT_SIZE];
};

/*
 * Writes to fd; looks once at what fd is (pipe or not).  With fd -1 the
 * writer is a sink that drops everything without an error.
 */
void	lede_out_init(struct lede_out *, int fd);
void	lede_out_write(struct lede_out *, const char *, size_t);
void	lede_out_str(struct lede_out *, const char *);
void	lede_out_uint(struct lede_out *, unsigned long long);
/* Makes room by writing what the buffer holds (whole lines on a pipe). */
void	lede_out_drain(struct lede_out *);
/* Writes everything buffered; returns 0 or -1 (errno in err). */
int	lede_out_flush(struct lede_out *);
/* The errno of the first failed write, or 0. */
int	lede_out_error(const struct lede_out *);
/*
 * Nothing was written yet (lede never writes NUL bytes, which this takes
 * for nothing).
 */
int	lede_out_empty(const struct lede_out *);
/* Nothing was written yet, or the last byte written was a newline. */
int	lede_out_bol(const struct lede_out *);
/* The output so far ends with a blank line ("\n\n"). */
int	lede_out_blank(const struct lede_out *);

static inline void
lede_out_putc(struct lede_out *o, char c)
{
	if (o->len == LEDE_OUT_SIZE)
		lede_out_drain(o);
	o->buf[o->len++] = c;
	o->tail = (unsigned short)(o->tail << 8 | (unsigned char)c);
}

#endif
