/*
 * The named-entity tagger.  lede_ner_prepare() tokenizes the paragraph and
 * hashes each token once (word, lower-cased word, shape); lede_ner_feats()
 * then builds the hashed features of one token from those hashes, the text
 * of the token (affixes) and the labels already given, and lede_ner_set()
 * records each label, building the entity list and the document memory.
 * lede_ner_tag() runs the three with the weights of a model, choosing the
 * best label allowed after the previous one (greedy decoding).
 */
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "lex.h"
#include "ner.h"
#include "tok.h"
#include "utf8.h"

#define TF_SSTART	0x200	/* first token of a sentence */
#define TF_HYPHEN	0x400	/* has an inner hyphen */
#define TF_PERIOD	0x800	/* has a period */
#define TF_LONG		0x1000	/* 8 letters or more */
#define TF_ALPHA	0x2000	/* a word with a letter */

#define PT_UPPER	1	/* paragraph in capitals */
#define PT_TITLE	2	/* paragraph in Title Case */

/* Sentinel tokens before the first token and after the last. */
#define NER_PAD		2

/* The acronym memory: first letters of recent multi-word entities. */
#define ACR_MAX		8

static uint32_t
fmix(uint32_t h)
{
	h ^= h >> 16;
	h *= 0x85ebca6bU;
	h ^= h >> 13;
	h *= 0xc2b2ae35U;
	h ^= h >> 16;
	return h;
}

/*
 * A feature: template and value mixed by one multiplication, whose high
 * bits choose the row (lede_ner_row()).
 */
static inline uint32_t
mix(uint32_t tmpl, uint32_t v)
{
	return ((v ^ (tmpl * 0x9e3779b1U)) + tmpl) * 0x85ebca6bU;
}

static inline uint32_t
mix2(uint32_t tmpl, uint32_t a, uint32_t b)
{
	return mix(tmpl, a ^ ((b + 0x7f4a7c15U) * 0xcc9e2d51U));
}

/* The shape class of a character: X, x, d, or the character itself. */
static char
shape_class(uint32_t cp)
{
	if (cp < 0x80) {
		if (cp >= 'A' && cp <= 'Z')
			return 'X';
		if (cp >= 'a' && cp <= 'z')
			return 'x';
		if (cp >= '0' && cp <= '9')
			return 'd';
		return (char)cp;
	}
	if (lede_uc_isupper(cp))
		return 'X';
	if (lede_uc_isalpha(cp))
		return 'x';
	if (lede_uc_isdigit(cp))
		return 'd';
	return 'o';
}

/* Hashes the word, its lower-cased form and its shape; sets flags. */
static void
hash_token(struct lede_ner_tok *t, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t	h = 2166136261U, hw = 2166136261U, hl = 2166136261U, cp;
	size_t		i = 0, k, j, letters = 0;
	unsigned char	b;
	char		c, last = 0;
	int		nsh = 0;

	/* One pass: the two hashes of the bytes (fnv()) and the shape. */
	while (i < t->len) {
		b = p[i];
		if (b < 0x80) {
			hw = (hw ^ b) * 16777619U;
			if (b >= 'A' && b <= 'Z') {
				hl = (hl ^ (unsigned char)(b + 'a' - 'A')) *
				    16777619U;
				c = 'X';
			} else {
				hl = (hl ^ b) * 16777619U;
				if (b >= 'a' && b <= 'z')
					c = 'x';
				else if (b >= '0' && b <= '9')
					c = 'd';
				else
					c = (char)b;
			}
			i++;
		} else {
			k = lede_utf8_next(s + i, t->len - i, &cp);
			for (j = 0; j < k; j++) {
				hw = (hw ^ p[i + j]) * 16777619U;
				hl = (hl ^ p[i + j]) * 16777619U;
			}
			i += k;
			c = shape_class(cp);
		}
		if (c == 'X' || c == 'x')
			letters++;
		if (c == '-' && i < t->len)
			t->flags |= TF_HYPHEN;
		if (c == '.')
			t->flags |= TF_PERIOD;
		if (c == last && nsh >= 1)
			continue;
		last = c;
		if (nsh++ < 12)
			h = (h ^ (unsigned char)c) * 16777619U;
	}
	t->w = hw;
	t->lw = hl;
	t->shape = h;
	if (letters >= 8)
		t->flags |= TF_LONG;
	if (letters > 0 && t->kind == LEDE_TOK_WORD)
		t->flags |= TF_ALPHA;
}

/* The gazetteer's hash table: slots, a power of two, well over twice its size. */
#define GAZ_SLOTS	4096
#define GAZ_MAXLEN	64
#define GAZ_NAT		2	/* gaz_class("nat") */

/* The hash of n bytes with ASCII letters folded to lower case. */
static inline uint32_t
fold_step(uint32_t h, unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	return (h ^ c) * 16777619U;
}

/* 1 if the n bytes at a and b are equal with ASCII letters folded. */
static int
eq_fold(const char *a, const char *b, size_t n)
{
	unsigned char	ca, cb;
	size_t		i;

	for (i = 0; i < n; i++) {
		ca = (unsigned char)a[i];
		cb = (unsigned char)b[i];
		if (ca >= 'A' && ca <= 'Z')
			ca += 'a' - 'A';
		if (cb >= 'A' && cb <= 'Z')
			cb += 'a' - 'A';
		if (ca != cb)
			return 0;
	}
	return 1;
}

static uint32_t gaz_class(const char *);

/*
 * Hashes the gazetteer: the first entry of each run of entries equal
 * without case (the table is sorted with letters folded) goes into a slot.
 */
static void
gaz_build(struct lede_ner *ner)
{
	const struct lede_lex	*lex = &lede_lex_gazetteer;
	const struct lede_lexent *e;
	size_t			 i, j, slot;
	uint32_t		 h;

	ner->gazslot = lede_xcalloc(GAZ_SLOTS, sizeof(*ner->gazslot));
	ner->gazcls = lede_xcalloc(lex->n + 1, 1);
	for (i = 0; i < lex->n; i++) {
		e = &lex->e[i];
		ner->gazcls[i] = (unsigned char)gaz_class(e->cls);
		if (i > 0 && lex->e[i - 1].len == e->len &&
		    eq_fold(lex->e[i - 1].s, e->s, e->len))
			continue;
		if (e->len >= GAZ_MAXLEN || i >= UINT16_MAX)
			continue;
		h = 2166136261U;
		for (j = 0; j < e->len; j++)
			h = fold_step(h, (unsigned char)e->s[j]);
		slot = fmix(h) & (GAZ_SLOTS - 1);
		while (ner->gazslot[slot].e != 0)
			slot = (slot + 1) & (GAZ_SLOTS - 1);
		ner->gazslot[slot].e = (uint16_t)(i + 1);
		ner->gazslot[slot].h = h;
	}
}

/*
 * The class of the gazetteer entry for the n bytes at s of fold hash h, as
 * lede_lex_find_nocase() finds it (the exact spelling if the gazetteer has
 * it, else the first of those equal without case), or 0.
 */
static uint32_t
gaz_find(const struct lede_ner *ner, const char *s, size_t n, uint32_t h)
{
	const struct lede_lex	*lex = &lede_lex_gazetteer;
	size_t			 slot = fmix(h) & (GAZ_SLOTS - 1), i, first;

	for (;; slot = (slot + 1) & (GAZ_SLOTS - 1)) {
		if (ner->gazslot[slot].e == 0)
			return 0;
		if (ner->gazslot[slot].h != h)
			continue;
		first = ner->gazslot[slot].e - 1u;
		if (lex->e[first].len == n && eq_fold(lex->e[first].s, s, n))
			break;
	}
	for (i = first; i < lex->n && lex->e[i].len == n &&
	    eq_fold(lex->e[i].s, s, n); i++)
		if (memcmp(lex->e[i].s, s, n) == 0)
			return ner->gazcls[i];
	return ner->gazcls[first];
}

void
lede_ner_init(struct lede_ner *ner)
{
	memset(ner, 0, sizeof(*ner));
	ner->mem = lede_xcalloc(LEDE_NER_MEMSIZE, sizeof(*ner->mem));
	ner->memused = lede_xcalloc(LEDE_NER_MEMSIZE, sizeof(*ner->memused));
	ner->memo = lede_xcalloc(LEDE_NER_MEMOSIZE, sizeof(*ner->memo));
	gaz_build(ner);
}

void
lede_ner_free(struct lede_ner *ner)
{
	if (ner->t != NULL)
		free(ner->t - NER_PAD);
	free(ner->lab);
	free(ner->mem);
	free(ner->memused);
	free(ner->ents);
	free(ner->memo);
	free(ner->gazslot);
	free(ner->gazcls);
	memset(ner, 0, sizeof(*ner));
}

void
lede_ner_doc(struct lede_ner *ner)
{
	size_t	i;

	/* Only the slots in use: documents are often short. */
	for (i = 0; i < ner->nmem; i++)
		memset(&ner->mem[ner->memused[i]], 0, sizeof(*ner->mem));
	ner->nmem = 0;
	ner->para = 0;
}

/* The memory slot of key, or NULL; with add, a new slot if there is room. */
static struct lede_ner_mem *
mem_slot(struct lede_ner *ner, uint32_t key, int add)
{
	size_t	i;

	key |= 1;
	i = fmix(key) & (LEDE_NER_MEMSIZE - 1);
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

static const struct lede_ner_mem *
mem_find(const struct lede_ner *ner, uint32_t key)
{
	return mem_slot((struct lede_ner *)ner, key, 0);
}

/*
 * Marks the first token of each sentence: the first of the paragraph and
 * the first after a full stop, question or exclamation mark (and the
 * closing marks after it).  Periods of abbreviations belong to their
 * words, so a lone period ends a sentence.
 */
static void
mark_sentences(struct lede_ner *ner)
{
	const struct lede_ner_tok	*t;
	size_t				 i;
	int				 end = 1;
	char				 c;

	for (i = 0; i < ner->nt; i++) {
		t = &ner->t[i];
		if (end && (t->kind != LEDE_TOK_QUOTE &&
		    t->kind != LEDE_TOK_PUNCT)) {
			ner->t[i].flags |= TF_SSTART;
			end = 0;
		}
		c = ner->s[t->off];
		if (t->kind == LEDE_TOK_PUNCT && (c == '.' || c == '?' ||
		    c == '!'))
			end = 1;
		else if (end && !(t->kind == LEDE_TOK_QUOTE ||
		    (t->kind == LEDE_TOK_PUNCT && (c == ')' || c == ']'))))
			end = 0;
	}
}

/* Classifies the paragraph: capitals, Title Case, or ordinary text. */
static void
classify(struct lede_ner *ner)
{
	size_t	i, words = 0, upper = 0, cap = 0;

	for (i = 0; i < ner->nt; i++) {
		if (!(ner->t[i].flags & TF_ALPHA))
			continue;
		words++;
		if ((ner->t[i].flags & LEDE_TF_UPPER) && ner->t[i].len > 1)
			upper++;
		if (ner->t[i].flags & LEDE_TF_CAP)
			cap++;
	}
	ner->ptype = 0;
	if (words > 0 && upper * 4 >= words * 3)
		ner->ptype = PT_UPPER;
	else if (words >= 3 && cap * 4 >= words * 3)
		ner->ptype = PT_TITLE;
}

/* The gazetteer class of a lexicon entry: 1-5, or 0. */
static uint32_t
gaz_class(const char *cls)
{
	static const char *const names[] = { "loc", "nat", "given", "org",
	    "orgword", NULL };
	uint32_t	i;

	for (i = 0; names[i] != NULL; i++)
		if (strcmp(cls, names[i]) == 0)
			return i + 1;
	return 0;
}

/*
 * Marks the names of the gazetteer: at each capitalized word, the longest
 * entry of up to four words, words joined by one space where the text has
 * white space between them.
 */
static void
mark_gazetteer(struct lede_ner *ner)
{
	const struct lede_ner_tok	*t = ner->t;
	char				 buf[GAZ_MAXLEN];
	size_t				 i, j, L, n, k, q, lens[4];
	uint32_t			 c = 0, h, hs[4];

	for (i = 0; i < ner->nt; i++) {
		if (!(t[i].flags & TF_ALPHA) ||
		    !(t[i].flags & (LEDE_TF_CAP | LEDE_TF_UPPER)))
			continue;
		n = 0;
		h = 2166136261U;
		for (L = 0; L < 4 && i + L < ner->nt; L++) {
			j = i + L;
			if (t[j].kind != LEDE_TOK_WORD)
				break;
			if (L > 0 && t[j].off > t[j - 1].off + t[j - 1].len) {
				buf[n++] = ' ';
				h = fold_step(h, ' ');
			}
			if (n + t[j].len >= sizeof(buf))
				break;
			memcpy(buf + n, ner->s + t[j].off, t[j].len);
			for (q = 0; q < t[j].len; q++)
				h = fold_step(h, (unsigned char)buf[n + q]);
			n += t[j].len;
			lens[L] = n;
			hs[L] = h;
		}
		for (; L > 0; L--)
			if ((c = gaz_find(ner, buf, lens[L - 1], hs[L - 1])) != 0)
				break;
		for (k = 0; k < L; k++)
			ner->t[i + k].gaz = c << 1 | (k > 0);
		if (L > 0)
			i += L - 1;
	}
}

/*
 * In a headline in capitals or Title Case, a word that is not in the
 * gazetteer and that the training text has in lower case is taken for the
 * lower-case word: "PRESS", "Plans" read as "press", "plans".
 */
static void
truecase(struct lede_ner *ner)
{
	struct lede_ner_tok	*t;
	size_t			 i;

	for (i = 0; i < ner->nt; i++) {
		t = &ner->t[i];
		if (!(t->flags & TF_ALPHA) || t->gaz != 0 || (t->flags &
		    (LEDE_TF_ABBR | TF_PERIOD | LEDE_TF_DIGIT)) ||
		    !lede_ner_lower(ner->lower, ner->lowerbits, t->lw))
			continue;
		t->w = t->lw;
		t->flags &= ~(LEDE_TF_CAP | LEDE_TF_UPPER);
		t->shape = 0x6c6f77;	/* the shape of a lower-case word */
	}
}

/*
 * Sets the tokens before the first and after the last, whose values stand
 * for the start and end of the paragraph in the features of neighbours.
 */
static void
sentinels(struct lede_ner *ner)
{
	struct lede_ner_tok	*t;
	int			 k;

	for (k = 1; k <= NER_PAD; k++) {
		t = &ner->t[-k];
		memset(t, 0, sizeof(*t));
		t->w = 0x5354u;
		t->lw = 0x5355u;
		t->shape = 0x5356u;
		t->gaz = 0x5357u;
		t = &ner->t[ner->nt + (size_t)k - 1];
		memset(t, 0, sizeof(*t));
		t->w = 0x454eu;
		t->lw = 0x454fu;
		t->shape = 0x4550u;
		t->gaz = 0x4551u;
	}
}

size_t
lede_ner_prepare(struct lede_ner *ner, const char *s, size_t n)
{
	struct lede_tokenizer	tz;
	struct lede_tok		tk;
	struct lede_ner_tok	*t;

	ner->s = s;
	ner->n = n;
	ner->nt = 0;
	ner->nents = 0;
	lede_tok_init(&tz, s, n);
	while (lede_tok_next(&tz, &tk)) {
		if (ner->nt == ner->capt) {
			ner->capt = ner->capt ? ner->capt * 2 : 256;
			ner->t = (struct lede_ner_tok *)lede_xrealloc(ner->t ?
			    ner->t - NER_PAD : NULL, (ner->capt + 2 * NER_PAD) *
			    sizeof(*ner->t)) + NER_PAD;
			ner->lab = lede_xrealloc(ner->lab, ner->capt);
		}
		t = &ner->t[ner->nt++];
		t->off = (uint32_t)tk.off;
		t->len = (uint32_t)tk.len;
		t->kind = (uint16_t)tk.kind;
		t->flags = (uint16_t)(tk.flags & 0x1ff);
		t->gaz = 0;
		hash_token(t, s + tk.off);
	}
	if (ner->t == NULL) {
		ner->capt = 256;
		ner->t = (struct lede_ner_tok *)lede_xrealloc(NULL,
		    (ner->capt + 2 * NER_PAD) * sizeof(*ner->t)) + NER_PAD;
		ner->lab = lede_xrealloc(ner->lab, ner->capt);
	}
	mark_sentences(ner);
	classify(ner);
	mark_gazetteer(ner);
	if (ner->ptype != 0)
		truecase(ner);
	sentinels(ner);
	return ner->nt;
}

/* Feature templates. */
enum {
	T_BIAS = 1, T_W, T_LW, T_SHAPE, T_PRE, T_SUF = T_PRE + 4,
	T_WP1 = T_SUF + 4, T_WN1, T_LWP2, T_LWN2, T_SHP1, T_SHN1,
	T_BIP, T_BIN, T_SH3, T_FLAGS, T_LWPT, T_POS, T_WBI, T_KIND,
	T_L1, T_L12, T_L1W, T_L1SH, T_MEM, T_MEMC, T_ACR, T_LWP1, T_LWN1,
	T_SHPN, T_L1LW, T_FLAGSPT, T_GAZ, T_GAZP, T_GAZN, T_GAZL1, T_LOWC
};

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
	if ((m = mem_find(ner, t->lw)) != NULL) {
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
	    (m = mem_find(ner, mix(T_ACR, t->w))) != NULL) {
		for (j = 1; j < 5; j++)
			if (m->n[j] > m->n[best])
				best = j;
		f[k++] = mix(T_ACR, (uint32_t)best | ner->ptype << 4);
	}
	return k;
}

/*
 * The features of token i, in a fixed order: with FS_LOCAL those that
 * depend only on the token itself (its text, hashes, flags and gazetteer
 * class) and on the paragraph's kind, with FS_REST the others (neighbours,
 * position, labels, document memory), with both all of them.  The tagger
 * keeps the summed weights of the local features of recent words.
 */
#define FS_LOCAL	1
#define FS_REST		2
#define FS_ALL		(FS_LOCAL | FS_REST)
#define L(x)	do { if (want & FS_LOCAL) f[k++] = (x); } while (0)
#define R(x)	do { if (want & FS_REST) f[k++] = (x); } while (0)

#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline size_t
feats(const struct lede_ner *ner, size_t i, uint32_t *f, unsigned want)
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
	return feats(ner, i, f, FS_ALL);
}

int
lede_ner_allowed(int prev, int label)
{
	if (label == 0 || (label & 1))
		return 1;
	return prev == label || prev == label - 1;
}

/* Closes the open entity (tokens estart..i-1). */
static void
close_entity(struct lede_ner *ner, size_t i)
{
	struct lede_ner_mem	*m;
	struct lede_ent		*e;
	size_t			 j;
	uint32_t		 h = 2166136261U;
	int			 type, nini = 0;
	char			 c;

	type = (ner->lab[ner->estart] + 1) / 2;
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
	    (m = mem_slot(ner, mix(T_ACR, h), 1)) != NULL && m->n[type] < 60000)
		m->n[type]++;
}

void
lede_ner_set(struct lede_ner *ner, size_t i, int label)
{
	struct lede_ner_mem	*m;
	const struct lede_ner_tok *t = &ner->t[i];
	int			 type = (label + 1) / 2;

	if (i > 0 && ner->lab[i - 1] != 0 && (label & 1 || label == 0))
		close_entity(ner, i);
	ner->lab[i] = (unsigned char)label;
	if (label & 1)
		ner->estart = i;
	if ((t->flags & TF_ALPHA) &&
	    (t->flags & (LEDE_TF_CAP | LEDE_TF_UPPER)) &&
	    !(label == 0 && (t->flags & TF_SSTART)) &&
	    (m = mem_slot(ner, t->lw, 1)) != NULL && m->n[type] < 60000)
		m->n[type]++;
}

size_t
lede_ner_end(struct lede_ner *ner)
{
	if (ner->nt > 0 && ner->lab[ner->nt - 1] != 0)
		close_entity(ner, ner->nt);
	ner->para++;
	return ner->nents;
}

/*
 * Whether a blank line separates token i from the token before it: the
 * library is handed one paragraph at a time, but should a caller pass
 * several, no entity runs over the break.
 */
static int
after_break(const struct lede_ner *ner, size_t i)
{
	const char	*p, *e, *nl;

	if (i == 0)
		return 0;
	p = ner->s + ner->t[i - 1].off + ner->t[i - 1].len;
	e = ner->s + ner->t[i].off;
	if ((nl = memchr(p, '\n', (size_t)(e - p))) == NULL)
		return 0;
	return memchr(nl + 1, '\n', (size_t)(e - nl - 1)) != NULL;
}

/* Adds the weights of the nf features f to the scores sc of labels 1-8. */
#if defined(__SSE2__) && LEDE_NER_NW == 8
static inline void
add_rows(const struct lede_ner_model *m, const uint32_t *f, size_t nf,
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
static inline void
add_rows(const struct lede_ner_model *m, const uint32_t *f, size_t nf,
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
 * The summed weights of the local features of token i (see feats()): from
 * the word cache where it has the same word in the same setting, else
 * computed and cached.  The key holds all that the features depend on.
 */
static void
local_scores(struct lede_ner *ner, const struct lede_ner_model *m, size_t i,
    int32_t *sc)
{
	const struct lede_ner_tok	*t = &ner->t[i];
	struct lede_ner_memo		*e;
	uint32_t			 f[LEDE_NER_MAXFEAT], ctx;
	size_t				 nf;

	if (t->len > sizeof(e->text)) {
		memset(sc, 0, LEDE_NER_NW * sizeof(*sc));
		nf = feats(ner, i, f, FS_LOCAL);
		add_rows(m, f, nf, sc);
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
	nf = feats(ner, i, f, FS_LOCAL);
	add_rows(m, f, nf, sc);
	e->len = t->len + 1;
	e->w = t->w;
	e->shape = t->shape;
	e->ctx = ctx;
	e->gaz = t->gaz;
	memcpy(e->text, ner->s + t->off, t->len);
	memcpy(e->sc, sc, sizeof(e->sc));
}

/*
 * Is the name a, of type MISC, one word that qualifies the next name: a
 * nationality ("Australian Tom Moody") or a compound ("Ohio-based")?
 */
static int
modifier(const struct lede_ner *ner, const struct lede_ent *a)
{
	size_t	lo = 0, hi = ner->nt, mid;

	if (a->type != LEDE_ENT_MISC)
		return 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (ner->t[mid].off < a->off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == ner->nt || ner->t[lo].off != a->off ||
	    ner->t[lo].len != a->len)
		return 0;
	return ner->t[lo].gaz == GAZ_NAT << 1 ||
	    memchr(ner->s + a->off, '-', a->len) != NULL;
}

/*
 * Greedy labelling can break a name where its type seems to change
 * ("World" MISC, "Trade Organization" ORG): names of two types next to
 * each other, one space or line break apart, are joined under the type of
 * the second, as names seldom touch in news text, unless the first only
 * qualifies the second (modifier()).  After the labelling, so that
 * training, which labels the same way, is not changed by it.
 */
size_t
lede_ner_join(struct lede_ner *ner, size_t n)
{
	struct lede_ent	*e = ner->ents, *a;
	size_t		 k, w = 0, end;
	char		 gap;

	for (k = 1; k < n; k++) {
		a = &e[w];
		end = a->off + a->len;
		gap = end < ner->n ? ner->s[end] : 0;
		if (a->type != e[k].type && end + 1 == e[k].off &&
		    (gap == ' ' || gap == '\n') && !modifier(ner, a)) {
			a->len = e[k].off + e[k].len - a->off;
			a->type = e[k].type;
		} else
			e[++w] = e[k];
	}
	return ner->nents = n == 0 ? 0 : w + 1;
}

size_t
lede_ner_tag(struct lede_ner *ner, const struct lede_ner_model *m,
    const char *s, size_t n)
{
	uint32_t	 f[LEDE_NER_MAXFEAT];
	int32_t		 sc[LEDE_NER_NLABEL], top;
	size_t		 i, nf;
	int		 l, best, prev, inside;

	if (ner->memomodel != m) {
		/* The cached scores are the model's. */
		memset(ner->memo, 0, LEDE_NER_MEMOSIZE * sizeof(*ner->memo));
		ner->memomodel = m;
	}
	ner->lower = m->lower;
	ner->lowerbits = m->lowerbits;
	lede_ner_prepare(ner, s, n);
	for (i = 0; i < ner->nt; i++) {
		sc[0] = 0;
		local_scores(ner, m, i, sc + 1);
		nf = feats(ner, i, f, FS_REST);
		add_rows(m, f, nf, sc + 1);
		prev = i > 0 && ner->lab[i - 1] != 0 && !after_break(ner, i) ?
		    ner->lab[i - 1] : 0;
		/*
		 * The best label allowed (lede_ner_allowed()): any B-X, and
		 * I-X only after B-X or I-X.
		 */
		inside = prev == 0 ? 0 : (prev & 1) ? prev + 1 : prev;
		best = 0;
		top = sc[0];
		for (l = 1; l < LEDE_NER_NLABEL; l++)
			if (sc[l] > top && ((l & 1) || l == inside)) {
				best = l;
				top = sc[l];
			}
		lede_ner_set(ner, i, best);
	}
	return lede_ner_join(ner, lede_ner_end(ner));
}
