/*
 * lede-tag: mark the named entities of news text inline, or list them.
 */
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "format.h"
#include "ner.h"
#include "out.h"
#include "para.h"
#include "sent.h"
#include "tag.h"
#include "tok.h"

enum fmt { F_INLINE, F_TSV, F_JSON, F_CONLL };

static const char usage_text[] =
    "usage: lede-tag [-f inline|tsv|json|conll] [-t types] [-m size] "
    "[file ...]\n";

static void
usage(int status)
{
	fputs(usage_text, status ? stderr : stdout);
	exit(status);
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

static void
put_records(struct lede_rec *r, const char *doc, size_t base,
    const char *s, const struct lede_ent *e, size_t ne)
{
	size_t	i;

	for (i = 0; i < ne; i++) {
		lede_rec_begin(r, doc);
		lede_rec_uint(r, "start", base + e[i].off);
		lede_rec_uint(r, "end", base + e[i].off + e[i].len);
		lede_rec_str(r, "type", lede_ent_name(e[i].type),
		    strlen(lede_ent_name(e[i].type)));
		lede_rec_str(r, "text", s + e[i].off, e[i].len);
		lede_rec_end(r);
	}
}

static void
put_conll(struct lede_out *out, const char *s, size_t n,
    const struct lede_ent *e, size_t ne)
{
	struct lede_sentencer	ss;
	struct lede_tokenizer	tz;
	struct lede_span	sp;
	struct lede_tok		t;
	size_t			k = 0;

	lede_sent_init(&ss, s, n);
	while (lede_sent_next(&ss, &sp)) {
		lede_tok_init(&tz, s + sp.off, sp.len);
		while (lede_tok_next(&tz, &t)) {
			t.off += sp.off;
			while (k < ne && e[k].off + e[k].len <= t.off)
				k++;
			lede_out_write(out, s + t.off, t.len);
			if (k < ne && t.off >= e[k].off) {
				lede_out_str(out, t.off == e[k].off ?
				    " B-" : " I-");
				lede_out_str(out, lede_ent_name(e[k].type));
				lede_out_putc(out, '\n');
			} else
				lede_out_str(out, " O\n");
		}
		lede_out_putc(out, '\n');
	}
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "types", required_argument, NULL, 't' },
		{ "max-paragraph", required_argument, NULL, 'm' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	static struct lede_out	out;
	struct lede_rec		rec = { &out, LEDE_REC_TSV };
	struct lede_input	in;
	struct lede_para	P;
	struct lede_par_event	ev;
	struct lede_tagger	tg;
	const struct lede_ent	*ents;
	const char		*doc = "-";
	size_t			 cap = 256 * 1024, ne, base = 0;
	unsigned		 types = ~0U;
	int			 ch, started = 0, warned = 0, status;
	enum fmt		 fflag = F_INLINE;

	while ((ch = getopt_long(argc, argv, "f:hm:t:V", longopts, NULL)) != -1)
		switch (ch) {
		case 'f':
			if (strcmp(optarg, "inline") == 0)
				fflag = F_INLINE;
			else if (strcmp(optarg, "tsv") == 0)
				fflag = F_TSV;
			else if (strcmp(optarg, "json") == 0)
				fflag = F_JSON;
			else if (strcmp(optarg, "conll") == 0)
				fflag = F_CONLL;
			else
				errx(2, "unknown format %s", optarg);
			break;
		case 't':
			types = parse_types(optarg);
			break;
		case 'm':
			cap = lede_cli_paracap(optarg);
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
	if (fflag == F_JSON)
		rec.format = LEDE_REC_JSON;
	if (lede_tag_init(&tg, types) == -1)
		errx(1, "no model compiled in");
	lede_out_init(&out, STDOUT_FILENO);
	lede_input_init(&in, argc - optind, argv + optind, cap);
	lede_para_init(&P, &in, cap);
	while (lede_para_next(&P, &ev) != LEDE_PAR_END) {
		switch (ev.kind) {
		case LEDE_PAR_DOC:
			lede_tag_doc(&tg);
			doc = ev.in.name;
			base = warned = 0;
			if (fflag != F_INLINE && fflag != F_CONLL)
				break;
			if (ev.in.header) {
				lede_out_write(&out, ev.in.line.s,
				    ev.in.line.len);
				lede_out_putc(&out, '\n');
			} else if (ev.in.announce) {
				if (started)
					lede_out_putc(&out, '\n');
				lede_fmt_header(&out, ev.in.name);
			}
			started = 1;
			break;
		case LEDE_PAR_ERROR:
			warnc(ev.in.errnum, "%s", ev.in.name);
			break;
		case LEDE_PAR_BLANK:
			if (fflag == F_INLINE)
				lede_out_write(&out, ev.s, ev.len);
			base += ev.len;
			started = 1;
			break;
		case LEDE_PAR_TEXT:
			if (ev.split)
				lede_cli_splitwarn(&in, cap, &warned);
			ne = lede_tag_para(&tg, ev.s, ev.len, &ents);
			started = 1;
			if (fflag == F_INLINE)
				lede_fmt_inline(&out, tg.text.p, tg.text.len,
				    ents, ne);
			else if (fflag == F_CONLL)
				put_conll(&out, tg.text.p, tg.text.len, ents,
				    ne);
			else
				put_records(&rec, doc, base, tg.text.p, ents,
				    ne);
			base += tg.text.len;
			break;
		default:
			break;
		}
		if (lede_out_error(&out))
			break;
	}
	status = lede_cli_finish(&out, &in);
	lede_para_free(&P);
	lede_input_free(&in);
	lede_tag_free(&tg);
	return status;
}
