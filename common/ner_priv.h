/*
 * The inside of the named-entity tagger (ner.h), shared by its modules and
 * by the training tool (tools/lede-train.c), which must compute the very
 * same features:
 *
 *	ner.c		the tagger's life: new, free, a new document
 *	ner_tok.c	a paragraph's tokens: hashes, shape, sentences,
 *			headlines and true-casing, sentinels
 *	ner_gaz.c	the gazetteer (common/data/gazetteer.txt) by hash
 *	ner_mem.c	the labels given: entities and the document memory
 *	ner_feat.c	the feature templates of a token
 *	ner_score.c	the weights of the features, the word cache
 *	ner_decode.c	the labelling of a paragraph, joining of names
 *	nermodel.c	the model compiled in (common/data/ner-model.txt)
 */
#ifndef LEDE_NER_PRIV_H
#define LEDE_NER_PRIV_H

#include <stddef.h>
#include <stdint.h>

#include "format.h"
#include "ner.h"
#include "tok.h"

/* Labels: 0 is O, 2t-1 is B-t and 2t is I-t for t in PER..MISC. */
#define LEDE_NER_NLABEL	9
#define LEDE_NER_MAXFEAT 48	/* features of one token, at most */

/* Token flags beyond those of tok.h (LEDE_TF_*, the low 9 bits). */
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

/* The gazetteer's hash table: slots, a power of two, well over twice its size. */
#define GAZ_SLOTS	4096
#define GAZ_MAXLEN	64
#define GAZ_NAT		2	/* the class "nat" */

/*
 * The weights: 1 << bits rows of LEDE_NER_NW weights, one for each label
 * but O, whose weights are all zero (subtracting the weights of one label
 * from all of them changes no decision).
 */
#define LEDE_NER_NW	(LEDE_NER_NLABEL - 1)
struct lede_ner_model {
	unsigned	 bits;
	int16_t		*w;
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
	uint32_t	gaz;	/* gazetteer class << 1, | 1 inside a name */
};

/* The document memory: labels of earlier mentions and acronyms. */
struct lede_ner_mem {
	uint32_t	key;
	uint16_t	n[5];	/* O, PER, ORG, LOC, MISC */
};
#define LEDE_NER_MEMSIZE 4096

/*
 * The word cache of the tagger: the summed weights of the features of a
 * word that depend on nothing else (a cache line an entry).
 */
struct lede_ner_memo {
	int32_t		sc[LEDE_NER_NW];
	uint32_t	w;
	uint32_t	shape;
	uint32_t	ctx;	/* flags, kind, paragraph kind and number */
	uint32_t	gaz;
	uint32_t	len;	/* the word's length + 1, 0 if empty */
	char		text[12];
};
#define LEDE_NER_MEMOSIZE 4096

/* A slot of the gazetteer's hash table (see ner_gaz.c). */
struct lede_ner_gaz {
	uint32_t	h;	/* the hash, letters folded */
	uint16_t	e;	/* the entry + 1, 0 if the slot is empty */
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
	struct lede_ner_memo	*memo;
	const void		*memomodel;	/* the model of the memo */
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

/* Feature templates. */
enum {
	T_BIAS = 1, T_W, T_LW, T_SHAPE, T_PRE, T_SUF = T_PRE + 4,
	T_WP1 = T_SUF + 4, T_WN1, T_LWP2, T_LWN2, T_SHP1, T_SHN1,
	T_BIP, T_BIN, T_SH3, T_FLAGS, T_LWPT, T_POS, T_WBI, T_KIND,
	T_L1, T_L12, T_L1W, T_L1SH, T_MEM, T_MEMC, T_ACR, T_LWP1, T_LWN1,
	T_SHPN, T_L1LW, T_FLAGSPT, T_GAZ, T_GAZP, T_GAZN, T_GAZL1, T_LOWC
};

/* ner_gaz.c */
void	ner_gaz_build(struct lede_ner *);
void	ner_mark_gazetteer(struct lede_ner *);

/* ner_mem.c */
struct lede_ner_mem *ner_mem_slot(struct lede_ner *, uint32_t key, int add);
const struct lede_ner_mem *ner_mem_find(const struct lede_ner *, uint32_t);

/*
 * ner_feat.c: the features of token i (at most LEDE_NER_MAXFEAT), in a
 * fixed order: with NER_FS_LOCAL those that depend only on the token
 * itself (its text, hashes, flags and gazetteer class) and on the
 * paragraph's kind, with NER_FS_REST the others (neighbours, position,
 * labels, document memory), with both all of them.
 */
#define NER_FS_LOCAL	1
#define NER_FS_REST	2
#define NER_FS_ALL	(NER_FS_LOCAL | NER_FS_REST)
size_t	ner_feats(const struct lede_ner *, size_t i, uint32_t *f,
	    unsigned want);

/* ner_score.c */
void	ner_add_rows(const struct lede_ner_model *, const uint32_t *f,
	    size_t nf, int32_t *sc);
void	ner_local_scores(struct lede_ner *, const struct lede_ner_model *,
	    size_t i, int32_t *sc);

/*
 * The steps of lede_ner_tag(), for the training tool.
 * lede_ner_prepare() tokenizes a paragraph and returns the token count;
 * lede_ner_feats() stores the features of token i given the labels of the
 * tokens before it (in ner->lab) and returns their count;
 * lede_ner_set() records the label of token i (call in token order);
 * lede_ner_end() closes the paragraph and returns the entity count.
 */
size_t	lede_ner_prepare(struct lede_ner *, const char *s, size_t n);
size_t	lede_ner_feats(const struct lede_ner *, size_t i, uint32_t *f);
void	lede_ner_set(struct lede_ner *, size_t i, int label);
size_t	lede_ner_end(struct lede_ner *);
/* 1 if label may follow label prev (I-X only after B-X or I-X). */
int	lede_ner_allowed(int prev, int label);

/*
 * Joins the n names in ner->ents that touch, one space or line break
 * apart, and differ in type, under the type of the second, unless the
 * first is a MISC nationality or hyphened word ("Australian", "Ohio-based");
 * returns how many are left.  lede_ner_tag() does it to its result.
 */
size_t	lede_ner_join(struct lede_ner *, size_t);

#endif
