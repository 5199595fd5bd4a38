/*
 * Buffered output.  The buffer is flushed when full; a write error is kept
 * and turns later writes into no-ops.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "out.h"
#include "swar.h"

void
lede_out_init(struct lede_out *o, int fd)
{
	o->fd = fd;
	o->err = 0;
	o->len = 0;
}

int
lede_out_flush(struct lede_out *o)
{
	size_t	off = 0;
	ssize_t	r;

	while (off < o->len && o->err == 0) {
		r = write(o->fd, o->buf + off, o->len - off);
		if (r == -1 && errno == EINTR)
			continue;
		if (r <= 0)
			o->err = r == 0 ? EIO : errno;
		else
			off += (size_t)r;
	}
	o->len = 0;
	return o->err ? -1 : 0;
}

int
lede_out_error(const struct lede_out *o)
{
	return o->err;
}

void
lede_out_write(struct lede_out *o, const char *s, size_t n)
{
	size_t	k;

	while (n > 0) {
		if (o->len == LEDE_OUT_SIZE)
			lede_out_flush(o);
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

void
lede_out_tsv(struct lede_out *o, const char *s, size_t n)
{
	size_t	i, run = 0;
	char	esc;

	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case '\t': esc = 't'; break;
		case '\n': esc = 'n'; break;
		case '\r': esc = 'r'; break;
		case '\\': esc = '\\'; break;
		default: continue;
		}
		lede_out_write(o, s + run, i - run);
		lede_out_putc(o, '\\');
		lede_out_putc(o, esc);
		run = i + 1;
	}
	lede_out_write(o, s + run, n - run);
}

/* Is any of the eight bytes at s one that JSON escapes? */
static int
json_special8(const char *s)
{
	uint64_t	x = lede_load_le(s);

	return (lede_range8(x, 0, 0x1f) | lede_eq8(x, '"') |
	    lede_eq8(x, '\\')) != 0;
}

void
lede_out_json(struct lede_out *o, const char *s, size_t n)
{
	static const char	hex[] = "0123456789abcdef";
	size_t			i, run = 0;
	unsigned char		c;

	lede_out_putc(o, '"');
	for (i = 0; i < n; i++) {
		while (i + 8 <= n && !json_special8(s + i))
			i += 8;
		if (i == n)
			break;
		c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		lede_out_write(o, s + run, i - run);
		run = i + 1;
		lede_out_putc(o, '\\');
		switch (c) {
		case '"': lede_out_putc(o, '"'); break;
		case '\\': lede_out_putc(o, '\\'); break;
		case '\n': lede_out_putc(o, 'n'); break;
		case '\t': lede_out_putc(o, 't'); break;
		case '\r': lede_out_putc(o, 'r'); break;
		default:
			lede_out_write(o, "u00", 3);
			lede_out_putc(o, hex[c >> 4]);
			lede_out_putc(o, hex[c & 15]);
		}
	}
	lede_out_write(o, s + run, n - run);
	lede_out_putc(o, '"');
}

void
lede_out_header(struct lede_out *o, const char *name, int first)
{
	if (!first)
		lede_out_putc(o, '\n');
	lede_out_write(o, "==> ", 4);
	lede_out_str(o, name);
	lede_out_write(o, " <==\n", 5);
}
