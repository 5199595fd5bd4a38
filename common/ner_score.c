/*
 * The scores of the labels of a token: the sums of the model's weights of
 * its features, and the word cache of the sums of the features that a word
 * gives itself and its neighbours, whatever its context.
 */
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "ner_priv.h"

/*
 * The model finds a row by counting bits (lede_ner_weights()), which
 * x86-64 processors since 2008 do in one instruction that the first ones
 * lack, and those since 2013 (AVX2) add the rows eight weights at a time:
 * where the compiler can, the loops over rows are built for each, and the
 * model says which to take (ner_hw()).
 */
#if defined(__x86_64__) && defined(__GNUC__)
#define NER_HWPOP	1
#define INLINE		static inline __attribute__((always_inline))
#include <immintrin.h>
#else
#define NER_HWPOP	0
#define INLINE		static inline
#endif
#if NER_HWPOP && LEDE_NER_NW == 16
#define NER_HWAVX2	1
#else
#define NER_HWAVX2	0
#endif

#if defined(__SSE2__) && LEDE_NER_NW == 16
static inline void
add2(__m128i *acc, __m128i a, __m128i b)
{
	const __m128i	one = _mm_set1_epi16(1);

	acc[0] = _mm_add_epi32(acc[0], _mm_madd_epi16(_mm_unpacklo_epi16(a,
	    b), one));
	acc[1] = _mm_add_epi32(acc[1], _mm_madd_epi16(_mm_unpackhi_epi16(a,
	    b), one));
}

/* Adds the weights of the nf features f to the scores sc of labels 1-16. */
INLINE void
add_rows(const struct lede_ner_model *m, const uint32_t *f, size_t nf,
    int32_t *sc, int hw)
{
	const __m128i	 zero = _mm_setzero_si128();
	const __m128i	*a, *b;
	const int16_t	*row[LEDE_NER_MAXFEAT];
	__m128i		 acc[4];
	size_t		 j, k;

	/*
	 * The rows first, all their bitmap's words fetched at once; then
	 * two rows at a time: their weights interleaved, then multiplied by
	 * one and added in pairs, the sums of two weights in 32 bits.
	 */
	for (j = 0; j < nf; j++)
		row[j] = lede_ner_weights(m, f[j], hw);
	for (k = 0; k < 4; k++)
		acc[k] = _mm_loadu_si128((const __m128i *)(void *)(sc + 4 * k));
	for (j = 0; j + 1 < nf; j += 2) {
		a = (const __m128i *)(const void *)row[j];
		b = (const __m128i *)(const void *)row[j + 1];
		add2(acc, _mm_loadu_si128(a), _mm_loadu_si128(b));
		add2(acc + 2, _mm_loadu_si128(a + 1), _mm_loadu_si128(b + 1));
	}
	if (j < nf) {
		a = (const __m128i *)(const void *)row[j];
		add2(acc, _mm_loadu_si128(a), zero);
		add2(acc + 2, _mm_loadu_si128(a + 1), zero);
	}
	for (k = 0; k < 4; k++)
		_mm_storeu_si128((__m128i *)(void *)(sc + 4 * k), acc[k]);
}
#else
INLINE void
add_rows(const struct lede_ner_model *m, const uint32_t *f, size_t nf,
    int32_t *sc, int hw)
{
	const int16_t	*row;
	int32_t		 acc[LEDE_NER_NW];
	size_t		 j;
	int		 l;

	/* In a local array, which the compiler keeps in registers. */
	memcpy(acc, sc, sizeof(acc));
	for (j = 0; j < nf; j++) {
		row = lede_ner_weights(m, f[j], hw);
		for (l = 0; l < LEDE_NER_NW; l++)
			acc[l] += row[l];
	}
	memcpy(sc, acc, sizeof(acc));
}
#endif

/*
 * A fetch that the compiler keeps: GCC takes a function whose only effect
 * is __builtin_prefetch() for one without effect and drops its calls, as
 * it dropped those of fetch_rows_hw() (a function of its own, for its
 * instruction set), which then fetched nothing.
 */
#if NER_HWPOP
#define PREFETCH_KEPT(p)	__asm__ __volatile__("prefetcht0 %0" : :	\
	"m" (*(const char *)(p)))
#else
#define PREFETCH_KEPT(p)	PREFETCH(p)
#endif

INLINE void
fetch_rows(const struct lede_ner_model *m, const uint32_t *f, size_t nf,
    int hw)
{
	size_t	j;

	for (j = 0; j < nf; j++)
		PREFETCH_KEPT(lede_ner_weights(m, f[j], hw));
}

#if NER_HWAVX2
/*
 * With AVX2: the 16 weights of each row widened to 32 bits, 8 at a time,
 * and added to the scores.
 */
__attribute__((target("popcnt,bmi2,avx2"))) static void
add_rows_avx2(const struct lede_ner_model *m, const uint32_t *f, size_t nf,
    int32_t *sc)
{
	const __m128i	*row;
	__m256i		 lo, hi;
	size_t		 j;

	lo = _mm256_loadu_si256((const __m256i *)(void *)sc);
	hi = _mm256_loadu_si256((const __m256i *)(void *)(sc + 8));
	for (j = 0; j < nf; j++) {
		row = (const __m128i *)(const void *)lede_ner_weights(m, f[j],
		    1);
		lo = _mm256_add_epi32(lo,
		    _mm256_cvtepi16_epi32(_mm_loadu_si128(row)));
		hi = _mm256_add_epi32(hi,
		    _mm256_cvtepi16_epi32(_mm_loadu_si128(row + 1)));
	}
	_mm256_storeu_si256((__m256i *)(void *)sc, lo);
	_mm256_storeu_si256((__m256i *)(void *)(sc + 8), hi);
}
#endif

#if NER_HWPOP
__attribute__((target("popcnt"))) static void
add_rows_hw(const struct lede_ner_model *m, const uint32_t *f, size_t nf,
    int32_t *sc)
{
	add_rows(m, f, nf, sc, 1);
}

__attribute__((target("popcnt"))) static void
fetch_rows_hw(const struct lede_ner_model *m, const uint32_t *f, size_t nf)
{
	fetch_rows(m, f, nf, 1);
}

int
ner_hw(void)
{
	__builtin_cpu_init();
	if (!__builtin_cpu_supports("popcnt"))
		return 0;
	if (NER_HWAVX2 && __builtin_cpu_supports("avx2") &&
	    __builtin_cpu_supports("bmi2"))
		return NER_HW_AVX2;
	return NER_HW_POPCNT;
}
#else
int
ner_hw(void)
{
	return 0;
}
#endif

void
ner_add_rows(const struct lede_ner_model *m, const uint32_t *f, size_t nf,
    int32_t *sc)
{
#if NER_HWAVX2
	if (m->hw == NER_HW_AVX2) {
		add_rows_avx2(m, f, nf, sc);
		return;
	}
#endif
#if NER_HWPOP
	if (m->hw != 0) {
		add_rows_hw(m, f, nf, sc);
		return;
	}
#endif
	add_rows(m, f, nf, sc, 0);
}

void
ner_fetch_rows(const struct lede_ner_model *m, const uint32_t *f, size_t nf)
{
#if NER_HWPOP
	if (m->hw != 0) {
		fetch_rows_hw(m, f, nf);
		return;
	}
#endif
	fetch_rows(m, f, nf, 0);
}

void
ner_fetch_map(const struct lede_ner_model *m, const uint32_t *f, size_t nf)
{
	size_t	j;

	for (j = 0; j < nf; j++)
		PREFETCH_KEPT(&m->rank[lede_ner_row(f[j], m->bits) >> 6]);
}

/*
 * The tokens that a word's sums are for, from the word (k): its own
 * (sc[0]), and those of its roles (sc[1 + role]): it is the word before
 * the next token (NER_ROLE_P1), the word after the one before, and so on.
 */
static const long to[1 + NER_NROLE] = { 0, 1, -1, 2, -2 };

/*
 * Adds the sums sc of the word k (token t) to the scores of their tokens
 * in ring, of those that may be in a name: the decoder reads no other's.
 */
static inline void
scatter(int32_t (*ring)[LEDE_NER_NW], long k, const struct lede_ner_tok *t,
    const int32_t (*sc)[LEDE_NER_NW])
{
	int32_t	*dst;
	int	 r, l;

	for (r = 0; r < 1 + NER_NROLE; r++) {
		if (t[to[r]].allow == ALLOW_O)
			continue;
		dst = ring[(size_t)(k + to[r]) & NER_RINGMASK];
#if defined(__SSE2__) && LEDE_NER_NW == 16
		__m128i	*d = (__m128i *)(void *)dst;
		const __m128i *q = (const __m128i *)(const void *)sc[r];

		for (l = 0; l < 4; l++)
			_mm_storeu_si128(d + l, _mm_add_epi32(
			    _mm_loadu_si128(d + l), _mm_loadu_si128(q + l)));
#else
		for (l = 0; l < LEDE_NER_NW; l++)
			dst[l] += sc[r][l];
#endif
	}
}

#if NER_HWAVX2
__attribute__((target("avx2"))) static void
scatter_avx2(int32_t (*ring)[LEDE_NER_NW], long k,
    const struct lede_ner_tok *t, const int32_t (*sc)[LEDE_NER_NW])
{
	__m256i	*d;
	int	 r;

	for (r = 0; r < 1 + NER_NROLE; r++) {
		if (t[to[r]].allow == ALLOW_O)
			continue;
		d = (__m256i *)(void *)ring[(size_t)(k + to[r]) & NER_RINGMASK];
		_mm256_storeu_si256(d, _mm256_add_epi32(_mm256_loadu_si256(d),
		    _mm256_loadu_si256((const __m256i *)(const void *)sc[r])));
		_mm256_storeu_si256(d + 1, _mm256_add_epi32(
		    _mm256_loadu_si256(d + 1), _mm256_loadu_si256(
		    (const __m256i *)(const void *)(sc[r] + 8))));
	}
}
#endif

/*
 * The pair of entries of token t in the word cache, and the key of its
 * setting; those of the tokens ahead are fetched early (NER_PREFETCH), as
 * the cache is larger than the processor's.
 */
#define NER_PREFETCH	4
static inline struct lede_ner_memo *
memo_pair(const struct lede_ner *ner, const struct lede_ner_tok *t,
    uint32_t *ctx)
{
	/* The flags that the features see (ner_feat.c), no others. */
	*ctx = (t->flags & (LEDE_TF_CAP | LEDE_TF_UPPER | LEDE_TF_ABBR |
	    LEDE_TF_DIGIT | TF_SSTART | TF_HYPHEN | TF_PERIOD | TF_LONG)) |
	    (uint32_t)t->kind << 16 | ner->ptype << 24;
	return &ner->memo[fmix(t->w ^ *ctx ^ t->gaz << 8) &
	    (LEDE_NER_MEMOSIZE - 2)];
}

static inline int
memo_is(const struct lede_ner_memo *e, const struct lede_ner_tok *t,
    const char *s, uint32_t ctx)
{
	return e->len == t->len + 1 && e->w == t->w && e->shape == t->shape &&
	    e->ctx == ctx && e->gaz == t->gaz &&
	    memcmp(e->text, s + t->off, t->len) == 0;
}

/* Entry e is the one of its pair used last. */
static inline void
memo_use(struct lede_ner *ner, struct lede_ner_memo *e)
{
	e->old = 0;
	ner->memo[(size_t)(e - ner->memo) ^ 1].old = 1;
}

/*
 * The features of token i whose sums the word cache keeps, its own but
 * its place (ner_place_feat()) and then those of each of its roles, into
 * f and their counts into n; sets the token's clusters, which they use.
 */
static void
word_feats(struct lede_ner *ner, size_t i, uint32_t *f,
    unsigned char n[1 + NER_NROLE])
{
	size_t	k;
	int	r;

	ner_clus_find(ner, &ner->t[i]);
	k = n[0] = (unsigned char)ner_own_feats(ner, i, 0, f);
	for (r = 0; r < NER_NROLE; r++) {
		n[1 + r] = (unsigned char)ner_role_feats(&ner->t[i], r, f + k);
		k += n[1 + r];
	}
}

/*
 * The sums of the features of word_feats() of token i, into v: those
 * made and fetched ahead if it was foreseen (fetch_sums()), else made
 * now.
 */
static void
word_sums(struct lede_ner *ner, const struct lede_ner_model *m, size_t i,
    int32_t v[1 + NER_NROLE][LEDE_NER_NW])
{
	uint32_t	 own[NER_MAXOWN + NER_NROLE * NER_MAXROLE];
	unsigned char	 own_n[1 + NER_NROLE], *n;
	const uint32_t	*f;
	size_t		 k = i & NER_RINGMASK;
	int		 r;

	if (ner->wsi[k] == i) {
		f = ner->wsf[k];
		n = ner->wsn[k];
	} else {
		word_feats(ner, i, own, own_n);
		f = own;
		n = own_n;
	}
	memset(v, 0, (1 + NER_NROLE) * LEDE_NER_NW * sizeof(int32_t));
	for (r = 0; r < 1 + NER_NROLE; r++) {
		ner_add_rows(m, f, n[r], v[r]);
		f += n[r];
	}
}

/* The count of the features of word_feats(), n their counts by group. */
static inline size_t
word_nfeats(const unsigned char n[1 + NER_NROLE])
{
	size_t	nf = 0;
	int	r;

	for (r = 0; r < 1 + NER_NROLE; r++)
		nf += n[r];
	return nf;
}

/*
 * A miss of the word cache foreseen for token i, two steps ahead: its
 * features made and their words of the bitmap fetched (the rows they
 * find are fetched at the next step, fetch_rows_ahead()).
 */
static void
fetch_sums(struct lede_ner *ner, const struct lede_ner_model *m, size_t i)
{
	size_t	k = i & NER_RINGMASK;

	word_feats(ner, i, ner->wsf[k], ner->wsn[k]);
	ner->wsi[k] = i;
	ner_fetch_map(m, ner->wsf[k], word_nfeats(ner->wsn[k]));
}

/* The rows of the features of a miss foreseen for token i. */
static void
fetch_rows_ahead(struct lede_ner *ner, const struct lede_ner_model *m,
    size_t i)
{
	size_t	k = i & NER_RINGMASK;

	if (ner->wsi[k] == i)
		ner_fetch_rows(m, ner->wsf[k], word_nfeats(ner->wsn[k]));
}

void
ner_word_start(struct lede_ner *ner)
{
	size_t	k;

	for (k = 0; k < NER_RING; k++)
		ner->wsi[k] = SIZE_MAX;
}

/*
 * Adds what token i gives itself and its neighbours to their scores (in
 * the decoder's ring), from the word cache where it has the same word
 * in the same setting, else computed and cached; sets the token's
 * clusters.  The key holds all that the features depend on but the
 * paragraph's place, whose one feature lede_ner_tag() adds with the
 * token's context: a word of the first paragraphs of a document and the
 * same word later share an entry.
 */
void
ner_word_scores(struct lede_ner *ner, const struct lede_ner_model *m,
    size_t i, int32_t (*ring)[LEDE_NER_NW])
{
	struct lede_ner_tok	*t = &ner->t[i];
	const struct lede_ner_tok *u;
	struct lede_ner_memo	*e;
	int32_t			 v[1 + NER_NROLE][LEDE_NER_NW];
	int32_t			(*sc)[LEDE_NER_NW];
	uint32_t		 ctx;
	long			 k = (long)i;
	int			 r;

	/*
	 * The keys of the pair of the token NER_PREFETCH places ahead, and
	 * the sums of the entry of the pair that holds the word half as
	 * far ahead, its keys fetched by then; or, if neither entry holds
	 * its word, what word_sums() will need for it (fetch_sums()), and
	 * the rows of what it needs for the next token.
	 */
	if (i + NER_PREFETCH < ner->nt) {
		e = memo_pair(ner, &ner->t[i + NER_PREFETCH], &ctx);
		PREFETCH(e);
		PREFETCH(e + 1);
	}
	if (i + NER_PREFETCH / 2 < ner->nt) {
		u = &ner->t[i + NER_PREFETCH / 2];
		e = memo_pair(ner, u, &ctx);
		if (e[0].w != u->w && e[1].w != u->w)
			fetch_sums(ner, m, i + NER_PREFETCH / 2);
		else {
			e += e->w != u->w;
			for (r = 0; r < (int)sizeof(e->sc); r += 64)
				PREFETCH((const char *)e->sc + r);
		}
	}
	fetch_rows_ahead(ner, m, i + 1);
	e = memo_pair(ner, t, &ctx);
	if (t->len <= sizeof(e->text) && (memo_is(e, t, ner->s, ctx) ||
	    memo_is(++e, t, ner->s, ctx))) {
		t->cf = e->cf;
		t->cc = e->cc;
		sc = e->sc;
		memo_use(ner, e);
	} else {
		word_sums(ner, m, i, v);
		sc = v;
		if (t->len <= sizeof(e->text)) {
			/* e is the second of the pair: the older goes. */
			if (!e->old)
				e--;
			memcpy(e->sc, v, sizeof(e->sc));
			e->len = (uint16_t)(t->len + 1);
			e->w = t->w;
			e->shape = t->shape;
			e->ctx = ctx;
			e->gaz = t->gaz;
			e->cf = (uint16_t)t->cf;
			e->cc = (uint16_t)t->cc;
			memcpy(e->text, ner->s + t->off, t->len);
			memo_use(ner, e);
		}
	}
	/* Into the ring of rows of the decoder (ner_decode.c). */
#if NER_HWAVX2
	if (m->hw == NER_HW_AVX2) {
		scatter_avx2(ring, k, t, (const int32_t (*)[LEDE_NER_NW])sc);
		return;
	}
#endif
	scatter(ring, k, t, (const int32_t (*)[LEDE_NER_NW])sc);
}
