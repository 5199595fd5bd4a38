/*
 * The unit test runner: one Check suite per common/ module.
 */
#include <check.h>
#include <stdlib.h>

#include "suites.h"

int
main(void)
{
	SRunner	*sr;
	int	 failed;

	sr = srunner_create(utf8_suite());
	srunner_add_suite(sr, stream_suite());
	srunner_add_suite(sr, para_suite());
	srunner_add_suite(sr, out_suite());
	srunner_add_suite(sr, format_suite());
	srunner_add_suite(sr, lex_suite());
	srunner_add_suite(sr, tok_suite());
	srunner_add_suite(sr, sent_suite());
	srunner_add_suite(sr, layout_suite());
	srunner_add_suite(sr, quote_suite());
	srunner_add_suite(sr, strip_suite());
	srunner_add_suite(sr, ner_suite());
	srunner_add_suite(sr, gzip_suite());
	srunner_add_suite(sr, warc_suite());
	srunner_add_suite(sr, html_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
