/*
 * A document: what every paragraph, line and record belongs to.
 *
 * The input layer decides each document where it reads it (a FILE operand,
 * standard input, a "==> NAME <==" header line of the input) and hands out
 * a pointer to it with every event of the document.  Nothing downstream
 * asks the reader for "the current name": a record is written with the
 * document of the event that produced it, so records can never take the
 * name of the next document, however far a filter reads ahead.
 */
#ifndef LEDE_DOC_H
#define LEDE_DOC_H

/* What the content of a document is. */
enum lede_doc_type {
	LEDE_DOC_TEXT,		/* text: repaired UTF-8 lines */
	LEDE_DOC_HTML		/* HTML: raw bytes */
};

struct lede_doc {
	/*
	 * The name records and headers give it: the FILE operand as given,
	 * "-" for standard input, or the NAME of the header line that
	 * started it.
	 */
	const char		*name;
	/* The page's URL when the input says it, else NULL. */
	const char		*url;
	/* The operand it was read from ("-" for standard input). */
	const char		*file;
	/* The character set the transport declared, else NULL. */
	const char		*charset;
	enum lede_doc_type	 type;
	/* It was started by a header line of the input. */
	int			 header;
	/* At its end: the last line of its input was blank. */
	int			 blankend;
	/* 1 for the first document read, 2 for the next, ... */
	unsigned long		 seq;
};

#endif
