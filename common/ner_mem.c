/*
 * The labels given: lede_ner_set() records the label of each token in
 * turn, closing entities into ner->ents, and counts in the document
 * memory the labels that capitalized words, the last words of names of
 * several words and the acronyms of those names received, and the words
 * seen in lower case, for the features of later mentions.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "ner_priv.h"
#include "tok.h"

/* The memory slot of key, or NULL; with add, a new slot if there is room. */
struct lede_ner_mem *
ner_mem_slot(struct lede_ner *ner, uint32_t key, int add)
{
	size_t	i;

	i = ner_mem_home(key);
	key |= 1;
	for (;;) {
		if (ner->mem[i].key == key)
			return &ner->mem[i];
		if (ner->mem[i].key == 0)
			break;
		i = (i + 1) & (LEDE_NER_MEMSIZE - 1);
	}
	if (!add || ner->nmem >= LEDE_NER_MEMSIZE * 3 / 4)
		return NULL;
	ner->memused[ner->nmem++] = (uint16_t)i;
	ner->mem[i].key = key;
	return &ner->mem[i];
}

const struct lede_ner_mem *
ner_mem_find(const struct lede_ner *ner, uint32_t key)
{
	return ner_mem_slot((struct lede_ner *)ner, key, 0);
}

/* Closes the entity of tokens estart..i-1. */
static void
close_entity(struct lede_ner *ner, size_t i)
{
	struct lede_ner_mem	*m;
	struct lede_ent		*e;
	size_t			 j;
	uint32_t		 h = 2166136261U;
	int			 type, nini = 0;
	char			 c;

	type = NER_TYPE(ner->lab[ner->estart]);
	if (ner->nents == ner->capents) {
		ner->capents = ner->capents ? ner->capents * 2 : 64;
		ner->ents = lede_xrealloc(ner->ents,
		    ner->capents * sizeof(*ner->ents));
	}
	e = &ner->ents[ner->nents++];
	e->off = ner->t[ner->estart].off;
	e->len = ner->t[i - 1].off + ner->t[i - 1].len - e->off;
	e->type = type;
	/* The acronym of a name of several words: "Bank of England" BOE. */
	for (j = ner->estart; j < i; j++) {
		if (!(ner->t[j].flags & LEDE_TF_CAP))
			continue;
		c = ner->s[ner->t[j].off];
		h = (h ^ (unsigned char)c) * 16777619U;
		nini++;
	}
	if (nini >= 2 && nini <= ACR_MAX && type >= 1 && type <= 4 &&
	    (m = ner_mem_slot(ner, mix(T_ACR, h), 1)) != NULL && m->n[type] < 60000)
		m->n[type]++;
}

void
lede_ner_set(struct lede_ner *ner, size_t i, int label)
{
	struct lede_ner_mem	*m;
	const struct lede_ner_tok *t = &ner->t[i];
	int			 type = label == 0 ? 0 : NER_TYPE(label);
	int			 open = i > 0 && NER_OPEN(ner->lab[i - 1]);

	/* A name left open (by a caller, never by Viterbi) ends here. */
	if (open && !lede_ner_allowed(ner->lab[i - 1], label, 0)) {
		close_entity(ner, i);
		open = 0;
	}
	ner->lab[i] = (unsigned char)label;
	if (label != 0 && !open)
		ner->estart = i;
	if (label != 0 && (NER_POS(label) == NER_L ||
	    NER_POS(label) == NER_U))
		close_entity(ner, i + 1);
	if ((t->flags & TF_ALPHA) &&
	    !(t->flags & (LEDE_TF_CAP | LEDE_TF_UPPER)) && ner->ptype == 0)
		ner->doclow[DOCLOW_BIT(t->lw) >> 6] |=
		    (uint64_t)1 << (DOCLOW_BIT(t->lw) & 63);
	if ((t->flags & TF_ALPHA) &&
	    (t->flags & (LEDE_TF_CAP | LEDE_TF_UPPER)) &&
	    !(label == 0 && (t->flags & TF_SSTART)) &&
	    (m = ner_mem_slot(ner, t->lw, 1)) != NULL && m->n[type] < 60000)
		m->n[type]++;
	/*
	 * The last word of a name of several ("Halvorsen" of "Ingrid
	 * Halvorsen"), for a later mention of it alone.
	 */
	if (label != 0 && NER_POS(label) == NER_L && (t->flags & TF_ALPHA) &&
	    (m = ner_mem_slot(ner, mix(T_MEML, t->lw), 1)) != NULL &&
	    m->n[type] < 60000)
		m->n[type]++;
}

size_t
lede_ner_end(struct lede_ner *ner)
{
	if (ner->nt > 0 && NER_OPEN(ner->lab[ner->nt - 1]))
		close_entity(ner, ner->nt);
	ner->para++;
	return ner->nents;
}
