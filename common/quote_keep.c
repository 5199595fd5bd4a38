/*
 * Which quoted segments are quotations: a learned decision over each
 * segment of three words or more that opens and closes in its paragraph.
 * A title in capitals ("appeared on “Face the Nation”", "sang “A Change
 * Is Gonna Come”") is no one's words, a slogan or a nickname in capitals
 * ("chanted “Feel the Bern!”", "called the “Gang of Eight”") often is:
 * no rule tells them apart, the words around them do.  The features are
 * those of the segment (its case, length, first and last characters,
 * pronouns of the first and second person, dates), of the words before
 * and after it, and of what the passes before found (a cue, a speaker,
 * "called"); one weight a feature, hashed as the speaker ranker's are
 * (quote_model.c), learned from the quotations of the training corpus
 * (tools/lede-quote-train.c): a segment is a quotation there when most
 * of its words are the content of an attribution.
 */
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "quote_priv.h"

#define KFEAT	40	/* features of one segment, at most */

static inline uint32_t
feat(uint32_t t, uint32_t a, uint32_t b)
{
	uint32_t h = a * 0x9E3779B1u + b * 0x85EBCA77u + t * 0xC2B2AE3Du +
	    0x165667B1u;

	h ^= h >> 15;
	h *= 0x2C1B3C6Du;
	return h ^ (h >> 12);
}

static inline uint32_t
wbucket(int n)
{
	return n < 6 ? (uint32_t)n : n < 9 ? 6 : n < 13 ? 7 : n < 20 ? 8 :
	    n < 40 ? 9 : 10;
}

/* The word of token i, lower case, as a hash; 1 past the paragraph. */
static uint32_t
word_hash(const struct qpara *c, int i)
{
	if (i < 0 || i >= c->nt)
		return 1;
	if (c->t[i].kind != LEDE_TOK_WORD)
		return 2 + (unsigned char)c->s[c->t[i].off];
	return quote_hash_lower(c->s + c->t[i].off, c->t[i].len);
}

/* The class of a character: 0 none, 1 upper, 2 lower, 3 digit, or it. */
static uint32_t
cclass(const char *s, size_t p, size_t lo, size_t hi)
{
	unsigned char	ch;

	if (p < lo || p >= hi)
		return 0;
	ch = (unsigned char)s[p];
	if (ch >= 'A' && ch <= 'Z')
		return 1;
	if (ch >= 'a' && ch <= 'z')
		return 2;
	if (ch >= '0' && ch <= '9')
		return 3;
	return 4 + ch;
}

/* Is token i a pronoun of the first or second person? */
static int
person(const struct qpara *c, int i)
{
	static const char *const w[] = { "i", "we", "you", "my", "our",
	    "me", "us", "your", "i'm", "we're", "you're", "i’m", "we’re" };
	size_t	k, n = c->t[i].len;
	char	ch = (char)(c->s[c->t[i].off] | 0x20);

	if (n > 7 || c->t[i].kind != LEDE_TOK_WORD || !(ch == 'i' ||
	    ch == 'w' || ch == 'y' || ch == 'm' || ch == 'o' || ch == 'u'))
		return 0;
	for (k = 0; k < sizeof(w) / sizeof(w[0]); k++)
		if (strlen(w[k]) == n &&
		    strncasecmp(c->s + c->t[i].off, w[k], n) == 0)
			return 1;
	return 0;
}

/* The features of quotation qt into f; their number. */
static size_t
keep_feats(const struct qpara *c, const struct quotation *qt, uint32_t *f)
{
	size_t		 nf = 0, e;
	int		 i, caps = 0, lows = 0, words = 0, pers = 0, date = 0,
			 digits = 0, tc, prev, next;
	uint32_t	 pw, nw, last, first, cue;

	for (i = qt->t0; i < qt->t1; i++) {
		unsigned fl = F(c, i);

		if (c->t[i].kind != LEDE_TOK_WORD || (fl & I_POSS))
			continue;
		words++;
		if (fl & I_CAP)
			caps++;
		else if (!(fl & (I_STOP | I_DET)) &&
		    !(c->s[c->t[i].off] >= '0' && c->s[c->t[i].off] <= '9'))
			lows++;
		if (fl & I_DATE)
			date = 1;
		if (c->s[c->t[i].off] >= '0' && c->s[c->t[i].off] <= '9')
			digits++;
		pers |= person(c, i);
	}
	/*
	 * In capitals as a title: no lower-case word but function words;
	 * in a headline, where every word is, only after one ("Appeared On
	 * “Face The Nation”", not "Says “If I Win”").
	 */
	tc = caps >= 2 && lows == 0 && (!c->headline ||
	    (F(c, qt->t0 - 1) & I_STOP));
	prev = qt->t0 - 1;
	next = qt->t1;
	pw = word_hash(c, prev);
	nw = word_hash(c, next);
	for (e = qt->ie; e > qt->is && (c->s[e - 1] == ' ' ||
	    c->s[e - 1] == '\n'); e--)
		;
	last = cclass(c->s, e - 1, qt->is, qt->ie);
	first = cclass(c->s, qt->is, qt->is, qt->ie);
	cue = qt->cue < 0 ? 0 : 1 + ((F(c, qt->cue) & I_NAMING) != 0) +
	    2 * (qt->cue < qt->t0);
	f[nf++] = feat(1, 0, 0);
	f[nf++] = feat(2, (uint32_t)tc, 0);
	f[nf++] = feat(3, (uint32_t)tc, wbucket(qt->words));
	f[nf++] = feat(4, (uint32_t)tc, last);
	f[nf++] = feat(5, (uint32_t)tc, first);
	f[nf++] = feat(6, (uint32_t)tc, pw);
	f[nf++] = feat(7, (uint32_t)tc, nw);
	f[nf++] = feat(8, (uint32_t)tc, cue);
	f[nf++] = feat(9, (uint32_t)tc, (uint32_t)(qt->mixed | qt->inclause));
	f[nf++] = feat(10, (uint32_t)tc, (uint32_t)pers);
	f[nf++] = feat(11, (uint32_t)date, (uint32_t)(digits > 0));
	f[nf++] = feat(12, (uint32_t)(qt->s0 >= 0) + 2 * (uint32_t)qt->sure,
	    (uint32_t)tc);
	f[nf++] = feat(13, (uint32_t)(caps * 4 / (words ? words : 1)),
	    (uint32_t)(lows > 0) + 2 * (uint32_t)(lows > 2));
	f[nf++] = feat(14, (uint32_t)(prev < 0) + 2 * (uint32_t)(next >= c->nt),
	    (uint32_t)tc);
	f[nf++] = feat(16, (uint32_t)qt->mark, (uint32_t)tc);
	f[nf++] = feat(18, last, nw);
	f[nf++] = feat(19, cue, (uint32_t)(qt->mixed | qt->inclause) +
	    2 * (uint32_t)pers);
	/* The noun before a comma: "his book, ''Make Your Kid ...''". */
	if (prev >= 1 && c->t[prev].kind != LEDE_TOK_WORD)
		f[nf++] = feat(20, (uint32_t)tc, word_hash(c, prev - 1));
	return nf;
}

/* The gold in training: are most letters of qt's words attributed? */
static int
gold_keep(const struct qpara *c, const struct quotation *qt)
{
	const struct quote_gold	*g = c->q->gold;
	size_t			 b = c->q->base, p, in = 0, all = 0;

	for (p = qt->is; p < qt->ie && b + p < g->n; p++) {
		unsigned char ch = (unsigned char)c->s[p];

		if (!(ch >= 0x80 || (ch >= '0' && ch <= '9') ||
		    ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z')))
			continue;
		all++;
		/* Every piece has its attribution, the first its part. */
		in += g->attr[b + p] > 0 &&
		    !(g->part[b + p] & (QG_SRC | QG_CUE));
	}
	return all > 0 && 2 * in >= all;
}

int
quote_keep(struct qpara *c, const struct quotation *qt)
{
	struct quote_rankw	*K = c->q->K;
	uint32_t		 f[KFEAT];
	size_t			 nf;
	int			 keep, gold;

	/* A credit line or a transcript label gives the words to someone. */
	if (K == NULL || (qt->sure && qt->s0 >= 0))
		return 1;
	nf = quote_drop(&K->drop, f, keep_feats(c, qt, f), 1);
	keep = quote_rankw_score(K, f, nf) >= 0;
	if (K->w8 != NULL || c->q->gold == NULL)
		return keep;
	gold = gold_keep(c, qt);
	K->seen++;
	if (keep != gold) {
		K->errs++;
		quote_rankw_update(K, f, nf, gold ? 1 : -1);
	}
	K->c++;
	return keep;
}
