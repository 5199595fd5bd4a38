/*
 * Output: escapes of the record formats, and write errors that stick.
 */
#include <sys/socket.h>
#include <sys/wait.h>

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "out.h"
#include "suites.h"

static void
write_big(struct lede_out *o)
{
	size_t	i;

	for (i = 0; i < 3 * LEDE_OUT_SIZE; i++)
		lede_out_putc(o, (char)('a' + i % 26));
}

START_TEST(test_big)
{
	char	*s;

	s = capture(write_big);
	ck_assert_uint_eq(strlen(s), 3 * LEDE_OUT_SIZE);
	ck_assert_int_eq(s[LEDE_OUT_SIZE + 1], 'a' + (LEDE_OUT_SIZE + 1) % 26);
	free(s);
}
END_TEST

/*
 * On a pipe or socket every write(2) holds whole lines and at most
 * PIPE_BUF bytes.  A SOCK_SEQPACKET socket keeps the boundary of each
 * write, so the reader sees them one by one.
 */
START_TEST(test_whole_lines)
{
	static struct lede_out	o;
	static char		msg[2 * PIPE_BUF];
	size_t			i, total = 0, want = 0, longest = 0;
	ssize_t			r;
	int			sv[2], bad = 0, st;
	pid_t			pid;

	ck_assert_int_eq(socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		close(sv[0]);
		lede_out_init(&o, sv[1]);
		/* Lines of 1 to 300 bytes, one of 3 * PIPE_BUF, no final newline. */
		for (i = 0; i < 3000; i++) {
			memset(msg, 'a' + (int)(i % 26), i % 300);
			lede_out_write(&o, msg, i % 300);
			if (i == 1500)
				for (st = 0; st < 3 * PIPE_BUF; st++)
					lede_out_putc(&o, 'L');
			lede_out_putc(&o, '\n');
		}
		lede_out_write(&o, "end", 3);
		_exit(lede_out_flush(&o) == 0 ? 0 : 1);
	}
	close(sv[1]);
	for (i = 0; i < 3000; i++)
		want += i % 300 + 1;
	want += 3 * PIPE_BUF + 3;
	while ((r = read(sv[0], msg, sizeof(msg))) > 0) {
		total += (size_t)r;
		if ((size_t)r > longest)
			longest = (size_t)r;
		if ((size_t)r > PIPE_BUF)
			bad++;
		/* Only the pieces of the long line and the end may end inside. */
		if (msg[r - 1] != '\n' && msg[r - 1] != 'L' &&
		    memcmp(msg + r - 3, "end", 3) != 0)
			bad++;
	}
	close(sv[0]);
	ck_assert_int_eq(waitpid(pid, &st, 0), pid);
	ck_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	ck_assert_int_eq(bad, 0);
	ck_assert_uint_eq(total, want);
	ck_assert_uint_le(longest, PIPE_BUF);
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

	tcase_add_test(tc, test_big);
	tcase_add_test(tc, test_whole_lines);
	tcase_add_test(tc, test_full_disk);
	suite_add_tcase(s, tc);
	return s;
}
