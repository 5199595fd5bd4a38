/*
 * The input loop shared by every filter.
 *
 * Given the file operands of a command (none or "-" meaning standard input),
 * lede_input_next() returns events: the beginning of each document, its
 * lines (or, for HTML, its raw bytes), its end, a file that could not be
 * read, and the end of all input.  A document starts at each file and at
 * each "==> NAME <==" line of the input, so that the output of head(1),
 * tail(1) and of every lede filter keeps its names; a file whose first
 * line is a header line is named by it.  Each event of a document points
 * to the same struct lede_doc, which stays valid until the end of the
 * document after it, so a filter that reads ahead still writes every
 * record under the right name.  The loop never prints: the command
 * reports errors and keeps going, as fmt(1) does.
 *
 * An operand in gzip (one member or many) is read decompressed; one that
 * starts with "WARC/1.0" or "WARC/1.1", compressed or not, is read record
 * by record (see warc.h): each document record is a document named by its
 * target URI (doc->name and doc->url), with the charset of its Content-Type
 * (doc->charset), HTML or text as the record says (HTML only where the
 * command reads HTML), "==> NAME <==" lines inside it taken as text.  Each
 * problem of an archive is an ERROR event with a message, and reading goes
 * on; records that the crawler truncated are read as they are and only
 * counted.
 */
#ifndef LEDE_INPUT_H
#define LEDE_INPUT_H

#include "doc.h"
#include "stream.h"
#include "warc.h"

struct lede_input;

enum lede_in_kind {
	LEDE_IN_DONE,	/* no more input */
	LEDE_IN_BEGIN,	/* a document begins */
	LEDE_IN_LINE,	/* a line of the document (text) */
	LEDE_IN_BYTES,	/* raw bytes of the document (HTML) */
	LEDE_IN_END,	/* the document ends */
	LEDE_IN_ERROR	/* a file could not be opened or read */
};

/* How the input treats HTML documents. */
enum lede_in_html {
	LEDE_IN_HTML_NONE,	/* everything is text */
	LEDE_IN_HTML_DETECT,	/* HTML by its first bytes: raw bytes */
	LEDE_IN_HTML_ALL	/* every document is HTML: raw bytes */
};

struct lede_in_event {
	enum lede_in_kind	 kind;
	/* BEGIN, LINE, BYTES, END; ERROR inside a document; else NULL. */
	const struct lede_doc	*doc;
	/* LINE: the line, valid until the next call. */
	struct lede_line	 line;
	/* BYTES: the bytes, valid until the next call. */
	const char		*bytes;
	size_t			 nbytes;
	/* ERROR: the file that failed, and the errno value. */
	const char		*file;
	int			 errnum;
	/*
	 * ERROR: what went wrong, a sentence without the file name, for the
	 * problems of gzip files and web archives ("record at byte 1234:
	 * ..."), valid until the next call; NULL when errnum says it.
	 */
	const char		*msg;
};

/*
 * Prepares to read the files named in files[0..nfiles-1]; no files means
 * standard input.  maxline caps a line in bytes (0: the default).
 * Free with lede_input_free().
 */
struct lede_input *lede_input_new(int nfiles, char **files, size_t maxline);
/*
 * Prepares to read one input through fn(ctx, ...), named name (tests,
 * fuzzing, and programs that read from elsewhere).
 */
struct lede_input *lede_input_new_reader(const char *name, lede_read_fn fn,
	    void *ctx, size_t maxline);
/* Sets how HTML documents are read (before the first event). */
void	lede_input_html(struct lede_input *, enum lede_in_html);
/* Returns the next event in *ev and its kind. */
enum lede_in_kind lede_input_next(struct lede_input *, struct lede_in_event *ev);
/* The number of FILE operands (1 for standard input alone). */
int	lede_input_nfiles(const struct lede_input *);
/* 1 if some file could not be read, else 0. */
int	lede_input_failed(const struct lede_input *);
/* What the repairs did over all input so far. */
const struct lede_stream_stats *lede_input_stats(const struct lede_input *);
/* The records of the web archives read so far, counted by type and by why
 * they were skipped (for a -v summary). */
const struct lede_warc_stats *lede_input_warc_stats(const struct lede_input *);
/*
 * What the input was, in one line for a command's -v: the documents read,
 * the records of web archives by type and those skipped by why, and the
 * repairs.  Writes it into buf (n bytes, NUL-terminated, cut if need be).
 */
void	lede_input_summary(const struct lede_input *, char *buf, size_t n);
void	lede_input_free(struct lede_input *);

#endif
