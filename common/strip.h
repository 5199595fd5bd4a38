/*
 * Boilerplate removal: which blocks of a web page's text are the article.
 *
 * A document is fed line by line into a window (lede_strip_add()).  Lines
 * are grouped into blocks: a line of its own, or the lines of a paragraph
 * hard-wrapped at a fixed width.  Each block gets features of its text
 * (length, words, stop words of the document's language, capitals, digits,
 * sentence punctuation, list and menu marks, boilerplate phrases, dates,
 * repetition in the document and in earlier documents) and, from a front
 * end that reads markup, optional extra features (link density, the kind of
 * element).  lede_strip_decide() scores the blocks, chooses the best-scoring
 * contiguous region as the article, cleans inside it, and keeps a headline
 * and sub-headings next to it.  The caller then reads the decision of every
 * block and line and writes what it wants.
 *
 * Memory: the window holds at most maxdoc bytes and LEDE_STRIP_MAXLINES
 * lines; lede_strip_add() reports when it is full, and the caller decides
 * the window, writes it and goes on with the same document in a new window.
 * The cross-document memory of recent lines (template text such as menus
 * and footers that recur on every page of a site) is a table of a fixed
 * number of entries (16 bytes each) that forgets the least recently seen.
 * A line counts as template text only on strong evidence: earlier pages
 * of the same site (lede_strip_site()) had it, and had other lines of the
 * page too (TEMPLATE_MINBLOCKS, TEMPLATE_SHARE), so that unrelated pages
 * that share a line keep it; and prose never does (a copy of an article
 * keeps its body).
 */
#ifndef LEDE_STRIP_H
#define LEDE_STRIP_H

#include <stddef.h>
#include <stdint.h>

#define LEDE_STRIP_MAXDOC	(4 * 1024 * 1024)	/* default window */
#define LEDE_STRIP_MAXLINES	65536
#define LEDE_STRIP_MEMORY	16384	/* default entries of memory */
#define LEDE_STRIP_NLANG	15	/* stop-word languages */

/* Reasons behind a decision, as bits of struct lede_strip_block.why. */
enum lede_strip_why {
	LEDE_STRIP_PROSE	= 1 << 0,	/* sentences with stop words */
	LEDE_STRIP_TEXT		= 1 << 1,	/* long text, no sentence end */
	LEDE_STRIP_SHORT	= 1 << 2,	/* a few words */
	LEDE_STRIP_NOWORDS	= 1 << 3,	/* symbols only */
	LEDE_STRIP_PHRASE	= 1 << 4,	/* a boilerplate phrase */
	LEDE_STRIP_BYLINE	= 1 << 5,	/* "By ..." */
	LEDE_STRIP_DATE		= 1 << 6,	/* a date or time stamp */
	LEDE_STRIP_LIST		= 1 << 7,	/* list item or menu pattern */
	LEDE_STRIP_MEDIA	= 1 << 8,	/* image text or file name */
	LEDE_STRIP_REPEAT	= 1 << 9,	/* repeated in the document */
	LEDE_STRIP_TEMPLATE	= 1 << 10,	/* seen in earlier documents */
	LEDE_STRIP_LINKS	= 1 << 11,	/* mostly links (markup) */
	LEDE_STRIP_CAPS		= 1 << 12,	/* mostly capitalised words */
	LEDE_STRIP_DIGITS	= 1 << 13,	/* mostly numbers */
	LEDE_STRIP_OUTSIDE	= 1 << 14,	/* outside the main region */
	LEDE_STRIP_TITLE	= 1 << 15,	/* kept as the headline */
	LEDE_STRIP_HEADING	= 1 << 16,	/* kept as a sub-heading */
	LEDE_STRIP_CONTEXT	= 1 << 17,	/* kept between kept blocks */
	LEDE_STRIP_END		= 1 << 18,	/* ends the article */
	LEDE_STRIP_CLASS	= 1 << 19,	/* class or id says boilerplate */
	LEDE_STRIP_MAIN		= 1 << 20,	/* in the page's main container */
	LEDE_STRIP_GUIDE	= 1 << 21,	/* in the page's own article text */
	LEDE_STRIP_NWHY		= 22
};

/* What a markup front end knows of a line's element (extra features). */
enum lede_strip_tag {
	LEDE_STRIP_TAG_NONE,	/* unknown: plain text */
	LEDE_STRIP_TAG_P,	/* a paragraph */
	LEDE_STRIP_TAG_H,	/* a heading */
	LEDE_STRIP_TAG_LI,	/* a list item */
	LEDE_STRIP_TAG_CAPTION,	/* a figure caption */
	LEDE_STRIP_TAG_NAV	/* navigation, header, footer, aside, form */
};

/* What a markup front end knows of a line's place in the page. */
enum lede_strip_xflag {
	LEDE_STRIP_X_BOILER	= 1 << 0,	/* class/id: share, related... */
	LEDE_STRIP_X_MAIN	= 1 << 1,	/* in the main container */
	LEDE_STRIP_X_OUTMAIN	= 1 << 2,	/* outside it (there is one) */
	LEDE_STRIP_X_GUIDE	= 1 << 3,	/* in the page's articleBody */
	LEDE_STRIP_X_NOGUIDE	= 1 << 4,	/* not in it (there is one) */
	LEDE_STRIP_X_TITLE	= 1 << 5	/* the page's title says: headline */
};

/* Extra features of a line from a markup front end. */
struct lede_strip_extra {
	enum lede_strip_tag	tag;
	size_t			linkbytes;	/* bytes of text inside links */
	uint32_t		flags;		/* enum lede_strip_xflag */
};

/* The features of a block, computed from its text. */
struct lede_strip_feat {
	uint32_t	bytes;
	uint32_t	words;		/* runs of letters and digits */
	uint32_t	alpha;		/* words with a letter */
	uint32_t	lower;		/* words starting with a small letter */
	uint32_t	upper;		/* words in capitals (two letters+) */
	uint32_t	digit;		/* words of digits */
	uint32_t	uncased;	/* letters without case (CJK, Hangul) */
	uint32_t	letters;
	uint32_t	sentends;	/* . ! ? followed by a space */
	uint32_t	linkbytes;	/* from the extra features */
	uint16_t	stop[LEDE_STRIP_NLANG];	/* stop words per language */
	uint8_t		endpunct;	/* ends with . ! ? (and a quote) */
	uint8_t		bullet;		/* starts with a list mark (1), a number (2) */
	uint8_t		indent;		/* leading spaces, up to 255 */
	uint8_t		media;		/* [image text] or a file name */
	uint8_t		seps;		/* menu separators: | · */
	uint8_t		tag;		/* enum lede_strip_tag */
	uint8_t		xflags;		/* enum lede_strip_xflag */
	uint64_t	hash;		/* of the normalised text */
	uint32_t	first;		/* the first word's hash, high half */
};

struct lede_strip_block {
	uint32_t		first;	/* its lines: first .. first+nlines-1 */
	uint32_t		nlines;
	struct lede_strip_feat	f;
	uint32_t		repeat;	/* other copies in the window */
	uint32_t		xdoc;	/* earlier documents that had it */
	float			score;	/* > 0: content; < 0: boilerplate */
	uint32_t		why;	/* enum lede_strip_why bits */
	int			keep;
};

struct lede_strip_line {
	size_t		off;	/* in the window's text */
	size_t		len;
	uint32_t	block;
	uint32_t	width;	/* columns of its text, in a group of lines */
	uint8_t		nl;	/* a newline ended it */
	uint8_t		cut;	/* continued on the next line (too long) */
	uint8_t		blank;	/* blank lines before it */
	uint8_t		tag;	/* extra: enum lede_strip_tag */
	uint8_t		xflags;	/* extra: enum lede_strip_xflag */
	size_t		linkbytes;	/* extra: bytes inside links */
};

struct lede_strip_opts {
	size_t	maxdoc;		/* window bytes (0: LEDE_STRIP_MAXDOC) */
	size_t	memory;		/* memory entries (0: none) */
	int	notitle;	/* drop the headline too */
	int	captions;	/* keep the figure captions markup names, once */
};

/* The window, its blocks and the memory: opaque (see strip_priv.h). */
struct lede_strip;

/* A new classifier; opts may be NULL for the defaults.  Never NULL. */
struct lede_strip *lede_strip_new(const struct lede_strip_opts *opts);
void	lede_strip_free(struct lede_strip *st);
/* Starts a new document: empties the window (the memory stays). */
void	lede_strip_begin(struct lede_strip *st);
/*
 * Names the site of the document begun (n bytes at s, compared without
 * regard to ASCII case; lede_doc_site() gives one): only documents of the
 * same site count as evidence of template text.  Without a call the
 * document belongs to the site "".
 */
void	lede_strip_site(struct lede_strip *st, const char *s, size_t n);
/* Notes a blank line in the document. */
void	lede_strip_blank(struct lede_strip *st);
/*
 * Adds a line (without its newline; nl: a newline ended it; cut: the line
 * goes on in the next one, as the stream reader cuts overlong lines); x may
 * be NULL.  Returns 1 when the window is full: the caller must decide and
 * write it, then call lede_strip_next() before adding more.
 */
int	lede_strip_add(struct lede_strip *st, const char *s, size_t len,
	    int nl, int cut, const struct lede_strip_extra *x);
/* Classifies the blocks of the window: sets score, why and keep. */
void	lede_strip_decide(struct lede_strip *st);
/* Empties the window to go on with the same document. */
void	lede_strip_next(struct lede_strip *st);
/* The document's language as an ISO 639-1 code, or "" if unknown. */
const char *lede_strip_lang(const struct lede_strip *st);
/* The blocks and lines of the window, valid until the next _add(). */
size_t	lede_strip_nblocks(const struct lede_strip *st);
const struct lede_strip_block *lede_strip_getblock(const struct lede_strip *st,
	    size_t i);
size_t	lede_strip_nlines(const struct lede_strip *st);
const struct lede_strip_line *lede_strip_getline(const struct lede_strip *st,
	    size_t i);
/* The text of a line of the window (l->len bytes, not terminated). */
const char *lede_strip_linetext(const struct lede_strip *st,
	    const struct lede_strip_line *l);
/* Entries of the cross-document memory (a power of two, or 0). */
size_t	lede_strip_memsize(const struct lede_strip *st);
/* The name of reason bit i (0 <= i < LEDE_STRIP_NWHY), e.g. "phrase". */
const char *lede_strip_whyname(int i);

#endif
