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
 * paragraphs is held at most LEDE_QUOTE_MAXPARAS paragraphs and cap bytes.
 */
#ifndef LEDE_QUOTE_H
#define LEDE_QUOTE_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

#define LEDE_QUOTE_MAXPARAS	8	/* paragraphs one quotation may span */
#define LEDE_QUOTE_NAMES	64	/* names remembered per document */
#define LEDE_QUOTE_NAMELEN	80	/* bytes kept of a name */

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

/* A name seen in the document (private to quote.c). */
struct lede_quote_name {
	char	s[LEDE_QUOTE_NAMELEN];
	char	gender;		/* 'm', 'f', 'o' organisation, 0 unknown */
	long	seen;		/* paragraph number of the last mention */
};

/* The lexicons of lede-quote by lower-case word (private to quote.c). */
#define LEDE_QUOTE_LEXN		7
#define LEDE_QUOTE_WORDLEN	24
union lede_quote_key {
	char		 w[LEDE_QUOTE_WORDLEN];	/* zero-padded */
	uint64_t	 k[LEDE_QUOTE_WORDLEN / 8];
};
struct lede_quote_slot {
	union lede_quote_key	 key;
	/* Its class bits and gender: [capitalised][the "IT" spelling]. */
	uint32_t	 f[2][2];
	char		 g[2][2];
	unsigned char	 len;
};

/* A record waiting in the queue: offsets into the arena. */
struct lede_quote_rec {
	size_t			start, end;
	enum lede_quote_kind	kind;
	size_t			q, ql, sp, spl, nm, nml, cu, cul;
};

struct lede_quoter {
	struct lede_buf		 text;	/* the paragraph without tags */
	struct lede_buf		 per;	/* tagged entities: struct lede_ent */
	struct lede_buf		 toks;	/* struct lede_tok */
	struct lede_buf		 info;	/* per-token class bits */
	struct lede_buf		 namet;	/* int: tokens that may start names */
	struct lede_buf		 cuet;	/* int: tokens of reporting verbs */
	struct lede_buf		 quotes;	/* quotes of the paragraph */
	struct lede_buf		 arena;	/* strings of the queued records */
	struct lede_buf		 recs;	/* struct lede_quote_rec */
	size_t			 nextrec;
	/* A quotation left open at the end of a paragraph. */
	struct lede_buf		 pend;
	int			 pending;
	size_t			 pstart;
	int			 pparas;
	char			 pspk[LEDE_QUOTE_NAMELEN];
	char			 pname[LEDE_QUOTE_NAMELEN];
	char			 pcue[32];
	/* Document state. */
	size_t			 base;	/* offset of the next paragraph */
	long			 npara;
	long			 clock;	/* orders the mentions of names */
	struct lede_quote_name	 names[LEDE_QUOTE_NAMES];
	int			 nnames;
	char			 lastspk[LEDE_QUOTE_NAMELEN];
	char			 lastname[LEDE_QUOTE_NAMELEN];
	long			 lastpara;	/* paragraph of the last quote */
	char			 colonspk[LEDE_QUOTE_NAMELEN];
	char			 colonname[LEDE_QUOTE_NAMELEN];
	long			 colonpara;	/* paragraph ending "...:" */
	size_t			 cap;
	struct lede_quote_slot	*lexword;	/* the distinct words */
	size_t			 nlexword;
	uint32_t		*lexhash;	/* hash tag and word + 1, or 0 */
	size_t			 lexmask;
};

/* Prepares a quoter; cap bounds a quotation over paragraphs (0: 1 MiB). */
void	lede_quote_init(struct lede_quoter *, size_t cap);
/* Starts a new document: forgets names, speakers and offsets. */
void	lede_quote_doc(struct lede_quoter *);
/*
 * Reads one paragraph (its exact text, newlines included, inline tags
 * allowed) and queues the records it completes.
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
void	lede_quote_free(struct lede_quoter *);

#endif
