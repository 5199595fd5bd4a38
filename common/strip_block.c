/*
 * Boilerplate removal: grouping lines into blocks (see strip_priv.h).
 */
#include <string.h>

#include "strip_priv.h"
#include "utf8.h"

size_t
lede_strip_skipspace(const char *s, size_t n, size_t *cols)
{
	size_t	i = 0, c = 0;

	while (i < n) {
		if (s[i] == ' ' || s[i] == '\t')
			i++;
		else if (i + 1 < n && (unsigned char)s[i] == 0xc2 &&
		    (unsigned char)s[i + 1] == 0xa0)
			i += 2;
		else
			break;
		c++;
	}
	if (cols != NULL)
		*cols = c;
	return i;
}

static int
isbulletcp(uint32_t c)
{
	switch (c) {
	case '*': case '-': case '+': case 0x2022: case 0x25a1: case 0x2606:
	case 0x25cb: case 0x25cf: case 0x25e6: case 0x25aa: case 0x25a0:
	case 0x00b7: case 0x2013: case 0x2014: case 0x25ba: case 0x203a:
	case 0x00bb: case 0x2605: case 0x25b8: case 0x2043:
		return 1;
	default:
		return 0;
	}
}

/* Starts with a list mark followed by a space (or nothing). */
int
lede_strip_isbullet(const char *s, size_t n)
{
	size_t		i, k;
	uint32_t	c;

	i = lede_strip_skipspace(s, n, NULL);
	if (i >= n)
		return 0;
	k = lede_utf8_next(s + i, n - i, &c);
	if (!isbulletcp(c))
		return 0;
	i += k;
	return i >= n || s[i] == ' ' || (unsigned char)s[i] == 0xc2;
}

/* The whole line is in square brackets: image text such as "[Photo: ...]". */
int
lede_strip_isbracketed(const char *s, size_t n)
{
	size_t	i;

	i = lede_strip_skipspace(s, n, NULL);
	while (n > i && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return n > i + 1 && s[i] == '[' && s[n - 1] == ']';
}

static int
same(const char *t, const struct lede_strip_line *a,
    const struct lede_strip_line *b)
{
	return a->len == b->len && memcmp(t + a->off, t + b->off, a->len) == 0;
}

/* The line is a number alone: a counter, a page or a gallery's picture. */
static int
isnumber(const char *s, size_t n)
{
	size_t	i, d = 0;

	for (i = lede_strip_skipspace(s, n, NULL); i < n; i++)
		if (s[i] >= '0' && s[i] <= '9')
			d++;
		else if (s[i] != ' ' && s[i] != '\t')
			return 0;
	return d > 0;
}

/* Starts with the number of a list item and a space: "1. ", "12) ". */
int
lede_strip_isordinal(const char *s, size_t n)
{
	size_t	i, d;

	i = lede_strip_skipspace(s, n, NULL);
	for (d = i; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		;
	return i > d && i - d <= 3 && i + 1 < n && (s[i] == '.' ||
	    s[i] == ')') && s[i + 1] == ' ';
}

/*
 * Does line b continue the wrapped paragraph whose first line is first and
 * last line a?  Not when b repeats either: a caption printed twice (image
 * and text) is two paragraphs, not one; nor when b is a number alone, nor
 * the next item of a numbered list ("2. " after "1. ").
 */
static int
joins(const struct lede_strip *st, const struct lede_strip_line *first,
    const struct lede_strip_line *a, const struct lede_strip_line *b,
    size_t maxlen)
{
	const char	*t = st->text.p;

	if (a->width < 30 || a->width * 10 < maxlen * 7 || b->tag != 0 ||
	    a->tag != 0)
		return 0;
	if (lede_strip_isbullet(t + b->off, b->len) || isnumber(t + b->off,
	    b->len) || lede_strip_isbracketed(t + a->off, a->len) ||
	    lede_strip_isbracketed(t + b->off, b->len))
		return 0;
	if (lede_strip_isordinal(t + b->off, b->len) &&
	    lede_strip_isordinal(t + first->off, first->len))
		return 0;
	return !same(t, a, b) && !same(t, first, b);
}

static struct lede_strip_block *
block_new(struct lede_strip *st, size_t line)
{
	struct lede_strip_block	*b;

	if (st->nblock == st->capblock) {
		st->capblock = st->capblock ? st->capblock * 2 : 256;
		st->block = lede_xrealloc(st->block,
		    st->capblock * sizeof(st->block[0]));
	}
	b = &st->block[st->nblock++];
	memset(b, 0, sizeof(*b));
	b->first = (uint32_t)line;
	return b;
}

/*
 * The columns of a line's text, its indentation and trailing blanks left
 * out: what a renderer filled when it wrapped the paragraph.
 */
static size_t
textwidth(const char *s, size_t len)
{
	size_t	i;

	i = lede_strip_skipspace(s, len, NULL);
	while (len > i && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	return lede_utf8_width(s + i, len - i);
}

void
lede_strip_blocks_form(struct lede_strip *st)
{
	struct lede_strip_block	*b = NULL;
	struct lede_strip_line	*l;
	size_t			 g, e, i, maxlen;
	int			 wrapped;

	st->nblock = 0;
	for (g = 0; g < st->nline; g = e) {
		for (e = g + 1; e < st->nline && st->line[e].blank == 0; e++)
			;
		/* Only a group of lines can be a wrapped paragraph. */
		for (i = g, maxlen = 0; i < e && e - g >= 2; i++) {
			l = &st->line[i];
			l->width = (uint32_t)textwidth(st->text.p + l->off,
			    l->len);
			if (l->width > maxlen)
				maxlen = l->width;
		}
		wrapped = e - g >= 2 && maxlen >= 30 && maxlen <= 100;
		for (i = g; i < e; i++) {
			if (b == NULL || i == g || !(st->line[i - 1].cut ||
			    (wrapped && joins(st, &st->line[b->first],
			    &st->line[i - 1], &st->line[i], maxlen))))
				b = block_new(st, i);
			b->nlines++;
			st->line[i].block = (uint32_t)(b - st->block);
		}
	}
}
