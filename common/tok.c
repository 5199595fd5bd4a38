/*
 * The tokenizer.  One call scans one token: white space first (noting line
 * breaks), then the token's first character selects a scanner.  Words and
 * numbers are scanned greedily over letters and digits and over inner
 * joiners (hyphen, apostrophe, dotted initials) that have a letter or digit
 * on both sides; the period after a word is taken into it only for
 * abbreviations in the lexicon, initials and dotted forms.
 */
#include <string.h>

#include "format.h"
#include "lex.h"
#include "swar.h"
#include "tok.h"
#include "utf8.h"

static const char *const kindnames[] = {
	"WORD", "NUM", "PUNCT", "QUOTE", "DASH", "ELLIPSIS", "URL", "EMAIL",
	"HASHTAG", "MENTION", "SYM", "MARKUP",
};

const char *
lede_tok_kindname(enum lede_tok_kind k)
{
	return kindnames[k];
}

void
lede_tok_init(struct lede_tokenizer *tz, const char *s, size_t n)
{
	tz->s = s;
	tz->len = n;
	tz->pos = 0;
}

/* The character at pos (0 past the end); its length in *n. */
static uint32_t
char_at(const struct lede_tokenizer *tz, size_t pos, size_t *n)
{
	uint32_t	cp;

	if (pos >= tz->len) {
		*n = 0;
		return 0;
	}
	if ((unsigned char)tz->s[pos] < 0x80) {
		*n = 1;
		return (unsigned char)tz->s[pos];
	}
	*n = lede_utf8_next(tz->s + pos, tz->len - pos, &cp);
	return cp;
}

static int
is_mark(uint32_t c)
{
	return (c >= 0x300 && c <= 0x36F) || c == 0x200D;
}

static int
is_alnum(uint32_t c)
{
	if (c < 0x80)
		return lede_ascii[c] & (LEDE_C_ALPHA | LEDE_C_DIGIT);
	return lede_uc_isalpha_ext(c) || is_mark(c);
}

static int
alnum_at(const struct lede_tokenizer *tz, size_t pos)
{
	size_t	n;

	return is_alnum(char_at(tz, pos, &n)) && n > 0;
}

static int
is_apos(uint32_t c)
{
	return c == '\'' || c == 0x2019;
}

static int
starts(const struct lede_tokenizer *tz, size_t pos, const char *lit)
{
	size_t	n = strlen(lit);

	return tz->len - pos >= n && memcmp(tz->s + pos, lit, n) == 0;
}

static int
starts_nocase(const struct lede_tokenizer *tz, size_t pos, const char *lit)
{
	size_t	i, n = strlen(lit);

	if (tz->len - pos < n)
		return 0;
	for (i = 0; i < n; i++)
		if ((tz->s[pos + i] | 0x20) != lit[i])
			return 0;
	return 1;
}

/* Length of a clitic ('s 'm 'd 'll 're 've n't) at pos, or 0. */
static size_t
clitic_at(const struct lede_tokenizer *tz, size_t pos)
{
	static const char *const tails[] = { "s", "m", "d", "ll", "re", "ve" };
	size_t		 n, an, i, tl;
	uint32_t	 c;

	c = char_at(tz, pos, &n);
	if ((c == 'n' || c == 'N') && is_apos(char_at(tz, pos + 1, &an)) &&
	    (char_at(tz, pos + 1 + an, &tl) | 0x20) == 't' &&
	    !alnum_at(tz, pos + 2 + an))
		return 2 + an;
	if (!is_apos(c))
		return 0;
	for (i = 0; i < sizeof(tails) / sizeof(tails[0]); i++) {
		tl = strlen(tails[i]);
		if (starts_nocase(tz, pos + n, tails[i]) &&
		    !alnum_at(tz, pos + n + tl))
			return n + tl;
	}
	return 0;
}

#define NONASCII	0x80	/* in a class accumulator: a non-ASCII letter */

/*
 * Is c, at pos, the second half of a letter of UTF-8 text that was read
 * as Latin-1 or Windows-1252 and written out again ("PeÃ±a" for "Peña",
 * "FranÃ§ois"): after "Ã", the character of the letter's second byte?
 * Not the halves of "×" and "÷", nor quotation marks and dashes.
 */
static int
mojibake_half(const struct lede_tokenizer *tz, size_t pos, uint32_t c)
{
	const unsigned char	*p = (const unsigned char *)tz->s;
	unsigned		 b;

	if (pos < 2 || p[pos - 2] != 0xC3 || p[pos - 1] != 0x83)
		return 0;
	if (c >= 0x80 && c <= 0xBF)
		return c != 0xA0 && c != 0xB7 && (c < 0x91 || c > 0x97);
	for (b = 0x80; b < 0xA0; b++)
		if (lede_cp1252((unsigned char)b) == c)
			return b < 0x91 || b > 0x97;
	return 0;
}

/*
 * Scans letters, digits and marks from pos; returns the end.  The classes
 * of the ASCII characters seen are ORed into *acc (NONASCII for others).
 */
static size_t
scan_alnum(const struct lede_tokenizer *tz, size_t pos, unsigned *acc)
{
	const unsigned char	*p = (const unsigned char *)tz->s;
	size_t			 n;
	uint32_t		 c;

	for (;;) {
		unsigned	a = 0, k;

		while (pos < tz->len && p[pos] < 0x80 &&
		    ((k = lede_ascii[p[pos]]) & (LEDE_C_ALPHA | LEDE_C_DIGIT))) {
			a |= k;
			pos++;
		}
		*acc |= a;
		c = char_at(tz, pos, &n);
		if (n == 0 || (!is_alnum(c) && !mojibake_half(tz, pos, c)))
			return pos;
		*acc |= NONASCII;
		pos += n;
	}
}

/* Does a lower-case domain part like "com" or "co" start at pos? */
static int
domain_part(const struct lede_tokenizer *tz, size_t pos)
{
	size_t		i;

	for (i = pos; i < tz->len && tz->s[i] >= 'a' && tz->s[i] <= 'z'; i++)
		;
	return i - pos >= 2 && i - pos <= 4 && !alnum_at(tz, i);
}

/* Sets the CAP, UPPER and DIGIT flags of a word or number. */
static void
set_case_flags(const struct lede_tokenizer *tz, struct lede_tok *t)
{
	const unsigned char	*p = (const unsigned char *)tz->s + t->off;
	size_t			 i, n;
	uint32_t		 c;
	unsigned		 acc = 0, first = 0;
	int			 letters = 0, upper = 1;

	/* ASCII, the usual case: OR the classes of the bytes together. */
	for (i = 0; i < t->len && p[i] < 0x80; i++) {
		acc |= lede_ascii[p[i]];
		if (first == 0 && lede_ascii[p[i]] & LEDE_C_ALPHA)
			first = lede_ascii[p[i]];
	}
	if (i == t->len) {
		if (acc & LEDE_C_DIGIT)
			t->flags |= LEDE_TF_DIGIT;
		if (first & LEDE_C_UPPER)
			t->flags |= LEDE_TF_CAP;
		if (acc & LEDE_C_ALPHA && !(acc & LEDE_C_LOWER))
			t->flags |= LEDE_TF_UPPER;
		return;
	}
	for (i = 0, first = 1; i < t->len; i += n) {
		c = char_at(tz, t->off + i, &n);
		if (lede_uc_isdigit(c))
			t->flags |= LEDE_TF_DIGIT;
		if (!lede_uc_isalpha(c))
			continue;
		if (first && lede_uc_isupper(c))
			t->flags |= LEDE_TF_CAP;
		first = 0;
		letters++;
		if (lede_uc_islower(c))
			upper = 0;
	}
	if (letters > 0 && upper)
		t->flags |= LEDE_TF_UPPER;
}

/* Should the period at pos end the word start..pos? */
static int
takes_period(const struct lede_tokenizer *tz, size_t start, size_t pos,
    int dotted, size_t nchars)
{
	const struct lede_lexent	*e;
	size_t				 i, n;
	uint32_t			 c;

	if (pos >= tz->len || tz->s[pos] != '.' || starts(tz, pos, ".."))
		return 0;
	if (dotted)
		return 1;
	c = char_at(tz, start, &n);
	if (nchars == 1 && lede_uc_isalpha(c))
		return 1;	/* an initial */
	if (pos - start > LEDE_LEX_ABBREV_MAX)
		return 0;
	/*
	 * One search: the exact spelling if the lexicon has it, else one
	 * that differs in case, which a capitalised word may not take.
	 */
	e = lede_lex_find_nocase(&lede_lex_abbrev, tz->s + start, pos - start);
	if (e == NULL)
		return 0;
	if (lede_uc_isupper(c) && pos - start > 1 &&
	    (e->len != pos - start || memcmp(e->s, tz->s + start, e->len) != 0))
		return 0;
	if (strcmp(e->cls, "number") != 0)
		return 1;
	for (i = pos + 1; i < tz->len && tz->s[i] == ' '; i++)
		;
	return i < tz->len && tz->s[i] >= '0' && tz->s[i] <= '9';
}

static size_t
scan_word(const struct lede_tokenizer *tz, size_t pos, struct lede_tok *t,
    unsigned *acc)
{
	size_t		start = pos, n, an, run, nchars;
	uint32_t	c;
	int		dotted = 0, runlen;

	for (;;) {
		run = pos;
		pos = scan_alnum(tz, pos, acc);
		char_at(tz, run, &n);
		runlen = pos - run == n ? 1 : 2;	/* one character or more */
		c = char_at(tz, pos, &n);
		if (n == 0)
			break;
		if ((c == '-' || c == 0x2010) && alnum_at(tz, pos + n)) {
			pos += n;
			continue;
		}
		if (is_apos(c)) {
			/* Split a clitic off, as "do" "n't" and "it" "'s". */
			if (pos > start + 1 && (tz->s[pos - 1] | 0x20) == 'n' &&
			    clitic_at(tz, pos - 1) > 0) {
				pos--;
				break;
			}
			if (clitic_at(tz, pos) > 0 || !alnum_at(tz, pos + n))
				break;
			pos += n;
			continue;
		}
		if (c == '.' && lede_uc_isalpha(char_at(tz, pos + 1, &an)) &&
		    (runlen == 1 || domain_part(tz, pos + 1))) {
			dotted |= runlen == 1;
			pos += 1;
			continue;
		}
		break;
	}
	t->kind = LEDE_TOK_WORD;
	char_at(tz, start, &n);
	nchars = pos - start == n ? 1 : 2;	/* one character or more */
	if (takes_period(tz, start, pos, dotted, nchars)) {
		pos++;
		t->flags |= LEDE_TF_ABBR;
	}
	return pos;
}

/* The case flags of an ASCII word t from the classes acc of its bytes. */
static inline void
ascii_case(const struct lede_tokenizer *tz, struct lede_tok *t, unsigned acc)
{
	if (acc & LEDE_C_DIGIT)
		t->flags |= LEDE_TF_DIGIT;
	if (lede_ascii[(unsigned char)tz->s[t->off]] & LEDE_C_UPPER)
		t->flags |= LEDE_TF_CAP;
	if (!(acc & LEDE_C_LOWER))
		t->flags |= LEDE_TF_UPPER;
}

/*
 * The end of a plain ASCII word at pos: letters, then letters or digits,
 * followed by the end or by an ASCII character that neither joins words
 * nor may make them an abbreviation or an address.  That is what
 * scan_word() would find, and then nothing more is to be done.  Returns pos
 * if the word is not plain.
 */
static size_t
scan_plain(const struct lede_tokenizer *tz, size_t pos, unsigned *acc)
{
	const unsigned char	*p = (const unsigned char *)tz->s;
	size_t			 e = pos;
	unsigned		 a = 0, k;

	if (p[pos] >= 0x80 || !(lede_ascii[p[pos]] & LEDE_C_ALPHA))
		return pos;
	/* Eight bytes at a time: the classes of each, and the first other. */
	while (e + 8 <= tz->len) {
		uint64_t	x, lo, up, dg, stop, keep;

		x = lede_load_le(p + e);
		lo = lede_range8(x, 'a', 'z');
		up = lede_range8(x, 'A', 'Z');
		dg = lede_range8(x, '0', '9');
		stop = ~(lo | up | dg) & LEDE_B80;
		keep = stop == 0 ? ~(uint64_t)0 :
		    ((uint64_t)1 << (8 * lede_first8(stop))) - 1;
		a |= (lo & keep ? LEDE_C_ALPHA | LEDE_C_LOWER : 0) |
		    (up & keep ? LEDE_C_ALPHA | LEDE_C_UPPER : 0) |
		    (dg & keep ? LEDE_C_DIGIT : 0);
		if (stop != 0) {
			e += lede_first8(stop);
			goto end;
		}
		e += 8;
	}
	while (e < tz->len && p[e] < 0x80 &&
	    ((k = lede_ascii[p[e]]) & (LEDE_C_ALPHA | LEDE_C_DIGIT))) {
		a |= k;
		e++;
	}
end:
	if (e < tz->len)
		switch (p[e]) {
		case '-': case '\'': case '.': case '@': case '_': case '%':
		case '+':
			return pos;
		default:
			if (p[e] >= 0x80)
				return pos;
		}
	*acc |= a;
	return e;
}

static size_t
scan_number(const struct lede_tokenizer *tz, size_t pos, struct lede_tok *t,
    unsigned *acc)
{
	size_t		n;
	uint32_t	c;

	t->kind = LEDE_TOK_NUM;
	for (;;) {
		pos = scan_alnum(tz, pos, acc);
		c = char_at(tz, pos, &n);
		if ((c == ',' || c == '.' || c == ':' || c == '/') &&
		    pos + 1 < tz->len && tz->s[pos + 1] >= '0' &&
		    tz->s[pos + 1] <= '9') {
			pos++;
			continue;
		}
		if ((c == '-' || c == 0x2010) && alnum_at(tz, pos + n)) {
			pos += n;
			continue;
		}
		return pos;
	}
}

static size_t
scan_markup(const struct lede_tokenizer *tz, size_t pos)
{
	int	type, close;

	return pos + lede_fmt_tag(tz->s + pos, tz->len - pos, &type, &close);
}

/* Does a URL start at pos (its first character c)? */
static int
url_start(const struct lede_tokenizer *tz, size_t pos, uint32_t c)
{
	if ((c | 0x20) == 'h')
		return starts_nocase(tz, pos, "http://") ||
		    starts_nocase(tz, pos, "https://");
	return (c | 0x20) == 'w' && starts_nocase(tz, pos, "www.");
}

/* End of a URL starting at pos, trailing punctuation left out. */
static size_t
scan_url(const struct lede_tokenizer *tz, size_t pos)
{
	size_t		end = pos, n;
	uint32_t	c;
	int		open = 0;

	while (end < tz->len) {
		c = char_at(tz, end, &n);
		if (lede_uc_isspace(c) || c == '<' || c == '"' || c == 0x201C ||
		    c == 0x201D)
			break;
		if (c == '(')
			open++;
		if (c == ')' && open-- <= 0)
			break;
		end += n;
	}
	while (end > pos && strchr(".,;:!?'", tz->s[end - 1]) != NULL)
		end--;
	return end;
}

/* Is c a byte of the ASCII part of an e-mail address? */
static int
email_byte(char c, const char *extra)
{
	return ((unsigned char)c < 0x80 &&
	    lede_ascii[(unsigned char)c] & (LEDE_C_ALPHA | LEDE_C_DIGIT)) ||
	    (c != '\0' && strchr(extra, c) != NULL);
}

/* End of an e-mail address starting at pos, or pos if there is none. */
static size_t
scan_email(const struct lede_tokenizer *tz, size_t pos)
{
	size_t	i = pos, at, dot = 0;

	while (i < tz->len && email_byte(tz->s[i], "._%+-"))
		i++;
	if (i == pos || i >= tz->len || tz->s[i] != '@')
		return pos;
	at = ++i;
	while (i < tz->len && email_byte(tz->s[i], ".-"))
		i++;
	while (i > at && (tz->s[i - 1] == '.' || tz->s[i - 1] == '-'))
		i--;
	for (size_t j = at; j < i; j++)
		if (tz->s[j] == '.')
			dot = j;
	if (dot == 0 || dot == at || dot + 2 > i)
		return pos;
	return i;
}

static int
is_quote(uint32_t c)
{
	switch (c) {
	case '"': case '\'': case '`': case 0xAB: case 0xBB: case 0x2018:
	case 0x2019: case 0x201A: case 0x201B: case 0x201C: case 0x201D:
	case 0x201E: case 0x201F: case 0x2039: case 0x203A:
		return 1;
	default:
		return 0;
	}
}

static void
quote_flags(const struct lede_tokenizer *tz, struct lede_tok *t, uint32_t c)
{
	size_t		n;
	uint32_t	next = char_at(tz, t->off + t->len, &n);
	int		before, after;

	before = t->off == 0 ||
	    lede_uc_isspace((unsigned char)tz->s[t->off - 1]) ||
	    strchr("([{-", tz->s[t->off - 1]) != NULL ||
	    (unsigned char)tz->s[t->off - 1] >= 0x80;
	after = n == 0 || lede_uc_isspace(next) ||
	    (next < 0x80 && strchr(".,;:!?)]}-", (int)next) != NULL);
	switch (c) {
	case 0x201C: case 0x2018: case 0xAB: case 0x201E: case 0x201A:
	case 0x2039: case '`':
		t->flags |= LEDE_TF_OPEN;
		return;
	case 0x201D: case 0xBB: case 0x203A:
		t->flags |= LEDE_TF_CLOSE;
		return;
	}
	if (before && !after)
		t->flags |= LEDE_TF_OPEN;
	else if (after && !before)
		t->flags |= LEDE_TF_CLOSE;
	else if (before && after && t->off > 0 &&
	    (unsigned char)tz->s[t->off - 1] >= 0x80)
		t->flags |= LEDE_TF_CLOSE;
}

/* Scans punctuation, quotes, dashes and symbols at pos. */
static size_t
scan_other(const struct lede_tokenizer *tz, size_t pos, struct lede_tok *t,
    uint32_t c, size_t n)
{
	t->kind = LEDE_TOK_PUNCT;
	if (c == '.' && starts(tz, pos, "...")) {
		t->kind = LEDE_TOK_ELLIPSIS;
		while (pos < tz->len && tz->s[pos] == '.')
			pos++;
		return pos;
	}
	if (c == '.' && starts(tz, pos, ". . .") && !(pos > 0 &&
	    alnum_at(tz, pos - 1) && starts(tz, pos, ". . . ."))) {
		/*
		 * A spaced ellipsis; but "word. . . ." is a period that ends
		 * the word's sentence, then an ellipsis.
		 */
		t->kind = LEDE_TOK_ELLIPSIS;
		pos += 5;
		while (starts(tz, pos, " ."))
			pos += 2;
		return pos;
	}
	if (c == 0x2026) {
		t->kind = LEDE_TOK_ELLIPSIS;
		return pos + n;
	}
	if (starts(tz, pos, "''") || starts(tz, pos, "``")) {
		t->kind = LEDE_TOK_QUOTE;
		t->flags |= tz->s[pos] == '`' ? LEDE_TF_OPEN : LEDE_TF_CLOSE;
		return pos + 2;
	}
	if (is_quote(c)) {
		t->kind = LEDE_TOK_QUOTE;
		t->len = n;
		quote_flags(tz, t, c);
		return pos + n;
	}
	if (lede_uc_isdash(c) || starts(tz, pos, "--")) {
		t->kind = LEDE_TOK_DASH;
		if (c == '-')
			while (pos < tz->len && tz->s[pos] == '-')
				pos++;
		else
			pos += n;
		return pos;
	}
	if (c == '-' && (t->flags & LEDE_TF_SPACE) &&
	    (pos + 1 >= tz->len || tz->s[pos + 1] == ' ')) {
		t->kind = LEDE_TOK_DASH;
		return pos + 1;
	}
	if (c == '$' || c == 0x20AC || c == 0xA3 || c == 0xA5 || c == '%' ||
	    c == '&' || c == '+' || c == '=' || c == '*' || c == 0xA9 ||
	    c == 0xAE || c == 0x2122 || c == '#' || c == '@' || c == '~' ||
	    c == '^' || c == '|' || c == 0xB0)
		t->kind = LEDE_TOK_SYM;
	return pos + n;
}

/* Skips white space before a token, noting line breaks. */
static void
skip_space(struct lede_tokenizer *tz, unsigned *flags)
{
	size_t		n;
	uint32_t	c;
	int		nls = 0;

	for (;;) {
		if (tz->pos < tz->len && (unsigned char)tz->s[tz->pos] < 0x80) {
			/* ASCII, the usual case. */
			c = (unsigned char)tz->s[tz->pos];
			n = 1;
			if (!(lede_ascii[c] & LEDE_C_SPACE))
				break;
		} else {
			c = char_at(tz, tz->pos, &n);
			if (n == 0 || !lede_uc_isspace(c))
				break;
		}
		*flags |= LEDE_TF_SPACE;
		if (c == '\n' && ++nls >= 1)
			*flags |= nls > 1 ? LEDE_TF_NL | LEDE_TF_BLANK :
			    LEDE_TF_NL;
		tz->pos += n;
	}
}

int
lede_tok_next(struct lede_tokenizer *tz, struct lede_tok *t)
{
	size_t		pos, n, end;
	uint32_t	c;
	unsigned	acc = 0;

	t->kind = LEDE_TOK_WORD;
	t->flags = 0;
	skip_space(tz, &t->flags);
	if (tz->pos >= tz->len)
		return 0;
	pos = t->off = tz->pos;
	c = char_at(tz, pos, &n);
	end = pos;
	if (c == '<' && (end = scan_markup(tz, pos)) > pos)
		t->kind = LEDE_TOK_MARKUP;
	else if (url_start(tz, pos, c) && (end = scan_url(tz, pos)) > pos)
		t->kind = LEDE_TOK_URL;
	else if ((c == '#' || c == '@') && alnum_at(tz, pos + 1)) {
		end = scan_alnum(tz, pos + 1, &acc);
		while (end < tz->len && tz->s[end] == '_' && alnum_at(tz, end + 1))
			end = scan_alnum(tz, end + 1, &acc);
		t->kind = c == '#' ? LEDE_TOK_HASHTAG : LEDE_TOK_MENTION;
	} else if (pos > 0 && is_alnum((unsigned char)tz->s[pos - 1]) &&
	    (end = pos + clitic_at(tz, pos)) > pos)
		t->kind = LEDE_TOK_WORD;
	else if ((end = scan_plain(tz, pos, &acc)) > pos) {
		/* A plain word: no address, ASCII case flags. */
		t->len = end - pos;
		tz->pos = end;
		ascii_case(tz, t, acc);
		return 1;
	} else if (is_alnum(c)) {
		end = lede_uc_isdigit(c) ? scan_number(tz, pos, t, &acc) :
		    scan_word(tz, pos, t, &acc);
		/* Where the word stops at '@' or '.', it may be an address. */
		if (c < 0x80 && end < tz->len && (tz->s[end] == '@' ||
		    tz->s[end] == '.' || tz->s[end] == '_' || tz->s[end] == '%' ||
		    tz->s[end] == '+' || tz->s[end] == '-') &&
		    (n = scan_email(tz, pos)) > end) {
			end = n;
			t->kind = LEDE_TOK_EMAIL;
			t->flags &= ~LEDE_TF_ABBR;
		}
	} else
		end = scan_other(tz, pos, t, c, n);
	t->len = end - pos;
	tz->pos = end;
	if (t->kind != LEDE_TOK_WORD && t->kind != LEDE_TOK_NUM)
		return 1;
	if (acc == 0 || acc & NONASCII || t->kind == LEDE_TOK_NUM)
		set_case_flags(tz, t);	/* the slow way */
	else
		ascii_case(tz, t, acc);
	return 1;
}
