/*
 * HTML input: the blocks of text of a web page, with their structure.
 *
 * A page is fed as it is read (lede_html_feed(), any chunk size) into
 * libxml2's HTML push parser; html.c is the only file of lede that sees
 * libxml2.  The bytes are first decoded to UTF-8: a byte-order mark, else
 * the charset the transport declared (a web archive's Content-Type), else a
 * <meta charset> or http-equiv declaration in the first bytes, else UTF-8
 * with the repair of text mode (a byte that is not UTF-8 is read as
 * Windows-1252).  The parser never touches the network and never prints.
 *
 * The raw text of scripts and style sheets (most of a modern page's bytes)
 * is dropped before the parser sees it, but for JSON-LD.  What else is not
 * text is dropped as it is parsed: script, style, noscript,
 * template, svg, math, forms' controls, frames, the head (but its title
 * and metadata), and every element that is hidden (the hidden attribute,
 * aria-hidden="true", an inline display:none or visibility:hidden).  The
 * rest becomes blocks: the text of one paragraph, heading, list item, table
 * row (cells tab-separated), caption or other block-level element, with
 * white space collapsed and entities decoded, and for each its DOM path,
 * the kind of element, the bytes inside links, and flags from class and id
 * tokens and from the page's structure (see enum lede_html_flag).
 *
 * lede_html_end() then chooses the page's main container, if it has one
 * (<article>, <main>, itemprop="articleBody" or a class such as
 * "article-body", the most specific that holds most of the page's prose),
 * and reads the JSON-LD articleBody, if any, as a guide: blocks whose word
 * triples are in it are marked, the rest of a page with a guide too.  Both
 * are only evidence for the classifier, never required.  A list of three
 * items or more, each with a link, is marked as boilerplate too (related
 * stories, menus).
 *
 * Memory: the page's text and blocks; a page past the cap (maxpage bytes
 * of input) is cut there and lede_html_end() says so.
 */
#ifndef LEDE_HTML_H
#define LEDE_HTML_H

#include <stddef.h>
#include <stdint.h>

#define LEDE_HTML_MAXPAGE	(64 * 1024 * 1024)	/* default cap */
#define LEDE_HTML_MAXTEXT	8192	/* bytes of a title or metadata value */
#define LEDE_HTML_MAXBLOCK	65536	/* a block longer is cut in two */
#define LEDE_HTML_MAXTAG	8192	/* a tag longer is cut (its attributes) */
#define LEDE_HTML_MAXDEPTH	512	/* elements nested deeper: the rest goes */

/* What lede_html_end() reports, as bits. */
enum lede_html_status {
	LEDE_HTML_CUT		= 1 << 0,	/* past maxpage: the rest ignored */
	LEDE_HTML_BADCHARSET	= 1 << 1,	/* charset unknown: read as UTF-8 */
	LEDE_HTML_REPAIRED	= 1 << 2,	/* bytes not in the charset */
	LEDE_HTML_DEEP		= 1 << 3	/* nested too deep: the rest ignored */
};

/* Flags of a block (struct lede_html_block.flags). */
enum lede_html_flag {
	LEDE_HTML_BOILER	= 1 << 0,	/* class/id: nav, share, related... */
	LEDE_HTML_NAV		= 1 << 1,	/* in nav, header, footer, aside, form */
	LEDE_HTML_MAIN		= 1 << 2,	/* in the main container */
	LEDE_HTML_OUTMAIN	= 1 << 3,	/* outside it (the page has one) */
	LEDE_HTML_GUIDE		= 1 << 4,	/* in the JSON-LD articleBody */
	LEDE_HTML_NOGUIDE	= 1 << 5,	/* not in it (the page has one) */
	LEDE_HTML_TABLE		= 1 << 6,	/* a table row */
	LEDE_HTML_BQUOTE	= 1 << 7,	/* in a block quote */
	LEDE_HTML_HEADER	= 1 << 8,	/* in a <header>: not the body */
	LEDE_HTML_TITLE		= 1 << 9	/* the page's title (headline) */
};

/* The kind of element of a block (as enum lede_strip_tag). */
enum lede_html_kind {
	LEDE_HTML_K_NONE,	/* other text */
	LEDE_HTML_K_P,		/* a paragraph */
	LEDE_HTML_K_H,		/* a heading */
	LEDE_HTML_K_LI,		/* a list item */
	LEDE_HTML_K_CAPTION,	/* a figure or table caption */
	LEDE_HTML_K_NAV		/* navigation, footer, form */
};

struct lede_html_block {
	struct lede_span_ro {
		size_t	off, len;
	}		text;		/* UTF-8, in lede_html_text() */
	struct lede_span_ro path;	/* the DOM path, in lede_html_text() */
	size_t		linkbytes;	/* bytes in links, spaces not counted */
	uint32_t	flags;		/* enum lede_html_flag */
	uint8_t		kind;		/* enum lede_html_kind */
	uint8_t		level;		/* heading level 1-6, else 0 */
	int32_t		cand;		/* innermost container candidate, or -1 */
};

/* What the page says of itself; NULL when it does not say. */
struct lede_html_meta {
	const char	*title;		/* og:title, JSON-LD headline, <title> */
	const char	*url;		/* <link rel=canonical>, og:url */
	const char	*author;	/* JSON-LD author, <meta name=author> */
	const char	*date;		/* ISO 8601: JSON-LD datePublished, ... */
	const char	*lang;		/* <html lang>, content-language */
	const char	*charset;	/* the charset it was read in */
};

struct lede_html;

/* A new reader; maxpage caps a page's input (0: LEDE_HTML_MAXPAGE). */
struct lede_html *lede_html_new(size_t maxpage);
void	lede_html_free(struct lede_html *);
/* Starts a page; charset: what the transport declared, or NULL. */
void	lede_html_begin(struct lede_html *, const char *charset);
/* Feeds n bytes of the page. */
void	lede_html_feed(struct lede_html *, const char *p, size_t n);
/* Ends the page; returns enum lede_html_status bits. */
int	lede_html_end(struct lede_html *);
/* The blocks of the page, valid until the next lede_html_begin(). */
size_t	lede_html_nblocks(const struct lede_html *);
const struct lede_html_block *lede_html_block(const struct lede_html *,
	    size_t i);
const char *lede_html_text(const struct lede_html *);
const struct lede_html_meta *lede_html_meta(const struct lede_html *);
/* The input bytes of the page read so far. */
size_t	lede_html_bytes(const struct lede_html *);
/* The extra features of a block for the classifier (strip.h). */
struct lede_strip_extra;
void	lede_html_extra(const struct lede_html_block *,
	    struct lede_strip_extra *);

#endif
