/*
 * The stream reader: repairs, line cuts, headers, and the same lines
 * whatever the size of the chunks the input arrives in.
 */
#include <check.h>
#include <string.h>

#include "buf.h"
#include "helpers.h"
#include "stream.h"
#include "suites.h"

/* Reads all of s; lines are joined with '|' and cut pieces end in '~'. */
static void
read_all(const char *s, size_t len, size_t chunk, size_t maxline,
    struct lede_buf *out, struct lede_stream_stats *stats)
{
	struct chunks		c = { s, len, 0, chunk };
	struct lede_stream	st;
	struct lede_line	l;

	out->len = 0;
	lede_stream_init(&st, chunks_read, &c, maxline);
	while (lede_stream_line(&st, &l) == 1) {
		lede_buf_add(out, l.s, l.len);
		lede_buf_addc(out, l.cut ? '~' : l.nl ? '|' : '$');
	}
	lede_buf_addc(out, '\0');
	if (stats != NULL)
		*stats = st.stats;
	lede_stream_free(&st);
}

static const struct {
	const char	*in;
	size_t		 len;
	const char	*want;
} repairs[] = {
	{ "a\nb\n", 4, "a|b|" },
	{ "a\nb", 3, "a|b$" },
	{ "a\r\nb\r\n", 6, "a|b|" },
	{ "a\rb\r", 4, "a|b|" },
	{ "a\r\r\nb", 5, "a||b$" },
	{ "\xEF\xBB\xBFhi\n", 6, "hi|" },
	{ "h\0i\n", 4, "hi|" },
	{ "caf\xE9\n", 5, "caf\xC3\xA9|" },
	{ "\x93quoted\x94\n", 9, "\xE2\x80\x9Cquoted\xE2\x80\x9D|" },
	{ "\xC3\n", 2, "\xC3\x83|" },
	{ "ok \xE2\x80\x94 dash\n", 12, "ok \xE2\x80\x94 dash|" },
	{ "", 0, "" },
	{ "\n\n", 2, "||" },
};

START_TEST(test_repairs)
{
	static const size_t	sizes[] = { 1, 2, 3, 7, 4096 };
	struct lede_buf		out = { 0 };
	size_t			i;

	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		read_all(repairs[_i].in, repairs[_i].len, sizes[i], 0, &out,
		    NULL);
		ck_assert_str_eq(out.p, repairs[_i].want);
	}
	lede_buf_free(&out);
}
END_TEST

START_TEST(test_chunk_independence)
{
	static const char	text[] = "\xEF\xBB\xBF==> one <==\r\nFirst "
	    "line \xE2\x80\x9Cquoted\xE2\x80\x9D\r\n\r\nsecond\0 par\xE9\n"
	    "\xF0\x9F\x98\x80 emoji\rlast";
	struct lede_buf		ref = { 0 }, got = { 0 };
	size_t			size;

	read_all(text, sizeof(text) - 1, 65536, 0, &ref, NULL);
	for (size = 1; size <= 17; size++) {
		read_all(text, sizeof(text) - 1, size, 0, &got, NULL);
		ck_assert_str_eq(got.p, ref.p);
	}
	lede_buf_free(&ref);
	lede_buf_free(&got);
}
END_TEST

START_TEST(test_stats)
{
	struct lede_buf			out = { 0 };
	struct lede_stream_stats	st;

	read_all("\xEF\xBB\xBF" "a\0\0\r\nb\x92\r", 11, 3, 0, &out, &st);
	ck_assert_uint_eq(st.bom, 1);
	ck_assert_uint_eq(st.nul, 2);
	ck_assert_uint_eq(st.cr, 2);
	ck_assert_uint_eq(st.invalid, 1);
	lede_buf_free(&out);
}
END_TEST

START_TEST(test_cut)
{
	struct lede_buf	out = { 0 };

	/* Cut after the last space before the cap, never inside a word. */
	read_all("aaa bbb ccc ddd\n", 16, 5, 10, &out, NULL);
	ck_assert_str_eq(out.p, "aaa bbb ~ccc ddd|");
	/* No space: cut at the cap, on a character boundary. */
	read_all("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\n", 13, 4,
	    7, &out, NULL);
	ck_assert_str_eq(out.p, "\xC3\xA9\xC3\xA9\xC3\xA9~"
	    "\xC3\xA9\xC3\xA9\xC3\xA9|");
	/* Never between the tags of an inline entity. */
	read_all("aa <PER>Jo Bo</PER> cc\n", 23, 5, 19, &out, NULL);
	ck_assert_str_eq(out.p, "aa ~<PER>Jo Bo</PER> ~cc|");
	read_all("aa <PER>Jo</PER> cc dd\n", 23, 5, 19, &out, NULL);
	ck_assert_str_eq(out.p, "aa <PER>Jo</PER> ~cc dd|");
	lede_buf_free(&out);
}
END_TEST

START_TEST(test_classify)
{
	struct lede_line	l = { 0 };

	l.s = "==> file.txt <==";
	l.len = strlen(l.s);
	lede_line_classify(&l);
	ck_assert_int_eq(l.kind, LEDE_LINE_HEADER);
	ck_assert_uint_eq(l.name.off, 4);
	ck_assert_uint_eq(l.name.len, 8);
	l.s = " \t\xC2\xA0 ";
	l.len = strlen(l.s);
	lede_line_classify(&l);
	ck_assert_int_eq(l.kind, LEDE_LINE_BLANK);
	l.s = "==> <==";
	l.len = strlen(l.s);
	lede_line_classify(&l);
	ck_assert_int_eq(l.kind, LEDE_LINE_TEXT);
}
END_TEST

Suite *
stream_suite(void)
{
	Suite	*s = suite_create("stream");
	TCase	*tc = tcase_create("core");

	tcase_add_loop_test(tc, test_repairs, 0,
	    sizeof(repairs) / sizeof(repairs[0]));
	tcase_add_test(tc, test_chunk_independence);
	tcase_add_test(tc, test_stats);
	tcase_add_test(tc, test_cut);
	tcase_add_test(tc, test_classify);
	suite_add_tcase(s, tc);
	return s;
}
