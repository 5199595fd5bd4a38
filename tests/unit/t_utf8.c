/*
 * UTF-8 decoding: a table of valid and invalid byte sequences, as in
 * cmark's UTF-8 tests, plus encoding round trips and character classes.
 */
#include <check.h>
#include <string.h>

#include "suites.h"
#include "swar.h"
#include "utf8.h"

static const struct {
	const char	*bytes;
	int		 want;		/* length, 0 invalid, -1 incomplete */
	uint32_t	 cp;
} cases[] = {
	{ "A", 1, 'A' },
	{ "\xC3\xA9", 2, 0xE9 },
	{ "\xE2\x80\x9C", 3, 0x201C },
	{ "\xF0\x9F\x98\x80", 4, 0x1F600 },
	{ "\xC3", -1, 0 },
	{ "\xE2\x80", -1, 0 },
	{ "\xF0\x9F\x98", -1, 0 },
	{ "\x80", 0, 0 },		/* stray continuation byte */
	{ "\xBF", 0, 0 },
	{ "\xC0\xAF", 0, 0 },		/* overlong '/' */
	{ "\xC1\xBF", 0, 0 },
	{ "\xE0\x80\xAF", 0, 0 },	/* overlong */
	{ "\xE0\x9F\xBF", 0, 0 },
	{ "\xED\xA0\x80", 0, 0 },	/* surrogate */
	{ "\xED\xBF\xBF", 0, 0 },
	{ "\xF0\x8F\xBF\xBF", 0, 0 },	/* overlong */
	{ "\xF4\x90\x80\x80", 0, 0 },	/* past U+10FFFF */
	{ "\xF5\x80\x80\x80", 0, 0 },
	{ "\xFF", 0, 0 },
	{ "\xC3\x28", 0, 0 },		/* bad continuation */
	{ "\xE2\x28\xA1", 0, 0 },
	{ "\xEF\xBB\xBF", 3, 0xFEFF },
	{ "\xF4\x8F\xBF\xBF", 4, 0x10FFFF },
};

START_TEST(test_decode_table)
{
	uint32_t	cp = 0;
	int		n;

	n = lede_utf8_decode((const unsigned char *)cases[_i].bytes,
	    strlen(cases[_i].bytes), &cp);
	ck_assert_int_eq(n, cases[_i].want);
	if (n > 0)
		ck_assert_uint_eq(cp, cases[_i].cp);
}
END_TEST

START_TEST(test_encode_roundtrip)
{
	static const uint32_t	cps[] = { 0, 'a', 0x7F, 0x80, 0x7FF, 0x800,
	    0xFFFF, 0x10000, 0x10FFFF };
	char			buf[4];
	uint32_t		cp;
	size_t			i;
	int			n;

	for (i = 0; i < sizeof(cps) / sizeof(cps[0]); i++) {
		n = lede_utf8_encode(cps[i], buf);
		ck_assert_int_eq(lede_utf8_decode((unsigned char *)buf,
		    (size_t)n, &cp), n);
		ck_assert_uint_eq(cp, cps[i]);
	}
}
END_TEST

START_TEST(test_cp1252)
{
	ck_assert_uint_eq(lede_cp1252(0x80), 0x20AC);
	ck_assert_uint_eq(lede_cp1252(0x93), 0x201C);
	ck_assert_uint_eq(lede_cp1252(0x94), 0x201D);
	ck_assert_uint_eq(lede_cp1252(0x92), 0x2019);
	ck_assert_uint_eq(lede_cp1252(0xE9), 0xE9);
	ck_assert_uint_eq(lede_cp1252(0x81), 0x81);
}
END_TEST

START_TEST(test_classes)
{
	ck_assert(lede_uc_isupper('A') && !lede_uc_isupper('a'));
	ck_assert(lede_uc_isupper(0xC9) && lede_uc_islower(0xE9));
	ck_assert(lede_uc_isupper(0x141) && lede_uc_islower(0x142)); /* Ł ł */
	ck_assert(lede_uc_isupper(0x160) && lede_uc_islower(0x161)); /* Š š */
	ck_assert(lede_uc_isupper(0x394) && lede_uc_islower(0x3B4)); /* Δ δ */
	ck_assert(lede_uc_isupper(0x416) && lede_uc_islower(0x436)); /* Ж ж */
	ck_assert(lede_uc_isalpha(0x4E2D) && !lede_uc_isupper(0x4E2D));
	ck_assert(!lede_uc_isalpha(0xD7) && !lede_uc_isalpha('1'));
	ck_assert(lede_uc_isspace(0xA0) && lede_uc_isspace(0x2009));
	ck_assert(lede_uc_isdash(0x2014) && !lede_uc_isdash('-'));
	ck_assert_uint_eq(lede_uc_tolower(0x416), 0x436);
	ck_assert_uint_eq(lede_uc_tolower(0x141), 0x142);
	ck_assert_uint_eq(lede_uc_toupper(0xE9), 0xC9);
	ck_assert_uint_eq(lede_utf8_len("na\xC3\xAFve", 6), 5);
	ck_assert_uint_eq(lede_utf8_prev("a\xE2\x80\x9C", 4), 3);
}
END_TEST

/* Columns as a renderer counts them when it wraps. */
START_TEST(test_width)
{
	/* ASCII, eight bytes at a time and the tail. */
	ck_assert_uint_eq(lede_utf8_width("the ferry returns", 17), 17);
	ck_assert_uint_eq(lede_utf8_width("", 0), 0);
	/* A curly apostrophe is one column, three bytes. */
	ck_assert_uint_eq(lede_utf8_width("town\xE2\x80\x99s mayor", 14), 12);
	/* Cyrillic: two bytes, one column. */
	ck_assert_uint_eq(lede_utf8_width("\xD0\x9F\xD0\xB0\xD1\x80", 6), 3);
	/* Chinese and full-width forms: two columns. */
	ck_assert_uint_eq(lede_utf8_width("\xE4\xB8\xAD\xE6\x96\x87", 6), 4);
	ck_assert_uint_eq(lede_utf8_width("\xEF\xBC\x81", 3), 2);
	/* A combining accent and a zero-width space: none. */
	ck_assert_uint_eq(lede_utf8_width("e\xCC\x81", 3), 1);
	ck_assert_uint_eq(lede_utf8_width("a\xE2\x80\x8B" "b", 5), 2);
	/* Invalid and cut bytes count one each, and are never read past n. */
	ck_assert_uint_eq(lede_utf8_width("\xFF\xFE" "ab", 4), 4);
	ck_assert_uint_eq(lede_utf8_width("ab\xE2\x80", 4), 4);
	ck_assert_uint_eq(lede_utf8_width("abcdefg\xE2\x80\x99", 8), 8);
}
END_TEST

/* The eight-byte tests flag exactly the first byte they should. */
START_TEST(test_swar)
{
	const char	*s = "ab\"Cd\\\x01\xe2";
	uint64_t	 x = lede_load_le(s);
	int		 c;

	ck_assert_uint_eq(lede_first8(lede_eq8(x, '"')), 2);
	ck_assert_uint_eq(lede_first8(lede_eq8(x, '\\')), 5);
	ck_assert_uint_eq(lede_first8(lede_eq8(x, 0xe2)), 7);
	ck_assert_uint_eq(lede_eq8(x, 'z'), 0);
	ck_assert_uint_eq(lede_first8(lede_range8(x, 'A', 'Z')), 3);
	ck_assert_uint_eq(lede_first8(lede_range8(x, 0, 0x1f)), 6);
	ck_assert_uint_eq(lede_first8(lede_zero8(lede_load_le("abc\0defg"))),
	    3);
	ck_assert_uint_eq(lede_load_be("\x01\x02\x03\x04\x05\x06\x07\x08"),
	    0x0102030405060708ULL);
	/* Every byte value against every ASCII range bound. */
	for (c = 0; c < 256; c++) {
		char		b[8];
		uint64_t	m;

		memset(b, c, 8);
		m = lede_range8(lede_load_le(b), 'a', 'z');
		ck_assert_int_eq(m != 0, c >= 'a' && c <= 'z');
		m = lede_range8(lede_load_le(b), '0', '9');
		ck_assert_int_eq(m != 0, c >= '0' && c <= '9');
	}
}
END_TEST

Suite *
utf8_suite(void)
{
	Suite	*s = suite_create("utf8");
	TCase	*tc = tcase_create("core");

	tcase_add_loop_test(tc, test_decode_table, 0,
	    sizeof(cases) / sizeof(cases[0]));
	tcase_add_test(tc, test_encode_roundtrip);
	tcase_add_test(tc, test_cp1252);
	tcase_add_test(tc, test_classes);
	tcase_add_test(tc, test_width);
	tcase_add_test(tc, test_swar);
	suite_add_tcase(s, tc);
	return s;
}
