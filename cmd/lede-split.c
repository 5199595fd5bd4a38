/*
 * lede-split: find the paragraphs, and with -s the sentences, of messy text.
 */
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"
#include "format.h"
#include "layout.h"
#include "out.h"
#include "sent.h"

static const char usage_text[] =
    "usage: lede-split [-s] [-m size] [file ...]\n";

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

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "sentences", no_argument, NULL, 's' },
		{ "max-paragraph", required_argument, NULL, 'm' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	static struct lede_out	out;
	struct lede_input	in;
	struct lede_layout	L;
	struct lede_par_event	ev;
	size_t			 cap = LEDE_MAXPARA_DEFAULT;
	int			 ch, sflag = 0, started = 0, inpara = 0;
	int			 warned = 0, status;

	while ((ch = getopt_long(argc, argv, "hm:sV", longopts, NULL)) != -1)
		switch (ch) {
		case 's':
			sflag = 1;
			break;
		case 'm':
			cap = lede_cli_paracap(optarg);
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
	lede_input_init(&in, argc - optind, argv + optind, cap);
	lede_layout_init(&L, &in, cap);
	while (lede_layout_next(&L, &ev) != LEDE_PAR_END) {
		switch (ev.kind) {
		case LEDE_PAR_DOC:
			if (ev.in.announce || ev.in.header) {
				if (started++)
					lede_out_putc(&out, '\n');
				lede_fmt_header(&out, ev.in.name);
			}
			inpara = warned = 0;
			break;
		case LEDE_PAR_ERROR:
			warnc(ev.in.errnum, "%s", ev.in.name);
			break;
		case LEDE_PAR_TEXT:
			if (ev.split)
				lede_cli_splitwarn(&in, cap, &warned);
			if (inpara++ > 0)
				lede_out_putc(&out, '\n');
			started = 1;
			if (sflag)
				put_sentences(&out, ev.s, ev.len);
			else {
				lede_out_write(&out, ev.s, ev.len);
				lede_out_putc(&out, '\n');
			}
			break;
		default:
			break;
		}
		if (lede_out_error(&out))
			break;
	}
	status = lede_cli_finish(&out, &in);
	lede_layout_free(&L);
	lede_input_free(&in);
	return status;
}
