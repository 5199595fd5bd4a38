/*
 * The stream reader: bytes in, repaired lines out.
 *
 * Input arrives through a read function, in chunks of any size.  The reader
 * repairs as it goes: a leading byte-order mark is dropped, CRLF and lone CR
 * become LF, NUL bytes are dropped, and bytes that are not valid UTF-8 are
 * read as Windows-1252.  Lines are returned one at a time; a line longer than
 * the cap is cut (after the last space before the cap when there is one) and
 * returned in pieces marked as cut, so memory stays bounded by the cap.
 */
#ifndef LEDE_STREAM_H
#define LEDE_STREAM_H

#include <sys/types.h>

#include <stddef.h>

#include "buf.h"

/* Default cap on a line or paragraph, in bytes (see lede.7). */
#define LEDE_MAXPARA_DEFAULT	(1024 * 1024)
#define LEDE_STREAM_CHUNK	65536

enum lede_line_kind {
	LEDE_LINE_TEXT,
	LEDE_LINE_BLANK,	/* only spaces, tabs or no-break spaces */
	LEDE_LINE_HEADER	/* "==> NAME <==" */
};

struct lede_line {
	const char		*s;	/* repaired text, without its newline */
	size_t			 len;
	int			 nl;	/* a newline ended it in the input */
	int			 cut;	/* longer than the cap: cut here */
	enum lede_line_kind	 kind;
	struct lede_span	 name;	/* HEADER: the name inside s */
};

/* What the repairs did, for messages and tests. */
struct lede_stream_stats {
	size_t	nul;		/* NUL bytes dropped */
	size_t	invalid;	/* bytes read as Windows-1252 */
	size_t	cr;		/* CR bytes turned into or merged with LF */
	size_t	bom;		/* byte-order marks dropped */
	size_t	cuts;		/* lines cut at the cap */
};

/* Reads up to n bytes into buf: >0 bytes read, 0 at end, -1 error. */
typedef ssize_t (*lede_read_fn)(void *ctx, char *buf, size_t n);

struct lede_stream {
	lede_read_fn		 read;
	void			*ctx;
	char			*in;
	size_t			 inpos;
	size_t			 inlen;
	int			 eof;
	int			 start;
	int			 cr;
	int			 raw;	/* lines as they are, no repairs */
	size_t			 carry;
	size_t			 maxline;
	struct lede_buf		 line;
	struct lede_stream_stats stats;
};

/*
 * Prepares s to read through fn(ctx, ...).  maxline is the cap on a line in
 * bytes (0 means LEDE_MAXPARA_DEFAULT).  Free with lede_stream_free().
 */
void	lede_stream_init(struct lede_stream *s, lede_read_fn fn, void *ctx,
	    size_t maxline);
/* Starts reading a new input through the same stream (buffers kept). */
void	lede_stream_reset(struct lede_stream *s, lede_read_fn fn, void *ctx);
/*
 * Reads the next line into *l; its text stays valid until the next call.
 * Returns 1 for a line, 0 at the end of input, -1 on a read error (errno
 * set).
 */
int	lede_stream_line(struct lede_stream *s, struct lede_line *l);
void	lede_stream_free(struct lede_stream *s);
/*
 * Makes up to want bytes (at most half a chunk) of the input ahead
 * available without reading them: points *p to them and returns how many
 * there are (fewer only at the end of input), or -1 on a read error.
 */
int	lede_stream_peek(struct lede_stream *s, size_t want, const char **p);
/*
 * Raw mode (raw != 0): lines come back as their exact bytes, newline
 * included, without any repair (for HTML, which its parser decodes); a
 * line longer than the cap comes back in pieces of the cap.  Header lines
 * are still told.  A new input through lede_stream_reset() starts in the
 * repairing mode.
 */
void	lede_stream_raw(struct lede_stream *s, int raw);
/* A read function for a file descriptor passed as (int *). */
ssize_t	lede_read_fd(void *ctx, char *buf, size_t n);

/* Classifies a line: blank, header or text; sets l->kind and l->name. */
void	lede_line_classify(struct lede_line *l);

#endif
