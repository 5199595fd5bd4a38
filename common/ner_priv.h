/*
 * The inside of the named-entity tagger (ner.h), shared by its modules and
 * by the training tool (tools/lede-train.c), which must compute the very
 * same features:
 *
 *	ner.c		the tagger's life: new, free, a new document
 *	ner_tok.c	a paragraph's tokens: hashes, shape, sentences,
 *			headlines and true-casing, sentinels
 *	ner_gaz.c	the gazetteer (common/data/gazetteer.txt) by hash
 *	ner_clus.c	the word clusters (common/data/clusters.txt) by hash
 *	ner_mem.c	the labels given: entities and the document memory
 *	ner_agg.c	the whole document read before it is tagged: how
 *			each word is written and what is around it
 *	ner_feat.c	the feature templates of a token
 *	ner_score.c	the weights of the features, the word cache
 *	ner_decode.c	the labelling of a paragraph (Viterbi decoding)
 *	nermodel.c	the model compiled in (common/data/ner-model.txt)
 */
#ifndef LEDE_NER_PRIV_H
#define LEDE_NER_PRIV_H

#include <stddef.h>
#include <stdint.h>

#include "format.h"
#include "ner.h"
#include "tok.h"

/*
 * Labels, BILOU: 0 is O; for each type t in PER..MISC (1-4), 4t-3 is B-t
 * (the first word of a name of several), 4t-2 I-t (inside), 4t-1 L-t (the
 * last) and 4t U-t (a name of one word).
 */
#define LEDE_NER_NLABEL	17
#define LEDE_NER_MAXFEAT 96	/* features of one token, at most */
#define NER_B		0
#define NER_I		1
#define NER_L		2
#define NER_U		3
#define NER_LABEL(type, pos)	(4 * (type) - 3 + (pos))
#define NER_TYPE(l)	(((l) + 3) / 4)
#define NER_POS(l)	(((l) - 1) & 3)
/* B-t and I-t leave a name open: the next label is I-t or L-t. */
#define NER_OPEN(l)	((l) != 0 && NER_POS(l) < NER_L)

/* Token flags beyond those of tok.h (LEDE_TF_*, the low 9 bits). */
#define TF_SSTART	0x200	/* first token of a sentence */
#define TF_HYPHEN	0x400	/* has an inner hyphen */
#define TF_PERIOD	0x800	/* has a period */
#define TF_LONG		0x1000	/* 8 letters or more */
#define TF_ALPHA	0x2000	/* a word with a letter */
#define TF_BREAK	0x4000	/* a blank line before it: no name across */
#define TF_CAND		0x8000	/* has a capital letter or a digit */

/*
 * The labels a token may take (its allow): a name begins and ends with a
 * word with a capital or a digit (TF_CAND, ALLOW_ALL; of the entities of
 * the CoNLL-2003 training part, 99.4 % do) or ends at a parenthesis round
 * one token after such a word ("Mladost (BJ)"); between two such words,
 * up to NER_MAXINNER others may be inside it ("Bank of England", ALLOW_IN);
 * any other token is outside every name (ALLOW_O).  The tagger scores only
 * the tokens that may be in a name, and their neighbours.
 */
#define ALLOW_O		0
#define ALLOW_IN	1
#define ALLOW_ALL	2
#define NER_MAXINNER	3

#define PT_UPPER	1	/* paragraph in capitals */
#define PT_TITLE	2	/* paragraph in Title Case */

/* Sentinel tokens before the first token and after the last. */
#define NER_PAD		2

/* The acronym memory: first letters of recent multi-word entities. */
#define ACR_MAX		8

/* The gazetteer's hash table: slots, a power of two, well over twice its size. */
#define GAZ_SLOTS	4096
#define GAZ_MAXLEN	64
/* The set of the first words of its entries of several words (hashes). */
#define GAZ_FIRST_BITS	12
#define GAZ_FIRST_BIT(h)	((h) >> (32 - GAZ_FIRST_BITS))

/*
 * The weights: a hashed table of 1 << bits rows of LEDE_NER_NW weights,
 * one for each label but O, whose weights are all zero (subtracting the
 * weights of one label from all of them changes no decision), and the
 * weights of the transitions from one label to the next (the label before
 * the first token is O).  Most rows of the table are all zero: only the
 * others are kept, in the order of the table (rows), with a bitmap of the
 * rows kept and, for each 64 rows of it, the count of those kept before
 * them (rank): lede_ner_weights() finds a row with one look at the bitmap
 * (a sixteenth of the size of a dense table's rows), and a feature without
 * a row costs that look alone.
 */
#define LEDE_NER_NW	(LEDE_NER_NLABEL - 1)
struct ner_rank {
	uint64_t	map;	/* bit r: row 64 * slot + r is kept */
	uint64_t	base;	/* the rows kept before the slot's */
};
struct lede_ner_model {
	unsigned	 bits;
	const int16_t	(*rows)[LEDE_NER_NW];	/* nrows, then one of zeros */
	size_t		 nrows;
	struct ner_rank	*rank;	/* (1 << bits) / 64 slots */
	int		 hw;	/* what the processor does: NER_HW_* */
	int32_t		 trans[LEDE_NER_NLABEL][LEDE_NER_NLABEL];
	/*
	 * A set of hashed lower-cased words (1 << lowerbits bits): the words
	 * seen in lower case in the training text.
	 */
	unsigned	 lowerbits;
	uint64_t	*lower;
};

/* One token of the paragraph being tagged. */
struct lede_ner_tok {
	uint32_t	off;
	uint32_t	len;
	uint16_t	kind;
	uint16_t	flags;
	uint32_t	w;	/* hash of the word */
	uint32_t	lw;	/* hash of the lower-cased word */
	uint32_t	shape;	/* hash of the word shape */
	uint32_t	suf3;	/* hash of the last three bytes, lower-cased */
	uint16_t	gaz;	/* gazetteer class << 1, | 1 inside a name */
	uint16_t	cf;	/* fine word cluster + 1, 0 if none */
	uint16_t	cc;	/* coarse word cluster + 1, 0 if none */
	uint8_t		allow;	/* ALLOW_O, ALLOW_IN or ALLOW_ALL */
};

/* The roles of a token in the features of its neighbours. */
#define NER_ROLE_P1	0	/* the word before */
#define NER_ROLE_N1	1	/* the word after */
#define NER_ROLE_P2	2	/* two before */
#define NER_ROLE_N2	3	/* two after */
#define NER_NROLE	4

/* The most features of a token of each group (ner_feat.c). */
#define NER_MAXOWN	32
#define NER_MAXROLE	12
#define NER_MAXCTX	29	/* at most 9, 9 of the memory, 8 of the document */

/* The document memory: labels of earlier mentions and acronyms. */
struct lede_ner_mem {
	uint32_t	key;
	uint16_t	n[5];	/* O, PER, ORG, LOC, MISC */
};
#define LEDE_NER_MEMSIZE 8192
/*
 * The document read ahead (ner_agg.c): for each word its ordinary
 * paragraphs (not headlines) write with a capital, how often in the
 * middle of a sentence and at the start of one, and the words before and
 * after its first such occurrences; and the set of the words they write
 * in lower case (hashes, AGGLOW_BITS bits).
 */
#define AGG_NCTX	3
struct lede_ner_agg {
	uint32_t	key;	/* the lower-cased word's hash | 1, 0 if empty */
	uint8_t		nmid;
	uint8_t		nstart;
	uint8_t		nprev;
	uint8_t		nnext;
	uint8_t		ncapprev;	/* after a capitalized word */
	uint8_t		ncapnext;	/* before one */
	uint32_t	prev[AGG_NCTX];
	uint32_t	next[AGG_NCTX];
};
#define LEDE_NER_AGGSIZE 8192
#define AGGLOW_BITS	15
#define AGGLOW_BIT(lw)	((lw) >> (32 - AGGLOW_BITS))
/* The words of the document seen in lower case: a set of hashes. */
#define DOCLOW_BITS	14
#define DOCLOW_BIT(lw)	((lw) >> (32 - DOCLOW_BITS))

/*
 * The word cache of the tagger: the summed weights of the features of a
 * word that depend on nothing else, its own (sc[0]) and those it gives
 * its neighbours in each role (sc[1 + role]), and its clusters.  Its
 * entries go in pairs (two ways): a word may take either of its pair,
 * and a new word takes the one used less recently.
 */
struct lede_ner_memo {
	uint32_t	w;
	uint32_t	shape;
	uint32_t	ctx;	/* flags, kind, paragraph kind and number */
	uint32_t	gaz;
	uint16_t	len;	/* the word's length + 1, 0 if empty */
	uint16_t	old;	/* 1 if the other of the pair was used since */
	uint16_t	cf;
	uint16_t	cc;
	char		text[40];
	int32_t		sc[1 + NER_NROLE][LEDE_NER_NW];
};
/*
 * Entries: 6 MB.  Of the lookups in 6 MB of news not repeated, 83 % find
 * their word here (79 % in half as many entries, 86 % in twice as many).
 */
#define LEDE_NER_MEMOSIZE 16384

/*
 * The transitions of the decoder from each label that closes a name or is
 * outside one (O, L-t, U-t: NER_NCLOSED labels) to each that may open one
 * (O, B-t, U-t), and the least and the greatest from each: the model's,
 * set once (ner_decode.c).
 */
#define NER_NCLOSED	9
struct ner_vtrans {
	int32_t		tc[NER_NCLOSED][NER_NCLOSED];
	int32_t		tlo[NER_NCLOSED];
	int32_t		thi[NER_NCLOSED];
};

/*
 * The rings of the decoder: tokens, a power of two of at least 6 (the
 * tokens from three behind the one read to two after it, ner_decode.c).
 */
#define NER_RING	8
#define NER_RINGMASK	(NER_RING - 1)

/* The word clusters' hash table: slots, a power of two. */
#define CLUS_SLOTS	((size_t)1 << 18)
struct lede_ner_clus {
	uint32_t	h;	/* the hash of the lower-cased word */
	uint16_t	cf;	/* fine cluster + 1, 0 if the slot is empty */
	uint16_t	cc;	/* coarse cluster + 1 */
};

/* A slot of the gazetteer's hash table (see ner_gaz.c). */
struct lede_ner_gaz {
	uint32_t	h;	/* the hash, letters folded */
	uint16_t	e;	/* the entry + 1, 0 if the slot is empty */
};

/*
 * The tokens of the paragraphs scanned ahead (ner_tok.c), kept for their
 * tagging: a paragraph's first token and count in kt, its text in kx.
 */
#define NER_KEEP_TOKS	16384
#define NER_KEEP_BYTES	((size_t)96 * 1024)
struct ner_kept {
	size_t		toff;
	size_t		nt;
	size_t		xoff;
	size_t		n;
	unsigned	ptype;
	int		done;	/* tagged */
};

struct lede_ner {
	const uint64_t		*lower;	/* the model's lower-case words */
	unsigned		 lowerbits;
	const char		*s;
	size_t			 n;
	struct lede_ner_tok	*t;
	size_t			 nt;
	size_t			 capt;
	unsigned char		*lab;	/* the label of each token */
	unsigned		 ptype;	/* the paragraph's kind */
	unsigned		 para;	/* paragraphs seen in the document */
	size_t			 estart;	/* the open entity's first token */
	struct lede_ner_mem	*mem;
	size_t			 nmem;
	uint16_t		*memused;	/* the slots in use */
	uint64_t		 doclow[((size_t)1 << DOCLOW_BITS) / 64];
	struct lede_ner_agg	*agg;
	size_t			 nagg;
	uint64_t		 agglow[((size_t)1 << AGGLOW_BITS) / 64];
	struct ner_kept		*kept;
	size_t			 nkept;
	size_t			 capkept;
	size_t			 nkdone;	/* those tagged */
	size_t			 nkhead;	/* the first not tagged */
	struct lede_ner_tok	*kt;
	size_t			 nkt;
	char			*kx;
	size_t			 nkx;
	uint16_t		*aggused;	/* the slots in use */
	struct lede_ent		*ents;
	size_t			 nents;
	size_t			 capents;
	/*
	 * The gazetteer by hash: for each slot the first entry (+ 1) of a
	 * run of entries equal without case and its hash, and the class of
	 * each entry.
	 */
	struct lede_ner_gaz	*gazslot;
	unsigned char		*gazcls;
	uint64_t		 gazfirst[((size_t)1 << GAZ_FIRST_BITS) / 64];
	struct lede_ner_memo	*memo;
	const void		*memomodel;	/* the model of the memo */
	struct lede_ner_clus	*clus;
	/*
	 * Decoding (ner_decode.c): the scores of the labels of the tokens
	 * being read and their context features, in rings; for each token
	 * not settled, the best label before each of its labels.
	 */
	int32_t			 ring[NER_RING][LEDE_NER_NW];
	uint32_t		 ctxf[NER_RING][NER_MAXCTX + 1];	/* + place */
	unsigned char		 nctxf[NER_RING];
	unsigned char		*back;
	size_t			 capback;	/* tokens */
	int32_t			 edge[1 + NER_NROLE][LEDE_NER_NW];
	/*
	 * The word cache's misses foreseen (ner_score.c): for the token
	 * wsi[k] (k its index in the ring, SIZE_MAX if none), the features
	 * that word_sums() adds, its own then those of each role, and
	 * their counts; their words of the bitmap and then their rows are
	 * fetched in the steps before.
	 */
	size_t			 wsi[NER_RING];
	uint32_t		 wsf[NER_RING][NER_MAXOWN + NER_NROLE *
				    NER_MAXROLE];
	unsigned char		 wsn[NER_RING][1 + NER_NROLE];
	struct ner_vtrans	 vt;
};

/* Hashing. */
static inline uint32_t
fmix(uint32_t h)
{
	h ^= h >> 16;
	h *= 0x85ebca6bU;
	h ^= h >> 13;
	h *= 0xc2b2ae35U;
	h ^= h >> 16;
	return h;
}

/* Asks the processor to fetch the line at p, for a later look. */
#if defined(__GNUC__)
#define PREFETCH(p)	__builtin_prefetch(p)
#else
#define PREFETCH(p)	((void)(p))
#endif

/*
 * The slots where the searches for key start in the document memory
 * (ner_mem.c) and for the word of hash lw in the document read ahead
 * (ner_agg.c), linear probing going on from there.
 */
static inline size_t
ner_mem_home(uint32_t key)
{
	return fmix(key | 1) & (LEDE_NER_MEMSIZE - 1);
}

static inline size_t
ner_agg_home(uint32_t lw)
{
	return fmix(lw | 1) & (LEDE_NER_AGGSIZE - 1);
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

/* One step of the hash of bytes with ASCII letters folded to lower case. */
static inline uint32_t
fold_step(uint32_t h, unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	return (h ^ c) * 16777619U;
}

/* The row of feature f in a table of 1 << bits rows. */
static inline size_t
lede_ner_row(uint32_t f, unsigned bits)
{
	return (size_t)(f >> (32 - bits));
}

/*
 * What the processor does in one instruction, that the loops over rows
 * use (ner_score.c): count the bits of a word (POPCNT), and, beyond that,
 * widen and add eight numbers (AVX2, with the shifts of BMI2).
 */
#define NER_HW_POPCNT	1
#define NER_HW_AVX2	2

/*
 * The bits set in x: by the processor's instruction where the caller is
 * compiled for it (hw, a constant: see ner_score.c), else by shifts.
 */
static inline unsigned
ner_popcount(uint64_t x, int hw)
{
#if defined(__GNUC__)
	if (hw)
		return (unsigned)__builtin_popcountll(x);
#else
	(void)hw;
#endif
	x -= (x >> 1) & 0x5555555555555555ULL;
	x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
	x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
	return (unsigned)((x * 0x0101010101010101ULL) >> 56);
}

/*
 * The weights of feature f in model m: its row, or the row of zeros after
 * the last (chosen by a mask, not a branch).
 */
static inline const int16_t *
lede_ner_weights(const struct lede_ner_model *m, uint32_t f, int hw)
{
	size_t			 r = lede_ner_row(f, m->bits);
	const struct ner_rank	*k = &m->rank[r >> 6];
	uint64_t		 bit = (uint64_t)1 << (r & 63);
	size_t			 in = (size_t)0 - (size_t)((k->map >> (r & 63)) & 1);

	return m->rows[((k->base + ner_popcount(k->map & (bit - 1), hw)) &
	    in) | (m->nrows & ~in)];
}

/* 1 if the lower-cased word of hash lw is in the set. */
static inline int
lede_ner_lower(const uint64_t *set, unsigned bits, uint32_t lw)
{
	uint32_t	b;

	if (set == NULL)
		return 0;
	b = lw >> (32 - bits);
	return (set[b >> 6] >> (b & 63)) & 1;
}

/*
 * Feature templates: the token's own, those of a neighbour in a role
 * (T_ROLE + 16 * role + what), and those of the token in its context.
 */
enum {
	T_BIAS = 1, T_W, T_LW, T_SHAPE, T_PRE, T_SUF = T_PRE + 4,
	T_FLAGS = T_SUF + 4, T_FLAGSPT, T_LWPT, T_GAZ, T_LOWC, T_CF, T_CC,
	T_CFSH, T_CCFL, T_CFFL, T_WSS,
	T_BIP, T_BIN, T_WBI, T_SH3, T_GAZP, T_GAZN, T_POS, T_CC3, T_CFBI,
	T_MEM, T_MEMC, T_ACR, T_DOCLOW, T_GCASE, T_GPREV, T_GNEXT,
	T_MEMD, T_MEML, T_GCAPN,
	T_ROLE = 64
};

/*
 * ner.c: a zeroed table of n bytes on cache lines, on the system's large
 * pages where it has them for the asking (free() frees it).
 */
void	*ner_table_new(size_t n);

/* ner_gaz.c */
void	ner_gaz_build(struct lede_ner *);
void	ner_mark_gazetteer(struct lede_ner *);

/* ner_clus.c: the clusters of the token, into t->cf and t->cc. */
void	ner_clus_build(struct lede_ner *);
void	ner_clus_find(const struct lede_ner *, struct lede_ner_tok *t);

/* ner_agg.c: the slot of the word of hash lw, or NULL. */
const struct lede_ner_agg *ner_agg_find(const struct lede_ner *, uint32_t lw);
/* 1 if the document writes the word of hash lw in lower case. */
int	ner_agg_low(const struct lede_ner *, uint32_t lw);
void	ner_agg_clear(struct lede_ner *);

/* ner_mem.c */
struct lede_ner_mem *ner_mem_slot(struct lede_ner *, uint32_t key, int add);
const struct lede_ner_mem *ner_mem_find(const struct lede_ner *, uint32_t);

/*
 * ner_feat.c: the features of token i, in three groups: its own, which
 * depend only on the token itself (its text, hashes, flags, gazetteer
 * class and clusters) and on the paragraph's kind; those it gives the
 * token in a role next to it (ner_role_feats(), of the token i itself,
 * from its text, hashes and classes alone); and those of the token in its
 * context (pairs of neighbours, its place, the document memory).  Each
 * returns the count stored at f.  ner_own_feats() includes the feature of
 * the paragraph's place (ner_place_feat()) only with place: the word
 * cache leaves it out, the training tool does not.
 */
size_t	ner_own_feats(const struct lede_ner *, size_t i, int place,
	    uint32_t *f);
/*
 * The one of its own features that depends on the paragraph's place in
 * the document: the word cache (ner_score.c) keeps the sum of the others,
 * whatever the place, and the tagger adds it with the token's context (an
 * own feature that depends on the place, or on anything else but the
 * token and the paragraph's kind, must be this one or go into the key of
 * the cache).
 */
uint32_t ner_place_feat(const struct lede_ner *, size_t i);
size_t	ner_role_feats(const struct lede_ner_tok *, int role, uint32_t *f);
size_t	ner_ctx_feats(const struct lede_ner *, size_t i, uint32_t *f);

/*
 * ner_score.c: ner_add_rows() adds the weights of the nf features f to the
 * scores sc; ner_fetch_rows() asks the processor to fetch their rows, and
 * ner_fetch_map() the words of the bitmap that find them (a step before:
 * ner_fetch_rows() reads them).
 */
void	ner_add_rows(const struct lede_ner_model *, const uint32_t *f,
	    size_t nf, int32_t *sc);
void	ner_fetch_rows(const struct lede_ner_model *, const uint32_t *f,
	    size_t nf);
void	ner_fetch_map(const struct lede_ner_model *, const uint32_t *f,
	    size_t nf);
/* What the processor does in one instruction: NER_HW_*, or 0. */
int	ner_hw(void);
void	ner_word_scores(struct lede_ner *, const struct lede_ner_model *,
	    size_t i, int32_t (*ring)[LEDE_NER_NW]);
/* Before the first ner_word_scores() of a paragraph. */
void	ner_word_start(struct lede_ner *);

/*
 * The steps of lede_ner_tag(), for the training tool.
 * lede_ner_prepare() tokenizes a paragraph and returns the token count
 * (ner_prepare_tokens() does the same but leaves the clusters to the word
 * cache; ner_scan_tokens() does only what lede_ner_scan() needs); lede_ner_feats() stores all the features of token i (its own,
 * its neighbours' in their roles, its context's) and returns their count;
 * lede_ner_set() records the label of token i (call in token order);
 * lede_ner_end() closes the paragraph and returns the entity count.
 */
size_t	lede_ner_prepare(struct lede_ner *, const char *s, size_t n);
size_t	ner_prepare_tokens(struct lede_ner *, const char *s, size_t n);
size_t	ner_scan_tokens(struct lede_ner *, const char *s, size_t n);
void	ner_keep_clear(struct lede_ner *);
size_t	lede_ner_feats(const struct lede_ner *, size_t i, uint32_t *f);
void	lede_ner_set(struct lede_ner *, size_t i, int label);
size_t	lede_ner_end(struct lede_ner *);
/*
 * 1 if label may follow label prev, with a blank line between them if
 * brk: I-t and L-t only after B-t or I-t, and other labels only after O,
 * L-t or U-t.
 */
int	lede_ner_allowed(int prev, int label, int brk);

#endif
