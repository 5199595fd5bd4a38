/*
 * The stream reader.  It keeps one input chunk and one line buffer.  Plain
 * bytes (printable ASCII and tab) are copied in runs; the bytes that need
 * care (LF, CR, NUL and everything from 0x80 up) go through one switch.  A
 * UTF-8 sequence cut by the chunk boundary is completed by moving its first
 * bytes to the front of the chunk and reading more behind them, so input may
 * be split at any byte.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "format.h"
#include "stream.h"
#include "swar.h"
#include "utf8.h"

/* Bytes that the copy loop must stop at. */
static const unsigned char special[256] = {
	['\0'] = 1, ['\n'] = 1, ['\r'] = 1,
	[0x80] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/*
 * The end of the run of bytes from i that the copy loop may pass over:
 * eight at a time while none of them is special.
 */
static size_t
plain_run(const unsigned char *p, size_t i, size_t n)
{
	uint64_t	x;

	while (i + 8 <= n) {
		x = lede_load_le(p + i);
		if (((x & LEDE_B80) | lede_zero8(x) | lede_eq8(x, '\n') |
		    lede_eq8(x, '\r')) != 0)
			break;
		i += 8;
	}
	while (i < n && !special[p[i]])
		i++;
	return i;
}

ssize_t
lede_read_fd(void *ctx, char *buf, size_t n)
{
	ssize_t	r;

	do
		r = read(*(int *)ctx, buf, n);
	while (r == -1 && errno == EINTR);
	return r;
}

void
lede_stream_init(struct lede_stream *s, lede_read_fn fn, void *ctx,
    size_t maxline)
{
	memset(s, 0, sizeof(*s));
	s->in = lede_xmalloc(LEDE_STREAM_CHUNK);
	s->maxline = maxline ? maxline : LEDE_MAXPARA_DEFAULT;
	lede_stream_reset(s, fn, ctx);
}

void
lede_stream_reset(struct lede_stream *s, lede_read_fn fn, void *ctx)
{
	s->read = fn;
	s->ctx = ctx;
	s->inpos = s->inlen = 0;
	s->eof = s->cr = 0;
	s->start = 1;
	s->raw = 0;
	s->carry = 0;
	s->line.len = 0;
	memset(&s->stats, 0, sizeof(s->stats));
}

void
lede_stream_free(struct lede_stream *s)
{
	free(s->in);
	s->in = NULL;
	lede_buf_free(&s->line);
}

/*
 * Makes at least want bytes available from inpos unless the input ends
 * first.  Returns -1 on a read error.
 */
static int
fill(struct lede_stream *s, size_t want)
{
	ssize_t	r;

	while (s->inlen - s->inpos < want && !s->eof) {
		if (s->inpos > 0) {
			memmove(s->in, s->in + s->inpos, s->inlen - s->inpos);
			s->inlen -= s->inpos;
			s->inpos = 0;
		}
		r = s->read(s->ctx, s->in + s->inlen,
		    LEDE_STREAM_CHUNK - s->inlen);
		if (r < 0)
			return -1;
		if (r == 0)
			s->eof = 1;
		s->inlen += (size_t)r;
	}
	return 0;
}

/* Appends the character at inpos, repairing it if it is not UTF-8. */
static int
take_char(struct lede_stream *s)
{
	const unsigned char	*p;
	uint32_t		 cp;
	char			 enc[4];
	int			 n;

	if (fill(s, 4) == -1)
		return -1;
	p = (const unsigned char *)s->in + s->inpos;
	n = lede_utf8_decode(p, s->inlen - s->inpos, &cp);
	if (n > 0) {
		lede_buf_add(&s->line, p, (size_t)n);
		s->inpos += (size_t)n;
		return 0;
	}
	n = lede_utf8_encode(lede_cp1252(p[0]), enc);
	lede_buf_add(&s->line, enc, (size_t)n);
	s->inpos++;
	s->stats.invalid++;
	return 0;
}

void
lede_line_classify(struct lede_line *l)
{
	const unsigned char	*p = (const unsigned char *)l->s;
	size_t			 i;

	l->kind = LEDE_LINE_BLANK;
	for (i = 0; i < l->len; i++) {
		if (p[i] == ' ' || p[i] == '\t' || p[i] == '\f' ||
		    p[i] == '\v')
			continue;
		if (p[i] == 0xC2 && i + 1 < l->len && p[i + 1] == 0xA0) {
			i++;
			continue;
		}
		l->kind = LEDE_LINE_TEXT;
		break;
	}
	if (l->kind == LEDE_LINE_TEXT &&
	    lede_fmt_header_line(l->s, l->len, &l->name))
		l->kind = LEDE_LINE_HEADER;
}

/* Returns the line so far, cut at the cap, keeping the rest for later. */
static void
cut_line(struct lede_stream *s, struct lede_line *l)
{
	size_t	at, lo;

	at = s->maxline < s->line.len ? s->maxline : s->line.len;
	while (at > 0 && at < s->line.len &&
	    ((unsigned char)s->line.p[at] & 0xC0) == 0x80)
		at--;
	lo = at > 4096 ? at - 4096 : 0;
	for (size_t i = at; i > lo; i--)
		if (s->line.p[i - 1] == ' ' || s->line.p[i - 1] == '\t') {
			at = i;
			break;
		}
	if (at == 0)
		at = s->line.len;
	else
		at = lede_fmt_cut(s->line.p, at);
	s->carry = s->line.len - at;
	s->stats.cuts++;
	l->s = s->line.p;
	l->len = at;
	l->nl = 0;
	l->cut = 1;
}

static int
finish(struct lede_stream *s, struct lede_line *l, int nl)
{
	l->s = s->line.p ? s->line.p : "";
	l->len = s->line.len;
	l->nl = nl;
	l->cut = 0;
	s->carry = 0;
	lede_line_classify(l);
	return 1;
}

int
lede_stream_peek(struct lede_stream *s, size_t want, const char **p)
{
	if (want > LEDE_STREAM_CHUNK / 2)
		want = LEDE_STREAM_CHUNK / 2;
	if (s->cr) {
		/* The LF of a CRLF whose CR ended the last line. */
		if (fill(s, 1) == -1)
			return -1;
		if (s->inpos < s->inlen && s->in[s->inpos] == '\n')
			s->inpos++;
		s->cr = 0;
	}
	if (fill(s, want) == -1)
		return -1;
	*p = s->in + s->inpos;
	return (int)(s->inlen - s->inpos < want ? s->inlen - s->inpos : want);
}

void
lede_stream_raw(struct lede_stream *s, int raw)
{
	s->raw = raw;
	if (raw)
		s->start = 0;	/* a byte-order mark stays in raw bytes */
}

/* A raw line: the bytes up to and including a newline, or the cap. */
static int
raw_line(struct lede_stream *s, struct lede_line *l)
{
	const char	*nl;
	size_t		 k;

	s->line.len = 0;
	s->cr = 0;
	for (;;) {
		if (s->inpos == s->inlen) {
			if (fill(s, 1) == -1)
				return -1;
			if (s->inpos == s->inlen)
				break;
		}
		k = s->inlen - s->inpos;
		if (k > s->maxline - s->line.len)
			k = s->maxline - s->line.len;
		nl = memchr(s->in + s->inpos, '\n', k);
		if (nl != NULL)
			k = (size_t)(nl - (s->in + s->inpos)) + 1;
		lede_buf_add(&s->line, s->in + s->inpos, k);
		s->inpos += k;
		if (nl != NULL || s->line.len >= s->maxline)
			break;
	}
	if (s->line.len == 0)
		return 0;
	l->s = s->line.p;
	l->len = s->line.len;
	l->nl = s->line.p[l->len - 1] == '\n';
	l->cut = !l->nl && s->line.len >= s->maxline;
	l->kind = LEDE_LINE_TEXT;
	if (l->nl && lede_fmt_header_line(l->s, l->len - 1, &l->name))
		l->kind = LEDE_LINE_HEADER;
	return 1;
}

int
lede_stream_line(struct lede_stream *s, struct lede_line *l)
{
	const unsigned char	*p;
	size_t			 start;

	if (s->raw)
		return raw_line(s, l);
	if (s->carry > 0) {
		memmove(s->line.p, s->line.p + s->line.len - s->carry,
		    s->carry);
		s->line.len = s->carry;
		s->carry = 0;
	} else
		s->line.len = 0;
	if (s->start) {
		if (fill(s, 3) == -1)
			return -1;
		s->start = 0;
		if (s->inlen - s->inpos >= 3 &&
		    memcmp(s->in + s->inpos, "\xEF\xBB\xBF", 3) == 0) {
			s->inpos += 3;
			s->stats.bom++;
		}
	}
	for (;;) {
		if (s->line.len >= s->maxline) {
			cut_line(s, l);
			l->kind = LEDE_LINE_TEXT;
			return 1;
		}
		if (s->inpos == s->inlen) {
			if (fill(s, 1) == -1)
				return -1;
			if (s->inpos == s->inlen) {
				if (s->line.len == 0)
					return 0;
				return finish(s, l, 0);
			}
		}
		p = (const unsigned char *)s->in;
		start = s->inpos;
		s->inpos = plain_run(p, start, s->inlen);
		if (s->inpos > start) {
			s->cr = 0;
			lede_buf_add(&s->line, p + start, s->inpos - start);
			continue;
		}
		switch (p[s->inpos]) {
		case '\n':
			s->inpos++;
			if (s->cr) {
				s->cr = 0;
				continue;
			}
			return finish(s, l, 1);
		case '\r':
			s->inpos++;
			s->cr = 1;
			s->stats.cr++;
			return finish(s, l, 1);
		case '\0':
			s->inpos++;
			s->stats.nul++;
			continue;
		default:
			s->cr = 0;
			if (take_char(s) == -1)
				return -1;
		}
	}
}
