/*
 * Boilerplate removal: phrases, dates and media marks of the short blocks
 * (see strip_priv.h).
 */
#include <string.h>
#include <strings.h>

#include "lex.h"
#include "strip_priv.h"
#include "utf8.h"

#define NORMMAX	512

/* The block's text in lower case, marks turned into single spaces. */
static size_t
normalise(const struct lede_strip *st, const struct lede_strip_block *b,
    char *out, size_t outsz)
{
	const struct lede_strip_line *l = &st->line[b->first];
	const char	*s;
	size_t		 i, k, o = 0;
	uint32_t	 c, j;
	int		 sp = 1;

	for (j = 0; j < b->nlines; j++, l++) {
		s = st->text.p + l->off;
		for (i = 0; i < l->len; i += k) {
			if ((unsigned char)s[i] < 128) {
				k = 1;
				c = (unsigned char)s[i];
				if (lede_strip_isword[c]) {
					if (o + 2 >= outsz)
						return o;
					out[o++] = (char)(lede_strip_isword[c] == 2 ?
					    c + 32 : c);
					sp = 0;
					continue;
				}
			} else
				k = lede_utf8_next(s + i, l->len - i, &c);
			if (lede_uc_isalpha(c) || lede_uc_isdigit(c)) {
				if (o + 5 >= outsz)
					return o;
				o += (size_t)lede_utf8_encode(lede_uc_tolower(c),
				    out + o);
				sp = 0;
			} else if (!sp) {
				out[o++] = ' ';
				sp = 1;
			}
		}
		if (!sp) {
			out[o++] = ' ';
			sp = 1;
		}
	}
	while (o > 0 && out[o - 1] == ' ')
		o--;
	return o;
}

static uint32_t
whole_class(char cls, uint32_t words)
{
	switch (cls) {
	case 'l':
	case 's':
		return LEDE_STRIP_PHRASE;
	case 'b':
		return words <= 8 ? LEDE_STRIP_BYLINE : 0;
	case 'e':
		return LEDE_STRIP_END;
	default:
		return 0;
	}
}

static int
hasext(const char *s, size_t n)
{
	static const char *const ext[] = {
		"jpg", "jpeg", "png", "gif", "webp", "svg"
	};
	const char	*p, *end = s + n;
	size_t		 k, el;

	for (p = s; (p = memchr(p, '.', (size_t)(end - p))) != NULL; ) {
		p++;
		for (k = 0; k < sizeof(ext) / sizeof(ext[0]); k++) {
			el = strlen(ext[k]);
			if ((size_t)(end - p) >= el &&
			    strncasecmp(p, ext[k], el) == 0)
				return 1;
		}
	}
	return 0;
}

/* The words of what a picture is, for its credit and caption marks. */
static const char *const picwords[] = {
	"photo", "image", "picture", "pictured", "credit", "foto", "bild",
	"illustration", "graphic", "video", "photograph"
};
#define NPICWORDS	(sizeof(picwords) / sizeof(picwords[0]))

/*
 * A caption's credit at its end: "(Photo: Getty Images)", "(Image: AP)",
 * "(Foto: dpa)", words of what a picture is in a few languages.
 */
static int
credit_end(const char *s, size_t n)
{
	const char	*o;
	size_t		 k, m, w;

	if (n < 4 || s[n - 1] != ')')
		return 0;
	for (o = s + n - 1; o > s && *o != '('; o--)
		;
	if (*o != '(' || o == s || (size_t)(s + n - o) > 80)
		return 0;
	o++;
	m = (size_t)(s + n - o);
	for (k = 0; k < NPICWORDS; k++) {
		w = strlen(picwords[k]);
		if (m > w + 1 && strncasecmp(o, picwords[k], w) == 0 &&
		    (o[w] == ':' || (o[w] == 's' && o[w + 1] == ':')))
			return 1;
	}
	return 0;
}

/*
 * A credit or caption mark at the start: "Credit...Name/The Paper",
 * "Photo: ...", "Image: ...", "Foto: ..." (a picture word and a colon or
 * an ellipsis).
 */
static int
credit_start(const char *s, size_t n)
{
	size_t	k, w;

	for (k = 0; k < NPICWORDS; k++) {
		w = strlen(picwords[k]);
		if (n > w + 3 && strncasecmp(s, picwords[k], w) == 0) {
			if (s[w] == 's')
				w++;
			if (s[w] == ':' || strncmp(s + w, "...", 3) == 0 ||
			    strncmp(s + w, "\xe2\x80\xa6", 3) == 0)
				return 1;
		}
	}
	return 0;
}

/* A form control as a text renderer draws it: "[ ]", "[X]", "( )", "[___". */
static int
isform(const char *s, size_t n)
{
	if (n < 3)
		return 0;
	if ((s[0] == '[' && s[2] == ']') || (s[0] == '(' && s[2] == ')'))
		return s[1] == ' ' || s[1] == 'X' || s[1] == 'x' ||
		    s[1] == '*';
	return s[0] == '[' && s[1] == '_' && s[2] == '_';
}

void
lede_strip_media(const struct lede_strip *st, struct lede_strip_block *b)
{
	const struct lede_strip_line *l = &st->line[b->first];
	const char	*s = st->text.p + l->off;
	size_t		 i, n = l->len;

	if (b->nlines != 1 || n > 300)
		return;
	i = lede_strip_skipspace(s, n, NULL);
	while (n > i && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (lede_strip_isbracketed(s, n) || credit_end(s + i, n - i) ||
	    (b->f.words <= 30 && credit_start(s + i, n - i)))
		b->f.media = 1;
	else if (b->f.words <= 12 && hasext(s + i, n - i))
		b->f.media = 1;
}

/* A short block with this word is a prompt (set on the dev pages). */
#define PROMPT_WORDS	30

/* Is w a word of the normalised text? */
static int
hasword(const char *s, size_t n, const char *w)
{
	size_t	k = strlen(w), i;

	for (i = 0; i + k <= n; i++)
		if ((i == 0 || s[i - 1] == ' ') && memcmp(s + i, w, k) == 0 &&
		    (i + k == n || s[i + k] == ' '))
			return 1;
	return 0;
}

/* Looks for boilerplate phrases and dates; sets bits in b->why. */
void
lede_strip_phrases(const struct lede_strip *st, struct lede_strip_block *b)
{
	const struct lede_lexent *e;
	const struct lede_strip_line *l;
	const char	*s;
	char		 norm[NORMMAX];
	size_t		 n, i, w, ws, ndate = 0;
	int		 whole;

	if (b->f.words == 0)
		return;
	l = &st->line[b->first];
	s = st->text.p + l->off;
	i = lede_strip_skipspace(s, l->len, NULL);
	if (isform(s + i, l->len - i))
		b->why |= LEDE_STRIP_PHRASE;	/* "[ ]I agree that ..." */
	if (b->f.words <= PROMPT_WORDS) {
		/* A prompt to sign up: "... subscribe to our newsletter." */
		n = normalise(st, b, norm, sizeof(norm));
		if (hasword(norm, n, "newsletter") ||
		    hasword(norm, n, "newsletters"))
			b->why |= LEDE_STRIP_PHRASE;
	}
	whole = b->f.words <= SHORTWORDS && b->f.bytes <= 400;
	whole = whole && (b->f.words <= 12 || (b->f.digit > 0 &&
	    b->f.words <= 14));
	if (!whole && !lede_strip_firsts_find(st, b->f.first))
		return;
	n = normalise(st, b, norm, whole ? sizeof(norm) : 48);
	whole = whole && n < sizeof(norm) - 8;
	if (whole && b->f.words <= 12 &&
	    (e = lede_lex_find(&lede_lex_boiler, norm, n)) != NULL)
		b->why |= whole_class(e->cls[0], b->f.words);
	if (whole && b->f.words <= 4 && n > 0 && norm[0] >= '0' &&
	    norm[0] <= '9') {
		/* "167 comments" */
		for (i = 0; i < n && norm[i] != ' '; i++)
			;
		if (i < n && (e = lede_lex_find(&lede_lex_boiler, norm + i + 1,
		    n - i - 1)) != NULL && e->cls[0] == 'e')
			b->why |= LEDE_STRIP_END;
	}
	for (i = ws = 0, w = 0; i <= n; i++) {
		if (i < n && norm[i] != ' ')
			continue;
		if ((i == n && !whole) || (w >= 4 && (b->f.words > 14 ||
		    b->f.digit == 0)))
			break;
		w++;
		if (w <= 4 && (w >= 3 || b->f.words <= 12) &&
		    (e = lede_lex_find(&lede_lex_boiler, norm, i)) != NULL) {
			if (e->cls[0] == 's' && (b->f.words <= 12 || w >= 3))
				b->why |= LEDE_STRIP_PHRASE;
			else if (e->cls[0] == 'b' && b->f.words <= 8)
				b->why |= LEDE_STRIP_BYLINE;
		}
		if (b->f.words <= 14 && b->f.digit > 0 &&
		    (e = lede_lex_find(&lede_lex_boiler,
		    norm + ws, i - ws)) != NULL && e->cls[0] == 'd')
			ndate++;
		ws = i + 1;
	}
	if (ndate > 0 && b->f.digit > 0 && b->f.words <= 14 &&
	    (b->f.sentends == 0 || b->f.words <= 8))
		b->why |= LEDE_STRIP_DATE;
}
