/*
 * The WARC reader: the documents of a web archive, one record at a time.
 *
 * Records (WARC/1.0 and 1.1, ISO 28500; also 0.17 and 0.18) are read from
 * a byte stream through a lede_read_fn: the version line, header fields
 * (names in any case, continuation lines), a body of Content-Length bytes,
 * the blank line that ends it.  lede_warc_next() returns the records that
 * are documents, and the problems of the archive as they come:
 *   - response records whose HTTP status is 2xx and whose media type is
 *     text/html, application/xhtml+xml or text/plain (sniffed from the
 *     first 512 bytes, as the MIME Sniffing standard does, when the
 *     response has no Content-Type); the body is read with the HTTP head
 *     removed, chunked transfer coding and gzip or deflate content coding
 *     decoded;
 *   - resource and conversion (WET) records of those media types (a
 *     conversion with no Content-Type is text/plain), their body as it is.
 * Every other record is skipped and counted by reason (lede_warc_stats()).
 * lede_warc_read() then reads the document's payload.
 *
 * Memory is fixed, whatever the records or the input: a 128 KiB buffer
 * through which every byte passes, with header blocks (WARC and HTTP) of at
 * most LEDE_WARC_MAXHEAD bytes each, plus one gzip reader for coded bodies.
 * A header block beyond the cap is a problem and its record is skipped;
 * bodies of any length (offsets are 64-bit) are streamed.
 *
 * Bad archives never stop the reader: each problem comes as a
 * LEDE_WARC_PROBLEM event whose message names the record's byte offset (and
 * its gzip member, where a locator is set), and reading goes on.  A
 * record's own problems come after its record event, once its payload has
 * been read or skipped.  Where a body is not followed by a blank line and
 * the next version line:
 *   - if the next record starts in the last 4 KiB of the body (a
 *     Content-Length that runs over), the body ends there and that record
 *     is read;
 *   - else the reader drops bytes up to the next "WARC/" version line (a
 *     Content-Length that falls short: the rest of its body is lost; one
 *     that runs over by more than 4 KiB: the records it swallowed are).
 * A missing blank line before a version line is reported and read past.
 * Gzip and deflate bodies are checked as they are read: a corrupt one
 * ends its payload with the problem, after the bytes inflated before the
 * check failed.
 */
#ifndef LEDE_WARC_H
#define LEDE_WARC_H

#include <sys/types.h>

#include <stddef.h>
#include <stdint.h>

#include "stream.h"

/* Cap on a WARC header block and on an HTTP head, in bytes: CC's WARC
 * headers run to 1-2 KiB and HTTP heads rarely pass 16 KiB (web servers
 * refuse 8-16 KiB request heads by default); 64 KiB leaves room. */
#define LEDE_WARC_MAXHEAD	65536
#define LEDE_WARC_NOPOS		UINT64_MAX

enum lede_warc_type {
	LEDE_WARC_WARCINFO,
	LEDE_WARC_RESPONSE,
	LEDE_WARC_RESOURCE,
	LEDE_WARC_REQUEST,
	LEDE_WARC_METADATA,
	LEDE_WARC_REVISIT,
	LEDE_WARC_CONVERSION,
	LEDE_WARC_CONTINUATION,
	LEDE_WARC_OTHER,	/* a type the standard does not name */
	LEDE_WARC_NTYPES
};

/* Why a record is not a document. */
enum lede_warc_skip {
	LEDE_WARC_SKIP_TYPE,	/* request, metadata, revisit, warcinfo... */
	LEDE_WARC_SKIP_STATUS,	/* an HTTP status other than 2xx */
	LEDE_WARC_SKIP_MEDIA,	/* not HTML or plain text */
	LEDE_WARC_SKIP_CODING,	/* a content or transfer coding lede lacks */
	LEDE_WARC_SKIP_NOTHTTP,	/* a response that is not HTTP */
	LEDE_WARC_SKIP_BROKEN,	/* a header block that cannot be read */
	LEDE_WARC_NSKIP
};

/* What a problem is. */
enum lede_warc_status {
	LEDE_WARC_OK,
	LEDE_WARC_EINPUT,	/* the reader below failed (errnum) */
	LEDE_WARC_ECUT,		/* the input ends inside a record */
	LEDE_WARC_EHEAD,	/* a header block that cannot be read */
	LEDE_WARC_ELENGTH,	/* no usable Content-Length */
	LEDE_WARC_ESYNC,	/* a body not followed by its blank line */
	LEDE_WARC_EJUNK,	/* bytes where a record should start */
	LEDE_WARC_EHTTP,	/* a response whose HTTP head is broken */
	LEDE_WARC_ECHUNK,	/* a bad chunk size */
	LEDE_WARC_ECODING,	/* a gzip or deflate body that is corrupt */
	LEDE_WARC_TRUNCATED	/* WARC-Truncated: the payload is incomplete */
};

enum lede_warc_media {
	LEDE_WARC_TEXT,		/* text/plain */
	LEDE_WARC_HTML		/* text/html or application/xhtml+xml */
};

/* A document record; the strings are NUL-terminated and stay valid until
 * the next lede_warc_next(). */
struct lede_warc_record {
	enum lede_warc_type	 type;
	/* WARC-Target-URI without the <...> and white space around it, and
	 * with bytes that cannot be in a URI (spaces, controls, invalid
	 * UTF-8) percent-encoded: "" when the record has none. */
	const char		*uri;
	const char		*date;		/* WARC-Date, "" if none */
	const char		*truncated;	/* WARC-Truncated or NULL */
	uint64_t		 offset;	/* of "WARC/" in the stream */
	uint64_t		 member;	/* its gzip member, or NOPOS */
	uint64_t		 length;	/* Content-Length */
	int			 http;		/* HTTP status, 0 if none */
	enum lede_warc_media	 media;
	const char		*mime;		/* lower case, "text/html" */
	/* The charset parameter of the Content-Type that gave the media type
	 * (HTTP for responses, WARC otherwise), lower case, or NULL. */
	const char		*charset;
};

struct lede_warc_problem {
	enum lede_warc_status	 status;
	uint64_t		 offset;	/* the record's, or where */
	uint64_t		 member;	/* its gzip member, or NOPOS */
	int			 errnum;	/* EINPUT: the errno value */
	/* A sentence without the file name: "record at byte 1234: ...". */
	const char		*message;
};

struct lede_warc_stats {
	uint64_t	records;
	uint64_t	docs;
	uint64_t	problems;
	uint64_t	truncated;	/* documents with WARC-Truncated */
	uint64_t	types[LEDE_WARC_NTYPES];
	uint64_t	skipped[LEDE_WARC_NSKIP];
};

enum lede_warc_event {
	LEDE_WARC_END,
	LEDE_WARC_RECORD,
	LEDE_WARC_PROBLEM
};

struct lede_warc;

/* Is p[0..n-1] the start of a WARC file ("WARC/1.0" or "WARC/1.1" and a
 * line end)?  n >= 9 is needed. */
int	lede_warc_magic(const void *p, size_t n);
/* A reader of the records that fn(ctx, ...) gives.  Free with
 * lede_warc_free().  Allocation failure aborts (see buf.h). */
struct lede_warc *lede_warc_new(lede_read_fn fn, void *ctx);
/* Starts over on new input (buffers kept, statistics cleared). */
void	lede_warc_reset(struct lede_warc *, lede_read_fn fn, void *ctx);
/*
 * Sets a function that maps an offset of the stream to that of the gzip
 * member holding it (lede_gzip_member_at() fits, with the struct lede_gzip
 * as ctx), so that records and messages name their member too.
 */
void	lede_warc_locator(struct lede_warc *,
	    uint64_t (*fn)(const void *ctx, uint64_t off), const void *ctx);
/*
 * The next event: RECORD (a document, in *rec), PROBLEM (see
 * lede_warc_problem()), or END.  The rest of the previous record's payload
 * is skipped.  If the read function fails with errno EILSEQ or EPIPE (the
 * gzip reader's corrupt or cut data, see gzip.h) the reader reports it and
 * reads on; any other error ends the input after its problem.
 */
enum lede_warc_event lede_warc_next(struct lede_warc *,
	    struct lede_warc_record *rec);
/* The last problem, valid until the next lede_warc_next(). */
const struct lede_warc_problem *lede_warc_problem(const struct lede_warc *);
/*
 * A lede_read_fn over a struct lede_warc *: the decoded payload of the
 * current document, 0 at its end.  A problem inside it (a cut file, a bad
 * chunk, a corrupt gzip body, a failed read below) ends the payload early
 * and is the next event; it never returns -1.
 */
ssize_t	lede_warc_read(void *w, char *buf, size_t n);
const struct lede_warc_stats *lede_warc_stats(const struct lede_warc *);
/* "response", "status", ...: names for messages and summaries. */
const char *lede_warc_type_name(enum lede_warc_type);
const char *lede_warc_skip_name(enum lede_warc_skip);
void	lede_warc_free(struct lede_warc *);

#endif
