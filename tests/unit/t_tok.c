/*
 * The tokenizer: a table of inputs and their tokens, written as the token
 * texts separated by spaces, each followed by a kind letter where it is
 * not a word: W word (shown bare), N number, P punctuation, Q quote,
 * D dash, E ellipsis, U URL, M e-mail, H hashtag, @ mention, S symbol,
 * T markup.
 */
#include <check.h>
#include <string.h>

#include "buf.h"
#include "suites.h"
#include "tok.h"

static const struct {
	const char	*in;
	const char	*want;
} cases[] = {
	{ "Hello, world.", "Hello ,P world .P" },
	{ "Mr. Smith met Dr. Jones Jr. in the U.S. on Jan. 5.",
	  "Mr. Smith met Dr. Jones Jr. in the U.S. on Jan. 5N .P" },
	{ "Jonas E. Smith", "Jonas E. Smith" },
	{ "It costs $100.00, or 3.5% more.",
	  "It costs $S 100.00N ,P or 3.5N %S more .P" },
	{ "1,000,000 people; 10:30 a.m. EST",
	  "1,000,000N people ;P 10:30N a.m. EST" },
	{ "on 1996-08-22 in the 1990s", "on 1996-08-22N in the 1990sN" },
	{ "a well-known state-run firm", "a well-known state-run firm" },
	{ "Don't, can't, it's Germany's O'Brien",
	  "Do n't ,P ca n't ,P it 's Germany 's O'Brien" },
	{ "They’re here and we’ll go", "They ’re here and we ’ll go" },
	{ "See https://example.com/a_b?x=1. Then",
	  "See https://example.com/a_b?x=1U .P Then" },
	{ "(www.example.org)", "(P www.example.orgU )P" },
	{ "Mail jane.doe@example.co.uk today",
	  "Mail jane.doe@example.co.ukM today" },
	{ "#Brexit and @user_1 said", "#BrexitH and @user_1@ said" },
	{ "\xE2\x80\x9CYes,\xE2\x80\x9D she said",
	  "\xE2\x80\x9CQ Yes ,P \xE2\x80\x9DQ she said" },
	{ "\"Go,\" he said", "\"Q Go ,P \"Q he said" },
	{ "``Yes'' he said", "``Q Yes ''Q he said" },
	{ "wait... what\xE2\x80\xA6 so . . . yes",
	  "wait ...E what \xE2\x80\xA6" "E so . . .E yes" },
	{ "Brunei \xE2\x80\x93 Laos -- and - more",
	  "Brunei \xE2\x80\x93" "D Laos --D and -D more" },
	{ "<PER>Rex Tillerson</PER> <b>",
	  "<PER>T Rex Tillerson </PER>T <P b >P" },
	{ "Amazon.com said.The end", "Amazon.com said .P The end" },
	{ "No. 5 and No more", "No. 5N and No more" },
	{ "Yahoo! Inc.", "Yahoo !P Inc." },
	{ "na\xC3\xAFve \xC3\x89" "cole M\xC3\xBC" "ller",
	  "na\xC3\xAFve \xC3\x89" "cole M\xC3\xBC" "ller" },
	/* UTF-8 read as Latin-1 or Windows-1252 and written again. */
	{ "Pe\xC3\x83\xC2\xB1" "a Nieto, Fran\xC3\x83\xC2\xA7ois, "
	  "Guant\xC3\x83\xC2\xA1namo",
	  "Pe\xC3\x83\xC2\xB1" "a Nieto ,P Fran\xC3\x83\xC2\xA7ois ,P "
	  "Guant\xC3\x83\xC2\xA1namo" },
	{ "x\xC3\x83\xC2\xB7y", "x\xC3\x83 \xC2\xB7P y" },
	{ "", "" },
	{ "   \n  ", "" },
};

static const char kindletters[] = "WNPQDEUMH@ST";

START_TEST(test_table)
{
	struct lede_tokenizer	tz;
	struct lede_tok		t;
	struct lede_buf		out = { 0 };
	const char		*in = cases[_i].in;

	lede_tok_init(&tz, in, strlen(in));
	while (lede_tok_next(&tz, &t)) {
		if (out.len > 0)
			lede_buf_addc(&out, ' ');
		lede_buf_add(&out, in + t.off, t.len);
		if (t.kind != LEDE_TOK_WORD)
			lede_buf_addc(&out, kindletters[t.kind]);
	}
	lede_buf_addc(&out, '\0');
	ck_assert_str_eq(out.p, cases[_i].want);
	lede_buf_free(&out);
}
END_TEST

START_TEST(test_flags)
{
	static const char	s[] = "The NATO U.S.\n\nend";
	struct lede_tokenizer	tz;
	struct lede_tok		t;

	lede_tok_init(&tz, s, sizeof(s) - 1);
	ck_assert(lede_tok_next(&tz, &t));
	ck_assert(t.flags & LEDE_TF_CAP && !(t.flags & LEDE_TF_UPPER));
	ck_assert(lede_tok_next(&tz, &t));
	ck_assert(t.flags & LEDE_TF_UPPER && t.flags & LEDE_TF_SPACE);
	ck_assert(lede_tok_next(&tz, &t));
	ck_assert(t.flags & LEDE_TF_ABBR && t.flags & LEDE_TF_UPPER);
	ck_assert(lede_tok_next(&tz, &t));
	ck_assert(t.flags & LEDE_TF_NL && t.flags & LEDE_TF_BLANK);
	ck_assert(!lede_tok_next(&tz, &t));
	ck_assert_str_eq(lede_tok_kindname(LEDE_TOK_ELLIPSIS), "ELLIPSIS");
}
END_TEST

Suite *
tok_suite(void)
{
	Suite	*s = suite_create("tok");
	TCase	*tc = tcase_create("core");

	tcase_add_loop_test(tc, test_table, 0, sizeof(cases) / sizeof(cases[0]));
	tcase_add_test(tc, test_flags);
	suite_add_tcase(s, tc);
	return s;
}
