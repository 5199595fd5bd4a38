/*
 * libFuzzer harness: the HTML reader on any bytes, fed in chunks of a size
 * the first byte chooses, with a charset the second byte picks (none,
 * UTF-8, Windows-1251, Shift_JIS, GB2312, EUC-KR, ISO-8859-2, or one iconv
 * does not know), then the classifier on its blocks.  Checks that every
 * block's text is valid UTF-8 without NUL bytes, that spans stay inside
 * the text, and that the metadata are NUL-terminated UTF-8.
 */
#include <stdint.h>
#include <string.h>

#include "fuzz.h"
#include "html.h"
#include "strip.h"

static void
valid(const char *s, size_t n)
{
	uint32_t	cp;
	size_t		i;
	int		k;

	for (i = 0; i < n; i += (size_t)k)
		if ((k = lede_utf8_decode((const unsigned char *)s + i, n - i,
		    &cp)) <= 0 || cp == 0)
			__builtin_trap();
}

static void
validz(const char *s)
{
	if (s != NULL)
		valid(s, strlen(s));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const charsets[] = { NULL, "utf-8",
	    "windows-1251", "Shift_JIS", "gb2312", "euc-kr", "iso-8859-2",
	    "x-no-such-charset" };
	struct lede_html		*h;
	struct lede_strip		*st;
	struct lede_strip_extra		 x;
	const struct lede_html_block	*b;
	const struct lede_html_meta	*m;
	const char			*t;
	size_t				 chunk, i, k;

	if (size < 2)
		return 0;
	chunk = (size_t)data[0] % 64 + 1;
	h = lede_html_new(1 << 20);
	st = lede_strip_new(NULL);
	lede_html_begin(h, charsets[data[1] % 8]);
	for (i = 2; i < size; i += k) {
		k = size - i < chunk ? size - i : chunk;
		lede_html_feed(h, (const char *)data + i, k);
	}
	lede_html_end(h);
	t = lede_html_text(h);
	lede_strip_begin(st);
	for (i = 0; i < lede_html_nblocks(h); i++) {
		b = lede_html_block(h, i);
		if (b->text.len == 0 || b->text.len > LEDE_HTML_MAXBLOCK + 4)
			__builtin_trap();
		valid(t + b->text.off, b->text.len);
		valid(t + b->path.off, b->path.len);
		if (b->linkbytes > b->text.len)
			__builtin_trap();
		lede_html_extra(b, &x);
		lede_strip_blank(st);
		if (lede_strip_add(st, t + b->text.off, b->text.len, 1, 0, &x)) {
			lede_strip_decide(st);
			lede_strip_next(st);
		}
	}
	lede_strip_decide(st);
	m = lede_html_meta(h);
	validz(m->title);
	validz(m->url);
	validz(m->author);
	validz(m->date);
	validz(m->lang);
	lede_strip_free(st);
	lede_html_free(h);
	return 0;
}
