/*
 * Blank-line paragraphs over the input loop: documents from files and
 * header lines, every event carrying its document, exact text kept,
 * unreadable files reported, the cap.
 */
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "helpers.h"
#include "para.h"
#include "suites.h"

/* The name of a document, temporary files shown as TMP. */
static const char *
shown(const struct lede_doc *d)
{
	if (d == NULL)
		return "-none-";
	return strncmp(d->name, "/tmp/", 5) == 0 ? "TMP" : d->name;
}

/* Describes every event of reading files as one string. */
static void
describe(int nfiles, char **files, size_t cap, struct lede_buf *out)
{
	struct lede_input	*in;
	struct lede_para	*p;
	struct lede_par_event	 ev;
	char			 tmp[256];

	out->len = 0;
	in = lede_input_new(nfiles, files, cap);
	p = lede_para_new(in, cap);
	while (lede_para_next(p, &ev) != LEDE_PAR_DONE) {
		switch (ev.kind) {
		case LEDE_PAR_BEGIN:
			snprintf(tmp, sizeof(tmp), "[begin %s%s]", shown(ev.doc),
			    ev.doc->header ? " header" : "");
			break;
		case LEDE_PAR_END:
			snprintf(tmp, sizeof(tmp), "[end %s%s]", shown(ev.doc),
			    ev.doc->blankend ? " blank" : "");
			break;
		case LEDE_PAR_ERROR:
			snprintf(tmp, sizeof(tmp), "[error %s]",
			    strerror(ev.errnum));
			break;
		case LEDE_PAR_BLANK:
			snprintf(tmp, sizeof(tmp), "[blank@%s %zu]",
			    shown(ev.doc), ev.len);
			break;
		default:
			snprintf(tmp, sizeof(tmp), "[text@%s%s %.*s]",
			    shown(ev.doc), ev.split == 1 ? " split" :
			    ev.split ? " split+" : "", (int)ev.len, ev.s);
		}
		lede_buf_add(out, tmp, strlen(tmp));
	}
	lede_buf_addc(out, '\0');
	lede_para_free(p);
	lede_input_free(in);
}

START_TEST(test_paragraphs)
{
	static const char	text[] = "one\ntwo\n\n  \nthree\n==> b <==\nfour";
	struct lede_buf		out = { 0 };
	char			*files[1];

	files[0] = (char *)tmpfile_with(text, sizeof(text) - 1);
	describe(1, files, 0, &out);
	unlink(files[0]);
	ck_assert_str_eq(out.p, "[begin TMP][text@TMP one\ntwo\n][blank@TMP 1]"
	    "[blank@TMP 3][text@TMP three\n][end TMP][begin b header]"
	    "[text@b four][end b]");
	lede_buf_free(&out);
}
END_TEST

/*
 * The last paragraph of a document is handed out with that document, not
 * with the next one, whose header line has been read by then.
 */
START_TEST(test_last_paragraph)
{
	static const char	text[] = "==> a <==\nA one\nA two\n\n==> b <==\n"
	    "B one\n==> c <==\n==> d <==\nD";
	struct lede_buf		out = { 0 };
	char			*files[1];

	files[0] = (char *)tmpfile_with(text, sizeof(text) - 1);
	describe(1, files, 0, &out);
	unlink(files[0]);
	ck_assert_str_eq(out.p, "[begin a header][text@a A one\nA two\n]"
	    "[blank@a 1][end a blank][begin b header][text@b B one\n][end b]"
	    "[begin c header][end c][begin d header][text@d D][end d]");
	lede_buf_free(&out);
}
END_TEST

START_TEST(test_several_files)
{
	struct lede_buf	out = { 0 };
	char		a[64], *files[3];

	strcpy(a, tmpfile_with("x\n", 2));
	files[0] = a;
	files[1] = (char *)"/nonexistent/lede";
	files[2] = (char *)tmpfile_with("y", 1);
	describe(3, files, 0, &out);
	unlink(files[0]);
	unlink(files[2]);
	ck_assert_str_eq(out.p, "[begin TMP][text@TMP x\n][end TMP]"
	    "[error No such file or directory][begin TMP][text@TMP y][end TMP]");
	lede_buf_free(&out);
}
END_TEST

/* A file that starts with a header line is named by it. */
START_TEST(test_header_first)
{
	struct lede_buf	out = { 0 };
	char		a[64], *files[2];

	strcpy(a, tmpfile_with("==> one <==\nx\n", 14));
	files[0] = a;
	files[1] = (char *)tmpfile_with("==> not a header\n\n", 18);
	describe(2, files, 0, &out);
	unlink(files[0]);
	unlink(files[1]);
	ck_assert_str_eq(out.p, "[begin one header][text@one x\n][end one]"
	    "[begin TMP][text@TMP ==> not a header\n][blank@TMP 1]"
	    "[end TMP blank]");
	lede_buf_free(&out);
}
END_TEST

START_TEST(test_directory)
{
	struct lede_buf	out = { 0 };
	char		*files[1] = { (char *)"/" };

	describe(1, files, 0, &out);
	ck_assert_str_eq(out.p, "[error Is a directory]");
	lede_buf_free(&out);
}
END_TEST

START_TEST(test_empty)
{
	struct lede_buf	out = { 0 };
	char		*files[1];

	files[0] = (char *)tmpfile_with("", 0);
	describe(1, files, 0, &out);
	unlink(files[0]);
	ck_assert_str_eq(out.p, "[begin TMP][end TMP]");
	lede_buf_free(&out);
}
END_TEST

START_TEST(test_cap)
{
	static const char	text[] = "aaaa\nbbbb\ncccc\n\ndddddddddddd\n";
	struct lede_buf		out = { 0 };
	char			*files[1];

	files[0] = (char *)tmpfile_with(text, sizeof(text) - 1);
	describe(1, files, 10, &out);
	unlink(files[0]);
	ck_assert_str_eq(out.p, "[begin TMP][text@TMP split aaaa\nbbbb\n]"
	    "[text@TMP cccc\n][blank@TMP 1][text@TMP split+ dddddddddd]"
	    "[text@TMP dd\n][end TMP]");
	lede_buf_free(&out);
}
END_TEST

Suite *
para_suite(void)
{
	Suite	*s = suite_create("para");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, test_paragraphs);
	tcase_add_test(tc, test_last_paragraph);
	tcase_add_test(tc, test_several_files);
	tcase_add_test(tc, test_header_first);
	tcase_add_test(tc, test_directory);
	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_cap);
	suite_add_tcase(s, tc);
	return s;
}
