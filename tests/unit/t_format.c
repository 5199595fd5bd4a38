/*
 * The stream format: entity types, inline tags, header lines, records.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "format.h"
#include "helpers.h"
#include "suites.h"

START_TEST(test_types)
{
	int	t;

	for (t = 1; t < LEDE_ENT_NTYPES; t++)
		ck_assert_int_eq(lede_ent_type(lede_ent_name(t),
		    strlen(lede_ent_name(t))), t);
	ck_assert_int_eq(lede_ent_type("PE", 2), LEDE_ENT_NONE);
	ck_assert_int_eq(lede_ent_type("PERS", 4), LEDE_ENT_NONE);
	ck_assert_int_eq(lede_ent_type("per", 3), LEDE_ENT_NONE);
	ck_assert_str_eq(lede_ent_name(0), "");
	ck_assert_str_eq(lede_ent_name(-1), "");
	ck_assert_str_eq(lede_ent_name(LEDE_ENT_NTYPES), "");
}
END_TEST

/* A string and the tag lede_fmt_tag() finds at its start. */
static const struct {
	const char	*s;
	size_t		 len;	/* 0: no tag */
	int		 type;
	int		 close;
} tag_cases[] = {
	{ "<PER>Al", 5, LEDE_ENT_PER, 0 },
	{ "</PER>", 6, LEDE_ENT_PER, 1 },
	{ "<PERCENT>", 9, LEDE_ENT_PERCENT, 0 },
	{ "</MONEY> x", 8, LEDE_ENT_MONEY, 1 },
	{ "<FOO>", 0, 0, 0 },
	{ "<per>", 0, 0, 0 },
	{ "<PER", 0, 0, 0 },
	{ "<PERCENTAGE>", 0, 0, 0 },
	{ "< PER>", 0, 0, 0 },
	{ "<>", 0, 0, 0 },
	{ "</>", 0, 0, 0 },
	{ "<", 0, 0, 0 },
	{ "x<PER>", 0, 0, 0 },
};

START_TEST(test_tag)
{
	const char	*s = tag_cases[_i].s;
	int		 type = -1, close = -1;

	ck_assert_uint_eq(lede_fmt_tag(s, strlen(s), &type, &close),
	    tag_cases[_i].len);
	if (tag_cases[_i].len == 0)
		return;
	ck_assert_int_eq(type, tag_cases[_i].type);
	ck_assert_int_eq(close, tag_cases[_i].close);
}
END_TEST

START_TEST(test_untag)
{
	struct lede_buf		 b = { 0 }, e = { 0 };
	const struct lede_ent	*ent;
	static const char	 s[] = "<PER>Al</PER> met <FOO>x</FOO> "
	    "<LOC>at <a></LOC><PERCENT></PERCENT";

	lede_buf_add(&b, "[", 1);
	ck_assert_uint_eq(lede_fmt_untag(s, strlen(s), &b, &e), 5);
	lede_buf_addc(&b, '\0');
	ck_assert_str_eq(b.p, "[Al met <FOO>x</FOO> at <a></PERCENT");
	/* Two closed entities; offsets count from the text on entry. */
	ck_assert_uint_eq(e.len, 2 * sizeof(*ent));
	ent = (const void *)e.p;
	ck_assert_int_eq(ent[0].type, LEDE_ENT_PER);
	ck_assert_uint_eq(ent[0].off, 1);
	ck_assert_uint_eq(ent[0].len, 2);
	ck_assert_int_eq(ent[1].type, LEDE_ENT_LOC);
	ck_assert_uint_eq(ent[1].off, 21);
	ck_assert_uint_eq(ent[1].len, 6);
	/* A closing tag of another type closes nothing. */
	b.len = e.len = 0;
	ck_assert_uint_eq(lede_fmt_untag("<PER>a</ORG>", 12, &b, &e), 2);
	ck_assert_uint_eq(e.len, 0);
	ck_assert_uint_eq(b.len, 1);
	/* No entity list wanted. */
	b.len = 0;
	ck_assert_uint_eq(lede_fmt_untag("x <ORG>Y</ORG>", 14, &b, NULL), 2);
	ck_assert_uint_eq(b.len, 3);
	lede_buf_free(&b);
	lede_buf_free(&e);
}
END_TEST

START_TEST(test_cut)
{
	static const char	s[] = "Jane <PER>Mary Roe</PER> met <ORG>Acme "
	    "Corp</ORG> a < b";

	/* Inside "<PER>Mary Roe": before its opening tag. */
	ck_assert_uint_eq(lede_fmt_cut(s, 15), 5);
	/* After "</PER>": where asked. */
	ck_assert_uint_eq(lede_fmt_cut(s, 25), 25);
	/* Inside "<ORG>Acme Corp", past a stray '<' elsewhere. */
	ck_assert_uint_eq(lede_fmt_cut(s, 39), 29);
	/* After a '<' that is no tag, past a closed entity: as asked. */
	ck_assert_uint_eq(lede_fmt_cut(s, strlen(s)), strlen(s));
	/* An opening tag at the very start is not cut before. */
	ck_assert_uint_eq(lede_fmt_cut("<PER>Al Bee", 8), 8);
}
END_TEST

START_TEST(test_header)
{
	struct lede_span	sp;

	ck_assert_int_eq(lede_fmt_header_line("==> a.txt <==", 13, &sp), 1);
	ck_assert_uint_eq(sp.off, 4);
	ck_assert_uint_eq(sp.len, 5);
	ck_assert_int_eq(lede_fmt_header_line("==> a <==", 9, &sp), 1);
	ck_assert_int_eq(lede_fmt_header_line("==>  <==", 8, &sp), 0);
	ck_assert_int_eq(lede_fmt_header_line("==> a <== ", 10, &sp), 0);
	ck_assert_int_eq(lede_fmt_header_line(" ==> a <==", 10, &sp), 0);
}
END_TEST

static void
write_inline(struct lede_out *o)
{
	static const struct lede_ent	e[] = {
		{ 0, 3, LEDE_ENT_PER }, { 8, 5, LEDE_ENT_LOC },
	};

	lede_fmt_inline(o, "Ann met Paris.", 14, e, 2);
}

static void
write_records(struct lede_out *o)
{
	struct lede_rec	r = { o, LEDE_REC_TSV };

	lede_rec_begin(&r, "a\tb.txt");
	lede_rec_uint(&r, "start", 7);
	lede_rec_str(&r, "text", "x\ny", 3);
	lede_rec_end(&r);
	r.format = LEDE_REC_JSON;
	lede_rec_begin(&r, "a\"b.txt");
	lede_rec_uint(&r, "start", 7);
	lede_rec_str(&r, "text", "x\ny", 3);
	lede_rec_end(&r);
}

static void
write_escapes(struct lede_out *o)
{
	lede_fmt_tsv(o, "a\tb\nc\\d\re", 9);
	lede_out_putc(o, '|');
	lede_fmt_json(o, "say \"hi\"\\\n\t\x01\xE2\x80\x9C", 15);
	lede_out_putc(o, '|');
	lede_fmt_header(o, "a.txt");
}

START_TEST(test_writers)
{
	char	*s;

	s = capture(write_inline);
	ck_assert_str_eq(s, "<PER>Ann</PER> met <LOC>Paris</LOC>.");
	free(s);
	s = capture(write_records);
	ck_assert_str_eq(s, "a\\tb.txt\t7\tx\\ny\n"
	    "{\"doc\":\"a\\\"b.txt\",\"start\":7,\"text\":\"x\\ny\"}\n");
	free(s);
	s = capture(write_escapes);
	ck_assert_str_eq(s, "a\\tb\\nc\\\\d\\re|"
	    "\"say \\\"hi\\\"\\\\\\n\\t\\u0001\xE2\x80\x9C\"|==> a.txt <==\n");
	free(s);
}
END_TEST

Suite *
format_suite(void)
{
	Suite	*s = suite_create("format");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, test_types);
	tcase_add_loop_test(tc, test_tag, 0,
	    sizeof(tag_cases) / sizeof(tag_cases[0]));
	tcase_add_test(tc, test_untag);
	tcase_add_test(tc, test_cut);
	tcase_add_test(tc, test_header);
	tcase_add_test(tc, test_writers);
	suite_add_tcase(s, tc);
	return s;
}
