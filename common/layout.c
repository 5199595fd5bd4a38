/*
 * Paragraph detection.  The window holds the lines of the paragraph being
 * built plus a fixed look-ahead; each line is stored stripped of its
 * surrounding white space, with its width, indentation and first word
 * measured once.  Document statistics (a histogram of line widths, counts of
 * blank and indented lines) are updated as lines enter the window, and the
 * layout decisions are read off them.  A short history of the document's
 * text is kept for the hyphenation decisions.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "layout.h"
#include "lex.h"
#include "utf8.h"

/* Line widths are counted exactly up to this many characters. */
#define MAXW	1024
/* Indentations told apart, in columns. */
#define NINDENTS	16

struct lede_lline {
	size_t	off;		/* in the window's text */
	size_t	len;		/* without leading and trailing space */
	size_t	chars;		/* characters, indentation included */
	size_t	indent;		/* leading spaces (a tab counts 8) */
	size_t	first;		/* characters of the first word */
	int	blank;
	int	cut;
};

struct lede_layout {
	struct lede_input	*in;
	size_t			 cap;
	/* Look-ahead window of lines of the current document. */
	struct lede_buf		 text;		/* history, then the window */
	struct lede_lline	*lines;		/* the window's first line */
	struct lede_lline	*linebuf;
	size_t			 nlines;
	size_t			 maxlines;
	struct lede_in_event	 pend;
	const struct lede_doc	*doc;	/* the document being read */
	unsigned		 splits;	/* its paragraphs cut at the cap */
	int			 have;	/* pend holds a non-line event */
	/* Statistics of the current document. */
	size_t			 hist[MAXW + 1];
	size_t			 ntext;
	size_t			 nblank;
	size_t			 nindent;
	size_t			 indents[NINDENTS];
	size_t			 seen;	/* lines counted into the statistics */
	size_t			 base;	/* the usual indentation */
	size_t			 maxchars;	/* widest line counted */
	size_t			 width;
	int			 unwrapped;
	int			 indented;
	int			 dense;	/* no blank lines between paragraphs */
	size_t			 nparas;	/* paragraphs returned so far */
	struct lede_buf		 para;
};

#define LOOKAHEAD	64		/* lines read ahead of a decision */
#define HISTORY		(32 * 1024)	/* bytes of past text kept */

/*
 * The tuning of the layout guess, chosen on the five layouts of the
 * paragraphs dev corpus (72 and 66 columns, indented, unwrapped, CRLF) and
 * checked on the sentences and quotes corpora:
 * - the wrap width is the widest line among the shortest WIDTH_SHARE
 *   percent of lines, plus a slack of a tenth (at least WIDTH_SLACK);
 * - text is not hard-wrapped when that width is past UNWRAPPED_WIDE or
 *   short of UNWRAPPED_NARROW columns (with fewer than FEW_LINES lines:
 *   past FEW_WIDE), or
 *   when fewer than NEAR_SHARE percent of its lines come within a quarter
 *   of it;
 * - paragraphs start with an indent when at most INDENT_SHARE percent of
 *   the lines are indented (the first lines, not all of them);
 * - a document is dense (no blank lines between paragraphs) when it has
 *   fewer than one blank line for DENSE_LINES lines of text.
 */
#define WIDTH_SHARE		90
#define WIDTH_SLACK		4
#define UNWRAPPED_WIDE		160
#define UNWRAPPED_NARROW	40
#define FEW_LINES		4
#define FEW_WIDE		100
#define NEAR_SHARE		40
#define INDENT_SHARE		60
#define DENSE_LINES		8
/* The statistics are brought up to date at least every STATS_EVERY lines. */
#define STATS_EVERY		256

struct lede_layout *
lede_layout_new(struct lede_input *in, size_t cap)
{
	struct lede_layout	*L = lede_xcalloc(1, sizeof(*L));

	L->in = in;
	L->cap = cap ? cap : LEDE_MAXPARA_DEFAULT;
	return L;
}

void
lede_layout_free(struct lede_layout *L)
{
	if (L == NULL)
		return;
	lede_buf_free(&L->text);
	lede_buf_free(&L->para);
	free(L->linebuf);
	free(L);
}

static void
reset_doc(struct lede_layout *L)
{
	memset(L->hist, 0, sizeof(L->hist));
	memset(L->indents, 0, sizeof(L->indents));
	L->ntext = L->nblank = L->nindent = L->seen = L->width = 0;
	L->text.len = 0;
	L->lines = L->linebuf;
	L->maxchars = 0;
	L->unwrapped = L->indented = L->dense = 0;
	L->nparas = 0;
}

/* Recomputes the layout of the document from its statistics. */
static void
update_stats(struct lede_layout *L)
{
	size_t	n = L->ntext, acc = 0, p90 = 0, lim, w = 0, near = 0, i;
	size_t	base = 0, top = L->maxchars;

	L->seen = L->ntext + L->nblank;
	if (n == 0)
		return;
	for (i = 0; i <= top; i++) {
		acc += L->hist[i];
		if (acc * 100 >= n * WIDTH_SHARE) {
			p90 = i;
			break;
		}
	}
	lim = p90 + (p90 / 10 > WIDTH_SLACK ? p90 / 10 : WIDTH_SLACK);
	for (i = 0; i <= top && i <= lim; i++)
		if (L->hist[i] > 0)
			w = i;
	for (i = w * 3 / 4; i <= top; i++)
		near += L->hist[i];
	L->width = w;
	L->unwrapped = w > UNWRAPPED_WIDE || w < UNWRAPPED_NARROW ||
	    (n >= FEW_LINES && near * 100 < n * NEAR_SHARE) ||
	    (n < FEW_LINES && w > FEW_WIDE);
	for (i = 1; i < sizeof(L->indents) / sizeof(L->indents[0]); i++)
		if (L->indents[i] > L->indents[base])
			base = i;
	L->base = base;
	L->indented = L->nindent > 0 && L->nindent * 100 <= n * INDENT_SHARE;
	L->dense = L->nblank * DENSE_LINES < n;
}

/*
 * Brings the statistics up to date when enough lines came in since the
 * last time: at doubling counts first, then every STATS_EVERY lines, and at
 * the end
 * of the document.  Each update costs a pass over the width histogram.
 */
static void
refresh_stats(struct lede_layout *L)
{
	size_t	total = L->ntext + L->nblank;

	if (total == L->seen)
		return;
	if (total >= 2 * L->seen || total >= L->seen + STATS_EVERY || L->have)
		update_stats(L);
}

/* Copies a line into the window, measured. */
static void
add_line(struct lede_layout *L, const struct lede_line *l)
{
	struct lede_lline	*ll;
	const char		*s = l->s;
	size_t			 b = 0, e = l->len, i, indent = 0;

	if (L->lines + L->nlines == L->linebuf + L->maxlines) {
		if (L->lines > L->linebuf) {
			memmove(L->linebuf, L->lines,
			    L->nlines * sizeof(*L->lines));
			L->lines = L->linebuf;
		} else {
			L->maxlines = L->maxlines ? L->maxlines * 2 : 128;
			L->linebuf = lede_xrealloc(L->linebuf,
			    L->maxlines * sizeof(*L->lines));
			L->lines = L->linebuf;
		}
	}
	ll = &L->lines[L->nlines++];
	while (b < e && (s[b] == ' ' || s[b] == '\t')) {
		indent += s[b] == '\t' ? 8 - indent % 8 : 1;
		b++;
	}
	while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t'))
		e--;
	ll->off = L->text.len;
	ll->len = e - b;
	ll->indent = indent;
	ll->blank = l->kind == LEDE_LINE_BLANK;
	ll->cut = l->cut;
	lede_buf_add(&L->text, s + b, e - b);
	lede_buf_addc(&L->text, '\n');	/* keeps words of two lines apart */
	ll->chars = indent + lede_utf8_len(s + b, e - b);
	for (i = b; i < e && s[i] != ' ' && s[i] != '\t'; i++)
		;
	ll->first = lede_utf8_len(s + b, i - b);
	if (ll->blank) {
		L->nblank++;
		return;
	}
	L->ntext++;
	i = ll->chars < MAXW ? ll->chars : MAXW;
	L->hist[i]++;
	if (i > L->maxchars)
		L->maxchars = i;
	L->indents[indent < NINDENTS ? indent : NINDENTS - 1]++;
	if (indent > 0)
		L->nindent++;
}

/* Offset of the window's first line in the text buffer. */
static size_t
window_start(const struct lede_layout *L)
{
	return L->nlines > 0 ? L->lines[0].off : L->text.len;
}

/*
 * Reads lines until the window holds want of them or the document ends;
 * past the cap in bytes, only until it holds need of them.
 */
static void
fill(struct lede_layout *L, size_t want, size_t need)
{
	while (L->nlines < want && !L->have &&
	    (L->text.len - window_start(L) <= L->cap || L->nlines < need)) {
		lede_input_next(L->in, &L->pend);
		if (L->pend.kind == LEDE_IN_BYTES)
			continue;	/* raw bytes are not asked for */
		if (L->pend.kind != LEDE_IN_LINE) {
			L->have = 1;
			break;
		}
		add_line(L, &L->pend.line);
	}
}

/*
 * Drops the first n lines of the window.  Their text stays in the buffer
 * as history for the hyphenation decisions until more than twice HISTORY
 * bytes of it pile up; then all but the last HISTORY bytes go.
 */
static void
consume(struct lede_layout *L, size_t n)
{
	size_t	drop, i;

	L->lines += n;
	L->nlines -= n;
	if (window_start(L) <= 2 * HISTORY)
		return;
	drop = window_start(L) - HISTORY;
	memmove(L->text.p, L->text.p + drop, L->text.len - drop);
	L->text.len -= drop;
	for (i = 0; i < L->nlines; i++)
		L->lines[i].off -= drop;
}

static const char *
line_text(const struct lede_layout *L, const struct lede_lline *ll)
{
	return L->text.p + ll->off;
}

/* Does the line end with a letter and a hyphen, "inter-"? */
static int
hyphen_end(const struct lede_layout *L, const struct lede_lline *ll)
{
	const char	*s = line_text(L, ll);
	size_t		 n = ll->len, k;
	uint32_t	 c;

	if (n < 3 || s[n - 1] != '-')
		return 0;
	k = lede_utf8_prev(s, n - 1);
	lede_utf8_next(s + n - 1 - k, k, &c);
	return lede_uc_isalpha(c);
}

static uint32_t
first_char(const struct lede_layout *L, const struct lede_lline *ll)
{
	uint32_t	c = 0;

	if (ll->len > 0)
		lede_utf8_next(line_text(L, ll), ll->len, &c);
	return c;
}

/* Does the line start with a bullet or an item number and a space? */
static int
list_start(const struct lede_layout *L, const struct lede_lline *ll)
{
	const char	*s = line_text(L, ll);
	size_t		 i = 0, n = ll->len;
	uint32_t	 c = first_char(L, ll);

	if (c == 0x2022 || c == 0xB7 || c == 0x25AA || c == 0x2023 ||
	    c == 0x25E6 || c == 0x25CF || c == 0x25A0)
		return 1;
	if ((c == '*' || c == '-') && n > 1 && s[1] == ' ')
		return 2;
	while (i < n && i < 3 && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i == 0 && n > 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] == ')')
		i = 1;
	if (i > 0 && i + 1 < n && (s[i] == '.' || s[i] == ')') &&
	    s[i + 1] == ' ')
		return 2;
	return 0;
}

/*
 * Does the line end a sentence: . ? ! maybe followed by closing marks?
 * Returns 0 if not, 2 if a closing quotation mark ends it, else 1.
 */
static int
sentence_end(const struct lede_layout *L, const struct lede_lline *ll)
{
	const char	*s = line_text(L, ll);
	size_t		 n = ll->len, w;
	uint32_t	 c;
	int		 quoted = 0;

	while (n > 0) {
		w = lede_utf8_prev(s, n);
		lede_utf8_next(s + n - w, w, &c);
		if (c != '"' && c != '\'' && c != ')' && c != 0x201D &&
		    c != 0x2019 && c != 0xBB)
			break;
		quoted |= c == '"' || c == 0x201D || c == 0xBB;
		n -= w;
	}
	if (n == 0 || (s[n - 1] != '.' && s[n - 1] != '?' && s[n - 1] != '!'))
		return 0;
	/* "Mr." and initials do not end sentences. */
	for (w = n - 1; w > 0 && s[w - 1] != ' '; w--)
		;
	if (n - 1 - w == 1)
		return 0;
	if (s[n - 1] == '.' && lede_lex_find(&lede_lex_abbrev, s + w,
	    n - 1 - w) != NULL)
		return 0;
	return quoted ? 2 : 1;
}

/* Is the line only punctuation and symbols, like "___" or "* * *"? */
static int
separator(const struct lede_layout *L, const struct lede_lline *ll)
{
	const char	*s = line_text(L, ll);
	size_t		 i;

	for (i = 0; i < ll->len; i++)
		if ((unsigned char)s[i] >= 0x80 ||
		    lede_uc_isalpha((unsigned char)s[i]) ||
		    lede_uc_isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

/* Sentence ends in s: . ? ! (and closing marks) before a space. */
static int
sentences(const char *s, size_t n)
{
	size_t	i, j;
	int	k = 0;

	for (i = 0; i < n; i++) {
		if (s[i] != '.' && s[i] != '?' && s[i] != '!')
			continue;
		for (j = i + 1; j < n && (s[j] == '"' || s[j] == '\'' ||
		    s[j] == ')' || (unsigned char)s[j] >= 0x80); j++)
			;
		k += j == n || s[j] == ' ' || s[j] == '\n';
	}
	return k;
}

/*
 * In text wrapped without any paragraph marks, does a full line that ends
 * a sentence also end its paragraph?  Nothing in the layout tells, so this
 * weighs what usually holds in news: quotations close paragraphs, and
 * paragraphs seldom run past four lines or one quoted sentence.
 */
static int
guess_end(const struct lede_layout *L, size_t i)
{
	const struct lede_lline	*a = &L->lines[i], *b = &L->lines[i + 1];
	uint32_t		 c = first_char(L, b);
	int			 end, quote;

	quote = c == 0x201C || c == '"' || (c == '\'' && b->len > 1 &&
	    line_text(L, b)[1] == '\'');
	if ((end = sentence_end(L, a)) == 0 || !(lede_uc_isupper(c) ||
	    lede_uc_isdigit(c) || quote))
		return 0;
	if (end == 2 || i >= 4 || L->nparas == 0)
		return 1;
	if (i == 3 && sentences(L->para.p, L->para.len) <= 2)
		return 1;	/* four lines, long sentences: enough */
	return quote && i >= 2;
}

/* Is the line written in capitals, like a heading ("2. STORM HITS")? */
static int
capitals(const struct lede_layout *L, const struct lede_lline *ll)
{
	const char	*s = line_text(L, ll);
	size_t		 i, n;
	uint32_t	 c;
	int		 upper = 0, lower = 0;

	for (i = 0; i < ll->len; i += n) {
		n = lede_utf8_next(s + i, ll->len - i, &c);
		upper += lede_uc_isupper(c);
		lower += lede_uc_islower(c);
	}
	return upper >= 4 && lower * 10 <= upper;
}

/*
 * After a short line, does a line starting in lower case go on with the
 * same sentence (a stray line break, as in text taken from PDF) rather
 * than start a paragraph (an item of a list: "features" / "contacts")?
 * Yes when the short line ends no sentence and the next one ends one.
 */
static int
continues(const struct lede_layout *L, const struct lede_lline *a,
    const struct lede_lline *b)
{
	const char	*t = line_text(L, b);

	return lede_uc_islower(first_char(L, b)) && !sentence_end(L, a) &&
	    (memchr(t, '.', b->len) != NULL || memchr(t, '?', b->len) != NULL ||
	    memchr(t, '!', b->len) != NULL);
}

/* Does a paragraph end between window lines i and i + 1 (both text)? */
static int
breaks(const struct lede_layout *L, size_t i)
{
	const struct lede_lline	*a = &L->lines[i], *b = &L->lines[i + 1];
	uint32_t		 c = first_char(L, b);
	int			 list;

	if (hyphen_end(L, a) && lede_uc_islower(c))
		return 0;
	if (L->unwrapped)
		return !continues(L, a, b);
	list = list_start(L, b);
	if (list == 1 || (list == 2 && a->chars * 5 < L->width * 4))
		return 1;
	if (b->indent > a->indent + 1 ||
	    (L->indented && b->indent > L->base))
		return 1;
	if (a->chars + 1 + b->first <= L->width)
		return !continues(L, a, b);
	if (separator(L, a) || separator(L, b) ||
	    capitals(L, a) != capitals(L, b))
		return 1;
	return L->dense && !L->indented && guess_end(L, i);
}

/* Is the word (n bytes at w) written somewhere in the document's text? */
static int
known_word(const struct lede_layout *L, const char *w, size_t n)
{
	const char	*start = L->text.p, *p = start, *end = p + L->text.len;

	while (p != NULL && (size_t)(end - p) >= n &&
	    (p = memchr(p, w[0], (size_t)(end - p) - n + 1)) != NULL) {
		if (memcmp(p, w, n) == 0 && (p == start ||
		    !lede_uc_isalpha((unsigned char)p[-1])) &&
		    (p + n == end || !lede_uc_isalpha((unsigned char)p[n])))
			return 1;
		p++;
	}
	return 0;
}

/* Is the word at s a compound part of the given class in the lexicon? */
static int
compound_part(const char *s, size_t n, const char *cls)
{
	const struct lede_lexent	*e;

	e = lede_lex_find_nocase(&lede_lex_hyphen, s, n);
	return e != NULL && (strcmp(e->cls, cls) == 0 ||
	    strcmp(e->cls, "both") == 0);
}

/*
 * Decides whether "part1-" at the end of line a and "part2" at the start of
 * line b are one word broken by the line end (1) or a compound (0).
 */
static int
joins(const struct lede_layout *L, const struct lede_lline *a,
    const struct lede_lline *b)
{
	const char	*s = line_text(L, a), *t = line_text(L, b);
	size_t		 p1, n1, n2;
	char		 word[128];

	for (p1 = a->len - 1; p1 > 0 && s[p1 - 1] != ' ' && s[p1 - 1] != '-' &&
	    s[p1 - 1] != '(' && s[p1 - 1] != '"'; p1--)
		;
	n1 = a->len - 1 - p1;
	for (n2 = 0; n2 < b->len && ((unsigned char)t[n2] >= 0x80 ||
	    lede_uc_isalpha((unsigned char)t[n2])); n2++)
		;
	if (n1 + n2 + 1 > sizeof(word))
		return 1;
	memcpy(word, s + p1, n1);
	memcpy(word + n1, t, n2);
	if (known_word(L, word, n1 + n2))
		return 1;
	memcpy(word + n1, "-", 1);
	memcpy(word + n1 + 1, t, n2);
	if (known_word(L, word, n1 + n2 + 1))
		return 0;
	return !compound_part(s + p1, n1, "first") &&
	    !compound_part(t, n2, "second");
}

/* Appends window line i + 1 to the paragraph after line i. */
static void
append(struct lede_layout *L, size_t i)
{
	const struct lede_lline	*a = &L->lines[i], *b = &L->lines[i + 1];

	if (hyphen_end(L, a) && lede_uc_islower(first_char(L, b))) {
		if (joins(L, a, b))
			L->para.len--;
	} else
		lede_buf_addc(&L->para, ' ');
	lede_buf_add(&L->para, line_text(L, b), b->len);
}

static enum lede_par_kind
pending_event(struct lede_layout *L, struct lede_par_event *ev)
{
	L->have = 0;
	if (L->pend.kind == LEDE_IN_BEGIN) {
		reset_doc(L);
		L->doc = L->pend.doc;
		L->splits = 0;
	}
	return lede_par_from_input(&L->pend, ev);
}

enum lede_par_kind
lede_layout_next(struct lede_layout *L, struct lede_par_event *ev)
{
	size_t	i;

	memset(ev, 0, sizeof(*ev));
	for (;;) {
		fill(L, LOOKAHEAD, 1);
		while (L->nlines > 0 && L->lines[0].blank)
			consume(L, 1);
		if (L->nlines > 0)
			break;
		if (L->have)
			return pending_event(L, ev);
	}
	L->para.len = 0;
	lede_buf_add(&L->para, line_text(L, &L->lines[0]), L->lines[0].len);
	for (i = 0;; i++) {
		fill(L, i + 2 + LOOKAHEAD / 4, i + 2);
		refresh_stats(L);
		if (i + 1 >= L->nlines || L->lines[i].cut ||
		    L->lines[i + 1].blank || breaks(L, i))
			break;
		if (L->para.len + L->lines[i + 1].len >= L->cap) {
			ev->split = 1;
			break;
		}
		append(L, i);
	}
	ev->split |= L->lines[i].cut;
	if (ev->split)
		ev->split = ++L->splits;
	consume(L, i + 1);
	L->nparas++;
	ev->kind = LEDE_PAR_TEXT;
	ev->doc = L->doc;
	ev->s = L->para.p;
	ev->len = L->para.len;
	return ev->kind;
}
