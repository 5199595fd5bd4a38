/*
 * The gzip reader: members one after another, whatever the chunk sizes;
 * corrupt, cut and trailing data reported with their offsets; the three
 * formats of HTTP bodies.
 */
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "buf.h"
#include "gzip.h"
#include "suites.h"
#include "warcdump.h"

/* Appends the compression of s with the given windowBits (31: gzip,
 * 15: zlib, -15: raw deflate). */
static void
deflate_to(struct lede_buf *out, const char *s, size_t n, int wbits)
{
	z_stream	z;
	unsigned char	buf[4096];

	memset(&z, 0, sizeof(z));
	ck_assert_int_eq(deflateInit2(&z, 6, Z_DEFLATED, wbits, 8,
	    Z_DEFAULT_STRATEGY), Z_OK);
	z.next_in = (unsigned char *)(uintptr_t)s;
	z.avail_in = (uInt)n;
	do {
		z.next_out = buf;
		z.avail_out = sizeof(buf);
		ck_assert_int_ne(deflate(&z, Z_FINISH), Z_STREAM_ERROR);
		lede_buf_add(out, buf, sizeof(buf) - z.avail_out);
	} while (z.avail_out == 0);
	deflateEnd(&z);
}

/* What a read of everything gave: the bytes, and each -1 as "<errno>". */
struct result {
	struct lede_buf	out;
	int		errs[8];
	int		nerr;
};

static void
read_all(struct lede_gzip *gz, size_t chunk, struct result *res)
{
	char	buf[4096];
	ssize_t	r;
	int	guard = 0;

	memset(res, 0, sizeof(*res));
	if (chunk > sizeof(buf))
		chunk = sizeof(buf);
	while ((r = lede_gzip_read(gz, buf, chunk)) != 0) {
		if (r > 0) {
			lede_buf_add(&res->out, buf, (size_t)r);
			continue;
		}
		ck_assert_int_lt(res->nerr, 8);
		res->errs[res->nerr++] = errno;
		ck_assert_int_lt(++guard, 8);
	}
}

static void
read_data(const char *data, size_t n, size_t chunk, enum lede_gzip_mode mode,
    struct result *res, struct lede_gzip **gzp)
{
	static struct chunks	c;

	c.s = data;
	c.len = n;
	c.pos = 0;
	c.size = chunk;
	*gzp = lede_gzip_new(chunks_read, &c, mode);
	read_all(*gzp, chunk, res);
}

static const char *const texts[] = {
	"The first member holds one line.\n",
	"",
	"The third member is longer: it says that the harbour board met the "
	"ferry crews on Monday, that both sides said the talks would go on, "
	"and that nobody expects a deal before the spring.\n",
};

START_TEST(test_members)
{
	static const size_t	 sizes[] = { 1, 7, 4096 };
	struct lede_buf		 z = { 0 }, want = { 0 };
	struct result		 res;
	struct lede_gzip	*gz;
	size_t			 i, starts[3];

	for (i = 0; i < 3; i++) {
		starts[i] = z.len;
		deflate_to(&z, texts[i], strlen(texts[i]), 31);
		lede_buf_add(&want, texts[i], strlen(texts[i]));
	}
	for (i = 0; i < 3; i++) {
		read_data(z.p, z.len, sizes[i], LEDE_GZIP_FILE, &res, &gz);
		ck_assert_int_eq(res.nerr, 0);
		ck_assert_uint_eq(res.out.len, want.len);
		ck_assert(memcmp(res.out.p, want.p, want.len) == 0);
		ck_assert_int_eq(lede_gzip_status(gz), LEDE_GZIP_OK);
		ck_assert_uint_eq(lede_gzip_members(gz), 3);
		ck_assert_uint_eq(lede_gzip_in(gz), z.len);
		ck_assert_uint_eq(lede_gzip_out(gz), want.len);
		ck_assert_uint_eq(lede_gzip_member_at(gz, 0), starts[0]);
		ck_assert_uint_eq(lede_gzip_member_at(gz, strlen(texts[0]) - 1),
		    starts[0]);
		/* The empty member holds no byte: the third holds this one. */
		ck_assert_uint_eq(lede_gzip_member_at(gz, strlen(texts[0])),
		    starts[2]);
		lede_gzip_free(gz);
		lede_buf_free(&res.out);
	}
	lede_buf_free(&z);
	lede_buf_free(&want);
}
END_TEST

/* Many members: the ring forgets the oldest. */
START_TEST(test_member_ring)
{
	struct lede_buf		 z = { 0 };
	struct result		 res;
	struct lede_gzip	*gz;
	size_t			 i, n = LEDE_GZIP_MEMBERS + 10;

	for (i = 0; i < n; i++)
		deflate_to(&z, "0123456789", 10, 31);
	read_data(z.p, z.len, 4096, LEDE_GZIP_FILE, &res, &gz);
	ck_assert_uint_eq(res.out.len, 10 * n);
	ck_assert_uint_eq(lede_gzip_member_at(gz, 0), LEDE_GZIP_NOPOS);
	ck_assert_uint_eq(lede_gzip_member_at(gz, 10 * n - 1),
	    z.len / n * (n - 1));
	lede_gzip_free(gz);
	lede_buf_free(&res.out);
	lede_buf_free(&z);
}
END_TEST

/* A corrupt middle member: reported once, the next one is read. */
START_TEST(test_corrupt)
{
	static const size_t	 sizes[] = { 1, 7, 4096 };
	struct lede_buf		 z = { 0 };
	struct result		 res;
	struct lede_gzip	*gz;
	size_t			 i, mid;

	deflate_to(&z, texts[0], strlen(texts[0]), 31);
	mid = z.len;
	deflate_to(&z, texts[2], strlen(texts[2]), 31);
	deflate_to(&z, texts[0], strlen(texts[0]), 31);
	z.p[mid + 12] ^= 0xff;
	z.p[mid + 13] ^= 0x55;
	for (i = 0; i < 3; i++) {
		read_data(z.p, z.len, sizes[i], LEDE_GZIP_FILE, &res, &gz);
		ck_assert_int_eq(res.nerr, 1);
		ck_assert_int_eq(res.errs[0], EILSEQ);
		ck_assert_int_eq(lede_gzip_status(gz), LEDE_GZIP_ECORRUPT);
		ck_assert_msg(strstr(lede_gzip_message(gz), "corrupt data at "
		    "compressed byte ") != NULL && strstr(lede_gzip_message(gz),
		    "in the member at byte 53") != NULL &&
		    strstr(lede_gzip_message(gz), "reading resumes at the "
		    "next member") != NULL, "%s", lede_gzip_message(gz));
		ck_assert_uint_ge(res.out.len, 2 * strlen(texts[0]));
		ck_assert(memcmp(res.out.p, texts[0], strlen(texts[0])) == 0);
		ck_assert(memcmp(res.out.p + res.out.len - strlen(texts[0]),
		    texts[0], strlen(texts[0])) == 0);
		lede_gzip_free(gz);
		lede_buf_free(&res.out);
	}
	ck_assert_uint_eq(mid, 53);
	lede_buf_free(&z);
}
END_TEST

/* Cut inside a member: what came is kept, then EPIPE, then the end. */
START_TEST(test_cut)
{
	struct lede_buf		 z = { 0 };
	struct result		 res;
	struct lede_gzip	*gz;
	size_t			 first;
	char			 want[128];

	deflate_to(&z, texts[0], strlen(texts[0]), 31);
	first = z.len;
	deflate_to(&z, texts[2], strlen(texts[2]), 31);
	read_data(z.p, z.len - 10, 7, LEDE_GZIP_FILE, &res, &gz);
	ck_assert_int_eq(res.nerr, 1);
	ck_assert_int_eq(res.errs[0], EPIPE);
	ck_assert_int_eq(lede_gzip_status(gz), LEDE_GZIP_ECUT);
	snprintf(want, sizeof(want), "the input ends inside the member at "
	    "compressed byte 53 (cut at byte %zu)", z.len - 10);
	ck_assert_str_eq(lede_gzip_message(gz), want);
	ck_assert_uint_eq(first, 53);
	ck_assert_uint_ge(res.out.len, strlen(texts[0]));
	ck_assert_uint_lt(res.out.len, strlen(texts[0]) + strlen(texts[2]));
	lede_gzip_free(gz);
	lede_buf_free(&res.out);
	lede_buf_free(&z);
}
END_TEST

/* Trailing garbage ends the input with a status; zero padding does not. */
START_TEST(test_trailing)
{
	struct lede_buf		 z = { 0 };
	struct result		 res;
	struct lede_gzip	*gz;
	size_t			 n;

	deflate_to(&z, texts[0], strlen(texts[0]), 31);
	n = z.len;
	lede_buf_add(&z, "\0\0\0\0", 4);
	read_data(z.p, z.len, 3, LEDE_GZIP_FILE, &res, &gz);
	ck_assert_int_eq(res.nerr, 0);
	ck_assert_int_eq(lede_gzip_status(gz), LEDE_GZIP_OK);
	lede_gzip_free(gz);
	lede_buf_free(&res.out);
	lede_buf_add(&z, "junk", 4);
	read_data(z.p, z.len, 3, LEDE_GZIP_FILE, &res, &gz);
	ck_assert_int_eq(res.nerr, 0);
	ck_assert_uint_eq(res.out.len, strlen(texts[0]));
	ck_assert_int_eq(lede_gzip_status(gz), LEDE_GZIP_ETRAILING);
	ck_assert_uint_eq(n, 53);
	ck_assert_str_eq(lede_gzip_message(gz), "trailing garbage at "
	    "compressed byte 57 (not a gzip member): ignored");
	lede_gzip_free(gz);
	lede_buf_free(&res.out);
	lede_buf_free(&z);
}
END_TEST

/* HTTP bodies: gzip, zlib, raw deflate, and text stored decoded. */
START_TEST(test_body)
{
	static const int	 wbits[] = { 31, 15, -15 };
	struct lede_buf		 z = { 0 };
	struct result		 res;
	struct lede_gzip	*gz;
	const char		*t = texts[2];
	size_t			 i;

	for (i = 0; i < 3; i++) {
		z.len = 0;
		deflate_to(&z, t, strlen(t), wbits[i]);
		lede_buf_add(&z, "\r\n", 2);	/* ignored after the end */
		read_data(z.p, z.len, 7, LEDE_GZIP_BODY, &res, &gz);
		ck_assert_int_eq(res.nerr, 0);
		ck_assert_uint_eq(res.out.len, strlen(t));
		ck_assert(memcmp(res.out.p, t, strlen(t)) == 0);
		lede_gzip_free(gz);
		lede_buf_free(&res.out);
	}
	read_data(t, strlen(t), 7, LEDE_GZIP_BODY, &res, &gz);
	ck_assert_int_eq(res.nerr, 0);
	ck_assert_uint_eq(res.out.len, strlen(t));
	lede_gzip_free(gz);
	lede_buf_free(&res.out);
	/* Binary bytes that are not deflate: an error, no output. */
	read_data("\xff\xff\xff\xff\x01\x02", 6, 7, LEDE_GZIP_BODY, &res, &gz);
	ck_assert_int_eq(res.nerr, 0);
	ck_assert_uint_eq(res.out.len, 6);
	lede_gzip_free(gz);
	lede_buf_free(&res.out);
	lede_buf_free(&z);
}
END_TEST

static ssize_t
fail_read(void *ctx, char *buf, size_t n)
{
	(void)ctx;
	(void)buf;
	(void)n;
	errno = EIO;
	return -1;
}

START_TEST(test_read_error)
{
	struct lede_gzip	*gz;
	char			 buf[16];

	gz = lede_gzip_new(fail_read, NULL, LEDE_GZIP_FILE);
	ck_assert_int_eq(lede_gzip_read(gz, buf, sizeof(buf)), -1);
	ck_assert_int_eq(errno, EIO);
	ck_assert_int_eq(lede_gzip_status(gz), LEDE_GZIP_EREAD);
	ck_assert_int_eq(lede_gzip_read(gz, buf, sizeof(buf)), 0);
	lede_gzip_free(gz);
}
END_TEST

START_TEST(test_magic)
{
	ck_assert(lede_gzip_magic("\x1f\x8b\x08", 3));
	ck_assert(lede_gzip_magic("\x1f\x8b", 2));
	ck_assert(!lede_gzip_magic("\x1f", 1));
	ck_assert(!lede_gzip_magic("\x1f\x8c", 2));
	ck_assert(!lede_gzip_magic("WARC", 4));
}
END_TEST

Suite *
gzip_suite(void)
{
	Suite	*s = suite_create("gzip");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, test_members);
	tcase_add_test(tc, test_member_ring);
	tcase_add_test(tc, test_corrupt);
	tcase_add_test(tc, test_cut);
	tcase_add_test(tc, test_trailing);
	tcase_add_test(tc, test_body);
	tcase_add_test(tc, test_read_error);
	tcase_add_test(tc, test_magic);
	suite_add_tcase(s, tc);
	return s;
}
