/*
 * The sentence splitter.
 *
 * lede_sent_next() walks the tokens of a paragraph and returns one sentence
 * at a time, as a span from its first token to its last (closing quotes and
 * brackets after the final punctuation included).  A sentence ends at ., ?, !
 * or an ellipsis when what follows can start a sentence: never before a
 * lower-case word; after a title ("Mr.", "Gen.") never; after another
 * abbreviation, an initial or a dotted form ("Inc.", "E.", "U.S.") only
 * before a word that usually starts sentences ("The", "He", "But").  Items
 * of a numbered list run into one line ("1. ... 2. ...") are split too.
 */
#ifndef LEDE_SENT_H
#define LEDE_SENT_H

#include "buf.h"
#include "tok.h"

#define LEDE_SENT_LOOK	16

struct lede_sentencer {
	struct lede_tokenizer	tz;
	struct lede_tok		la[LEDE_SENT_LOOK];	/* lookahead ring */
	size_t			head;
	size_t			count;
	int			done;
	struct lede_tok		prev;	/* the token before peek(0) */
	int			has_prev;
	size_t			next;	/* where the next sentence starts */
	long			item;	/* last list item number seen */
};

/* Starts splitting the n bytes at s (valid UTF-8, one paragraph). */
void	lede_sent_init(struct lede_sentencer *, const char *s, size_t n);
/* The next sentence in *span: returns 1, or 0 when there is none left. */
int	lede_sent_next(struct lede_sentencer *, struct lede_span *span);

#endif
