/*
 * Named-entity tagging: a greedy averaged-perceptron sequence tagger.
 *
 * A paragraph is tokenized (tok.h), each token gets a handful of hashes
 * (word, lower-cased word, shape) and its place in the sentence, and the
 * tokens are labelled left to right with BIO labels over PER, ORG, LOC and
 * MISC.  The score of a label is the sum of the weights of the token's
 * features: the word, its affixes and shape, its neighbours, the two
 * previous labels, the kind of paragraph (an ALL-CAPS or Title Case
 * headline), and a document memory of the labels earlier mentions of the
 * same word received and of the acronyms of earlier entities.  Features are
 * hashed into a table of 1 << bits rows, one weight per label.
 *
 * The same feature code serves the tagger and the training tool
 * (tools/lede-train.c), so the two never disagree.  Nothing is allocated
 * per token: the token array grows with the largest paragraph and is
 * reused.
 */
#ifndef LEDE_NER_H
#define LEDE_NER_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "format.h"

/* Labels: 0 is O, 2t-1 is B-t and 2t is I-t for t in PER..MISC. */
#define LEDE_NER_NLABEL	9
#define LEDE_NER_MAXFEAT 48	/* features of one token, at most */

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

/* A slot of the gazetteer's hash table (see ner.c). */
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

/*
 * Builds the model compiled into the library (common/data/ner-model.txt).
 * Returns 0, or -1 if it has none.  Free with lede_ner_model_free().
 */
int	lede_ner_model_builtin(struct lede_ner_model *);
void	lede_ner_model_free(struct lede_ner_model *);

void	lede_ner_init(struct lede_ner *);
void	lede_ner_free(struct lede_ner *);
/* A new document starts: forgets the document memory. */
void	lede_ner_doc(struct lede_ner *);

/*
 * Tags the n bytes at s (one paragraph, valid UTF-8, without inline tags):
 * returns the number of entities, found in ner->ents in text order.  The
 * entities stay valid until the next call.
 */
/*
 * Joins the n names in ner->ents that touch, one space or line break
 * apart, and differ in type, under the type of the second, unless the
 * first is a MISC nationality or hyphened word ("Australian", "Ohio-based");
 * returns how many are left.  lede_ner_tag() does it to its result.
 */
size_t	lede_ner_join(struct lede_ner *, size_t);

size_t	lede_ner_tag(struct lede_ner *, const struct lede_ner_model *,
	    const char *s, size_t n);

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
/* 1 if label may follow label prev (I-X only after B-X or I-X). */
int	lede_ner_allowed(int prev, int label);

#endif
