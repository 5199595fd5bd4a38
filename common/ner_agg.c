/*
 * The document read ahead: before a document is tagged, lede_ner_scan()
 * reads each of its paragraphs and notes, for each word of the ordinary
 * paragraphs, how it is written (with a capital in the middle of a
 * sentence, at the start of one, in lower case) and the words before and
 * after its first capitalized occurrences.  Only the words written with a
 * capital get a slot; those in lower case go into a set of hashes.  The features of a mention
 * then see the rest of the document, later paragraphs too (the non-local
 * features of Chieu and Ng 2002 and the context aggregation of Ratinov
 * and Roth 2009): a word at the start of a sentence that the document
 * writes in lower case elsewhere, a headline's word that the story
 * writes "shares of Pirelli" or "Pirelli SpA".
 */
#include <string.h>

#include "ner_priv.h"
#include "tok.h"

/* The slot of key lw, or NULL; with add, a new one if there is room. */
static struct lede_ner_agg *
agg_slot(struct lede_ner *ner, uint32_t lw, int add)
{
	uint32_t	key = lw | 1;
	size_t		i;

	i = ner_agg_home(lw);
	for (;;) {
		if (ner->agg[i].key == key)
			return &ner->agg[i];
		if (ner->agg[i].key == 0)
			break;
		i = (i + 1) & (LEDE_NER_AGGSIZE - 1);
	}
	if (!add || ner->nagg >= LEDE_NER_AGGSIZE * 3 / 4)
		return NULL;
	ner->aggused[ner->nagg++] = (uint16_t)i;
	ner->agg[i].key = key;
	return &ner->agg[i];
}

int
ner_agg_low(const struct lede_ner *ner, uint32_t lw)
{
	return ner->agglow[AGGLOW_BIT(lw) >> 6] >> (AGGLOW_BIT(lw) & 63) & 1;
}

const struct lede_ner_agg *
ner_agg_find(const struct lede_ner *ner, uint32_t lw)
{
	if (ner->nagg == 0)
		return NULL;
	return agg_slot((struct lede_ner *)ner, lw, 0);
}

void
ner_agg_clear(struct lede_ner *ner)
{
	size_t	i;

	for (i = 0; i < ner->nagg; i++)
		memset(&ner->agg[ner->aggused[i]], 0, sizeof(*ner->agg));
	ner->nagg = 0;
	memset(ner->agglow, 0, sizeof(ner->agglow));
}

/* Adds h to the n words of ctx unless it is there or ctx is full. */
static void
agg_ctx(uint32_t *ctx, uint8_t *n, uint32_t h)
{
	uint8_t	j;

	for (j = 0; j < *n; j++)
		if (ctx[j] == h)
			return;
	if (*n < AGG_NCTX)
		ctx[(*n)++] = h;
}

int
lede_ner_scan(struct lede_ner *ner, const char *s, size_t n)
{
	const struct lede_ner_tok	*t;
	struct lede_ner_agg		*a;
	size_t				 i, nt;

	nt = ner_scan_tokens(ner, s, n);
	if (ner->ptype != 0) {
		ner->nt = 0;
		return 1;
	}
	for (i = 0; i < nt; i++) {
		t = &ner->t[i];
		if (!(t->flags & TF_ALPHA))
			continue;
		if (!(t->flags & (LEDE_TF_CAP | LEDE_TF_UPPER))) {
			ner->agglow[AGGLOW_BIT(t->lw) >> 6] |= (uint64_t)1 <<
			    (AGGLOW_BIT(t->lw) & 63);
			continue;
		}
		if ((a = agg_slot(ner, t->lw, 1)) == NULL)
			continue;
		if (t->flags & TF_SSTART)
			a->nstart += a->nstart < 255;
		else
			a->nmid += a->nmid < 255;
		if (!(t->flags & TF_SSTART) && (t[-1].flags & TF_ALPHA) &&
		    (t[-1].flags & (LEDE_TF_CAP | LEDE_TF_UPPER)))
			a->ncapprev += a->ncapprev < 255;
		if ((t[1].flags & TF_ALPHA) &&
		    (t[1].flags & (LEDE_TF_CAP | LEDE_TF_UPPER)))
			a->ncapnext += a->ncapnext < 255;
		agg_ctx(a->prev, &a->nprev, t[-1].lw);
		agg_ctx(a->next, &a->nnext, t[1].lw);
	}
	ner->nents = 0;
	ner->nt = 0;
	return 0;
}
