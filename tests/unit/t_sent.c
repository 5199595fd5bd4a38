/*
 * The sentence splitter: paragraphs and their sentences, separated by " | "
 * in the table.  The cases follow the classic traps (the kinds of case in
 * the Golden Rules of the Pragmatic Segmenter), in sentences of our own.
 */
#include <check.h>
#include <string.h>

#include "buf.h"
#include "sent.h"
#include "suites.h"

static const struct {
	const char	*in;
	const char	*want;
} cases[] = {
	{ "The vote is today. Results come later.",
	  "The vote is today. | Results come later." },
	{ "Who won? Nobody knows yet.", "Who won? | Nobody knows yet." },
	{ "It passed! Everyone cheered.", "It passed! | Everyone cheered." },
	{ "Ask Maria T. Lopez about it.", "Ask Maria T. Lopez about it." },
	{ "See p. 12 for the table.", "See p. 12 for the table." },
	{ "Did Ann and co. attend the talks?",
	  "Did Ann and co. attend the talks?" },
	{ "They signed with Reyes, Park & Co. at dawn.",
	  "They signed with Reyes, Park & Co. at dawn." },
	{ "They signed with Reyes, Park & Co. It was quick.",
	  "They signed with Reyes, Park & Co. | It was quick." },
	{ "We flew past Mt. Kenya at dawn.", "We flew past Mt. Kenya at dawn." },
	{ "Gen. Ortiz and Sen. Blake met Gov. Reid.",
	  "Gen. Ortiz and Sen. Blake met Gov. Reid." },
	{ "That is Frank Jr.'s car.", "That is Frank Jr.'s car." },
	{ "He moved to the U.S.A. last spring.",
	  "He moved to the U.S.A. last spring." },
	{ "She lives in the U.K. Where do you live?",
	  "She lives in the U.K. | Where do you live?" },
	{ "Aid came from the U.S. Navy and the U.N. on Monday.",
	  "Aid came from the U.S. Navy and the U.N. on Monday." },
	{ "He worked in the U.S. for ten years.",
	  "He worked in the U.S. for ten years." },
	{ "It rose to $250.50 on Friday.", "It rose to $250.50 on Friday." },
	{ "It rose to $250.50. Traders were pleased.",
	  "It rose to $250.50. | Traders were pleased." },
	{ "She spoke (She had waited a year.) to the panel.",
	  "She spoke (She had waited a year.) to the panel." },
	{ "Write to ana.ruiz@example.org. She answers fast.",
	  "Write to ana.ruiz@example.org. | She answers fast." },
	{ "Read https://news.example.net/a/b.html. It is short.",
	  "Read https://news.example.net/a/b.html. | It is short." },
	{ "He said, 'We won.' she recalled.",
	  "He said, 'We won.' she recalled." },
	{ "He said, \"We won.\" Then he left.",
	  "He said, \"We won.\" | Then he left." },
	{ "\xE2\x80\x9CWe won.\xE2\x80\x9D The crowd roared.",
	  "\xE2\x80\x9CWe won.\xE2\x80\x9D | The crowd roared." },
	{ "Really!! That is news.", "Really!! | That is news." },
	{ "Really?! Tell me more.", "Really?! | Tell me more." },
	{ "1.) Buy milk 2.) Call home", "1.) Buy milk | 2.) Call home" },
	{ "1) Buy milk. 2) Call home.", "1) Buy milk. | 2) Call home." },
	{ "1. Buy milk 2. Call home 3. Rest",
	  "1. Buy milk | 2. Call home | 3. Rest" },
	{ "a. Buy milk b. Call home", "a. Buy milk | b. Call home" },
	{ "\xE2\x80\xA2 Buy milk \xE2\x80\xA2 Call home",
	  "\xE2\x80\xA2 Buy milk | \xE2\x80\xA2 Call home" },
	{ "She works at Yahoo! in sales.", "She works at Yahoo! in sales." },
	{ "It was you and I. Did you see John I. Reed?",
	  "It was you and I. | Did you see John I. Reed?" },
	{ "I never said that.... She left.", "I never said that.... | She left." },
	{ "Well ... what I mean . . . I don't know.",
	  "Well ... what I mean . . . I don't know." },
	{ "It ended . . . . The next day came.",
	  "It ended . . . . | The next day came." },
	{ "It ended.The next day came.", "It ended. | The next day came." },
	{ "Shares of Acme Corp. Analysts were surprised.",
	  "Shares of Acme Corp. | Analysts were surprised." },
	{ "He joined Acme Inc. \"It was time,\" he said.",
	  "He joined Acme Inc. | \"It was time,\" he said." },
	{ "At 10 a.m. The meeting began.", "At 10 a.m. | The meeting began." },
	{ "At 10 a.m. EST trading began.", "At 10 a.m. EST trading began." },
	{ "He said <PER>J. Smith</PER> left. <PER>Smith</PER> denied it.",
	  "He said <PER>J. Smith</PER> left. | <PER>Smith</PER> denied it." },
	{ "No end here", "No end here" },
	{ "", "" },
};

START_TEST(test_table)
{
	struct lede_sentencer	ss;
	struct lede_span	sp;
	struct lede_buf		out = { 0 };
	const char		*in = cases[_i].in;

	lede_sent_init(&ss, in, strlen(in));
	while (lede_sent_next(&ss, &sp)) {
		if (out.len > 0)
			lede_buf_add(&out, " | ", 3);
		lede_buf_add(&out, in + sp.off, sp.len);
	}
	lede_buf_addc(&out, '\0');
	ck_assert_str_eq(out.p, cases[_i].want);
	lede_buf_free(&out);
}
END_TEST

START_TEST(test_many_abbreviations)
{
	struct lede_buf		in = { 0 };
	struct lede_sentencer	ss;
	struct lede_span	sp;
	size_t			i, n = 0;

	/* "A. A. A. ..." is one long name of initials: bounded work. */
	for (i = 0; i < 100000; i++)
		lede_buf_add(&in, "A. ", 3);
	lede_sent_init(&ss, in.p, in.len);
	while (lede_sent_next(&ss, &sp))
		n++;
	ck_assert_uint_eq(n, 1);
	lede_buf_free(&in);
}
END_TEST

Suite *
sent_suite(void)
{
	Suite	*s = suite_create("sent");
	TCase	*tc = tcase_create("core");

	tcase_add_loop_test(tc, test_table, 0, sizeof(cases) / sizeof(cases[0]));
	tcase_add_test(tc, test_many_abbreviations);
	suite_add_tcase(s, tc);
	return s;
}
