/*
 * lede-quote: every quotation of news text with its speaker.
 */
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "format.h"
#include "out.h"
#include "para.h"
#include "quote.h"

static const char usage_text[] =
    "usage: lede-quote [-dHijv] [-m size] [file ...]\n";

static void
usage(int status)
{
	fputs(usage_text, status ? stderr : stdout);
	exit(status);
}

static void
put_quote(struct lede_rec *rec, const char *doc, const struct lede_quote *r)
{
	const char	*kind = lede_quote_kindname(r->kind);

	lede_rec_begin(rec, doc);
	lede_rec_uint(rec, "start", r->start);
	lede_rec_uint(rec, "end", r->end);
	lede_rec_str(rec, "kind", kind, strlen(kind));
	lede_rec_str(rec, "speaker", r->speaker, r->speakerlen);
	lede_rec_str(rec, "name", r->name, r->namelen);
	lede_rec_str(rec, "cue", r->cue, r->cuelen);
	lede_rec_str(rec, "quote", r->quote, r->quotelen);
	lede_rec_end(rec);
}

/* Writes the queued records of doc, leaving out the kinds not asked for. */
static void
drain(struct lede_quoter *Q, struct lede_rec *rec, const char *doc,
    int dflag, int iflag)
{
	struct lede_quote	r;

	while (lede_quote_next(Q, &r)) {
		if (dflag && r.kind == LEDE_QUOTE_INDIRECT)
			continue;
		if (iflag && r.kind != LEDE_QUOTE_INDIRECT)
			continue;
		put_quote(rec, doc, &r);
	}
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "direct", no_argument, NULL, 'd' },
		{ "with-names", no_argument, NULL, 'H' },
		{ "indirect", no_argument, NULL, 'i' },
		{ "json", no_argument, NULL, 'j' },
		{ "max-paragraph", required_argument, NULL, 'm' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	static struct lede_out	 out;
	struct lede_quoter	*Q;
	struct lede_rec		 rec = { &out, LEDE_REC_TSV };
	struct lede_input	*in;
	struct lede_para	*P;
	struct lede_par_event	 ev;
	const char		*why;
	size_t			 cap = LEDE_MAXPARA_DEFAULT;
	char			 summary[1024];
	int			 vflag = 0;
	int			 ch, dflag = 0, iflag = 0, status, e;

	while ((ch = getopt_long(argc, argv, "dHhijm:vV", longopts,
	    NULL)) != -1)
		switch (ch) {
		case 'd':
			dflag = 1;
			break;
		case 'H':
			break;	/* records always name their document */
		case 'i':
			iflag = 1;
			break;
		case 'j':
			rec.format = LEDE_REC_JSON;
			break;
		case 'm':
			if ((why = lede_parse_size(optarg, LEDE_CLI_MINPARA,
			    LEDE_CLI_MAXPARA, &cap)) != NULL)
				errx(2, "paragraph size %s: %s", optarg, why);
			break;
		case 'v':
			vflag = 1;
			break;
		case 'h':
			usage(0);
			break;
		case 'V':
			puts("lede-quote " LEDE_VERSION);
			return 0;
		default:
			usage(2);
		}
	lede_out_init(&out, STDOUT_FILENO);
	in = lede_input_new(argc - optind, argv + optind, cap);
	P = lede_para_new(in, cap);
	Q = lede_quote_new(cap);
	while (lede_para_next(P, &ev) != LEDE_PAR_DONE && !lede_out_error(&out)) {
		switch (ev.kind) {
		case LEDE_PAR_BEGIN:
			lede_quote_doc(Q);
			break;
		case LEDE_PAR_TEXT:
			if (ev.split == 1)
				warnx("%s: paragraph longer than %zu bytes "
				    "split", ev.doc->name, cap);
			lede_quote_para(Q, ev.s, ev.len);
			break;
		case LEDE_PAR_BLANK:
			lede_quote_blank(Q, ev.s, ev.len);
			break;
		case LEDE_PAR_END:
			lede_quote_end(Q);
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
		if (ev.doc != NULL)
			drain(Q, &rec, ev.doc->name, dflag, iflag);
	}
	if (vflag) {
		lede_input_summary(in, summary, sizeof(summary));
		warnx("%s", summary);
	}
	if ((status = lede_cli_end(&out, in, &e)) == 2)
		errc(2, e, "write error");
	lede_quote_free(Q);
	lede_para_free(P);
	lede_input_free(in);
	return status;
}
