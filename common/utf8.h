/*
 * UTF-8 decoding, encoding and character classes.
 *
 * lede decodes UTF-8 itself and never consults the C locale, so every filter
 * behaves the same whatever LANG says.  The character classes cover what news
 * text in Latin, Greek and Cyrillic script needs: letters, upper and lower
 * case, digits, spaces, dashes and quotation marks.
 */
#ifndef LEDE_UTF8_H
#define LEDE_UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
 * Decodes one character at s (n bytes available) into *cp.  Returns its
 * length (1-4), 0 if the bytes are not valid UTF-8 (overlong forms,
 * surrogates, values past U+10FFFF and stray continuation bytes included),
 * or -1 if they are a valid but incomplete prefix of a character.
 */
int	lede_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

/*
 * Like lede_utf8_decode() on text already known to be valid: returns the
 * length of the character at s (at least 1, never past n) and stores it.
 */
size_t	lede_utf8_next(const char *s, size_t n, uint32_t *cp);

/* Length of the character ending just before s + n (1-4; 0 when n is 0). */
size_t	lede_utf8_prev(const char *s, size_t n);

/* Writes cp as UTF-8 into out (room for 4 bytes); returns the length. */
int	lede_utf8_encode(uint32_t cp, char *out);

/* The Unicode character that Windows-1252 gives byte c (0x80-0xFF). */
uint32_t lede_cp1252(unsigned char c);

/*
 * Do the n bytes at s start with w (lower-case ASCII), ASCII letters of s
 * folded to lower case?
 */
int	lede_ascii_iprefix(const char *s, size_t n, const char *w);

/* Number of characters in n bytes of valid UTF-8. */
size_t	lede_utf8_len(const char *s, size_t n);

/*
 * Columns that n bytes of UTF-8 take on a terminal, as a text renderer
 * (w3m, lynx) counts them when it wraps: East Asian wide and full-width
 * characters take two, combining marks and zero-width characters none,
 * everything else one.  Bytes that are not valid UTF-8 take one each.
 */
size_t	lede_utf8_width(const char *s, size_t n);

/*
 * Character classes.  The lede_uc_* functions take any code point; ASCII is
 * answered inline from a table, the rest by the *_ext functions.
 */
#define LEDE_C_ALPHA	0x01
#define LEDE_C_UPPER	0x02
#define LEDE_C_LOWER	0x04
#define LEDE_C_DIGIT	0x08
#define LEDE_C_SPACE	0x10

extern const unsigned char lede_ascii[128];

int	lede_uc_isalpha_ext(uint32_t);
int	lede_uc_isupper_ext(uint32_t);
int	lede_uc_islower_ext(uint32_t);
int	lede_uc_isspace_ext(uint32_t);

static inline int
lede_uc_isalpha(uint32_t c)
{
	return c < 0x80 ? lede_ascii[c] & LEDE_C_ALPHA : lede_uc_isalpha_ext(c);
}

static inline int
lede_uc_isupper(uint32_t c)
{
	return c < 0x80 ? (lede_ascii[c] & LEDE_C_UPPER) != 0 :
	    lede_uc_isupper_ext(c);
}

static inline int
lede_uc_islower(uint32_t c)
{
	return c < 0x80 ? (lede_ascii[c] & LEDE_C_LOWER) != 0 :
	    lede_uc_islower_ext(c);
}

static inline int
lede_uc_isdigit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

static inline int
lede_uc_isspace(uint32_t c)
{
	return c < 0x80 ? (lede_ascii[c] & LEDE_C_SPACE) != 0 :
	    lede_uc_isspace_ext(c);
}

/* Dashes: hyphen-minus excluded (en dash, em dash, minus, horizontal bar). */
int	lede_uc_isdash(uint32_t);
/* Lower-case mapping for the scripts above; other characters unchanged. */
uint32_t lede_uc_tolower(uint32_t);
uint32_t lede_uc_toupper(uint32_t);

#endif
