/*
 * The WARC reader: the archives of tests/warc read in chunks of 1, 7 and
 * 4096 bytes give the same events, and the events of NAME.expect
 * (LEDE_BLESS=1 rewrites those files); archives too big to keep are made
 * here.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "buf.h"
#include "helpers.h"
#include "suites.h"
#include "warc.h"
#include "warcdump.h"

#define FIXTURES	"tests/warc/"

static const char *const fixtures[] = {
	"good.warc", "good.warc.gz", "wet.warc.gz",
	"bad-cut-body.warc", "bad-cut-head.warc", "bad-truncated.warc",
	"bad-overrun.warc", "bad-underrun.warc", "bad-chunk.warc",
	"bad-noblank.warc", "bad-nothttp.warc", "bad-length.warc",
	"bad-junk.warc", "bad-body-gzip.warc", "bad-gzip-corrupt.warc.gz",
	"bad-gzip-cut.warc.gz", "bad-gzip-trailing.warc.gz"
};

/* Compares got with the file want, or writes it there when blessing. */
static void
check_expect(const char *name, const struct lede_buf *got)
{
	char	 path[256];
	char	*want;
	FILE	*f;
	size_t	 n;

	snprintf(path, sizeof(path), FIXTURES "%s.expect", name);
	if (getenv("LEDE_BLESS") != NULL) {
		f = fopen(path, "wb");
		ck_assert_ptr_nonnull(f);
		fwrite(got->p, 1, got->len, f);
		fclose(f);
		return;
	}
	want = slurp(path, &n);
	ck_assert_msg(n == got->len && memcmp(want, got->p, n) == 0,
	    "%s: events differ from %s:\n%.*s", name, path, (int)got->len,
	    got->p);
	free(want);
}

START_TEST(test_fixture)
{
	static const size_t	 sizes[] = { 1, 7 };
	const char		*name = fixtures[_i];
	char			 path[256];
	char			*data;
	struct lede_buf		 ref = { 0 }, got = { 0 };
	size_t			 n, i;

	snprintf(path, sizeof(path), FIXTURES "%s", name);
	data = slurp(path, &n);
	warc_dump(data, n, 4096, &ref);
	check_expect(name, &ref);
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		got.len = 0;
		warc_dump(data, n, sizes[i], &got);
		ck_assert_msg(got.len == ref.len &&
		    memcmp(got.p, ref.p, ref.len) == 0,
		    "%s in chunks of %zu:\n%.*s", name, sizes[i],
		    (int)got.len, got.p);
	}
	lede_buf_free(&ref);
	lede_buf_free(&got);
	free(data);
}
END_TEST

START_TEST(test_magic)
{
	ck_assert(lede_warc_magic("WARC/1.0\r\nWARC-Type", 19));
	ck_assert(lede_warc_magic("WARC/1.1\r\n", 10));
	ck_assert(lede_warc_magic("WARC/1.0\nX", 10));
	ck_assert(!lede_warc_magic("WARC/1.0", 8));
	ck_assert(!lede_warc_magic("WARC/1.", 7));
	ck_assert(!lede_warc_magic("WARC/2.0\r\n", 10));
	ck_assert(!lede_warc_magic("WARC/1.0x\r\n", 11));
	ck_assert(lede_warc_magic("WARC/1.1\r", 9));
	ck_assert(!lede_warc_magic("<html>\r\n\r\n", 10));
}
END_TEST

/* Reads every event of s[0..n-1] and returns the dump. */
static char *
dump_string(const char *s, size_t n, size_t chunk)
{
	struct lede_buf	out = { 0 };

	warc_dump(s, n, chunk, &out);
	lede_buf_addc(&out, '\0');
	return out.p;
}

static char *
one_record(const char *fields, const char *body)
{
	struct lede_buf	b = { 0 };
	char		head[512];

	snprintf(head, sizeof(head), "WARC/1.0\r\n%sContent-Length: %zu\r\n"
	    "\r\n", fields, strlen(body));
	lede_buf_add(&b, head, strlen(head));
	lede_buf_add(&b, body, strlen(body));
	lede_buf_add(&b, "\r\n\r\n", 5);
	return b.p;
}

/* A header block over the cap is skipped with a message; the next record
 * is read. */
START_TEST(test_huge_head)
{
	struct lede_buf	 b = { 0 };
	char		*rec, *out;
	size_t		 i;

	lede_buf_add(&b, "WARC/1.0\r\nWARC-Type: resource\r\n", 31);
	for (i = 0; i < LEDE_WARC_MAXHEAD / 31 + 1; i++)
		lede_buf_add(&b, "X-Filler: 0123456789abcdefghi\r\n", 31);
	lede_buf_add(&b, "Content-Length: 2\r\n\r\nhi\r\n\r\n", 27);
	rec = one_record("WARC-Type: resource\r\nWARC-Target-URI: u:2\r\n"
	    "Content-Type: text/plain\r\n", "after\n");
	lede_buf_add(&b, rec, strlen(rec));
	out = dump_string(b.p, b.len, 4096);
	ck_assert_msg(strstr(out, "problem EHEAD: record at byte 0: its header "
	    "block is longer than 65536 bytes; skipped\n") != NULL, "%s", out);
	ck_assert_msg(strstr(out, "record resource u:2 text text/plain - "
	    "http=0 @") != NULL, "%s", out);
	ck_assert(strstr(out, "| after\n") != NULL);
	free(out);
	free(rec);
	lede_buf_free(&b);
}
END_TEST

/* An HTTP head over the cap is skipped too. */
START_TEST(test_huge_http_head)
{
	struct lede_buf	 b = { 0 };
	char		*rec, *out, head[128];
	size_t		 i, n = LEDE_WARC_MAXHEAD + 100;

	snprintf(head, sizeof(head), "WARC/1.0\r\nWARC-Type: response\r\n"
	    "Content-Length: %zu\r\n\r\nHTTP/1.1 200 OK\r\n", n + 17);
	lede_buf_add(&b, head, strlen(head));
	for (i = 0; i < n / 25; i++)
		lede_buf_add(&b, "Set-Cookie: a=0123456789\n", 25);
	for (i = 0; i < n % 25; i++)
		lede_buf_addc(&b, 'x');
	lede_buf_add(&b, "\r\n\r\n", 4);
	rec = one_record("WARC-Type: resource\r\nWARC-Target-URI: u:2\r\n"
	    "Content-Type: text/plain\r\n", "after\n");
	lede_buf_add(&b, rec, strlen(rec));
	out = dump_string(b.p, b.len, 4096);
	ck_assert_msg(strstr(out, "problem EHTTP: record at byte 0: its HTTP "
	    "head is longer than 65536 bytes; skipped\n") != NULL, "%s", out);
	ck_assert_msg(strstr(out, "| after\n") != NULL, "%s", out);
	ck_assert_msg(strstr(out, "problem ESYNC") == NULL &&
	    strstr(out, "EJUNK") == NULL, "%s", out);
	free(out);
	free(rec);
	lede_buf_free(&b);
}
END_TEST

/* Empty values, the first copied (found by fuzz-warc). */
START_TEST(test_empty_values)
{
	static const char	in[] = "WARC/1.0\r\nContent-Length: \r\n"
	    "WARC-Type:\r\n\r\n";
	char			*out;

	out = dump_string(in, sizeof(in) - 1, 7);
	ck_assert_str_eq(out, "problem ELENGTH: record at byte 0: no valid "
	    "Content-Length; skipped to the next record\n"
	    "end records=1 docs=0 problems=1 [unreadable]=1\n");
	free(out);
}
END_TEST

/* Target URIs: <...>, white space, controls and bad UTF-8 mended. */
START_TEST(test_uri)
{
	static const struct {
		const char	*field;
		const char	*want;
	} cases[] = {
		{ "http://a.example/x", "http://a.example/x" },
		{ "<http://a.example/x>", "http://a.example/x" },
		{ "  <http://a.example/x>  ", "http://a.example/x" },
		{ "http://a.example/a b", "http://a.example/a%20b" },
		{ "http://a.example/\x01\x7f", "http://a.example/%01%7F" },
		{ "http://a.example/caf\xc3\xa9", "http://a.example/caf\xc3\xa9" },
		{ "http://a.example/caf\xe9", "http://a.example/caf%E9" },
		{ "", "" },
	};
	char	fields[256], want[256], *rec, *out;
	size_t	i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(fields, sizeof(fields), "WARC-Type: resource\r\n"
		    "WARC-Target-URI: %s\r\nContent-Type: text/plain\r\n",
		    cases[i].field);
		rec = one_record(fields, "x\n");
		out = dump_string(rec, strlen(rec), 4096);
		snprintf(want, sizeof(want), "record resource %s text",
		    cases[i].want);
		ck_assert_msg(strncmp(out, want, strlen(want)) == 0,
		    "%s: %s", cases[i].field, out);
		free(out);
		free(rec);
	}
}
END_TEST

/* Content-Type parameters and HTTP status lines. */
START_TEST(test_http_heads)
{
	static const struct {
		const char	*head;
		const char	*want;	/* the start of the dump */
	} cases[] = {
		{ "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\n",
		    "record response u:1 html text/html utf-8 http=200" },
		{ "HTTP/1.1 200 OK\r\nContent-Type: Text/HTML;charset=\"Shift_JIS\"; q=1\r\n",
		    "record response u:1 html text/html shift_jis http=200" },
		{ "HTTP/2 200\r\ncontent-type: text/plain\r\n",
		    "record response u:1 text text/plain - http=200" },
		{ "HTTP/1.0 203 Non-Authoritative\nContent-Type: text/html\n",
		    "record response u:1 html text/html - http=203" },
		{ "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Type: application/json\r\n",
		    "end records=1 docs=0 problems=0 [media type]=1" },
		{ "HTTP/1.1 500 Oops\r\nContent-Type: text/html\r\n",
		    "end records=1 docs=0 problems=0 [HTTP status]=1" },
		{ "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br\r\n",
		    "end records=1 docs=0 problems=0 [coding]=1" },
		{ "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip, gzip\r\n",
		    "end records=1 docs=0 problems=0 [coding]=1" },
		{ "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: identity\r\n",
		    "record response u:1 html" },
		{ "HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n",
		    "end records=1 docs=0 problems=0 [media type]=1" },
		{ "HTTP/1.1 20 OK\r\n",
		    "problem EHTTP: record at byte 0: its payload is not an HTTP response (it starts \"HTTP/1.1 20 OK\"); skipped" },
		{ "ICY 200 OK\r\n",
		    "problem EHTTP: record at byte 0: its payload is not an HTTP response (it starts \"ICY 200 OK\"); skipped" },
	};
	char	body[512], *rec, *out;
	size_t	i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(body, sizeof(body), "%s\r\nbody\n", cases[i].head);
		rec = one_record("WARC-Type: response\r\nWARC-Target-URI: u:1\r\n",
		    body);
		out = dump_string(rec, strlen(rec), 4096);
		ck_assert_msg(strncmp(out, cases[i].want,
		    strlen(cases[i].want)) == 0, "%s\n-> %s", cases[i].head, out);
		free(out);
		free(rec);
	}
}
END_TEST

/*
 * A generator of a big archive without storing it: records of a given
 * body size, made on the fly, so that a test reads gigabytes.
 */
struct bigfeed {
	char		 head[256];
	size_t		 headlen;
	uint64_t	 body;		/* body bytes per record */
	uint64_t	 records;	/* records to make */
	uint64_t	 made;
	uint64_t	 at;		/* offset inside the current record */
};

static ssize_t
big_read(void *ctx, char *buf, size_t n)
{
	static char	 block[4096];
	struct bigfeed	*f = ctx;
	uint64_t	 total = f->headlen + f->body + 4, k;
	size_t		 i, got = 0;

	if (block[0] == '\0') {
		for (i = 0; i < sizeof(block) - 1; i++)
			block[i] = "The same line of text, again. "[i % 30];
		block[i] = '\n';
	}
	while (got < n && f->made < f->records) {
		if (f->at < f->headlen) {
			k = f->headlen - f->at;
			memcpy(buf + got, f->head + f->at, k = k < n - got ?
			    k : n - got);
		} else if (f->at < f->headlen + f->body) {
			i = (size_t)((f->at - f->headlen) % sizeof(block));
			k = sizeof(block) - i;
			k = k < n - got ? k : n - got;
			k = k < f->headlen + f->body - f->at ? k :
			    f->headlen + f->body - f->at;
			memcpy(buf + got, block + i, k);
		} else {
			k = 1;
			buf[got] = "\r\n\r\n"[f->at - f->headlen - f->body];
		}
		got += k;
		if ((f->at += k) == total) {
			f->at = 0;
			f->made++;
		}
	}
	return (ssize_t)got;
}

static long
max_rss_kib(void)
{
	struct rusage	ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

/*
 * LEDE_BIG_GB gigabytes (default 10: two records of 5 GB, past 32-bit
 * lengths and offsets) made on the fly, read with nothing growing: memory
 * after the run is what it was after the first record.  It takes 0.2 s
 * (0.6 s under ASan): the bytes never leave the cache.
 */
START_TEST(test_big)
{
	struct bigfeed		 f = { 0 };
	struct lede_warc	*w;
	struct lede_warc_record	 rec;
	char			 buf[65536];
	const char		*gb = getenv("LEDE_BIG_GB");
	uint64_t		 total = 0, docs = 0, want;
	long			 rss0 = 0;
	ssize_t			 r;
	enum lede_warc_event	 ev;

	f.body = (gb != NULL ? strtoull(gb, NULL, 10) : 10) * 500000000ULL;
	f.records = 2;
	f.headlen = (size_t)snprintf(f.head, sizeof(f.head), "WARC/1.1\r\n"
	    "WARC-Type: resource\r\nWARC-Target-URI: big:x\r\n"
	    "Content-Type: text/plain\r\nContent-Length: %llu\r\n\r\n",
	    (unsigned long long)f.body);
	w = lede_warc_new(big_read, &f);
	while ((ev = lede_warc_next(w, &rec)) != LEDE_WARC_END) {
		ck_assert_msg(ev == LEDE_WARC_RECORD, "%s",
		    lede_warc_problem(w)->message);
		ck_assert_uint_eq(rec.length, f.body);
		ck_assert_uint_eq(rec.offset, docs * (f.headlen + f.body + 4));
		while ((r = lede_warc_read(w, buf, sizeof(buf))) > 0)
			total += (uint64_t)r;
		if (docs++ == 0)
			rss0 = max_rss_kib();
	}
	want = f.body * f.records;
	ck_assert_uint_eq(total, want);
	ck_assert_uint_eq(docs, f.records);
	/* Nothing grew with the input (1 MiB of slack for the allocator). */
	ck_assert_int_le(max_rss_kib() - rss0, 1024);
	lede_warc_free(w);
}
END_TEST

Suite *
warc_suite(void)
{
	Suite	*s = suite_create("warc");
	TCase	*tc = tcase_create("core");

	tcase_add_loop_test(tc, test_fixture, 0,
	    sizeof(fixtures) / sizeof(fixtures[0]));
	tcase_add_test(tc, test_magic);
	tcase_add_test(tc, test_huge_head);
	tcase_add_test(tc, test_huge_http_head);
	tcase_add_test(tc, test_empty_values);
	tcase_add_test(tc, test_uri);
	tcase_add_test(tc, test_http_heads);
	tcase_add_test(tc, test_big);
	tcase_set_timeout(tc, 300);
	suite_add_tcase(s, tc);
	return s;
}
