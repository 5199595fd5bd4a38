/*
 * The features of a token: hashed templates over the token's word, shape,
 * affixes, flags, gazetteer class and word clusters, its neighbours', the
 * paragraph's kind and place, and the document memory.  The labels are
 * not among them: the model's transition weights score label pairs.  The
 * same code serves the tagger and the training tool, so the two never
 * disagree.
 */
#include "ner_priv.h"
#include "tok.h"

/* Prefixes and suffixes of 1-4 bytes, lower-cased (hashed backwards). */
static void
affixes(const char *w, size_t len, uint32_t *f, size_t *k)
{
	uint32_t	hp = 2166136261U, hs = 2166136261U;
	unsigned char	c;
	size_t		j;

	for (j = 0; j < 4 && j + 1 < len; j++) {
		c = (unsigned char)w[j];
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		hp = (hp ^ c) * 16777619U;
		c = (unsigned char)w[len - 1 - j];
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		hs = (hs ^ c) * 16777619U;
		f[(*k)++] = mix(T_PRE + (uint32_t)j, hp);
		f[(*k)++] = mix(T_SUF + (uint32_t)j, hs);
	}
}

/* The document memory features of token i. */
static size_t
mem_feats(const struct lede_ner *ner, size_t i, uint32_t *f)
{
	const struct lede_ner_tok	*t = &ner->t[i];
	const struct lede_ner_mem	*m;
	size_t				 k = 0;
	int				 j, best = 0, last;
	unsigned			 cap, tot;

	cap = (t->flags & (LEDE_TF_CAP | LEDE_TF_UPPER)) ? 1 : 0;
	if (!(t->flags & TF_ALPHA))
		return 0;
	if ((m = ner_mem_find(ner, t->lw)) != NULL) {
		for (j = 1; j < 5; j++)
			if (m->n[j] > m->n[best])
				best = j;
		if (best == 0) {
			for (j = 1; j < 5; j++)
				if (m->n[j] > 0 && (best == 0 ||
				    m->n[j] > m->n[best]))
					best = j;
			f[k++] = mix(T_MEM, 16 + (uint32_t)best);
		} else
			f[k++] = mix(T_MEM, (uint32_t)best);
		f[k++] = mix(T_MEMC, (uint32_t)best | cap << 4 |
		    ner->ptype << 5 | (m->n[0] > 0) << 8);
		/* The share of each type among the labels given. */
		for (j = 0, tot = 0; j < 5; j++)
			tot += m->n[j];
		for (j = 1; j < 5 && tot > 0; j++)
			if (m->n[j] > 0)
				f[k++] = mix(T_MEMD, (uint32_t)j |
				    (4U * m->n[j] / (tot + 1)) << 3 |
				    cap << 5);
	}
	/* The last word of an earlier name of several words. */
	if ((m = ner_mem_find(ner, mix(T_MEML, t->lw))) != NULL) {
		for (j = 2, last = 1; j < 5; j++)
			if (m->n[j] > m->n[last])
				last = j;
		f[k++] = mix(T_MEML, (uint32_t)last | cap << 3);
	}
	/* A capitalized word the document had in lower case before. */
	if ((t->flags & (LEDE_TF_CAP | LEDE_TF_UPPER)) &&
	    (ner->doclow[DOCLOW_BIT(t->lw) >> 6] >>
	    (DOCLOW_BIT(t->lw) & 63) & 1))
		f[k++] = mix(T_DOCLOW, (t->flags & TF_SSTART ? 1U : 0U) |
		    ner->ptype << 1);
	if ((t->flags & LEDE_TF_UPPER) && t->len >= 2 && t->len <= ACR_MAX &&
	    (m = ner_mem_find(ner, mix(T_ACR, t->w))) != NULL) {
		for (j = 1; j < 5; j++)
			if (m->n[j] > m->n[best])
				best = j;
		f[k++] = mix(T_ACR, (uint32_t)best | ner->ptype << 4);
	}
	return k;
}

static inline uint32_t
bucket(unsigned n)
{
	return n < 2 ? n : n < 4 ? 2 : 3;
}

/*
 * The features of token i from the rest of the document (ner_agg.c): how
 * the other occurrences of the word are written, and the words around
 * them that are not around this one.
 */
static size_t
agg_feats(const struct lede_ner *ner, size_t i, uint32_t *f)
{
	const struct lede_ner_tok	*t = &ner->t[i];
	const struct lede_ner_agg	*a;
	unsigned			 mid = 0, start = 0, low;
	size_t				 k = 0, j;

	if (!(t->flags & TF_ALPHA) || !(t->flags & (LEDE_TF_CAP |
	    LEDE_TF_UPPER)))
		return 0;
	low = (unsigned)ner_agg_low(ner, t->lw);
	if ((a = ner_agg_find(ner, t->lw)) != NULL) {
		/* Less this occurrence, if the scan counted it. */
		mid = a->nmid;
		start = a->nstart;
		if (ner->ptype == 0 && (t->flags & TF_SSTART))
			start -= start > 0;
		else if (ner->ptype == 0)
			mid -= mid > 0;
	}
	f[k++] = mix(T_GCASE, bucket(mid) | bucket(start) << 2 | low << 4 |
	    (t->flags & TF_SSTART ? 1U : 0U) << 5 | ner->ptype << 6);
	if (a == NULL)
		return k;
	f[k++] = mix(T_GCAPN, bucket(a->ncapprev) | bucket(a->ncapnext) << 2 |
	    bucket(mid + start) << 4 | ner->ptype << 6);
	for (j = 0; j < a->nprev; j++)
		if (a->prev[j] != t[-1].lw)
			f[k++] = mix(T_GPREV, a->prev[j]);
	for (j = 0; j < a->nnext; j++)
		if (a->next[j] != t[1].lw)
			f[k++] = mix(T_GNEXT, a->next[j]);
	return k;
}

/* The flags of a token that its features see, and its kind. */
static inline uint32_t
feat_flags(const struct lede_ner_tok *t)
{
	return (t->flags & (LEDE_TF_CAP | LEDE_TF_UPPER | LEDE_TF_ABBR |
	    LEDE_TF_DIGIT | TF_SSTART | TF_HYPHEN | TF_PERIOD | TF_LONG)) |
	    (uint32_t)t->kind << 16;
}

uint32_t
ner_place_feat(const struct lede_ner *ner, size_t i)
{
	return mix(T_FLAGSPT, feat_flags(&ner->t[i]) | ner->ptype << 24 |
	    (ner->para < 2 ? ner->para : 2) << 28);
}

size_t
ner_own_feats(const struct lede_ner *ner, size_t i, int place, uint32_t *f)
{
	const struct lede_ner_tok	*t = &ner->t[i];
	size_t				 k = 0;
	uint32_t			 fl = feat_flags(t), caps;

	caps = (fl & (LEDE_TF_CAP | LEDE_TF_UPPER | TF_SSTART)) |
	    ner->ptype << 16;
	f[k++] = mix(T_BIAS, 0);
	f[k++] = mix(T_W, t->w);
	f[k++] = mix(T_LW, t->lw);
	f[k++] = mix(T_SHAPE, t->shape);
	affixes(ner->s + t->off, t->len, f, &k);
	f[k++] = mix(T_FLAGS, fl);
	if (place)
		f[k++] = ner_place_feat(ner, i);
	f[k++] = mix2(T_LWPT, t->lw, ner->ptype);
	f[k++] = mix2(T_WSS, t->w, caps);
	f[k++] = mix(T_GAZ, t->gaz | (fl & 0xc) << 8 | ner->ptype << 12);
	if (t->flags & TF_ALPHA)
		f[k++] = mix(T_LOWC, (uint32_t)lede_ner_lower(ner->lower,
		    ner->lowerbits, t->lw) | (ner->ptype != 0) << 1 |
		    (fl & (LEDE_TF_CAP | LEDE_TF_UPPER | TF_SSTART)) << 2);
	/* The clusters, alone and with the case and place of the word. */
	f[k++] = mix(T_CF, t->cf);
	f[k++] = mix(T_CC, t->cc);
	f[k++] = mix2(T_CFSH, t->cf, t->shape);
	f[k++] = mix2(T_CCFL, t->cc, caps);
	f[k++] = mix2(T_CFFL, t->cf, caps);
	return k;
}

/*
 * The features token t gives its neighbour in a role: its words, shape,
 * case, gazetteer class and clusters, and next to it its last letters.
 * They depend on the token alone, so the tagger's word cache keeps their
 * sums: more of them cost nothing but on the cache's misses.
 */
size_t
ner_role_feats(const struct lede_ner_tok *t, int role, uint32_t *f)
{
	uint32_t	base = T_ROLE + 16 * (uint32_t)role;
	size_t		k = 0;

	f[k++] = mix(base, t->lw);
	f[k++] = mix(base + 1, t->cc);
	f[k++] = mix(base + 2, t->w);
	f[k++] = mix(base + 3, t->shape);
	f[k++] = mix(base + 4, t->gaz);
	f[k++] = mix(base + 5, t->cf);
	f[k++] = mix2(base + 6, t->cc, feat_flags(t) &
	    (LEDE_TF_CAP | LEDE_TF_UPPER | TF_SSTART));
	if (role == NER_ROLE_P1 || role == NER_ROLE_N1) {
		f[k++] = mix2(base + 7, t->cf, t->shape);
		f[k++] = mix2(base + 8, t->gaz, t->cc);
		f[k++] = mix(base + 9, t->suf3);
	}
	return k;
}

/*
 * The features of token i in its context: the words, shapes, gazetteer
 * classes and clusters of pairs and triples of neighbours, its place in
 * the paragraph, and the document memory.
 */
size_t
ner_ctx_feats(const struct lede_ner *ner, size_t i, uint32_t *f)
{
	const struct lede_ner_tok	*t = &ner->t[i], *p = t - 1, *n = t + 1;
	size_t				 k = 0;

	f[k++] = mix2(T_BIP, p->lw, t->lw);
	f[k++] = mix2(T_BIN, t->lw, n->lw);
	f[k++] = mix2(T_WBI, p->w, t->w);
	f[k++] = mix2(T_SH3, mix2(0, p->shape, t->shape), n->shape);
	f[k++] = mix2(T_GAZP, p->gaz, t->gaz);
	f[k++] = mix2(T_GAZN, t->gaz, n->gaz);
	f[k++] = mix2(T_CC3, mix2(0, p->cc, t->cc), n->cc);
	f[k++] = mix2(T_CFBI, p->cf, t->cf);
	f[k++] = mix(T_POS, (i < 3 ? (uint32_t)i : 3) |
	    ner->ptype << 4 | (ner->para < 3 ? ner->para : 3) << 8);
	k += mem_feats(ner, i, f + k);
	k += agg_feats(ner, i, f + k);
	return k;
}

size_t
lede_ner_feats(const struct lede_ner *ner, size_t i, uint32_t *f)
{
	size_t	k;

	k = ner_own_feats(ner, i, 1, f);
	k += ner_role_feats(&ner->t[i - 1], NER_ROLE_P1, f + k);
	k += ner_role_feats(&ner->t[i + 1], NER_ROLE_N1, f + k);
	k += ner_role_feats(&ner->t[(long)i - 2], NER_ROLE_P2, f + k);
	k += ner_role_feats(&ner->t[i + 2], NER_ROLE_N2, f + k);
	k += ner_ctx_feats(ner, i, f + k);
	return k;
}
