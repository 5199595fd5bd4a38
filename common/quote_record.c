/*
 * The records: their strings queued in an arena, quotations that run over
 * paragraphs held until they close, segments that are no quotation left
 * out (quote_keep.c), the order of output.
 */
#include <stdlib.h>
#include <string.h>

#include "quote_priv.h"

static size_t
arena_add(struct lede_quoter *q, const char *s, size_t n)
{
	size_t	off = q->arena.len;

	lede_buf_add(&q->arena, s, n);
	return off;
}

void
quote_rec_add(struct lede_quoter *q, size_t start, size_t end,
    enum lede_quote_kind kind, const char *text, size_t tl, const char *spk,
    const char *name, const char *cue)
{
	struct lede_quote_rec	r;

	r.start = start;
	r.end = end;
	r.kind = kind;
	r.ql = tl;
	r.q = arena_add(q, text, tl);
	r.spl = strlen(spk);
	r.sp = arena_add(q, spk, r.spl);
	r.nml = strlen(name);
	r.nm = arena_add(q, name, r.nml);
	r.cul = strlen(cue);
	r.cu = arena_add(q, cue, r.cul);
	lede_buf_add(&q->recs, &r, sizeof(r));
}

void
quote_flush_pending(struct lede_quoter *q)
{
	size_t	n = q->pend.len;

	if (!q->pending)
		return;
	while (n > 0 && (q->pend.p[n - 1] == '\n' || q->pend.p[n - 1] == ' '))
		n--;
	if (quote_count_words(q->pend.p, n) >= MINWORDS)
		quote_rec_add(q, q->pstart, q->pstart + n, LEDE_QUOTE_DIRECT,
		    q->pend.p, n, q->pspk, q->pname, q->pcue);
	q->pending = 0;
	q->pend.len = 0;
}

/*
 * Holds back the records of the paragraph from record first on when it is
 * a quotation alone that names no speaker of its own: the next paragraph
 * may be its credit line ("“...”" then "- Bernie Sanders.").
 */
void
quote_hold(struct qpara *c, size_t first)
{
	struct lede_quoter	*q = c->q;
	const struct quotation	*qt = NULL;
	int			 k, i, n = 0;

	q->held = 0;
	if (q->recs.len / sizeof(struct lede_quote_rec) != first + 1 ||
	    q->pending)
		return;
	for (k = 0; k < c->nq; k++)
		if (c->qs[k].words >= MINWORDS) {
			qt = &c->qs[k];
			n++;
		}
	if (n != 1 || qt->t0 != 0 || qt->open || qt->cont || qt->strong ||
	    qt->sure)
		return;
	for (i = qt->t1; i < c->nt; i++)
		if (c->t[i].kind != LEDE_TOK_PUNCT)
			return;
	q->held = 1;
	q->holdfrom = first;
}

/* The held records are the words of spk (name): a credit line said so. */
void
quote_credit_held(struct lede_quoter *q, const char *spk, const char *name)
{
	struct lede_quote_rec	*r = (struct lede_quote_rec *)(void *)q->recs.p;
	size_t			 i, n = q->recs.len / sizeof(*r);

	for (i = q->holdfrom; i < n; i++) {
		r[i].spl = strlen(spk);
		r[i].sp = arena_add(q, spk, r[i].spl);
		r[i].nml = strlen(name);
		r[i].nm = arena_add(q, name, r[i].nml);
		r[i].cul = 0;
	}
	q->held = 0;
}

/*
 * Drops the records given out and the strings only they used, so that the
 * queue holds what is still to come: memory stays bounded by a paragraph
 * and what is held back, however many paragraphs pass.
 */
void
quote_recs_compact(struct lede_quoter *q)
{
	struct lede_quote_rec	*r = (struct lede_quote_rec *)(void *)q->recs.p;
	size_t			 i, n = q->recs.len / sizeof(*r), m, lo;

	if (q->nextrec == 0)
		return;
	m = n - q->nextrec;
	memmove(r, r + q->nextrec, m * sizeof(*r));
	q->recs.len = m * sizeof(*r);
	q->holdfrom = q->holdfrom > q->nextrec ? q->holdfrom - q->nextrec : 0;
	q->nextrec = 0;
	lo = q->arena.len;
	for (i = 0; i < m; i++) {
		lo = r[i].q < lo ? r[i].q : lo;
		lo = r[i].sp < lo ? r[i].sp : lo;
		lo = r[i].nm < lo ? r[i].nm : lo;
		lo = r[i].cu < lo ? r[i].cu : lo;
	}
	if (lo == 0)
		return;
	memmove(q->arena.p, q->arena.p + lo, q->arena.len - lo);
	q->arena.len -= lo;
	for (i = 0; i < m; i++) {
		r[i].q -= lo;
		r[i].sp -= lo;
		r[i].nm -= lo;
		r[i].cu -= lo;
	}
}

const char *
lede_quote_kindname(enum lede_quote_kind k)
{
	static const char *const names[] = { "direct", "mixed", "indirect" };

	return names[k];
}

int
lede_quote_next(struct lede_quoter *q, struct lede_quote *out)
{
	const struct lede_quote_rec	*r;

	if (q->nextrec * sizeof(*r) >= q->recs.len ||
	    (q->held && q->nextrec >= q->holdfrom))
		return 0;
	r = (const struct lede_quote_rec *)(void *)q->recs.p + q->nextrec++;
	out->start = r->start;
	out->end = r->end;
	out->kind = r->kind;
	out->quote = q->arena.p + r->q;
	out->quotelen = r->ql;
	out->speaker = q->arena.p + r->sp;
	out->speakerlen = r->spl;
	out->name = q->arena.p + r->nm;
	out->namelen = r->nml;
	out->cue = q->arena.p + r->cu;
	out->cuelen = r->cul;
	return 1;
}

void
quote_emit(struct qpara *c, struct quotation *qt)
{
	struct lede_quoter	*q = c->q;
	enum lede_quote_kind	 kind;

	kind = qt->mixed ? LEDE_QUOTE_MIXED : LEDE_QUOTE_DIRECT;
	if (qt->cont && qt->strong && !qt->open) {
		/*
		 * The paragraph that carries the quotation on has a cue of
		 * its own ("“...,” he went on."): the writer attributes it
		 * anew, and the paragraphs before are a record of their own.
		 */
		quote_flush_pending(q);
		quote_skip_mark(c, qt);
		qt->cont = 0;
	}
	if (qt->cont) {
		lede_buf_add(&q->pend, c->s, qt->ie);
		if (!qt->strong && q->pspk[0]) {
			strlcpy(qt->spk, q->pspk, sizeof(qt->spk));
			strlcpy(qt->name, q->pname, sizeof(qt->name));
			strlcpy(qt->cuew, q->pcue, sizeof(qt->cuew));
		}
		if (qt->open && q->pparas < LEDE_QUOTE_MAXPARAS &&
		    q->pend.len < q->cap) {
			q->pparas++;
			lede_buf_add(&q->pend, c->s + qt->ie, c->n - qt->ie);
			return;
		}
		quote_rec_add(q, q->pstart, q->base + qt->ie, kind, q->pend.p,
		    q->pend.len, qt->spk, qt->name, qt->cuew);
		q->pending = 0;
		q->pend.len = 0;
		return;
	}
	if (qt->open) {
		q->pending = 1;
		q->pparas = 1;
		q->pmark = qt->mark;
		q->pstart = q->base + qt->is;
		q->pend.len = 0;
		lede_buf_add(&q->pend, c->s + qt->is, c->n - qt->is);
		strlcpy(q->pspk, qt->spk, sizeof(q->pspk));
		strlcpy(q->pname, qt->name, sizeof(q->pname));
		strlcpy(q->pcue, qt->cuew, sizeof(q->pcue));
		return;
	}
	if (qt->words < MINWORDS || !quote_keep(c, qt))
		return;		/* a title: "starred in “Girls, Girls, Girls”" */
	quote_rec_add(q, q->base + qt->is, q->base + qt->ie, kind,
	    c->s + qt->is, qt->ie - qt->is, qt->spk, qt->name, qt->cuew);
}

void
quote_sort_recs(struct lede_quoter *q, size_t from)
{
	struct lede_quote_rec	*r = (struct lede_quote_rec *)(void *)q->recs.p;
	struct lede_quote_rec	 t;
	size_t			 n = q->recs.len / sizeof(*r), i, j;

	for (i = from + 1; i < n; i++)
		for (j = i; j > from && r[j - 1].start > r[j].start; j--) {
			t = r[j];
			r[j] = r[j - 1];
			r[j - 1] = t;
		}
}
