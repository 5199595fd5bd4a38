/*
 * UTF-8 decoding and encoding, the Windows-1252 table used to repair invalid
 * input, and character classes for the scripts of European news text.
 * Case mapping covers ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic;
 * other letters (Latin Extended-B, CJK, ...) are letters without case.
 */
#include <string.h>

#include "swar.h"
#include "utf8.h"

const unsigned char lede_ascii[128] = {
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x10, 0x10, 0x10, 0x10, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x10, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x08, 0x08, 0x08, 0x08, 0x08, 0x08, 0x08, 0x08, 0x08, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03,
	0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x05, 0x05, 0x05, 0x05, 0x05, 0x05, 0x05, 0x05, 0x05, 0x05, 0x05, 0x05, 0x05, 0x05, 0x05,
	0x05, 0x05, 0x05, 0x05, 0x05, 0x05, 0x05, 0x05, 0x05, 0x05, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00,
};

static const uint16_t cp1252_hi[32] = {
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

uint32_t
lede_cp1252(unsigned char c)
{
	if (c >= 0x80 && c < 0xA0)
		return cp1252_hi[c - 0x80];
	return c;
}

int
lede_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t	c, min;
	int		len, i;

	if (n == 0)
		return -1;
	c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c < 0xC2)
		return 0;
	if (c < 0xE0) {
		len = 2;
		c &= 0x1F;
		min = 0x80;
	} else if (c < 0xF0) {
		len = 3;
		c &= 0x0F;
		min = 0x800;
	} else if (c < 0xF5) {
		len = 4;
		c &= 0x07;
		min = 0x10000;
	} else
		return 0;
	for (i = 1; i < len; i++) {
		if ((size_t)i >= n)
			return -1;
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
		/* Reject overlong and surrogate forms as early as possible. */
		if (i == 1 && len == 3 && (c < 0x20 || (c >= 0x360 && c < 0x380)))
			return 0;
		if (i == 1 && len == 4 && (c < 0x10 || c >= 0x110))
			return 0;
	}
	if (c < min || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
		return 0;
	*cp = c;
	return len;
}

size_t
lede_utf8_next(const char *s, size_t n, uint32_t *cp)
{
	int	len;

	len = lede_utf8_decode((const unsigned char *)s, n, cp);
	if (len <= 0) {
		*cp = (unsigned char)s[0];
		return 1;
	}
	return (size_t)len;
}

size_t
lede_utf8_prev(const char *s, size_t n)
{
	size_t	i;

	for (i = 1; i <= n && i < 4; i++)
		if (((unsigned char)s[n - i] & 0xC0) != 0x80)
			break;
	return i > n ? n : i;
}

int
lede_utf8_encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t
lede_utf8_len(const char *s, size_t n)
{
	uint64_t	w;
	size_t		i = 0, cont = 0;

	/* Count continuation bytes (10xxxxxx) eight at a time. */
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		if ((w & LEDE_B80) == 0)
			continue;
		cont += (size_t)__builtin_popcountll(w & LEDE_B80 & ~(w << 1));
	}
	for (; i < n; i++)
		cont += ((unsigned char)s[i] & 0xC0) == 0x80;
	return n - cont;
}

/* The columns a character takes (see lede_utf8_width). */
static int
cpwidth(uint32_t c)
{
	if ((c >= 0x300 && c <= 0x36F) || (c >= 0x483 && c <= 0x489) ||
	    (c >= 0x591 && c <= 0x5BD) || (c >= 0x610 && c <= 0x61A) ||
	    (c >= 0x64B && c <= 0x65F) || (c >= 0x200B && c <= 0x200F) ||
	    (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
	    (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F) ||
	    c == 0xFEFF || c == 0xAD || c == 0x2060)
		return 0;
	if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
	    (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
	    (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
	    (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
	    (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
	    (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
	    (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD))
		return 2;
	return 1;
}

size_t
lede_utf8_width(const char *s, size_t n)
{
	uint64_t	w;
	uint32_t	c;
	size_t		i = 0, cols = 0;
	int		k;

	while (i < n) {
		if (i + 8 <= n) {
			memcpy(&w, s + i, 8);
			if ((w & LEDE_B80) == 0) {
				i += 8;
				cols += 8;
				continue;
			}
		}
		if ((unsigned char)s[i] < 0x80) {
			i++;
			cols++;
			continue;
		}
		k = lede_utf8_decode((const unsigned char *)s + i, n - i, &c);
		if (k <= 0) {
			i++;
			cols++;
			continue;
		}
		i += (size_t)k;
		cols += (size_t)cpwidth(c);
	}
	return cols;
}

int
lede_uc_isupper_ext(uint32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	if (c >= 0xC0 && c <= 0xDE)
		return c != 0xD7;
	if (c >= 0x100 && c <= 0x17F) {
		if (c == 0x130 || c == 0x178)
			return 1;
		if (c == 0x131 || c == 0x138 || c == 0x149 || c == 0x17F)
			return 0;
		if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
			return c & 1;
		return !(c & 1);
	}
	if (c >= 0x391 && c <= 0x3AB)
		return c != 0x3A2;
	if (c >= 0x386 && c <= 0x38F)
		return c != 0x387 && c != 0x38B && c != 0x38D;
	if (c >= 0x400 && c <= 0x42F)
		return 1;
	if (c >= 0x460 && c <= 0x4FF)
		return !(c & 1);
	if (c >= 0x1E00 && c <= 0x1EFF)
		return !(c & 1);
	return 0;
}

int
lede_uc_islower_ext(uint32_t c)
{
	if (c < 0x80)
		return c >= 'a' && c <= 'z';
	if (c >= 0xDF && c <= 0xFF)
		return c != 0xF7;
	if (c >= 0x100 && c <= 0x17F)
		return !lede_uc_isupper_ext(c);
	if (c >= 0x3AC && c <= 0x3CE)
		return 1;
	if (c >= 0x430 && c <= 0x45F)
		return 1;
	if (c >= 0x460 && c <= 0x4FF)
		return c & 1;
	if (c >= 0x1E00 && c <= 0x1EFF)
		return c & 1;
	return 0;
}

int
lede_uc_isalpha_ext(uint32_t c)
{
	if (c < 0x80)
		return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
	if (c < 0xC0)
		return c == 0xAA || c == 0xB5 || c == 0xBA;
	if (c == 0xD7 || c == 0xF7)
		return 0;
	if (c <= 0x2AF)
		return 1;
	if (c >= 0x370 && c <= 0x52F)
		return c != 0x37E && c != 0x387;
	if (c >= 0x530 && c <= 0x1FFF)
		return 1;	/* Armenian to Greek Extended, marks included */
	if (c >= 0x3040 && c <= 0x9FFF)
		return 1;	/* kana and CJK */
	if (c >= 0xAC00 && c <= 0xD7A3)
		return 1;	/* Hangul */
	if (c >= 0xF900 && c <= 0xFAFF)
		return 1;
	if (c >= 0x20000 && c <= 0x2FFFF)
		return 1;
	return 0;
}

int
lede_uc_isspace_ext(uint32_t c)
{
	switch (c) {
	case ' ': case '\t': case '\n': case '\v': case '\f': case '\r':
	case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F:
	case 0x205F: case 0x3000: case 0xFEFF:
		return 1;
	default:
		return c >= 0x2000 && c <= 0x200B;
	}
}

int
lede_uc_isdash(uint32_t c)
{
	return (c >= 0x2012 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 ||
	    c == 0xFE63 || c == 0xFF0D;
}

uint32_t
lede_uc_tolower(uint32_t c)
{
	if (!lede_uc_isupper(c))
		return c;
	if (c < 0x80 || (c >= 0xC0 && c <= 0xDE))
		return c + 0x20;
	if (c == 0x130)
		return 'i';
	if (c == 0x178)
		return 0xFF;
	if (c <= 0x17F || (c >= 0x460 && c <= 0x4FF) ||
	    (c >= 0x1E00 && c <= 0x1EFF))
		return c + 1;
	if (c >= 0x391 && c <= 0x3AB)
		return c + 0x20;
	if (c == 0x386)
		return 0x3AC;
	if (c >= 0x388 && c <= 0x38A)
		return c + 0x25;
	if (c == 0x38C)
		return 0x3CC;
	if (c == 0x38E || c == 0x38F)
		return c + 0x3F;
	if (c >= 0x400 && c <= 0x40F)
		return c + 0x50;
	if (c >= 0x410 && c <= 0x42F)
		return c + 0x20;
	return c;
}

uint32_t
lede_uc_toupper(uint32_t c)
{
	if (!lede_uc_islower(c))
		return c;
	if (c < 0x80 || (c >= 0xE0 && c <= 0xFE))
		return c == 0xDF ? c : c - 0x20;
	if (c == 0xFF)
		return 0x178;
	if (c <= 0x17F || (c >= 0x460 && c <= 0x4FF) ||
	    (c >= 0x1E00 && c <= 0x1EFF))
		return c - 1;
	if (c >= 0x3B1 && c <= 0x3CB)
		return c == 0x3C2 ? 0x3A3 : c - 0x20;
	if (c >= 0x430 && c <= 0x44F)
		return c - 0x20;
	if (c >= 0x450 && c <= 0x45F)
		return c - 0x50;
	return c;
}

int
lede_ascii_iprefix(const char *s, size_t n, const char *w)
{
	size_t	i, k = strlen(w);

	if (n < k)
		return 0;
	for (i = 0; i < k; i++)
		if ((s[i] | (s[i] >= 'A' && s[i] <= 'Z' ? 0x20 : 0)) != w[i])
			return 0;
	return 1;
}
