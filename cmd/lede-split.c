/*
 * lede-split: find the paragraphs, and with -s the sentences, of messy text.
 */
#include <err.h>
#include <signal.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"
#include "format.h"
#include "layout.h"
#include "out.h"
#include "outdir.h"
#include "sent.h"

static const char usage_text[] =
    "usage: lede-split [-Hsv] [-m size] [-o dir] [file ...]\n";

static void
usage(int status)
{
	fputs(usage_text, status ? stderr : stdout);
	exit(status);
}

static void
put_sentences(struct lede_out *out, const char *s, size_t n)
{
	struct lede_sentencer	ss;
	struct lede_span	sp;

	lede_sent_init(&ss, s, n);
	while (lede_sent_next(&ss, &sp)) {
		lede_out_write(out, s + sp.off, sp.len);
		lede_out_putc(out, '\n');
	}
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
		{ "sentences", no_argument, NULL, 's' },
		{ "max-paragraph", required_argument, NULL, 'm' },
		{ "output-dir", required_argument, NULL, 'o' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	static struct lede_out	out;
	struct lede_input	*in;
	struct lede_layout	*L;
	struct lede_text	 tw;
	struct lede_par_event	 ev;
	const char		*why;
	size_t			 cap = LEDE_MAXPARA_DEFAULT;
	const char		*oflag = NULL;
	char			 owhy[LEDE_OUTDIR_WHY];
	char			 summary[1024];
	int			 vflag = 0;
	int			 ch, Hflag = 0, sflag = 0, status, e;
	int			 ostatus = 0;

	while ((ch = getopt_long(argc, argv, "Hhm:o:svV", longopts, NULL)) != -1)
		switch (ch) {
		case 'H':
			Hflag = 1;
			break;
		case 's':
			sflag = 1;
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
			puts("lede-split " LEDE_VERSION);
			return 0;
		default:
			usage(2);
		}
	lede_out_init(&out, STDOUT_FILENO);
	in = lede_input_new(argc - optind, argv + optind, cap);
	L = lede_layout_new(in, cap);
	if (oflag != NULL)
		open_outdir(oflag, argc - optind, argv + optind);
	lede_text_init(&tw, &out, od != NULL ? -1 :
	    Hflag || lede_input_nfiles(in) > 1, 0);
	while (lede_layout_next(L, &ev) != LEDE_PAR_DONE && !lede_out_error(&out))
		switch (ev.kind) {
		case LEDE_PAR_BEGIN:
			if (od != NULL && lede_outdir_begin(od, ev.doc, &out,
			    owhy) == -1) {
				warnx("%s", owhy);
				ostatus = 2;
			}
			lede_text_begin(&tw, ev.doc);
			break;
		case LEDE_PAR_TEXT:
			if (ev.split == 1)
				warnx("%s: paragraph longer than %zu bytes "
				    "split", ev.doc->name, cap);
			lede_text_para(&tw);
			if (sflag)
				put_sentences(&out, ev.s, ev.len);
			else {
				lede_out_write(&out, ev.s, ev.len);
				lede_out_putc(&out, '\n');
			}
			break;
		case LEDE_PAR_END:
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
	lede_layout_free(L);
	lede_input_free(in);
	lede_outdir_free(od);
	return status > ostatus ? status : ostatus;
}
