/*
 * Blank-line paragraphs, for the filters that annotate text in place.
 *
 * lede_para_next() pulls events from a struct lede_input and groups the lines
 * of a document into paragraphs: runs of non-blank lines.  A paragraph comes
 * back with its exact text, newlines included, so that a filter can write it
 * back byte for byte around its annotations; blank lines come back one at a
 * time for the same reason.  A paragraph longer than the cap is returned in
 * pieces split at line ends (or where the reader cut an overlong line), each
 * marked as split.  Every event of a document carries the document.
 */
#ifndef LEDE_PARA_H
#define LEDE_PARA_H

#include <stddef.h>

#include "doc.h"
#include "input.h"

struct lede_para;

enum lede_par_kind {
	LEDE_PAR_DONE,	/* no more input */
	LEDE_PAR_BEGIN,	/* a document begins */
	LEDE_PAR_TEXT,	/* a paragraph in s, len */
	LEDE_PAR_BLANK,	/* a blank line in s, len (its newline included) */
	LEDE_PAR_END,	/* the document ends */
	LEDE_PAR_ERROR	/* a file could not be read: file, errnum */
};

struct lede_par_event {
	enum lede_par_kind	 kind;
	/* The document (for ERROR, the one being read, or NULL). */
	const struct lede_doc	*doc;
	const char		*s;
	size_t			 len;
	/*
	 * TEXT: 0, or the paragraph was cut at the cap and this is the
	 * document's split-th such piece (1 for the first: warn once).
	 */
	unsigned		 split;
	const char		*file;	/* ERROR */
	int			 errnum;	/* ERROR */
	const char		*msg;	/* ERROR: see lede_in_event */
};

/*
 * Reads paragraphs from in; cap is the paragraph cap (0: the default).
 * Returns NULL-free storage; free with lede_para_free().
 */
struct lede_para *lede_para_new(struct lede_input *in, size_t cap);
/* The next event; text stays valid until the next call. */
enum lede_par_kind lede_para_next(struct lede_para *, struct lede_par_event *);
void	lede_para_free(struct lede_para *);

/*
 * The event of the paragraph readers for an input event that is not a
 * line (BEGIN, END, ERROR, DONE), for para.c and layout.c.
 */
enum lede_par_kind lede_par_from_input(const struct lede_in_event *,
	    struct lede_par_event *);

#endif
