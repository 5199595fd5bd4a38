/*
 * Paragraph detection in messy layouts, for lede-split.
 *
 * lede_layout_next() reads the lines of each document and returns its
 * paragraphs, each unwrapped onto one line: lines joined by single spaces,
 * words hyphenated across a line end joined again.  Paragraphs end at blank
 * lines, before an indented first line, before list items, after a line that
 * is clearly shorter than the document's wrap width (the first word of the
 * next line would have fitted on it), and at every line break of text that is
 * not hard-wrapped at all.  The wrap width and the layout are estimated per
 * document from a look-ahead window of lines; the window, like the paragraph,
 * is bounded by the cap.
 */
#ifndef LEDE_LAYOUT_H
#define LEDE_LAYOUT_H

#include "buf.h"
#include "input.h"
#include "para.h"

#define LEDE_LAYOUT_MAXW	1024	/* widths counted exactly up to this */

struct lede_lline {
	size_t	off;		/* in the window's text */
	size_t	len;		/* without leading and trailing space */
	size_t	chars;		/* characters, indentation included */
	size_t	indent;		/* leading spaces (a tab counts 8) */
	size_t	first;		/* characters of the first word */
	int	blank;
	int	cut;
};

struct lede_layout {
	struct lede_input	*in;
	size_t			 cap;
	/* Look-ahead window of lines of the current document. */
	struct lede_buf		 text;		/* history, then the window */
	struct lede_lline	*lines;		/* the window's first line */
	struct lede_lline	*linebuf;
	size_t			 nlines;
	size_t			 maxlines;
	struct lede_in_event	 pend;
	int			 have;	/* pend holds a non-line event */
	/* Statistics of the current document. */
	size_t			 hist[LEDE_LAYOUT_MAXW + 1];
	size_t			 ntext;
	size_t			 nblank;
	size_t			 nindent;
	size_t			 indents[16];
	size_t			 seen;	/* lines counted into the statistics */
	size_t			 base;	/* the usual indentation */
	size_t			 maxchars;	/* widest line counted */
	size_t			 width;
	int			 unwrapped;
	int			 indented;
	int			 dense;	/* no blank lines between paragraphs */
	size_t			 nparas;	/* paragraphs returned so far */
	struct lede_buf		 para;
};

void	lede_layout_init(struct lede_layout *, struct lede_input *, size_t cap);
/*
 * The next event: DOC, ERROR and END as from the input, TEXT for a
 * paragraph (ev->s, ev->len: one line, no newline; ev->split when it was
 * cut at the cap).  Text stays valid until the next call.
 */
enum lede_par_kind lede_layout_next(struct lede_layout *,
	    struct lede_par_event *ev);
void	lede_layout_free(struct lede_layout *);

#endif
