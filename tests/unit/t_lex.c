/*
 * Lexicons: every entry of every source file under DATA (common/data) is
 * in the compiled table with its class, and nothing else is.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lex.h"
#include "suites.h"

static void
check_file(const struct lede_lex *lex)
{
	const struct lede_lexent	*e;
	const char			*dir = getenv("DATA");
	char				 path[512], line[256], *tab;
	const char			*cls;
	size_t				 n = 0;
	FILE				*f;

	snprintf(path, sizeof(path), "%s/%s.txt", dir ? dir : "common/data",
	    lex->name);
	f = fopen(path, "r");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	while (fgets(line, sizeof(line), f) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		cls = "";
		if ((tab = strchr(line, '\t')) != NULL) {
			*tab = '\0';
			cls = tab + 1;
		}
		e = lede_lex_find(lex, line, strlen(line));
		ck_assert_msg(e != NULL, "%s: %s missing", lex->name, line);
		ck_assert_str_eq(e->cls, cls);
		n++;
	}
	fclose(f);
	ck_assert_uint_eq(n, lex->n);
}

START_TEST(test_sources)
{
	check_file(&lede_lex_abbrev);
	check_file(&lede_lex_starters);
	check_file(&lede_lex_hyphen);
	check_file(&lede_lex_stop);
	check_file(&lede_lex_boiler);
	check_file(&lede_lex_quoteadv);
	check_file(&lede_lex_quotecues);
	check_file(&lede_lex_quotenames);
	check_file(&lede_lex_quotepron);
	check_file(&lede_lex_quoteroles);
	check_file(&lede_lex_quotewords);
}
END_TEST

START_TEST(test_lookup)
{
	ck_assert_ptr_nonnull(lede_lex_find(&lede_lex_abbrev, "Mr", 2));
	ck_assert_ptr_null(lede_lex_find(&lede_lex_abbrev, "Mrx", 3));
	ck_assert_ptr_null(lede_lex_find(&lede_lex_abbrev, "M", 1));
	ck_assert_ptr_null(lede_lex_find(&lede_lex_abbrev, "", 0));
	ck_assert_ptr_nonnull(lede_lex_find_nocase(&lede_lex_abbrev, "CORP", 4));
	ck_assert_ptr_nonnull(lede_lex_find_nocase(&lede_lex_abbrev, "co", 2));
	ck_assert_str_eq(lede_lex_find(&lede_lex_abbrev, "Gen", 3)->cls,
	    "title");
}
END_TEST

Suite *
lex_suite(void)
{
	Suite	*s = suite_create("lex");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, test_sources);
	tcase_add_test(tc, test_lookup);
	suite_add_tcase(s, tc);
	return s;
}
