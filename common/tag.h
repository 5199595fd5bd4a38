/*
 * Tagging a paragraph: the pieces of lede-tag put together.
 *
 * lede_tag_para() removes the inline tags the paragraph may already carry
 * (so that tagged text is tagged again, never twice), finds the names with
 * the statistical tagger of ner.h and the dates, times, amounts of money
 * and percentages with the patterns of numex.h, and keeps the entities of
 * the types asked for, in text order and never overlapping.
 */
#ifndef LEDE_TAG_H
#define LEDE_TAG_H

#include "buf.h"
#include "ner.h"
#include "numex.h"

struct lede_tagger {
	struct lede_ner_model	 model;
	struct lede_ner		 ner;
	struct lede_numex	 numex;
	struct lede_buf		 text;	/* the paragraph without its tags */
	struct lede_ent		*ents;
	size_t			 nents;
	size_t			 cap;
	unsigned		 types;	/* bit 1 << type for each type kept */
};

/*
 * Prepares a tagger that keeps the types in the mask types.  Returns 0, or
 * -1 if the library has no model or the patterns do not compile.
 */
int	lede_tag_init(struct lede_tagger *, unsigned types);
/* A new document starts. */
void	lede_tag_doc(struct lede_tagger *);
/*
 * Tags the n bytes at s (one paragraph).  The text without its old tags
 * is in tg->text; *ents points to the entities (offsets into tg->text),
 * valid until the next call.  Returns their number.
 */
size_t	lede_tag_para(struct lede_tagger *, const char *s, size_t n,
	    const struct lede_ent **ents);
void	lede_tag_free(struct lede_tagger *);

#endif
