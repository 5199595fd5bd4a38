/*
 * The scores of the labels of a token: the sums of the model's weights of
 * its features, and the word cache of the sums of the local features.
 */
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "ner_priv.h"

/* Adds the weights of the nf features f to the scores sc of labels 1-8. */
#if defined(__SSE2__) && LEDE_NER_NW == 8
void
ner_add_rows(const struct lede_ner_model *m, const uint32_t *f, size_t nf,
    int32_t *sc)
{
	const __m128i	 one = _mm_set1_epi16(1), zero = _mm_setzero_si128();
	__m128i		 lo, hi, a, b;
	size_t		 j;

	/*
	 * Two rows at a time: their weights interleaved, then multiplied by
	 * one and added in pairs, the sums of two weights in 32 bits.
	 */
	lo = _mm_loadu_si128((const __m128i *)(const void *)sc);
	hi = _mm_loadu_si128((const __m128i *)(const void *)(sc + 4));
	for (j = 0; j + 1 < nf; j += 2) {
		a = _mm_loadu_si128((const __m128i *)(const void *)(m->w +
		    lede_ner_row(f[j], m->bits) * LEDE_NER_NW));
		b = _mm_loadu_si128((const __m128i *)(const void *)(m->w +
		    lede_ner_row(f[j + 1], m->bits) * LEDE_NER_NW));
		lo = _mm_add_epi32(lo, _mm_madd_epi16(_mm_unpacklo_epi16(a, b),
		    one));
		hi = _mm_add_epi32(hi, _mm_madd_epi16(_mm_unpackhi_epi16(a, b),
		    one));
	}
	if (j < nf) {
		a = _mm_loadu_si128((const __m128i *)(const void *)(m->w +
		    lede_ner_row(f[j], m->bits) * LEDE_NER_NW));
		lo = _mm_add_epi32(lo, _mm_madd_epi16(_mm_unpacklo_epi16(a,
		    zero), one));
		hi = _mm_add_epi32(hi, _mm_madd_epi16(_mm_unpackhi_epi16(a,
		    zero), one));
	}
	_mm_storeu_si128((__m128i *)(void *)sc, lo);
	_mm_storeu_si128((__m128i *)(void *)(sc + 4), hi);
}
#else
void
ner_add_rows(const struct lede_ner_model *m, const uint32_t *f, size_t nf,
    int32_t *sc)
{
	const int16_t	*row;
	int32_t		 acc[LEDE_NER_NW];
	size_t		 j;
	int		 l;

	/* In a local array, which the compiler keeps in registers. */
	memcpy(acc, sc, sizeof(acc));
	for (j = 0; j < nf; j++) {
		row = m->w + lede_ner_row(f[j], m->bits) * LEDE_NER_NW;
		for (l = 0; l < LEDE_NER_NW; l++)
			acc[l] += row[l];
	}
	memcpy(sc, acc, sizeof(acc));
}
#endif

/*
 * The summed weights of the local features of token i (see ner_feats()): from
 * the word cache where it has the same word in the same setting, else
 * computed and cached.  The key holds all that the features depend on.
 */
void
ner_local_scores(struct lede_ner *ner, const struct lede_ner_model *m, size_t i,
    int32_t *sc)
{
	const struct lede_ner_tok	*t = &ner->t[i];
	struct lede_ner_memo		*e;
	uint32_t			 f[LEDE_NER_MAXFEAT], ctx;
	size_t				 nf;

	if (t->len > sizeof(e->text)) {
		memset(sc, 0, LEDE_NER_NW * sizeof(*sc));
		nf = ner_feats(ner, i, f, NER_FS_LOCAL);
		ner_add_rows(m, f, nf, sc);
		return;
	}
	ctx = t->flags | (uint32_t)t->kind << 16 | ner->ptype << 24 |
	    (ner->para < 2 ? ner->para : 2) << 28;
	e = &ner->memo[fmix(t->w ^ ctx ^ t->gaz << 8) &
	    (LEDE_NER_MEMOSIZE - 1)];
	if (e->len == t->len + 1 && e->w == t->w && e->shape == t->shape &&
	    e->ctx == ctx && e->gaz == t->gaz &&
	    memcmp(e->text, ner->s + t->off, t->len) == 0) {
		memcpy(sc, e->sc, sizeof(e->sc));
		return;
	}
	memset(sc, 0, LEDE_NER_NW * sizeof(*sc));
	nf = ner_feats(ner, i, f, NER_FS_LOCAL);
	ner_add_rows(m, f, nf, sc);
	e->len = t->len + 1;
	e->w = t->w;
	e->shape = t->shape;
	e->ctx = ctx;
	e->gaz = t->gaz;
	memcpy(e->text, ner->s + t->off, t->len);
	memcpy(e->sc, sc, sizeof(e->sc));
}
