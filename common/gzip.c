/*
 * The gzip reader: zlib's inflate over one input buffer, restarted at
 * each member end while input remains, with the starts of recent members
 * kept in a ring so that a reader above can name the member of a record.
 * Problems are kept as a status and a message, and returned as -1 with
 * errno set once the bytes decompressed before them have been returned.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "buf.h"
#include "gzip.h"

/* The input buffer: zlib's own examples use 16-256 KiB; 64 KiB is what a
 * pipe gives per read(2) on Linux. */
#define GZ_INBUF	65536
/* windowBits for inflateInit2(): 15 is the largest window, +16 asks for
 * the gzip wrapper, a negative value for raw deflate (zlib.h). */
#define GZ_WBITS_GZIP	(15 + 16)
#define GZ_WBITS_ZLIB	15
#define GZ_WBITS_RAW	(-15)
/* Bytes that must be plain text for a BODY to be passed through as it is
 * (32 printable ASCII bytes start a deflate stream with odds under 1e-13). */
#define GZ_SNIFF	32

enum gz_state {
	GZ_HEAD,	/* between members: a member, padding, garbage or end */
	GZ_MEMBER,	/* inside a member */
	GZ_SCAN,	/* after corrupt data: looking for a member header */
	GZ_PASS,	/* BODY mode: the bytes are not compressed */
	GZ_DONE
};

struct gz_member {
	uint64_t	out;	/* decompressed offset of its first byte */
	uint64_t	in;	/* compressed offset of its header */
};

struct lede_gzip {
	lede_read_fn		 fn;
	void			*ctx;
	enum lede_gzip_mode	 mode;
	enum gz_state		 state;
	z_stream		 z;
	unsigned char		*in;
	uint64_t		 inread;	/* bytes read from fn */
	uint64_t		 out;
	uint64_t		 members;
	uint64_t		 memberin;	/* start of the current member */
	int			 eof;
	int			 wbits;		/* of the current member */
	int			 rewindable;	/* in[0..inread) is all input */
	int			 pending;	/* errno to return next */
	enum lede_gzip_status	 status;
	char			 msg[256];
	struct gz_member	 ring[LEDE_GZIP_MEMBERS];
};

int
lede_gzip_magic(const void *p, size_t n)
{
	const unsigned char	*u = p;

	return n >= 2 && u[0] == 0x1f && u[1] == 0x8b;
}

struct lede_gzip *
lede_gzip_new(lede_read_fn fn, void *ctx, enum lede_gzip_mode mode)
{
	struct lede_gzip	*gz;

	gz = lede_xcalloc(1, sizeof(*gz));
	gz->in = lede_xmalloc(GZ_INBUF);
	if (inflateInit2(&gz->z, GZ_WBITS_GZIP) != Z_OK)
		abort();	/* only for lack of memory, as buf.h does */
	gz->wbits = GZ_WBITS_GZIP;
	lede_gzip_reset(gz, fn, ctx, mode);
	return gz;
}

void
lede_gzip_reset(struct lede_gzip *gz, lede_read_fn fn, void *ctx,
    enum lede_gzip_mode mode)
{
	gz->fn = fn;
	gz->ctx = ctx;
	gz->mode = mode;
	gz->state = GZ_HEAD;
	gz->z.next_in = gz->in;
	gz->z.avail_in = 0;
	gz->inread = gz->out = gz->members = gz->memberin = 0;
	gz->eof = gz->pending = 0;
	gz->rewindable = 1;
	gz->status = LEDE_GZIP_OK;
	gz->msg[0] = '\0';
}

void
lede_gzip_free(struct lede_gzip *gz)
{
	if (gz == NULL)
		return;
	inflateEnd(&gz->z);
	free(gz->in);
	free(gz);
}

/* The compressed offset of the next unread input byte. */
static uint64_t
in_offset(const struct lede_gzip *gz)
{
	return gz->inread - gz->z.avail_in;
}

/* Records a problem; the errno to return is set aside in pending. */
static void
problem(struct lede_gzip *gz, enum lede_gzip_status st, int errnum,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
problem(struct lede_gzip *gz, enum lede_gzip_status st, int errnum,
    const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(gz->msg, sizeof(gz->msg), fmt, ap);
	va_end(ap);
	gz->status = st;
	gz->pending = errnum;
}

/*
 * Makes at least want bytes of input available (fewer only at the end),
 * moving what is left to the front of the buffer.  Returns 0, or -1 when
 * the read failed (the problem is recorded).
 */
static int
ensure(struct lede_gzip *gz, size_t want)
{
	ssize_t	r;
	size_t	have;

	while (gz->z.avail_in < want && !gz->eof) {
		have = gz->z.avail_in;
		if (gz->z.next_in != gz->in) {
			memmove(gz->in, gz->z.next_in, have);
			gz->z.next_in = gz->in;
			if (gz->inread > have)
				gz->rewindable = 0;
		}
		r = gz->fn(gz->ctx, (char *)gz->in + have, GZ_INBUF - have);
		if (r < 0) {
			problem(gz, LEDE_GZIP_EREAD, errno,
			    "read error at compressed byte %llu: %s",
			    (unsigned long long)gz->inread, strerror(errno));
			gz->state = GZ_DONE;
			return -1;
		}
		if (r == 0)
			gz->eof = 1;
		gz->inread += (uint64_t)r;
		gz->z.avail_in += (uInt)r;
	}
	return 0;
}

static void
consume(struct lede_gzip *gz, size_t n)
{
	gz->z.next_in += n;
	gz->z.avail_in -= (uInt)n;
}

/* Is this a zlib header (RFC 1950: deflate, a check that divides by 31)? */
static int
zlib_magic(const unsigned char *p, size_t n)
{
	return n >= 2 && (p[0] & 0x0f) == 8 && (p[0] >> 4) <= 7 &&
	    ((p[0] << 8) | p[1]) % 31 == 0;
}

/* Is p[0..n-1] printable ASCII text (a body stored decoded)? */
static int
plain_text(const unsigned char *p, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if ((p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' &&
		    p[i] != '\r') || p[i] >= 0x7f)
			return 0;
	return n > 0;
}

/* Starts a member with the given window bits at the current input. */
static void
start_member(struct lede_gzip *gz, int wbits)
{
	struct gz_member	*m;

	if (wbits != gz->wbits) {
		if (inflateReset2(&gz->z, wbits) != Z_OK)
			abort();
		gz->wbits = wbits;
	} else
		inflateReset(&gz->z);
	m = &gz->ring[gz->members % LEDE_GZIP_MEMBERS];
	m->out = gz->out;
	m->in = gz->memberin = in_offset(gz);
	gz->members++;
	gz->state = GZ_MEMBER;
}

/* BODY mode: tells the format from the first bytes. */
static void
body_head(struct lede_gzip *gz)
{
	const unsigned char	*p = gz->z.next_in;
	size_t			 n = gz->z.avail_in;

	if (lede_gzip_magic(p, n))
		start_member(gz, GZ_WBITS_GZIP);
	else if (gz->members > 0)
		gz->state = GZ_DONE;	/* bytes after the stream: ignored */
	else if (zlib_magic(p, n))
		start_member(gz, GZ_WBITS_ZLIB);
	else if (plain_text(p, n < GZ_SNIFF ? n : GZ_SNIFF))
		gz->state = GZ_PASS;
	else
		start_member(gz, GZ_WBITS_RAW);
}

/* FILE mode: between members, a member, zero padding, garbage or end. */
static void
file_head(struct lede_gzip *gz)
{
	const unsigned char	*p = gz->z.next_in;
	size_t			 n = gz->z.avail_in, i;

	if (lede_gzip_magic(p, n)) {
		start_member(gz, GZ_WBITS_GZIP);
		return;
	}
	for (i = 0; i < n && p[i] == 0; i++)
		;
	if (i == n) {		/* zero padding, as tape blocks leave */
		consume(gz, n);
		return;
	}
	problem(gz, LEDE_GZIP_ETRAILING, 0,
	    "trailing garbage at compressed byte %llu (not a gzip member): "
	    "ignored", (unsigned long long)(in_offset(gz) + i));
	gz->state = GZ_DONE;
}

/* GZ_HEAD: returns 0 to go on, -1 on a read error. */
static int
head(struct lede_gzip *gz)
{
	if (ensure(gz, GZ_SNIFF) == -1)
		return -1;
	if (gz->z.avail_in == 0) {
		gz->state = GZ_DONE;
		return 0;
	}
	if (gz->mode == LEDE_GZIP_BODY)
		body_head(gz);
	else
		file_head(gz);
	return 0;
}

/*
 * GZ_SCAN: drops input up to the next likely member header (1f 8b 08 and
 * no reserved flag bits, RFC 1952).
 */
static int
scan(struct lede_gzip *gz)
{
	const unsigned char	*p;
	size_t			 i, n;

	for (;;) {
		if (ensure(gz, 4) == -1)
			return -1;
		p = gz->z.next_in;
		n = gz->z.avail_in;
		for (i = 0; i + 4 <= n; i++)
			if (p[i] == 0x1f && p[i + 1] == 0x8b && p[i + 2] == 8 &&
			    (p[i + 3] & 0xe0) == 0) {
				consume(gz, i);
				gz->state = GZ_HEAD;
				return 0;
			}
		if (gz->eof) {
			consume(gz, n);
			gz->state = GZ_DONE;
			return 0;
		}
		consume(gz, i);
	}
}

/* Corrupt data inside a member: pass through, resume, or stop. */
static void
corrupt(struct lede_gzip *gz, const char *why)
{
	if (gz->mode == LEDE_GZIP_BODY && gz->out == 0 && gz->rewindable &&
	    gz->members == 1) {
		/* Not compressed after all: give the bytes as they are. */
		gz->z.avail_in = (uInt)gz->inread;
		gz->z.next_in = gz->in;
		gz->state = GZ_PASS;
		return;
	}
	problem(gz, LEDE_GZIP_ECORRUPT, EILSEQ,
	    "corrupt data at compressed byte %llu in the member at byte "
	    "%llu (%s)%s", (unsigned long long)in_offset(gz),
	    (unsigned long long)gz->memberin, why,
	    gz->mode == LEDE_GZIP_FILE ?
	    "; reading resumes at the next member" : "");
	gz->state = gz->mode == LEDE_GZIP_FILE ? GZ_SCAN : GZ_DONE;
	if (gz->state == GZ_SCAN && gz->z.avail_in > 0)
		consume(gz, 1);
}

/* GZ_MEMBER: inflates into buf[*got..n). Returns 0, or -1 on a read
 * error. */
static int
member(struct lede_gzip *gz, char *buf, size_t n, size_t *got)
{
	int	ret;
	size_t	before;

	if (gz->z.avail_in == 0 && ensure(gz, 1) == -1)
		return -1;
	gz->z.next_out = (unsigned char *)buf + *got;
	gz->z.avail_out = (uInt)(n - *got);
	before = gz->z.avail_out;
	ret = inflate(&gz->z, Z_NO_FLUSH);
	*got += before - gz->z.avail_out;
	gz->out += before - gz->z.avail_out;
	switch (ret) {
	case Z_STREAM_END:
		gz->state = GZ_HEAD;
		break;
	case Z_OK:
	case Z_BUF_ERROR:
		/* Room left for output, so zlib stopped for want of input. */
		if (gz->z.avail_in == 0 && gz->eof && gz->z.avail_out > 0) {
			problem(gz, LEDE_GZIP_ECUT, EPIPE,
			    "the input ends inside the member at compressed "
			    "byte %llu (cut at byte %llu)",
			    (unsigned long long)gz->memberin,
			    (unsigned long long)gz->inread);
			gz->state = GZ_DONE;
		}
		break;
	case Z_MEM_ERROR:
		abort();	/* as buf.h does */
	default:
		corrupt(gz, gz->z.msg != NULL ? gz->z.msg : "bad data");
		break;
	}
	return 0;
}

/* GZ_PASS: copies input as it is. */
static int
pass(struct lede_gzip *gz, char *buf, size_t n, size_t *got)
{
	size_t	k;

	if (gz->z.avail_in == 0 && ensure(gz, 1) == -1)
		return -1;
	if (gz->z.avail_in == 0) {
		gz->state = GZ_DONE;
		return 0;
	}
	k = gz->z.avail_in < n - *got ? gz->z.avail_in : n - *got;
	memcpy(buf + *got, gz->z.next_in, k);
	consume(gz, k);
	*got += k;
	gz->out += k;
	return 0;
}

ssize_t
lede_gzip_read(void *ctx, char *buf, size_t n)
{
	struct lede_gzip	*gz = ctx;
	size_t			 got = 0;
	int			 r = 0;

	if (n > UINT32_MAX)
		n = UINT32_MAX;	/* zlib counts in uInt */
	while (got < n && r == 0 && gz->pending == 0) {
		switch (gz->state) {
		case GZ_HEAD:
			r = head(gz);
			break;
		case GZ_MEMBER:
			r = member(gz, buf, n, &got);
			break;
		case GZ_SCAN:
			r = scan(gz);
			break;
		case GZ_PASS:
			r = pass(gz, buf, n, &got);
			break;
		case GZ_DONE:
			return (ssize_t)got;
		}
	}
	if (got > 0)
		return (ssize_t)got;
	if (gz->pending != 0) {
		errno = gz->pending;
		gz->pending = 0;
		return -1;
	}
	return 0;
}

enum lede_gzip_status
lede_gzip_status(const struct lede_gzip *gz)
{
	return gz->status;
}

const char *
lede_gzip_message(const struct lede_gzip *gz)
{
	return gz->msg;
}

uint64_t
lede_gzip_in(const struct lede_gzip *gz)
{
	return in_offset(gz);
}

uint64_t
lede_gzip_out(const struct lede_gzip *gz)
{
	return gz->out;
}

uint64_t
lede_gzip_members(const struct lede_gzip *gz)
{
	return gz->members;
}

uint64_t
lede_gzip_member_at(const struct lede_gzip *gz, uint64_t off)
{
	uint64_t	i, lim;

	lim = gz->members < LEDE_GZIP_MEMBERS ? gz->members :
	    LEDE_GZIP_MEMBERS;
	for (i = 0; i < lim; i++) {
		const struct gz_member	*m;

		m = &gz->ring[(gz->members - 1 - i) % LEDE_GZIP_MEMBERS];
		if (m->out <= off)
			return m->in;
	}
	return LEDE_GZIP_NOPOS;
}
