/*
 * The sentence splitter: a token stream with a small lookahead ring and one
 * decision function, ends_here(), that looks at the candidate end, the
 * closing marks after it and the next real token.
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

/* The k-th token ahead (0: the current one), or NULL past the end. */
static const struct lede_tok *
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

/* Adds the current token to the sentence and moves past it. */
static void
take(struct lede_sentencer *ss, struct lede_span *span)
{
	const struct lede_tok	*t = peek(ss, 0);

	span->len = t->off + t->len - span->off;
	advance(ss);
}

int
lede_sent_next(struct lede_sentencer *ss, struct lede_span *span)
{
	const struct lede_tok	*t;
	size_t			 k;
	long			 v;

	if ((t = peek(ss, 0)) == NULL)
		return 0;
	span->off = t->off;
	span->len = 0;
	if (bullet(ss, peek(ss, 0)))
		take(ss, span);
	if (peek(ss, 0) != NULL && (v = list_item(ss, 0, &k)) >= 0) {
		/* Keep "2." or "b)" with the item it marks. */
		ss->item = v == 1 || v == ss->item + 1 ? v : 0;
		while (k-- > 0)
			take(ss, span);
	}
	while (peek(ss, 0) != NULL) {
		if ((k = ends_here(ss)) > 0) {
			while (k-- > 0)
				take(ss, span);
			return 1;
		}
		take(ss, span);
	}
	return 1;
}
