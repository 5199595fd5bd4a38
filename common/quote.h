/*
 * Quotations and their speakers.
 *
 * A struct lede_quoter is fed the paragraphs of one document in order and
 * gives back one record per quotation: the quoted words (direct quotes in
 * straight or curly double marks or '' pairs, quotes that run over several
 * paragraphs, partial quotes inside reported speech) and the clauses of
 * reported speech ("Murphy told reporters that ..."), each with its speaker
 * as written, the speaker's resolved name and the reporting verb.  Speakers
 * are found next to reporting verbs before or after the quote; pronouns are
 * resolved to the most recent compatible speaker, surnames to the full
 * name used earlier, and a quote paragraph without a cue of its own goes
 * to the speaker of the quote before it.  Inline <PER>...</PER> tags of
 * lede-tag output are taken as hints and left out of the text: offsets
 * refer to the document without its tags.
 *
 * Memory is bounded by the largest paragraph: a quotation that runs over
 * paragraphs is held at most LEDE_QUOTE_MAXPARAS paragraphs and cap bytes,
 * and the record of a paragraph that is a quotation alone waits for the
 * next paragraph, which may be its credit line ("- Jane Roe.").
 */
#ifndef LEDE_QUOTE_H
#define LEDE_QUOTE_H

#include <stddef.h>

#define LEDE_QUOTE_MAXPARAS	8	/* paragraphs one quotation may span */

enum lede_quote_kind {
	LEDE_QUOTE_DIRECT,	/* every word of the clause is quoted */
	LEDE_QUOTE_MIXED,	/* a quoted part inside reported speech */
	LEDE_QUOTE_INDIRECT	/* reported speech, no marks */
};

/* One record; the strings are valid until the next call on the quoter. */
struct lede_quote {
	size_t			 start, end;	/* bytes in the document */
	enum lede_quote_kind	 kind;
	const char		*quote;
	size_t			 quotelen;
	const char		*speaker;	/* as written, "" if none */
	size_t			 speakerlen;
	const char		*name;		/* resolved, "" if none */
	size_t			 namelen;
	const char		*cue;		/* the reporting verb or "" */
	size_t			 cuelen;
};

/* A quoter and its document memory: opaque (quote_priv.h). */
struct lede_quoter;

/*
 * A new quoter; cap bounds a quotation over paragraphs (0: 1 MiB).  Free
 * with lede_quote_free().
 */
struct lede_quoter *lede_quote_new(size_t cap);
void	lede_quote_free(struct lede_quoter *);
/* Starts a new document: forgets names, speakers and offsets. */
void	lede_quote_doc(struct lede_quoter *);
/*
 * Reads one paragraph (its exact text, newlines included, inline tags
 * allowed) and queues the records it completes: those of the paragraph
 * before it too, those of its own maybe only with the next paragraph or
 * lede_quote_end().
 */
void	lede_quote_para(struct lede_quoter *, const char *s, size_t n);
/* Notes blank lines (their exact bytes) between paragraphs. */
void	lede_quote_blank(struct lede_quoter *, const char *s, size_t n);
/* Ends the document: queues a quotation still open. */
void	lede_quote_end(struct lede_quoter *);
/* The next queued record in *q: returns 1, or 0 when there is none. */
int	lede_quote_next(struct lede_quoter *, struct lede_quote *);
/* The name of a kind: "direct", "mixed" or "indirect". */
const char *lede_quote_kindname(enum lede_quote_kind);

#endif
