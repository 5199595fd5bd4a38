/*
 * lede-strip: remove web boilerplate (menus, share buttons, bylines,
 * captions, related links, footers) from the text of news pages.
 */
#include <err.h>
#include <signal.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "format.h"
#include "html.h"
#include "input.h"
#include "out.h"
#include "outdir.h"
#include "strip.h"

static const char usage_text[] =
    "usage: lede-strip [-bcHv] [--explain] [-f text | json] [--html | --text]\n"
    "                  [-M lines] [-m size] [-o dir] [file ...]\n";

enum { OPT_HTML = 256, OPT_TEXT };

enum mode { KEEP, REMOVED, EXPLAIN };

/* The fields of a JSON record beside the text. */
enum { J_TITLE, J_URL, J_AUTHOR, J_DATE, J_LANG, J_N };
static const char *const jnames[J_N] = { "title", "url", "author", "date",
	"lang" };

struct emit {
	struct lede_out	*out;
	enum mode	 mode;
	int		 printed;	/* something of this document */
	int		 gap;		/* a paragraph break is due */
	int		 open;		/* the last line written was cut */
	/* An HTML page: its blocks, the first in the window. */
	const struct lede_html	*html;
	size_t		 hfirst;
	/* -f json: the document's text and the headline found, so far. */
	int		 json;
	struct lede_buf	 text;
	struct lede_buf	 title;
	const char	*lang;		/* of the first window that had one */
};

/* Output of the kept text: to standard output, or gathered for JSON. */
static void
put(struct emit *e, const char *s, size_t n)
{
	if (e->json)
		lede_buf_add(&e->text, s, n);
	else
		lede_out_write(e->out, s, n);
}

static void
putnl(struct emit *e)
{
	put(e, "\n", 1);
}

static void
usage(int status)
{
	fputs(usage_text, status ? stderr : stdout);
	exit(status);
}

static void
explain_line(struct lede_out *out, const struct lede_strip *st,
    const struct lede_strip_block *b, const struct lede_strip_line *l,
    const struct lede_html *h, size_t hb)
{
	const struct lede_html_block	*hblk;
	char	num[32];
	int	i, n, sep = 0;

	for (i = 0; i < l->blank; i++)
		lede_out_str(out, "blank\t\t\t\n");
	lede_out_str(out, b->keep ? "keep\t" : "drop\t");
	n = snprintf(num, sizeof(num), "%.1f\t", (double)b->score);
	lede_out_write(out, num, (size_t)n);
	for (i = 0; i < LEDE_STRIP_NWHY; i++)
		if (b->why & (1u << i)) {
			if (sep++)
				lede_out_putc(out, ',');
			lede_out_str(out, lede_strip_whyname(i));
		}
	lede_out_putc(out, '\t');
	if (h != NULL) {
		/* The DOM path of the block. */
		hblk = lede_html_block(h, hb);
		lede_fmt_tsv(out, lede_html_text(h) + hblk->path.off,
		    hblk->path.len);
		lede_out_putc(out, '\t');
	}
	lede_fmt_tsv(out, lede_strip_linetext(st, l), l->len);
	lede_out_putc(out, '\n');
}

/* Writes the window: kept or removed blocks, or every line explained. */
static void
emit_window(struct emit *e, const struct lede_strip *st)
{
	const struct lede_strip_block	*b;
	const struct lede_strip_line	*l;
	size_t				 i, j;

	for (i = 0; i < lede_strip_nblocks(st); i++) {
		b = lede_strip_getblock(st, i);
		for (j = b->first; e->mode == EXPLAIN && j < b->first +
		    b->nlines; j++)
			explain_line(e->out, st, b, lede_strip_getline(st, j),
			    e->html, e->hfirst + j);
		if (e->mode == EXPLAIN)
			continue;
		if (b->keep != (e->mode == KEEP)) {
			e->gap = 1;
			continue;
		}
		l = lede_strip_getline(st, b->first);
		if (e->json && (b->why & LEDE_STRIP_TITLE) && e->title.len == 0)
			for (j = 0; j < b->nlines; j++)
				lede_buf_add(&e->title, lede_strip_linetext(st,
				    &l[j]), l[j].len);
		if (e->open && !(i == 0 && l->blank == 0)) {
			/* The cut line does not go on here: end it. */
			putnl(e);
			e->open = 0;
		}
		if (e->printed && !e->open && (e->gap || l->blank))
			putnl(e);
		for (j = 0; j < b->nlines; j++, l++) {
			put(e, lede_strip_linetext(st, l), l->len);
			if (!l->cut)
				putnl(e);
		}
		e->open = l[-1].cut;
		e->printed = 1;
		e->gap = 0;
	}
}

/*
 * The JSON record of a document: what the page says of itself (HTML), or
 * what the text shows (its headline and language); null where neither
 * says.
 */
static void
emit_json(struct emit *e, const struct lede_doc *doc,
    const struct lede_html *h)
{
	struct lede_rec			 rec = { e->out, LEDE_REC_JSON };
	const struct lede_html_meta	*m = h != NULL ? lede_html_meta(h) : NULL;
	const char			*v[J_N] = { NULL };
	size_t				 i, n;

	if (m != NULL) {
		v[J_TITLE] = m->title;
		v[J_URL] = m->url;
		v[J_AUTHOR] = m->author;
		v[J_DATE] = m->date;
		v[J_LANG] = m->lang;
	}
	if (v[J_TITLE] == NULL && e->title.len > 0) {
		lede_buf_addc(&e->title, '\0');
		v[J_TITLE] = e->title.p;
	}
	if (v[J_URL] == NULL)
		v[J_URL] = doc->url;
	if (v[J_LANG] == NULL)
		v[J_LANG] = e->lang;
	lede_rec_begin(&rec, doc->name);
	for (i = 0; i < J_N; i++)
		if (v[i] != NULL)
			lede_rec_str(&rec, jnames[i], v[i], strlen(v[i]));
		else
			lede_rec_null(&rec, jnames[i]);
	/* The text without its last newline. */
	n = e->text.len;
	while (n > 0 && e->text.p[n - 1] == '\n')
		n--;
	lede_rec_str(&rec, "text", e->text.p != NULL ? e->text.p : "", n);
	lede_rec_end(&rec);
	e->text.len = e->title.len = 0;
	e->lang = NULL;
}

/* Ends the document's output. */
static void
emit_end(struct emit *e)
{
	if (e->open)
		putnl(e);
	e->printed = e->gap = e->open = 0;
}

static void
finish(struct emit *e, struct lede_strip *st)
{
	lede_strip_decide(st);
	if (e->lang == NULL && *lede_strip_lang(st) != '\0')
		e->lang = lede_strip_lang(st);
	emit_window(e, st);
	lede_strip_next(st);
}

/* Is block i of the page a row of the same table as the block before? */
static int
rowof(const struct lede_html *h, size_t i)
{
	const struct lede_html_block	*a, *b;

	if (i == 0)
		return 0;
	a = lede_html_block(h, i - 1);
	b = lede_html_block(h, i);
	return (a->flags & b->flags & LEDE_HTML_TABLE) &&
	    a->path.len == b->path.len && memcmp(lede_html_text(h) +
	    a->path.off, lede_html_text(h) + b->path.off, a->path.len) == 0;
}

/* Reads an HTML page's blocks into the classifier, a window at a time. */
static void
strip_page(struct emit *e, struct lede_strip *st, struct lede_html *h,
    const struct lede_doc *doc, size_t maxdoc)
{
	struct lede_strip_extra		 x;
	const struct lede_html_block	*b;
	size_t				 i, n;
	int				 status, warned = 0;

	status = lede_html_end(h);
	if (status & LEDE_HTML_CUT)
		warnx("%s: page longer than %zu bytes: the rest ignored",
		    doc->name, lede_html_bytes(h));
	if (status & LEDE_HTML_DEEP)
		warnx("%s: elements nested deeper than %d: the rest ignored",
		    doc->name, LEDE_HTML_MAXDEPTH);
	if (status & LEDE_HTML_BADCHARSET)
		warnx("%s: unknown character set: read as UTF-8", doc->name);
	n = lede_html_nblocks(h);
	e->html = h;
	e->hfirst = 0;
	for (i = 0; i < n; i++) {
		b = lede_html_block(h, i);
		lede_html_extra(b, &x);
		/* A table's rows make one paragraph, a row a line. */
		if (!rowof(h, i))
			lede_strip_blank(st);
		if (lede_strip_add(st, lede_html_text(h) + b->text.off,
		    b->text.len, 1, 0, &x)) {
			if (!warned++)
				warnx("%s: page text longer than %zu bytes "
				    "or %d blocks judged in pieces", doc->name,
				    maxdoc, LEDE_STRIP_MAXLINES);
			finish(e, st);
			e->hfirst = i + 1;
		}
	}
	finish(e, st);
}

static struct lede_outdir *od;		/* -o DIR */

/* A signal ends the run: the file being written goes, then the process. */
static void
on_signal(int sig)
{
	lede_outdir_abort(od);
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Prepares -o DIR for the operands, or exits 2 saying why not. */
static void
open_outdir(const char *dir, int nfiles, char **files)
{
	char	why[LEDE_OUTDIR_WHY];

	if ((od = lede_outdir_new(dir, nfiles, files, why)) == NULL)
		errx(2, "%s", why);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGHUP, on_signal);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "body", no_argument, NULL, 'b' },
		{ "captions", no_argument, NULL, 'c' },
		{ "with-names", no_argument, NULL, 'H' },
		{ "invert", no_argument, NULL, 'v' },
		{ "format", required_argument, NULL, 'f' },
		{ "explain", no_argument, NULL, 'x' },
		{ "html", no_argument, NULL, OPT_HTML },
		{ "text", no_argument, NULL, OPT_TEXT },
		{ "memory", required_argument, NULL, 'M' },
		{ "max-document", required_argument, NULL, 'm' },
		{ "output-dir", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	static struct lede_out		 out;
	struct lede_strip		*st;
	struct lede_strip_opts		 o = { 0, LEDE_STRIP_MEMORY, 0, 0 };
	struct lede_input		*in;
	struct lede_html		*html;
	enum lede_in_html		 hmode = LEDE_IN_HTML_DETECT;
	struct lede_in_event		 ev;
	struct lede_text		 tw;
	struct emit			 e = { &out, KEEP, 0, 0, 0, NULL, 0, 0,
					    { NULL, 0, 0 }, { NULL, 0, 0 }, NULL };
	const char			*why, *site;
	size_t				 maxline, sitelen;
	const char			*oflag = NULL;
	char				 owhy[LEDE_OUTDIR_WHY];
	char				 summary[1024];
	int				 ch, Hflag = 0, warned = 0, status, en;
	int				 ostatus = 0;

	while ((ch = getopt_long(argc, argv, "bcf:HhM:m:o:vV", longopts,
	    NULL)) != -1)
		switch (ch) {
		case 'b':
			o.notitle = 1;
			break;
		case 'c':
			o.captions = 1;
			break;
		case 'f':
			if (strcmp(optarg, "json") == 0)
				e.json = 1;
			else if (strcmp(optarg, "text") != 0)
				errx(2, "format %s: not text or json", optarg);
			break;
		case 'H':
			Hflag = 1;
			break;
		case 'v':
			e.mode = REMOVED;
			break;
		case 'x':
			e.mode = EXPLAIN;
			break;
		case OPT_HTML:
			hmode = LEDE_IN_HTML_ALL;
			break;
		case OPT_TEXT:
			hmode = LEDE_IN_HTML_NONE;
			break;
		case 'M':
			o.memory = (size_t)strtonum(optarg, 0, 1 << 24, &why);
			if (why != NULL)
				errx(2, "memory %s: %s", optarg, why);
			break;
		case 'm':
			if ((why = lede_parse_size(optarg, 4096,
			    (size_t)1 << 30, &o.maxdoc)) != NULL)
				errx(2, "document size %s: %s", optarg, why);
			break;
		case 'o':
			oflag = optarg;
			break;
		case 'h':
			usage(0);
			break;
		case 'V':
			puts("lede-strip " LEDE_VERSION);
			return 0;
		default:
			usage(2);
		}
	if (e.json && e.mode != KEEP)
		errx(2, "-f json writes the kept text: not with -v or --explain");
	if (o.maxdoc == 0)
		o.maxdoc = LEDE_STRIP_MAXDOC;
	maxline = o.maxdoc / 4 < LEDE_MAXPARA_DEFAULT ? o.maxdoc / 4 :
	    LEDE_MAXPARA_DEFAULT;
	lede_out_init(&out, STDOUT_FILENO);
	st = lede_strip_new(&o);
	in = lede_input_new(argc - optind, argv + optind, maxline);
	lede_input_html(in, hmode);
	html = lede_html_new(0);
	if (oflag != NULL)
		open_outdir(oflag, argc - optind, argv + optind);
	/* Records name their documents: no header lines. */
	lede_text_init(&tw, &out, od != NULL || e.json ? -1 :
	    Hflag || lede_input_nfiles(in) > 1, 0);
	while (lede_input_next(in, &ev) != LEDE_IN_DONE && !lede_out_error(&out))
		switch (ev.kind) {
		case LEDE_IN_BEGIN:
			if (od != NULL && lede_outdir_begin(od, ev.doc, &out,
			    owhy) == -1) {
				warnx("%s", owhy);
				ostatus = 2;
			}
			lede_text_begin(&tw, ev.doc);
			lede_strip_begin(st);
			site = lede_doc_site(ev.doc, &sitelen);
			lede_strip_site(st, site, sitelen);
			if (ev.doc->type == LEDE_DOC_HTML)
				lede_html_begin(html, ev.doc->charset);
			warned = 0;
			break;
		case LEDE_IN_BYTES:
			lede_html_feed(html, ev.bytes, ev.nbytes);
			break;
		case LEDE_IN_LINE:
			if (ev.line.kind == LEDE_LINE_BLANK)
				lede_strip_blank(st);
			else if (lede_strip_add(st, ev.line.s, ev.line.len,
			    ev.line.nl, ev.line.cut, NULL)) {
				if (!warned++)
					warnx("%s: document longer than %zu "
					    "bytes judged in pieces",
					    ev.doc->name, o.maxdoc);
				finish(&e, st);
			}
			break;
		case LEDE_IN_END:
			if (ev.doc->type == LEDE_DOC_HTML)
				strip_page(&e, st, html, ev.doc, o.maxdoc);
			else
				finish(&e, st);
			emit_end(&e);
			if (e.json)
				emit_json(&e, ev.doc, e.html);
			e.html = NULL;
			lede_text_end(&tw, ev.doc);
			if (od != NULL && lede_outdir_end(od, &out, owhy) == -1) {
				warnx("%s", owhy);
				ostatus = 2;
			}
			break;
		case LEDE_IN_ERROR:
			if (ev.msg != NULL)
				warnx("%s: %s", ev.file, ev.msg);
			else
				warnc(ev.errnum, "%s", ev.file);
			break;
		default:
			break;
		}
	if (e.mode == REMOVED) {
		lede_input_summary(in, summary, sizeof(summary));
		warnx("%s", summary);
	}
	if ((status = lede_cli_end(&out, in, &en)) == 2)
		errc(2, en, "write error");
	lede_strip_free(st);
	lede_html_free(html);
	lede_buf_free(&e.text);
	lede_buf_free(&e.title);
	lede_input_free(in);
	lede_outdir_free(od);
	return status > ostatus ? status : ostatus;
}
