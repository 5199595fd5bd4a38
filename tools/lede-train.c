/*
 * lede-train: trains the named-entity model of lede-tag.
 *
 * Reads a corpus folder in the layout of ../shared/corpora/ner/train
 * (docs/ID.txt, and gold.tsv with ID, start and end byte offsets, type and
 * text per entity), labels the tokens of each paragraph with BILOU labels
 * from the gold spans, and trains the structured averaged perceptron of
 * common/ner*.c (Collins 2002): each paragraph is decoded by Viterbi with
 * the weights so far, and where the best sequence is not the gold one the
 * features and transitions of the gold labels gain and those of the
 * labels found lose (the document memory sees the labels the model gave,
 * as it will when tagging).  Each time a token is seen, -d percent of
 * its features (30 by default) are left out at random.  Documents are
 * visited in a shuffled order drawn from a fixed seed, and so are the
 * features left out, so that training is deterministic.  Writes the
 * averaged weights, scaled to 16-bit integers, as text: only the rows with
 * a weight that is not zero and at least -p (256 of the largest's 32000 by
 * default) in absolute value.
 */
#include <sys/types.h>

#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <limits.h>
#include <getopt.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "ner_priv.h"
#include "tok.h"

struct gold {
	char	*id;
	size_t	 start;
	size_t	 end;
	int	 type;
};

struct para {
	size_t		 off;
	size_t		 len;
	unsigned char	*lab;	/* gold label per token */
	size_t		 nt;
	int		 late;	/* a headline, trained on last */
};

struct doc {
	char		*id;
	char		*text;
	size_t		 len;
	struct para	*p;
	size_t		 np;
};

#define LOWERBITS	16

static struct gold	*golds;
static char		*goldtext;	/* the text golds[].id point into */
static uint64_t		 lower[((size_t)1 << LOWERBITS) / 64];
static size_t		 ngold;

static void
usage(void)
{
	fputs("usage: lede-train [-b bits] [-d drop] [-e epochs] [-n runs] "
	    "[-o file] [-p min]\n                  [-s seed] dir\n",
	    stderr);
	exit(2);
}

/* The number of option -what, in lo..hi, or exit 2. */
static long long
numarg(const char *what, long long lo, long long hi)
{
	const char	*why;
	long long	 v;

	v = strtonum(optarg, lo, hi, &why);
	if (why != NULL)
		errx(2, "%s %s: %s", what, optarg, why);
	return v;
}

static char *
slurp(const char *path, size_t *len)
{
	struct lede_buf	 b = { 0 };
	FILE		*fp;
	size_t		 n;

	if ((fp = fopen(path, "rb")) == NULL)
		err(1, "%s", path);
	for (;;) {
		lede_buf_reserve(&b, 65536);
		n = fread(b.p + b.len, 1, 65536, fp);
		b.len += n;
		if (n == 0)
			break;
	}
	if (ferror(fp))
		err(1, "%s", path);
	fclose(fp);
	lede_buf_addc(&b, '\0');
	*len = b.len - 1;
	return b.p;
}

static int
cmpgold(const void *a, const void *b)
{
	const struct gold	*x = a, *y = b;
	int			 c;

	if ((c = strcmp(x->id, y->id)) != 0)
		return c;
	return x->start < y->start ? -1 : x->start > y->start;
}

/* The first gold entity of document id (golds sorted by id). */
static size_t
gold_first(const char *id)
{
	size_t	lo = 0, hi = ngold, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (strcmp(golds[mid].id, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void
read_gold(const char *dir)
{
	char	 path[4096], *text, *line, *next, *f[5];
	size_t	 len, cap = 0;
	int	 i;

	snprintf(path, sizeof(path), "%s/gold.tsv", dir);
	goldtext = text = slurp(path, &len);
	for (line = text; line < text + len; line = next) {
		if ((next = strchr(line, '\n')) == NULL)
			next = text + len;
		else
			*next++ = '\0';
		for (i = 0; i < 5; i++) {
			f[i] = line;
			if (i < 4) {
				if ((line = strchr(line, '\t')) == NULL)
					break;
				*line++ = '\0';
			}
		}
		if (i < 5)
			continue;
		if (ngold == cap) {
			cap = cap ? cap * 2 : 1024;
			golds = lede_xrealloc(golds, cap * sizeof(*golds));
		}
		golds[ngold].id = f[0];
		golds[ngold].start = strtoul(f[1], NULL, 10);
		golds[ngold].end = strtoul(f[2], NULL, 10);
		golds[ngold].type = lede_ent_type(f[3], strlen(f[3]));
		ngold++;
	}
	qsort(golds, ngold, sizeof(*golds), cmpgold);
}

/* Counts the words in lower case; twice puts them in the set. */
static void
count_lower(const struct lede_ner *ner, const char *s)
{
	static unsigned char	seen[(size_t)1 << LOWERBITS];
	size_t			i;
	uint32_t		b;
	char			c;

	for (i = 0; i < ner->nt; i++) {
		c = s[ner->t[i].off];
		if (ner->t[i].kind != LEDE_TOK_WORD || c < 'a' || c > 'z')
			continue;
		b = ner->t[i].lw >> (32 - LOWERBITS);
		if (seen[b] < 2 && ++seen[b] == 2)
			lower[b >> 6] |= (uint64_t)1 << (b & 63);
	}
}

/*
 * 1 if token t may take label l (its allow, ner_priv.h): the tagger does
 * not score the others, but the model learns all the labels.
 */
static int
may(const struct lede_ner_tok *t, int l)
{
	if (l == 0 || t->allow == ALLOW_ALL)
		return 1;
	return t->allow == ALLOW_IN && NER_POS(l) == NER_I;
}

/* Labels the tokens of each paragraph from the gold spans of the doc. */
static void
label_doc(struct lede_ner *ner, struct doc *d, size_t *bad,
    size_t *outside)
{
	struct para	*p;
	size_t		 g, i, j, s, e, ts, te, first, last;
	int		 startok, endok, type, out = 0;

	for (i = 0; i < d->np; i++) {
		p = &d->p[i];
		p->nt = lede_ner_prepare(ner, d->text + p->off, p->len);
		p->lab = lede_xcalloc(p->nt ? p->nt : 1, 1);
		count_lower(ner, d->text + p->off);
		for (g = gold_first(d->id); g < ngold &&
		    strcmp(golds[g].id, d->id) == 0; g++) {
			s = golds[g].start;
			e = golds[g].end;
			if (s < p->off || e > p->off + p->len)
				continue;
			startok = endok = 0;
			first = SIZE_MAX;
			last = 0;
			for (j = 0; j < p->nt; j++) {
				ts = p->off + ner->t[j].off;
				te = ts + ner->t[j].len;
				if (ts >= s && te <= e) {
					if (first == SIZE_MAX)
						first = j;
					last = j;
					startok |= ts == s;
					endok |= te == e;
				}
			}
			if (!startok || !endok)
				(*bad)++;
			type = golds[g].type;
			for (j = first; first != SIZE_MAX && j <= last; j++) {
				p->lab[j] = (unsigned char)NER_LABEL(type,
				    first == last ? NER_U : j == first ? NER_B :
				    j == last ? NER_L : NER_I);
				if (!may(&ner->t[j], p->lab[j]))
					out = 1;
			}
			/*
			 * A name the tagger cannot label (one that begins or
			 * ends in lower case) is left out: training decodes
			 * as the tagger does, and could never reach it.
			 */
			for (j = first; out && j <= last; j++)
				p->lab[j] = 0;
			*outside += out;
			out = 0;
		}
	}
}

static void
split_doc(struct doc *d)
{
	size_t	i = 0, start, cap = 0, ls;
	int	blank;

	while (i < d->len) {
		start = i;
		for (;;) {
			ls = i;
			blank = 1;
			while (i < d->len && d->text[i] != '\n') {
				if (d->text[i] != ' ' && d->text[i] != '\t')
					blank = 0;
				i++;
			}
			if (i < d->len)
				i++;
			if (blank) {
				if (ls == start)
					start = i;
				else {
					i = ls;
					break;
				}
			}
			if (i >= d->len)
				break;
		}
		if (i <= start)
			continue;
		if (d->np == cap) {
			cap = cap ? cap * 2 : 16;
			d->p = lede_xrealloc(d->p, cap * sizeof(*d->p));
		}
		d->p[d->np].off = start;
		d->p[d->np].len = i - start;
		d->np++;
	}
}

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static struct doc *
read_docs(const char *dir, size_t *ndocs)
{
	char		 path[4096], **names = NULL;
	struct dirent	*de;
	struct doc	*docs;
	DIR		*dp;
	size_t		 n = 0, cap = 0, i, len;

	snprintf(path, sizeof(path), "%s/docs", dir);
	if ((dp = opendir(path)) == NULL)
		err(1, "%s", path);
	while ((de = readdir(dp)) != NULL) {
		len = strlen(de->d_name);
		if (len < 5 || strcmp(de->d_name + len - 4, ".txt") != 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			names = lede_xrealloc(names, cap * sizeof(*names));
		}
		names[n] = lede_xmalloc(len - 3);
		memcpy(names[n], de->d_name, len - 4);
		names[n][len - 4] = '\0';
		n++;
	}
	closedir(dp);
	qsort(names, n, sizeof(*names), cmpstr);
	docs = lede_xcalloc(n ? n : 1, sizeof(*docs));
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/docs/%s.txt", dir, names[i]);
		docs[i].id = names[i];
		docs[i].text = slurp(path, &docs[i].len);
		split_doc(&docs[i]);
	}
	free(names);
	*ndocs = n;
	return docs;
}

static void
free_docs(struct doc *docs, size_t ndocs)
{
	size_t	i, j;

	for (i = 0; i < ndocs; i++) {
		for (j = 0; j < docs[i].np; j++)
			free(docs[i].p[j].lab);
		free(docs[i].p);
		free(docs[i].text);
		free(docs[i].id);
	}
	free(docs);
}

/* The fixed-seed generator of the visiting order (a 64-bit LCG). */
static uint32_t
rnd(uint64_t *state)
{
	*state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(*state >> 33);
}

#define NL	LEDE_NER_NLABEL

struct perc {
	unsigned bits;
	size_t	 rows;
	float	*w;
	double	*u;	/* sum of c * update, for the average */
	double	*acc;	/* the sum of the averaged weights of the runs */
	float	 tw[NL][NL];	/* transitions, from the label before */
	double	 tu[NL][NL];
	double	 tacc[NL][NL];
	double	 c;
	uint32_t drop;		/* the chance of a feature to be left out, in 2^31 */
	uint64_t rng;		/* the draws of which */
};

/* The features of the tokens of a paragraph, and the scores. */
struct work {
	uint32_t	*f;	/* LEDE_NER_MAXFEAT a token */
	size_t		*nf;
	double		*sc;	/* NL a token */
	unsigned char	*back;	/* NL a token */
	unsigned char	*pred;
	size_t		 cap;
};

static void
update(struct perc *P, const uint32_t *f, size_t nf, int lab, float d)
{
	size_t	j, r;

	for (j = 0; j < nf; j++) {
		r = lede_ner_row(f[j], P->bits) * NL + (size_t)lab;
		P->w[r] += d;
		P->u[r] += P->c * d;
	}
}

static void
update_trans(struct perc *P, int prev, int lab, float d)
{
	P->tw[prev][lab] += d;
	P->tu[prev][lab] += P->c * d;
}

/*
 * The best labels of the nt tokens by the scores W->sc and the
 * transitions, into W->pred: the same search as the tagger's (ner_decode.c)
 * over the same allowed sequences.
 */
static void
viterbi(const struct perc *P, const struct lede_ner *ner, struct work *W,
    size_t nt)
{
	double	d[NL], nd[NL], best, v;
	size_t	i;
	int	l, p, bp, t, brk;

	for (l = 0; l < NL; l++)
		d[l] = lede_ner_allowed(0, l, 0) && may(&ner->t[0], l) ?
		    P->tw[0][l] + W->sc[l] : -HUGE_VAL;
	for (i = 1; i < nt; i++) {
		brk = (ner->t[i].flags & TF_BREAK) != 0;
		for (l = 0; l < NL; l++) {
			best = -HUGE_VAL;
			bp = 0;
			for (p = 0; p < NL; p++)
				if (lede_ner_allowed(p, l, brk) &&
				    (v = d[p] + P->tw[p][l]) > best) {
					best = v;
					bp = p;
				}
			nd[l] = may(&ner->t[i], l) ? best +
			    W->sc[i * NL + (size_t)l] : -HUGE_VAL;
			W->back[i * NL + (size_t)l] = (unsigned char)bp;
		}
		memcpy(d, nd, sizeof(d));
	}
	t = 0;
	for (l = 1; l < NL; l++)
		if (!NER_OPEN(l) && d[l] > d[t])
			t = l;
	for (i = nt; i-- > 0;) {
		W->pred[i] = (unsigned char)t;
		if (i > 0)
			t = W->back[i * NL + (size_t)t];
	}
}

static void
work_reserve(struct work *W, size_t nt)
{
	if (nt <= W->cap)
		return;
	W->cap = nt * 2;
	W->f = lede_xrealloc(W->f, W->cap * LEDE_NER_MAXFEAT * sizeof(*W->f));
	W->nf = lede_xrealloc(W->nf, W->cap * sizeof(*W->nf));
	W->sc = lede_xrealloc(W->sc, W->cap * NL * sizeof(*W->sc));
	W->back = lede_xrealloc(W->back, W->cap * NL);
	W->pred = lede_xrealloc(W->pred, W->cap);
}

/*
 * Leaves out each of the nf features f but the first (the bias) with the
 * chance P->drop, and returns how many are left: the model learns not to
 * lean on a few features that were enough in training (dropout, as
 * feature bagging does for CRFs, Sutton, Sims and McCallum 2005).
 */
static size_t
drop_feats(struct perc *P, uint32_t *f, size_t nf)
{
	size_t	i, n;

	if (P->drop == 0 || nf == 0)
		return nf;
	for (i = n = 1; i < nf; i++)
		if (rnd(&P->rng) >= P->drop)
			f[n++] = f[i];
	return n;
}

/* One paragraph: decode, compare, update; returns the tokens wrong. */
static size_t
train_para(struct perc *P, struct lede_ner *ner, struct work *W,
    const char *s, const struct para *pa)
{
	const float	*row;
	const uint32_t	*f;
	double		*sc;
	size_t		 i, j, nt, errs = 0;
	int		 l, g, pr, gp, pp;

	nt = lede_ner_prepare(ner, s + pa->off, pa->len);
	work_reserve(W, nt ? nt : 1);
	for (i = 0; i < nt; i++) {
		f = W->f + i * LEDE_NER_MAXFEAT;
		sc = W->sc + i * NL;
		for (l = 0; l < NL; l++)
			sc[l] = 0;
		/* Outside every name, as the tagger has it: O, unscored. */
		if (ner->t[i].allow == ALLOW_O) {
			W->nf[i] = 0;
			continue;
		}
		W->nf[i] = lede_ner_feats(ner, i, W->f + i * LEDE_NER_MAXFEAT);
		W->nf[i] = drop_feats(P, W->f + i * LEDE_NER_MAXFEAT,
		    W->nf[i]);
		for (j = 0; j < W->nf[i]; j++) {
			row = P->w + lede_ner_row(f[j], P->bits) * NL;
			for (l = 0; l < NL; l++)
				sc[l] += row[l];
		}
	}
	if (nt > 0)
		viterbi(P, ner, W, nt);
	for (i = 0; i < nt; i++) {
		g = pa->lab[i];
		pr = W->pred[i];
		gp = i > 0 ? pa->lab[i - 1] : 0;
		pp = i > 0 ? W->pred[i - 1] : 0;
		if (g != pr) {
			f = W->f + i * LEDE_NER_MAXFEAT;
			update(P, f, W->nf[i], g, 1);
			update(P, f, W->nf[i], pr, -1);
			errs++;
		}
		if (g != pr || gp != pp) {
			update_trans(P, gp, g, 1);
			update_trans(P, pp, pr, -1);
		}
	}
	P->c++;
	for (i = 0; i < nt; i++)
		lede_ner_set(ner, i, W->pred[i]);
	lede_ner_end(ner);
	return errs;
}

static size_t
train_doc(struct perc *P, struct lede_ner *ner, struct work *W,
    struct doc *d)
{
	size_t	i, errs = 0;

	int	late;

	/* As lede-tag reads a document: whole, then headlines last. */
	lede_ner_doc(ner);
	for (i = 0; i < d->np; i++)
		d->p[i].late = lede_ner_scan(ner, d->text + d->p[i].off,
		    d->p[i].len);
	for (late = 0; late <= 1; late++)
		for (i = 0; i < d->np; i++)
			if (d->p[i].late == late)
				errs += train_para(P, ner, W, d->text,
				    &d->p[i]);
	return errs;
}

/* The summed weight of label l in row r. */
static double
avg(const struct perc *P, size_t r, size_t l)
{
	return P->acc[r * NL + l];
}

/* One run: epochs over the documents, shuffled each time. */
static void
train_run(struct perc *P, struct lede_ner *ner, struct work *W,
    struct doc *docs, size_t ndocs, int epochs, uint64_t *seed)
{
	struct doc	tmp;
	size_t		i, j, errs;
	int		e, p, l;

	memset(P->w, 0, P->rows * NL * sizeof(*P->w));
	memset(P->u, 0, P->rows * NL * sizeof(*P->u));
	memset(P->tw, 0, sizeof(P->tw));
	memset(P->tu, 0, sizeof(P->tu));
	P->c = 1;
	for (e = 0; e < epochs; e++) {
		for (i = ndocs; i > 1; i--) {
			j = rnd(seed) % i;
			tmp = docs[i - 1];
			docs[i - 1] = docs[j];
			docs[j] = tmp;
		}
		errs = 0;
		for (i = 0; i < ndocs; i++)
			errs += train_doc(P, ner, W, &docs[i]);
		fprintf(stderr, "lede-train: epoch %d: %zu errors\n", e + 1,
		    errs);
	}
	for (i = 0; i < P->rows * NL; i++)
		P->acc[i] += P->w[i] - P->u[i] / P->c;
	for (p = 0; p < NL; p++)
		for (l = 0; l < NL; l++)
			P->tacc[p][l] += P->tw[p][l] - P->tu[p][l] / P->c;
}

static void
write_model(FILE *fp, const struct perc *P, unsigned bits, int drop,
    int runs, int epochs, uint64_t seed, size_t ndocs, int minw)
{
	double	 maxabs = 0, v, scale;
	size_t	 r, l, nz = 0;
	int16_t	 q[LEDE_NER_NW];
	int	 big;

	for (r = 0; r < P->rows; r++)
		for (l = 1; l < NL; l++) {
			v = fabs(avg(P, r, l) - avg(P, r, 0));
			if (v > maxabs)
				maxabs = v;
		}
	for (r = 0; r < NL; r++)
		for (l = 0; l < NL; l++)
			if ((v = fabs(P->tacc[r][l])) > maxabs)
				maxabs = v;
	scale = maxabs > 0 ? 32000.0 / maxabs : 1;
	fprintf(fp, "# lede-tag named-entity model: structured averaged "
	    "perceptron weights\n# (common/ner*.c).\n"
	    "# Generated by tools/lede-train.c (make model) from the "
	    "CoNLL-2003 English\n# training part (%zu documents of "
	    "../shared/corpora/ner/train: annotations of the\n# CoNLL-2003 "
	    "shared task, text of the Reuters Corpus, research use) with\n"
	    "#\tlede-train -b %u -d %d -e %d -n %d -p %d -s %llu\n"
	    "# (%d runs of %d epochs from a fixed seed, summed, %d%% of the "
	    "features of a token\n# left out each time it is seen; the rows "
	    "whose weights are all smaller\n# than %d left out), the "
	    "features of common/ner_feat.c,\n# the gazetteer "
	    "common/data/gazetteer.txt and the word clusters\n# "
	    "common/data/clusters.txt.  Training is deterministic:\n"
	    "# tests/cli/t-tag-model.sh checks that make model gives this "
	    "file byte for byte.\n# Do not edit: run make model.\n"
	    "# \"L\" lines: the hashed words seen in lower case.  \"T\" "
	    "lines: the weights of\n# the transitions from each label "
	    "(O, then B- I- L- U- of PER, ORG, LOC,\n# MISC) to each.  "
	    "Then each line: a row of the hashed feature table (hex)\n# "
	    "and its %d weights (labels B-PER I-PER L-PER U-PER, ORG, LOC, "
	    "MISC, O\n# being 0).\n", ndocs, bits, drop, epochs, runs, minw,
	    (unsigned long long)seed, runs, epochs, drop, minw, LEDE_NER_NW);
	fprintf(fp, "lower %d\n", LOWERBITS);
	for (r = 0; r < ((size_t)1 << LOWERBITS); r++)
		if ((lower[r >> 6] >> (r & 63)) & 1)
			fprintf(fp, "L %zx\n", r);
	for (r = 0; r < NL; r++) {
		fputc('T', fp);
		for (l = 0; l < NL; l++)
			fprintf(fp, " %ld", lrint(P->tacc[r][l] * scale));
		fputc('\n', fp);
	}
	fprintf(fp, "bits %u\n", bits);
	for (r = 0; r < P->rows; r++) {
		/* Rows of small weights only: features seen in few errors. */
		big = 0;
		for (l = 0; l < LEDE_NER_NW; l++) {
			v = avg(P, r, l + 1) - avg(P, r, 0);
			q[l] = (int16_t)lrint(v * scale);
			big |= q[l] != 0 && abs(q[l]) >= minw;
		}
		if (!big)
			continue;
		nz++;
		fprintf(fp, "%zx", r);
		for (l = 0; l < LEDE_NER_NW; l++)
			fprintf(fp, " %d", q[l]);
		fputc('\n', fp);
	}
	fprintf(stderr, "lede-train: %zu of %zu rows, max weight %.3f\n",
	    nz, P->rows, maxabs);
}

int
main(int argc, char *argv[])
{
	struct lede_ner	*ner;
	struct perc	 P;
	struct work	 W = { 0 };
	struct doc	*docs;
	FILE		*fp = stdout;
	const char	*outfile = NULL;
	uint64_t	 seed = 20030531, seed0;
	size_t		 ndocs, i, j, bad = 0, outside = 0, ntok = 0;
	unsigned	 bits = 20;
	int		 ch, epochs = 14, runs = 10, minw = 256;
	int		 drop = 30;

	while ((ch = getopt(argc, argv, "b:d:e:n:o:p:s:")) != -1)
		switch (ch) {
		case 'p':
			minw = (int)numarg("min", 0, 32000);
			break;
		case 'd':
			drop = (int)numarg("drop", 0, 90);
			break;
		case 'n':
			runs = (int)numarg("runs", 1, 20);
			break;
		case 's':
			seed = (uint64_t)numarg("seed", 0, LLONG_MAX);
			break;
		case 'b':
			bits = (unsigned)numarg("bits", 10, 24);
			break;
		case 'e':
			epochs = (int)numarg("epochs", 1, 100);
			break;
		case 'o':
			outfile = optarg;
			break;
		default:
			usage();
		}
	if (argc - optind != 1)
		usage();
	seed0 = seed;
	read_gold(argv[optind]);
	docs = read_docs(argv[optind], &ndocs);
	ner = lede_ner_new();
	ner->lower = lower;
	ner->lowerbits = LOWERBITS;
	for (i = 0; i < ndocs; i++) {
		label_doc(ner, &docs[i], &bad, &outside);
		for (j = 0; j < docs[i].np; j++)
			ntok += docs[i].p[j].nt;
	}
	fprintf(stderr, "lede-train: %zu documents, %zu tokens, %zu entities,"
	    " %zu not on token boundaries, %zu names left out where the\n"
	    "lede-train: tagger does not look (ALLOW_O)\n", ndocs, ntok, ngold,
	    bad, outside);
	P.bits = bits;
	P.drop = (uint32_t)(drop * ((1U << 31) / 100));
	P.rng = seed ^ 0x9e3779b97f4a7c15ULL;
	P.rows = (size_t)1 << bits;
	P.w = lede_xcalloc(P.rows * NL, sizeof(float));
	P.u = lede_xcalloc(P.rows * NL, sizeof(double));
	P.acc = lede_xcalloc(P.rows * NL, sizeof(double));
	memset(P.tacc, 0, sizeof(P.tacc));
	for (i = 0; i < (size_t)runs; i++)
		train_run(&P, ner, &W, docs, ndocs, epochs, &seed);
	if (outfile != NULL && (fp = fopen(outfile, "w")) == NULL)
		err(1, "%s", outfile);
	write_model(fp, &P, bits, drop, runs, epochs, seed0, ndocs, minw);
	if (fflush(fp) == EOF || ferror(fp))
		err(1, "%s", outfile ? outfile : "stdout");
	if (fp != stdout)
		fclose(fp);
	lede_ner_free(ner);
	free_docs(docs, ndocs);
	free(P.w);
	free(P.u);
	free(P.acc);
	free(W.f);
	free(W.nf);
	free(W.sc);
	free(W.back);
	free(W.pred);
	free(golds);
	free(goldtext);
	return 0;
}
