/*
 * The patterns of numeric and temporal expressions.  The pattern is put
 * together at run time from word lists, so that month and day names match
 * in Title Case and in capitals ("March", "MARCH") but not in lower case,
 * where most of them are ordinary words ("may", "march", "sun").  Each
 * type is a named group; at one place the first branch that matches wins.
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include <pcre2.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "buf.h"
#include "ner.h"
#include "numex.h"

#define MATCH_LIMIT	100000

static const char *const months[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
	"Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.",
	"Sept.", "Oct.", "Nov.", "Dec.", NULL
};
static const char *const lonemonths[] = {
	"January", "February", "April", "June", "July", "August",
	"September", "October", "November", "December", NULL
};
static const char *const days[] = {
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
	"Sunday", NULL
};

/* Appends "(?:Word|WORD|...)" for a list of words, periods escaped. */
static void
alt(struct lede_buf *b, const char *const *w)
{
	const char	*p;
	int		 i, up;

	lede_buf_add(b, "(?:", 3);
	for (i = 0; w[i] != NULL; i++)
		for (up = 0; up < 2; up++) {
			if (i > 0 || up > 0)
				lede_buf_addc(b, '|');
			for (p = w[i]; *p != '\0'; p++) {
				if (*p == '.')
					lede_buf_addc(b, '\\');
				lede_buf_addc(b, up && *p >= 'a' && *p <= 'z' ?
				    (char)(*p - 'a' + 'A') : *p);
			}
		}
	lede_buf_addc(b, ')');
}

static void
add(struct lede_buf *b, const char *s)
{
	lede_buf_add(b, s, strlen(s));
}

/* A number: commas inside it (1,299 or 1,00,000), never at its end. */
#define NUM	"\\d(?:[\\d,]*\\d)?(?:\\.\\d+)?"
#define MULT	"(?:\\s+(?:million|billion|trillion|thousand|mln|bln|" \
		"MILLION|BILLION))?"
#define DAYNUM	"(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
#define YEAR	"(?:1[5-9]\\d\\d|20\\d\\d)"
#define ZONE	"(?:\\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|" \
		"CET|CEST|local time))?"
#define AMPM	"(?:a\\.m\\.|p\\.m\\.|am\\b|pm\\b|A\\.M\\.|P\\.M\\.)"
#define CURWORD	"(?:dollars?|euros?|pounds?(?: sterling)?|yen|yuan|francs?|" \
		"marks?|cents?|pence|rupees?|pesos?|lire|lira|crowns?|rand|" \
		"roubles?|rubles?|guilders?|schillings?|kronor|kroner|" \
		"shekels?|baht|ringgit|won|dinars?|riyals?)"

static void
build(struct lede_buf *b)
{
	add(b, "(?<![\\w.$])(?:(?<MONEY>"
	    "(?:US|A|C|NZ|HK|S)?[$\\x{20AC}\\x{A3}\\x{A5}]\\s?" NUM MULT
	    "|" NUM MULT "\\s+" CURWORD "\\b"
	    "|(?:USD|EUR|GBP|JPY|DM|FFr|SFr|Rs\\.?)\\s?" NUM MULT ")");
	add(b, "|(?<PERCENT>[-+]?" NUM "\\s*(?:%|per\\s?cent\\b|"
	    "percent(?:age points?)?\\b|PERCENT\\b|PER CENT\\b))");
	add(b, "|(?<TIME>(?:[01]?\\d|2[0-3])(?::[0-5]\\d)?\\s?" AMPM ZONE
	    "|(?:[01]?\\d|2[0-3]):[0-5]\\d" ZONE "\\b"
	    "|[0-2]\\d[0-5]\\d\\s(?:GMT|EST|EDT|UTC|local time)\\b"
	    "|(?:noon|midnight)\\b)");
	add(b, "|(?<DATE>" YEAR "-[01]\\d-[0-3]\\d\\b"
	    "|[0-3]?\\d/[0-3]?\\d/(?:\\d\\d)?\\d\\d\\b"
	    "|(?:(?:early|late|mid-?)\\s?)?");
	alt(b, days);
	add(b, "(?:,?\\s+");
	alt(b, months);
	add(b, "\\s+" DAYNUM "|,?\\s+" DAYNUM "\\s+");
	alt(b, months);
	add(b, ")?(?:,?\\s+" YEAR ")?\\b");
	add(b, "|" DAYNUM "\\s+");
	alt(b, months);
	add(b, "(?:,?\\s+" YEAR ")?(?!\\w)");
	add(b, "|");
	alt(b, months);
	add(b, "\\s+" DAYNUM "(?:,?\\s+" YEAR ")?\\b|");
	alt(b, months);
	add(b, "\\s+(?:of\\s+)?" YEAR "\\b|(?:(?:early|late|mid-?)\\s?)?");
	alt(b, lonemonths);
	add(b, "\\b"
	    "|(?:19|20)\\d0s\\b"
	    "|(?<=\\bin |\\bsince |\\buntil |\\bby |\\bbefore |\\bafter |"
	    "\\bfrom |\\bduring |\\bIn |\\bSince |\\bof )" YEAR "\\b(?!\\s*[-%$])"
	    "|(?:today|yesterday|tomorrow|Today|Yesterday|Tomorrow)\\b"
	    "|(?:last|next|this|Last|Next|This)\\s+(?:week|month|year|"
	    "weekend|quarter)\\b"
	    "))");
}

/*
 * The words a match can start with, by first letter: the next two letters
 * of each (a space when the word is shorter), in any case.
 */
static const char *const next2[26] = {
    "prug$ ", "", "$ ", "ecm ", "arur", "ebrifr",
    "bp", "k$", "", "anunulpy", "", "asat",
    "arayonid", "ovexooz$", "ct", "", "", "s s.",
    "epatunfr$ ", "uehuodomhi", "sds$", "", "ed", "",
    "es", ""
};
/*
 * The first three letters of those that start with a small letter: the
 * months, days and currency codes do not ("may", "sun" are words), only
 * early, late and mid, noon and midnight, today, tomorrow and yesterday,
 * last, next and this.
 */
static const char *const lowstarts[] = {
    "ear", "lat", "mid", "noo", "tod", "tom", "yes", "las", "nex", "thi",
    NULL
};

/* The number of a character of next2: a letter, '$', '.', or a space. */
static unsigned
pcode(char c)
{
	if (c >= 'a' && c <= 'z')
		return (unsigned)(c - 'a');
	return c == '$' ? 26 : c == '.' ? 27 : 28;
}

/* The first letter is 0-25 for a capital, 26-51 for a small letter. */
#define PAIR(first, a, b)	(((first) * 29 + pcode(a)) * 29 + pcode(b))

#define C_WORD	1	/* a byte of a word: no expression starts after it */
#define C_START	2	/* an expression may start with it (candidate()) */

static int	wordbyte(unsigned char);

/* The class of each byte, for the scan of lede_numex_find(). */
static void
classes(struct lede_numex *nx)
{
	static const char	nostart[] = "bikpqvxz";
	const char		*p;
	unsigned		c, b;

	for (c = 0; c < 256; c++) {
		nx->cls[c] = wordbyte((unsigned char)c) ? C_WORD : 0;
		if ((c >= '0' && c <= '9') || c == '$' || c == '+' ||
		    c == '-' || c == 0xc2 || c == 0xe2 ||
		    (((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) &&
		    strchr(nostart, (int)(c | 0x20)) == NULL))
			nx->cls[c] |= C_START;
	}
	for (c = 0; c < 26; c++)
		for (p = next2[c]; *p != '\0'; p += 2) {
			b = PAIR(c, p[0], p[1]);
			nx->pairs[b / 8] |= (unsigned char)(1u << (b % 8));
		}
	for (c = 0; lowstarts[c] != NULL; c++) {
		p = lowstarts[c];
		b = PAIR(26 + (unsigned)(p[0] - 'a'), p[1], p[2]);
		nx->pairs[b / 8] |= (unsigned char)(1u << (b % 8));
	}
}

int
lede_numex_init(struct lede_numex *nx)
{
	struct lede_buf	b = { 0 };
	PCRE2_SIZE	erroff;
	int		errcode;

	memset(nx, 0, sizeof(*nx));
	classes(nx);
	build(&b);
	nx->re = pcre2_compile((PCRE2_SPTR)b.p, b.len, PCRE2_UTF | PCRE2_ANCHORED,
	    &errcode, &erroff, NULL);
	lede_buf_free(&b);
	if (nx->re == NULL)
		return -1;
	(void)pcre2_jit_compile(nx->re, PCRE2_JIT_COMPLETE);
	nx->md = pcre2_match_data_create_from_pattern(nx->re, NULL);
	nx->mc = pcre2_match_context_create(NULL);
	if (nx->md == NULL || nx->mc == NULL) {
		lede_numex_free(nx);
		return -1;
	}
	pcre2_set_match_limit(nx->mc, MATCH_LIMIT);
	return 0;
}

/* The type of the group that matched. */
static int
matched_type(struct lede_numex *nx)
{
	static const int types[] = { LEDE_ENT_MONEY, LEDE_ENT_PERCENT,
	    LEDE_ENT_TIME, LEDE_ENT_DATE };
	PCRE2_SIZE	*ov = pcre2_get_ovector_pointer(nx->md);
	int		 i, g;

	for (i = 0; i < 4; i++) {
		g = pcre2_substring_number_from_name(nx->re,
		    (PCRE2_SPTR)lede_ent_name(types[i]));
		if (g > 0 && ov[2 * g] != PCRE2_UNSET)
			return types[i];
	}
	return LEDE_ENT_DATE;
}

/*
 * Whether an expression may start at s[i] (a word start): a digit, a sign
 * or currency symbol, a capital that starts a month, day or currency code,
 * or the first letters of a relative date.  Matching only there, anchored,
 * is much faster than letting the pattern search every byte.
 */
static int
candidate(const struct lede_numex *nx, const char *s, size_t n, size_t i)
{
	unsigned char	c = (unsigned char)s[i], d;
	char		w[2] = { ' ', ' ' };
	size_t		j;
	unsigned	first, b;

	if (c >= '0' && c <= '9')
		return 1;
	d = i + 1 < n ? (unsigned char)s[i + 1] : 0;
	switch (c) {
	case '$':
		return 1;
	case '+':
	case '-':
		return d >= '0' && d <= '9';
	case 0xc2:	/* the pound and yen signs */
		return d == 0xa3 || d == 0xa5;
	case 0xe2:	/* the euro sign */
		return d == 0x82;
	}
	if (c >= 'A' && c <= 'Z')
		first = c - 'A';
	else if (c >= 'a' && c <= 'z')
		first = 26 + c - 'a';
	else
		return 0;
	for (j = 0; j < 2 && i + j + 1 < n; j++) {
		c = (unsigned char)s[i + j + 1];
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		else if (!(c >= 'a' && c <= 'z') && c != '$' && c != '.')
			break;
		w[j] = (char)c;
	}
	b = PAIR((unsigned)first, w[0], w[1]);
	return (nx->pairs[b / 8] >> (b % 8)) & 1;
}

static int
wordbyte(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
	    (c >= 'a' && c <= 'z') || c >= 0x80 || c == '.' || c == '$';
}

/*
 * Tries the pattern at s[i]: returns the end of the expression found there
 * (stored in nx->ents[*k]), 0 if there is none, or -1 to end the search.
 */
static long
try_at(struct lede_numex *nx, const char *s, size_t n, size_t i, size_t *k)
{
	PCRE2_SIZE	*ov;
	int		 rc;

	if (!(nx->cls[(unsigned char)s[i]] & C_START) || !candidate(nx, s, n, i))
		return 0;
	rc = pcre2_match(nx->re, (PCRE2_SPTR)s, n, i, PCRE2_NO_UTF_CHECK,
	    nx->md, nx->mc);
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (rc < 0)
		return -1;
	ov = pcre2_get_ovector_pointer(nx->md);
	if (ov[1] <= ov[0])
		return 0;
	if (*k == nx->cap) {
		nx->cap = nx->cap ? nx->cap * 2 : 16;
		nx->ents = lede_xrealloc(nx->ents, nx->cap * sizeof(*nx->ents));
	}
	nx->ents[*k].off = ov[0];
	nx->ents[*k].len = ov[1] - ov[0];
	nx->ents[*k].type = matched_type(nx);
	(*k)++;
	return (long)ov[1];
}

#if defined(__SSE2__) && defined(__GNUC__)
/*
 * The word bytes of the 16 at p (wordbyte()), and the bytes that may start
 * an expression after a word boundary (a superset of C_START), as masks.
 */
static inline void
masks16(const unsigned char *p, unsigned *word, unsigned *start)
{
	const __m128i	bias = _mm_set1_epi8((char)0x80);
	__m128i		v, x, l, w, st;

	v = _mm_loadu_si128((const __m128i *)(const void *)p);
	x = _mm_xor_si128(v, bias);	/* unsigned order, signed compares */
	l = _mm_xor_si128(_mm_or_si128(v, _mm_set1_epi8(0x20)), bias);
	w = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8((char)(('0' - 1) ^
	    0x80))), _mm_cmplt_epi8(x, _mm_set1_epi8((char)(('9' + 1) ^
	    0x80))));
	w = _mm_or_si128(w, _mm_and_si128(_mm_cmpgt_epi8(l,
	    _mm_set1_epi8((char)(('a' - 1) ^ 0x80))), _mm_cmplt_epi8(l,
	    _mm_set1_epi8((char)(('z' + 1) ^ 0x80)))));
	w = _mm_or_si128(w, _mm_cmpeq_epi8(v, _mm_set1_epi8('.')));
	w = _mm_or_si128(w, _mm_cmpeq_epi8(v, _mm_set1_epi8('$')));
	st = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('+')),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('-')));
	*word = (unsigned)_mm_movemask_epi8(w) | (unsigned)_mm_movemask_epi8(v);
	*start = *word | (unsigned)_mm_movemask_epi8(st);
}

size_t
lede_numex_find(struct lede_numex *nx, const char *s, size_t n,
    const struct lede_ent **ents)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned char	 tail[16];
	size_t		 k = 0, i0, i, next = 0;
	unsigned	 word, start, m, carry = 0;
	long		 end;

	/*
	 * Sixteen bytes at a time: the places where a word starts (after a
	 * byte that is not a word byte), tried in order.
	 */
	for (i0 = 0; i0 < n; i0 += 16) {
		if (n - i0 >= 16)
			masks16(u + i0, &word, &start);
		else {
			memset(tail, 0, sizeof(tail));
			memcpy(tail, u + i0, n - i0);
			masks16(tail, &word, &start);
			word &= (1u << (n - i0)) - 1;
			start &= (1u << (n - i0)) - 1;
		}
		m = start & ~((word << 1 | carry) & 0xffff);
		carry = word >> 15 & 1;
		for (; m != 0; m &= m - 1) {
			i = i0 + (unsigned)__builtin_ctz(m);
			if (i < next)
				continue;
			if ((end = try_at(nx, s, n, i, &k)) < 0)
				goto done;
			if (end > 0)
				next = (size_t)end;
		}
	}
done:
	*ents = nx->ents;
	return k;
}
#else
size_t
lede_numex_find(struct lede_numex *nx, const char *s, size_t n,
    const struct lede_ent **ents)
{
	const unsigned char *cls = nx->cls, *u = (const unsigned char *)s;
	size_t		 k = 0, i;
	long		 end;

	/* Only where a word starts, and with a byte that may start one. */
	for (i = 0; i < n; i++) {
		if (i > 0 && (cls[u[i - 1]] & C_WORD)) {
			while (i < n && (cls[u[i - 1]] & C_WORD))
				i++;
			if (i >= n)
				break;
		}
		if ((end = try_at(nx, s, n, i, &k)) < 0)
			break;
		if (end > 0)
			i = (size_t)end - 1;
	}
	*ents = nx->ents;
	return k;
}
#endif

void
lede_numex_free(struct lede_numex *nx)
{
	pcre2_match_context_free(nx->mc);
	pcre2_match_data_free(nx->md);
	pcre2_code_free(nx->re);
	free(nx->ents);
	memset(nx, 0, sizeof(*nx));
}
