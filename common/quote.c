/*
 * Quotations and their speakers: the quoter's life, and the passes over one
 * paragraph.  The modules are listed in quote_priv.h.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "format.h"
#include "quote_priv.h"

struct lede_quoter *
lede_quote_new(size_t cap)
{
	struct lede_quoter	*q = lede_xcalloc(1, sizeof(*q));

	q->cap = cap ? cap : (size_t)1 << 20;
	quote_lex_build(q);
	q->W = q->builtin = quote_weights_builtin();
	q->R = q->rbuiltin = quote_rankw_builtin();
	q->K = q->kbuiltin = quote_keepw_builtin();
	lede_quote_doc(q);
	return q;
}

void
lede_quote_doc(struct lede_quoter *q)
{
	q->pending = 0;
	q->pend.len = 0;
	q->base = 0;
	q->npara = 0;
	q->nnames = 0;
	q->lastspk[0] = q->lastname[0] = '\0';
	q->lastpara = q->colonpara = -10;
	q->colonspk[0] = q->colonname[0] = '\0';
	q->held = 0;
}

void
lede_quote_blank(struct lede_quoter *q, const char *s, size_t n)
{
	if (q->pending)
		lede_buf_add(&q->pend, s, n);
	q->base += n;
}

void
lede_quote_end(struct lede_quoter *q)
{
	quote_flush_pending(q);
	q->held = 0;
}

void
lede_quote_free(struct lede_quoter *q)
{
	if (q == NULL)
		return;
	lede_buf_free(&q->text);
	lede_buf_free(&q->per);
	lede_buf_free(&q->toks);
	lede_buf_free(&q->info);
	lede_buf_free(&q->namet);
	lede_buf_free(&q->cuet);
	lede_buf_free(&q->quotes);
	lede_buf_free(&q->arena);
	lede_buf_free(&q->recs);
	lede_buf_free(&q->pend);
	lede_buf_free(&q->wh);
	lede_buf_free(&q->cues);
	lede_buf_free(&q->cons);
	quote_weights_free(q->builtin);
	quote_rankw_free(q->rbuiltin);
	quote_rankw_free(q->kbuiltin);
	free(q->lexhash);
	free(q->lexword);
	free(q);
}

/*
 * One paragraph.
 */

/* Copies the paragraph into q->text without its tags; entities to q->per. */
static void
strip_tags(struct lede_quoter *q, const char *s, size_t n)
{
	q->text.len = q->per.len = 0;
	lede_fmt_untag(s, n, &q->text, &q->per);
}

void
lede_quote_para(struct lede_quoter *q, const char *s, size_t n)
{
	struct qpara	c;
	size_t		first;
	int		k, cont;

	quote_recs_compact(q);
	memset(&c, 0, sizeof(c));
	c.q = q;
	if (n == 0 || memchr(s, '<', n) == NULL) {
		/* No tags: the paragraph is read where it is. */
		q->per.len = 0;
		c.s = s;
		c.n = n;
	} else {
		strip_tags(q, s, n);
		c.s = q->text.p;
		c.n = q->text.len;
	}
	cont = q->pending && quote_starts_open(c.s, c.n, q->pmark);
	if (q->pending && !cont)
		quote_flush_pending(q);
	first = q->recs.len / sizeof(struct lede_quote_rec);
	q->quotes.len = 0;
	quote_scan(q, c.s, c.n, cont);
	c.qs = (struct quotation *)(void *)q->quotes.p;
	c.nq = (int)(q->quotes.len / sizeof(struct quotation));
	quote_tokenize(&c);
	quote_mark_tokens(&c);
	quote_learn_names(&c);
	if (q->held && c.nq == 0)
		quote_credit_para(&c);
	q->held = 0;
	quote_cues(&c);
	for (k = 0; k < c.nq; k++)
		if (c.qs[k].words >= MINWORDS || c.qs[k].cont)
			quote_own_speaker(&c, &c.qs[k]);
	for (k = 0; k < c.nq; k++) {
		if (c.qs[k].words < MINWORDS && !c.qs[k].cont)
			continue;
		quote_borrow(&c, k);
		quote_rank(&c, k);
		quote_find_kind(&c, &c.qs[k]);
		quote_speaker_strings(&c, &c.qs[k]);
	}
	quote_indirect(&c);
	for (k = 0; k < c.nq; k++)
		quote_emit(&c, &c.qs[k]);
	quote_colon_speaker(&c);
	quote_sort_recs(q, first);
	quote_hold(&c, first);
	q->base += c.n;
	q->npara++;
}
