/*
 * The sentence splitter.  It does not tokenize the whole paragraph: a fast
 * scan finds the bytes where a sentence could end (. ? ! ) and the UTF-8
 * ellipsis and bullets), and only around each of them the tokenizer runs,
 * from the start of the word, filling a small look-ahead ring.  One
 * decision function, ends_here(), then looks at the candidate token, the
 * closing marks after it and the next real token.  The tokenizer never goes
 * back: a candidate inside text already tokenized continues from there, so
 * the work stays linear whatever the input.
 */
#include <stdlib.h>
#include <string.h>

#include "lex.h"
#include "sent.h"
#include "utf8.h"

void
lede_sent_init(struct lede_sentencer *ss, const char *s, size_t n)
{
	memset(ss, 0, sizeof(*ss));
	lede_tok_init(&ss->tz, s, n);
}

/* Restarts the token window at byte at. */
static void
window_reset(struct lede_sentencer *ss, size_t at)
{
	ss->tz.pos = at;
	ss->head = ss->count = 0;
	ss->done = 0;
	ss->has_prev = 0;
}

/* The k-th token ahead (0: the current one), or NULL past the end. */
static inline const struct lede_tok *
peek(struct lede_sentencer *ss, size_t k)
{
	struct lede_tok	*t;

	while (ss->count <= k && !ss->done) {
		t = &ss->la[(ss->head + ss->count) % LEDE_SENT_LOOK];
		if (lede_tok_next(&ss->tz, t))
			ss->count++;
		else
			ss->done = 1;
	}
	return k < ss->count ? &ss->la[(ss->head + k) % LEDE_SENT_LOOK] : NULL;
}

static void
advance(struct lede_sentencer *ss)
{
	ss->head = (ss->head + 1) % LEDE_SENT_LOOK;
	ss->count--;
}

static int
tok_is(const struct lede_sentencer *ss, const struct lede_tok *t,
    const char *lit)
{
	size_t	n = strlen(lit);

	return t != NULL && t->len == n && memcmp(ss->tz.s + t->off, lit, n) == 0;
}

static int
is_closer(const struct lede_sentencer *ss, const struct lede_tok *t)
{
	if (t == NULL || (t->flags & LEDE_TF_SPACE && !(t->kind ==
	    LEDE_TOK_QUOTE && t->flags & LEDE_TF_CLOSE)))
		return 0;
	if (t->kind == LEDE_TOK_QUOTE)
		return !(t->flags & LEDE_TF_OPEN);
	if (t->kind == LEDE_TOK_MARKUP)
		return ss->tz.s[t->off + 1] == '/';
	return tok_is(ss, t, ")") || tok_is(ss, t, "]");
}

/* First character of a token. */
static uint32_t
first_char(const struct lede_sentencer *ss, const struct lede_tok *t)
{
	uint32_t	cp;

	lede_utf8_next(ss->tz.s + t->off, t->len, &cp);
	return cp;
}

static int
is_starter(const struct lede_sentencer *ss, const struct lede_tok *t)
{
	size_t	len = t->len;

	return lede_lex_find(&lede_lex_starters, ss->tz.s + t->off, len) !=
	    NULL;
}

/* Can token t begin a sentence at all? */
static int
can_start(const struct lede_sentencer *ss, const struct lede_tok *t)
{
	uint32_t	c = first_char(ss, t);

	switch (t->kind) {
	case LEDE_TOK_WORD:
		return !lede_uc_islower(c);
	case LEDE_TOK_NUM:
	case LEDE_TOK_SYM:
	case LEDE_TOK_HASHTAG:
	case LEDE_TOK_MENTION:
	case LEDE_TOK_URL:
	case LEDE_TOK_EMAIL:
		return 1;
	case LEDE_TOK_QUOTE:
		return (t->flags & LEDE_TF_OPEN) != 0;
	case LEDE_TOK_PUNCT:
		return c == '(' || c == '[' || c == 0xBF || c == 0xA1;
	case LEDE_TOK_DASH:
		return 1;
	default:
		return 0;
	}
}

/*
 * The token after any opening quotes, brackets and tags from k on: the word
 * that decides whether a sentence starts.
 */
static const struct lede_tok *
content_from(struct lede_sentencer *ss, size_t k)
{
	const struct lede_tok	*t;

	while ((t = peek(ss, k)) != NULL && k < LEDE_SENT_LOOK - 1 &&
	    (t->kind == LEDE_TOK_MARKUP || t->kind == LEDE_TOK_QUOTE ||
	    tok_is(ss, t, "(") || tok_is(ss, t, "[")))
		k++;
	return t;
}

/*
 * Does an abbreviation-like token t end its sentence?  after is the token
 * that follows it (and its closing marks), next the first word from there.
 */
static int
abbr_ends(struct lede_sentencer *ss, const struct lede_tok *t,
    const struct lede_tok *after, const struct lede_tok *next, int closed)
{
	const struct lede_lexent	*e;

	e = lede_lex_find_nocase(&lede_lex_abbrev, ss->tz.s + t->off,
	    t->len - 1);
	if (e != NULL && strcmp(e->cls, "title") == 0 && !closed)
		return 0;
	if (closed || (e != NULL && strcmp(e->cls, "corp") == 0) ||
	    (after->kind == LEDE_TOK_QUOTE && after->flags & LEDE_TF_OPEN))
		return 1;
	return next->kind == LEDE_TOK_WORD && is_starter(ss, next) &&
	    !tok_is(ss, next, "I");
}

/* Is t a bullet (a list item mark of its own)? */
static int
bullet(const struct lede_sentencer *ss, const struct lede_tok *t)
{
	uint32_t	c;

	if (t == NULL || t->kind != LEDE_TOK_PUNCT)
		return 0;
	c = first_char(ss, t);
	return c == 0x2022 || c == 0x2043 || c == 0x25E6 || c == 0x25AA ||
	    c == 0x25CF || c == 0x2023;
}

/*
 * Is there a list item mark at token k: "2." "2.)" "2)" "b." "b)" before a
 * capitalised word?  Returns the item's number (b is 2) and the number of
 * tokens of the mark in *ntok, or -1.
 */
static long
list_item(struct lede_sentencer *ss, size_t k, size_t *ntok)
{
	const struct lede_tok	*n = peek(ss, k), *w;
	const char		*s;
	size_t			 j = k + 1;
	char			*end;
	long			 v;

	if (n == NULL || n->len > 3)
		return -1;
	s = ss->tz.s + n->off;
	if (n->kind == LEDE_TOK_WORD && n->len == 2 && n->flags & LEDE_TF_ABBR &&
	    s[0] >= 'a' && s[0] <= 'z')
		v = s[0] - 'a' + 1;
	else if (n->kind == LEDE_TOK_WORD && n->len == 1 && s[0] >= 'a' &&
	    s[0] <= 'z' && tok_is(ss, peek(ss, j), ")"))
		v = s[0] - 'a' + 1, j++;
	else if (n->kind == LEDE_TOK_NUM) {
		v = strtol(s, &end, 10);
		if (end != s + n->len || (!tok_is(ss, peek(ss, j), ".") &&
		    !tok_is(ss, peek(ss, j), ")")))
			return -1;
		if (tok_is(ss, peek(ss, ++j), ")"))
			j++;
	} else
		return -1;
	if ((w = peek(ss, j)) == NULL || w->kind != LEDE_TOK_WORD ||
	    !(w->flags & LEDE_TF_CAP))
		return -1;
	*ntok = j - k;
	return v;
}

/* Number of periods in an ellipsis token ("...." and ". . . ." give 4). */
static size_t
dots(const struct lede_sentencer *ss, const struct lede_tok *t)
{
	size_t	i, n = 0;

	for (i = 0; i < t->len; i++)
		n += ss->tz.s[t->off + i] == '.';
	return n;
}

/*
 * Decides whether the sentence ends after the current token (peek(0)).
 * On yes, returns the number of tokens that belong to it (the current one
 * and the closing marks after it); on no, 0.
 */
static size_t
ends_here(struct lede_sentencer *ss)
{
	const struct lede_tok	*t = peek(ss, 0), *next;
	size_t			 k = 1, n;
	int			 closed;
	uint32_t		 c;

	while (k < LEDE_SENT_LOOK - 2 && is_closer(ss, peek(ss, k)))
		k++;
	closed = k > 1 && peek(ss, k - 1)->kind == LEDE_TOK_QUOTE;
	if ((ss->item > 0 && list_item(ss, k, &n) == ss->item + 1) ||
	    bullet(ss, peek(ss, k)))
		return k;
	if ((next = content_from(ss, k)) == NULL)
		return k;
	c = first_char(ss, t);
	if (!can_start(ss, next))
		return 0;
	/* Without a space, only "end.Next" (a missing space) may split. */
	if (!(peek(ss, k)->flags & LEDE_TF_SPACE) && (k > 1 ||
	    t->kind != LEDE_TOK_PUNCT || next->kind != LEDE_TOK_WORD ||
	    !(next->flags & LEDE_TF_CAP) || next->len < 2))
		return 0;
	if (t->kind == LEDE_TOK_ELLIPSIS)
		return dots(ss, t) >= 4 ||
		    (next->kind == LEDE_TOK_WORD && is_starter(ss, next) &&
		    !tok_is(ss, next, "I")) ? k : 0;
	if (t->kind == LEDE_TOK_WORD && t->flags & LEDE_TF_ABBR)
		return abbr_ends(ss, t, peek(ss, k), next, closed) ? k : 0;
	if (t->kind != LEDE_TOK_PUNCT || (c != '.' && c != '?' && c != '!'))
		return 0;
	return k;
}

/* Bytes where a sentence may end or a list item begin. */
static const unsigned char cand[256] = {
	['.'] = 1, ['?'] = 1, ['!'] = 1, [')'] = 1, [0xE2] = 1,
};

/* The next candidate byte at or after pos, or the end of the text. */
static size_t
next_candidate(const struct lede_sentencer *ss, size_t pos)
{
	const unsigned char	*p = (const unsigned char *)ss->tz.s;
	size_t			 n = ss->tz.len;

	for (; pos < n; pos++) {
		if (!cand[p[pos]])
			continue;
		if (p[pos] != 0xE2)
			return pos;
		/* U+2026 ellipsis and the bullets U+2022, U+2023, U+2043. */
		if (pos + 2 < n && ((p[pos + 1] == 0x80 && (p[pos + 2] == 0xA6 ||
		    p[pos + 2] == 0xA2 || p[pos + 2] == 0xA3)) ||
		    (p[pos + 1] == 0x81 && p[pos + 2] == 0x83) ||
		    (p[pos + 1] == 0x97 && (p[pos + 2] == 0xA6 ||
		    p[pos + 2] == 0x8F)) || (p[pos + 1] == 0x96 &&
		    p[pos + 2] == 0xAA)))
			return pos;
	}
	return n;
}

static int
space_byte(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

/*
 * Moves the window so that peek(0) is the token holding byte p, the token
 * before it kept as ss->prev.  The tokenizer restarts at the white space
 * before p's word (and before a spaced ". . ." that ends there) when that
 * lies past what it has read; otherwise it reads on from where it is.
 */
static const struct lede_tok *
locate(struct lede_sentencer *ss, size_t p, size_t floor)
{
	const struct lede_tok	*t;
	const char		*s = ss->tz.s;
	size_t			 b = p, lim;

	lim = p > floor + 256 ? p - 256 : floor;
	while (b > lim && !space_byte(s[b - 1]))
		b--;
	while (b >= lim + 2 && s[b] == '.' && s[b - 1] == ' ' && s[b - 2] == '.')
		for (b -= 2; b > lim && !space_byte(s[b - 1]); b--)
			;
	if (b > lim && b >= ss->tz.pos && (b == floor || space_byte(s[b - 1])))
		window_reset(ss, b > floor ? b - 1 : b);
	while ((t = peek(ss, 0)) != NULL && t->off + t->len <= p) {
		ss->prev = *t;
		ss->has_prev = 1;
		advance(ss);
	}
	return t;
}

/*
 * Does a list item of the expected number start at the previous token,
 * as "2" in "... 2. Call home" or "b" in "b) Call"?  Returns its offset.
 */
static int
item_at_prev(struct lede_sentencer *ss, size_t floor, size_t *off)
{
	const struct lede_tok	*t = peek(ss, 0), *w;
	const struct lede_tok	*p = &ss->prev;
	const char		*s = ss->tz.s + p->off;
	size_t			 k = 1;
	long			 v;
	char			*end;

	if (!ss->has_prev || p->off <= floor || !(p->flags & LEDE_TF_SPACE) ||
	    (!tok_is(ss, t, ".") && !tok_is(ss, t, ")")))
		return 0;
	if (p->kind == LEDE_TOK_NUM && p->len <= 3) {
		v = strtol(s, &end, 10);
		if (end != s + p->len)
			return 0;
	} else if (p->kind == LEDE_TOK_WORD && p->len == 1 && s[0] >= 'a' &&
	    s[0] <= 'z' && tok_is(ss, t, ")"))
		v = s[0] - 'a' + 1;
	else
		return 0;
	if (tok_is(ss, t, ".") && tok_is(ss, peek(ss, 1), ")"))
		k++;
	if (v != ss->item + 1 || (w = peek(ss, k)) == NULL ||
	    w->kind != LEDE_TOK_WORD || !(w->flags & LEDE_TF_CAP))
		return 0;
	*off = p->off;
	return 1;
}

/* Ends the sentence at byte end (trailing white space left out). */
static int
finish(struct lede_sentencer *ss, struct lede_span *span, size_t end)
{
	size_t	e = end;

	while (e > span->off && space_byte(ss->tz.s[e - 1]))
		e--;
	span->len = e - span->off;
	ss->next = end;
	return 1;
}

int
lede_sent_next(struct lede_sentencer *ss, struct lede_span *span)
{
	const struct lede_tok	*t;
	size_t			 k, p, scan, at;
	long			 v;

	p = ss->next;
	while (p < ss->tz.len && space_byte(ss->tz.s[p]))
		p++;
	if (p >= ss->tz.len)
		return 0;
	span->off = scan = p;
	window_reset(ss, p);
	if (bullet(ss, peek(ss, 0))) {
		scan = peek(ss, 0)->off + peek(ss, 0)->len;
		advance(ss);
	}
	if (peek(ss, 0) != NULL && (v = list_item(ss, 0, &k)) >= 0) {
		/* Keep "2." or "b)" with the item it marks. */
		ss->item = v == 1 || v == ss->item + 1 ? v : 0;
		while (k-- > 0) {
			scan = peek(ss, 0)->off + peek(ss, 0)->len;
			advance(ss);
		}
	}
	for (;;) {
		if ((p = next_candidate(ss, scan)) >= ss->tz.len ||
		    (t = locate(ss, p, span->off)) == NULL)
			return finish(ss, span, ss->tz.len);
		if (t->off > span->off && bullet(ss, t))
			return finish(ss, span, t->off);
		if (ss->item > 0 && item_at_prev(ss, span->off, &at))
			return finish(ss, span, at);
		if (ss->item > 0 && t->off > span->off &&
		    list_item(ss, 0, &k) == ss->item + 1)
			return finish(ss, span, t->off);	/* "b." */
		if ((k = ends_here(ss)) > 0) {
			t = peek(ss, k - 1);
			return finish(ss, span, t->off + t->len);
		}
		scan = t->off + t->len > p ? t->off + t->len : p + 1;
	}
}
