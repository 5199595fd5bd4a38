/*
 * Blank-line paragraphs.  Lines are copied with their newlines into one
 * buffer; the first line that does not belong (blank, header, next file, end)
 * is kept pending and returned after the paragraph.
 */
#include <string.h>

#include "para.h"

void
lede_para_init(struct lede_para *p, struct lede_input *in, size_t cap)
{
	memset(p, 0, sizeof(*p));
	p->in = in;
	p->cap = cap ? cap : LEDE_MAXPARA_DEFAULT;
}

void
lede_para_free(struct lede_para *p)
{
	lede_buf_free(&p->buf);
}

static void
add_line(struct lede_buf *b, const struct lede_line *l)
{
	lede_buf_add(b, l->s, l->len);
	if (l->nl)
		lede_buf_addc(b, '\n');
}

static enum lede_par_kind
emit_text(struct lede_para *p, struct lede_par_event *ev, int split)
{
	ev->kind = LEDE_PAR_TEXT;
	ev->s = p->buf.p;
	ev->len = p->buf.len;
	ev->split = split;
	return ev->kind;
}

enum lede_par_kind
lede_para_next(struct lede_para *p, struct lede_par_event *ev)
{
	struct lede_in_event	*ie = &p->pend;

	memset(ev, 0, sizeof(*ev));
	p->buf.len = 0;
	for (;;) {
		if (!p->have)
			lede_input_next(p->in, ie);
		p->have = 0;
		if (ie->kind == LEDE_IN_LINE &&
		    ie->line.kind == LEDE_LINE_TEXT) {
			if (p->buf.len > 0 &&
			    p->buf.len + ie->line.len > p->cap) {
				p->have = 1;
				return emit_text(p, ev, 1);
			}
			add_line(&p->buf, &ie->line);
			if (ie->line.cut)
				return emit_text(p, ev, 1);
			continue;
		}
		if (p->buf.len > 0) {
			p->have = 1;
			return emit_text(p, ev, 0);
		}
		if (ie->kind == LEDE_IN_LINE) {
			add_line(&p->buf, &ie->line);
			ev->kind = LEDE_PAR_BLANK;
			ev->s = p->buf.p;
			ev->len = p->buf.len;
			return ev->kind;
		}
		ev->in = *ie;
		switch (ie->kind) {
		case LEDE_IN_DOC:
			return ev->kind = LEDE_PAR_DOC;
		case LEDE_IN_ERROR:
			return ev->kind = LEDE_PAR_ERROR;
		default:
			return ev->kind = LEDE_PAR_END;
		}
	}
}
