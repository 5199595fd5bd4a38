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

/*
 * The site a document comes from, for what filters remember across the
 * documents of a batch: the host of its URL when the input gave one, or of
 * its name when the name is a URL ("https://host/...", or "host/..." where
 * the host has a dot), "www." left out; else the folder of its name ("" for a
 * name without one, as for standard input).  Sets *len to the key's length;
 * the bytes are those of doc's url or name, not terminated.
 */
const char *lede_doc_site(const struct lede_doc *doc, size_t *len);

#endif
