/*
 * Tagging a paragraph: strip the old tags, find the names, then the
 * numeric and temporal expressions in the gaps between them.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "ner.h"
#include "numex.h"
#include "sent.h"
#include "tag.h"
#include "tok.h"

struct lede_tagger {
	struct lede_ner_model	*model;
	struct lede_ner		*ner;
	struct lede_numex	 numex;
	struct lede_buf		 text;	/* the paragraph without its tags */
	struct lede_ent		*ents;
	size_t			 nents;
	size_t			 cap;
	unsigned		 types;	/* bit 1 << type for each type kept */
};

struct lede_tagger *
lede_tag_new(unsigned types)
{
	struct lede_tagger	*tg = lede_xcalloc(1, sizeof(*tg));

	tg->types = types;
	if ((tg->model = lede_ner_model_builtin()) == NULL) {
		free(tg);
		return NULL;
	}
	if (lede_numex_init(&tg->numex) == -1) {
		lede_ner_model_free(tg->model);
		free(tg);
		return NULL;
	}
	tg->ner = lede_ner_new();
	return tg;
}

void
lede_tag_doc(struct lede_tagger *tg)
{
	lede_ner_doc(tg->ner);
}

static void
add(struct lede_tagger *tg, const struct lede_ent *e)
{
	if (!(tg->types & (1U << e->type)))
		return;
	if (tg->nents == tg->cap) {
		tg->cap = tg->cap ? tg->cap * 2 : 64;
		tg->ents = lede_xrealloc(tg->ents, tg->cap * sizeof(*tg->ents));
	}
	tg->ents[tg->nents++] = *e;
}

int
lede_tag_scan(struct lede_tagger *tg, const char *s, size_t n)
{
	tg->text.len = 0;
	lede_fmt_untag(s, n, &tg->text, NULL);
	return lede_ner_scan(tg->ner, tg->text.p, tg->text.len);
}

void
lede_tag_load(struct lede_tagger *tg, const char *text, size_t n,
    const struct lede_ent *ents, size_t nents)
{
	tg->text.len = 0;
	lede_buf_add(&tg->text, text, n);
	if (nents > tg->cap) {
		tg->cap = nents;
		tg->ents = lede_xrealloc(tg->ents, tg->cap * sizeof(*tg->ents));
	}
	if (nents > 0)
		memcpy(tg->ents, ents, nents * sizeof(*ents));
	tg->nents = nents;
}

size_t
lede_tag_para(struct lede_tagger *tg, const char *s, size_t n,
    const struct lede_ent **ents)
{
	const struct lede_ent	*ne, *xe;
	size_t			 nn, nx, i, j = 0;

	tg->text.len = 0;
	lede_fmt_untag(s, n, &tg->text, NULL);
	tg->nents = 0;
	nn = lede_ner_tag(tg->ner, tg->model, tg->text.p, tg->text.len, &ne);
	nx = lede_numex_find(&tg->numex, tg->text.p, tg->text.len, &xe);
	/* Merge: a numeric expression only where it overlaps no name. */
	for (i = 0; i < nn; i++) {
		for (; j < nx && xe[j].off < ne[i].off; j++)
			if (xe[j].off + xe[j].len <= ne[i].off)
				add(tg, &xe[j]);
		while (j < nx && xe[j].off < ne[i].off + ne[i].len)
			j++;
		add(tg, &ne[i]);
	}
	for (; j < nx; j++)
		add(tg, &xe[j]);
	*ents = tg->ents;
	return tg->nents;
}

const char *
lede_tag_text(const struct lede_tagger *tg, size_t *n)
{
	*n = tg->text.len;
	return tg->text.p ? tg->text.p : "";
}

void
lede_tag_put_inline(const struct lede_tagger *tg, struct lede_out *out)
{
	lede_fmt_inline(out, tg->text.p, tg->text.len, tg->ents, tg->nents);
}

void
lede_tag_put_records(const struct lede_tagger *tg, struct lede_rec *r,
    const char *doc, size_t base)
{
	const struct lede_ent	*e = tg->ents;
	const char		*type;
	size_t			 i;

	for (i = 0; i < tg->nents; i++) {
		type = lede_ent_name(e[i].type);
		lede_rec_begin(r, doc);
		lede_rec_uint(r, "start", base + e[i].off);
		lede_rec_uint(r, "end", base + e[i].off + e[i].len);
		lede_rec_str(r, "type", type, strlen(type));
		lede_rec_str(r, "text", tg->text.p + e[i].off, e[i].len);
		lede_rec_end(r);
	}
}

void
lede_tag_put_conll(const struct lede_tagger *tg, struct lede_out *out)
{
	const struct lede_ent	*e = tg->ents;
	const char		*s = tg->text.p;
	struct lede_sentencer	 ss;
	struct lede_tokenizer	 tz;
	struct lede_span	 sp;
	struct lede_tok		 t;
	size_t			 k = 0;

	lede_sent_init(&ss, s, tg->text.len);
	while (lede_sent_next(&ss, &sp)) {
		lede_tok_init(&tz, s + sp.off, sp.len);
		while (lede_tok_next(&tz, &t)) {
			t.off += sp.off;
			while (k < tg->nents && e[k].off + e[k].len <= t.off)
				k++;
			lede_out_write(out, s + t.off, t.len);
			if (k < tg->nents && t.off >= e[k].off) {
				lede_out_str(out, t.off == e[k].off ?
				    " B-" : " I-");
				lede_out_str(out, lede_ent_name(e[k].type));
				lede_out_putc(out, '\n');
			} else
				lede_out_str(out, " O\n");
		}
		lede_out_putc(out, '\n');
	}
}

void
lede_tag_free(struct lede_tagger *tg)
{
	if (tg == NULL)
		return;
	lede_ner_free(tg->ner);
	lede_numex_free(&tg->numex);
	lede_ner_model_free(tg->model);
	lede_buf_free(&tg->text);
	free(tg->ents);
	free(tg);
}
