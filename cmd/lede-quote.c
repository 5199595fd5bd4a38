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
    "usage: lede-quote [-dij] [-m size] [file ...]\n";

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

/* Writes the queued records, leaving out the kinds not asked for. */
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
		{ "indirect", no_argument, NULL, 'i' },
		{ "json", no_argument, NULL, 'j' },
		{ "max-paragraph", required_argument, NULL, 'm' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	static struct lede_out	out;
	static struct lede_quoter Q;
	struct lede_rec		rec = { &out, LEDE_REC_TSV };
	struct lede_input	in;
	struct lede_para	P;
	struct lede_par_event	ev;
	const char		*doc = "-";
	size_t			 cap = LEDE_MAXPARA_DEFAULT;
	int			 ch, dflag = 0, iflag = 0;
	int			 warned = 0, status;

	while ((ch = getopt_long(argc, argv, "dhijm:V", longopts, NULL)) != -1)
		switch (ch) {
		case 'd':
			dflag = 1;
			break;
		case 'i':
			iflag = 1;
			break;
		case 'j':
			rec.format = LEDE_REC_JSON;
			break;
		case 'm':
			cap = lede_cli_paracap(optarg);
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
	lede_input_init(&in, argc - optind, argv + optind, cap);
	lede_para_init(&P, &in, cap);
	lede_quote_init(&Q, cap);
	while (lede_para_next(&P, &ev) != LEDE_PAR_END) {
		switch (ev.kind) {
		case LEDE_PAR_DOC:
			lede_quote_end(&Q);
			drain(&Q, &rec, doc, dflag, iflag);
			lede_quote_doc(&Q);
			doc = ev.in.name;
			warned = 0;
			break;
		case LEDE_PAR_ERROR:
			warnc(ev.in.errnum, "%s", ev.in.name);
			break;
		case LEDE_PAR_TEXT:
			if (ev.split)
				lede_cli_splitwarn(&in, cap, &warned);
			lede_quote_para(&Q, ev.s, ev.len);
			break;
		case LEDE_PAR_BLANK:
			lede_quote_blank(&Q, ev.s, ev.len);
			break;
		default:
			break;
		}
		drain(&Q, &rec, doc, dflag, iflag);
		if (lede_out_error(&out))
			break;
	}
	lede_quote_end(&Q);
	drain(&Q, &rec, doc, dflag, iflag);
	status = lede_cli_finish(&out, &in);
	lede_quote_free(&Q);
	lede_para_free(&P);
	lede_input_free(&in);
	return status;
}
