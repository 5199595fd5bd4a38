/*
 * The input loop shared by every filter.
 *
 * Given the file operands of a command (none or "-" meaning standard input),
 * lede_input_next() returns events: the start of each document, each line,
 * a file that could not be read, and the end.  A document starts at each
 * file and at each "==> NAME <==" line in the input, so that the output of
 * head(1) and tail(1) on several files keeps its file names.  The loop never
 * prints: the command reports errors and keeps going, as fmt(1) does.
 */
#ifndef LEDE_INPUT_H
#define LEDE_INPUT_H

#include "buf.h"
#include "stream.h"

enum lede_in_kind {
	LEDE_IN_END,
	LEDE_IN_DOC,	/* a document starts */
	LEDE_IN_LINE,	/* a line of the current document */
	LEDE_IN_ERROR	/* a file could not be opened or read */
};

struct lede_in_event {
	enum lede_in_kind	 kind;
	/*
	 * DOC: the document's name (the file name, "-" for standard input,
	 * or the NAME of a header line), valid until the next DOC event.
	 * ERROR: the file that failed.
	 */
	const char		*name;
	/* DOC: several files were given, so the command prints a header. */
	int			 announce;
	/* DOC: started by a header line of the input, given in line. */
	int			 header;
	/* LINE, and DOC from a header line. */
	struct lede_line	 line;
	/* ERROR: the errno value. */
	int			 errnum;
};

struct lede_input {
	char			**files;
	int			  nfiles;
	int			  next;
	int			  fd;
	int			  open;
	int			  failed;
	struct lede_stream	  st;
	struct lede_buf		  name;
	struct lede_stream_stats  stats;	/* totals over all files */
};

/*
 * Prepares to read the files named in files[0..nfiles-1]; no files means
 * standard input.  maxline caps a line in bytes (0: the default).
 */
void	lede_input_init(struct lede_input *, int nfiles, char **files,
	    size_t maxline);
/* Returns the next event in *ev and its kind. */
enum lede_in_kind lede_input_next(struct lede_input *, struct lede_in_event *ev);
/* The name of the current document ("-" before any). */
const char *lede_input_docname(const struct lede_input *);
/* 1 if some file could not be read, else 0. */
int	lede_input_failed(const struct lede_input *);
void	lede_input_free(struct lede_input *);

#endif
