/*
 * Paragraph detection: small documents in each layout and the paragraphs
 * that must come out, separated by " | ".
 */
#include <check.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "helpers.h"
#include "layout.h"
#include "suites.h"

static void
paragraphs(const char *text, size_t cap, struct lede_buf *out)
{
	struct lede_input	*in;
	struct lede_layout	*L;
	struct lede_par_event	 ev;
	char			*files[1];
	int			 header;

	files[0] = (char *)tmpfile_with(text, strlen(text));
	out->len = 0;
	in = lede_input_new(1, files, cap);
	L = lede_layout_new(in, cap);
	while (lede_layout_next(L, &ev) != LEDE_PAR_DONE) {
		header = ev.kind == LEDE_PAR_BEGIN && ev.doc->header;
		if (header || ev.kind == LEDE_PAR_TEXT) {
			if (out->len > 0 && out->p[out->len - 1] != ' ')
				lede_buf_add(out, " | ", 3);
		}
		if (header)
			lede_buf_add(out, "[doc] ", 6);
		if (ev.kind == LEDE_PAR_TEXT)
			lede_buf_add(out, ev.s, ev.len);
	}
	lede_buf_addc(out, '\0');
	lede_layout_free(L);
	lede_input_free(in);
	unlink(files[0]);
}

static const struct {
	const char	*name;
	const char	*in;
	const char	*want;
} cases[] = {
	{ "blank lines",
	  "First para\nstill first.\n\n\nSecond one.\n",
	  "First para still first. | Second one." },
	{ "wrapped without marks: four full lines of two sentences end",
	  "The harbour council met on Monday evening to weigh the budget for\n"
	  "the coming year and the plans for the old ferry pier on the north\n"
	  "side.\n"
	  "The mayor told the members that the pier would be rebuilt with\n"
	  "steel piles and a wider deck whatever the vote turned out to be\n"
	  "next month, because the insurers had refused cover for the old\n"
	  "timber one since the storm in March. The grant runs out in June.\n"
	  "Councillors questioned the cost of the steel, which has risen\n"
	  "sharply this year, and asked for a second estimate from an\n"
	  "independent firm before the vote.\n",
	  "The harbour council met on Monday evening to weigh the budget for "
	  "the coming year and the plans for the old ferry pier on the north "
	  "side. | The mayor told the members that the pier would be rebuilt "
	  "with steel piles and a wider deck whatever the vote turned out to "
	  "be next month, because the insurers had refused cover for the old "
	  "timber one since the storm in March. The grant runs out in June. | "
	  "Councillors questioned the cost of the steel, which has risen "
	  "sharply this year, and asked for a second estimate from an "
	  "independent firm before the vote." },
	{ "indented first lines",
	  "    The council met on Monday to discuss the budget for the next\n"
	  "year and the plans for the harbour.\n"
	  "    The mayor said the plans would go ahead whatever the vote was\n"
	  "on the harbour, which was expected on Friday afternoon.\n"
	  "    Nobody else spoke.\n",
	  "The council met on Monday to discuss the budget for the next year "
	  "and the plans for the harbour. | The mayor said the plans would go "
	  "ahead whatever the vote was on the harbour, which was expected on "
	  "Friday afternoon. | Nobody else spoke." },
	{ "short last line",
	  "The council met on Monday to discuss the budget for the next\n"
	  "year.\n"
	  "The mayor said the plans would go ahead whatever the vote was on\n"
	  "the harbour.\n",
	  "The council met on Monday to discuss the budget for the next "
	  "year. | The mayor said the plans would go ahead whatever the vote "
	  "was on the harbour." },
	{ "one paragraph per line",
	  "The council met on Monday to discuss the budget for the next year and the plans for the harbour, which have been debated for months.\n"
	  "The mayor said the plans would go ahead.\n"
	  "Nobody else spoke at the meeting, which ended early in the afternoon after a long and tiring session of questions.\n",
	  "The council met on Monday to discuss the budget for the next year "
	  "and the plans for the harbour, which have been debated for months. "
	  "| The mayor said the plans would go ahead. | Nobody else spoke at "
	  "the meeting, which ended early in the afternoon after a long and "
	  "tiring session of questions." },
	{ "hyphenation and compounds",
	  "The inter-\r\nnational panel of the state-\r\nrun agency met a self-\r\n"
	  "styled expert.\r\n",
	  "The international panel of the state-run agency met a "
	  "self-styled expert." },
	{ "hyphenation from the document's words",
	  "The long-term plan is a long-\nterm plan, and a cross-\ncheck "
	  "found no crosscheck.\n",
	  "The long-term plan is a long-term plan, and a crosscheck found "
	  "no crosscheck." },
	{ "lists and headings",
	  "Our plans\n\n\xE2\x80\xA2 build the port\n\xE2\x80\xA2 open the school\n",
	  "Our plans | \xE2\x80\xA2 build the port | \xE2\x80\xA2 open the school" },
	{ "stray line break",
	  "This is a sentence\ncut off in the middle.\n",
	  "This is a sentence cut off in the middle." },
	{ "headers",
	  "==> a <==\nOne.\n==> b <==\nTwo.\n",
	  "[doc] One. | [doc] Two." },
	{ "empty", "", "" },
	{ "only blank lines", "\n \n\t\n", "" },
};

START_TEST(test_table)
{
	struct lede_buf	out = { 0 };

	paragraphs(cases[_i].in, 0, &out);
	ck_assert_msg(strcmp(out.p, cases[_i].want) == 0, "%s: got \"%s\"",
	    cases[_i].name, out.p);
	lede_buf_free(&out);
}
END_TEST

START_TEST(test_cap)
{
	struct lede_buf	out = { 0 };

	/* A line past the cap is cut after a space and split there. */
	paragraphs("alpha beta gamma delta\nepsilon zeta\n", 16, &out);
	ck_assert_str_eq(out.p, "alpha beta | gamma delta | epsilon zeta");
	lede_buf_free(&out);
}
END_TEST

Suite *
layout_suite(void)
{
	Suite	*s = suite_create("layout");
	TCase	*tc = tcase_create("core");

	tcase_add_loop_test(tc, test_table, 0, sizeof(cases) / sizeof(cases[0]));
	tcase_add_test(tc, test_cap);
	suite_add_tcase(s, tc);
	return s;
}
