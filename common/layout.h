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

#include <stddef.h>

#include "input.h"
#include "para.h"

struct lede_layout;

/* Reads paragraphs from in; cap is the paragraph cap (0: the default). */
struct lede_layout *lede_layout_new(struct lede_input *in, size_t cap);
/*
 * The next event: BEGIN, END, ERROR and DONE as from the input, TEXT for
 * a paragraph (ev->s, ev->len: one line, no newline; ev->split when it
 * was cut at the cap, as lede_para_next() counts them).  Text stays valid
 * until the next call.
 */
enum lede_par_kind lede_layout_next(struct lede_layout *,
	    struct lede_par_event *ev);
void	lede_layout_free(struct lede_layout *);

#endif
