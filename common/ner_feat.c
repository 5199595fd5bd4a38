/*
 * The features of a token: hashed templates over the token's word, shape,
 * affixes, flags and gazetteer class, its neighbours', the labels before
 * it, the paragraph's kind and place, and the document memory.  The same
 * code serves the tagger and the training tool, so the two never
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

/*
 * The word (what 0), lower-cased word (1), shape (2) or gazetteer class (3)
 * of the token d places from token i; the sentinels before the start and
 * past the end have values of their own.
 */
static inline uint32_t
neighbour(const struct lede_ner *ner, size_t i, int d, int what)
{
	const struct lede_ner_tok	*t = &ner->t[(long)i + d];

	switch (what) {
	case 0:
		return t->w;
	case 1:
		return t->lw;
	case 3:
		return t->gaz;
	default:
		return t->shape;
	}
}

/* The document memory features of token i. */
static size_t
mem_feats(const struct lede_ner *ner, size_t i, uint32_t *f)
{
	const struct lede_ner_tok	*t = &ner->t[i];
	const struct lede_ner_mem	*m;
	size_t				 k = 0;
	int				 j, best = 0;
	unsigned			 cap;

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
	}
	if ((t->flags & LEDE_TF_UPPER) && t->len >= 2 && t->len <= ACR_MAX &&
	    (m = ner_mem_find(ner, mix(T_ACR, t->w))) != NULL) {
		for (j = 1; j < 5; j++)
			if (m->n[j] > m->n[best])
				best = j;
		f[k++] = mix(T_ACR, (uint32_t)best | ner->ptype << 4);
	}
	return k;
}

/*
 * The features of token i (ner_priv.h).  The tagger keeps the summed
 * weights of the local features of recent words.
 */
#define FS_LOCAL	NER_FS_LOCAL
#define FS_REST		NER_FS_REST
#define FS_ALL		NER_FS_ALL
#define L(x)	do { if (want & FS_LOCAL) f[k++] = (x); } while (0)
#define R(x)	do { if (want & FS_REST) f[k++] = (x); } while (0)

size_t
ner_feats(const struct lede_ner *ner, size_t i, uint32_t *f, unsigned want)
{
	const struct lede_ner_tok	*t = &ner->t[i];
	const char			*w = ner->s + t->off;
	size_t				 k = 0, len = t->len;
	uint32_t			 p1 = 0, p2 = 0, fl;

	if (want & FS_REST) {
		p1 = i > 0 ? ner->lab[i - 1] : 15;
		p2 = i > 1 ? ner->lab[i - 2] : 15;
	}
	fl = (t->flags & (LEDE_TF_CAP | LEDE_TF_UPPER | LEDE_TF_ABBR |
	    LEDE_TF_DIGIT | TF_SSTART | TF_HYPHEN | TF_PERIOD | TF_LONG)) |
	    (uint32_t)t->kind << 16;
	if (want & FS_LOCAL) {
		f[k++] = mix(T_BIAS, 0);
		f[k++] = mix(T_W, t->w);
		f[k++] = mix(T_LW, t->lw);
		f[k++] = mix(T_SHAPE, t->shape);
		affixes(w, len, f, &k);
	}
	if (want & FS_REST) {
		f[k++] = mix(T_WP1, neighbour(ner, i, -1, 0));
		f[k++] = mix(T_WN1, neighbour(ner, i, 1, 0));
		f[k++] = mix(T_LWP1, neighbour(ner, i, -1, 1));
		f[k++] = mix(T_LWN1, neighbour(ner, i, 1, 1));
		f[k++] = mix(T_LWP2, neighbour(ner, i, -2, 1));
		f[k++] = mix(T_LWN2, neighbour(ner, i, 2, 1));
		f[k++] = mix(T_SHP1, neighbour(ner, i, -1, 2));
		f[k++] = mix(T_SHN1, neighbour(ner, i, 1, 2));
		f[k++] = mix2(T_BIP, neighbour(ner, i, -1, 1), t->lw);
		f[k++] = mix2(T_BIN, t->lw, neighbour(ner, i, 1, 1));
		f[k++] = mix2(T_SH3, mix2(0, neighbour(ner, i, -1, 2),
		    t->shape), neighbour(ner, i, 1, 2));
	}
	L(mix(T_FLAGS, fl));
	L(mix(T_FLAGSPT, fl | ner->ptype << 24 |
	    (ner->para < 2 ? ner->para : 2) << 28));
	L(mix2(T_LWPT, t->lw, ner->ptype));
	if (want & FS_REST) {
		f[k++] = mix(T_POS, (i < 3 ? (uint32_t)i : 3) |
		    ner->ptype << 4 | (ner->para < 3 ? ner->para : 3) << 8);
		f[k++] = mix2(T_WBI, neighbour(ner, i, -1, 0), t->w);
		f[k++] = mix(T_L1, p1);
		f[k++] = mix(T_L12, p1 | p2 << 8);
		f[k++] = mix2(T_L1W, t->w, p1);
		f[k++] = mix2(T_L1LW, t->lw, p1);
		f[k++] = mix2(T_L1SH, t->shape, p1 | p2 << 8);
	}
	L(mix(T_GAZ, t->gaz | (fl & 0xc) << 8 | ner->ptype << 12));
	R(mix2(T_GAZP, neighbour(ner, i, -1, 3), t->gaz));
	R(mix2(T_GAZN, t->gaz, neighbour(ner, i, 1, 3)));
	R(mix(T_GAZL1, t->gaz | p1 << 8));
	if (t->flags & TF_ALPHA)
		L(mix(T_LOWC, (uint32_t)lede_ner_lower(ner->lower,
		    ner->lowerbits, t->lw) | (ner->ptype != 0) << 1 |
		    (fl & (LEDE_TF_CAP | LEDE_TF_UPPER | TF_SSTART)) << 2));
	if (want & FS_REST)
		k += mem_feats(ner, i, f + k);
	return k;
}

#undef L
#undef R

size_t
lede_ner_feats(const struct lede_ner *ner, size_t i, uint32_t *f)
{
	return ner_feats(ner, i, f, FS_ALL);
}
