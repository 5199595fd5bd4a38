/*
 * Named-entity tagging: a structured averaged perceptron over BILOU labels
 * with Viterbi decoding.
 *
 * A paragraph is tokenized (tok.h), each token gets a handful of hashes
 * (word, lower-cased word, shape) and its place in the sentence, and the
 * paragraph gets the sequence of BILOU labels over PER, ORG, LOC and MISC
 * of the best score: the sum of the weights of each token's features for
 * its label and of the weights of each label after the one before.  The
 * features: the word, its affixes and shape, its word clusters, its
 * neighbours', the kind of paragraph (an ALL-CAPS or Title Case
 * headline), a document memory of the labels earlier mentions of the
 * same word received and of the acronyms of earlier entities, and what a
 * scan of the whole document ahead of tagging (lede_ner_scan()) says of
 * how the word is written elsewhere and what is around it.  Features are
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

#include "format.h"

/* A model, and a tagger with its document memory: both opaque. */
struct lede_ner_model;
struct lede_ner;

/*
 * The model compiled into the library (common/data/ner-model.txt), or
 * NULL if it has none.  Free with lede_ner_model_free().
 */
struct lede_ner_model *lede_ner_model_builtin(void);
void	lede_ner_model_free(struct lede_ner_model *);

struct lede_ner *lede_ner_new(void);
void	lede_ner_free(struct lede_ner *);
/* A new document starts: forgets the document memory. */
void	lede_ner_doc(struct lede_ner *);

/*
 * Reads the n bytes at s (one paragraph of the document, as for
 * lede_ner_tag()) ahead of tagging: the tagger then knows how the words
 * of the document are written elsewhere in it and what surrounds them.
 * Scan each paragraph of a document (or of its first part) before
 * tagging any; tagging without scanning works, with less to go on.
 * Returns 1 for a headline (a paragraph in capitals or Title Case), best
 * tagged after the ordinary paragraphs around it, whose labels the
 * tagger then remembers; else 0.
 */
int	lede_ner_scan(struct lede_ner *, const char *s, size_t n);

/*
 * Tags the n bytes at s (one paragraph, valid UTF-8, without inline tags):
 * returns the number of entities, found in text order at *ents.  The
 * entities stay valid until the next call.
 */
size_t	lede_ner_tag(struct lede_ner *, const struct lede_ner_model *,
	    const char *s, size_t n, const struct lede_ent **ents);

#endif
