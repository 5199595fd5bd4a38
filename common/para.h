/*
 * Blank-line paragraphs, for the filters that annotate text in place.
 *
 * lede_para_next() pulls events from a struct lede_input and groups the lines
 * of a document into paragraphs: runs of non-blank lines.  A paragraph comes
 * back with its exact text, newlines included, so that a filter can write it
 * back byte for byte around its annotations; blank lines come back one at a
 * time for the same reason.  A paragraph longer than the cap is returned in
 * pieces split at line ends (or where the reader cut an overlong line), each
 * marked as split.
 */
#ifndef LEDE_PARA_H
#define LEDE_PARA_H

#include "buf.h"
#include "input.h"

enum lede_par_kind {
	LEDE_PAR_END,
	LEDE_PAR_DOC,	/* see ev.in */
	LEDE_PAR_TEXT,	/* a paragraph in s, len */
	LEDE_PAR_BLANK,	/* a blank line in s, len (its newline included) */
	LEDE_PAR_ERROR	/* see ev.in */
};

struct lede_par_event {
	enum lede_par_kind	kind;
	const char		*s;
	size_t			 len;
	int			 split;	/* TEXT: cut at the cap */
	struct lede_in_event	 in;	/* DOC, ERROR: the input event */
};

struct lede_para {
	struct lede_input	*in;
	struct lede_buf		 buf;
	struct lede_in_event	 pend;
	int			 have;
	size_t			 cap;
};

/* Reads paragraphs from in; cap is the paragraph cap (0: the default). */
void	lede_para_init(struct lede_para *, struct lede_input *in, size_t cap);
/* The next event; text stays valid until the next call. */
enum lede_par_kind lede_para_next(struct lede_para *, struct lede_par_event *);
void	lede_para_free(struct lede_para *);

#endif
