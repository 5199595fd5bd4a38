/*
 * Pairing the quotation marks of a paragraph: straight marks and '' alternate,
 * curly marks go by their direction, a stray mark is skipped by looking at
 * the bytes next to it; and the tokens each quotation holds.
 */
#include <string.h>

#include "quote_priv.h"
#include "swar.h"

enum mark { M_OPEN, M_CLOSE, M_TOGGLE, M_TOGGLE2 };

/* The quotation mark at p: its kind and length, or 0. */
static size_t
mark_at(const char *s, size_t n, size_t p, enum mark *k, int open)
{
	const unsigned char *u = (const unsigned char *)s + p;
	size_t	r;

	if (u[0] == '"') {
		*k = M_TOGGLE;
		return 1;
	}
	if (u[0] == '\'' && p + 1 < n && u[1] == '\'') {
		for (r = 0; p + r < n && s[p + r] == '\''; r++)
			;
		*k = M_TOGGLE2;
		/* ''' opens with '' and a single, closes the other way. */
		return open ? r : 2;
	}
	if (u[0] == '`' && p + 1 < n && u[1] == '`') {
		*k = M_OPEN;
		return 2;
	}
	if (u[0] == 0xE2 && p + 2 < n && u[1] == 0x80) {
		if (u[2] == 0x9C || u[2] == 0x9E) {
			*k = M_OPEN;
			return 3;
		}
		if (u[2] == 0x9D) {
			*k = M_CLOSE;
			return 3;
		}
	}
	return 0;
}

/* The family of the opening mark at p of kind k: QMARK_*. */
static int
mark_family(const char *s, size_t p, enum mark k)
{
	if (k == M_TOGGLE)
		return QMARK_STRAIGHT;
	if (k == M_TOGGLE2 || s[p] == '`')
		return QMARK_DOUBLED;
	return QMARK_CURLY;
}

static int
space_before(const char *s, size_t p)
{
	unsigned char ch;

	if (p == 0)
		return 1;
	ch = (unsigned char)s[p - 1];
	return ch == ' ' || ch == '\n' || ch == '\t' || ch == '(' ||
	    ch == '[' || ch == '-' || ch == 0x94 /* end of a dash */;
}

static int
word_after(const char *s, size_t n, size_t p)
{
	unsigned char ch;

	if (p >= n)
		return 0;
	ch = (unsigned char)s[p];
	return ch >= 0x80 || (ch >= '0' && ch <= '9') ||
	    ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z');
}

/*
 * The words of s: runs between spaces, tabs and newlines with a letter or
 * digit in them (any non-ASCII byte counts as one).  Counted without
 * branches: alnum says the run so far has one.
 */
int
quote_count_words(const char *s, size_t n)
{
	size_t		i;
	int		w = 0;
	unsigned	alnum = 0;

	for (i = 0; i < n; i++) {
		unsigned ch = (unsigned char)s[i];
		unsigned sp = (ch == ' ') | (ch == '\n') | (ch == '\t');
		unsigned an = (ch >= 0x80) | (ch - '0' < 10) |
		    ((ch | 0x20) - 'a' < 26);

		w += (int)(sp & alnum);
		alnum = (sp ^ 1) & (alnum | an);
	}
	return w + (int)alnum;
}

/* Is byte b white space between a mark and the words it quotes? */
static inline int
blank(char b)
{
	return b == ' ' || b == '\t' || b == '\n';
}

/*
 * The quotation of the marks os..oe, its words is..ie without the white
 * space next to the marks ("“... 'Oh, this is important,' ”"); one that
 * carries a paragraph on keeps its start at the reopening mark.
 */
static void
add_quote(struct lede_quoter *q, const char *s, size_t os, size_t is,
    size_t ie, size_t oe, int cont, int open, int fam)
{
	struct quotation	qt;

	while (!cont && is < ie && blank(s[is]))
		is++;
	while (ie > is && blank(s[ie - 1]))
		ie--;

	memset(&qt, 0, sizeof(qt));
	qt.mark = fam;
	qt.os = os;
	qt.is = is;
	qt.ie = ie;
	qt.oe = oe;
	qt.cont = cont;
	qt.open = open;
	qt.s0 = qt.s1 = qt.cue = -1;
	lede_buf_add(&q->quotes, &qt, sizeof(qt));
}

/*
 * Does the paragraph open with a quotation mark that carries on a
 * quotation opened by a mark of the given family?  Not when a transcript
 * label follows it ("“PENCE: Well, ..."): that is a new speaker's turn;
 * nor when the mark is of another family: an excerpt set in straight
 * marks, a paragraph a writer opens with "..., then a quotation of
 * their own in curly marks.
 */
int
quote_starts_open(const char *s, size_t n, int family)
{
	enum mark	k;
	size_t		p = 0, len, q, caps = 0;

	while (p < n && (s[p] == ' ' || s[p] == '\t' || s[p] == '\n'))
		p++;
	if (p >= n || (len = mark_at(s, n, p, &k, 0)) == 0 || k == M_CLOSE ||
	    (family != 0 && mark_family(s, p, k) != family))
		return 0;
	for (q = p + len; q < n && q < p + len + LABELMAX && ((s[q] >= 'A' &&
	    s[q] <= 'Z') || s[q] == '.' || s[q] == ' '); q++)
		caps += s[q] >= 'A' && s[q] <= 'Z';
	return !(caps >= 3 && q < n && s[q] == ':');
}

/* Can a quotation mark start with byte b? */
static inline int
mark_byte(char b)
{
	return b == '"' || b == '\'' || b == '`' || b == '\xe2';
}

/* Is any of the eight bytes at s one that can start a mark? */
static inline int
mark_in8(const char *s)
{
	uint64_t	x = lede_load_le(s);

	return (lede_eq8(x, '"') | lede_eq8(x, '\'') | lede_eq8(x, '`') |
	    lede_eq8(x, 0xE2)) != 0;
}

/*
 * Pairs the marks of the paragraph into q->quotes.  A quotation left open
 * at the end runs to the end of the paragraph (marked open).
 */
void
quote_scan(struct lede_quoter *q, const char *s, size_t n, int cont)
{
	enum mark	k;
	size_t		p = 0, len, os = 0, is = 0;
	const char	*e;
	int		open = 0, first = cont, fam = q->pmark;

	if (cont) {
		/* The reopening mark belongs to the text, as in the corpora. */
		while (p < n && (s[p] == ' ' || s[p] == '\t' || s[p] == '\n'))
			p++;
		len = mark_at(s, n, p, &k, 0);
		open = 1;
		os = is = p;
		p += len;
	}
	while (p < n) {
		if (!mark_byte(s[p])) {
			/* Eight bytes at a time while none can start a mark. */
			while (p + 8 <= n && !mark_in8(s + p))
				p += 8;
			while (p < n && !mark_byte(s[p]))
				p++;
			continue;
		}
		if ((len = mark_at(s, n, p, &k, open)) == 0) {
			p++;
			continue;
		}
		if (!open) {
			if (k == M_TOGGLE && p > 0 && s[p - 1] == '=') {
				/* Markup or code: attr="...", not speech. */
				e = memchr(s + p + 1, '"', n - p - 1);
				p = e != NULL ? (size_t)(e - s) + 1 : p + 1;
				continue;
			}
			if ((k == M_TOGGLE || k == M_TOGGLE2) &&
			    !space_before(s, p) && !word_after(s, n, p + len)) {
				/* Shaped as a close with nothing open: 6'3" */
				p += len;
				continue;
			}
			if (k != M_CLOSE || (space_before(s, p) &&
			    word_after(s, n, p + len))) {
				open = 1;
				os = p;
				is = p + len;
				fam = mark_family(s, p, k);
			}
		} else if (k != M_OPEN || !space_before(s, p) ||
		    !word_after(s, n, p + len)) {
			if (k == M_TOGGLE2 && len > 2) {
				p += len - 2;	/* a single mark, then '' */
				len = 2;
			}
			add_quote(q, s, os, is, p, p + len, first, 0, fam);
			first = open = 0;
		} else {
			/*
			 * A mark opens inside: the quotation so far ends
			 * there, as the corpora pair them ("... what he
			 * calls “hell” than ...": "... what he calls").
			 */
			if (p > is)
				add_quote(q, s, os, is, p, p, first, 0, fam);
			first = 0;
			os = p;
			is = p + len;
			fam = mark_family(s, p, k);
		}
		p += len;
	}
	if (open) {
		len = n;
		while (len > is && (s[len - 1] == '\n' || s[len - 1] == ' '))
			len--;
		add_quote(q, s, os, is, len, len, first, 1, fam);
	}
}

/* Marks the tokens of each quotation and finds its token range. */
void
quote_mark_tokens(struct qpara *c)
{
	int	i = 0, k;

	for (k = 0; k < c->nq; k++) {
		struct quotation *qt = &c->qs[k];

		qt->words = quote_count_words(c->s + qt->is, qt->ie - qt->is);
		while (i < c->nt && c->t[i].off < qt->os)
			i++;
		qt->t0 = i;
		while (i < c->nt && c->t[i].off < qt->oe)
			i++;
		qt->t1 = i;
		if (qt->words < MINWORDS && !qt->cont && !qt->open)
			continue;	/* a scare quote reads as text */
		for (int j = qt->t0; j < qt->t1; j++) {
			c->in[j].f |= I_INQ;
			c->in[j].f &= ~I_END;
			c->in[j].q = k;
		}
	}
}

/* The quoted words of qt start after the mark that reopened them. */
void
quote_skip_mark(const struct qpara *c, struct quotation *qt)
{
	enum mark	k;
	size_t		len;

	if (qt->is < qt->ie &&
	    (len = mark_at(c->s, c->n, qt->is, &k, 0)) > 0 && k != M_CLOSE) {
		qt->is += len;
		qt->words = quote_count_words(c->s + qt->is, qt->ie - qt->is);
	}
}

/*
 * The quoted words of qt start after the colon of a transcript label,
 * token colon: "“WALLACE: Let's start ...".
 */
void
quote_skip_label(const struct qpara *c, struct quotation *qt, int colon)
{
	size_t	p = c->t[colon].off + c->t[colon].len;

	while (p < qt->ie && (c->s[p] == ' ' || c->s[p] == '\t' ||
	    (c->s[p] == '\xc2' && p + 1 < qt->ie && c->s[p + 1] == '\xa0')))
		p += c->s[p] == ' ' || c->s[p] == '\t' ? 1 : 2;
	if (quote_count_words(c->s + p, qt->ie - p) == 0)
		return;
	qt->is = p;
	qt->words = quote_count_words(c->s + p, qt->ie - p);
}
