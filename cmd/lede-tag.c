/*
 * lede-tag: mark the named entities of news text inline, or list them.
 */
#include <err.h>
#include <signal.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "format.h"
#include "out.h"
#include "outdir.h"
#include "para.h"
#include "tag.h"

enum fmt { F_INLINE, F_TSV, F_JSON, F_CONLL };

/*
 * The paragraphs and blank runs of the document read so far and not yet
 * written: the tagger reads a document whole (lede_tag_scan()) before it
 * tags it, up to a window of WINDOW bytes (or one paragraph, if larger),
 * after which it tags what it has and reads on.  Headlines are tagged
 * after the other paragraphs of the window, whose labels the tagger then
 * remembers; each paragraph's text and entities are kept until all are
 * written, in order.
 */
#define WINDOW	((size_t)1 << 20)
struct piece {
	size_t	off;	/* the input in pending.b */
	size_t	len;
	int	text;	/* a paragraph, else blank lines */
	int	late;	/* a headline */
	size_t	toff;	/* tagged: its text without tags in pending.t */
	size_t	tlen;
	size_t	eoff;	/* and its entities in pending.e */
	size_t	ne;
};
struct pending {
	struct lede_buf	 b;
	struct lede_buf	 t;
	struct piece	*p;
	size_t		 n;
	size_t		 cap;
	struct lede_ent	*e;
	size_t		 ne;
	size_t		 cape;
};

static const char usage_text[] =
    "usage: lede-tag [-Hv] [-f inline|tsv|json|conll] [-t types] [-m size] "
    "[-o dir]\n"
    "                [file ...]\n";

static void
usage(int status)
{
	fputs(usage_text, status ? stderr : stdout);
	exit(status);
}

static enum fmt
parse_format(const char *arg)
{
	static const char *const names[] = { "inline", "tsv", "json", "conll" };
	size_t	i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(arg, names[i]) == 0)
			return (enum fmt)i;
	errx(2, "unknown format %s", arg);
}

static unsigned
parse_types(const char *arg)
{
	const char	*p = arg, *e;
	unsigned	 mask = 0;
	int		 t;

	while (*p != '\0') {
		e = p + strcspn(p, ",");
		if ((t = lede_ent_type(p, (size_t)(e - p))) == 0)
			errx(2, "unknown entity type in %s", arg);
		mask |= 1U << t;
		p = *e ? e + 1 : e;
	}
	return mask;
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

static void
pend_add(struct pending *pd, const char *s, size_t len, int text, int late)
{
	if (pd->n == pd->cap) {
		pd->cap = pd->cap ? pd->cap * 2 : 64;
		pd->p = lede_xrealloc(pd->p, pd->cap * sizeof(*pd->p));
	}
	pd->p[pd->n].off = pd->b.len;
	pd->p[pd->n].len = len;
	pd->p[pd->n].text = text;
	pd->p[pd->n].late = late;
	pd->n++;
	lede_buf_add(&pd->b, s, len);
}

/* Tags piece q and keeps its text and entities. */
static void
pend_tag(struct pending *pd, struct piece *q, struct lede_tagger *tg)
{
	const struct lede_ent	*ents;
	const char		*text;
	size_t			 ne, n;

	ne = lede_tag_para(tg, pd->b.p + q->off, q->len, &ents);
	text = lede_tag_text(tg, &n);
	q->toff = pd->t.len;
	q->tlen = n;
	lede_buf_add(&pd->t, text, n);
	if (pd->ne + ne > pd->cape) {
		pd->cape = (pd->ne + ne) * 2;
		pd->e = lede_xrealloc(pd->e, pd->cape * sizeof(*pd->e));
	}
	q->eoff = pd->ne;
	q->ne = ne;
	if (ne > 0)
		memcpy(pd->e + pd->ne, ents, ne * sizeof(*ents));
	pd->ne += ne;
}

/*
 * Writes the paragraph last tagged or loaded; base is its offset in the
 * document without its tags, moved past it.
 */
static void
put_last(struct lede_tagger *tg, enum fmt fflag, struct lede_out *out,
    struct lede_rec *rec, const char *doc, size_t *base)
{
	size_t	n;

	if (fflag == F_INLINE)
		lede_tag_put_inline(tg, out);
	else if (fflag == F_CONLL)
		lede_tag_put_conll(tg, out);
	else
		lede_tag_put_records(tg, rec, doc, *base);
	lede_tag_text(tg, &n);
	*base += n;
}

/*
 * Tags the pieces pending, all of them read ahead, the headlines last,
 * and writes them in order; base is the offset of the first in the
 * document without its tags.  Where the headlines come after the rest,
 * or all are headlines or none, each is written as it is tagged.
 */
static void
flush(struct pending *pd, struct lede_tagger *tg, enum fmt fflag,
    struct lede_out *out, struct lede_rec *rec, const char *doc,
    size_t *base)
{
	const struct lede_ent	*ents;
	struct piece		*q;
	size_t			 i;
	int			 late, head = 0, hold = 0;

	for (i = 0; i < pd->n; i++)
		if (pd->p[i].text) {
			hold |= head && pd->p[i].late == 0;
			head |= pd->p[i].late;
		}
	if (hold)
		for (late = 0; late <= 1; late++)
			for (i = 0; i < pd->n; i++)
				if (pd->p[i].text && pd->p[i].late == late)
					pend_tag(pd, &pd->p[i], tg);
	for (i = 0; i < pd->n; i++) {
		q = &pd->p[i];
		if (!q->text) {
			if (fflag == F_INLINE)
				lede_out_write(out, pd->b.p + q->off, q->len);
			*base += q->len;
			continue;
		}
		if (hold)
			lede_tag_load(tg, pd->t.p + q->toff, q->tlen,
			    pd->e + q->eoff, q->ne);
		else
			lede_tag_para(tg, pd->b.p + q->off, q->len, &ents);
		put_last(tg, fflag, out, rec, doc, base);
	}
	pd->n = 0;
	pd->b.len = 0;
	pd->t.len = 0;
	pd->ne = 0;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "with-names", no_argument, NULL, 'H' },
		{ "format", required_argument, NULL, 'f' },
		{ "types", required_argument, NULL, 't' },
		{ "max-paragraph", required_argument, NULL, 'm' },
		{ "output-dir", required_argument, NULL, 'o' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	static struct lede_out	out;
	struct lede_rec		 rec = { &out, LEDE_REC_TSV };
	struct lede_input	*in;
	struct lede_para	*P;
	struct lede_text	 tw;
	struct lede_par_event	 ev;
	struct lede_tagger	*tg;
	struct pending		 pd = { 0 };
	const struct lede_ent	*ents;
	const char		*why;
	size_t			 cap = 256 * 1024, base = 0;
	unsigned		 types = ~0U;
	const char		*oflag = NULL;
	char			 owhy[LEDE_OUTDIR_WHY];
	char			 summary[1024];
	int			 vflag = 0;
	int			 ch, Hflag = 0, status, e, ostatus = 0;
	enum fmt		 fflag = F_INLINE;

	while ((ch = getopt_long(argc, argv, "f:Hhm:o:t:vV", longopts,
	    NULL)) != -1)
		switch (ch) {
		case 'f':
			fflag = parse_format(optarg);
			break;
		case 'H':
			Hflag = 1;
			break;
		case 't':
			types = parse_types(optarg);
			break;
		case 'm':
			if ((why = lede_parse_size(optarg, LEDE_CLI_MINPARA,
			    LEDE_CLI_MAXPARA, &cap)) != NULL)
				errx(2, "paragraph size %s: %s", optarg, why);
			break;
		case 'o':
			oflag = optarg;
			break;
		case 'v':
			vflag = 1;
			break;
		case 'h':
			usage(0);
			break;
		case 'V':
			puts("lede-tag " LEDE_VERSION);
			return 0;
		default:
			usage(2);
		}
	if ((tg = lede_tag_new(types)) == NULL)
		errx(1, "no model compiled in");
	rec.format = fflag == F_JSON ? LEDE_REC_JSON : LEDE_REC_TSV;
	lede_out_init(&out, STDOUT_FILENO);
	in = lede_input_new(argc - optind, argv + optind, cap);
	P = lede_para_new(in, cap);
	if (oflag != NULL)
		open_outdir(oflag, argc - optind, argv + optind);
	lede_text_init(&tw, &out, od != NULL ? -1 :
	    Hflag || lede_input_nfiles(in) > 1, fflag == F_INLINE);
	while (lede_para_next(P, &ev) != LEDE_PAR_DONE && !lede_out_error(&out))
		switch (ev.kind) {
		case LEDE_PAR_BEGIN:
			if (od != NULL && lede_outdir_begin(od, ev.doc, &out,
			    owhy) == -1) {
				warnx("%s", owhy);
				ostatus = 2;
			}
			lede_tag_doc(tg);
			base = 0;
			if (fflag == F_INLINE || fflag == F_CONLL)
				lede_text_begin(&tw, ev.doc);
			break;
		case LEDE_PAR_BLANK:
			pend_add(&pd, ev.s, ev.len, 0, 0);
			break;
		case LEDE_PAR_TEXT:
			if (ev.split == 1)
				warnx("%s: paragraph longer than %zu bytes "
				    "split", ev.doc->name, cap);
			if (pd.b.len > 0 && pd.b.len + ev.len > WINDOW)
				flush(&pd, tg, fflag, &out, &rec, ev.doc->name,
				    &base);
			if (ev.len < WINDOW) {
				pend_add(&pd, ev.s, ev.len, 1,
				    lede_tag_scan(tg, ev.s, ev.len));
				break;
			}
			/* A window of its own: tagged as it is, no copy. */
			lede_tag_scan(tg, ev.s, ev.len);
			lede_tag_para(tg, ev.s, ev.len, &ents);
			put_last(tg, fflag, &out, &rec, ev.doc->name, &base);
			break;
		case LEDE_PAR_END:
			flush(&pd, tg, fflag, &out, &rec, ev.doc->name, &base);
			if (fflag == F_INLINE || fflag == F_CONLL)
				lede_text_end(&tw, ev.doc);
			if (od != NULL && lede_outdir_end(od, &out, owhy) == -1) {
				warnx("%s", owhy);
				ostatus = 2;
			}
			break;
		case LEDE_PAR_ERROR:
			if (ev.msg != NULL)
				warnx("%s: %s", ev.file, ev.msg);
			else
				warnc(ev.errnum, "%s", ev.file);
			break;
		default:
			break;
		}
	if (vflag) {
		lede_input_summary(in, summary, sizeof(summary));
		warnx("%s", summary);
	}
	if ((status = lede_cli_end(&out, in, &e)) == 2)
		errc(2, e, "write error");
	lede_para_free(P);
	lede_input_free(in);
	lede_outdir_free(od);
	lede_tag_free(tg);
	lede_buf_free(&pd.b);
	lede_buf_free(&pd.t);
	free(pd.p);
	free(pd.e);
	return status > ostatus ? status : ostatus;
}
