/*
 * warccat: the documents of web archives as a stream of "==> URL <==" and
 * payloads, through the library's gzip and WARC readers.  A development
 * tool (the benchmark of the readers runs it, and it shows what the input
 * layer sees); the filters read archives themselves.
 *
 *	warccat [-nv] [FILE ...]
 *
 * -n counts the documents and their bytes without writing them; -v adds a
 * summary per file on standard error.  Problems go to standard error as
 * "warccat: FILE: MESSAGE"; the exit status is 1 if there were any.
 */
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gzip.h"
#include "peek.h"
#include "stream.h"
#include "warc.h"

static int	nflag, vflag;

static uint64_t
locate(const void *ctx, uint64_t off)
{
	return lede_gzip_member_at(ctx, off);
}

static void
summary(const char *name, const struct lede_warc_stats *st, uint64_t bytes)
{
	int	i;

	fprintf(stderr, "warccat: %s: %llu records, %llu documents "
	    "(%llu bytes), %llu problems", name,
	    (unsigned long long)st->records, (unsigned long long)st->docs,
	    (unsigned long long)bytes, (unsigned long long)st->problems);
	for (i = 0; i < LEDE_WARC_NSKIP; i++)
		if (st->skipped[i] > 0)
			fprintf(stderr, ", %llu skipped (%s)",
			    (unsigned long long)st->skipped[i],
			    lede_warc_skip_name(i));
	fputc('\n', stderr);
}

/* Copies the payload of the current document to standard output. */
static uint64_t
payload(struct lede_warc *w)
{
	char		buf[65536];
	ssize_t		r;
	uint64_t	n = 0;

	while ((r = lede_warc_read(w, buf, sizeof(buf))) > 0) {
		n += (uint64_t)r;
		if (!nflag && fwrite(buf, 1, (size_t)r, stdout) != (size_t)r)
			err(1, "stdout");
	}
	if (!nflag)
		putchar('\n');
	return n;
}

static int
cat_warc(const char *name, struct lede_warc *w, struct lede_gzip *gz)
{
	struct lede_warc_record	 rec;
	enum lede_warc_event	 ev;
	uint64_t		 bytes = 0;
	int			 bad = 0;

	while ((ev = lede_warc_next(w, &rec)) != LEDE_WARC_END) {
		if (ev == LEDE_WARC_PROBLEM) {
			warnx("%s: %s", name, lede_warc_problem(w)->message);
			if (lede_warc_problem(w)->status == LEDE_WARC_EINPUT &&
			    gz != NULL)
				warnx("%s: %s", name, lede_gzip_message(gz));
			bad = 1;
			continue;
		}
		if (!nflag)
			printf("==> %s <==\n", rec.uri);
		bytes += payload(w);
	}
	if (vflag)
		summary(name, lede_warc_stats(w), bytes);
	return bad;
}

static int
cat_fd(const char *name, int fd)
{
	struct lede_peek	 pk, pk2;
	struct lede_gzip	*gz = NULL;
	struct lede_warc	*w;
	const char		*p;
	size_t			 n;
	int			 bad;

	lede_peek_init(&pk, lede_read_fd, &fd);
	if ((p = lede_peek_look(&pk, 2, &n)) == NULL) {
		warn("%s", name);
		return 1;
	}
	if (lede_gzip_magic(p, n))
		gz = lede_gzip_new(lede_peek_read, &pk, LEDE_GZIP_FILE);
	lede_peek_init(&pk2, gz != NULL ? lede_gzip_read : lede_peek_read,
	    gz != NULL ? (void *)gz : (void *)&pk);
	if ((p = lede_peek_look(&pk2, 9, &n)) == NULL ||
	    !lede_warc_magic(p, n)) {
		warnx("%s: not a WARC file", name);
		lede_gzip_free(gz);
		return 1;
	}
	w = lede_warc_new(lede_peek_read, &pk2);
	if (gz != NULL)
		lede_warc_locator(w, locate, gz);
	bad = cat_warc(name, w, gz);
	if (gz != NULL && lede_gzip_status(gz) == LEDE_GZIP_ETRAILING) {
		warnx("%s: %s", name, lede_gzip_message(gz));
		bad = 1;
	}
	lede_warc_free(w);
	lede_gzip_free(gz);
	return bad;
}

int
main(int argc, char *argv[])
{
	int	c, fd, bad = 0, i;

	while ((c = getopt(argc, argv, "nv")) != -1)
		switch (c) {
		case 'n':
			nflag = 1;
			break;
		case 'v':
			vflag = 1;
			break;
		default:
			fprintf(stderr, "usage: warccat [-nv] [FILE ...]\n");
			return 2;
		}
	argc -= optind;
	argv += optind;
	if (argc == 0)
		return cat_fd("-", STDIN_FILENO);
	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "-") == 0)
			fd = STDIN_FILENO;
		else if ((fd = open(argv[i], O_RDONLY)) == -1) {
			warn("%s", argv[i]);
			bad = 1;
			continue;
		}
		bad |= cat_fd(argv[i], fd);
		if (fd != STDIN_FILENO)
			close(fd);
	}
	if (fflush(stdout) == EOF || ferror(stdout))
		err(1, "stdout");
	return bad;
}
