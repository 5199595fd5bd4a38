/*
 * The input loop and blank-line paragraphs: documents from files and
 * header lines, exact text kept, unreadable files reported, the cap.
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

/* Describes every event of reading files as one string. */
static void
describe(int nfiles, char **files, size_t cap, struct lede_buf *out)
{
	struct lede_input	in;
	struct lede_para	p;
	struct lede_par_event	ev;
	char			tmp[256];

	out->len = 0;
	lede_input_init(&in, nfiles, files, cap);
	lede_para_init(&p, &in, cap);
	while (lede_para_next(&p, &ev) != LEDE_PAR_END) {
		switch (ev.kind) {
		case LEDE_PAR_DOC:
			snprintf(tmp, sizeof(tmp), "[doc %s%s%s]",
			    strncmp(ev.in.name, "/tmp/", 5) ? ev.in.name :
			    "TMP", ev.in.announce ? " announce" : "",
			    ev.in.header ? " header" : "");
			break;
		case LEDE_PAR_ERROR:
			snprintf(tmp, sizeof(tmp), "[error %s]",
			    strerror(ev.in.errnum));
			break;
		case LEDE_PAR_BLANK:
			snprintf(tmp, sizeof(tmp), "[blank %zu]", ev.len);
			break;
		default:
			snprintf(tmp, sizeof(tmp), "[text%s %.*s]",
			    ev.split ? " split" : "", (int)ev.len, ev.s);
		}
		lede_buf_add(out, tmp, strlen(tmp));
	}
	lede_buf_addc(out, '\0');
	lede_para_free(&p);
	lede_input_free(&in);
}

START_TEST(test_paragraphs)
{
	static const char	text[] = "one\ntwo\n\n  \nthree\n==> b <==\nfour";
	struct lede_buf		out = { 0 };
	char			*files[1];

	files[0] = (char *)tmpfile_with(text, sizeof(text) - 1);
	describe(1, files, 0, &out);
	unlink(files[0]);
	ck_assert_str_eq(out.p, "[doc TMP][text one\ntwo\n][blank 1][blank 3]"
	    "[text three\n][doc b header][text four]");
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
	files[2] = (char *)tmpfile_with("y\n", 2);
	describe(3, files, 0, &out);
	unlink(files[0]);
	unlink(files[2]);
	ck_assert_str_eq(out.p, "[doc TMP announce][text x\n]"
	    "[error No such file or directory][doc TMP announce][text y\n]");
	lede_buf_free(&out);
}
END_TEST

START_TEST(test_directory)
{
	struct lede_buf	out = { 0 };
	char		*files[1] = { (char *)"/" };

	describe(1, files, 0, &out);
	ck_assert_str_eq(out.p, "[doc /][error Is a directory]");
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
	ck_assert_str_eq(out.p, "[doc TMP][text split aaaa\nbbbb\n]"
	    "[text cccc\n][blank 1][text split dddddddddd][text dd\n]");
	lede_buf_free(&out);
}
END_TEST

Suite *
para_suite(void)
{
	Suite	*s = suite_create("para");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, test_paragraphs);
	tcase_add_test(tc, test_several_files);
	tcase_add_test(tc, test_directory);
	tcase_add_test(tc, test_cap);
	suite_add_tcase(s, tc);
	return s;
}
