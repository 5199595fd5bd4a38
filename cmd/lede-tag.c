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

#include "cli.h"
#include "format.h"
#include "out.h"
#include "outdir.h"
#include "para.h"
#include "tag.h"

enum fmt { F_INLINE, F_TSV, F_JSON, F_CONLL };

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
	const struct lede_ent	*ents;
	const char		*why;
	size_t			 cap = 256 * 1024, base = 0, n;
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
			if (fflag == F_INLINE)
				lede_out_write(&out, ev.s, ev.len);
			base += ev.len;
			break;
		case LEDE_PAR_TEXT:
			if (ev.split == 1)
				warnx("%s: paragraph longer than %zu bytes "
				    "split", ev.doc->name, cap);
			lede_tag_para(tg, ev.s, ev.len, &ents);
			if (fflag == F_INLINE)
				lede_tag_put_inline(tg, &out);
			else if (fflag == F_CONLL)
				lede_tag_put_conll(tg, &out);
			else
				lede_tag_put_records(tg, &rec, ev.doc->name,
				    base);
			lede_tag_text(tg, &n);
			base += n;
			break;
		case LEDE_PAR_END:
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
	return status > ostatus ? status : ostatus;
}
