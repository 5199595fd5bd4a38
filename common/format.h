/*
 * The stream format of lede(7), in one place.
 *
 * Every filter reads and writes the same format: documents started by
 * "==> NAME <==" header lines, inline entity tags <TYPE>...</TYPE> of a
 * fixed set of types, and records (TSV or JSON Lines) that name their
 * document first.  This module holds each of those ideas once: the table
 * of entity types, the one scanner and stripper of inline tags, the header
 * line, the writer of text with inline tags, and the record writer with
 * its TSV and JSON escapes.
 */
#ifndef LEDE_FORMAT_H
#define LEDE_FORMAT_H

#include <stddef.h>

#include "buf.h"
#include "doc.h"
#include "out.h"

/* Entity types, in the order of the stream format. */
enum lede_ent_type {
	LEDE_ENT_NONE,
	LEDE_ENT_PER,
	LEDE_ENT_ORG,
	LEDE_ENT_LOC,
	LEDE_ENT_MISC,
	LEDE_ENT_DATE,
	LEDE_ENT_TIME,
	LEDE_ENT_MONEY,
	LEDE_ENT_PERCENT
};
#define LEDE_ENT_NTYPES	9	/* LEDE_ENT_NONE included */

/* An entity: a span of a text and its type. */
struct lede_ent {
	size_t	off;
	size_t	len;
	int	type;
};

/* The name of a type ("PER"; "" for none or out of range). */
const char *lede_ent_name(int type);
/* The type named by the n bytes at s, or LEDE_ENT_NONE. */
int	lede_ent_type(const char *s, size_t n);

/*
 * Is an inline tag, <TYPE> or </TYPE>, at the start of the n bytes at s?
 * Returns its length and sets *type and *close (1 for </TYPE>), or returns
 * 0 when there is none.
 */
size_t	lede_fmt_tag(const char *s, size_t n, int *type, int *close);
/*
 * Appends the n bytes at s to text without their inline tags.  When ents
 * is not NULL, each entity that a matching pair of tags encloses is
 * appended to it as a struct lede_ent (offsets into text, counted from
 * the text's length on entry).  Returns the number of tags removed.
 */
size_t	lede_fmt_untag(const char *s, size_t n, struct lede_buf *text,
	    struct lede_buf *ents);
/*
 * Where a text of at bytes may be cut without cutting an inline entity
 * in two: at, or the start of the opening tag of an entity still open at
 * at (looked for in the last LEDE_FMT_TAGWINDOW bytes only).
 */
#define LEDE_FMT_TAGWINDOW	256
size_t	lede_fmt_cut(const char *s, size_t at);

/*
 * Is the line of n bytes at s (no newline) a header "==> NAME <=="?
 * Returns 1 and sets *name (offset and length of NAME in s), else 0.
 */
int	lede_fmt_header_line(const char *s, size_t n, struct lede_span *name);
/* Writes the header line of the document name. */
void	lede_fmt_header(struct lede_out *, const char *name);

/*
 * Text output and its header lines (lede(7), NAMES).  A document that a
 * header line of the input started is written after its header line;
 * with names (several FILE operands, or -H) every document is, and so is
 * every document of a web archive (one with a URL).  A header
 * line the filter makes comes after a blank line unless it is the first
 * thing written or a blank line is there already, as tail(1) writes them.
 * A document whose header was written and whose input ended with a blank
 * line (as tail(1) and lede write one before the next header) ends with
 * one too, so a stream cut before any header line (parallel --pipe) gives
 * the same bytes, piece by piece, as the whole.  With names -1 (one
 * output file per document) no header line is written.  A verbatim filter (one
 * that writes every blank line of its input itself) gets neither blank
 * line from the writer but the separator before a header it makes.
 */
struct lede_text {
	struct lede_out	*out;
	int		 names;		/* 1: a header before every document,
					   -1: none at all (-o DIR) */
	int		 verbatim;	/* blank lines are the filter's */
	int		 header;	/* this document's header was written */
	unsigned	 paras;		/* paragraphs of this document so far */
};

void	lede_text_init(struct lede_text *, struct lede_out *, int names,
	    int verbatim);
/* A document begins: its header line, if it gets one. */
void	lede_text_begin(struct lede_text *, const struct lede_doc *);
/* A paragraph follows: the blank line after the one before it, if any. */
void	lede_text_para(struct lede_text *);
/* The document ends. */
void	lede_text_end(struct lede_text *, const struct lede_doc *);

/* Writes the n bytes at s with the ne entities at e tagged inline. */
void	lede_fmt_inline(struct lede_out *, const char *s, size_t n,
	    const struct lede_ent *e, size_t ne);

/*
 * Records: one line each, the document first, then the fields in order.
 * TSV fields are escaped as PostgreSQL's text format does (\t \n \r \\);
 * JSON records are objects with the field names as keys.
 */
enum lede_rec_format {
	LEDE_REC_TSV,
	LEDE_REC_JSON
};

struct lede_rec {
	struct lede_out		*out;
	enum lede_rec_format	 format;
};

/*
 * A TSV field: tab, newline, carriage return and backslash become \t, \n,
 * \r and \\ (the escapes of PostgreSQL's and MySQL's text formats).
 */
void	lede_fmt_tsv(struct lede_out *, const char *, size_t);
/* A JSON string, quotes included (RFC 8259 escapes, UTF-8 kept). */
void	lede_fmt_json(struct lede_out *, const char *, size_t);

/* Starts a record of the document named doc. */
void	lede_rec_begin(struct lede_rec *, const char *doc);
/* A number field. */
void	lede_rec_uint(struct lede_rec *, const char *key,
	    unsigned long long v);
/* A string field of n bytes. */
void	lede_rec_str(struct lede_rec *, const char *key, const char *s,
	    size_t n);
/* A field without a value: JSON null, TSV \\N (as PostgreSQL writes it). */
void	lede_rec_null(struct lede_rec *, const char *key);
/* Ends the record (its newline). */
void	lede_rec_end(struct lede_rec *);

#endif
