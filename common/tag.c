/*
 * Tagging a paragraph: strip the old tags, find the names, then the
 * numeric and temporal expressions in the gaps between them.
 */
#include <stdlib.h>
#include <string.h>

#include "tag.h"

int
lede_tag_init(struct lede_tagger *tg, unsigned types)
{
	memset(tg, 0, sizeof(*tg));
	tg->types = types;
	if (lede_ner_model_builtin(&tg->model) == -1)
		return -1;
	if (lede_numex_init(&tg->numex) == -1) {
		lede_ner_model_free(&tg->model);
		return -1;
	}
	lede_ner_init(&tg->ner);
	return 0;
}

void
lede_tag_doc(struct lede_tagger *tg)
{
	lede_ner_doc(&tg->ner);
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

size_t
lede_tag_para(struct lede_tagger *tg, const char *s, size_t n,
    const struct lede_ent **ents)
{
	const struct lede_ent	*ne, *xe;
	size_t			 nn, nx, i, j = 0;

	tg->text.len = 0;
	lede_fmt_untag(s, n, &tg->text, NULL);
	tg->nents = 0;
	nn = lede_ner_tag(&tg->ner, &tg->model, tg->text.p, tg->text.len);
	ne = tg->ner.ents;
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

void
lede_tag_free(struct lede_tagger *tg)
{
	lede_ner_free(&tg->ner);
	lede_numex_free(&tg->numex);
	lede_ner_model_free(&tg->model);
	lede_buf_free(&tg->text);
	free(tg->ents);
	memset(tg, 0, sizeof(*tg));
}
