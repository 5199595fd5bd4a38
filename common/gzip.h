/*
 * A streaming gzip reader (zlib) over another reader.
 *
 * lede_gzip_read() is a lede_read_fn: it returns the decompressed bytes of
 * whatever the underlying read function gives, one gzip member or many
 * concatenated (Common Crawl writes one member per WARC record), with memory
 * fixed at about 110 KiB whatever the input (zlib's 32 KiB window and state,
 * and one input buffer).  The reader never prints: a problem is a status and
 * a message that names the compressed byte offset.
 *
 * In LEDE_GZIP_FILE mode (a .gz file or pipe) a problem is returned as -1
 * with errno set:
 *   EILSEQ  corrupt data.  The next read resumes at the next member header
 *           found in the input, so that the rest of a file of one member
 *           per record is still read; the bytes in between are lost.
 *   EPIPE   the input ends inside a member (a cut file); then 0.
 *   other   the underlying read failed (its errno); then 0.
 * Bytes after the last member that are not a member (trailing garbage) end
 * the input as gzip(1) does: the read returns 0 and the status is
 * LEDE_GZIP_ETRAILING, for the caller to check at the end; zero padding is
 * ignored.
 * In LEDE_GZIP_BODY mode (an HTTP body with Content-Encoding gzip or
 * deflate) the format is told from the first bytes (gzip, zlib, or raw
 * deflate, as servers send all three for "deflate"), bytes after the end
 * of the stream are ignored, and a body that does not inflate from its
 * first byte on is passed through as it is (a crawler that stored the body
 * decoded but kept the header); problems end the body.
 */
#ifndef LEDE_GZIP_H
#define LEDE_GZIP_H

#include <sys/types.h>

#include <stddef.h>
#include <stdint.h>

#include "stream.h"

enum lede_gzip_mode {
	LEDE_GZIP_FILE,		/* gzip members, trailing garbage reported */
	LEDE_GZIP_BODY		/* gzip, zlib or raw deflate; lenient */
};

enum lede_gzip_status {
	LEDE_GZIP_OK,
	LEDE_GZIP_EREAD,	/* the underlying read failed */
	LEDE_GZIP_ECORRUPT,	/* data that does not inflate */
	LEDE_GZIP_ECUT,		/* the input ends inside a member */
	LEDE_GZIP_ETRAILING	/* bytes after the last member */
};

/* Offsets not known: no member holds that byte any more, say. */
#define LEDE_GZIP_NOPOS	UINT64_MAX

struct lede_gzip;

/* Is p[0..n-1] the start of a gzip member (1f 8b)?  n >= 2 is needed. */
int	lede_gzip_magic(const void *p, size_t n);
/*
 * A reader of the bytes that fn(ctx, ...) gives, in the given mode.  Free
 * with lede_gzip_free().  Allocation failure aborts (see buf.h).
 */
struct lede_gzip *lede_gzip_new(lede_read_fn fn, void *ctx,
	    enum lede_gzip_mode mode);
/* Starts over on new input (the buffers and zlib state are kept). */
void	lede_gzip_reset(struct lede_gzip *, lede_read_fn fn, void *ctx,
	    enum lede_gzip_mode mode);
/*
 * A lede_read_fn over a struct lede_gzip *: up to n decompressed bytes,
 * 0 at the end, -1 on a problem (errno and lede_gzip_status() set; see
 * above for what a further call does).
 */
ssize_t	lede_gzip_read(void *gz, char *buf, size_t n);
/* The last problem (LEDE_GZIP_OK if none) and its message, a sentence
 * without a file name ("corrupt data at compressed byte 123: ...").  The
 * message stays valid until the next problem or reset. */
enum lede_gzip_status lede_gzip_status(const struct lede_gzip *);
const char *lede_gzip_message(const struct lede_gzip *);
/* Compressed bytes consumed so far; decompressed bytes returned so far. */
uint64_t lede_gzip_in(const struct lede_gzip *);
uint64_t lede_gzip_out(const struct lede_gzip *);
/* Members started so far. */
uint64_t lede_gzip_members(const struct lede_gzip *);
/*
 * The compressed offset of the member that holds decompressed byte off, or
 * LEDE_GZIP_NOPOS when that member is older than the last
 * LEDE_GZIP_MEMBERS members (a reader above that asks soon after reading,
 * as lede_warc_next() does, finds it).
 */
uint64_t lede_gzip_member_at(const struct lede_gzip *, uint64_t off);
void	lede_gzip_free(struct lede_gzip *);

/* How many member starts lede_gzip_member_at() remembers: 4 KiB, enough
 * for the 128 KiB buffer of the WARC reader when members hold 512 bytes
 * or more (a WARC request record is about that). */
#define LEDE_GZIP_MEMBERS	256

#endif
