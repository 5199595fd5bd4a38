/* Tests of common/html.c: blocks, metadata and charsets, fed in chunks. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "html.h"
#include "suites.h"

static const char page[] =
    "<!DOCTYPE html><html lang=\"de\"><head>"
    "<meta charset=\"utf-8\"><title>  Ein   Titel </title>"
    "<script>var x = '<p>not text</p>';</script>"
    "<style>p { color: red }</style>"
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
    "\"headline\":\"Die Schlagzeile\",\"datePublished\":\"2026-01-02T03:04:05Z\","
    "\"author\":{\"@type\":\"Person\",\"name\":\"Anna M\\u00fcller\"}}</script>"
    "<link rel=\"canonical\" href=\"https://z.example/a\">"
    "</head><body><nav><a href=/>Start</a></nav>"
    "<article><h1>Die Schlagzeile</h1>"
    "<p>Erster   Absatz mit <a href=\"/x\">einem Link</a> &amp; mehr.</p>"
    "<p hidden>Versteckt</p><div style=\"DISPLAY: none\">Auch weg</div>"
    "<ul><li>Eins</li><li>Zwei</li></ul>"
    "<table><tr><td>A</td><td>B</td></tr></table>"
    "<div class=\"share-box\">Teilen</div>"
    "</article><footer>Impressum</footer></body></html>";

/* The page's blocks as "kind|text|path" lines, fed in chunks of size. */
static char *
blocks(const char *s, size_t n, size_t size, const char *charset)
{
	struct lede_html		*h = lede_html_new(0);
	struct lede_buf			 out = { 0 };
	const struct lede_html_block	*b;
	size_t				 i, k;

	lede_html_begin(h, charset);
	for (i = 0; i < n; i += k) {
		k = n - i < size ? n - i : size;
		lede_html_feed(h, s + i, k);
	}
	lede_html_end(h);
	for (i = 0; i < lede_html_nblocks(h); i++) {
		b = lede_html_block(h, i);
		lede_buf_addc(&out, (char)('0' + b->kind));
		lede_buf_addc(&out, '|');
		lede_buf_add(&out, lede_html_text(h) + b->text.off, b->text.len);
		lede_buf_addc(&out, '|');
		lede_buf_add(&out, lede_html_text(h) + b->path.off, b->path.len);
		lede_buf_addc(&out, '\n');
	}
	lede_buf_addc(&out, '\0');
	lede_html_free(h);
	return out.p;
}

START_TEST(test_blocks)
{
	static const char want[] =
	    "2|Die Schlagzeile|html>body>article>h1\n"
	    "1|Erster Absatz mit einem Link & mehr.|html>body>article>p\n"
	    "3|Eins|html>body>article>ul>li\n"
	    "3|Zwei|html>body>article>ul>li\n"
	    "0|A\tB|html>body>article>table>tr\n"
	    "0|Teilen|html>body>article>div.share-box\n";
	char	*got = blocks(page, sizeof(page) - 1, 4096, NULL);

	ck_assert_str_eq(got, want);
	free(got);
}
END_TEST

/* Any chunk size gives the same blocks. */
START_TEST(test_chunks)
{
	static const size_t sizes[] = { 1, 7, 4096 };
	char	*want = blocks(page, sizeof(page) - 1, sizeof(page), NULL);
	char	*got;
	size_t	 i;

	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		got = blocks(page, sizeof(page) - 1, sizes[i], NULL);
		ck_assert_str_eq(got, want);
		free(got);
	}
	free(want);
}
END_TEST

/*
 * A class or id longer than the path keeps of it is cut between two
 * characters, never inside one (a fuzz-html finding).
 */
START_TEST(test_path_utf8)
{
	static const char p[] =
	    "<html><body><div class=\"\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"
	    "\u00e9\u00e9\u00e9\u00e9\u00e9x\u00e9\u00e9 b\"><p id=\"aa\u20ac"
	    "\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\">Text</p>"
	    "</div></body></html>";
	static const char want[] =
	    "1|Text|html>body>div.\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"
	    "\u00e9\u00e9\u00e9\u00e9\u00e9x>p#aa\u20ac\u20ac\u20ac"
	    "\u20ac\u20ac\u20ac\u20ac\n";
	char	*got = blocks(p, sizeof(p) - 1, 4096, NULL);

	ck_assert_str_eq(got, want);
	free(got);
}
END_TEST

/* An empty page, with or without a charset, has no blocks and no title. */
START_TEST(test_empty)
{
	static const char *const cs[] = { NULL, "euc-kr", "x-none" };
	size_t	i;
	char	*got;

	for (i = 0; i < sizeof(cs) / sizeof(cs[0]); i++) {
		got = blocks("", 0, 1, cs[i]);
		ck_assert_str_eq(got, "");
		free(got);
	}
}
END_TEST

START_TEST(test_meta)
{
	struct lede_html		*h = lede_html_new(0);
	const struct lede_html_meta	*m;
	const struct lede_html_block	*b;

	lede_html_begin(h, NULL);
	lede_html_feed(h, page, sizeof(page) - 1);
	lede_html_end(h);
	m = lede_html_meta(h);
	ck_assert_str_eq(m->title, "Die Schlagzeile");
	ck_assert_str_eq(m->url, "https://z.example/a");
	ck_assert_str_eq(m->author, "Anna M\xc3\xbcller");
	ck_assert_str_eq(m->date, "2026-01-02T03:04:05Z");
	ck_assert_str_eq(m->lang, "de");
	b = lede_html_block(h, 1);
	/* The link's bytes but its spaces. */
	ck_assert_uint_eq(b->linkbytes, strlen("einemLink"));
	ck_assert(lede_html_block(h, 5)->flags & LEDE_HTML_BOILER);
	ck_assert(!(b->flags & LEDE_HTML_BOILER));
	lede_html_free(h);
}
END_TEST

/* Nothing said: every field NULL, and no block. */
START_TEST(test_meta_absent)
{
	struct lede_html		*h = lede_html_new(0);
	const struct lede_html_meta	*m;

	lede_html_begin(h, NULL);
	lede_html_feed(h, "<p>x", 4);
	lede_html_end(h);
	m = lede_html_meta(h);
	ck_assert_ptr_null(m->title);
	ck_assert_ptr_null(m->url);
	ck_assert_ptr_null(m->author);
	ck_assert_ptr_null(m->date);
	ck_assert_ptr_null(m->lang);
	ck_assert_uint_eq(lede_html_nblocks(h), 1);
	lede_html_begin(h, NULL);
	lede_html_end(h);
	ck_assert_uint_eq(lede_html_nblocks(h), 0);
	lede_html_free(h);
}
END_TEST

/* Charsets: declared in the page, by the transport, or none (repair). */
START_TEST(test_charsets)
{
	static const char cyr[] =
	    "<html><head><meta http-equiv=\"Content-Type\" "
	    "content=\"text/html; charset=windows-1251\"></head>"
	    "<body><p>\xcf\xf0\xe8\xe2\xe5\xf2</p></body></html>";
	static const char sjis[] = "<p>\x93\xfa\x96\x7b</p>";
	static const char bad[] = "<p>caf\xe9 \xe2\x82</p>";
	static const size_t sizes[] = { 1, 7, 4096 };
	char	*got;
	size_t	 i;

	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		got = blocks(cyr, sizeof(cyr) - 1, sizes[i], NULL);
		ck_assert_str_eq(got, "1|\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2"
		    "\xd0\xb5\xd1\x82|html>body>p\n");
		free(got);
		got = blocks(sjis, sizeof(sjis) - 1, sizes[i], "Shift_JIS");
		ck_assert_str_eq(got, "1|\xe6\x97\xa5\xe6\x9c\xac|html>body>p\n");
		free(got);
		got = blocks(bad, sizeof(bad) - 1, sizes[i], NULL);
		ck_assert_str_eq(got, "1|caf\xc3\xa9 \xc3\xa2\xe2\x80\x9a|"
		    "html>body>p\n");
		free(got);
	}
}
END_TEST

/* A list whose every item has a link is boilerplate; one without is not. */
START_TEST(test_linklist)
{
	static const char list[] =
	    "<p>A paragraph of the article, long enough to be prose here.</p>"
	    "<ul><li>One item <a href=/a>with a link</a></li>"
	    "<li><a href=/b>Second linked item</a></li>"
	    "<li>Third, <a href=/c>linked too</a></li></ul>"
	    "<ul><li>Plain one</li><li>Plain two</li><li>Plain three</li></ul>";
	struct lede_html	*h = lede_html_new(0);
	size_t			 i;

	lede_html_begin(h, NULL);
	lede_html_feed(h, list, sizeof(list) - 1);
	lede_html_end(h);
	ck_assert_uint_eq(lede_html_nblocks(h), 7);
	ck_assert(!(lede_html_block(h, 0)->flags & LEDE_HTML_BOILER));
	for (i = 1; i <= 3; i++)
		ck_assert(lede_html_block(h, i)->flags & LEDE_HTML_BOILER);
	for (i = 4; i <= 6; i++)
		ck_assert(!(lede_html_block(h, i)->flags & LEDE_HTML_BOILER));
	lede_html_free(h);
}
END_TEST

/* Reads a whole page; the caller frees the reader. */
static struct lede_html *
readpage(const char *s)
{
	struct lede_html	*h = lede_html_new(0);

	lede_html_begin(h, NULL);
	lede_html_feed(h, s, strlen(s));
	lede_html_end(h);
	return h;
}

/*
 * The headline: blocks with the words of og:title or <title>, also with a
 * site name or a kicker around them; not a block that only shares a word.
 */
START_TEST(test_title)
{
	static const char pg[] =
	    "<html><head><title>Port strike ends after talks | The Gazette"
	    "</title><meta property=\"og:title\" content=\"Port Strike "
	    "Ends After Talks?\"></head><body>"
	    "<p>Port</p>"
	    "<h1>Port strike ends after talks?</h1>"
	    "<h2>Exclusive: port strike ends after talks</h2>"
	    "<p>The port strike ended on Monday after talks that lasted two "
	    "days.</p><p>The Gazette</p></body></html>";
	struct lede_html	*h = readpage(pg);
	size_t			 i;

	ck_assert_uint_eq(lede_html_nblocks(h), 5);
	for (i = 0; i < 5; i++)
		ck_assert_int_eq(!!(lede_html_block(h, i)->flags &
		    LEDE_HTML_TITLE), i == 1 || i == 2);
	lede_html_free(h);
}
END_TEST

/*
 * Classes that hide an element, and those that show it again: what they
 * hide is boilerplate, unless it holds most of the page's text (the rest
 * of an article that a script shows).
 */
START_TEST(test_hidden_class)
{
	static const char pg[] =
	    "<p class=\"d-none\">a</p><p class=\"x d-none d-print-block\">b"
	    "</p><p class=\"d-none d-md-block\">c</p><p class=\"sr-only\">d"
	    "</p><p class=\"hidden md:block\">e</p><p class=\"hidden\">f</p>"
	    "<p class=\"screen-reader-text\">g</p><p class=\"unhidden\">h</p>"
	    "<p class=\"d-md-none\">i</p>";
	static const char wrap[] =
	    "<p>Read more</p><div class=\"rest hidden\"><p>The rest of the "
	    "story, which a script would show, is most of the page's text "
	    "and not boilerplate.</p></div>";
	struct lede_html	*h = readpage(pg);
	size_t			 i;

	ck_assert_uint_eq(lede_html_nblocks(h), 9);
	for (i = 0; i < 9; i++)
		ck_assert_int_eq(!!(lede_html_block(h, i)->flags &
		    LEDE_HTML_BOILER), strchr("abdfg", 'a' + (int)i) != NULL);
	lede_html_free(h);
	h = readpage(wrap);
	ck_assert_uint_eq(lede_html_nblocks(h), 2);
	ck_assert(!(lede_html_block(h, 1)->flags & LEDE_HTML_BOILER));
	lede_html_free(h);
}
END_TEST

/*
 * Scripts and style sheets are dropped before the parser, in any chunks,
 * "</scr" inside one and all; a JSON-LD script is still read.
 */
START_TEST(test_raw)
{
	static const char pg[] =
	    "<html><body><style>p:after{content:'</sty'}</style>"
	    "<script>if (a </scr) document.write('<p>no</p>');</script>"
	    "<p>One</p><SCRIPT TYPE='Application/LD+JSON'>{\"headline\":"
	    "\"The </p> title\"}</SCRIPT><p>Two</p>"
	    "<script src=x.js></script ><p>Three</p></body></html>";
	static const size_t	sizes[] = { 1, 3, 4096 };
	struct lede_html	*h = lede_html_new(0);
	char			*got;
	size_t			 i, k, j;

	for (j = 0; j < sizeof(sizes) / sizeof(sizes[0]); j++) {
		got = blocks(pg, sizeof(pg) - 1, sizes[j], NULL);
		ck_assert_str_eq(got, "1|One|html>body>p\n1|Two|html>body>p\n"
		    "1|Three|html>body>p\n");
		free(got);
		lede_html_begin(h, NULL);
		for (i = 0; i < sizeof(pg) - 1; i += k) {
			k = sizeof(pg) - 1 - i < sizes[j] ? sizeof(pg) - 1 - i :
			    sizes[j];
			lede_html_feed(h, pg + i, k);
		}
		lede_html_end(h);
		ck_assert_str_eq(lede_html_meta(h)->title, "The </p> title");
	}
	lede_html_free(h);
}
END_TEST

/*
 * A class of the article's container inside a longer name (camel case,
 * underscores) marks it too, unless the name is of boilerplate; a credit
 * line and a reading time are boilerplate.
 */
START_TEST(test_main_part)
{
	static const char pg[] =
	    "<html><body><div class=\"StandardArticleBody_body\">"
	    "<p>The first paragraph of the story is long enough to count as "
	    "the prose of the page and to make the container the main one.</p>"
	    "<p class=\"Attribution_content\">Reporting by A. Writer</p></div>"
	    "<div class=\"relatedArticleBody\"><p>Another story</p></div>"
	    "<p class=\"estimated-read-time\">3 min read</p>"
	    "</body></html>";
	struct lede_html	*h = readpage(pg);

	ck_assert_uint_eq(lede_html_nblocks(h), 4);
	ck_assert(lede_html_block(h, 3)->flags & LEDE_HTML_BOILER);
	ck_assert(lede_html_block(h, 0)->flags & LEDE_HTML_MAIN);
	ck_assert(lede_html_block(h, 1)->flags & LEDE_HTML_BOILER);
	ck_assert(lede_html_block(h, 2)->flags & LEDE_HTML_BOILER);
	ck_assert(!(lede_html_block(h, 2)->flags & LEDE_HTML_MAIN));
	lede_html_free(h);
}
END_TEST

/* The cap: the page is cut there and says so. */
START_TEST(test_cap)
{
	struct lede_html	*h = lede_html_new(4096);
	char			 buf[1000];
	int			 i;

	memset(buf, 'a', sizeof(buf));
	lede_html_begin(h, NULL);
	lede_html_feed(h, "<p>", 3);
	for (i = 0; i < 10; i++)
		lede_html_feed(h, buf, sizeof(buf));
	ck_assert_int_eq(lede_html_end(h) & LEDE_HTML_CUT, LEDE_HTML_CUT);
	ck_assert_uint_eq(lede_html_bytes(h), 4096);
	lede_html_free(h);
}
END_TEST

Suite *
html_suite(void)
{
	Suite	*s = suite_create("html");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, test_blocks);
	tcase_add_test(tc, test_chunks);
	tcase_add_test(tc, test_path_utf8);
	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_meta);
	tcase_add_test(tc, test_meta_absent);
	tcase_add_test(tc, test_charsets);
	tcase_add_test(tc, test_linklist);
	tcase_add_test(tc, test_cap);
	tcase_add_test(tc, test_title);
	tcase_add_test(tc, test_hidden_class);
	tcase_add_test(tc, test_raw);
	tcase_add_test(tc, test_main_part);
	suite_add_tcase(s, tc);
	return s;
}
