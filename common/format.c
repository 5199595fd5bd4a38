/*
 * The stream format: entity types, inline tags, header lines and records.
 * A tag is '<', an optional '/', the name of a type in capitals and '>';
 * nothing else in angle brackets is a tag, so text such as "a <b> c" or
 * "x<y" passes through every filter unchanged.
 */
#include <stdint.h>
#include <string.h>

#include "format.h"
#include "swar.h"

static const char *const entnames[LEDE_ENT_NTYPES] = {
	"", "PER", "ORG", "LOC", "MISC", "DATE", "TIME", "MONEY", "PERCENT",
};

/* The longest type name, in bytes. */
#define NAMEMAX	7

const char *
lede_ent_name(int type)
{
	if (type <= 0 || type >= LEDE_ENT_NTYPES)
		return "";
	return entnames[type];
}

int
lede_ent_type(const char *s, size_t n)
{
	int	i;

	for (i = 1; i < LEDE_ENT_NTYPES; i++)
		if (strlen(entnames[i]) == n && memcmp(entnames[i], s, n) == 0)
			return i;
	return LEDE_ENT_NONE;
}

size_t
lede_fmt_tag(const char *s, size_t n, int *type, int *close)
{
	size_t	i = 1, name;

	if (n < 3 || s[0] != '<')
		return 0;
	*close = s[1] == '/';
	i += (size_t)*close;
	name = i;
	while (i < n && i - name <= NAMEMAX && s[i] >= 'A' && s[i] <= 'Z')
		i++;
	if (i >= n || s[i] != '>' ||
	    (*type = lede_ent_type(s + name, i - name)) == LEDE_ENT_NONE)
		return 0;
	return i + 1;
}

size_t
lede_fmt_untag(const char *s, size_t n, struct lede_buf *text,
    struct lede_buf *ents)
{
	struct lede_ent	 e = { 0, 0, LEDE_ENT_NONE };
	const char	*lt;
	size_t		 i = 0, from = 0, k, removed = 0;
	int		 type, close;

	while (i < n && (lt = memchr(s + i, '<', n - i)) != NULL) {
		i = (size_t)(lt - s);
		if ((k = lede_fmt_tag(s + i, n - i, &type, &close)) == 0) {
			i++;
			continue;
		}
		lede_buf_add(text, s + from, i - from);
		from = i = i + k;
		removed++;
		if (ents == NULL)
			continue;
		if (!close) {
			e.off = text->len;
			e.type = type;
		} else if (e.type == type) {
			e.len = text->len - e.off;
			lede_buf_add(ents, &e, sizeof(e));
			e.type = LEDE_ENT_NONE;
		}
	}
	lede_buf_add(text, s + from, n - from);
	return removed;
}

size_t
lede_fmt_cut(const char *s, size_t at)
{
	size_t	k, lo = at > LEDE_FMT_TAGWINDOW ? at - LEDE_FMT_TAGWINDOW : 0;
	int	type, close;

	for (k = at; k > lo; k--) {
		if (s[k - 1] != '<')
			continue;
		if (lede_fmt_tag(s + k - 1, at - (k - 1), &type, &close) == 0)
			continue;
		/* The last tag before the cut: an opening one is cut off. */
		return close || k - 1 == 0 ? at : k - 1;
	}
	return at;
}

int
lede_fmt_header_line(const char *s, size_t n, struct lede_span *name)
{
	if (n < 9 || memcmp(s, "==> ", 4) != 0 ||
	    memcmp(s + n - 4, " <==", 4) != 0)
		return 0;
	name->off = 4;
	name->len = n - 8;
	return 1;
}

void
lede_fmt_header(struct lede_out *o, const char *name)
{
	lede_out_write(o, "==> ", 4);
	lede_out_str(o, name);
	lede_out_write(o, " <==\n", 5);
}

void
lede_text_init(struct lede_text *t, struct lede_out *o, int names,
    int verbatim)
{
	memset(t, 0, sizeof(*t));
	t->out = o;
	t->names = names;
	t->verbatim = verbatim;
}

void
lede_text_begin(struct lede_text *t, const struct lede_doc *doc)
{
	t->paras = 0;
	t->header = t->names >= 0 &&
	    (doc->header || doc->url != NULL || t->names > 0);
	if (!t->header)
		return;
	if (!lede_out_bol(t->out))
		lede_out_putc(t->out, '\n');
	if (!doc->header && !lede_out_empty(t->out) &&
	    !lede_out_blank(t->out))
		lede_out_putc(t->out, '\n');
	lede_fmt_header(t->out, doc->name);
}

void
lede_text_para(struct lede_text *t)
{
	if (t->paras++ > 0)
		lede_out_putc(t->out, '\n');
}

void
lede_text_end(struct lede_text *t, const struct lede_doc *doc)
{
	if (t->header && doc->blankend && !t->verbatim &&
	    !lede_out_blank(t->out)) {
		if (!lede_out_bol(t->out))
			lede_out_putc(t->out, '\n');
		lede_out_putc(t->out, '\n');
	}
	t->header = 0;
}

static void
put_tag(struct lede_out *o, int type, int close)
{
	lede_out_write(o, "</", close ? 2 : 1);
	lede_out_str(o, lede_ent_name(type));
	lede_out_putc(o, '>');
}

void
lede_fmt_inline(struct lede_out *o, const char *s, size_t n,
    const struct lede_ent *e, size_t ne)
{
	size_t	i, at = 0;

	for (i = 0; i < ne; i++) {
		lede_out_write(o, s + at, e[i].off - at);
		put_tag(o, e[i].type, 0);
		lede_out_write(o, s + e[i].off, e[i].len);
		put_tag(o, e[i].type, 1);
		at = e[i].off + e[i].len;
	}
	lede_out_write(o, s + at, n - at);
}

void
lede_fmt_tsv(struct lede_out *o, const char *s, size_t n)
{
	size_t	i, run = 0;
	char	esc;

	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case '\t': esc = 't'; break;
		case '\n': esc = 'n'; break;
		case '\r': esc = 'r'; break;
		case '\\': esc = '\\'; break;
		default: continue;
		}
		lede_out_write(o, s + run, i - run);
		lede_out_putc(o, '\\');
		lede_out_putc(o, esc);
		run = i + 1;
	}
	lede_out_write(o, s + run, n - run);
}

/* Is any of the eight bytes at s one that JSON escapes? */
static int
json_special8(const char *s)
{
	uint64_t	x = lede_load_le(s);

	return (lede_range8(x, 0, 0x1f) | lede_eq8(x, '"') |
	    lede_eq8(x, '\\')) != 0;
}

void
lede_fmt_json(struct lede_out *o, const char *s, size_t n)
{
	static const char	hex[] = "0123456789abcdef";
	size_t			i, run = 0;
	unsigned char		c;

	lede_out_putc(o, '"');
	for (i = 0; i < n; i++) {
		while (i + 8 <= n && !json_special8(s + i))
			i += 8;
		if (i == n)
			break;
		c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		lede_out_write(o, s + run, i - run);
		run = i + 1;
		lede_out_putc(o, '\\');
		switch (c) {
		case '"': lede_out_putc(o, '"'); break;
		case '\\': lede_out_putc(o, '\\'); break;
		case '\n': lede_out_putc(o, 'n'); break;
		case '\t': lede_out_putc(o, 't'); break;
		case '\r': lede_out_putc(o, 'r'); break;
		default:
			lede_out_write(o, "u00", 3);
			lede_out_putc(o, hex[c >> 4]);
			lede_out_putc(o, hex[c & 15]);
		}
	}
	lede_out_write(o, s + run, n - run);
	lede_out_putc(o, '"');
}

void
lede_rec_begin(struct lede_rec *r, const char *doc)
{
	if (r->format == LEDE_REC_JSON) {
		lede_out_write(r->out, "{\"doc\":", 7);
		lede_fmt_json(r->out, doc, strlen(doc));
	} else
		lede_fmt_tsv(r->out, doc, strlen(doc));
}

/* The separator and key before a field. */
static void
field(struct lede_rec *r, const char *key)
{
	if (r->format == LEDE_REC_TSV) {
		lede_out_putc(r->out, '\t');
		return;
	}
	lede_out_write(r->out, ",\"", 2);
	lede_out_str(r->out, key);
	lede_out_write(r->out, "\":", 2);
}

void
lede_rec_uint(struct lede_rec *r, const char *key, unsigned long long v)
{
	field(r, key);
	lede_out_uint(r->out, v);
}

void
lede_rec_str(struct lede_rec *r, const char *key, const char *s, size_t n)
{
	field(r, key);
	if (r->format == LEDE_REC_JSON)
		lede_fmt_json(r->out, s, n);
	else
		lede_fmt_tsv(r->out, s, n);
}

void
lede_rec_null(struct lede_rec *r, const char *key)
{
	field(r, key);
	if (r->format == LEDE_REC_JSON)
		lede_out_write(r->out, "null", 4);
	else
		lede_out_write(r->out, "\\N", 2);
}

void
lede_rec_end(struct lede_rec *r)
{
	if (r->format == LEDE_REC_JSON)
		lede_out_putc(r->out, '}');
	lede_out_putc(r->out, '\n');
}
