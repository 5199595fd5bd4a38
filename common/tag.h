/*
 * Tagging a paragraph: the pieces of lede-tag put together.
 *
 * lede_tag_para() removes the inline tags the paragraph may already carry
 * (so that tagged text is tagged again, never twice), finds the names with
 * the statistical tagger of ner.h and the dates, times, amounts of money
 * and percentages with the patterns of numex.h, and keeps the entities of
 * the types asked for, in text order and never overlapping.  The writers
 * put the last paragraph tagged out in each format of lede-tag(1).
 */
#ifndef LEDE_TAG_H
#define LEDE_TAG_H

#include <stddef.h>

#include "format.h"
#include "out.h"

struct lede_tagger;

/*
 * A tagger that keeps the types in the mask types (bit 1 << type).
 * Returns NULL if the library has no model or the patterns do not compile.
 */
struct lede_tagger *lede_tag_new(unsigned types);
/* A new document starts. */
void	lede_tag_doc(struct lede_tagger *);
/*
 * Reads the n bytes at s (one paragraph) ahead of tagging, so that the
 * tagger knows the rest of the document (lede_ner_scan()): call it for
 * each paragraph of a document, or of its first part, before tagging them.
 * Returns 1 for a headline, best tagged after the other paragraphs.
 */
int	lede_tag_scan(struct lede_tagger *, const char *s, size_t n);
/*
 * Tags the n bytes at s (one paragraph).  *ents points to the entities
 * (offsets into the paragraph without its old tags, lede_tag_text()),
 * valid until the next call.  Returns their number.
 */
size_t	lede_tag_para(struct lede_tagger *, const char *s, size_t n,
	    const struct lede_ent **ents);
/* The last paragraph without its old tags, *n bytes. */
const char *lede_tag_text(const struct lede_tagger *, size_t *n);
/*
 * Makes the n bytes at text (a paragraph without its tags) and its nents
 * entities the last paragraph, for the writers: a paragraph tagged
 * earlier is written in its place.
 */
void	lede_tag_load(struct lede_tagger *, const char *text, size_t n,
	    const struct lede_ent *ents, size_t nents);
/* Writes the last paragraph with its entities inline. */
void	lede_tag_put_inline(const struct lede_tagger *, struct lede_out *);
/*
 * Writes the entities of the last paragraph as records of doc, their
 * offsets counted from base (where the paragraph starts in the document
 * without its tags).
 */
void	lede_tag_put_records(const struct lede_tagger *, struct lede_rec *,
	    const char *doc, size_t base);
/* Writes the last paragraph as CoNLL lines: token, B-/I- label or O. */
void	lede_tag_put_conll(const struct lede_tagger *, struct lede_out *);
void	lede_tag_free(struct lede_tagger *);

#endif
