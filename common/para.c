/*
 * Blank-line paragraphs.  Lines are copied with their newlines into one
 * buffer; the first line that does not belong (blank, next document, end)
 * is kept pending and returned after the paragraph.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "para.h"

struct lede_para {
	struct lede_input	*in;
	struct lede_buf		 buf;
	struct lede_in_event	 pend;
	int			 have;	/* pend holds the next event */
	unsigned		 splits;	/* of the document so far */
	size_t			 cap;
};

struct lede_para *
lede_para_new(struct lede_input *in, size_t cap)
{
	struct lede_para	*p = lede_xcalloc(1, sizeof(*p));

	p->in = in;
	p->cap = cap ? cap : LEDE_MAXPARA_DEFAULT;
	return p;
}

void
lede_para_free(struct lede_para *p)
{
	if (p == NULL)
		return;
	lede_buf_free(&p->buf);
	free(p);
}

enum lede_par_kind
lede_par_from_input(const struct lede_in_event *ie, struct lede_par_event *ev)
{
	ev->doc = ie->doc;
	switch (ie->kind) {
	case LEDE_IN_BEGIN:
		return ev->kind = LEDE_PAR_BEGIN;
	case LEDE_IN_END:
		return ev->kind = LEDE_PAR_END;
	case LEDE_IN_ERROR:
		ev->file = ie->file;
		ev->errnum = ie->errnum;
		ev->msg = ie->msg;
		return ev->kind = LEDE_PAR_ERROR;
	default:
		return ev->kind = LEDE_PAR_DONE;
	}
}

static void
add_line(struct lede_buf *b, const struct lede_line *l)
{
	lede_buf_add(b, l->s, l->len);
	if (l->nl)
		lede_buf_addc(b, '\n');
}

static enum lede_par_kind
emit_text(struct lede_para *p, struct lede_par_event *ev,
    const struct lede_doc *doc, int split)
{
	ev->kind = LEDE_PAR_TEXT;
	ev->doc = doc;
	ev->s = p->buf.p;
	ev->len = p->buf.len;
	ev->split = split ? ++p->splits : 0;
	return ev->kind;
}

enum lede_par_kind
lede_para_next(struct lede_para *p, struct lede_par_event *ev)
{
	struct lede_in_event	*ie = &p->pend;
	const struct lede_doc	*doc = NULL;

	memset(ev, 0, sizeof(*ev));
	p->buf.len = 0;
	for (;;) {
		if (!p->have)
			lede_input_next(p->in, ie);
		p->have = 0;
		if (ie->kind == LEDE_IN_BYTES)
			continue;	/* raw bytes are not asked for */
		if (ie->kind == LEDE_IN_LINE &&
		    ie->line.kind == LEDE_LINE_TEXT) {
			if (p->buf.len > 0 &&
			    p->buf.len + ie->line.len > p->cap) {
				p->have = 1;
				return emit_text(p, ev, doc, 1);
			}
			add_line(&p->buf, &ie->line);
			doc = ie->doc;
			if (ie->line.cut)
				return emit_text(p, ev, doc, 1);
			continue;
		}
		if (p->buf.len > 0) {
			/* The lines read make a paragraph; ie comes next. */
			p->have = 1;
			return emit_text(p, ev, doc, 0);
		}
		if (ie->kind == LEDE_IN_LINE) {
			add_line(&p->buf, &ie->line);
			ev->kind = LEDE_PAR_BLANK;
			ev->doc = ie->doc;
			ev->s = p->buf.p;
			ev->len = p->buf.len;
			return ev->kind;
		}
		if (ie->kind == LEDE_IN_BEGIN)
			p->splits = 0;
		return lede_par_from_input(ie, ev);
	}
}
