/*
 * Buffered output.  The buffer is written when full, up to its last
 * newline (the partial line after it stays for the next time), and on a
 * pipe in pieces of at most PIPE_BUF bytes, each ending at a newline.  A
 * write error is kept and turns later writes into no-ops.
 */
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>

#include "out.h"

void
lede_out_init(struct lede_out *o, int fd)
{
	struct stat	sb;

	o->fd = fd;
	o->err = 0;
	o->len = 0;
	o->atomic = LEDE_OUT_SIZE;
	o->tail = 0;
	if (fstat(fd, &sb) == 0 && (S_ISFIFO(sb.st_mode) ||
	    S_ISSOCK(sb.st_mode)))
		o->atomic = PIPE_BUF;
}

/* The last newline in the n bytes at s, or NULL. */
static const char *
last_nl(const char *s, size_t n)
{
	while (n > 0)
		if (s[--n] == '\n')
			return s + n;
	return NULL;
}

/* Writes n bytes at s in calls of at most max bytes. */
static void
put(struct lede_out *o, const char *s, size_t n, size_t max)
{
	size_t	k;
	ssize_t	r;

	if (o->fd < 0)
		return;		/* a sink: what is written goes nowhere */
	while (n > 0 && o->err == 0) {
		k = n < max ? n : max;
		r = write(o->fd, s, k);
		if (r == -1 && errno == EINTR)
			continue;
		if (r <= 0) {
			o->err = r == 0 ? EIO : errno;
			break;
		}
		s += r;
		n -= (size_t)r;
	}
}

/*
 * Writes the first n bytes of the buffer (n ends a line, or the line is
 * longer than the buffer) in pieces of whole lines, none over o->atomic.
 */
static void
put_lines(struct lede_out *o, size_t n)
{
	const char	*s = o->buf, *nl;
	size_t		 k;

	while (n > 0 && o->err == 0) {
		k = n < o->atomic ? n : o->atomic;
		if (k < n && (nl = last_nl(s, k)) != NULL)
			k = (size_t)(nl - s) + 1;
		put(o, s, k, k);
		s += k;
		n -= k;
	}
}

void
lede_out_drain(struct lede_out *o)
{
	const char	*nl;
	size_t		 n = o->len;

	if ((nl = last_nl(o->buf, o->len)) != NULL)
		n = (size_t)(nl - o->buf) + 1;
	put_lines(o, n);
	memmove(o->buf, o->buf + n, o->len - n);
	o->len -= n;
}

int
lede_out_flush(struct lede_out *o)
{
	put_lines(o, o->len);
	o->len = 0;
	return o->err ? -1 : 0;
}

int
lede_out_error(const struct lede_out *o)
{
	return o->err;
}

int
lede_out_empty(const struct lede_out *o)
{
	return o->tail == 0;
}

int
lede_out_bol(const struct lede_out *o)
{
	return o->tail == 0 || (o->tail & 0xff) == '\n';
}

int
lede_out_blank(const struct lede_out *o)
{
	return o->tail == ('\n' << 8 | '\n');
}

void
lede_out_write(struct lede_out *o, const char *s, size_t n)
{
	size_t	k;

	if (n >= 2)
		o->tail = (unsigned short)((unsigned char)s[n - 2] << 8 |
		    (unsigned char)s[n - 1]);
	else if (n == 1)
		o->tail = (unsigned short)(o->tail << 8 | (unsigned char)s[0]);
	while (n > 0) {
		if (o->len == LEDE_OUT_SIZE)
			lede_out_drain(o);
		k = LEDE_OUT_SIZE - o->len;
		if (k > n)
			k = n;
		memcpy(o->buf + o->len, s, k);
		o->len += k;
		s += k;
		n -= k;
	}
}

void
lede_out_str(struct lede_out *o, const char *s)
{
	lede_out_write(o, s, strlen(s));
}

void
lede_out_uint(struct lede_out *o, unsigned long long v)
{
	char	tmp[24];
	size_t	i = sizeof(tmp);

	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	lede_out_write(o, tmp + i, sizeof(tmp) - i);
}
