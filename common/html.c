/*
 * HTML input (see html.h): the only file of lede that includes libxml2.
 *
 * The page goes: raw bytes -> (charset decided on the first PRESCAN bytes)
 * -> UTF-8 (iconv, or the UTF-8 repair) -> libxml2's HTML push parser in
 * FEED-byte chunks -> SAX events -> blocks.  No tree is built: the parser
 * calls back for each start tag, end tag and run of text, and this file
 * keeps a stack of the open elements with what they pass on to their text
 * (skipped, in a link, in a list, the class marks, the DOM path).
 */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "buf.h"
#include "html.h"
#include "strip.h"
#include "utf8.h"

#define PRESCAN		4096	/* bytes looked at for a <meta charset> */
#define FEED		(1024 * 1024)	/* bytes handed to the parser at a time */
#define MAXPATH		480	/* bytes of a DOM path */
#define MAXPATHCLASS	24	/* bytes of a class name in the path */
#define MAXATTR		512	/* bytes of a class or id looked at */
#define MAXMARKS	65536	/* marked elements of a page */
#define FNV_OFF_HTML	0xcbf29ce484222325ULL
#define MAXJSONLD	(4 * 1024 * 1024)	/* bytes of JSON-LD kept */
#define CCACHE		512	/* class values remembered, a power of two */
#define CCACHE_LEN	61	/* ... of at most this many bytes */

/*
 * Choosing the main container (set by hand on the boilerplate dev pages):
 * the candidates holding at least MAIN_NEAR of the best one's prose, the
 * most deeply nested of them; and it must hold MAIN_SHARE of the page's.
 */
#define MAIN_NEAR	0.75
#define MAIN_SHARE	0.4
/* A list of this many items or more, each with a link, and links this
 * share of its text, is a list of links (related stories). */
#define LINKLIST_ITEMS	3
#define LINKLIST_SHARE	0.25
/* A class-marked container with this share of the prose is a wrapper. */
#define BOILER_WRAP	0.5
/* The guide: word triples of a block in it to be GUIDE, or below to be
 * NOGUIDE; and the share of the guide the page's blocks must hold. */
#define GUIDE_IN	0.5
#define GUIDE_OUT	0.2
#define GUIDE_MINWORDS	20
#define GUIDE_FOUND	0.5

/* States an element passes on to what is inside it. */
enum {
	S_SKIP		= 1 << 0,	/* not text: script, hidden, ... */
	S_LINK		= 1 << 1,
	S_PRE		= 1 << 2,
	S_NAV		= 1 << 3,
	S_TABLE		= 1 << 4,	/* a table row's cells */
	S_BQUOTE	= 1 << 5,
	S_TITLE		= 1 << 6,	/* <title> */
	S_JSONLD	= 1 << 7,	/* <script type=application/ld+json> */
	S_ARTICLE	= 1 << 8,	/* inside <article> */
	S_HEADER	= 1 << 9	/* inside <header> */
};

/* Element classes. */
enum { C_INLINE, C_BLOCK, C_SKIP };

/* Elements with a meaning here. */
enum {
	T_OTHER, T_A, T_ARTICLE, T_ASIDE, T_BLOCKQUOTE, T_BR, T_CAPTION,
	T_FIGCAPTION, T_FOOTER, T_FORM, T_H, T_HEAD, T_HTML, T_LI, T_LINK,
	T_MAIN, T_META, T_NAV, T_P, T_PRE, T_SCRIPT, T_TABLE, T_TD, T_TIME,
	T_TITLE, T_TR, T_DT, T_FIGURE, T_HEADER, T_LIST, T_IMG
};

struct tagdef {
	const char	*name;
	uint8_t		 tag;
	uint8_t		 cls;
	uint8_t		 level;
};

/* Sorted by name, for bsearch(). */
static const struct tagdef tagdefs[] = {
	{ "a", T_A, C_INLINE, 0 },
	{ "address", T_OTHER, C_BLOCK, 0 },
	{ "applet", T_OTHER, C_SKIP, 0 },
	{ "article", T_ARTICLE, C_BLOCK, 0 },
	{ "aside", T_ASIDE, C_SKIP, 0 },
	{ "audio", T_OTHER, C_SKIP, 0 },
	{ "blockquote", T_BLOCKQUOTE, C_BLOCK, 0 },
	{ "body", T_OTHER, C_BLOCK, 0 },
	{ "br", T_BR, C_BLOCK, 0 },
	{ "button", T_OTHER, C_SKIP, 0 },
	{ "canvas", T_OTHER, C_SKIP, 0 },
	{ "caption", T_CAPTION, C_BLOCK, 0 },
	{ "center", T_OTHER, C_BLOCK, 0 },
	{ "datalist", T_OTHER, C_SKIP, 0 },
	{ "dd", T_OTHER, C_BLOCK, 0 },
	{ "details", T_OTHER, C_BLOCK, 0 },
	{ "dialog", T_OTHER, C_SKIP, 0 },
	{ "dir", T_OTHER, C_BLOCK, 0 },
	{ "div", T_OTHER, C_BLOCK, 0 },
	{ "dl", T_OTHER, C_BLOCK, 0 },
	{ "dt", T_DT, C_BLOCK, 0 },
	{ "embed", T_OTHER, C_SKIP, 0 },
	{ "fieldset", T_OTHER, C_BLOCK, 0 },
	{ "figcaption", T_FIGCAPTION, C_BLOCK, 0 },
	{ "figure", T_FIGURE, C_BLOCK, 0 },
	{ "footer", T_FOOTER, C_SKIP, 0 },
	{ "form", T_FORM, C_BLOCK, 0 },
	{ "frameset", T_OTHER, C_SKIP, 0 },
	{ "h1", T_H, C_BLOCK, 1 },
	{ "h2", T_H, C_BLOCK, 2 },
	{ "h3", T_H, C_BLOCK, 3 },
	{ "h4", T_H, C_BLOCK, 4 },
	{ "h5", T_H, C_BLOCK, 5 },
	{ "h6", T_H, C_BLOCK, 6 },
	{ "head", T_HEAD, C_SKIP, 0 },
	{ "header", T_HEADER, C_BLOCK, 0 },
	{ "hgroup", T_OTHER, C_BLOCK, 0 },
	{ "hr", T_OTHER, C_BLOCK, 0 },
	{ "html", T_HTML, C_BLOCK, 0 },
	{ "iframe", T_OTHER, C_SKIP, 0 },
	{ "img", T_IMG, C_INLINE, 0 },
	{ "input", T_OTHER, C_SKIP, 0 },
	{ "label", T_OTHER, C_SKIP, 0 },
	{ "legend", T_OTHER, C_BLOCK, 0 },
	{ "li", T_LI, C_BLOCK, 0 },
	{ "link", T_LINK, C_SKIP, 0 },
	{ "main", T_MAIN, C_BLOCK, 0 },
	{ "map", T_OTHER, C_SKIP, 0 },
	{ "math", T_OTHER, C_SKIP, 0 },
	{ "menu", T_OTHER, C_BLOCK, 0 },
	{ "meta", T_META, C_SKIP, 0 },
	{ "nav", T_NAV, C_SKIP, 0 },
	{ "noframes", T_OTHER, C_SKIP, 0 },
	{ "noscript", T_OTHER, C_SKIP, 0 },
	{ "object", T_OTHER, C_SKIP, 0 },
	{ "ol", T_LIST, C_BLOCK, 0 },
	{ "option", T_OTHER, C_SKIP, 0 },
	{ "p", T_P, C_BLOCK, 0 },
	{ "picture", T_OTHER, C_SKIP, 0 },
	{ "pre", T_PRE, C_BLOCK, 0 },
	{ "script", T_SCRIPT, C_SKIP, 0 },
	{ "section", T_OTHER, C_BLOCK, 0 },
	{ "select", T_OTHER, C_SKIP, 0 },
	{ "style", T_OTHER, C_SKIP, 0 },
	{ "summary", T_OTHER, C_BLOCK, 0 },
	{ "svg", T_OTHER, C_SKIP, 0 },
	{ "table", T_TABLE, C_BLOCK, 0 },
	{ "tbody", T_OTHER, C_BLOCK, 0 },
	{ "td", T_TD, C_INLINE, 0 },
	{ "template", T_OTHER, C_SKIP, 0 },
	{ "textarea", T_OTHER, C_SKIP, 0 },
	{ "tfoot", T_OTHER, C_BLOCK, 0 },
	{ "th", T_TD, C_INLINE, 0 },
	{ "thead", T_OTHER, C_BLOCK, 0 },
	{ "time", T_TIME, C_INLINE, 0 },
	{ "title", T_TITLE, C_SKIP, 0 },
	{ "tr", T_TR, C_BLOCK, 0 },
	{ "ul", T_LIST, C_BLOCK, 0 },
	{ "video", T_OTHER, C_SKIP, 0 },
};

/* Marked elements: container candidates and class-marked boilerplate. */
enum { M_BOILER, M_LIST, M_FORM, M_MAIN, M_ARTICLE, M_CLASS, M_ITEMPROP };
#define CAND(t)	((t) >= M_MAIN)	/* a candidate for the main container */

struct mark {
	int32_t		parent;		/* the enclosing mark, or -1 */
	uint8_t		type;
	uint8_t		depth;		/* candidates around it, capped */
	uint8_t		on;		/* effective (boilerplate) / chosen */
	uint8_t		chain;		/* on its chain: 1 boiler, 2 main,
					    4 a form */
	size_t		prose;		/* bytes of prose inside */
	/* A list: its items, those with a link, their bytes and link bytes. */
	size_t		items, linked, bytes, linkbytes;
};

struct hel {
	uint8_t		tag;
	uint8_t		kind;		/* innermost enum lede_html_kind */
	uint8_t		level;
	uint32_t	state;
	uint32_t	pathlen;
	int32_t		mark;		/* innermost mark, or -1 */
	uint32_t	cells;		/* cells begun in this row (tr) */
	size_t		linkat;		/* a link: where its text begins */
	uint32_t	block;		/* ... in the block of this number */
};

struct lede_html {
	size_t			 maxpage;
	size_t			 inbytes;
	int			 status;
	const char		*tcharset;	/* of the transport */
	struct lede_buf		 tcs;
	/* Decoding. */
	struct lede_buf		 pre;		/* bytes before the decision */
	int			 decided;
	iconv_t			 cd;		/* (iconv_t)-1: UTF-8 */
	char			 tail[16];	/* an unfinished character */
	size_t			 ntail;
	struct lede_buf		 utf;		/* UTF-8 for the parser */
	struct lede_buf		 feed;		/* ... its tags cut */
	struct tagcut {
		int	state;
		int	endtag;		/* a tag of </...> */
		int	quote;		/* the quote of an attribute value */
		int	lastsig;	/* the last byte but white space */
		int	inname;		/* reading the tag's name */
		int	dashes;		/* of a comment's end */
		size_t	len;		/* bytes of the tag so far */
		char	name[8];	/* its name's first letters */
		size_t	nname;
		const char *raw;	/* script or style: "</script" */
		size_t	rawpos;		/* bytes of raw matched */
		int	dropraw;	/* the raw text is not handed on */
		int	ldpos;		/* bytes of "ld+json" matched */
		int	ld;		/* ... in the tag (JSON-LD) */
	}			 tc;
	char			 csname[64];
	htmlParserCtxtPtr	 ctxt;
	/* The open elements. */
	struct hel		*stack;
	size_t			 depth, cap, over;
	struct lede_buf		 path;
	/* The block being read. */
	struct lede_buf		 cur;
	size_t			 curlink;
	uint32_t		 nflush;	/* blocks ended, for links */
	int			 img;		/* an image, no text since (2:
					    and an element begun since) */
	int			 curimg;	/* ... before the block's text */
	int			 space;
	/* What was read. */
	struct lede_buf		 text;
	struct lede_html_block	*block;
	size_t			 nblock, capblock;
	struct mark		*mark;
	size_t			 nmark, capmark;
	/* What class and id values say, remembered: pages repeat them. */
	struct ccache {
		uint8_t	len;		/* 0: empty */
		int8_t	mark;		/* classmark() */
		uint8_t	hidden;		/* hidden_class() */
		char	s[CCACHE_LEN];
	}			 cc[CCACHE], ccx;
	/* Metadata. */
	struct lede_buf		 title, ogtitle, url, ogurl, author, mauthor,
				 date, mdate, tdate, lang, jsonld, ldtitle;
	int			 ntitle;
	struct lede_html_meta	 meta;
};

static int
streqi(const char *s, const char *w)
{
	return s != NULL && strlen(s) == strlen(w) && lede_ascii_iprefix(s, strlen(s), w);
}

static int
tagcmp(const void *k, const void *e)
{
	return strcmp(k, ((const struct tagdef *)e)->name);
}

static const struct tagdef *
tagdef(const char *name)
{
	return bsearch(name, tagdefs, sizeof(tagdefs) / sizeof(tagdefs[0]),
	    sizeof(tagdefs[0]), tagcmp);
}

static const char *
attr(const xmlChar **atts, const char *name)
{
	size_t	i;

	if (atts == NULL)
		return NULL;
	for (i = 0; atts[i] != NULL; i += 2)
		if (strcmp((const char *)atts[i], name) == 0)
			return atts[i + 1] != NULL ?
			    (const char *)atts[i + 1] : "";
	return NULL;
}

/* Sets a metadata buffer once: white space collapsed, capped. */
static void
setmeta(struct lede_buf *b, const char *s, size_t n)
{
	int	sp = 0;
	size_t	i;

	if (b->len > 0 || s == NULL)
		return;
	for (i = 0; i < n && b->len < LEDE_HTML_MAXTEXT; i++) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
		    s[i] == '\r' || s[i] == '\f') {
			sp = b->len > 0;
			continue;
		}
		if (sp)
			lede_buf_addc(b, ' ');
		sp = 0;
		lede_buf_addc(b, s[i]);
	}
	/* Not cut inside a character. */
	while (b->len > 0 && i < n && ((unsigned char)s[i] & 0xC0) == 0x80 &&
	    ((unsigned char)b->p[b->len - 1] & 0x80)) {
		if (((unsigned char)b->p[--b->len] & 0xC0) != 0x80)
			break;
	}
}

static const char *
metastr(struct lede_buf *b)
{
	if (b->len == 0)
		return NULL;
	lede_buf_addc(b, '\0');
	b->len--;
	return b->p;
}

/* Class and id tokens. */

/* Words of a list, with their lengths. */
struct word {
	const char	*s;
	size_t		 n;
};
#define W(x)	{ x, sizeof(x) - 1 }

static const struct word boiler_tokens[] = {
	W("ad"), W("ads"), W("adslot"), W("advert"), W("advertisement"),
	W("author"), W("banner"), W("breadcrumb"), W("breadcrumbs"),
	W("byline"), W("caption"), W("comment"), W("comments"), W("consent"),
	W("cookie"), W("cookies"), W("credit"), W("credits"), W("disqus"),
	W("footer"), W("menu"), W("modal"), W("nav"), W("navbar"),
	W("navigation"), W("newsletter"), W("outbrain"), W("pagination"),
	W("popular"), W("popup"), W("promo"), W("recommended"), W("related"),
	W("share"), W("sharing"), W("sidebar"), W("signup"), W("social"),
	W("sponsor"), W("sponsored"), W("subscribe"), W("subscription"),
	W("taboola"), W("tags"), W("teaser"), W("toolbar"), W("trending"),
	W("abstract"), W("dek"), W("standfirst"), W("excerpt"),
	W("strapline"), W("attribution"), { NULL, 0 }
};

/* Parts of class names that are boilerplate wherever they are. */
static const struct word boiler_parts[] = {
	W("caption"), W("credit"), W("byline"), W("share"), W("social"),
	W("related"), W("newsletter"), W("promo"), W("cookie"),
	W("breadcrumb"), W("advert"), W("sponsor"), W("outbrain"),
	W("taboola"), W("disqus"), W("subscribe"), W("signup"), W("sidebar"),
	W("noscript"), W("paywall"), { NULL, 0 }
};

/* Word pairs of class names that are boilerplate. */
static const struct word boiler_pairs[] = {
	W("mostread"), W("mostpopular"), W("readmore"), W("morestories"),
	W("alsoread"), W("readnext"), W("topstories"), W("readtime"),
	W("readingtime"), { NULL, 0 }
};

/* Class names of the container of an article's text. */
static const struct word main_classes[] = {
	W("articlebody"), W("articlecontent"), W("articletext"),
	W("storybody"), W("storycontent"), W("storytext"), W("postcontent"),
	W("postbody"), W("entrycontent"), W("entrybody"), W("contentbody"),
	W("bodytext"), W("textbody"), W("articlecopy"), W("richtext"),
	W("bodycopy"), { NULL, 0 }
};

static int
intokens(const char *t, size_t n, const struct word *list)
{
	size_t	i;

	for (i = 0; list[i].s != NULL; i++)
		if (list[i].n == n && list[i].s[0] == t[0] &&
		    memcmp(t, list[i].s, n) == 0)
			return 1;
	return 0;
}

/* Does w occur in t? */
static int
inword(const char *t, size_t n, const struct word *w)
{
	const char	*p = t, *e = t + n;

	while ((size_t)(e - p) >= w->n &&
	    (p = memchr(p, w->s[0], (size_t)(e - p) - w->n + 1)) != NULL) {
		if (memcmp(p, w->s, w->n) == 0)
			return 1;
		p++;
	}
	return 0;
}

static int
inparts(const char *t, size_t n)
{
	size_t	i;

	for (i = 0; boiler_parts[i].s != NULL; i++)
		if (inword(t, n, &boiler_parts[i]))
			return 1;
	return 0;
}

/*
 * Looks at a class or id value: returns M_BOILER, M_CLASS (the container
 * of an article), or -1.
 */
static int
classmark(const char *v)
{
	char	low[MAXATTR], join[MAXATTR], prev[64];
	size_t	n, i, s, np = 0, nj = 0;
	int	boiler = 0, main = 0;

	for (n = 0; v[n] != '\0' && n < MAXATTR - 1; n++)
		low[n] = (char)(v[n] >= 'A' && v[n] <= 'Z' ? v[n] | 0x20 : v[n]);
	low[n] = '\0';
	/* A part, of letters and digits, is inside one token. */
	boiler = inparts(low, n);
	for (i = 0; i < n;) {
		while (i < n && !((low[i] >= 'a' && low[i] <= 'z') ||
		    (low[i] >= '0' && low[i] <= '9')))
			i++;
		if (low[i] == ' ' || i >= n)
			np = 0;
		s = i;
		while (i < n && ((low[i] >= 'a' && low[i] <= 'z') ||
		    (low[i] >= '0' && low[i] <= '9')))
			i++;
		if (i == s)
			break;
		if (!boiler && intokens(low + s, i - s, boiler_tokens))
			boiler = 1;
		if (np > 0 && np + i - s < sizeof(join)) {
			memcpy(join, prev, np);
			memcpy(join + np, low + s, i - s);
			nj = np + i - s;
			if (intokens(join, nj, boiler_pairs))
				boiler = 1;
			if (intokens(join, nj, main_classes))
				main = 1;
		}
		if (intokens(low + s, i - s, main_classes))
			main = 1;
		np = i - s < sizeof(prev) ? i - s : 0;
		memcpy(prev, low + s, np);
		/* Words of one class name only pair up. */
		if (i < n && low[i] == ' ')
			np = 0;
	}
	/* StandardArticleBody_body, c-entry-content-wrap: a part, too. */
	for (i = 0; !main && !boiler && main_classes[i].s != NULL; i++)
		main = inword(low, n, &main_classes[i]);
	if (main)
		return M_CLASS;
	return boiler ? M_BOILER : -1;
}

/* Does an inline style hide the element? */
static int
hidden_style(const char *s)
{
	char	buf[MAXATTR];
	size_t	i, n = 0;

	for (i = 0; s[i] != '\0' && n < sizeof(buf) - 1; i++)
		if (s[i] != ' ' && s[i] != '\t')
			buf[n++] = (char)(s[i] >= 'A' && s[i] <= 'Z' ?
			    s[i] | 0x20 : s[i]);
	buf[n] = '\0';
	return strstr(buf, "display:none") != NULL ||
	    strstr(buf, "visibility:hidden") != NULL;
}

/*
 * Does a class hide the element, as common style sheets define it
 * (Bootstrap's d-none without a d-md-block to show it again, hidden,
 * screen-reader text)?
 */
static const struct word hidden_tokens[] = {
	W("d-none"), W("hidden"), W("is-hidden"), W("sr-only"),
	W("visually-hidden"), W("visuallyhidden"), W("screen-reader-text"),
	W("offscreen"), { NULL, 0 }
};

static int
hidden_class(const char *v)
{
	size_t	i, n;
	int	hide = 0;

	for (i = 0; v[i] != '\0' && i < MAXATTR;) {
		while (v[i] == ' ' || v[i] == '\t' || v[i] == '\n')
			i++;
		for (n = 0; v[i + n] != '\0' && v[i + n] != ' ' &&
		    v[i + n] != '\t' && v[i + n] != '\n'; n++)
			;
		if (n == 0)
			break;
		/* Shown again at some width: d-md-block, md:flex (in print
		 * only, d-print-block, is still hidden). */
		if ((n > 4 && memcmp(v + i, "d-", 2) == 0 &&
		    memchr(v + i + 2, '-', n - 2) != NULL &&
		    memcmp(v + i + n - 5, "-none", 5) != 0 &&
		    !(n > 8 && memcmp(v + i, "d-print-", 8) == 0)) ||
		    memchr(v + i, ':', n) != NULL)
			return 0;
		if (intokens(v + i, n, hidden_tokens))
			hide = 1;
		i += n;
	}
	return hide;
}

/*
 * classmark() and hidden_class() of a class or id value, from the cache
 * when it was seen before (most elements of a page share a few classes).
 */
static const struct ccache *
classinfo(struct lede_html *h, const char *v)
{
	struct ccache		*c;
	uint64_t		 x = FNV_OFF_HTML;
	size_t			 n;

	for (n = 0; v[n] != '\0' && n <= CCACHE_LEN; n++)
		x = (x ^ (unsigned char)v[n]) * 0x100000001b3ULL;
	if (n == 0 || n > CCACHE_LEN) {
		/* Not remembered: a fresh answer in a scratch entry. */
		h->ccx.mark = (int8_t)classmark(v);
		h->ccx.hidden = (uint8_t)hidden_class(v);
		return &h->ccx;
	}
	c = &h->cc[(x ^ (x >> 32)) & (CCACHE - 1)];
	if (c->len != n || memcmp(c->s, v, n) != 0) {
		c->len = (uint8_t)n;
		memcpy(c->s, v, n);
		c->mark = (int8_t)classmark(v);
		c->hidden = (uint8_t)hidden_class(v);
	}
	return c;
}

/* Blocks. */

/*
 * Text of an element begun right after an image, that reads like its
 * caption: a few words without a sentence end.
 */
#define CAPTION_WORDS	20

static int
iscaption(const char *s, size_t n)
{
	size_t		i, words = 1;
	unsigned char	c;

	for (i = 0; i < n; i++)
		if (s[i] == ' ' && ++words > CAPTION_WORDS)
			return 0;
	while (n > 0 && (s[n - 1] == '"' || s[n - 1] == '\'' ||
	    s[n - 1] == ')'))
		n--;
	if (n == 0)
		return 0;
	c = (unsigned char)s[n - 1];
	if (c == '.' || c == '!' || c == '?' || c == ':')
		return 0;
	/* CJK full stop, exclamation and question marks. */
	return !(n >= 3 && (((unsigned char)s[n - 3] == 0xE3 &&
	    (unsigned char)s[n - 2] == 0x80 && c == 0x82) ||
	    ((unsigned char)s[n - 3] == 0xEF &&
	    (unsigned char)s[n - 2] == 0xBC && (c == 0x81 || c == 0x9F))));
}

static void
flush(struct lede_html *h)
{
	struct lede_html_block	*b;
	const struct hel	*e;

	while (h->cur.len > 0 && h->cur.p[h->cur.len - 1] == ' ')
		h->cur.len--;
	h->space = 0;
	h->nflush++;
	if (h->cur.len == 0) {
		h->curlink = 0;
		return;
	}
	if (h->nblock == h->capblock) {
		h->capblock = h->capblock ? h->capblock * 2 : 256;
		h->block = lede_xrealloc(h->block,
		    h->capblock * sizeof(h->block[0]));
	}
	e = h->depth > 0 ? &h->stack[h->depth - 1] : NULL;
	b = &h->block[h->nblock++];
	memset(b, 0, sizeof(*b));
	b->text.off = h->text.len;
	b->text.len = h->cur.len;
	lede_buf_add(&h->text, h->cur.p, h->cur.len);
	b->path.off = h->text.len;
	b->path.len = h->path.len;
	lede_buf_add(&h->text, h->path.p, h->path.len);
	b->linkbytes = h->curlink > h->cur.len ? h->cur.len : h->curlink;
	b->kind = e != NULL ? e->kind : LEDE_HTML_K_NONE;
	b->level = e != NULL ? e->level : 0;
	b->cand = e != NULL ? e->mark : -1;
	if (e != NULL && (e->state & S_NAV))
		b->kind = LEDE_HTML_K_NAV;
	if (e != NULL && (e->state & S_TABLE))
		b->flags |= LEDE_HTML_TABLE;
	if (e != NULL && (e->state & S_BQUOTE))
		b->flags |= LEDE_HTML_BQUOTE;
	if (e != NULL && (e->state & S_HEADER))
		b->flags |= LEDE_HTML_HEADER;
	if (h->curimg && b->kind == LEDE_HTML_K_NONE &&
	    iscaption(h->cur.p, h->cur.len))
		b->kind = LEDE_HTML_K_CAPTION;
	h->curimg = 0;
	h->cur.len = 0;
	h->curlink = 0;
}

static void
addtext(struct lede_html *h, const char *s, size_t n, uint32_t state)
{
	size_t	i;
	unsigned char c;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    c == '\f' || c == '\v') {
			if (c == '\n' && (state & S_PRE))
				flush(h);
			else
				h->space = h->cur.len > 0;
			continue;
		}
		/* No-break space: a space. */
		if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
			h->space = h->cur.len > 0;
			i++;
			continue;
		}
		if (c < 0x20)
			continue;
		if (h->cur.len >= LEDE_HTML_MAXBLOCK && (c & 0xC0) != 0x80)
			flush(h);
		if (h->space) {
			lede_buf_addc(&h->cur, ' ');
			h->space = 0;
		}
		if (h->cur.len == 0)
			h->curimg = h->img == 2;
		h->img = 0;
		lede_buf_addc(&h->cur, (char)c);
		if (state & S_LINK)
			h->curlink++;
	}
}

/* Marks. */

static int32_t
mark_new(struct lede_html *h, int type, int32_t parent)
{
	struct mark	*m;

	if (h->nmark >= MAXMARKS)
		return parent;
	if (h->nmark == h->capmark) {
		h->capmark = h->capmark ? h->capmark * 2 : 64;
		h->mark = lede_xrealloc(h->mark, h->capmark * sizeof(h->mark[0]));
	}
	m = &h->mark[h->nmark];
	memset(m, 0, sizeof(*m));
	m->parent = parent;
	m->type = (uint8_t)type;
	if (parent >= 0)
		m->depth = h->mark[parent].depth;
	if (CAND(type) && m->depth < 255)
		m->depth++;
	return (int32_t)h->nmark++;
}

/* SAX handlers. */

/*
 * The length of the class or id token at s: up to a space, the end or
 * MAXPATHCLASS bytes, never inside a UTF-8 character.
 */
static size_t
path_token(const char *s)
{
	size_t	n;

	for (n = 0; s[n] != '\0' && s[n] != ' ' && n < MAXPATHCLASS; n++)
		;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	return n;
}

static void
path_push(struct lede_html *h, const char *name, const char *cls,
    const char *id)
{
	size_t	n;

	if (h->path.len >= MAXPATH)
		return;
	if (h->path.len > 0)
		lede_buf_addc(&h->path, '>');
	lede_buf_add(&h->path, name, strlen(name));
	if (cls != NULL && *cls != '\0') {
		while (*cls == ' ')
			cls++;
		n = path_token(cls);
		lede_buf_addc(&h->path, '.');
		lede_buf_add(&h->path, cls, n);
	} else if (id != NULL && *id != '\0') {
		n = path_token(id);
		lede_buf_addc(&h->path, '#');
		lede_buf_add(&h->path, id, n);
	}
}

static int
is_url(const char *s)
{
	return lede_ascii_iprefix(s, strlen(s), "http:") || lede_ascii_iprefix(s, strlen(s), "https:") ||
	    s[0] == '/';
}

static void
on_meta(struct lede_html *h, const xmlChar **atts)
{
	const char	*k, *c = attr(atts, "content");

	if (c == NULL)
		return;
	if ((k = attr(atts, "property")) == NULL &&
	    (k = attr(atts, "name")) == NULL &&
	    (k = attr(atts, "itemprop")) == NULL &&
	    (k = attr(atts, "http-equiv")) == NULL)
		return;
	if (streqi(k, "og:title"))
		setmeta(&h->ogtitle, c, strlen(c));
	else if (streqi(k, "og:url") && is_url(c))
		setmeta(&h->ogurl, c, strlen(c));
	else if ((streqi(k, "author") || streqi(k, "article:author")) &&
	    !is_url(c))
		setmeta(&h->mauthor, c, strlen(c));
	else if (streqi(k, "article:published_time") ||
	    streqi(k, "datePublished"))
		setmeta(&h->mdate, c, strlen(c));
	else if (streqi(k, "content-language"))
		setmeta(&h->lang, c, strlen(c));
}

static void
on_start(void *ctx, const xmlChar *xname, const xmlChar **atts)
{
	struct lede_html	*h = ctx;
	const char		*name = (const char *)xname, *v, *cls, *id;
	const struct tagdef	*d;
	struct hel		*e, *p;
	int			 t, cl, mk = -1;

	if (h->depth >= LEDE_HTML_MAXDEPTH) {
		/*
		 * libxml2 looks for an end tag's element in all those open:
		 * so deep, a page of end tags would take hours.
		 */
		h->status |= LEDE_HTML_DEEP;
		xmlStopParser(h->ctxt);
		h->over++;
		return;
	}
	d = tagdef(name);
	t = d != NULL ? d->tag : T_OTHER;
	cl = d != NULL ? d->cls : C_INLINE;
	if (h->depth == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 64;
		h->stack = lede_xrealloc(h->stack, h->cap * sizeof(h->stack[0]));
	}
	p = h->depth > 0 ? &h->stack[h->depth - 1] : NULL;
	e = &h->stack[h->depth];
	if (p != NULL)
		*e = *p;
	else {
		memset(e, 0, sizeof(*e));
		e->mark = -1;
	}
	e->tag = (uint8_t)t;
	e->pathlen = (uint32_t)h->path.len;
	e->cells = 0;
	h->depth++;

	/* Metadata, wherever it is. */
	switch (t) {
	case T_HTML:
		if ((v = attr(atts, "lang")) != NULL && *v != '\0')
			setmeta(&h->lang, v, strlen(v));
		break;
	case T_META:
		on_meta(h, atts);
		break;
	case T_LINK:
		if ((v = attr(atts, "rel")) != NULL && streqi(v, "canonical") &&
		    (v = attr(atts, "href")) != NULL && is_url(v))
			setmeta(&h->url, v, strlen(v));
		break;
	case T_TIME:
		if ((v = attr(atts, "datetime")) != NULL &&
		    ((e->state & S_ARTICLE) || attr(atts, "pubdate") != NULL ||
		    ((cls = attr(atts, "itemprop")) != NULL &&
		    streqi(cls, "datePublished"))))
			setmeta(&h->tdate, v, strlen(v));
		break;
	case T_TITLE:
		if (!(e->state & S_SKIP) || p == NULL || p->tag == T_HEAD) {
			e->state = S_SKIP | (h->ntitle++ == 0 ? S_TITLE : 0);
			return;
		}
		break;
	case T_SCRIPT:
		if ((v = attr(atts, "type")) != NULL &&
		    streqi(v, "application/ld+json")) {
			e->state = S_SKIP | S_JSONLD;
			if (h->jsonld.len > 0 && h->jsonld.len < MAXJSONLD)
				lede_buf_addc(&h->jsonld, '\n');
			return;
		}
		break;
	}
	if (e->state & S_SKIP)
		return;
	/* Hidden elements and those that hold no text. */
	if (cl == C_SKIP || attr(atts, "hidden") != NULL ||
	    ((v = attr(atts, "aria-hidden")) != NULL && streqi(v, "true")) ||
	    ((v = attr(atts, "style")) != NULL && hidden_style(v))) {
		e->state |= S_SKIP;
		return;
	}
	if (cl == C_BLOCK) {
		flush(h);
		/* An element of its own after an image: its caption? */
		if (h->img == 1 && t != T_BR)
			h->img = 2;
	}
	cls = attr(atts, "class");
	id = attr(atts, "id");
	path_push(h, name, cls, id);
	switch (t) {
	case T_IMG:
		h->img = 1;
		break;
	case T_A:
		e->state |= S_LINK;
		e->linkat = h->cur.len + (h->space && h->cur.len > 0);
		e->block = h->nflush;
		break;
	case T_ARTICLE:
		e->state |= S_ARTICLE;
		mk = M_ARTICLE;
		break;
	case T_MAIN:
		mk = M_MAIN;
		break;
	case T_BLOCKQUOTE:
		e->state |= S_BQUOTE;
		break;
	case T_FORM:
		mk = M_FORM;
		break;
	case T_PRE:
		e->state |= S_PRE;
		break;
	case T_P:
		e->kind = LEDE_HTML_K_P;
		break;
	case T_H:
		e->kind = LEDE_HTML_K_H;
		e->level = d->level;
		break;
	case T_LI:
	case T_DT:
		e->kind = LEDE_HTML_K_LI;
		break;
	case T_CAPTION:
	case T_FIGCAPTION:
	case T_FIGURE:
		e->kind = LEDE_HTML_K_CAPTION;
		break;
	case T_HEADER:
		e->state |= S_HEADER;
		break;
	case T_TR:
		e->state |= S_TABLE;
		break;
	case T_TD:
		if (p != NULL && p->tag == T_TR && p->cells++ > 0 &&
		    h->cur.len > 0) {
			lede_buf_addc(&h->cur, '\t');
			h->space = 0;
		}
		break;
	}
	if ((v = attr(atts, "itemprop")) != NULL && streqi(v, "articleBody"))
		mk = M_ITEMPROP;
	else if (mk == -1 || mk == M_FORM) {
		if (cls != NULL)
			mk = classinfo(h, cls)->mark;
		if ((mk == -1 || mk == M_FORM) && id != NULL)
			mk = classinfo(h, id)->mark;
		if (mk == -1 && t == T_FORM)
			mk = M_FORM;
		/*
		 * A class that hides: boilerplate, unless it holds most of
		 * the text (the rest of an article that a script shows).
		 */
		if (cls != NULL && classinfo(h, cls)->hidden)
			mk = M_BOILER;
	}
	if (mk == -1 && t == T_LIST)
		mk = M_LIST;
	if (mk >= 0)
		e->mark = mark_new(h, mk, e->mark);
}

/*
 * A link whose text is a web address is text the author wrote out, not a
 * link to click: its bytes do not count as link bytes.
 */
static void
link_end(struct lede_html *h, const struct hel *e)
{
	const char	*t;
	size_t		 n;

	if (e->block != h->nflush || e->linkat >= h->cur.len)
		return;
	t = h->cur.p + e->linkat;
	n = h->cur.len - e->linkat;
	while (n > 0 && *t == ' ')
		t++, n--;
	if (!lede_ascii_iprefix(t, n, "http://") &&
	    !lede_ascii_iprefix(t, n, "https://") &&
	    !lede_ascii_iprefix(t, n, "www."))
		return;
	if (memchr(t, ' ', n) != NULL)
		return;
	h->curlink = h->curlink > n ? h->curlink - n : 0;
}

static void
on_end(void *ctx, const xmlChar *xname)
{
	struct lede_html	*h = ctx;
	struct hel		*e;
	const struct tagdef	*d;

	if (h->over > 0) {
		h->over--;
		return;
	}
	if (h->depth == 0)
		return;
	e = &h->stack[h->depth - 1];
	if (e->tag == T_A && !(e->state & S_SKIP))
		link_end(h, e);
	if (!(e->state & S_SKIP)) {
		d = tagdef((const char *)xname);
		if (d != NULL && d->cls == C_BLOCK)
			flush(h);
	}
	h->path.len = e->pathlen;
	h->depth--;
}

static void
on_text(void *ctx, const xmlChar *s, int n)
{
	struct lede_html	*h = ctx;
	uint32_t		 state;

	if (n <= 0)
		return;
	state = h->depth > 0 ? h->stack[h->depth - 1].state : 0;
	if (h->over > 0 && (state & (S_TITLE | S_JSONLD)))
		return;
	if (state & S_TITLE) {
		if (h->title.len < LEDE_HTML_MAXTEXT)
			lede_buf_add(&h->title, s, (size_t)n);
	} else if (state & S_JSONLD) {
		if (h->jsonld.len < MAXJSONLD)
			lede_buf_add(&h->jsonld, s, (size_t)n);
	} else if (!(state & S_SKIP))
		addtext(h, (const char *)s, (size_t)n, state);
}

static void
on_error(void *ctx, xmlErrorPtr err)
{
	(void)ctx;
	(void)err;
}

/* Decoding. */

struct csalias {
	const char	*label;
	const char	*iconv;
};

/* Labels read as the encoding the HTML standard says (a superset). */
static const struct csalias csaliases[] = {
	{ "iso-8859-1", "WINDOWS-1252" }, { "iso8859-1", "WINDOWS-1252" },
	{ "latin1", "WINDOWS-1252" }, { "l1", "WINDOWS-1252" },
	{ "us-ascii", "WINDOWS-1252" }, { "ascii", "WINDOWS-1252" },
	{ "iso-8859-9", "WINDOWS-1254" }, { "latin5", "WINDOWS-1254" },
	{ "tis-620", "WINDOWS-874" }, { "iso-8859-11", "WINDOWS-874" },
	{ "gb2312", "GB18030" }, { "gbk", "GB18030" }, { "x-gbk", "GB18030" },
	{ "gb_2312-80", "GB18030" }, { "chinese", "GB18030" },
	{ "shift_jis", "CP932" }, { "shift-jis", "CP932" },
	{ "sjis", "CP932" }, { "x-sjis", "CP932" }, { "ms_kanji", "CP932" },
	{ "windows-31j", "CP932" }, { "euc-kr", "CP949" },
	{ "ks_c_5601-1987", "CP949" }, { "windows-949", "CP949" },
	{ "big5", "BIG5-HKSCS" }, { "x-mac-cyrillic", "MAC-CYRILLIC" },
};

static int
is_utf8_label(const char *s)
{
	return streqi(s, "utf-8") || streqi(s, "utf8") ||
	    streqi(s, "unicode-1-1-utf-8") ||
	    /* A page that declares UTF-16 in ASCII bytes is not UTF-16. */
	    lede_ascii_iprefix(s, strlen(s), "utf-16");
}

/* Opens the converter of a label; returns 0, or -1 if iconv has none. */
static int
open_cs(struct lede_html *h, const char *label)
{
	char	low[sizeof(h->csname)];
	size_t	i, n = strlen(label);

	if (n == 0 || n >= sizeof(low))
		return -1;
	for (i = 0; i <= n; i++)
		low[i] = (char)(label[i] >= 'A' && label[i] <= 'Z' ?
		    label[i] | 0x20 : label[i]);
	if (is_utf8_label(low)) {
		strcpy(h->csname, "utf-8");
		return 0;
	}
	for (i = 0; i < sizeof(csaliases) / sizeof(csaliases[0]); i++)
		if (strcmp(low, csaliases[i].label) == 0) {
			label = csaliases[i].iconv;
			break;
		}
	if ((h->cd = iconv_open("UTF-8", label)) == (iconv_t)-1)
		return -1;
	memcpy(h->csname, low, n + 1);
	return 0;
}

/*
 * The charset of a <meta charset=...> or <meta http-equiv=Content-Type
 * content="...; charset=..."> in the first bytes; "" if none.
 */
static void
prescan(const char *s, size_t n, char *out, size_t size)
{
	const char	*e = s + n, *t, *te, *c;
	size_t		 k;

	out[0] = '\0';
	for (t = s; t < e && (t = memchr(t, '<', (size_t)(e - t))) != NULL;
	    t++) {
		if (!lede_ascii_iprefix(t, (size_t)(e - t), "<meta"))
			continue;
		if ((te = memchr(t, '>', (size_t)(e - t))) == NULL)
			return;
		for (c = t + 5; c + 7 <= te; c++)
			if (lede_ascii_iprefix(c, (size_t)(te - c), "charset"))
				break;
		if (c + 7 > te)
			continue;
		c += 7;
		while (c < te && (*c == ' ' || *c == '\t' || *c == '\n' ||
		    *c == '\r'))
			c++;
		if (c >= te || *c != '=')
			continue;
		c++;
		while (c < te && (*c == ' ' || *c == '"' || *c == '\''))
			c++;
		for (k = 0; c < te && k + 1 < size && ((*c >= 'a' &&
		    *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
		    (*c >= '0' && *c <= '9') || *c == '-' || *c == '_' ||
		    *c == '.' || *c == ':'); c++)
			out[k++] = *c;
		out[k] = '\0';
		if (k > 0)
			return;
	}
}

/*
 * Tags are cut at LEDE_HTML_MAXTAG bytes before the parser sees them
 * (libxml2 compares each attribute with all those before it, so that a tag
 * of a million attributes would take hours): the bytes past the cap up to
 * the tag's end are dropped, a quoted value and the tag closed.  This
 * follows the parser's view of the bytes: text, tags, comments, and the
 * raw text of script and style, which only "</script" or "</style" ends.
 */
enum { F_TEXT, F_LT, F_BANG, F_BANG1, F_COMMENT, F_TAG, F_DROP, F_RAW };

static int
isletter(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static void
tag_end(struct tagcut *t)
{
	t->state = F_TEXT;
	if (!t->endtag && t->nname == 6 && memcmp(t->name, "script", 6) == 0)
		t->raw = "</script";
	else if (!t->endtag && t->nname == 5 && memcmp(t->name, "style", 5) == 0)
		t->raw = "</style";
	else
		return;
	t->state = F_RAW;
	t->rawpos = 0;
	/*
	 * Scripts and style sheets are not text: the parser need not read
	 * them (most of a page's bytes), but for the JSON-LD.
	 */
	t->dropraw = !t->ld;
}

static void
cut_tags(struct lede_html *h, const char *s, size_t n)
{
	struct tagcut	*t = &h->tc;
	struct lede_buf	*o = &h->feed;
	size_t		 i, start = 0;
	int		 c;

	lede_buf_reserve(o, n + 8);
	for (i = 0; i < n; i++) {
		/* Fast paths: text and raw text to the next '<'. */
		if ((t->state == F_TEXT || (t->state == F_RAW &&
		    t->rawpos == 0)) && s[i] != '<') {
			const char *lt = memchr(s + i, '<', n - i);

			if (lt == NULL)
				break;
			i = (size_t)(lt - s);
		}
		c = (unsigned char)s[i];
again:
		switch (t->state) {
		case F_TEXT:
			if (c == '<')
				t->state = F_LT;
			break;
		case F_LT:
			t->len = 2;
			t->nname = 0;
			t->quote = 0;
			t->lastsig = '<';
			t->endtag = c == '/';
			t->inname = 1;
			t->ld = t->ldpos = 0;
			if (c == '!')
				t->state = F_BANG;
			else if (isletter(c) || c == '/' || c == '?') {
				t->state = F_TAG;
				if (isletter(c))
					t->name[t->nname++] = (char)(c | 0x20);
			} else {
				t->state = F_TEXT;
				goto again;
			}
			break;
		case F_BANG:
		case F_BANG1:
			if (c == '-' && t->state == F_BANG) {
				t->state = F_BANG1;
				break;
			}
			if (c == '-') {
				t->state = F_COMMENT;
				t->dashes = 0;
				break;
			}
			t->state = F_TAG;
			goto again;
		case F_COMMENT:
			if (c == '>' && t->dashes >= 2)
				t->state = F_TEXT;
			t->dashes = c == '-' ? t->dashes + 1 : 0;
			break;
		case F_TAG:
			if (++t->len > LEDE_HTML_MAXTAG) {
				/* Cut: the value closed, the rest dropped. */
				lede_buf_add(o, s + start, i - start);
				if (t->quote)
					lede_buf_addc(o, (char)t->quote);
				start = i;
				t->state = F_DROP;
				goto again;
			}
			if ((c | 0x20) == "ld+json"[t->ldpos]) {
				if (++t->ldpos == 7)
					t->ld = 1, t->ldpos = 0;
			} else
				t->ldpos = (c | 0x20) == 'l';
			if (t->quote) {
				if (c == t->quote)
					t->quote = 0;
				break;
			}
			if (c == '>') {
				tag_end(t);
				if (t->state == F_RAW && t->dropraw) {
					lede_buf_add(o, s + start, i + 1 - start);
					start = i + 1;
				}
				break;
			}
			if ((c == '"' || c == '\'') && t->lastsig == '=')
				t->quote = c;
			if (t->inname && isletter(c)) {
				if (t->nname < sizeof(t->name))
					t->name[t->nname++] = (char)(c | 0x20);
			} else if (!(t->inname && t->nname == 0 && c == '/'))
				t->inname = 0;
			if (c != ' ' && c != '\t' && c != '\n' && c != '\r' &&
			    c != '\f')
				t->lastsig = c;
			break;
		case F_DROP:
			if (t->quote) {
				if (c == t->quote)
					t->quote = 0;
			} else if (c == '>' || c == '<') {
				lede_buf_addc(o, '>');
				start = i + (c == '>');
				tag_end(t);
				if (c == '<')
					goto again;
				break;
			} else if ((c == '"' || c == '\'') && t->lastsig == '=')
				t->quote = c;
			if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
				t->lastsig = c;
			start = i + 1;
			break;
		case F_RAW:
			if (t->dropraw)
				start = i + 1;
			if ((c | (isletter(c) ? 0x20 : 0)) == t->raw[t->rawpos]) {
				if (t->raw[++t->rawpos] == '\0') {
					if (t->dropraw)
						lede_buf_add(o, t->raw,
						    t->rawpos);
					t->state = F_TAG;
					t->endtag = 1;
					t->len = t->rawpos;
					t->nname = 0;
					t->quote = 0;
					t->lastsig = 0;
				}
			} else
				t->rawpos = c == '<';
			break;
		}
	}
	if (t->state != F_DROP && !(t->state == F_RAW && t->dropraw))
		lede_buf_add(o, s + start, n - start);
}

/* Hands the UTF-8 gathered so far to the parser. */
static void
parse(struct lede_html *h, int last)
{
	if (h->utf.len == 0 && !last)
		return;
	h->feed.len = 0;
	if (h->utf.len > 0)
		cut_tags(h, h->utf.p, h->utf.len);
	htmlParseChunk(h->ctxt, h->feed.len ? h->feed.p : NULL,
	    (int)h->feed.len, last);
	h->utf.len = 0;
}

/* Appends UTF-8 that is repaired: a byte that is not UTF-8 is cp1252. */
static void
add_utf8(struct lede_html *h, const char *s, size_t n, int last)
{
	const unsigned char	*p = (const unsigned char *)s;
	char			 enc[4];
	uint32_t		 cp;
	size_t			 i = 0, start;
	int			 k;

	while (i < n) {
		start = i;
		/* ASCII without NUL, eight bytes at a time. */
		while (i + 8 <= n) {
			uint64_t	w;

			memcpy(&w, p + i, 8);
			if ((w & 0x8080808080808080ULL) != 0 ||
			    ((w - 0x0101010101010101ULL) & ~w &
			    0x8080808080808080ULL) != 0)
				break;
			i += 8;
		}
		while (i < n && p[i] < 0x80 && p[i] != 0)
			i++;
		lede_buf_add(&h->utf, s + start, i - start);
		if (i >= n)
			break;
		if (p[i] == 0) {	/* NUL: dropped */
			h->status |= LEDE_HTML_REPAIRED;
			i++;
			continue;
		}
		k = lede_utf8_decode(p + i, n - i, &cp);
		if (k > 0) {
			lede_buf_add(&h->utf, s + i, (size_t)k);
			i += (size_t)k;
		} else if (k < 0 && !last) {
			memcpy(h->tail, s + i, n - i);
			h->ntail = n - i;
			return;
		} else {
			k = lede_utf8_encode(lede_cp1252(p[i]), enc);
			lede_buf_add(&h->utf, enc, (size_t)k);
			h->status |= LEDE_HTML_REPAIRED;
			i++;
		}
	}
}

/* Converts through iconv; an unfinished character waits in tail. */
static void
add_iconv(struct lede_html *h, const char *s, size_t n, int last)
{
	char	*in = (char *)(uintptr_t)s, *out;
	size_t	 inleft = n, outleft;

	while (inleft > 0) {
		lede_buf_reserve(&h->utf, inleft * 4 + 16);
		out = h->utf.p + h->utf.len;
		outleft = h->utf.cap - h->utf.len;
		if (iconv(h->cd, &in, &inleft, &out, &outleft) != (size_t)-1) {
			h->utf.len = (size_t)(out - h->utf.p);
			break;
		}
		h->utf.len = (size_t)(out - h->utf.p);
		if (errno == E2BIG)
			continue;
		if (errno == EINVAL && !last && inleft < sizeof(h->tail)) {
			memcpy(h->tail, in, inleft);
			h->ntail = inleft;
			return;
		}
		/* Not in the charset (or cut at the end): U+FFFD. */
		lede_buf_add(&h->utf, "\xEF\xBF\xBD", 3);
		h->status |= LEDE_HTML_REPAIRED;
		in++;
		inleft--;
	}
	if (last)
		iconv(h->cd, NULL, NULL, NULL, NULL);
}

static void
decode(struct lede_html *h, const char *s, size_t n, int last)
{
	if (h->cd == (iconv_t)-1)
		add_utf8(h, s, n, last);
	else
		add_iconv(h, s, n, last);
}

static void
convert(struct lede_html *h, const char *s, size_t n, int last)
{
	char	buf[2 * sizeof(h->tail)];
	size_t	k, t, used, before = h->utf.len, i, j;

	if (h->ntail > 0) {
		/* Finish the character left over with the first bytes. */
		t = h->ntail;
		k = n < sizeof(h->tail) ? n : sizeof(h->tail);
		memcpy(buf, h->tail, t);
		if (k > 0)
			memcpy(buf + t, s, k);
		h->ntail = 0;
		decode(h, buf, t + k, last && k == n);
		if (h->ntail > k) {
			/* Still unfinished, and all of s is in it. */
			return;
		}
		used = k - h->ntail;
		if (k < n)
			h->ntail = 0;	/* read again from s */
		if (used > 0) {
			s += used;
			n -= used;
		}
		if (h->ntail > 0)
			n = 0;
	}
	if (n > 0)
		decode(h, s, n, last);
	if (h->cd != (iconv_t)-1) {
		/* iconv's UTF-8 may hold NUL: dropped. */
		for (i = j = before; i < h->utf.len; i++)
			if (h->utf.p[i] != '\0')
				h->utf.p[j++] = h->utf.p[i];
		if (j < h->utf.len)
			h->status |= LEDE_HTML_REPAIRED;
		h->utf.len = j;
	}
	if (h->utf.len >= FEED || last)
		parse(h, last);
}

/* Decides the charset on the first bytes and feeds them. */
static void
decide(struct lede_html *h, int last)
{
	/* An empty page has no buffer yet. */
	const char	*s = h->pre.p != NULL ? h->pre.p : "";
	size_t		 n = h->pre.len, skip = 0;
	char		 cs[64];
	int		 ok = -1;

	h->decided = 1;
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		skip = 3;
		ok = open_cs(h, "utf-8");
	} else if (n >= 2 && memcmp(s, "\xFF\xFE", 2) == 0) {
		skip = 2;
		ok = open_cs(h, "UTF-16LE");
	} else if (n >= 2 && memcmp(s, "\xFE\xFF", 2) == 0) {
		skip = 2;
		ok = open_cs(h, "UTF-16BE");
	}
	if (ok == -1 && h->tcharset != NULL && *h->tcharset != '\0')
		ok = open_cs(h, h->tcharset);
	if (ok == -1) {
		prescan(s, n, cs, sizeof(cs));
		if (cs[0] != '\0' && (ok = open_cs(h, cs)) == -1)
			h->status |= LEDE_HTML_BADCHARSET;
	}
	if (ok == -1)
		strcpy(h->csname, "utf-8");
	convert(h, s + skip, n - skip, last);
	h->pre.len = 0;
}

/* The JSON-LD: strings of keys, read without a full JSON parser. */

static size_t
json_string(const char *s, size_t n, struct lede_buf *out)
{
	char		 enc[4];
	size_t		 i = 0;
	unsigned long	 u, lo;
	int		 k;

	for (i = 0; i < n && s[i] != '"'; i++) {
		if (s[i] != '\\' || i + 1 >= n) {
			lede_buf_addc(out, s[i]);
			continue;
		}
		switch (s[++i]) {
		case 'n': case 'r': case 't': case 'f': case 'b':
			lede_buf_addc(out, ' ');
			break;
		case 'u':
			if (i + 4 >= n)
				return n;
			u = strtoul((char[5]){ s[i + 1], s[i + 2], s[i + 3],
			    s[i + 4], 0 }, NULL, 16);
			i += 4;
			if (u >= 0xD800 && u < 0xDC00 && i + 6 < n &&
			    s[i + 1] == '\\' && s[i + 2] == 'u') {
				lo = strtoul((char[5]){ s[i + 3], s[i + 4],
				    s[i + 5], s[i + 6], 0 }, NULL, 16);
				if (lo >= 0xDC00 && lo < 0xE000) {
					u = 0x10000 + ((u - 0xD800) << 10) +
					    (lo - 0xDC00);
					i += 6;
				}
			}
			if ((u >= 0xD800 && u < 0xE000) || u == 0)
				u = 0xFFFD;
			k = lede_utf8_encode((uint32_t)u, enc);
			lede_buf_add(out, enc, (size_t)k);
			break;
		default:
			lede_buf_addc(out, s[i]);
			break;
		}
	}
	return i;
}

static const char *
find(const char *s, size_t n, const char *w, size_t k)
{
	const char	*e = s + n;

	while (n >= k && (s = memchr(s, w[0], n - k + 1)) != NULL) {
		if (memcmp(s, w, k) == 0)
			return s;
		s++;
		n = (size_t)(e - s);
	}
	return NULL;
}

/* The string value of the first "key": "..." at or after s; 0 if none. */
static int
json_find(const char *s, size_t n, const char *key, struct lede_buf *out)
{
	const char	*p = s, *e = s + n, *v;
	size_t		 k = strlen(key);

	while (p < e && (p = find(p, (size_t)(e - p), key, k)) != NULL) {
		v = p + k;
		p = v;
		/* The key must be quoted: a '"' before it and after it. */
		if (p - k == s || *(p - k - 1) != '"' || v >= e || *v != '"')
			continue;
		v++;
		while (v < e && (*v == ' ' || *v == '\n' || *v == '\r' ||
		    *v == '\t'))
			v++;
		if (v >= e || *v != ':')
			continue;
		v++;
		while (v < e && (*v == ' ' || *v == '\n' || *v == '\r' ||
		    *v == '\t'))
			v++;
		if (v < e && *v == '"') {
			json_string(v + 1, (size_t)(e - v - 1), out);
			return 1;
		}
		if (v < e && (*v == '{' || *v == '['))
			return json_find(v, (size_t)(e - v) < 2048 ?
			    (size_t)(e - v) : 2048, "name", out);
	}
	return 0;
}

/* Word triples of the guide, hashed. */

struct words {
	uint64_t	w[3];
	size_t		n;
};

static uint64_t
triple(const struct words *t)
{
	uint64_t	x = t->w[0] * 0x9e3779b97f4a7c15ULL;

	x = (x ^ t->w[1]) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ t->w[2]) * 0x94d049bb133111ebULL;
	return (x ^ (x >> 31)) | 1;
}

/*
 * The next word of s from *i, hashed in lower case: a run of letters and
 * digits, or one character of a script written without spaces (CJK).
 * Returns 0 at the end.
 */
static int
next_word(const char *s, size_t n, size_t *i, uint64_t *word)
{
	uint64_t	h = 0;
	uint32_t	c;
	int		in = 0, k;

	while (*i <= n) {
		if (*i < n) {
			k = lede_utf8_decode((const unsigned char *)s + *i,
			    n - *i, &c);
			if (k <= 0)
				k = 1, c = 0xFFFD;
		} else
			k = 1, c = ' ';
		*i += (size_t)k;
		if ((lede_uc_isalpha(c) || lede_uc_isdigit(c)) &&
		    !(c >= 0x2E80 && !lede_uc_isupper(c) &&
		    !lede_uc_islower(c))) {
			if (!in)
				h = FNV_OFF_HTML;
			h = (h ^ lede_uc_tolower(c)) * 0x100000001b3ULL;
			in = 1;
			continue;
		}
		if (in || (c >= 0x2E80 && lede_uc_isalpha(c))) {
			if (!in)
				h = (FNV_OFF_HTML ^ c) * 0x100000001b3ULL;
			*word = h;
			return 1;
		}
	}
	return 0;
}

/* Calls fn for each word triple of s; returns the words. */
static size_t
triples(const char *s, size_t n, void (*fn)(void *, uint64_t), void *arg)
{
	struct words	t = { { 0, 0, 0 }, 0 };
	uint64_t	h;
	size_t		i = 0, words = 0;

	while (next_word(s, n, &i, &h)) {
		t.w[0] = t.w[1];
		t.w[1] = t.w[2];
		t.w[2] = h;
		words++;
		if (++t.n >= 3)
			fn(arg, triple(&t));
	}
	return words;
}

struct tset {
	uint64_t	*slot;
	size_t		 size, n;	/* size: a power of two */
	size_t		 hit, all;	/* lookups: found, made */
};

static void
tset_add(void *arg, uint64_t x)
{
	struct tset	*t = arg;
	size_t		 i;

	if (t->n * 2 >= t->size)
		return;		/* sized beforehand: never reached */
	for (i = x & (t->size - 1); t->slot[i] != 0 && t->slot[i] != x;
	    i = (i + 1) & (t->size - 1))
		;
	if (t->slot[i] == 0) {
		t->slot[i] = x;
		t->n++;
	}
}

static void
tset_look(void *arg, uint64_t x)
{
	struct tset	*t = arg;
	size_t		 i;

	t->all++;
	for (i = x & (t->size - 1); t->slot[i] != 0;
	    i = (i + 1) & (t->size - 1))
		if (t->slot[i] == x) {
			t->hit++;
			return;
		}
}

static void
count_word(void *arg, uint64_t x)
{
	(void)x;
	++*(size_t *)arg;
}

/*
 * The JSON-LD articleBody as a guide: blocks whose word triples are in it
 * are GUIDE, the others with enough words NOGUIDE, when the blocks hold
 * enough of the guide for it to be this page's text.
 */
static void
guide(struct lede_html *h)
{
	struct lede_buf		 body = { 0 };
	struct tset		 t = { 0 };
	struct lede_html_block	*b;
	size_t			 i, n = 0, words, found = 0;
	float			 share;

	if (h->jsonld.len == 0 || !json_find(h->jsonld.p, h->jsonld.len,
	    "articleBody", &body))
		goto out;
	words = triples(body.p, body.len, count_word, &n);
	if (words < GUIDE_MINWORDS)
		goto out;
	for (t.size = 64; t.size < n * 4; t.size *= 2)
		;
	t.slot = lede_xcalloc(t.size, sizeof(t.slot[0]));
	triples(body.p, body.len, tset_add, &t);
	for (i = 0; i < h->nblock; i++) {
		b = &h->block[i];
		t.hit = t.all = 0;
		triples(h->text.p + b->text.off, b->text.len, tset_look, &t);
		if (t.all == 0)
			continue;
		share = (float)t.hit / (float)t.all;
		if (share >= GUIDE_IN) {
			b->flags |= LEDE_HTML_GUIDE;
			found += t.hit;
		} else if (share < GUIDE_OUT)
			b->flags |= LEDE_HTML_NOGUIDE;
	}
	if ((float)found < GUIDE_FOUND * (float)t.n)
		for (i = 0; i < h->nblock; i++)
			h->block[i].flags &= ~(uint32_t)(LEDE_HTML_GUIDE |
			    LEDE_HTML_NOGUIDE);
out:
	free(t.slot);
	lede_buf_free(&body);
}

static size_t
prose(const struct lede_html_block *b)
{
	if (b->kind == LEDE_HTML_K_NAV || b->linkbytes * 2 > b->text.len)
		return 0;
	return b->text.len - b->linkbytes;
}

/*
 * The main container and the class marks that count: the prose of each
 * mark, the candidate chosen, and which boilerplate marks are wrappers.
 */
static void
structure(struct lede_html *h)
{
	struct mark		*m;
	struct lede_html_block	*b;
	size_t			 i, total = 0, best = 0, ref;
	int32_t		 main = -1, c;

	for (i = 0; i < h->nblock; i++) {
		total += prose(&h->block[i]);
		if ((c = h->block[i].cand) >= 0)
			h->mark[c].prose += prose(&h->block[i]);
	}
	for (i = h->nmark; i-- > 0;)
		if (h->mark[i].parent >= 0)
			h->mark[h->mark[i].parent].prose += h->mark[i].prose;
	for (i = 0; i < h->nmark; i++)
		if (CAND(h->mark[i].type) && h->mark[i].prose > best)
			best = h->mark[i].prose;
	for (i = 0; i < h->nmark; i++) {
		m = &h->mark[i];
		if (!CAND(m->type) || (double)m->prose <
		    MAIN_NEAR * (double)best)
			continue;
		if (main < 0 || m->depth > h->mark[main].depth)
			main = (int32_t)i;
	}
	if (main >= 0 && (double)h->mark[main].prose < MAIN_SHARE *
	    (double)total)
		main = -1;
	if (main >= 0) {
		h->mark[main].on = 1;
		/* Marks around the main container are wrappers. */
		for (c = h->mark[main].parent; c >= 0; c = h->mark[c].parent)
			h->mark[c].on = 2;
	}
	/* Lists whose every item has a link: related stories, menus. */
	for (i = 0; i < h->nblock; i++) {
		b = &h->block[i];
		if ((c = b->cand) < 0 || h->mark[c].type != M_LIST)
			continue;
		m = &h->mark[c];
		m->items++;
		m->linked += b->linkbytes > 0;
		m->bytes += b->text.len;
		m->linkbytes += b->linkbytes;
	}
	/* A class-marked element with most of the text is a wrapper. */
	ref = main >= 0 ? h->mark[main].prose : total;
	for (i = 0; i < h->nmark; i++) {
		m = &h->mark[i];
		m->chain = m->parent >= 0 ? h->mark[m->parent].chain : 0;
		if (m->type == M_BOILER && m->on != 2 &&
		    (double)m->prose < BOILER_WRAP * (double)ref)
			m->chain |= 1;
		/* A form is navigation, unless it wraps the page (ASP.NET). */
		if (m->type == M_FORM && m->on != 2 &&
		    (double)m->prose < BOILER_WRAP * (double)ref)
			m->chain |= 4;
		if (m->type == M_LIST && m->items >= LINKLIST_ITEMS &&
		    m->linked == m->items && (double)m->linkbytes >=
		    LINKLIST_SHARE * (double)m->bytes)
			m->chain |= 1;
		if (m->on == 1)
			m->chain |= 2;
	}
	for (i = 0; i < h->nblock; i++) {
		c = h->block[i].cand;
		if (c >= 0 && (h->mark[c].chain & 4))
			h->block[i].kind = LEDE_HTML_K_NAV;
		if (c >= 0 && (h->mark[c].chain & 1))
			h->block[i].flags |= LEDE_HTML_BOILER;
		if (c >= 0 && (h->mark[c].chain & 2) &&
		    !(h->block[i].flags & LEDE_HTML_HEADER))
			h->block[i].flags |= LEDE_HTML_MAIN;
		else if (main >= 0)
			h->block[i].flags |= LEDE_HTML_OUTMAIN;
		if (h->block[i].kind == LEDE_HTML_K_NAV)
			h->block[i].flags |= LEDE_HTML_NAV;
	}
}

/*
 * The headline: blocks whose words are those of the page's title (og:title,
 * the JSON-LD headline or <title>), or the title's with a site name or a
 * kicker around them, are marked LEDE_HTML_TITLE.
 */
#define TITLE_WORDS	64	/* the most words compared */
#define TITLE_BYTES	1024	/* a longer block is not a headline */

static size_t
wordseq(const char *s, size_t n, uint64_t *w)
{
	size_t	i = 0, k = 0;

	while (k <= TITLE_WORDS && next_word(s, n, &i, &w[k < TITLE_WORDS ?
	    k : TITLE_WORDS - 1]))
		k++;
	return k;
}

/* Is b[0..nb) a run of a[0..na)? */
static int
inrun(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
	size_t	i;

	for (i = 0; i + nb <= na; i++)
		if (memcmp(a + i, b, nb * sizeof(b[0])) == 0)
			return 1;
	return 0;
}

static int
title_match(const uint64_t *b, size_t nb, const uint64_t *t, size_t nt)
{
	if (nb == 0 || nt == 0 || nb > TITLE_WORDS || nt > TITLE_WORDS)
		return 0;
	if (nb <= nt)	/* "Headline | Site" */
		return (nb >= 2 || nt == 1) && nb * 2 >= nt && inrun(t, nt, b, nb);
	/* "Exclusive: Headline" */
	return nt >= 2 && nt * 3 >= nb * 2 && inrun(b, nb, t, nt);
}

static void
mark_title(struct lede_html *h)
{
	struct lede_buf		*src[] = { &h->ogtitle, &h->ldtitle, &h->title };
	uint64_t		 t[3][TITLE_WORDS], w[TITLE_WORDS];
	size_t			 nt[3], nb, i, k;
	struct lede_html_block	*b;

	for (k = 0; k < 3; k++)
		nt[k] = wordseq(src[k]->p, src[k]->len, t[k]);
	if (nt[0] + nt[1] + nt[2] == 0)
		return;
	for (i = 0; i < h->nblock; i++) {
		b = &h->block[i];
		if (b->text.len > TITLE_BYTES)
			continue;
		nb = wordseq(h->text.p + b->text.off, b->text.len, w);
		for (k = 0; k < 3; k++)
			if (title_match(w, nb, t[k], nt[k])) {
				b->flags |= LEDE_HTML_TITLE;
				break;
			}
	}
}

/* An ISO 8601 date, or nothing. */
static const char *
isodate(struct lede_buf *b)
{
	const char	*s = metastr(b);
	int		 i;

	if (s == NULL || b->len < 10)
		return NULL;
	for (i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : !(s[i] >= '0' &&
		    s[i] <= '9'))
			return NULL;
	return s;
}

static const char *
first(struct lede_buf *a, struct lede_buf *b, struct lede_buf *c)
{
	const char	*s;

	if ((s = metastr(a)) != NULL)
		return s;
	if (b != NULL && (s = metastr(b)) != NULL)
		return s;
	return c != NULL ? metastr(c) : NULL;
}

static void
read_meta(struct lede_html *h)
{
	struct lede_html_meta	*m = &h->meta;
	struct lede_buf		 tmp = { 0 };
	const char		*d;

	if (h->jsonld.len > 0) {
		if (json_find(h->jsonld.p, h->jsonld.len, "headline", &tmp))
			setmeta(&h->ldtitle, tmp.p, tmp.len);
		tmp.len = 0;
		if (json_find(h->jsonld.p, h->jsonld.len, "author", &tmp) &&
		    tmp.len > 0 && !is_url(metastr(&tmp)))
			setmeta(&h->author, tmp.p, tmp.len);
		tmp.len = 0;
		if (json_find(h->jsonld.p, h->jsonld.len, "datePublished",
		    &tmp))
			setmeta(&h->date, tmp.p, tmp.len);
		lede_buf_free(&tmp);
	}
	/* <title> as read, white space collapsed. */
	if (h->title.len > 0) {
		lede_buf_add(&tmp, h->title.p, h->title.len);
		h->title.len = 0;
		setmeta(&h->title, tmp.p, tmp.len);
		lede_buf_free(&tmp);
	}
	m->title = first(&h->ogtitle, &h->ldtitle, &h->title);
	m->url = first(&h->url, &h->ogurl, NULL);
	m->author = first(&h->author, &h->mauthor, NULL);
	if ((d = isodate(&h->date)) == NULL && (d = isodate(&h->mdate)) == NULL)
		d = isodate(&h->tdate);
	m->date = d;
	m->lang = metastr(&h->lang);
	m->charset = h->csname;
}

/* The reader. */

struct lede_html *
lede_html_new(size_t maxpage)
{
	struct lede_html	*h;

	h = lede_xcalloc(1, sizeof(*h));
	h->maxpage = maxpage ? maxpage : LEDE_HTML_MAXPAGE;
	h->cd = (iconv_t)-1;
	return h;
}

static void
end_parser(struct lede_html *h)
{
	if (h->ctxt != NULL) {
		htmlFreeParserCtxt(h->ctxt);
		h->ctxt = NULL;
	}
	if (h->cd != (iconv_t)-1) {
		iconv_close(h->cd);
		h->cd = (iconv_t)-1;
	}
}

void
lede_html_free(struct lede_html *h)
{
	struct lede_buf	*bufs[] = { &h->tcs, &h->pre, &h->utf, &h->feed, &h->path,
	    &h->cur, &h->text, &h->title, &h->ogtitle, &h->url, &h->ogurl,
	    &h->author, &h->mauthor, &h->date, &h->mdate, &h->tdate, &h->lang,
	    &h->jsonld, &h->ldtitle };
	size_t		 i;

	if (h == NULL)
		return;
	end_parser(h);
	for (i = 0; i < sizeof(bufs) / sizeof(bufs[0]); i++)
		lede_buf_free(bufs[i]);
	free(h->stack);
	free(h->block);
	free(h->mark);
	free(h);
}

void
lede_html_begin(struct lede_html *h, const char *charset)
{
	htmlSAXHandler		sax;
	struct lede_buf		*bufs[] = { &h->pre, &h->utf, &h->path,
	    &h->cur, &h->text, &h->title, &h->ogtitle, &h->url, &h->ogurl,
	    &h->author, &h->mauthor, &h->date, &h->mdate, &h->tdate, &h->lang,
	    &h->jsonld, &h->ldtitle };
	size_t			 i;

	end_parser(h);
	for (i = 0; i < sizeof(bufs) / sizeof(bufs[0]); i++)
		bufs[i]->len = 0;
	h->inbytes = 0;
	h->status = 0;
	h->decided = 0;
	h->ntail = 0;
	memset(&h->tc, 0, sizeof(h->tc));
	h->depth = h->over = 0;
	h->curlink = 0;
	h->space = 0;
	h->img = h->curimg = 0;
	h->nblock = h->nmark = 0;
	h->ntitle = 0;
	memset(&h->meta, 0, sizeof(h->meta));
	strcpy(h->csname, "utf-8");
	h->tcs.len = 0;
	h->tcharset = NULL;
	if (charset != NULL) {
		lede_buf_add(&h->tcs, charset, strlen(charset) + 1);
		h->tcharset = h->tcs.p;
	}
	/* The parser keeps a copy of the handlers. */
	memset(&sax, 0, sizeof(sax));
	sax.startElement = on_start;
	sax.endElement = on_end;
	sax.characters = on_text;
	sax.cdataBlock = on_text;
	sax.ignorableWhitespace = on_text;
	sax.initialized = XML_SAX2_MAGIC;
	sax.serror = on_error;
	h->ctxt = htmlCreatePushParserCtxt(&sax, h, NULL, 0, NULL,
	    XML_CHAR_ENCODING_UTF8);
	if (h->ctxt == NULL)
		abort();	/* out of memory */
	htmlCtxtUseOptions(h->ctxt, HTML_PARSE_NONET | HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER | HTML_PARSE_IGNORE_ENC |
	    HTML_PARSE_NODEFDTD);
}

void
lede_html_feed(struct lede_html *h, const char *p, size_t n)
{
	size_t	k;

	if (h->ctxt == NULL || (h->status & LEDE_HTML_CUT))
		return;
	if (n > h->maxpage - h->inbytes) {
		n = h->maxpage - h->inbytes;
		h->status |= LEDE_HTML_CUT;
	}
	h->inbytes += n;
	if (!h->decided) {
		k = PRESCAN - h->pre.len < n ? PRESCAN - h->pre.len : n;
		lede_buf_add(&h->pre, p, k);
		p += k;
		n -= k;
		if (h->pre.len < PRESCAN)
			return;
		decide(h, 0);
	}
	if (n > 0)
		convert(h, p, n, 0);
}

int
lede_html_end(struct lede_html *h)
{
	if (h->ctxt == NULL)
		return h->status;
	if (!h->decided)
		decide(h, 1);
	else
		convert(h, NULL, 0, 1);
	flush(h);
	end_parser(h);
	flush(h);
	structure(h);
	guide(h);
	read_meta(h);
	mark_title(h);
	return h->status;
}

size_t
lede_html_nblocks(const struct lede_html *h)
{
	return h->nblock;
}

const struct lede_html_block *
lede_html_block(const struct lede_html *h, size_t i)
{
	return &h->block[i];
}

const char *
lede_html_text(const struct lede_html *h)
{
	return h->text.p;
}

const struct lede_html_meta *
lede_html_meta(const struct lede_html *h)
{
	return &h->meta;
}

size_t
lede_html_bytes(const struct lede_html *h)
{
	return h->inbytes;
}

void
lede_html_extra(const struct lede_html_block *b, struct lede_strip_extra *x)
{
	static const enum lede_strip_tag tags[] = {
		[LEDE_HTML_K_NONE] = LEDE_STRIP_TAG_NONE,
		[LEDE_HTML_K_P] = LEDE_STRIP_TAG_P,
		[LEDE_HTML_K_H] = LEDE_STRIP_TAG_H,
		[LEDE_HTML_K_LI] = LEDE_STRIP_TAG_LI,
		[LEDE_HTML_K_CAPTION] = LEDE_STRIP_TAG_CAPTION,
		[LEDE_HTML_K_NAV] = LEDE_STRIP_TAG_NAV
	};

	x->tag = b->kind < sizeof(tags) / sizeof(tags[0]) ? tags[b->kind] :
	    LEDE_STRIP_TAG_NONE;
	x->linkbytes = b->linkbytes;
	x->flags = 0;
	if (b->flags & LEDE_HTML_BOILER)
		x->flags |= LEDE_STRIP_X_BOILER;
	if (b->flags & LEDE_HTML_MAIN)
		x->flags |= LEDE_STRIP_X_MAIN;
	if (b->flags & LEDE_HTML_OUTMAIN)
		x->flags |= LEDE_STRIP_X_OUTMAIN;
	if (b->flags & LEDE_HTML_GUIDE)
		x->flags |= LEDE_STRIP_X_GUIDE;
	if (b->flags & LEDE_HTML_NOGUIDE)
		x->flags |= LEDE_STRIP_X_NOGUIDE;
	if (b->flags & LEDE_HTML_TITLE)
		x->flags |= LEDE_STRIP_X_TITLE;
}
