/*
 * Output: escapes of the record formats, and write errors that stick.
 */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "out.h"
#include "suites.h"

/* Runs fn on a writer to a temporary file and returns what it wrote. */
static char *
capture(void (*fn)(struct lede_out *))
{
	static struct lede_out	o;
	char			path[] = "/tmp/lede-out-XXXXXX", *s;
	int			fd;

	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	lede_out_init(&o, fd);
	fn(&o);
	ck_assert_int_eq(lede_out_flush(&o), 0);
	close(fd);
	s = slurp(path, NULL);
	unlink(path);
	return s;
}

static void
write_tsv(struct lede_out *o)
{
	lede_out_tsv(o, "a\tb\nc\\d\re", 9);
	lede_out_putc(o, '|');
	lede_out_uint(o, 0);
	lede_out_putc(o, '|');
	lede_out_uint(o, 18446744073709551615ULL);
}

static void
write_json(struct lede_out *o)
{
	lede_out_json(o, "say \"hi\"\\\n\t\x01\xE2\x80\x9C", 15);
}

static void
write_headers(struct lede_out *o)
{
	lede_out_header(o, "a.txt", 1);
	lede_out_header(o, "b.txt", 0);
}

static void
write_big(struct lede_out *o)
{
	size_t	i;

	for (i = 0; i < 3 * LEDE_OUT_SIZE; i++)
		lede_out_putc(o, (char)('a' + i % 26));
}

START_TEST(test_escapes)
{
	char	*s;

	s = capture(write_tsv);
	ck_assert_str_eq(s, "a\\tb\\nc\\\\d\\re|0|18446744073709551615");
	free(s);
	s = capture(write_json);
	ck_assert_str_eq(s, "\"say \\\"hi\\\"\\\\\\n\\t\\u0001\xE2\x80\x9C\"");
	free(s);
	s = capture(write_headers);
	ck_assert_str_eq(s, "==> a.txt <==\n\n==> b.txt <==\n");
	free(s);
	s = capture(write_big);
	ck_assert_uint_eq(strlen(s), 3 * LEDE_OUT_SIZE);
	ck_assert_int_eq(s[LEDE_OUT_SIZE + 1], 'a' + (LEDE_OUT_SIZE + 1) % 26);
	free(s);
}
END_TEST

START_TEST(test_full_disk)
{
	static struct lede_out	o;
	int			fd;

	fd = open("/dev/full", O_WRONLY);
	if (fd == -1)
		return;		/* no /dev/full here */
	lede_out_init(&o, fd);
	write_big(&o);
	ck_assert_int_eq(lede_out_error(&o), ENOSPC);
	ck_assert_int_eq(lede_out_flush(&o), -1);
	close(fd);
}
END_TEST

Suite *
out_suite(void)
{
	Suite	*s = suite_create("out");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, test_escapes);
	tcase_add_test(tc, test_full_disk);
	suite_add_tcase(s, tc);
	return s;
}
