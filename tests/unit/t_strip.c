/*
 * Boilerplate removal: small invented pages fed line by line, and the
 * decision and reasons of the block of a given line.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "strip.h"
#include "suites.h"

static const char page[] =
    "Home | World | Business | Sport\n"
    "\n"
    "Follow us\n"
    "\n"
    "Ferry Crews Walk Out Over Night Shifts\n"
    "\n"
    "By Ansel Hart\n"
    "A ferry waits at the quay in Tarn on Monday.\n"
    "A ferry waits at the quay in Tarn on Monday.\n"
    "[Image: the empty quay]\n"
    "\n"
    "Crews on the island ferries stopped work on Monday morning, and the "
    "first boats of the day stayed at the quay while the union met the "
    "operator.\n"
    "\n"
    "The union said that the new night shifts had been drawn up without "
    "asking the crews, and that it would not return to work until they "
    "were changed.\n"
    "\n"
    "The operator said it was ready to talk but that the timetable had "
    "been approved by the council in the spring.\n"
    "\n"
    "Reader services and delivery questions\n"
    "\n"
    "Copyright 2026 The Tarn Courier\n";

static struct lede_strip *
new_strip(size_t memory, int notitle)
{
	struct lede_strip	*st;
	struct lede_strip_opts	 o = { 0, 0, 0, 0 };

	o.memory = memory;
	o.notitle = notitle;
	st = lede_strip_new(&o);
	ck_assert_ptr_nonnull(st);
	return st;
}

static void
free_strip(struct lede_strip *st)
{
	lede_strip_free(st);
}

/* Feeds a document of a site and decides it (it must fit in one window). */
static void
run_site(struct lede_strip *st, const char *doc, const char *site)
{
	const char	*nl;

	lede_strip_begin(st);
	if (site != NULL)
		lede_strip_site(st, site, strlen(site));
	for (; *doc != '\0'; doc = nl + 1) {
		nl = strchr(doc, '\n');
		ck_assert_ptr_nonnull(nl);
		if (nl == doc)
			lede_strip_blank(st);
		else
			ck_assert_int_eq(lede_strip_add(st, doc,
			    (size_t)(nl - doc), 1, 0, NULL), 0);
	}
	lede_strip_decide(st);
}

static void
run(struct lede_strip *st, const char *doc)
{
	run_site(st, doc, NULL);
}

/* The block of the first line that reads text. */
static const struct lede_strip_block *
block_of(const struct lede_strip *st, const char *text)
{
	const struct lede_strip_line	*l;
	size_t				 i;

	for (i = 0; i < lede_strip_nlines(st); i++) {
		l = lede_strip_getline(st, i);
		if (l->len == strlen(text) &&
		    memcmp(lede_strip_linetext(st, l), text, l->len) == 0)
			return lede_strip_getblock(st, l->block);
	}
	ck_abort_msg("no line \"%s\"", text);
	return NULL;
}

START_TEST(test_menu)
{
	struct lede_strip		*st = new_strip(0, 0);
	const struct lede_strip_block	*b;

	run(st, page);
	b = block_of(st, "Home | World | Business | Sport");
	ck_assert_int_eq(b->keep, 0);
	ck_assert_uint_ne(b->why & LEDE_STRIP_LIST, 0);
	ck_assert(b->score < 0);
	b = block_of(st, "Follow us");
	ck_assert_int_eq(b->keep, 0);
	ck_assert_uint_ne(b->why & LEDE_STRIP_PHRASE, 0);
	b = block_of(st, "By Ansel Hart");
	ck_assert_int_eq(b->keep, 0);
	ck_assert_uint_ne(b->why & LEDE_STRIP_BYLINE, 0);
	b = block_of(st, "Copyright 2026 The Tarn Courier");
	ck_assert_int_eq(b->keep, 0);
	free_strip(st);
}
END_TEST

START_TEST(test_body)
{
	struct lede_strip		*st = new_strip(0, 0);
	const struct lede_strip_block	*b;

	run(st, page);
	ck_assert_str_eq(lede_strip_lang(st), "en");
	b = block_of(st, "The operator said it was ready to talk but that the "
	    "timetable had been approved by the council in the spring.");
	ck_assert_int_eq(b->keep, 1);
	ck_assert_uint_ne(b->why & LEDE_STRIP_PROSE, 0);
	ck_assert_uint_eq(b->why & LEDE_STRIP_OUTSIDE, 0);
	ck_assert(b->score > 0);
	b = block_of(st, "Ferry Crews Walk Out Over Night Shifts");
	ck_assert_int_eq(b->keep, 1);
	ck_assert_uint_ne(b->why & LEDE_STRIP_TITLE, 0);
	free_strip(st);

	/* With notitle, the headline is found but not kept. */
	st = new_strip(0, 1);
	run(st, page);
	b = block_of(st, "Ferry Crews Walk Out Over Night Shifts");
	ck_assert_uint_ne(b->why & LEDE_STRIP_TITLE, 0);
	ck_assert_int_eq(b->keep, 0);
	free_strip(st);
}
END_TEST

START_TEST(test_captions)
{
	struct lede_strip		*st = new_strip(0, 0);
	const struct lede_strip_block	*b;

	run(st, page);
	/* The same caption twice: both copies go. */
	b = block_of(st, "A ferry waits at the quay in Tarn on Monday.");
	ck_assert_int_eq(b->keep, 0);
	ck_assert_uint_eq(b->repeat, 1);
	ck_assert_uint_ne(b->why & LEDE_STRIP_REPEAT, 0);
	ck_assert_int_eq((b + 1)->keep, 0);
	b = block_of(st, "[Image: the empty quay]");
	ck_assert_int_eq(b->keep, 0);
	ck_assert_uint_ne(b->why & LEDE_STRIP_MEDIA, 0);
	free_strip(st);
}
END_TEST

START_TEST(test_memory)
{
	struct lede_strip		*st = new_strip(64, 0);
	const struct lede_strip_block	*b;

	run(st, page);
	b = block_of(st, "Reader services and delivery questions");
	ck_assert_uint_eq(b->xdoc, 0);
	ck_assert_uint_eq(b->why & LEDE_STRIP_TEMPLATE, 0);
	/* The same page again: its short lines are template text now. */
	run(st, page);
	b = block_of(st, "Reader services and delivery questions");
	ck_assert_uint_eq(b->xdoc, 1);
	ck_assert_uint_ne(b->why & LEDE_STRIP_TEMPLATE, 0);
	ck_assert_int_eq(b->keep, 0);
	run(st, page);
	b = block_of(st, "Reader services and delivery questions");
	ck_assert_uint_eq(b->xdoc, 2);
	/*
	 * A short paragraph of prose seen before is not template text: a copy
	 * of an article, or a wire story on two sites, keeps its body.
	 */
	b = block_of(st, "The operator said it was ready to talk but that the "
	    "timetable had been approved by the council in the spring.");
	ck_assert_uint_eq(b->xdoc, 2);
	ck_assert_uint_eq(b->why & LEDE_STRIP_TEMPLATE, 0);
	ck_assert(b->score > 0);
	ck_assert_int_ne(b->keep, 0);
	free_strip(st);

	/* Without memory, nothing is template text. */
	st = new_strip(0, 0);
	run(st, page);
	run(st, page);
	b = block_of(st, "Reader services and delivery questions");
	ck_assert_uint_eq(b->xdoc, 0);
	ck_assert_uint_eq(b->why & LEDE_STRIP_TEMPLATE, 0);
	free_strip(st);
}
END_TEST

/* The memory forgets: a small table fed many distinct lines stays small. */
START_TEST(test_memory_bounded)
{
	struct lede_strip	*st = new_strip(64, 0);
	char			 doc[128];
	int			 i;

	for (i = 0; i < 2000; i++) {
		snprintf(doc, sizeof(doc), "Menu entry number %d\n\n"
		    "Footer of page %d\n", i, i);
		run(st, doc);
	}
	ck_assert_uint_eq(lede_strip_memsize(st), 64);
	run(st, "Menu entry number 1999\n\nFooter of page 1999\n");
	ck_assert_uint_eq(lede_strip_getblock(st, 0)->xdoc, 1);
	free_strip(st);
}
END_TEST

/*
 * Template text needs strong evidence: earlier pages of the same site, and
 * more than one line of the page seen there.
 */
START_TEST(test_memory_sites)
{
	static const char other[] =
	    "Valley Courier\n\n"
	    "Farmers in the valley said the harvest came early this year, and "
	    "the co-operative hired twice as many pickers as it had planned.\n\n"
	    "The operator said it was ready to talk but that the timetable had "
	    "been approved by the council in the spring.\n";
	struct lede_strip		*st = new_strip(1024, 0);
	const struct lede_strip_block	*b;
	const char			*menu = "Reader services and delivery "
					    "questions";
	const char			*line = "The operator said it was ready "
					    "to talk but that the timetable had "
					    "been approved by the council in the "
					    "spring.";

	run_site(st, page, "harbour.example");
	run_site(st, page, "harbour.example");
	ck_assert_uint_eq(block_of(st, menu)->xdoc, 1);
	/* Another site: the same page is judged on its own. */
	run_site(st, page, "other.example");
	ck_assert_uint_eq(block_of(st, menu)->xdoc, 0);
	ck_assert_uint_eq(block_of(st, menu)->why & LEDE_STRIP_TEMPLATE, 0);
	/* Site names are compared without regard to case. */
	run_site(st, page, "HARBOUR.example");
	ck_assert_uint_eq(block_of(st, menu)->xdoc, 2);
	/* A page of the site that shares a single sentence keeps it. */
	run_site(st, other, "harbour.example");
	b = block_of(st, line);
	ck_assert_uint_eq(b->xdoc, 0);
	ck_assert_int_ne(b->keep, 0);
	/* So does a page of the unnamed site after pages of another one. */
	run_site(st, page, NULL);
	ck_assert_uint_eq(block_of(st, menu)->xdoc, 0);
	free_strip(st);
}
END_TEST

/* The site of a document: the host of its URL, else the folder of its name. */
START_TEST(test_doc_site)
{
	static const struct {
		const char	*name, *url, *site;
	} c[] = {
		{ "https://www.Example.com/news/a.html", NULL, "Example.com" },
		{ "http://user@news.example.org:8080/x", NULL,
		    "news.example.org" },
		{ "page.html", "https://paper.example/2026/a", "paper.example" },
		{ "example.net/politics/b.html", NULL, "example.net" },
		{ "crawl/2026/c.txt", NULL, "crawl/2026" },
		{ "./site/d.txt", NULL, "./site" },
		{ "../v1.2/e.txt", NULL, "../v1.2" },
		{ "f.txt", NULL, "" },
		{ "-", NULL, "" },
		{ "www./g", NULL, "www." },
		{ "notes on a.example/h", NULL, "notes on a.example" },
		{ "file:///tmp/i.html", NULL, "file:///tmp" },
	};
	struct lede_doc	 d;
	const char	*s;
	size_t		 i, n;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		memset(&d, 0, sizeof(d));
		d.name = c[i].name;
		d.url = c[i].url;
		s = lede_doc_site(&d, &n);
		ck_assert_msg(n == strlen(c[i].site) &&
		    memcmp(s, c[i].site, n) == 0, "%s: %.*s", c[i].name,
		    (int)n, s);
	}
}
END_TEST

/* Languages with a stop-word list, and the fallback for the rest. */
START_TEST(test_languages)
{
	static const char de[] =
	    "Startseite | Politik | Sport\n"
	    "\n"
	    "Die Gemeinde hat am Montag beschlossen, dass die alte Brücke im "
	    "Sommer erneuert wird, und die Arbeiten sollen im Juni beginnen.\n"
	    "\n"
	    "Der Rat sagte, dass die Kosten von der Gemeinde und dem Land "
	    "getragen werden, die sich seit Jahren darüber streiten.\n";
	/* Indonesian: Latin script, no stop-word list. */
	static const char id[] =
	    "Beranda | Berita | Olahraga\n"
	    "\n"
	    "Pemerintah kota mengumumkan pada hari senin bahwa jembatan lama "
	    "akan diperbaiki mulai bulan depan setelah banjir besar.\n"
	    "\n"
	    "Warga yang tinggal di dekat sungai diminta untuk berhati hati "
	    "selama pekerjaan berlangsung sampai akhir tahun.\n";
	struct lede_strip		*st = new_strip(0, 0);
	const struct lede_strip_block	*b;

	run(st, de);
	ck_assert_str_eq(lede_strip_lang(st), "de");
	ck_assert_int_eq(lede_strip_getblock(st, 2)->keep, 1);
	ck_assert_int_eq(lede_strip_getblock(st, 1)->keep, 1);
	ck_assert_int_eq(lede_strip_getblock(st, 0)->keep, 0);
	run(st, id);
	ck_assert_str_eq(lede_strip_lang(st), "");
	b = lede_strip_getblock(st, 1);
	ck_assert_int_eq(b->keep, 1);
	ck_assert_int_eq(lede_strip_getblock(st, 2)->keep, 1);
	ck_assert_int_eq(lede_strip_getblock(st, 0)->keep, 0);
	free_strip(st);
}
END_TEST

/* The window reports when it is full; the next one starts empty. */
START_TEST(test_window)
{
	struct lede_strip	*st;
	struct lede_strip_opts	 o = { 4096, 0, 0, 0 };
	char			 line[100];
	int			 i, full = 0;

	st = lede_strip_new(&o);
	lede_strip_begin(st);
	memset(line, 'a', sizeof(line));
	for (i = 0; i < 50 && !full; i++)
		full = lede_strip_add(st, line, sizeof(line), 1, 0, NULL);
	ck_assert_int_eq(full, 1);
	ck_assert_int_eq(i, 41);
	lede_strip_decide(st);
	ck_assert_uint_eq(lede_strip_nblocks(st), 41);
	lede_strip_next(st);
	ck_assert_uint_eq(lede_strip_nlines(st), 0);
	ck_assert_int_eq(lede_strip_add(st, line, 10, 1, 0, NULL), 0);
	free_strip(st);
}
END_TEST

/*
 * The features of one line, through the eight-byte scan of ASCII words:
 * words longer than eight bytes, words that start outside ASCII, and stop
 * words with letters outside ASCII (whose hash must match the lexicon's).
 */
START_TEST(test_features)
{
	static const char line[] = "\xc3\x9cnited STATES internationalisation "
	    "Caf\xc3\xa9 x9 ABCDEFGHIJ aB Ab 12345678901 \xc3\xbc" "ber f\xc3\xbcr "
	    "K\xc3\x96NNEN zwischen.";
	struct lede_strip		*st = new_strip(0, 0);
	const struct lede_strip_feat	*f;

	lede_strip_begin(st);
	lede_strip_add(st, line, strlen(line), 1, 0, NULL);
	lede_strip_decide(st);
	ck_assert_uint_eq(lede_strip_nblocks(st), 1);
	f = &lede_strip_getblock(st, 0)->f;
	ck_assert_uint_eq(f->words, 13);
	ck_assert_uint_eq(f->alpha, 12);
	ck_assert_uint_eq(f->lower, 6);	/* internationalisation x9 aB über für zwischen */
	ck_assert_uint_eq(f->upper, 3);	/* STATES ABCDEFGHIJ KÖNNEN */
	ck_assert_uint_eq(f->digit, 1);
	ck_assert_uint_eq(f->letters, 51 + 4 + 3 + 6 + 8);
	ck_assert_uint_eq(f->stop[1], 4);	/* de: über für können zwischen */
	ck_assert_uint_eq(f->sentends, 1);
	ck_assert_uint_eq(f->endpunct, 1);
	free_strip(st);
}
END_TEST

/* The full-width sentence marks of Chinese and Japanese end sentences. */
START_TEST(test_cjk_end)
{
	static const char *const lines[] = {
	    "\xe5\xb8\x82\xe6\x94\xbf\xe5\xba\x9c\xe5\xae\xa3\xe5\xb8\x83\xe3\x80\x82",
	    "\xe6\x98\xaf\xe5\x90\x97\xef\xbc\x9f",
	    "\xe5\xb8\x82\xe6\x94\xbf\xe5\xba\x9c"
	};
	struct lede_strip	*st = new_strip(0, 0);
	size_t			 i;

	for (i = 0; i < 3; i++) {
		lede_strip_begin(st);
		lede_strip_add(st, lines[i], strlen(lines[i]), 1, 0, NULL);
		lede_strip_decide(st);
		ck_assert_uint_eq(lede_strip_getblock(st, 0)->f.endpunct, i < 2);
	}
	free_strip(st);
}
END_TEST

START_TEST(test_whyname)
{
	ck_assert_str_eq(lede_strip_whyname(0), "prose");
	ck_assert_str_eq(lede_strip_whyname(LEDE_STRIP_NWHY - 1), "guide");
	ck_assert_str_eq(lede_strip_whyname(-1), "");
	ck_assert_str_eq(lede_strip_whyname(LEDE_STRIP_NWHY), "");
}
END_TEST

Suite *
strip_suite(void)
{
	Suite	*s = suite_create("strip");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, test_menu);
	tcase_add_test(tc, test_body);
	tcase_add_test(tc, test_captions);
	tcase_add_test(tc, test_memory);
	tcase_add_test(tc, test_memory_bounded);
	tcase_add_test(tc, test_memory_sites);
	tcase_add_test(tc, test_doc_site);
	tcase_add_test(tc, test_languages);
	tcase_add_test(tc, test_window);
	tcase_add_test(tc, test_features);
	tcase_add_test(tc, test_whyname);
	tcase_add_test(tc, test_cjk_end);
	suite_add_tcase(s, tc);
	return s;
}
