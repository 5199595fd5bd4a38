/*
 * The lexicons of lede-quote in one table keyed by lower-case word, and the
 * tokens of a paragraph with their classes: reporting verb, pronoun, title
 * or role, determiner, possessive, sentence end...
 */
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "lex.h"
#include "quote_priv.h"
#include "swar.h"
#include "utf8.h"

enum { QL_CUES, QL_PRON, QL_ROLES, QL_NAMES, QL_WORDS, QL_ADV, QL_START };

static const struct lede_lex *const qlexicons[LEDE_QUOTE_LEXN] = {
	&lede_lex_quotecues, &lede_lex_quotepron, &lede_lex_quoteroles,
	&lede_lex_quotenames, &lede_lex_quotewords, &lede_lex_quoteadv,
	&lede_lex_starters,
};

#define LEXTAG	0xFFFF0000u	/* hash bits kept in the table */

/* Lower-cases the ASCII letters of the eight bytes of x. */
static inline uint64_t
lower8(uint64_t x)
{
	return x | (lede_range8(x, 'A', 'Z') >> 2);
}

/* The hash of a zero-padded lower-case key of n bytes. */
static inline uint32_t
hash(const union lede_quote_key *u, size_t n)
{
	uint64_t	h;

	h = u->k[0] * 0x9E3779B97F4A7C15u ^ u->k[1] * 0xC2B2AE3D27D4EB4Fu ^
	    u->k[2] * 0x165667B19E3779F9u ^ n;
	h ^= h >> 29;
	h *= 0xBF58476D1CE4E5B9u;
	return (uint32_t)(h >> 32);
}

/* The word of the lower-case key u of n bytes with hash h, or NULL. */
static inline const struct lede_quote_slot *
lex_find(const struct lede_quoter *q, const union lede_quote_key *u,
    size_t n, uint32_t h)
{
	size_t		i = h & q->lexmask;
	uint32_t	e;

	while ((e = q->lexhash[i]) != 0) {
		if (((e ^ h) & LEXTAG) == 0) {
			const struct lede_quote_slot *sl =
			    &q->lexword[(e & ~LEXTAG) - 1];
			if (sl->len == n && sl->key.k[0] == u->k[0] &&
			    sl->key.k[1] == u->k[1] && sl->key.k[2] == u->k[2])
				return sl;
		}
		i = (i + 1) & q->lexmask;
	}
	return NULL;
}

static void
classify_roles(unsigned *f, char *g, const char *cls)
{
	if (strchr(cls, 'r') || strchr(cls, 'o'))
		*f |= I_ROLE;
	if (strchr(cls, 'o'))
		*f |= I_ORG;
	if (strchr(cls, 't'))
		*f |= I_TITLE;
	if (strchr(cls, 'm'))
		*g = 'm';
	else if (strchr(cls, 'f'))
		*g = 'f';
}

/*
 * The class bits and gender the lexicons give a word, capitalised or not,
 * spelt "IT" (a second letter T, two letters) or not.
 */
static void
lex_bits(const struct lede_quote_slot *sl, const char *const *cls_of,
    int cap, int it, uint32_t *fp, char *gp)
{
	const char	*cls;
	unsigned	 f = 0;
	char		 g = 0;

	if ((cls = cls_of[QL_CUES]) != NULL) {
		if (strcmp(cls, "pre") == 0)
			f |= I_PRE;
		else if (!cap && strcmp(cls, "vt") == 0)
			f |= I_THINK;
		else if (!cap)
			f |= strcmp(cls, "ing") == 0 ? I_ING : I_CUE;
		if (!cap && strcmp(cls, "vn") == 0)
			f |= I_NAMING;
	}
	if ((cls = cls_of[QL_PRON]) != NULL) {
		f |= cls[0] == 'w' ? I_WHO | I_STOP : I_PRON;
		g = cls[0];
		if (it)
			f &= ~I_PRON;	/* IT */
	}
	if ((cls = cls_of[QL_ROLES]) != NULL)
		classify_roles(&f, &g, cls);
	if (cap && g == 0 && (cls = cls_of[QL_NAMES]) != NULL)
		g = cls[0];
	if ((cls = cls_of[QL_WORDS]) != NULL) {
		if (strchr(cls, 'd'))
			f |= I_DET;
		if ((strchr(cls, 's') && !cap) || strchr(cls, 'c'))
			f |= I_STOP;
		if (strchr(cls, 't'))
			f |= I_DATE | I_STOP;
		if (strchr(cls, 'n'))
			f |= I_NOUN;
		if (strchr(cls, 'l'))
			f |= I_PAGE;
	}
	if (!cap && cls_of[QL_ADV] != NULL)
		f |= I_ADV;
	if (cap && !(f & (I_DET | I_PRON)) && cls_of[QL_START] != NULL)
		f |= I_STOP;
	if (sl->len == 2 && memcmp(sl->key.w, "of", 2) == 0)
		f |= I_OF;
	*fp = f;
	*gp = g;
}

/*
 * Puts every entry of the lexicons in one table, keyed in lower case, with
 * the class bits each way of writing the word gets.
 */
void
quote_lex_build(struct lede_quoter *q)
{
	struct lede_quote_slot	*sl;
	const struct lede_lex	*lex;
	size_t			 k, i, j, total = 0, x;
	uint32_t		 h;
	union lede_quote_key	 u;
	const char		*(*cls)[LEDE_QUOTE_LEXN];

	for (k = 0; k < LEDE_QUOTE_LEXN; k++)
		total += qlexicons[k]->n;
	for (q->lexmask = 1; q->lexmask < total * 8; q->lexmask <<= 1)
		;
	q->lexhash = lede_xcalloc(q->lexmask, sizeof(*q->lexhash));
	q->lexmask--;
	q->lexword = lede_xcalloc(total, sizeof(*q->lexword));
	/* The classes of each word, while its bits are worked out. */
	cls = lede_xcalloc(total, sizeof(*cls));
	q->nlexword = 0;
	for (k = 0; k < LEDE_QUOTE_LEXN; k++) {
		lex = qlexicons[k];
		for (i = 0; i < lex->n; i++) {
			if (lex->e[i].len == 0 || lex->e[i].len >= sizeof(u))
				continue;
			memset(&u, 0, sizeof(u));
			for (j = 0; j < lex->e[i].len; j++) {
				char ch = lex->e[i].s[j];
				u.w[j] = (char)(ch >= 'A' && ch <= 'Z' ?
				    ch + 32 : ch);
			}
			h = hash(&u, j);
			if ((sl = (struct lede_quote_slot *)lex_find(q, &u, j,
			    h)) == NULL) {
				for (x = h & q->lexmask; q->lexhash[x] != 0;
				    x = (x + 1) & q->lexmask)
					;
				sl = &q->lexword[q->nlexword++];
				q->lexhash[x] = (h & LEXTAG) |
				    (uint32_t)q->nlexword;
				sl->key = u;
				sl->len = (unsigned char)j;
			}
			cls[sl - q->lexword][k] = lex->e[i].cls;
		}
	}
	for (i = 0; i < q->nlexword; i++)
		for (k = 0; k < 4; k++)
			lex_bits(&q->lexword[i], cls[i], k >> 1, k & 1,
			    &q->lexword[i].f[k >> 1][k & 1],
			    &q->lexword[i].g[k >> 1][k & 1]);
	free(cls);
}

/* Byte i of a key of n bytes is kept where keymask[24 - n + i] is set. */
static const char keymask[2 * LEDE_QUOTE_WORDLEN] = {
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
};

/* Do the bytes at e go on " it" and end the word: "put it", not "put in"? */
static int
put_it(const struct qpara *c, size_t e)
{
	unsigned char	ch;

	if (e + 3 > c->n || memcmp(c->s + e, " it", 3) != 0)
		return 0;
	if (e + 3 == c->n)
		return 1;
	ch = (unsigned char)c->s[e + 3];
	return ch >= 0x80 || !(lede_ascii[ch] & (LEDE_C_ALPHA | LEDE_C_DIGIT));
}

/* The eight bytes at s as a number, as keys hold them. */
static inline uint64_t
key8(const char *s)
{
	uint64_t	x;

	memcpy(&x, s, 8);
	return x;
}

static void
classify_word(const struct qpara *c, const struct lede_tok *t, struct qtok *ti)
{
	const struct lede_quote_slot	*sl;
	const char			*p = c->s + t->off;
	size_t				 n = t->len, k, last;
	union lede_quote_key		 u;
	int				 cap, it;

	ti->f |= I_WORD;
	cap = (t->flags & LEDE_TF_CAP) != 0;
	if (cap)
		ti->f |= I_CAP;
	if (n >= sizeof(u))
		return;
	/* The curly apostrophe of "’s" reads as a straight one. */
	if (n == 4 && memcmp(p, "\xe2\x80\x99s", 4) == 0) {
		ti->f |= I_POSS;
		return;
	}
	/*
	 * Lower-cased (ASCII only), eight bytes at a time, loaded from the
	 * text with the bytes past the word masked.
	 */
	if (n <= 8 && c->n - t->off >= 8) {
		/* Most words: one number. */
		uint64_t	x, m;

		memcpy(&x, p, 8);
		memcpy(&m, keymask + sizeof(u) - n, 8);
		u.k[0] = lower8(x & m);
		u.k[1] = u.k[2] = 0;
	} else if (c->n - t->off >= sizeof(u)) {
		uint64_t	x, m;
		const char	*mask = keymask + sizeof(u) - n;

		for (k = 0; k < sizeof(u) / 8; k++) {
			memcpy(&x, p + 8 * k, 8);
			memcpy(&m, mask + 8 * k, 8);
			u.k[k] = lower8(x & m);
		}
	} else {
		memset(&u, 0, sizeof(u));
		memcpy(u.w, p, n);
		for (k = 0; k < sizeof(u) / 8; k++)
			u.k[k] = lower8(u.k[k]);
	}
	/* Possessives, and adverbs in -ly. */
	last = n > 4 ? n - 1 : 4;
	if (u.k[0] == key8("'s\0\0\0\0\0\0") ||
	    u.k[0] == key8("'\0\0\0\0\0\0\0"))
		ti->f |= I_POSS;
	if (!cap && n > 4 && u.w[last] == 'y' && u.w[last - 1] == 'l')
		ti->f |= I_ADV;
	if (!cap && (u.k[0] == key8("put\0\0\0\0\0") ||
	    u.k[0] == key8("puts\0\0\0\0")) && put_it(c, t->off + n))
		ti->f |= I_CUE;	/* "as Jane Roe put it, ..." */
	if ((sl = lex_find(c->q, &u, n, hash(&u, n))) == NULL)
		return;
	it = (n == 2) & (p[n > 1] == 'T');
	ti->f |= sl->f[cap][it];
	if (ti->f & I_NOUN)
		ti->f &= ~(unsigned)I_ADV;
	/* "Watch: ..." ends a phrase, "Human Rights Watch" does not. */
	if ((ti->f & I_PAGE) && t->off + n < c->n && c->s[t->off + n] == ':')
		ti->f |= I_STOP;
	ti->g = sl->g[cap][it];
	if (cap)
		ti->lc = sl->f[0][it] & (I_CUE | I_ING | I_THINK | I_NAMING);
}


/* Classes token t from the lexicons and its punctuation. */
static inline void
classify(const struct qpara *c, const struct lede_tok *t, struct qtok *ti)
{
	if (t->kind == LEDE_TOK_WORD)
		classify_word(c, t, ti);
	else if (t->kind == LEDE_TOK_PUNCT && t->len == 1) {
		char ch = c->s[t->off];
		size_t e = t->off + 1;
		if ((ch == '.' || ch == '?' || ch == '!') &&
		    (e >= c->n || !strchr("),;:", c->s[e])))
			ti->f |= I_END;
		else if (ch == ',')
			ti->f |= I_COMMA;
	}
}

/* Room for sz more bytes at the end of b, taken. */
static inline void *
push(struct lede_buf *b, size_t sz)
{
	void	*r;

	if (b->cap - b->len < sz)
		lede_buf_reserve(b, sz);
	r = b->p + b->len;
	b->len += sz;
	return r;
}

/*
 * The verb of a headline that no lexicon lists: the first capitalised word
 * in -s or -ed right after a person's name ("Mary J. Blige Sings To ...",
 * "Elizabeth Warren Hammered ..."), the name known by its given name; or
 * -1.
 */
static int
headline_verb(const struct qpara *c)
{
	const char	*w;
	size_t		 n;
	int		 i, k;

	for (i = 1; i < c->nt; i++) {
		if (c->t[i].kind != LEDE_TOK_WORD || (c->in[i].f & (I_INQ |
		    I_STOP | I_DET | I_PRON | I_POSS | I_ROLE | I_TITLE)) ||
		    c->in[i].g != 0)
			continue;
		w = c->s + c->t[i].off;
		if ((n = c->t[i].len) < 4 || !(quote_verb_ending(w, n) ||
		    (w[n - 2] == 'e' && w[n - 1] == 'd')))
			continue;
		for (k = i - 1; k >= 0 && i - k <= 4 &&
		    (c->in[k].f & I_CAP) && !(c->in[k].f & (I_INQ | I_STOP));
		    k--)
			if (c->in[k].g == 'm' || c->in[k].g == 'f')
				return i;
	}
	return -1;
}

/*
 * Is the paragraph in headline case ("Clinton Says The Blame Was
 * Unfair"): four words or more, and every word of four letters or more
 * capitalised?  Then its capitalised verbs of saying are verbs.
 */
static void
headline_case(struct qpara *c)
{
	struct lede_quoter	*q = c->q;
	int			 i, v, words = 0, lc = 0;

	for (i = 0; i < c->nt; i++) {
		if (c->t[i].kind != LEDE_TOK_WORD || (c->in[i].f & I_INQ))
			continue;
		words++;
		if (c->t[i].len >= 4 && !(c->in[i].f & I_CAP))
			return;
		lc |= c->in[i].lc != 0;
	}
	if (words < 4)
		return;
	c->headline = 1;
	if (!lc && (v = headline_verb(c)) >= 0) {
		c->in[v].lc |= I_CUE;
		lc = 1;
	}
	if (!lc)
		return;
	q->cuet.len = 0;
	for (i = 0; i < c->nt; i++) {
		c->in[i].f |= c->in[i].lc;
		if (c->in[i].f & (I_CUE | I_ING | I_PRE | I_THINK))
			memcpy(push(&q->cuet, sizeof(i)), &i, sizeof(i));
	}
}

void
quote_tokenize(struct qpara *c)
{
	struct lede_quoter	*q = c->q;
	struct lede_tokenizer	 tz;
	struct lede_tok		*t;
	struct qtok		*ti;
	const struct lede_ent	*per = (const void *)q->per.p;
	size_t			 np = q->per.len / sizeof(*per), k = 0;

	q->toks.len = q->info.len = q->namet.len = q->cuet.len = 0;
	lede_tok_init(&tz, c->s, c->n);
	/* Each token is scanned straight into its place. */
	for (;;) {
		t = push(&q->toks, sizeof(*t));
		if (!lede_tok_next(&tz, t)) {
			q->toks.len -= sizeof(*t);
			break;
		}
		while (k < np && (per[k].type != LEDE_ENT_PER ||
		    per[k].off + per[k].len <= t->off))
			k++;
		ti = push(&q->info, sizeof(*ti));
		memset(ti, 0, sizeof(*ti));
		ti->f = k < np && per[k].off <= t->off ? I_PER : 0;
		ti->q = -1;
		classify(c, t, ti);
		/* The tokens quote_learn_names() and quote_indirect() see. */
		if ((ti->f & I_PER) || ((ti->f & I_CAP) && (ti->g == 'm' ||
		    ti->g == 'f') && !(ti->f & NOT_NAME))) {
			int at = (int)(q->toks.len / sizeof(*t)) - 1;
			memcpy(push(&q->namet, sizeof(at)), &at, sizeof(at));
		}
		if (ti->f & (I_CUE | I_ING | I_PRE | I_THINK)) {
			int at = (int)(q->toks.len / sizeof(*t)) - 1;
			memcpy(push(&q->cuet, sizeof(at)), &at, sizeof(at));
		}
	}
	c->t = (struct lede_tok *)(void *)q->toks.p;
	c->in = (struct qtok *)(void *)q->info.p;
	c->nt = (int)(q->toks.len / sizeof(*t));
	headline_case(c);
}

/*
 * The hash of the first 32 of n bytes at s in lower case (ASCII letters):
 * the word features of the cue tagger and the speaker ranker.
 */
uint32_t
quote_hash_lower(const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	uint32_t		 h = 2166136261u;
	size_t			 k;

	if (n > 32)
		n = 32;
	for (k = 0; k < n; k++) {
		unsigned ch = p[k];

		if (ch - 'A' < 26)
			ch += 32;
		h = (h ^ ch) * 16777619u;
	}
	return h;
}
