/*
 * The WARC reader.  Every byte passes through one buffer: a header block is
 * found there whole and parsed in place (the values that matter are copied
 * out), a body is handed out or skipped from there, and the last 4 KiB of a
 * body stay behind so that a Content-Length that ran over can be mended.
 * A document's payload goes through up to three layers of read functions:
 * the body (bounded by Content-Length), chunked transfer coding, and a gzip
 * reader in BODY mode for content coding.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "gzip.h"
#include "utf8.h"
#include "warc.h"

/* The buffer: room for a whole header block behind W_HIST kept bytes, and
 * as much again to read ahead. */
#define W_BUF		(2 * LEDE_WARC_MAXHEAD)
/* Body bytes kept behind the read position, searched for the next record
 * when a body is not followed by its blank line: Content-Lengths that are
 * wrong by a header line or two are mended. */
#define W_HIST		4096
/* Read more once less than this is free at the end of the buffer. */
#define W_LOW		(W_BUF / 4)
/* Payload bytes looked at to tell HTML from text when a response has no
 * Content-Type: the MIME Sniffing standard's resource header is 1445 bytes,
 * its HTML patterns are in the first 512 after white space. */
#define W_SNIFF		512
/* Cap on a chunk-size line with its extensions. */
#define W_CHUNKLINE	4096
/* Largest chunk size taken (2^60): more is a corrupt size line. */
#define W_CHUNKMAX	((uint64_t)1 << 60)
/* Largest Content-Length taken (2^62). */
#define W_LENMAX	((uint64_t)1 << 62)

enum w_state {
	W_START,	/* a record starts here */
	W_BODY,		/* inside a body: skip what is left of it */
	W_SEP,		/* after a body: its blank line */
	W_SCAN,		/* looking for the next version line */
	W_END
};

enum w_chunk {
	CH_NONE,	/* not chunked */
	CH_SIZE,	/* a chunk-size line is next */
	CH_DATA,
	CH_CRLF,	/* the line end after a chunk's data */
	CH_DONE
};

/* A header field value copied out of the buffer: a span of w->strs. */
struct w_val {
	size_t	off;
	size_t	len;
	int	set;
};

enum w_field {
	F_TYPE, F_URI, F_LENGTH, F_CTYPE, F_TRUNC, F_DATE,	/* WARC */
	F_HCTYPE, F_TE, F_CE,					/* HTTP */
	F_N
};

struct lede_warc {
	lede_read_fn		 fn;
	void			*ctx;
	uint64_t		(*locate)(const void *, uint64_t);
	const void		*lctx;
	char			*in;
	size_t			 pos;
	size_t			 len;
	uint64_t		 base;		/* offset of in[0] */
	int			 eof;
	int			 cuterr;	/* errno of a cut below */
	enum w_state		 state;
	int			 quietscan;	/* its problem was said */
	uint64_t		 junk;		/* where the scan started */
	/* The current record. */
	uint64_t		 rec;
	uint64_t		 member;
	uint64_t		 bodyoff;
	uint64_t		 bodyend;
	int			 truncnote;
	int			 checked;	/* check_end() done */
	int			 indoc;		/* payload being read */
	int			 truncated;
	enum w_chunk		 chunk;
	uint64_t		 chunkleft;
	int			 chunks;	/* chunks seen */
	struct lede_gzip	*gz;
	int			 coded;
	char			 sniff[W_SNIFF];
	size_t			 snifflen;
	size_t			 sniffpos;
	struct lede_buf		 strs;
	struct w_val		 f[F_N];
	int			 lastf;		/* for continuation lines */
	/* The problem to return next, if queued. */
	int			 queued;
	struct lede_warc_problem prob;
	char			 msg[512];
	struct lede_warc_stats	 stats;
};

static const char *const type_names[LEDE_WARC_NTYPES] = {
	"warcinfo", "response", "resource", "request", "metadata",
	"revisit", "conversion", "continuation", "other"
};

static const char *const skip_names[LEDE_WARC_NSKIP] = {
	"record type", "HTTP status", "media type", "coding", "not HTTP",
	"unreadable"
};

const char *
lede_warc_type_name(enum lede_warc_type t)
{
	return t < LEDE_WARC_NTYPES ? type_names[t] : "?";
}

const char *
lede_warc_skip_name(enum lede_warc_skip s)
{
	return s < LEDE_WARC_NSKIP ? skip_names[s] : "?";
}

/*
 * The length of the version line at p ("WARC/1.0" and CRLF or LF), 0 when
 * p does not start one, -1 when n bytes are too few to tell.
 */
static int
version_line(const char *p, size_t n)
{
	size_t	i, d1 = 0, d2 = 0;

	for (i = 0; i < 5; i++)
		if (i >= n)
			return -1;
		else if (p[i] != "WARC/"[i])
			return 0;
	for (; i < n && i < 12 && p[i] >= '0' && p[i] <= '9'; i++)
		d1++;
	if (i < n && p[i] == '.' && d1 > 0)
		for (i++; i < n && i < 16 && p[i] >= '0' && p[i] <= '9'; i++)
			d2++;
	else if (i < n)
		return 0;
	if (i >= n)
		return i >= 16 ? 0 : -1;
	if (d2 == 0)
		return 0;
	if (p[i] == '\n')
		return (int)i + 1;
	if (p[i] != '\r')
		return 0;
	if (i + 1 >= n)
		return -1;
	return p[i + 1] == '\n' ? (int)i + 2 : 0;
}

int
lede_warc_magic(const void *p, size_t n)
{
	const char	*s = p;

	return n >= 9 && (memcmp(s, "WARC/1.0", 8) == 0 ||
	    memcmp(s, "WARC/1.1", 8) == 0) && (s[8] == '\r' || s[8] == '\n');
}

struct lede_warc *
lede_warc_new(lede_read_fn fn, void *ctx)
{
	struct lede_warc	*w;

	w = lede_xcalloc(1, sizeof(*w));
	w->in = lede_xmalloc(W_BUF);
	/* Never NULL, so that an empty first value is a valid pointer. */
	lede_buf_reserve(&w->strs, 256);
	lede_warc_reset(w, fn, ctx);
	return w;
}

void
lede_warc_reset(struct lede_warc *w, lede_read_fn fn, void *ctx)
{
	w->fn = fn;
	w->ctx = ctx;
	w->pos = w->len = 0;
	w->base = 0;
	w->eof = w->cuterr = 0;
	w->state = W_START;
	w->indoc = w->queued = 0;
	w->rec = w->member = LEDE_WARC_NOPOS;
	memset(&w->stats, 0, sizeof(w->stats));
}

void
lede_warc_locator(struct lede_warc *w,
    uint64_t (*fn)(const void *, uint64_t), const void *ctx)
{
	w->locate = fn;
	w->lctx = ctx;
}

void
lede_warc_free(struct lede_warc *w)
{
	if (w == NULL)
		return;
	lede_gzip_free(w->gz);
	lede_buf_free(&w->strs);
	free(w->in);
	free(w);
}

const struct lede_warc_problem *
lede_warc_problem(const struct lede_warc *w)
{
	return &w->prob;
}

const struct lede_warc_stats *
lede_warc_stats(const struct lede_warc *w)
{
	return &w->stats;
}

/* The stream offset of the read position. */
static uint64_t
here(const struct lede_warc *w)
{
	return w->base + w->pos;
}

/* Queues a problem at offset off; rec says it is about the current
 * record ("record at byte N: ..."), else about a place ("byte N: ..."). */
static void
queue(struct lede_warc *w, enum lede_warc_status st, int rec, uint64_t off,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void
queue(struct lede_warc *w, enum lede_warc_status st, int rec, uint64_t off,
    const char *fmt, ...)
{
	va_list	ap;
	int	k;

	if (w->queued)
		return;		/* the first problem of a step is the cause */
	w->prob.status = st;
	w->prob.offset = rec ? w->rec : off;
	w->prob.member = rec ? w->member : LEDE_WARC_NOPOS;
	w->prob.errnum = 0;
	if (!rec && w->locate != NULL)
		w->prob.member = w->locate(w->lctx, off);
	k = snprintf(w->msg, sizeof(w->msg), "%s %llu", rec ?
	    "record at byte" : "byte", (unsigned long long)w->prob.offset);
	if (w->prob.member != LEDE_WARC_NOPOS)
		k += snprintf(w->msg + k, sizeof(w->msg) - (size_t)k,
		    " (gzip member at byte %llu)",
		    (unsigned long long)w->prob.member);
	k += snprintf(w->msg + k, sizeof(w->msg) - (size_t)k, ": ");
	va_start(ap, fmt);
	vsnprintf(w->msg + k, sizeof(w->msg) - (size_t)k, fmt, ap);
	va_end(ap);
	w->prob.message = w->msg;
	w->queued = 1;
	w->stats.problems++;
}

/*
 * Reads more input into the buffer, first moving its start up to W_HIST
 * bytes behind the read position when little room is left.  Returns 1 when
 * bytes came, 0 at the end, -1 when the read below failed: then a problem
 * is queued and the state is W_SCAN (data lost, reading goes on) or W_END.
 */
static int
fill(struct lede_warc *w)
{
	size_t	drop;
	ssize_t	r;

	if (w->eof)
		return 0;
	if (W_BUF - w->len < W_LOW && w->pos > W_HIST) {
		drop = w->pos - W_HIST;
		memmove(w->in, w->in + drop, w->len - drop);
		w->base += drop;
		w->pos -= drop;
		w->len -= drop;
	}
	if (w->len == W_BUF)
		return 1;	/* full: the caller's cap keeps this rare */
	r = w->fn(w->ctx, w->in + w->len, W_BUF - w->len);
	if (r > 0) {
		w->len += (size_t)r;
		return 1;
	}
	if (r == 0 || errno == EPIPE) {
		w->cuterr = r == 0 ? 0 : EPIPE;
		w->eof = 1;
		return 0;
	}
	queue(w, LEDE_WARC_EINPUT, 0, w->base + w->len, "%s%s",
	    errno == EILSEQ ? "the data below is corrupt" : strerror(errno),
	    errno == EILSEQ ? "; reading resumes at the next record" : "");
	w->prob.errnum = errno;
	w->state = errno == EILSEQ ? W_SCAN : W_END;
	w->quietscan = 1;
	w->junk = w->base + w->len;
	w->indoc = 0;
	if (errno != EILSEQ)
		w->eof = 1;
	return -1;
}

/* Makes n bytes available at the read position, fewer only at the end.
 * Returns the bytes available, or -1 (see fill()). */
static ssize_t
want(struct lede_warc *w, size_t n)
{
	int	r;

	while (w->len - w->pos < n) {
		if ((r = fill(w)) <= 0) {
			if (r < 0)
				return -1;
			break;
		}
		if (w->len == W_BUF && w->pos <= W_HIST)
			break;
	}
	return (ssize_t)(w->len - w->pos);
}

/* Case-insensitive comparison of p[0..n-1] with the lower-case word s. */
static int
word_is(const char *p, size_t n, const char *s)
{
	size_t	i;

	for (i = 0; i < n && s[i] != '\0'; i++)
		if ((p[i] | 0x20) != s[i] && p[i] != s[i])
			return 0;
	return i == n && s[i] == '\0';
}

/* The end of the header block that starts at p: the offset just after its
 * blank line, or 0 if n bytes hold none. */
static size_t
head_end(const char *p, size_t n, size_t from)
{
	const char	*q;
	size_t		 i;

	for (i = from; i < n; i = (size_t)(q - p) + 1) {
		if ((q = memchr(p + i, '\n', n - i)) == NULL)
			return 0;
		if ((size_t)(q - p) + 1 < n && q[1] == '\n')
			return (size_t)(q - p) + 2;
		if ((size_t)(q - p) + 2 < n && q[1] == '\r' && q[2] == '\n')
			return (size_t)(q - p) + 3;
	}
	return 0;
}

/*
 * Finds a whole header block at the read position, reading as needed.
 * Returns its length, 0 at the end of input with nothing left, -1 when the
 * block is cut by the end of input or by lim bytes (*toolong says which),
 * -2 on a failed read (see fill()).
 */
static ssize_t
find_head(struct lede_warc *w, size_t lim, int *toolong)
{
	size_t	end, seen = 0, have;

	*toolong = 0;
	for (;;) {
		have = w->len - w->pos;
		if (have > lim)
			have = lim;
		end = head_end(w->in + w->pos, have, seen > 2 ? seen - 2 : 0);
		if (end > 0)
			return (ssize_t)end;
		seen = have;
		if (have == lim) {
			*toolong = 1;
			return -1;
		}
		switch (fill(w)) {
		case -1:
			return -2;
		case 0:
			return w->len == w->pos ? 0 : -1;
		}
	}
}

/* Copies a field value into strs, or appends a continuation line to it. */
static void
keep_value(struct lede_warc *w, enum w_field f, const char *v, size_t n,
    int more)
{
	while (n > 0 && (*v == ' ' || *v == '\t'))
		v++, n--;
	while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t' ||
	    v[n - 1] == '\r'))
		n--;
	if (more) {
		if (n == 0)
			return;
		lede_buf_addc(&w->strs, ' ');
		w->f[f].len++;
	} else {
		w->f[f].off = w->strs.len;
		w->f[f].len = 0;
		w->f[f].set = 1;
	}
	lede_buf_add(&w->strs, v, n);
	w->f[f].len += n;
}

static const struct {
	const char	*name;
	enum w_field	 f;
	int		 http;
} fields[] = {
	{ "warc-type", F_TYPE, 0 },
	{ "warc-target-uri", F_URI, 0 },
	{ "content-length", F_LENGTH, 0 },
	{ "content-type", F_CTYPE, 0 },
	{ "warc-truncated", F_TRUNC, 0 },
	{ "warc-date", F_DATE, 0 },
	{ "content-type", F_HCTYPE, 1 },
	{ "transfer-encoding", F_TE, 1 },
	{ "content-encoding", F_CE, 1 },
};

/* Parses the field lines of p[0..n-1] (after the first line), keeping the
 * values of the fields that matter; the last of a repeated field wins. */
static void
parse_fields(struct lede_warc *w, const char *p, size_t n, int http)
{
	const char	*line, *eol, *colon;
	size_t		 i, k, len;

	w->lastf = -1;
	for (line = p; line < p + n; line = eol + 1) {
		if ((eol = memchr(line, '\n', (size_t)(p + n - line))) == NULL)
			eol = p + n;
		len = (size_t)(eol - line);
		if (len > 0 && (line[0] == ' ' || line[0] == '\t')) {
			if (w->lastf >= 0)
				keep_value(w, (enum w_field)w->lastf, line, len,
				    1);
			continue;
		}
		w->lastf = -1;
		if ((colon = memchr(line, ':', len)) == NULL)
			continue;
		for (k = (size_t)(colon - line); k > 0 &&
		    (line[k - 1] == ' ' || line[k - 1] == '\t'); k--)
			;
		for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
			if (fields[i].http == http &&
			    word_is(line, k, fields[i].name)) {
				keep_value(w, fields[i].f, colon + 1,
				    (size_t)(eol - colon - 1), 0);
				w->lastf = (int)fields[i].f;
				break;
			}
	}
}

static const char *
val(const struct lede_warc *w, enum w_field f, size_t *n)
{
	*n = w->f[f].len;
	return w->strs.p + w->f[f].off;
}

/* Parses Content-Length: 0 and *len, or -1 when absent or not a number. */
static int
parse_length(const struct lede_warc *w, uint64_t *len)
{
	const char	*p;
	size_t		 n, i;
	uint64_t	 v = 0;

	if (!w->f[F_LENGTH].set)
		return -1;
	p = val(w, F_LENGTH, &n);
	for (i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9' || v > W_LENMAX / 10)
			return -1;
		v = v * 10 + (uint64_t)(p[i] - '0');
	}
	if (n == 0 || v > W_LENMAX)
		return -1;
	*len = v;
	return 0;
}

static enum lede_warc_type
parse_type(const struct lede_warc *w)
{
	const char	*p;
	size_t		 n;
	int		 t;

	if (!w->f[F_TYPE].set)
		return LEDE_WARC_OTHER;
	p = val(w, F_TYPE, &n);
	for (t = 0; t < LEDE_WARC_OTHER; t++)
		if (word_is(p, n, type_names[t]))
			return (enum lede_warc_type)t;
	return LEDE_WARC_OTHER;
}

/* Starts a NUL-terminated string in strs; returns its offset. */
static size_t
str_start(struct lede_warc *w)
{
	return w->strs.len;
}

static void
str_end(struct lede_warc *w)
{
	lede_buf_addc(&w->strs, '\0');
}

/*
 * Writes the cleaned target URI into strs: no white space or <...> around
 * it, and the bytes a URI cannot hold percent-encoded.
 */
static size_t
clean_uri(struct lede_warc *w)
{
	static const char	 hex[] = "0123456789ABCDEF";
	const unsigned char	*p;
	size_t			 n, i, off;
	uint32_t		 cp;
	int			 k;

	if (!w->f[F_URI].set) {
		off = str_start(w);
		str_end(w);
		return off;
	}
	/* No growth while p points into strs. */
	lede_buf_reserve(&w->strs, 3 * w->f[F_URI].len + 1);
	off = str_start(w);
	p = (const unsigned char *)val(w, F_URI, &n);
	while (n > 0 && (*p == ' ' || *p == '\t'))
		p++, n--;
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	if (n >= 2 && p[0] == '<' && p[n - 1] == '>')
		p++, n -= 2;
	for (i = 0; i < n; i += (size_t)k) {
		k = p[i] < 0x80 ? 1 : lede_utf8_decode(p + i, n - i, &cp);
		if (k > 0 && p[i] > 0x20 && p[i] != 0x7f) {
			lede_buf_add(&w->strs, p + i, (size_t)k);
			continue;
		}
		k = 1;
		lede_buf_addc(&w->strs, '%');
		lede_buf_addc(&w->strs, hex[p[i] >> 4]);
		lede_buf_addc(&w->strs, hex[p[i] & 15]);
	}
	str_end(w);
	return off;
}

#define W_NONE	((size_t)-1)

/* Lower-cases p[0..n-1] into a new string of strs; returns its offset. */
static size_t
add_lower(struct lede_warc *w, const char *p, size_t n)
{
	size_t	off = str_start(w), i;

	for (i = 0; i < n; i++)
		lede_buf_addc(&w->strs, p[i] >= 'A' && p[i] <= 'Z' ?
		    (char)(p[i] | 0x20) : p[i]);
	str_end(w);
	return off;
}

static const char *
trim(const char *p, size_t *n)
{
	while (*n > 0 && (*p == ' ' || *p == '\t'))
		p++, (*n)--;
	while (*n > 0 && (p[*n - 1] == ' ' || p[*n - 1] == '\t'))
		(*n)--;
	return p;
}

/*
 * Parses the Content-Type in field f into lower-case strings of strs: the
 * media type in *mime and the charset parameter in *cs (W_NONE if none).
 * Returns 0, or -1 when the field is absent or empty.
 */
static int
parse_ctype(struct lede_warc *w, enum w_field f, size_t *mime, size_t *cs)
{
	const char	*p, *q, *e, *v;
	size_t		 n, k;

	*mime = *cs = W_NONE;
	if (!w->f[f].set || w->f[f].len == 0)
		return -1;
	/* No growth while p points into strs. */
	lede_buf_reserve(&w->strs, 2 * w->f[f].len + 2);
	p = val(w, f, &n);
	e = p + n;
	q = memchr(p, ';', n);
	k = (size_t)((q != NULL ? q : e) - p);
	v = trim(p, &k);
	*mime = add_lower(w, v, k);
	while (q != NULL && q < e) {
		p = q + 1;
		q = memchr(p, ';', (size_t)(e - p));
		k = (size_t)((q != NULL ? q : e) - p);
		v = trim(p, &k);
		if (k < 8 || !word_is(v, 7, "charset") || v[7] != '=')
			continue;
		v += 8, k -= 8;
		v = trim(v, &k);
		if (k >= 2 && v[0] == '"' && v[k - 1] == '"')
			v++, k -= 2;
		if (k > 0)
			*cs = add_lower(w, v, k);
	}
	return 0;
}

/* The media of a lower-case media type: HTML, TEXT, or -1. */
static int
media_of(const char *mime)
{
	if (strcmp(mime, "text/html") == 0 ||
	    strcmp(mime, "application/xhtml+xml") == 0)
		return LEDE_WARC_HTML;
	if (strcmp(mime, "text/plain") == 0)
		return LEDE_WARC_TEXT;
	return -1;
}

/* Printable text for a message: at most 24 bytes of p, others as '?'. */
static const char *
quote(char *out, size_t size, const char *p, size_t n)
{
	size_t	i;

	if (n > 24)
		n = 24;
	if (n >= size)
		n = size - 1;
	for (i = 0; i < n && p[i] != '\r' && p[i] != '\n'; i++)
		out[i] = p[i] >= 0x20 && p[i] < 0x7f ? p[i] : '?';
	out[i] = '\0';
	return out;
}

/* The record is cut by the end of the input. */
static void
cut(struct lede_warc *w)
{
	queue(w, LEDE_WARC_ECUT, 1, 0, "the input ends inside it, %llu of "
	    "%llu bytes into its body%s", (unsigned long long)(w->base +
	    w->len - w->bodyoff), (unsigned long long)(w->bodyend -
	    w->bodyoff), w->cuterr == EPIPE ? " (its gzip member is cut)" :
	    "");
	w->state = W_END;
	w->indoc = 0;
}

/*
 * Is a record end at offset i of the buffer: a blank line, then a
 * version line or the end of the input?  1 yes, 0 no, -1 cannot tell.
 */
static int
end_at(const struct lede_warc *w, size_t i)
{
	while (i < w->len && (w->in[i] == '\r' || w->in[i] == '\n'))
		i++;
	if (i == w->len)
		return w->eof ? 1 : -1;
	return version_line(w->in + i, w->len - i);
}

/*
 * Where a body that is not followed by a record end really ends: the
 * first blank line and version line inside its part from the read
 * position on.  Returns the buffer offset of that blank line, or 0.
 */
static size_t
true_end(const struct lede_warc *w, size_t end)
{
	size_t		 i = w->pos;
	const char	*q;

	while ((q = memchr(w->in + i, '\n', end - i)) != NULL) {
		i = (size_t)(q - w->in) + 1;
		if (i + 1 < end && w->in[i] == '\n' &&
		    version_line(w->in + i + 1, w->len - i - 1) > 0)
			return i - 1 - (i >= 2 && w->in[i - 2] == '\r');
		if (i + 2 < end && w->in[i] == '\r' && w->in[i + 1] == '\n' &&
		    version_line(w->in + i + 2, w->len - i - 2) > 0)
			return i - 1 - (i >= 2 && w->in[i - 2] == '\r');
	}
	return 0;
}

/*
 * Once the last W_HIST bytes of a body are due, checks that a record end
 * follows them; where it does not and the next record starts inside them
 * (a Content-Length that runs over), the body is ended there.  Returns 0,
 * or -1 on a failed read (see fill()).
 */
static int
check_end(struct lede_warc *w)
{
	uint64_t	left = w->bodyend - here(w);
	size_t		end, t;
	ssize_t		r;

	w->checked = 1;
	if ((r = want(w, (size_t)left + 16)) < 0)
		return -1;
	if ((uint64_t)r < left)
		return 0;		/* cut: found on the way */
	end = w->pos + (size_t)left;
	if (end_at(w, end) != 0 || (t = true_end(w, end)) == 0)
		return 0;
	queue(w, LEDE_WARC_ESYNC, 1, 0, "its Content-Length (%llu) runs %zu "
	    "bytes past its end, into the record at byte %llu; the record "
	    "ends there", (unsigned long long)(w->bodyend - w->bodyoff),
	    end - t, (unsigned long long)(w->base + t + (w->in[t] == '\r' ?
	    4 : 2)));
	w->bodyend = w->base + t;
	return 0;
}

/* The raw body: returns bytes, 0 at its end, -1 when the input fails or
 * ends first (the problem is queued). */
static ssize_t
body_fn(void *ctx, char *buf, size_t n)
{
	struct lede_warc	*w = ctx;
	uint64_t		 left = w->bodyend - here(w);
	size_t			 k;
	int			 r;

	if (!w->checked && left <= W_HIST) {
		if (check_end(w) == -1)
			return -1;
		left = w->bodyend - here(w);
	}
	if (left == 0)
		return 0;
	if (w->pos == w->len && (r = fill(w)) <= 0) {
		if (r == 0)
			cut(w);
		return -1;
	}
	k = w->len - w->pos;
	if (k > n)
		k = n;
	if (k > left)
		k = (size_t)left;
	memcpy(buf, w->in + w->pos, k);
	w->pos += k;
	return (ssize_t)k;
}

/*
 * Finds a line end in the body within lim bytes of the read position.
 * Returns the line's length with its LF, 0 when the body, the input or lim
 * ends first, -1 on a failed read.
 */
static ssize_t
body_line(struct lede_warc *w, size_t lim)
{
	const char	*q;
	uint64_t	 left;
	size_t		 have;
	int		 r;

	for (;;) {
		left = w->bodyend - here(w);
		have = w->len - w->pos;
		if (have > left)
			have = (size_t)left;
		if (have > lim)
			have = lim;
		if ((q = memchr(w->in + w->pos, '\n', have)) != NULL)
			return q - (w->in + w->pos) + 1;
		if (have == left || have == lim)
			return 0;
		if ((r = fill(w)) <= 0)
			return r;
	}
}

/* Parses a chunk-size line (RFC 9112 7.1: hex size, extensions after ';').
 * Returns 0 and *size, or -1. */
static int
chunk_size(const char *p, size_t n, uint64_t *size)
{
	size_t		i = 0, d = 0;
	uint64_t	v = 0;
	int		x;

	while (i < n && (p[i] == ' ' || p[i] == '\t'))
		i++;
	for (; i < n; i++, d++) {
		if (p[i] >= '0' && p[i] <= '9')
			x = p[i] - '0';
		else if ((p[i] | 0x20) >= 'a' && (p[i] | 0x20) <= 'f')
			x = (p[i] | 0x20) - 'a' + 10;
		else
			break;
		if (v > W_CHUNKMAX / 16)
			return -1;
		v = v * 16 + (uint64_t)x;
	}
	while (i < n && (p[i] == ' ' || p[i] == '\t'))
		i++;
	if (d == 0 || (i < n && p[i] != ';' && p[i] != '\r' && p[i] != '\n'))
		return -1;
	*size = v;
	return 0;
}

static void
bad_chunk(struct lede_warc *w, const char *what, const char *p, size_t n)
{
	char	q[32];

	queue(w, LEDE_WARC_ECHUNK, 1, 0, "%s \"%s\" at byte %llu of its "
	    "body; the rest of it is dropped", what, quote(q, sizeof(q), p, n),
	    (unsigned long long)(here(w) - w->bodyoff));
	w->chunk = CH_DONE;
}

/* CH_SIZE: reads a chunk-size line.  Returns 1 to go on, 0 at the end of
 * the payload, -1 on a problem. */
static int
chunk_head(struct lede_warc *w)
{
	ssize_t		r;
	uint64_t	size;

	if ((r = body_line(w, W_CHUNKLINE)) < 0)
		return -1;
	if (r == 0 && (here(w) == w->bodyend || w->truncated)) {
		w->chunk = CH_DONE;	/* no last chunk: end there */
		return 0;
	}
	if (r == 0 && w->eof && w->pos == w->len) {
		cut(w);
		return -1;
	}
	if (r == 0 || chunk_size(w->in + w->pos, (size_t)r, &size) == -1) {
		if (w->chunks == 0) {
			/* Not chunked after all: the body as it is. */
			w->chunk = CH_NONE;
			return 1;
		}
		bad_chunk(w, "bad chunk size", w->in + w->pos, w->len - w->pos);
		return -1;
	}
	w->pos += (size_t)r;
	w->chunks++;
	w->chunkleft = size;
	w->chunk = size == 0 ? CH_DONE : CH_DATA;
	return size == 0 ? 0 : 1;
}

/* CH_CRLF: the line end after a chunk's data.  As chunk_head(). */
static int
chunk_tail(struct lede_warc *w)
{
	ssize_t	r;

	if ((r = body_line(w, 2)) < 0)
		return -1;
	if (r == 0 && (here(w) == w->bodyend || w->truncated)) {
		w->chunk = CH_DONE;
		return 0;
	}
	if (r == 0 || (r == 2 && w->in[w->pos] != '\r')) {
		bad_chunk(w, "no line end after a chunk, but", w->in + w->pos,
		    w->len - w->pos);
		return -1;
	}
	w->pos += (size_t)r;
	w->chunk = CH_SIZE;
	return 1;
}

/* The body without its chunked transfer coding. */
static ssize_t
chunk_fn(void *ctx, char *buf, size_t n)
{
	struct lede_warc	*w = ctx;
	ssize_t			 r;
	int			 k;

	for (;;)
		switch (w->chunk) {
		case CH_NONE:
			return body_fn(w, buf, n);
		case CH_DONE:
			return 0;
		case CH_SIZE:
		case CH_CRLF:
			k = w->chunk == CH_SIZE ? chunk_head(w) : chunk_tail(w);
			if (k <= 0)
				return k;
			break;
		case CH_DATA:
			if (n > w->chunkleft)
				n = (size_t)w->chunkleft;
			if ((r = body_fn(w, buf, n)) == 0 && !w->truncated)
				queue(w, LEDE_WARC_ECHUNK, 1, 0, "its body ends "
				    "inside a chunk, %llu bytes short",
				    (unsigned long long)w->chunkleft);
			if (r <= 0)
				return -1;
			w->chunkleft -= (uint64_t)r;
			if (w->chunkleft == 0)
				w->chunk = CH_CRLF;
			return r;
		}
}

/* The payload without its codings; 0 at its end or after a problem. */
static ssize_t
chain_read(struct lede_warc *w, char *buf, size_t n)
{
	ssize_t	r;

	if (!w->indoc)
		return 0;
	if (w->coded)
		r = lede_gzip_read(w->gz, buf, n);
	else
		r = chunk_fn(w, buf, n);
	if (r > 0)
		return r;
	if (r < 0 && w->coded && !w->queued &&
	    (lede_gzip_status(w->gz) == LEDE_GZIP_ECORRUPT ||
	    (lede_gzip_status(w->gz) == LEDE_GZIP_ECUT && !w->truncated)))
		queue(w, LEDE_WARC_ECODING, 1, 0, "its coded body: %s; the "
		    "rest of it is dropped", lede_gzip_message(w->gz));
	w->indoc = 0;
	return 0;
}

ssize_t
lede_warc_read(void *ctx, char *buf, size_t n)
{
	struct lede_warc	*w = ctx;
	size_t			 k;

	if (w->sniffpos < w->snifflen) {
		k = w->snifflen - w->sniffpos;
		if (k > n)
			k = n;
		memcpy(buf, w->sniff + w->sniffpos, k);
		w->sniffpos += k;
		return (ssize_t)k;
	}
	return chain_read(w, buf, n);
}

/* The HTML patterns of the MIME Sniffing standard (7.1), each followed by
 * a space or '>'. */
static const char *const html_tags[] = {
	"<!doctype html", "<html", "<head", "<script", "<iframe", "<h1",
	"<div", "<font", "<table", "<a", "<style", "<title", "<b", "<body",
	"<br", "<p"
};

/* Tells the media of the first bytes of a payload, as the MIME Sniffing
 * standard does for a resource with no Content-Type: HTML, TEXT (no
 * binary bytes), or -1. */
static int
sniff_media(const char *p, size_t n)
{
	size_t	i, j, k;

	i = n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	while (i < n && strchr(" \t\n\f\r", p[i]) != NULL && p[i] != '\0')
		i++;
	if (n - i >= 4 && memcmp(p + i, "<!--", 4) == 0)
		return LEDE_WARC_HTML;
	for (j = 0; j < sizeof(html_tags) / sizeof(html_tags[0]); j++) {
		k = strlen(html_tags[j]);
		if (n - i > k && word_is(p + i, k, html_tags[j]) &&
		    (p[i + k] == ' ' || p[i + k] == '>'))
			return LEDE_WARC_HTML;
	}
	for (i = 0; i < n; i++)
		if ((unsigned char)p[i] < 0x20 && p[i] != '\t' &&
		    p[i] != '\n' && p[i] != '\f' && p[i] != '\r' &&
		    p[i] != 0x1b)
			return -1;
	return LEDE_WARC_TEXT;
}

/* Starts reading the payload of the current record through its codings. */
static void
start_payload(struct lede_warc *w, int chunked, int coded)
{
	w->indoc = 1;
	w->chunk = chunked ? CH_SIZE : CH_NONE;
	w->chunks = 0;
	w->coded = coded;
	w->snifflen = w->sniffpos = 0;
	if (!coded)
		return;
	if (w->gz == NULL)
		w->gz = lede_gzip_new(chunk_fn, w, LEDE_GZIP_BODY);
	else
		lede_gzip_reset(w->gz, chunk_fn, w, LEDE_GZIP_BODY);
}

/* Reads the first bytes of the payload aside and tells their media. */
static int
sniff(struct lede_warc *w)
{
	ssize_t	r;

	while (w->snifflen < W_SNIFF && (r = chain_read(w, w->sniff +
	    w->snifflen, W_SNIFF - w->snifflen)) > 0)
		w->snifflen += (size_t)r;
	return sniff_media(w->sniff, w->snifflen);
}

/* Reads a Transfer-Encoding or Content-Encoding: sets *chunked, counts the
 * compressions in *coded; returns -1 for a coding lede cannot decode. */
static int
codings(const struct lede_warc *w, enum w_field f, int *chunked, int *coded)
{
	const char	*p, *e, *q, *t;
	size_t		 n, k;

	if (!w->f[f].set)
		return 0;
	p = val(w, f, &n);
	for (e = p + n; p < e; p = q + 1) {
		if ((q = memchr(p, ',', (size_t)(e - p))) == NULL)
			q = e;
		k = (size_t)(q - p);
		t = trim(p, &k);
		if (k == 0 || word_is(t, k, "identity"))
			continue;
		if (f == F_TE && word_is(t, k, "chunked"))
			*chunked = 1;
		else if (word_is(t, k, "gzip") || word_is(t, k, "x-gzip") ||
		    word_is(t, k, "deflate"))
			(*coded)++;
		else
			return -1;
	}
	return 0;
}

/* The status code of an HTTP status line ("HTTP/1.1 200 OK", "HTTP/2 200"),
 * or -1. */
static int
status_code(const char *p, size_t n)
{
	size_t	i = 5, v;
	int	code;

	if (n < 5 || !word_is(p, 5, "http/"))
		return -1;
	for (v = 0; i < n && ((p[i] >= '0' && p[i] <= '9') || p[i] == '.');
	    i++)
		v++;
	if (v == 0 || i >= n || p[i] != ' ')
		return -1;
	while (i < n && p[i] == ' ')
		i++;
	if (n - i < 3 || p[i] < '1' || p[i] > '9' || p[i + 1] < '0' ||
	    p[i + 1] > '9' || p[i + 2] < '0' || p[i + 2] > '9')
		return -1;
	code = (p[i] - '0') * 100 + (p[i + 1] - '0') * 10 + p[i + 2] - '0';
	i += 3;
	if (i < n && p[i] != ' ' && p[i] != '\r' && p[i] != '\n')
		return -1;
	return code;
}

/* What classify() found out about a document. */
struct w_doc {
	int	media;		/* -1: sniff it */
	size_t	mime;
	size_t	charset;
	int	http;
};

/* Reads the HTTP head of a response body.  Returns -1 for a document (in
 * *d, with its payload started), else why the record is skipped. */
static int
http_head(struct lede_warc *w, struct w_doc *d)
{
	uint64_t	left = w->bodyend - here(w);
	size_t		lim, hlen, eol;
	ssize_t		r;
	int		toolong, chunked = 0, coded = 0;
	char		q[32];
	const char	*p, *nl;

	lim = left < LEDE_WARC_MAXHEAD ? (size_t)left : LEDE_WARC_MAXHEAD;
	r = find_head(w, lim, &toolong);
	if (r == -2)
		return LEDE_WARC_SKIP_BROKEN;
	if (r == -1 && !(toolong && lim == left)) {
		if (toolong)
			queue(w, LEDE_WARC_EHTTP, 1, 0, "its HTTP head is longer "
			    "than %d bytes; skipped", LEDE_WARC_MAXHEAD);
		else
			cut(w);
		return LEDE_WARC_SKIP_BROKEN;
	}
	hlen = r > 0 ? (size_t)r : lim;
	p = w->in + w->pos;
	if ((d->http = status_code(p, hlen)) < 0) {
		queue(w, LEDE_WARC_EHTTP, 1, 0, "its payload is not an HTTP "
		    "response (it starts \"%s\"); skipped",
		    quote(q, sizeof(q), p, hlen));
		return LEDE_WARC_SKIP_NOTHTTP;
	}
	nl = memchr(p, '\n', hlen);
	eol = nl != NULL ? (size_t)(nl - p) + 1 : hlen;
	parse_fields(w, p + eol, hlen - eol, 1);
	w->pos += hlen;
	if (d->http / 100 != 2)
		return LEDE_WARC_SKIP_STATUS;
	if (parse_ctype(w, F_HCTYPE, &d->mime, &d->charset) == 0 &&
	    (d->media = media_of(w->strs.p + d->mime)) < 0)
		return LEDE_WARC_SKIP_MEDIA;
	if (codings(w, F_TE, &chunked, &coded) == -1 ||
	    codings(w, F_CE, &chunked, &coded) == -1 || coded > 1)
		return LEDE_WARC_SKIP_CODING;
	start_payload(w, chunked, coded);
	return -1;
}

/* A resource, conversion or non-HTTP response: the body as it is. */
static int
as_is(struct lede_warc *w, struct w_doc *d, int conversion)
{
	if (parse_ctype(w, F_CTYPE, &d->mime, &d->charset) == 0) {
		if ((d->media = media_of(w->strs.p + d->mime)) < 0)
			return LEDE_WARC_SKIP_MEDIA;
	} else if (conversion)
		d->media = LEDE_WARC_TEXT;
	start_payload(w, 0, 0);
	return -1;
}

/* Decides whether the record just read is a document: -1 (and *d) if so,
 * else why not. */
static int
classify(struct lede_warc *w, enum lede_warc_type t, struct w_doc *d)
{
	size_t	mime, cs;
	int	r;

	d->media = -1;
	d->mime = d->charset = W_NONE;
	d->http = 0;
	switch (t) {
	case LEDE_WARC_RESPONSE:
		if (parse_ctype(w, F_CTYPE, &mime, &cs) == 0 &&
		    strncmp(w->strs.p + mime, "application/http", 16) != 0) {
			if (media_of(w->strs.p + mime) < 0)
				return LEDE_WARC_SKIP_NOTHTTP;
			r = as_is(w, d, 0);
		} else
			r = http_head(w, d);
		break;
	case LEDE_WARC_RESOURCE:
	case LEDE_WARC_CONVERSION:
		r = as_is(w, d, t == LEDE_WARC_CONVERSION);
		break;
	default:
		return LEDE_WARC_SKIP_TYPE;
	}
	if (r == -1 && d->media < 0 && (d->media = sniff(w)) < 0)
		return LEDE_WARC_SKIP_MEDIA;
	return r;
}

/* Copies field f into a new string of strs: its offset, or W_NONE. */
static size_t
add_copy(struct lede_warc *w, enum w_field f)
{
	size_t	off;

	if (!w->f[f].set)
		return W_NONE;
	/* No growth while the source is in strs. */
	lede_buf_reserve(&w->strs, w->f[f].len + 1);
	off = str_start(w);
	lede_buf_add(&w->strs, w->strs.p + w->f[f].off, w->f[f].len);
	str_end(w);
	return off;
}

/* Fills *rec with the document just classified. */
static void
set_record(struct lede_warc *w, struct lede_warc_record *rec,
    enum lede_warc_type t, const struct w_doc *d, size_t uri)
{
	size_t	date, trunc;

	date = add_copy(w, F_DATE);
	trunc = add_copy(w, F_TRUNC);
	memset(rec, 0, sizeof(*rec));
	rec->type = t;
	rec->uri = w->strs.p + uri;
	rec->date = date != W_NONE ? w->strs.p + date : "";
	rec->truncated = trunc != W_NONE ? w->strs.p + trunc : NULL;
	rec->offset = w->rec;
	rec->member = w->member;
	rec->length = w->bodyend - w->bodyoff;
	rec->http = d->http;
	rec->media = (enum lede_warc_media)d->media;
	rec->mime = d->mime != W_NONE ? w->strs.p + d->mime :
	    d->media == LEDE_WARC_HTML ? "text/html" : "text/plain";
	rec->charset = d->charset != W_NONE ? w->strs.p + d->charset : NULL;
}

/* The record at the read position has a header block that cannot be read:
 * skip to the next version line. */
static void
skip_broken(struct lede_warc *w, size_t skip)
{
	w->stats.skipped[LEDE_WARC_SKIP_BROKEN]++;
	w->pos += skip;
	w->state = W_SCAN;
	w->quietscan = 1;
}

/* Reads the header block at the read position.  Returns the record's type,
 * or -1 when there is none to read (the state says what comes next). */
static int
read_head(struct lede_warc *w)
{
	ssize_t		r;
	int		toolong, v;
	uint64_t	len;

	while (want(w, 1) > 0 && (w->in[w->pos] == '\r' ||
	    w->in[w->pos] == '\n'))
		w->pos++;
	if (w->state != W_START)
		return -1;
	if ((r = find_head(w, LEDE_WARC_MAXHEAD, &toolong)) == 0)
		w->state = W_END;
	if (r == 0 || r == -2 || w->state != W_START)
		return -1;
	v = version_line(w->in + w->pos, r > 0 ? (size_t)r : w->len - w->pos);
	if (v <= 0) {
		w->state = W_SCAN;
		w->junk = here(w);
		w->quietscan = 0;
		return -1;
	}
	w->rec = here(w);
	w->member = w->locate != NULL ? w->locate(w->lctx, w->rec) :
	    LEDE_WARC_NOPOS;
	w->stats.records++;
	if (r == -1) {
		if (toolong)
			queue(w, LEDE_WARC_EHEAD, 1, 0, "its header block is "
			    "longer than %d bytes; skipped", LEDE_WARC_MAXHEAD);
		else
			queue(w, LEDE_WARC_ECUT, 1, 0, "the input ends inside "
			    "its header block");
		skip_broken(w, 1);
		return -1;
	}
	w->strs.len = 0;
	memset(w->f, 0, sizeof(w->f));
	parse_fields(w, w->in + w->pos + v, (size_t)(r - v), 0);
	if (parse_length(w, &len) == -1) {
		queue(w, LEDE_WARC_ELENGTH, 1, 0, "no valid Content-Length; "
		    "skipped to the next record");
		skip_broken(w, (size_t)r);
		return -1;
	}
	w->pos += (size_t)r;
	w->bodyoff = here(w);
	w->bodyend = w->bodyoff + len;
	w->state = W_BODY;
	w->checked = 0;
	w->truncated = w->f[F_TRUNC].set;
	return parse_type(w);
}

/* W_START: a record.  Returns 1 for a document in *rec, else 0. */
static int
start(struct lede_warc *w, struct lede_warc_record *rec)
{
	struct w_doc	d;
	size_t		uri;
	int		t, why;

	if ((t = read_head(w)) < 0)
		return 0;
	w->stats.types[t]++;
	uri = clean_uri(w);
	if ((why = classify(w, (enum lede_warc_type)t, &d)) >= 0) {
		w->stats.skipped[why]++;
		w->indoc = 0;
		return 0;
	}
	set_record(w, rec, (enum lede_warc_type)t, &d, uri);
	w->stats.docs++;
	w->stats.truncated += (uint64_t)w->truncated;
	w->truncnote = w->truncated;
	return 1;
}

/* W_BODY: skips what is left of the body. */
static void
drain(struct lede_warc *w)
{
	uint64_t	left;
	int		r;

	w->indoc = 0;
	for (;;) {
		left = w->bodyend - here(w);
		if (!w->checked && left <= W_HIST) {
			if (check_end(w) == -1)
				return;
			continue;
		}
		if (left <= w->len - w->pos) {
			w->pos += (size_t)left;
			w->state = W_SEP;
			return;
		}
		w->pos = w->len;
		if ((r = fill(w)) <= 0) {
			if (r == 0)
				cut(w);
			return;
		}
	}
}

/* W_SEP: the blank line after a body, and what follows it. */
static void
sep(struct lede_warc *w)
{
	uint64_t	from = here(w);
	int		nl = 0, v;
	ssize_t		r;

	while ((r = want(w, 1)) > 0 && (w->in[w->pos] == '\r' ||
	    w->in[w->pos] == '\n'))
		nl += w->in[w->pos++] == '\n';
	if (r < 0)
		return;
	if (r == 0) {
		if (nl < 2)
			queue(w, LEDE_WARC_ESYNC, 1, 0, "the input ends without "
			    "the blank line after its body");
		w->state = W_END;
		return;
	}
	if (want(w, 16) < 0)
		return;
	if ((v = version_line(w->in + w->pos, w->len - w->pos)) > 0) {
		if (nl < 2)
			queue(w, LEDE_WARC_ESYNC, 1, 0, "no blank line between "
			    "its body and the record at byte %llu",
			    (unsigned long long)here(w));
		w->state = W_START;
		return;
	}
	w->state = W_SCAN;
	w->junk = from;
	w->quietscan = 0;
}

/* Queues the problem of the bytes from w->junk to the read position; end
 * says the input ended there. */
static void
junk_problem(struct lede_warc *w, int end)
{
	unsigned long long	n = here(w) - w->junk;

	if (w->quietscan || n == 0)
		return;
	if (w->rec != LEDE_WARC_NOPOS && w->junk >= w->bodyend)
		queue(w, LEDE_WARC_EJUNK, 1, 0, "%llu bytes after its body "
		    "(Content-Length %llu) are not a record%s", n,
		    (unsigned long long)(w->bodyend - w->bodyoff), end ?
		    " and end the input" : "; reading resumes at the next "
		    "version line");
	else
		queue(w, LEDE_WARC_EJUNK, 0, w->junk, "%llu bytes that are not "
		    "a record%s", n, end ? " end the input" : "; reading "
		    "resumes at the next version line");
}

/* W_SCAN: drops bytes up to the next version line. */
static void
scan(struct lede_warc *w)
{
	const char	*p, *q, *e;
	int		 v, r;

	for (;;) {
		p = w->in + w->pos;
		e = w->in + w->len;
		for (v = 0; (q = memchr(p, 'W', (size_t)(e - p))) != NULL;
		    p = q + 1)
			if ((v = version_line(q, (size_t)(e - q))) != 0)
				break;
		w->pos = q != NULL ? (size_t)(q - w->in) : w->len;
		if (v > 0) {
			junk_problem(w, 0);
			w->state = W_START;
			return;
		}
		if ((r = fill(w)) < 0)
			return;
		if (r == 0) {
			w->pos = w->len;
			junk_problem(w, 1);
			w->state = W_END;
			return;
		}
	}
}

enum lede_warc_event
lede_warc_next(struct lede_warc *w, struct lede_warc_record *rec)
{
	w->indoc = 0;
	w->snifflen = w->sniffpos = 0;
	for (;;) {
		if (w->queued) {
			w->queued = 0;
			return LEDE_WARC_PROBLEM;
		}
		if (w->truncnote) {
			w->truncnote = 0;
			queue(w, LEDE_WARC_TRUNCATED, 1, 0, "the crawler cut "
			    "it short (WARC-Truncated: %.*s); the document is "
			    "incomplete", (int)w->f[F_TRUNC].len,
			    w->strs.p + w->f[F_TRUNC].off);
			continue;
		}
		switch (w->state) {
		case W_START:
			if (start(w, rec))
				return LEDE_WARC_RECORD;
			break;
		case W_BODY:
			drain(w);
			break;
		case W_SEP:
			sep(w);
			break;
		case W_SCAN:
			scan(w);
			break;
		case W_END:
			return LEDE_WARC_END;
		}
	}
}
