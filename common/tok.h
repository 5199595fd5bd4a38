/*
 * A tokenizer for English news text.
 *
 * Tokens are spans into the caller's text; nothing is allocated.  Words keep
 * inner hyphens and apostrophes ("well-known", "O'Brien") but clitics are
 * split off as in the Penn Treebank and CoNLL data ("do" "n't", "Germany"
 * "'s").  Numbers keep their separators ("1,000.50", "10:30", "1996-08-22"),
 * a period stays with abbreviations and initials ("U.S.", "Mr.", "E."),
 * URLs, e-mail addresses, hashtags and @-mentions are one token each, and so
 * are ellipses and dashes.  Inline tags <PER>...</PER> of the lede stream
 * format come back as MARKUP tokens.
 */
#ifndef LEDE_TOK_H
#define LEDE_TOK_H

#include <stddef.h>

enum lede_tok_kind {
	LEDE_TOK_WORD,
	LEDE_TOK_NUM,		/* starts with a digit */
	LEDE_TOK_PUNCT,		/* one character: . , ; : ! ? ( ) [ ] ... */
	LEDE_TOK_QUOTE,		/* " “ ” ‘ ’ ' « » „ `` '' */
	LEDE_TOK_DASH,		/* — – -- and a spaced - */
	LEDE_TOK_ELLIPSIS,	/* ... … . . . */
	LEDE_TOK_URL,
	LEDE_TOK_EMAIL,
	LEDE_TOK_HASHTAG,
	LEDE_TOK_MENTION,
	LEDE_TOK_SYM,		/* $ € £ ¥ % & and other symbols */
	LEDE_TOK_MARKUP		/* <TYPE> or </TYPE> */
};

#define LEDE_TF_SPACE	0x01	/* white space before it */
#define LEDE_TF_NL	0x02	/* a line break before it */
#define LEDE_TF_CAP	0x04	/* first letter upper case */
#define LEDE_TF_UPPER	0x08	/* has letters, all upper case */
#define LEDE_TF_ABBR	0x10	/* ends with a period that belongs to it */
#define LEDE_TF_DIGIT	0x20	/* contains a digit */
#define LEDE_TF_OPEN	0x40	/* QUOTE: looks like an opening mark */
#define LEDE_TF_CLOSE	0x80	/* QUOTE: looks like a closing mark */
#define LEDE_TF_BLANK	0x100	/* a blank line before it */

struct lede_tok {
	size_t			off;
	size_t			len;
	enum lede_tok_kind	kind;
	unsigned		flags;
};

struct lede_tokenizer {
	const char	*s;
	size_t		 len;
	size_t		 pos;
};

/* Starts tokenizing the n bytes at s (valid UTF-8). */
void	lede_tok_init(struct lede_tokenizer *, const char *s, size_t n);
/* The next token in *t: returns 1, or 0 at the end. */
int	lede_tok_next(struct lede_tokenizer *, struct lede_tok *t);
/* Name of a token kind, for tests and debugging. */
const char *lede_tok_kindname(enum lede_tok_kind);

#endif
