/*
 * lede-quote-train: trains the attribution model of lede-quote.
 *
 * Reads a corpus folder in the layout of ../shared/corpora/quotes/train
 * (docs/ID.txt, and gold.jsonl with one attribution a line: its source,
 * cue and content as byte spans), marks each byte of a document with the
 * parts of the attributions it belongs to, and runs lede-quote's own
 * passes over the document with the model in training mode: the learned
 * parts (common/quote_model.c) predict, compare with the gold marks and
 * update an averaged perceptron.  Each time a model sees a decision,
 * dropout leaves out 20% of its features but the bias at random (-d; for
 * the cues, the speakers and the segments alike, or one rate each), so
 * that no model leans on the few features that were enough in training;
 * 15 epochs (-e).  Documents are read in an order shuffled from a fixed
 * seed, and dropout draws from streams of the same seed, so that training
 * is deterministic.  Writes the
 * averaged weights, scaled to 8-bit integers, as text: only the rows that
 * are not all zero.
 */
#include <sys/types.h>

#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "input.h"
#include "para.h"
#include "quote_priv.h"

/* The byte spans of one attribution. */
struct attr {
	char	*doc;
	int	 kind;		/* enum lede_quote_kind */
	size_t	*span[3];	/* source, cue, content: start, end pairs */
	size_t	 nspan[3];
	size_t	*quote;		/* quoted parts: start, end pairs */
	size_t	 nquote;
};

struct doc {
	char	*id;
	char	*path;
	size_t	 a0, na;	/* its attributions */
};

static struct attr	*attrs;
static size_t		 nattr;

static void
usage(void)
{
	fprintf(stderr, "usage: lede-quote-train [-b bits] "
	    "[-d drop[,drop,drop]] [-e epochs] [-s seed]\n"
	    "\t-o model dir\n");
	exit(2);
}

static char *
slurp(const char *path, size_t *len)
{
	struct lede_buf	b = { 0 };
	char		tmp[65536];
	size_t		n;
	FILE		*fp;

	if ((fp = fopen(path, "rb")) == NULL)
		err(1, "%s", path);
	while ((n = fread(tmp, 1, sizeof(tmp), fp)) > 0)
		lede_buf_add(&b, tmp, n);
	if (ferror(fp))
		err(1, "%s", path);
	fclose(fp);
	lede_buf_addc(&b, '\0');
	*len = b.len - 1;
	return b.p;
}

/* The value of "key": in line, or NULL. */
static const char *
field(const char *line, const char *key)
{
	char	pat[64];
	const char *p;

	snprintf(pat, sizeof(pat), "\"%s\": ", key);
	if ((p = strstr(line, pat)) == NULL)
		return NULL;
	return p + strlen(pat);
}

static char *
field_str(const char *line, const char *key, const char *path, size_t n)
{
	const char	*p = field(line, key), *e;
	char		*s;

	if (p == NULL || *p != '"' || (e = strchr(p + 1, '"')) == NULL)
		errx(1, "%s:%zu: no \"%s\"", path, n, key);
	if ((s = strndup(p + 1, (size_t)(e - p - 1))) == NULL)
		err(1, NULL);
	return s;
}

/* Reads the [[start, end], ...] pairs of key. */
static size_t *
field_spans(const char *line, const char *key, size_t *np, const char *path,
    size_t n)
{
	const char	*p = field(line, key);
	size_t		*v = NULL, nv = 0, cap = 0;
	char		*e;
	unsigned long	 x;
	int		 depth;

	if (p == NULL || *p != '[')
		errx(1, "%s:%zu: no \"%s\"", path, n, key);
	/* Every number up to the "]" that closes the list. */
	for (depth = 0; *p; ) {
		if (*p == '[') {
			depth++;
			p++;
			continue;
		}
		if (*p == ']') {
			p++;
			if (--depth == 0)
				break;
			continue;
		}
		if (*p == ' ' || *p == ',') {
			p++;
			continue;
		}
		errno = 0;
		x = strtoul(p, &e, 10);
		if (e == p || errno)
			errx(1, "%s:%zu: bad \"%s\"", path, n, key);
		if (nv == cap) {
			cap = cap ? cap * 2 : 8;
			v = lede_xrealloc(v, (cap) * sizeof(*v));
		}
		v[nv++] = x;
		p = e;
	}
	if (nv % 2)
		errx(1, "%s:%zu: odd \"%s\"", path, n, key);
	*np = nv / 2;
	return v;
}

/* The "start" and "end" of each object of "quotes" (the last key). */
static size_t *
field_quotes(const char *line, size_t *np, const char *path, size_t n)
{
	const char	*p = field(line, "quotes"), *s, *e;
	size_t		*v = NULL, nv = 0;

	if (p == NULL)
		errx(1, "%s:%zu: no \"quotes\"", path, n);
	while ((s = strstr(p, "\"start\": ")) != NULL &&
	    (e = strstr(s, "\"end\": ")) != NULL) {
		v = lede_xrealloc(v, (nv + 2) * sizeof(*v));
		v[nv++] = strtoul(s + 9, NULL, 10);
		v[nv++] = strtoul(e + 7, NULL, 10);
		p = e + 7;
	}
	*np = nv / 2;
	return v;
}

static int
cmpattr(const void *a, const void *b)
{
	const struct attr *x = a, *y = b;

	return strcmp(x->doc, y->doc);
}

static void
read_gold(const char *dir)
{
	char		 path[PATH_MAX];
	char		*text, *line, *next, *kind;
	size_t		 len, n = 0, cap = 0;
	struct attr	*a;

	snprintf(path, sizeof(path), "%s/gold.jsonl", dir);
	text = slurp(path, &len);
	for (line = text; *line; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		else
			next = line + strlen(line);
		n++;
		if (*line == '\0')
			continue;
		if (nattr == cap) {
			cap = cap ? cap * 2 : 1024;
			attrs = lede_xrealloc(attrs, (cap) * sizeof(*attrs));
		}
		a = &attrs[nattr++];
		memset(a, 0, sizeof(*a));
		a->doc = field_str(line, "doc", path, n);
		kind = field_str(line, "kind", path, n);
		a->kind = strcmp(kind, "direct") == 0 ? LEDE_QUOTE_DIRECT :
		    strcmp(kind, "mixed") == 0 ? LEDE_QUOTE_MIXED :
		    LEDE_QUOTE_INDIRECT;
		free(kind);
		a->span[0] = field_spans(line, "source_spans", &a->nspan[0],
		    path, n);
		a->span[1] = field_spans(line, "cue_spans", &a->nspan[1],
		    path, n);
		a->span[2] = field_spans(line, "content_spans", &a->nspan[2],
		    path, n);
		a->quote = field_quotes(line, &a->nquote, path, n);
	}
	free(text);
	/* Stable enough: attributions of a document keep no order of use. */
	qsort(attrs, nattr, sizeof(*attrs), cmpattr);
}

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static struct doc *
read_docs(const char *dir, size_t *ndocs)
{
	char		 path[PATH_MAX];
	DIR		*dp;
	struct dirent	*de;
	char		**names = NULL;
	size_t		 n = 0, i, k, l;
	struct doc	*docs;

	snprintf(path, sizeof(path), "%s/docs", dir);
	if ((dp = opendir(path)) == NULL)
		err(1, "%s", path);
	while ((de = readdir(dp)) != NULL) {
		l = strlen(de->d_name);
		if (l < 5 || strcmp(de->d_name + l - 4, ".txt") != 0)
			continue;
		names = lede_xrealloc(names, (n + 1) * sizeof(*names));
		if ((names[n++] = strndup(de->d_name, l - 4)) == NULL)
			err(1, NULL);
	}
	closedir(dp);
	qsort(names, n, sizeof(*names), cmpstr);
	docs = lede_xcalloc(n ? n : 1, sizeof(*docs));
	for (i = 0, k = 0; i < n; i++) {
		docs[i].id = names[i];
		snprintf(path, sizeof(path), "%s/docs/%s.txt", dir, names[i]);
		if ((docs[i].path = strdup(path)) == NULL)
			err(1, NULL);
		while (k < nattr && strcmp(attrs[k].doc, names[i]) < 0)
			k++;
		docs[i].a0 = k;
		while (k < nattr && strcmp(attrs[k].doc, names[i]) == 0)
			k++;
		docs[i].na = k - docs[i].a0;
	}
	free(names);
	*ndocs = n;
	return docs;
}

/*
 * The gold of one document: the parts of each byte's attribution, and
 * the source of each attribution as the corpus writes it (its pieces
 * joined by a space).
 */
static void
gold_doc(const struct doc *d, const char *text, size_t len,
    struct quote_gold *g)
{
	size_t	i, j, k, b, e;

	g->n = len;
	g->part = lede_xcalloc(len + 1, sizeof(*g->part));
	g->attr = lede_xcalloc(len + 1, sizeof(*g->attr));
	g->nsrc = d->na;
	g->src = lede_xcalloc(d->na + 1, sizeof(*g->src));
	for (i = 0; i < d->na; i++) {
		const struct attr *a = &attrs[d->a0 + i];
		struct lede_buf src = { 0 };

		for (j = 0; j < a->nspan[0]; j++) {
			b = a->span[0][2 * j];
			e = a->span[0][2 * j + 1];
			if (e > len || b >= e)
				continue;
			if (src.len > 0)
				lede_buf_addc(&src, ' ');
			lede_buf_add(&src, text + b, e - b);
		}
		lede_buf_addc(&src, '\0');
		g->src[i] = src.p;

		/*
		 * Every piece belongs to the attribution; the parts the cue
		 * tagger learns are those of the first piece of each span
		 * (the model was made so; all pieces give it other cues).
		 */
		for (k = 0; k < 3; k++)
			for (j = 0; j < a->nspan[k]; j++) {
				unsigned char p0 = 0, p1 = 0;

				b = a->span[k][2 * j];
				e = a->span[k][2 * j + 1];
				if (e > len || b >= e)
					continue;
				if (j == 0) {
					p0 = (unsigned char)(QG_SRC0 << (2 * k));
					p1 = (unsigned char)(QG_SRC << (2 * k));
				}
				g->part[b] |= p0;
				for (; b < e; b++) {
					g->part[b] |= p1;
					g->attr[b] = (int)i + 1;
				}
			}
	}
}

/*
 * The averaged weights, scaled to 8-bit integers: "bits N", then each row
 * that is not all zero, in hex, and its weights.
 */
static void
write_model(FILE *fp, const struct quote_weights *W)
{
	size_t	 r, l, rows = (size_t)1 << W->bits, nz = 0;
	double	 maxabs = 0, v, scale;
	long	 x[QM_NL];
	int	 any;

	for (r = 0; r < rows * QM_NL; r++) {
		v = fabs(W->w[r] - W->u[r] / W->c);
		if (v > maxabs)
			maxabs = v;
	}
	scale = maxabs > 0 ? 127.0 / maxabs : 1;
	fprintf(fp, "# Each line: a row of the hashed feature table (hex) and "
	    "its %d weights\n# (labels O, B-cue, I-cue, B-content, I-content).\nbits %u\n", QM_NL,
	    W->bits);
	for (r = 0; r < rows; r++) {
		any = 0;
		for (l = 0; l < QM_NL; l++) {
			v = W->w[r * QM_NL + l] - W->u[r * QM_NL + l] / W->c;
			x[l] = lrint(v * scale);
			any |= x[l] != 0;
		}
		if (!any)
			continue;
		nz++;
		fprintf(fp, "%zx", r);
		for (l = 0; l < QM_NL; l++)
			fprintf(fp, " %ld", x[l]);
		fputc('\n', fp);
	}
	fprintf(stderr, "lede-quote-train: %zu of %zu rows, max weight %.3f\n",
	    nz, rows, maxabs);
}

/*
 * A one-weight model's averaged weights (the speaker ranker, the
 * classifier of quoted segments): the comment, "NAME bits", then its rows.
 */
static void
write_rows(FILE *fp, const struct quote_rankw *R, const char *comment,
    const char *name, const char *what)
{
	size_t	 r, rows = (size_t)1 << R->bits, nz = 0;
	double	 maxabs = 0, v, scale;
	long	 x;

	for (r = 0; r < rows; r++) {
		v = fabs(R->w[r] - R->u[r] / R->c);
		if (v > maxabs)
			maxabs = v;
	}
	scale = maxabs > 0 ? 127.0 / maxabs : 1;
	fprintf(fp, "%s%s %u\n", comment, name, R->bits);
	for (r = 0; r < rows; r++) {
		v = R->w[r] - R->u[r] / R->c;
		if ((x = lrint(v * scale)) == 0)
			continue;
		nz++;
		fprintf(fp, "%zx %ld\n", r, x);
	}
	fprintf(stderr, "lede-quote-train: %s: %zu of %zu rows, max "
	    "weight %.3f\n", what, nz, rows, maxabs);
}

/*
 * -d: the percentage of features dropout leaves out, one for the three
 * models or one each for the cues, the speakers and the segments.
 */
static void
parse_drop(const char *arg, int drop[3])
{
	const char	*p = arg;
	char		*e;
	long		 x;
	int		 k;

	for (k = 0; k < 3; k++) {
		errno = 0;
		x = strtol(p, &e, 10);
		if (e == p || errno || x < 0 || x > 90 ||
		    (*e != '\0' && *e != ','))
			errx(2, "drop %s: not percentages in 0..90", arg);
		drop[k] = (int)x;
		if (*e == '\0')
			break;
		p = e + 1;
	}
	if (*e != '\0' || k == 1)
		errx(2, "drop %s: not one or three percentages", arg);
	for (k++; k < 3; k++)
		drop[k] = drop[0];
}

/* The dropout of a model: pct of its features, from its own stream. */
static struct quote_drop
drop_of(int pct, uint64_t seed, uint64_t stream)
{
	struct quote_drop d;

	d.p = (uint32_t)pct * ((1U << 31) / 100);
	d.rng = seed ^ stream;
	return d;
}

int
main(int argc, char *argv[])
{
	const char		*outpath = NULL;
	struct quote_weights	*W;
	struct quote_rankw	*R, *K;
	struct lede_quoter	*q;
	struct doc		*docs, tmp;
	struct quote_gold	 g;
	struct lede_input	*in;
	struct lede_para	*P;
	struct lede_par_event	 ev;
	struct lede_quote	 r;
	unsigned long		 x;
	unsigned		 bits = 17, rbits = 16;
	uint64_t		 seed = 20161108, state;
	size_t			 ndocs, i, j, len;
	int			 ch, epochs = 15, e, drop[3] = { 20, 20, 20 };
	char			*text, *tmppath;
	FILE			*fp;

	while ((ch = getopt(argc, argv, "b:d:e:o:s:")) != -1)
		switch (ch) {
		case 'b':
			x = strtoul(optarg, NULL, 10);
			if (x < 10 || x > 24)
				errx(2, "bits %s: not in 10..24", optarg);
			bits = (unsigned)x;
			break;
		case 'd':
			parse_drop(optarg, drop);
			break;
		case 'e':
			epochs = atoi(optarg);
			if (epochs < 1 || epochs > 100)
				errx(2, "epochs %s: not in 1..100", optarg);
			break;
		case 'o':
			outpath = optarg;
			break;
		case 's':
			seed = strtoull(optarg, NULL, 10);
			break;
		default:
			usage();
		}
	if (outpath == NULL || argc - optind != 1)
		usage();
	read_gold(argv[optind]);
	docs = read_docs(argv[optind], &ndocs);
	if (ndocs == 0)
		errx(1, "%s/docs: no documents", argv[optind]);
	W = quote_weights_new(bits);
	R = quote_rankw_new(rbits);
	K = quote_rankw_new(14);
	W->drop = drop_of(drop[0], seed, 0x9e3779b97f4a7c15ULL);
	R->drop = drop_of(drop[1], seed, 0xbf58476d1ce4e5b9ULL);
	K->drop = drop_of(drop[2], seed, 0x94d049bb133111ebULL);
	q = lede_quote_new(0);
	state = seed;
	for (e = 0; e < epochs; e++) {
		for (i = ndocs; i > 1; i--) {
			j = quote_rnd(&state) % i;
			tmp = docs[i - 1];
			docs[i - 1] = docs[j];
			docs[j] = tmp;
		}
		memset(W->errs, 0, sizeof(W->errs));
		memset(W->seen, 0, sizeof(W->seen));
		R->errs = R->seen = R->miss = 0;
		K->errs = K->seen = 0;
		for (i = 0; i < ndocs; i++) {
			text = slurp(docs[i].path, &len);
			memset(&g, 0, sizeof(g));
			gold_doc(&docs[i], text, len, &g);
			free(text);
			quote_train(q, W, R, &g);
			quote_train_keep(q, K);
			in = lede_input_new(1, &docs[i].path, LEDE_MAXPARA_DEFAULT);
			P = lede_para_new(in, LEDE_MAXPARA_DEFAULT);
			while (lede_para_next(P, &ev) != LEDE_PAR_DONE) {
				switch (ev.kind) {
				case LEDE_PAR_BEGIN:
					lede_quote_doc(q);
					break;
				case LEDE_PAR_TEXT:
					lede_quote_para(q, ev.s, ev.len);
					break;
				case LEDE_PAR_BLANK:
					lede_quote_blank(q, ev.s, ev.len);
					break;
				case LEDE_PAR_END:
					lede_quote_end(q);
					break;
				case LEDE_PAR_ERROR:
					errx(1, "%s: cannot read", docs[i].path);
				default:
					break;
				}
				while (lede_quote_next(q, &r))
					;
			}
			lede_para_free(P);
			lede_input_free(in);
			quote_train(q, NULL, NULL, NULL);
			quote_train_keep(q, NULL);
			free(g.part);
			free(g.attr);
			for (j = 0; j < g.nsrc; j++)
				free(g.src[j]);
			free(g.src);
		}
		fprintf(stderr, "lede-quote-train: epoch %d: cues %zu errors "
		    "in %zu, speakers %zu in %zu (%zu without the right "
		    "one)\n", e + 1, W->errs[0], W->seen[0], R->errs, R->seen,
		    R->miss);
		fprintf(stderr, "lede-quote-train: epoch %d: segments %zu "
		    "errors in %zu\n", e + 1, K->errs, K->seen);
	}
	tmppath = lede_xmalloc(strlen(outpath) + 5);
	snprintf(tmppath, strlen(outpath) + 5, "%s.tmp", outpath);
	if ((fp = fopen(tmppath, "w")) == NULL)
		err(1, "%s", tmppath);
	fprintf(fp, "# lede-quote attribution model: averaged perceptron "
	    "weights (common/quote_model.c).\n"
	    "# Generated by tools/lede-quote-train.c (make quote-model) from "
	    "the PolNeAR\n# training part (%zu articles of "
	    "../shared/corpora/quotes/train) with\n"
	    "#\tlede-quote-train -b %u -d %d,%d,%d -e %d -s %llu\n"
	    "# Training is deterministic: tests/cli/t-quote-model.sh checks "
	    "that make\n# quote-model gives this file byte for byte.  Do not "
	    "edit: run make quote-model.\n", ndocs, bits, drop[0], drop[1],
	    drop[2], epochs,
	    (unsigned long long)seed);
	write_model(fp, W);
	write_rows(fp, R, "# The speaker ranker: a row of its hashed table (hex) "
	    "and its weight.\n", "rank", "speakers");
	write_rows(fp, K, "# Which quoted segments are quotations: a row of its "
	    "hashed table (hex)\n# and its weight.\n", "keep", "segments");
	if (fflush(fp) != 0 || ferror(fp) || fclose(fp) != 0)
		err(1, "%s", tmppath);
	if (rename(tmppath, outpath) != 0)
		err(1, "%s", outpath);
	free(tmppath);
	lede_quote_free(q);
	quote_weights_free(W);
	quote_rankw_free(R);
	quote_rankw_free(K);
	for (i = 0; i < ndocs; i++) {
		free(docs[i].id);
		free(docs[i].path);
	}
	free(docs);
	for (i = 0; i < nattr; i++) {
		free(attrs[i].doc);
		for (j = 0; j < 3; j++)
			free(attrs[i].span[j]);
		free(attrs[i].quote);
	}
	free(attrs);
	return 0;
}
