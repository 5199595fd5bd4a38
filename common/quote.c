/*
 * Quotations and their speakers.
 *
 * Each paragraph is taken apart in four passes.  The inline tags of lede-tag
 * output are removed (PER spans kept as hints); the quotation marks are
 * paired, straight marks and '' alternating as the corpora do, curly marks
 * by their direction, and never past the end of the paragraph unless the
 * next one reopens; the paragraph is tokenized and each token classed from
 * the lexicons (reporting verb, pronoun, title or role, determiner...); then
 * each quotation looks for its speaker: a reporting verb right after it
 * ("..., Murphy said", "..., said Murphy"), else before it ("Murphy said:"),
 * else the speaker of a quote next to it, of a cue elsewhere in the
 * paragraph, or of the quote before it when the paragraph carries on a
 * quotation.  Speakers are noun phrases grown around the verb: names with
 * their titles, roles and appositions, pronouns, descriptions ("the
 * ministry").  Names seen in the document resolve surnames and pronouns.
 * Reported speech ("X said that ...") is found from the same verbs.
 */
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "lex.h"
#include "quote.h"
#include "swar.h"
#include "tok.h"
#include "utf8.h"

#define I_WORD	0x0001
#define I_CAP	0x0002
#define I_CUE	0x0004	/* finite reporting verb */
#define I_ING	0x0008	/* participle: "adding" */
#define I_PRE	0x0010	/* "according" (to) */
#define I_PRON	0x0020
#define I_ROLE	0x0040
#define I_TITLE	0x0080
#define I_DET	0x0100
#define I_ADV	0x0200
#define I_STOP	0x0400	/* function word: ends a noun phrase */
#define I_INQ	0x0800	/* inside a quotation, marks included */
#define I_END	0x1000	/* sentence end outside quotations */
#define I_PER	0x2000	/* inside a PER tag */
#define I_POSS	0x4000	/* 's */
#define I_ORG	0x8000	/* a body: "ministry" */
#define I_COMMA	0x10000
#define I_WHO	0x20000
#define I_OF	0x40000	/* of, for: inside names of offices */
#define I_DATE	0x80000	/* weekday or month */
#define I_NAMING 0x100000	/* quotes without reporting: "called" */
#define I_THINK	0x200000	/* reports thoughts only: "believes" */

#define NPMAX	12	/* tokens in a speaker phrase */
#define APPOS	40	/* tokens looked back over an apposition */
#define TAILCUE	30	/* tokens looked ahead for a cue */
#define REACH	200	/* tokens any search goes from its start */

struct tinfo {
	unsigned	f;
	int		q;	/* the quotation it is in, or -1 */
	char		g;	/* gender class of the word, or 0 */
};

/* A quotation of the current paragraph. */
struct qt {
	size_t	os, oe;		/* marks included */
	size_t	is, ie;		/* the quoted words */
	int	t0, t1;		/* its tokens [t0, t1) */
	int	words;
	int	cont;		/* goes on from the paragraph before */
	int	open;		/* still open at the end of the paragraph */
	int	s0, s1, cue;	/* speaker tokens, cue token, or -1 */
	int	strong;		/* the speaker comes with its own cue */
	int	mixed;
	char	spk[LEDE_QUOTE_NAMELEN];
	char	name[LEDE_QUOTE_NAMELEN];
	char	cuew[32];
};

/* The working view of one paragraph. */
struct ctx {
	struct lede_quoter	*q;
	const char		*s;
	size_t			 n;
	struct lede_tok		*t;
	struct tinfo		*in;
	int			 nt;
	struct qt		*qs;
	int			 nq;
};

/* Is token i the n bytes at w? */
static inline int
is_n(const struct ctx *c, int i, const char *w, size_t n)
{
	return i >= 0 && i < c->nt && c->t[i].len == n &&
	    c->s[c->t[i].off] == w[0] &&
	    memcmp(c->s + c->t[i].off, w, n) == 0;
}

/* Is token i the string literal w? */
#define is(c, i, w)	is_n((c), (i), "" w, sizeof(w) - 1)

static unsigned
F(const struct ctx *c, int i)
{
	return i >= 0 && i < c->nt ? c->in[i].f : 0;
}

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
static void
build_lexhash(struct lede_quoter *q)
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

/* The eight bytes at s as a number, as keys hold them. */
static inline uint64_t
key8(const char *s)
{
	uint64_t	x;

	memcpy(&x, s, 8);
	return x;
}

static void
classify_word(const struct ctx *c, const struct lede_tok *t, struct tinfo *ti)
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
	if ((sl = lex_find(c->q, &u, n, hash(&u, n))) == NULL)
		return;
	it = (n == 2) & (p[n > 1] == 'T');
	ti->f |= sl->f[cap][it];
	ti->g = sl->g[cap][it];
}

/* Classes token t from the lexicons and its punctuation. */
static inline void
classify(const struct ctx *c, const struct lede_tok *t, struct tinfo *ti)
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

/*
 * Pairing the marks.
 */

enum mark { M_OPEN, M_CLOSE, M_TOGGLE, M_TOGGLE2 };

/* The quotation mark at p: its kind and length, or 0. */
static size_t
mark_at(const char *s, size_t n, size_t p, enum mark *k, int open)
{
	const unsigned char *u = (const unsigned char *)s + p;
	size_t	r;

	if (u[0] == '"') {
		*k = M_TOGGLE;
		return 1;
	}
	if (u[0] == '\'' && p + 1 < n && u[1] == '\'') {
		for (r = 0; p + r < n && s[p + r] == '\''; r++)
			;
		*k = M_TOGGLE2;
		/* ''' opens with '' and a single, closes the other way. */
		return open ? r : 2;
	}
	if (u[0] == '`' && p + 1 < n && u[1] == '`') {
		*k = M_OPEN;
		return 2;
	}
	if (u[0] == 0xE2 && p + 2 < n && u[1] == 0x80) {
		if (u[2] == 0x9C || u[2] == 0x9E) {
			*k = M_OPEN;
			return 3;
		}
		if (u[2] == 0x9D) {
			*k = M_CLOSE;
			return 3;
		}
	}
	return 0;
}

static int
space_before(const char *s, size_t p)
{
	unsigned char ch;

	if (p == 0)
		return 1;
	ch = (unsigned char)s[p - 1];
	return ch == ' ' || ch == '\n' || ch == '\t' || ch == '(' ||
	    ch == '[' || ch == '-' || ch == 0x94 /* end of a dash */;
}

static int
word_after(const char *s, size_t n, size_t p)
{
	unsigned char ch;

	if (p >= n)
		return 0;
	ch = (unsigned char)s[p];
	return ch >= 0x80 || (ch >= '0' && ch <= '9') ||
	    ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z');
}

/*
 * The words of s: runs between spaces, tabs and newlines with a letter or
 * digit in them (any non-ASCII byte counts as one).  Counted without
 * branches: alnum says the run so far has one.
 */
static int
count_words(const char *s, size_t n)
{
	size_t		i;
	int		w = 0;
	unsigned	alnum = 0;

	for (i = 0; i < n; i++) {
		unsigned ch = (unsigned char)s[i];
		unsigned sp = (ch == ' ') | (ch == '\n') | (ch == '\t');
		unsigned an = (ch >= 0x80) | (ch - '0' < 10) |
		    ((ch | 0x20) - 'a' < 26);

		w += (int)(sp & alnum);
		alnum = (sp ^ 1) & (alnum | an);
	}
	return w + (int)alnum;
}

static void
add_quote(struct lede_quoter *q, size_t os, size_t is, size_t ie, size_t oe,
    int cont, int open)
{
	struct qt	qt;

	memset(&qt, 0, sizeof(qt));
	qt.os = os;
	qt.is = is;
	qt.ie = ie;
	qt.oe = oe;
	qt.cont = cont;
	qt.open = open;
	qt.s0 = qt.s1 = qt.cue = -1;
	lede_buf_add(&q->quotes, &qt, sizeof(qt));
}

/* Does the paragraph open with a quotation mark? */
static int
starts_open(const char *s, size_t n)
{
	enum mark	k;
	size_t		p = 0;

	while (p < n && (s[p] == ' ' || s[p] == '\t' || s[p] == '\n'))
		p++;
	return p < n && mark_at(s, n, p, &k, 0) > 0 && k != M_CLOSE;
}

/* Can a quotation mark start with byte b? */
static inline int
mark_byte(char b)
{
	return b == '"' || b == '\'' || b == '`' || b == '\xe2';
}

/* Is any of the eight bytes at s one that can start a mark? */
static inline int
mark_in8(const char *s)
{
	uint64_t	x = lede_load_le(s);

	return (lede_eq8(x, '"') | lede_eq8(x, '\'') | lede_eq8(x, '`') |
	    lede_eq8(x, 0xE2)) != 0;
}

/*
 * Pairs the marks of the paragraph into q->quotes.  A quotation left open
 * at the end runs to the end of the paragraph (marked open).
 */
static void
scan_quotes(struct lede_quoter *q, const char *s, size_t n, int cont)
{
	enum mark	k;
	size_t		p = 0, len, os = 0, is = 0;
	int		open = 0, first = cont;

	if (cont) {
		/* The reopening mark belongs to the text, as in the corpora. */
		while (p < n && (s[p] == ' ' || s[p] == '\t' || s[p] == '\n'))
			p++;
		len = mark_at(s, n, p, &k, 0);
		open = 1;
		os = is = p;
		p += len;
	}
	while (p < n) {
		if (!mark_byte(s[p])) {
			/* Eight bytes at a time while none can start a mark. */
			while (p + 8 <= n && !mark_in8(s + p))
				p += 8;
			while (p < n && !mark_byte(s[p]))
				p++;
			continue;
		}
		if ((len = mark_at(s, n, p, &k, open)) == 0) {
			p++;
			continue;
		}
		if (!open) {
			if (k != M_CLOSE || (space_before(s, p) &&
			    word_after(s, n, p + len))) {
				open = 1;
				os = p;
				is = p + len;
			}
		} else if (k != M_OPEN || !space_before(s, p) ||
		    !word_after(s, n, p + len)) {
			if (k == M_TOGGLE2 && len > 2) {
				p += len - 2;	/* a single mark, then '' */
				len = 2;
			}
			add_quote(q, os, is, p, p + len, first, 0);
			first = open = 0;
		} else {
			os = p;		/* the earlier mark was stray */
			is = p + len;
		}
		p += len;
	}
	if (open) {
		len = n;
		while (len > is && (s[len - 1] == '\n' || s[len - 1] == ' '))
			len--;
		add_quote(q, os, is, len, len, first, 1);
	}
}

/*
 * Noun phrases around a reporting verb.
 */

/* Can token i continue a name or title leftwards/rightwards? */
static int
name_part(const struct ctx *c, int i)
{
	unsigned f = F(c, i);

	if (!(f & I_WORD) || (f & I_INQ))
		return 0;
	if ((f & (I_PER | I_CAP)) == (I_PER | I_CAP))
		return 1;	/* a name by lede-tag's reckoning */
	if (f & (I_PRON | I_DATE))
		return 0;
	if (f & (I_TITLE | I_ROLE))
		return 1;
	return (f & I_CAP) && !(f & I_STOP);
}

/* Does "who" or "which" stand between token s0 and the comma before it? */
static int
in_relative(const struct ctx *c, int s0, int lo)
{
	int	k;

	for (k = s0 - 1; k >= lo && k > s0 - 12 &&
	    !(F(c, k) & (I_COMMA | I_END | I_INQ)); k--)
		if (F(c, k) & I_WHO)
			return 1;
	return 0;
}

/*
 * The phrase ending at token i, not before lo: *s0..*s1.  Returns 1 if one
 * was found.
 */
static int
np_left(const struct ctx *c, int i, int lo, int *s0, int *s1, int depth)
{
	int	j, k, n;

	while (i >= lo && (F(c, i) & I_ADV) && !(F(c, i) & I_CAP))
		i--;
	if (i < lo || (F(c, i) & I_INQ))
		return 0;
	if (is(c, i, ")")) {
		/* "Sen. Jane Doe (D-Ore.) said": the party stays with her. */
		for (j = i - 1; j >= lo && j > i - 8 && !is(c, j, "("); j--)
			;
		if (j < lo || !is(c, j, "(") ||
		    !np_left(c, j - 1, lo, s0, s1, depth + 1))
			return 0;
		if (F(c, *s1) & I_CAP)
			*s1 = i;
		return 1;
	}
	if ((F(c, i) & I_COMMA) && depth < 3) {
		/* An apposition: "Jane Doe, a spokeswoman, said". */
		for (j = i - 1; j >= lo && j > i - APPOS; j--) {
			if (F(c, j) & (I_INQ | I_END))
				return 0;
			if ((F(c, j) & I_COMMA) &&
			    np_left(c, j - 1, lo, s0, s1, depth + 1)) {
				/*
				 * Inside a relative clause of the apposition
				 * ("..., who heads the committee, which ...,
				 * said"): the speaker is further back.
				 */
				if (in_relative(c, *s0, lo))
					continue;
				/* "the assailant, John McGraw, said" */
				if (!(F(c, *s1) & (I_CAP | I_PRON)) &&
				    (F(c, i - 1) & I_CAP) && i - j < 6)
					*s1 = i - 1;
				return 1;
			}
		}
		return 0;
	}
	if (F(c, i) & I_WHO) {
		*s0 = *s1 = i;	/* the relative, as written */
		return i > lo;
	}
	if (F(c, i) & I_PRON) {
		*s0 = *s1 = i;
		return 1;
	}
	if (!(F(c, i) & I_WORD) ||
	    (F(c, i) & (I_STOP | I_CUE | I_ING | I_DATE | I_DET)))
		return 0;
	*s1 = i;
	j = i;
	if (name_part(c, i)) {
		while (j - 1 >= lo && i - j < NPMAX &&
		    (name_part(c, j - 1) || ((F(c, j - 1) & I_POSS) &&
		    name_part(c, j - 2)) || ((F(c, j - 1) & I_OF) &&
		    name_part(c, j - 2) && (F(c, j) & I_CAP))))
			j--;
	}
	/* Lower-case words back to a determiner: "a senior aide". */
	for (k = j - 1, n = 0; k >= lo && n < 4; k--, n++) {
		if (F(c, k) & I_DET) {
			j = k;
			break;
		}
		if (!(F(c, k) & I_WORD) ||
		    (F(c, k) & (I_STOP | I_CUE | I_ING | I_PRON | I_INQ))) {
			/* "..., former officials said": back to the comma. */
			if ((F(c, i) & I_ROLE) && n > 0 && (F(c, k) & I_COMMA))
				j = k + 1;
			break;
		}
		/* "Multiple outlets reported": the clause starts there. */
		if (k == lo && (F(c, k) & I_CAP) && n < 2) {
			j = k;
			break;
		}
	}
	if (j == i && !(F(c, i) & (I_CAP | I_ROLE)))
		return 0;	/* a bare lower-case word: not a speaker */
	*s0 = j;
	return 1;
}

/*
 * Does lower-case word j look like the verb after the noun j - 1?  Past
 * forms ("pointed") and a singular noun followed by an -s form ("the
 * email goes") do.
 */
static int
looks_verb(const struct ctx *c, int p, int j)
{
	const char	*w = c->s + c->t[j].off, *x = c->s + c->t[p].off;
	size_t		 n = c->t[j].len, m = c->t[p].len;

	if ((F(c, j) & I_CAP) || n < 3)
		return 0;
	if (w[n - 2] == 'e' && w[n - 1] == 'd')
		return 1;
	return w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != '\'' &&
	    m > 2 && x[m - 1] != 's' && (F(c, p) & I_WORD);
}

/* A lower-case word that may stand inside a description. */
static int
plain_word(const struct ctx *c, int i)
{
	unsigned f = F(c, i);

	return (f & I_WORD) && !(f & (I_CAP | I_STOP | I_CUE | I_ING |
	    I_INQ | I_ROLE | I_DATE | I_PRON | I_DET | I_POSS));
}

/* The phrase starting at token i, not past hi. */
static int
np_right(const struct ctx *c, int i, int hi, int *s0, int *s1)
{
	int	j, n;

	if (i > hi || (F(c, i) & I_INQ))
		return 0;
	if (F(c, i) & I_PRON) {
		*s0 = *s1 = i;
		return 1;
	}
	*s0 = i;
	if (F(c, i) & I_DET) {
		for (j = i + 1, n = 0; j <= hi && n < 5; j++, n++) {
			if (!(F(c, j) & I_WORD) ||
			    (F(c, j) & (I_STOP | I_CUE | I_ING | I_INQ |
			    I_WHO | I_DATE)))
				break;
			if ((F(c, j) & I_ROLE) && !name_part(c, j + 1)) {
				j++;	/* the head: "the campaign" */
				break;
			}
			if (j > i + 1 && looks_verb(c, j - 1, j))
				break;	/* "the email goes" */
		}
		if (j == i + 1)
			return 0;
		*s1 = j - 1;
		return 1;
	}
	/* "former Utah governor Michael Leavitt", "retired Army Gen." */
	for (n = 0; n < 2 && i + n < hi && (F(c, i + n) & I_WORD) &&
	    !(F(c, i + n) & (I_CAP | I_STOP | I_CUE | I_ING | I_INQ |
	    I_ROLE | I_DATE | I_ADV)); n++)
		;
	if (n > 0 && (F(c, i + n) & I_CAP) && name_part(c, i + n))
		i += n;
	if (!name_part(c, i))
		return 0;
	for (j = i + 1; j <= hi && j - i < NPMAX; j++) {
		if (name_part(c, j))
			continue;
		/* "Democratic presidential candidate Bernie Sanders" */
		for (n = 0; n < 2 && j + n <= hi && plain_word(c, j + n); n++)
			;
		if (n > 0 && (F(c, j + n) & I_ROLE) && !(F(c, j + n) & I_CAP)) {
			j += n;
			continue;
		}
		if ((F(c, j) & I_POSS) && name_part(c, j + 1))
			continue;
		if ((F(c, j) & I_OF) && (F(c, j + 1) & I_CAP) &&
		    name_part(c, j + 1) && (F(c, j - 1) & (I_ROLE | I_CAP)))
			continue;
		break;
	}
	*s1 = j - 1;
	if (is(c, j, "(") && (F(c, j - 1) & I_CAP))
		for (n = j + 1; n <= hi && n < j + 8; n++)
			if (is(c, n, ")")) {
				*s1 = n;
				break;
			}
	return 1;
}

/* The subject of the clause lo..hi: its first name, pronoun or phrase. */
static int
subject(const struct ctx *c, int lo, int hi, int *s0, int *s1)
{
	int	i, j;

	if ((F(c, lo) & I_STOP) && !(F(c, lo) & (I_PRON | I_DET)))
		for (j = lo + 1; j <= hi && j < lo + 15; j++) {
			if (F(c, j) & (I_INQ | I_END))
				break;
			if (F(c, j) & I_COMMA) {
				lo = j + 1;
				break;
			}
		}
	for (i = lo; i <= hi && i < lo + 8; i++) {
		if (F(c, i) & I_INQ)
			return 0;
		if ((F(c, i) & (I_PRON | I_DET)) || name_part(c, i))
			return np_right(c, i, hi, s0, s1);
		if (F(c, i) & (I_CUE | I_ING))
			return 0;
	}
	return 0;
}

/* The speaker of the reporting verb at token v, the clause being lo..hi. */
static int
speaker_of(const struct ctx *c, int v, int lo, int hi, int *s0, int *s1)
{
	int	i;

	if (F(c, v) & I_PRE)
		return is(c, v + 1, "to") && np_right(c, v + 2, hi, s0, s1);
	if (F(c, v) & I_ING) {
		if ((F(c, v - 1) & I_CAP) && v - 1 >= lo &&
		    np_left(c, v - 1, lo, s0, s1, 0))
			return 1;	/* "footage of Hillary Clinton asking" */
		for (i = v - 1; i >= lo; i--)
			if ((F(c, i) & I_CUE) &&
			    np_left(c, i - 1, lo, s0, s1, 0))
				return 1;
		/* "..., X rallied supporters, saying" */
		for (i = v - 2; i > lo && !(F(c, i) & I_COMMA); i--)
			;
		if (i > lo && subject(c, i + 1, v - 1, s0, s1) &&
		    (F(c, *s1) & (I_CAP | I_PRON)))
			return 1;
		return subject(c, lo, v - 1, s0, s1);
	}
	if (np_left(c, v - 1, lo, s0, s1, 0))
		return 1;
	if ((v - 1 < lo || (F(c, v - 1) & (I_COMMA | I_INQ)) ||
	    c->t[v - 1].kind == LEDE_TOK_QUOTE ||
	    c->t[v - 1].kind == LEDE_TOK_DASH) &&
	    np_right(c, v + 1, hi, s0, s1))
		return 1;
	if (is(c, v - 1, "and") || (F(c, v - 1) & I_ADV))
		return subject(c, lo, v - 1, s0, s1);
	return 0;
}

/* The clause around token i: from the sentence start to its end. */
static void
clause(const struct ctx *c, int i, int *lo, int *hi)
{
	int	j;

	for (j = i; j > 0 && j > i - REACH && !(F(c, j - 1) & I_END); j--)
		;
	*lo = j;
	for (j = i; j < c->nt - 1 && j < i + REACH && !(F(c, j) & I_END); j++)
		;
	*hi = j;
}

/*
 * Speakers of quotations.
 */

static void
set_speaker(struct qt *qt, int s0, int s1, int cue, int strong)
{
	qt->s0 = s0;
	qt->s1 = s1;
	qt->cue = cue;
	qt->strong = strong;
}

/* The speaker named in the words after the quotation. */
static int
from_tail(const struct ctx *c, struct qt *qt, int *media, int *near)
{
	int	i, v, lo, hi, s0, s1, first, ended;

	lo = qt->t1;
	for (hi = lo; hi < c->nt && hi < lo + REACH && !(F(c, hi) & I_INQ) &&
	    !(F(c, hi) & I_END); hi++)
		;
	hi--;
	/* The first word after the marks and punctuation. */
	for (first = lo; first <= hi && c->t[first].kind != LEDE_TOK_WORD;
	    first++)
		;
	ended = qt->ie > qt->is && strchr(".?!", c->s[qt->ie - 1]) != NULL;
	for (i = lo; i <= hi && i < lo + TAILCUE; i++) {
		if (!(F(c, i) & (I_CUE | I_PRE)))
			continue;
		v = i;
		if (!speaker_of(c, v, lo, hi, &s0, &s1))
			continue;
		/*
		 * After a quotation that ends its sentence, only a short
		 * attribution belongs to it ("Trump said."), not the next
		 * sentence ("He said he would ...").
		 */
		if (ended && (hi - (s1 > v ? s1 : v) > 6 ||
		    (hi + 1 < c->nt && (F(c, hi + 1) & I_INQ))))
			return 0;
		set_speaker(qt, s0, s1, v, 1);
		*media = is(c, v, "reported") || is(c, v, "reports");
		*near = s0 == first || v == first;
		return 1;
	}
	return 0;
}

/* The speaker named in the words before the quotation. */
static int
from_head(const struct ctx *c, struct qt *qt)
{
	int	i, v, lo, s0, s1;

	for (lo = qt->t0; lo > 0 && lo > qt->t0 - REACH &&
	    !(F(c, lo - 1) & (I_INQ | I_END)); lo--)
		;
	for (i = qt->t0 - 1; i >= lo; i--) {
		if (!(F(c, i) & (I_CUE | I_ING | I_PRE)))
			continue;
		if (speaker_of(c, i, lo, qt->t0 - 1, &s0, &s1)) {
			/* "X told reporters ..., adding": the cue is "told". */
			for (v = s1 + 1; (F(c, i) & I_ING) && v < i; v++)
				if (F(c, v) & I_CUE) {
					i = v;
					break;
				}
			set_speaker(qt, s0, s1, i, 1);
			return 1;
		}
	}
	/* No verb of saying: the subject of the last part of the clause. */
	if (qt->t0 - lo < 3)
		return 0;
	for (i = qt->t0 - 2; i > lo && !(F(c, i) & I_COMMA); i--)
		;
	if (F(c, i) & I_COMMA)
		lo = i + 1;
	if (subject(c, lo, qt->t0 - 1, &s0, &s1) &&
	    (F(c, s1) & (I_CAP | I_PRON))) {
		set_speaker(qt, s0, s1, -1, 1);
		return 1;
	}
	return 0;
}

/* A reporting verb anywhere else in the paragraph, before or after. */
static int
from_para(const struct ctx *c, struct qt *qt, int dir)
{
	int	i, lo, hi, s0, s1;

	int	from = dir < 0 ? qt->t0 - 1 : qt->t1;

	for (i = from; i >= 0 && i < c->nt && abs(i - from) < REACH;
	    i += dir) {
		if (!(F(c, i) & (I_CUE | I_PRE)) || (F(c, i) & I_INQ))
			continue;
		clause(c, i, &lo, &hi);
		if (speaker_of(c, i, lo, hi, &s0, &s1)) {
			set_speaker(qt, s0, s1, i, 0);
			return 1;
		}
	}
	return 0;
}

static void
copy_tokens(const struct ctx *c, int s0, int s1, char *out, size_t sz)
{
	size_t	a, b;

	out[0] = '\0';
	if (s0 < 0)
		return;
	a = c->t[s0].off;
	b = c->t[s1].off + c->t[s1].len;
	if (b - a >= sz)
		b = a + sz - 1;
	while (b > a && (c->s[b - 1] & 0xC0) == 0x80 && b - a == sz - 1)
		b--;	/* never cut a character */
	memcpy(out, c->s + a, b - a);
	out[b - a] = '\0';
	for (a = 0; out[a]; a++)
		if (out[a] == '\n' || out[a] == '\t')
			out[a] = ' ';
}

/*
 * Names in the document.
 */

static struct lede_quote_name *
name_find_last(struct lede_quoter *q, const char *w, size_t n)
{
	struct lede_quote_name	*best = NULL;
	int			 i;
	size_t			 l;

	for (i = 0; i < q->nnames; i++) {
		l = strlen(q->names[i].s);
		if (l > n && q->names[i].s[l - n - 1] == ' ' &&
		    memcmp(q->names[i].s + l - n, w, n) == 0 &&
		    (best == NULL || q->names[i].seen > best->seen))
			best = &q->names[i];
	}
	return best;
}

static struct lede_quote_name *
name_add(struct lede_quoter *q, const char *s, char g)
{
	struct lede_quote_name	*e = NULL;
	int			 i, old = 0;

	for (i = 0; i < q->nnames; i++)
		if (strcmp(q->names[i].s, s) == 0)
			e = &q->names[i];
	if (e == NULL) {
		if (q->nnames < LEDE_QUOTE_NAMES)
			e = &q->names[q->nnames++];
		else {
			for (i = 1; i < q->nnames; i++)
				if (q->names[i].seen < q->names[old].seen)
					old = i;
			e = &q->names[old];
		}
		memset(e, 0, sizeof(*e));
		strlcpy(e->s, s, sizeof(e->s));
	}
	if (g)
		e->gender = g;
	e->seen = ++q->clock;
	return e;
}

/* The most recent speaker a pronoun of class g can refer to. */
static struct lede_quote_name *
name_for_pronoun(struct lede_quoter *q, char g)
{
	struct lede_quote_name	*best = NULL;
	int			 i;

	for (i = 0; i < q->nnames; i++) {
		struct lede_quote_name *e = &q->names[i];
		int ok;

		if (g == 'm' || g == 'f')
			ok = e->gender == g ||
			    (e->gender == 0 && strchr(e->s, ' ') != NULL);
		else
			ok = e->gender == 'o';
		if (ok && (best == NULL || e->seen > best->seen))
			best = e;
	}
	return best;
}

/* Resolves the phrase s0..s1 into name (size LEDE_QUOTE_NAMELEN). */
static void
resolve(struct ctx *c, int s0, int s1, char *name)
{
	struct lede_quoter	*q = c->q;
	struct lede_quote_name	*e;
	int			 i, j;
	char			 g = 0;

	name[0] = '\0';
	if (s0 < 0)
		return;
	if (s0 == s1 && (F(c, s0) & I_WHO) && s0 >= 2 &&
	    np_left(c, s0 - 2, 0, &i, &j, 1)) {
		resolve(c, i, j, name);
		return;
	}
	if (s0 == s1 && (F(c, s0) & I_PRON)) {
		g = c->in[s0].g;
		if (g == 's')
			return;
		if ((e = name_for_pronoun(q, g)) != NULL) {
			strlcpy(name, e->s, LEDE_QUOTE_NAMELEN);
			if (e->gender == 0)
				e->gender = g;
			name_add(q, e->s, 0);
		}
		return;
	}
	if (is(c, s1, ")"))
		while (s1 > s0 && !is(c, s1, "("))
			s1--;
	if (is(c, s1, "(") && s1 > s0)
		s1--;
	/* The name: the capitalised words at the end of the phrase. */
	for (j = s1; j >= s0 && (F(c, j) & I_CAP) &&
	    !(F(c, j) & (I_TITLE | I_ROLE | I_STOP | I_POSS)) &&
	    s1 - j < 4; j--)
		;
	for (i = s0; i <= s1; i++)
		if (c->in[i].g == 'm' || c->in[i].g == 'f')
			if (g == 0)
				g = c->in[i].g;
	if (j == s1) {
		/* A description or a body: "the ministry". */
		copy_tokens(c, s0, s1, name, LEDE_QUOTE_NAMELEN);
		if (F(c, s1) & (I_ORG | I_CAP))
			name_add(q, name, 'o');
		return;
	}
	if (j + 1 == s1) {
		/* A surname alone: the full name used earlier. */
		if ((e = name_find_last(q, c->s + c->t[s1].off,
		    c->t[s1].len)) != NULL) {
			strlcpy(name, e->s, LEDE_QUOTE_NAMELEN);
			name_add(q, e->s, g);
			return;
		}
		copy_tokens(c, s1, s1, name, LEDE_QUOTE_NAMELEN);
		name_add(q, name, g);
		return;
	}
	copy_tokens(c, j + 1, s1, name, LEDE_QUOTE_NAMELEN);
	name_add(q, name, g);
}

#define NOT_NAME (I_TITLE | I_ROLE | I_STOP | I_POSS | I_PRON | I_DET | I_ORG)

/* A name seen in the text but not as a speaker: known for surnames only. */
static void
name_mention(struct lede_quoter *q, const char *s, char g)
{
	int	i;

	for (i = 0; i < q->nnames; i++)
		if (strcmp(q->names[i].s, s) == 0)
			return;
	if (q->nnames < LEDE_QUOTE_NAMES) {
		struct lede_quote_name *e = &q->names[q->nnames++];

		memset(e, 0, sizeof(*e));
		strlcpy(e->s, s, sizeof(e->s));
		e->gender = g;
	}
}

/*
 * Full names in the paragraph, remembered for surnames: those tagged PER
 * by lede-tag, and in untagged text a known given name followed by one or
 * two capitalised words ("Rex Tillerson", "Mary Ann Cole").
 */
static void
learn_names(struct ctx *c)
{
	const int	*at = (const int *)(void *)c->q->namet.p;
	size_t		 k, nat = c->q->namet.len / sizeof(*at);
	int		 i, j, next = 0;
	char		 buf[LEDE_QUOTE_NAMELEN];

	/* Only the tokens tokenize() found may start a name. */
	for (k = 0; k < nat; k++) {
		if ((i = at[k]) < next)
			continue;
		if (F(c, i) & I_PER) {
			for (j = i; j + 1 < c->nt && (F(c, j + 1) & I_PER); j++)
				;
			if (j > i && (F(c, j) & I_CAP)) {
				copy_tokens(c, i, j, buf, sizeof(buf));
				name_add(c->q, buf, c->in[i].g);
			}
			next = j + 1;
			continue;
		}
		for (j = i; j + 1 < c->nt && j - i < 2 &&
		    (F(c, j + 1) & I_CAP) && !(F(c, j + 1) & NOT_NAME); j++)
			;
		if (j > i) {
			copy_tokens(c, i, j, buf, sizeof(buf));
			name_mention(c->q, buf, c->in[i].g);
		}
		next = j + 1;
	}
}

/*
 * Records.
 */

static size_t
arena_add(struct lede_quoter *q, const char *s, size_t n)
{
	size_t	off = q->arena.len;

	lede_buf_add(&q->arena, s, n);
	return off;
}

static void
rec_add(struct lede_quoter *q, size_t start, size_t end,
    enum lede_quote_kind kind, const char *text, size_t tl, const char *spk,
    const char *name, const char *cue)
{
	struct lede_quote_rec	r;

	r.start = start;
	r.end = end;
	r.kind = kind;
	r.ql = tl;
	r.q = arena_add(q, text, tl);
	r.spl = strlen(spk);
	r.sp = arena_add(q, spk, r.spl);
	r.nml = strlen(name);
	r.nm = arena_add(q, name, r.nml);
	r.cul = strlen(cue);
	r.cu = arena_add(q, cue, r.cul);
	lede_buf_add(&q->recs, &r, sizeof(r));
}

static void
flush_pending(struct lede_quoter *q)
{
	size_t	n = q->pend.len;

	if (!q->pending)
		return;
	while (n > 0 && (q->pend.p[n - 1] == '\n' || q->pend.p[n - 1] == ' '))
		n--;
	if (count_words(q->pend.p, n) >= 3)
		rec_add(q, q->pstart, q->pstart + n, LEDE_QUOTE_DIRECT,
		    q->pend.p, n, q->pspk, q->pname, q->pcue);
	q->pending = 0;
	q->pend.len = 0;
}

void
lede_quote_init(struct lede_quoter *q, size_t cap)
{
	memset(q, 0, sizeof(*q));
	q->cap = cap ? cap : (size_t)1 << 20;
	build_lexhash(q);
}

void
lede_quote_doc(struct lede_quoter *q)
{
	q->pending = 0;
	q->pend.len = 0;
	q->base = 0;
	q->npara = 0;
	q->nnames = 0;
	q->lastspk[0] = q->lastname[0] = '\0';
	q->lastpara = q->colonpara = -10;
	q->colonspk[0] = q->colonname[0] = '\0';
}

void
lede_quote_blank(struct lede_quoter *q, const char *s, size_t n)
{
	if (q->pending)
		lede_buf_add(&q->pend, s, n);
	q->base += n;
}

void
lede_quote_end(struct lede_quoter *q)
{
	flush_pending(q);
}

void
lede_quote_free(struct lede_quoter *q)
{
	lede_buf_free(&q->text);
	lede_buf_free(&q->per);
	lede_buf_free(&q->toks);
	lede_buf_free(&q->info);
	lede_buf_free(&q->namet);
	lede_buf_free(&q->cuet);
	lede_buf_free(&q->quotes);
	lede_buf_free(&q->arena);
	lede_buf_free(&q->recs);
	lede_buf_free(&q->pend);
	free(q->lexhash);
	q->lexhash = NULL;
	free(q->lexword);
	q->lexword = NULL;
}

const char *
lede_quote_kindname(enum lede_quote_kind k)
{
	static const char *const names[] = { "direct", "mixed", "indirect" };

	return names[k];
}

int
lede_quote_next(struct lede_quoter *q, struct lede_quote *out)
{
	const struct lede_quote_rec	*r;

	if (q->nextrec * sizeof(*r) >= q->recs.len)
		return 0;
	r = (const struct lede_quote_rec *)(void *)q->recs.p + q->nextrec++;
	out->start = r->start;
	out->end = r->end;
	out->kind = r->kind;
	out->quote = q->arena.p + r->q;
	out->quotelen = r->ql;
	out->speaker = q->arena.p + r->sp;
	out->speakerlen = r->spl;
	out->name = q->arena.p + r->nm;
	out->namelen = r->nml;
	out->cue = q->arena.p + r->cu;
	out->cuelen = r->cul;
	return 1;
}

/*
 * One paragraph.
 */

/* Copies the paragraph into q->text without its tags; entities to q->per. */
static void
strip_tags(struct lede_quoter *q, const char *s, size_t n)
{
	q->text.len = q->per.len = 0;
	lede_fmt_untag(s, n, &q->text, &q->per);
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

static void
tokenize(struct ctx *c)
{
	struct lede_quoter	*q = c->q;
	struct lede_tokenizer	 tz;
	struct lede_tok		*t;
	struct tinfo		*ti;
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
		/* The tokens learn_names() and indirect() look at. */
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
	c->in = (struct tinfo *)(void *)q->info.p;
	c->nt = (int)(q->toks.len / sizeof(*t));
}

/* Marks the tokens of each quotation and finds its token range. */
static void
mark_tokens(struct ctx *c)
{
	int	i = 0, k;

	for (k = 0; k < c->nq; k++) {
		struct qt *qt = &c->qs[k];

		qt->words = count_words(c->s + qt->is, qt->ie - qt->is);
		while (i < c->nt && c->t[i].off < qt->os)
			i++;
		qt->t0 = i;
		while (i < c->nt && c->t[i].off < qt->oe)
			i++;
		qt->t1 = i;
		if (qt->words < 3 && !qt->cont && !qt->open)
			continue;	/* a scare quote reads as text */
		for (int j = qt->t0; j < qt->t1; j++) {
			c->in[j].f |= I_INQ;
			c->in[j].f &= ~I_END;
			c->in[j].q = k;
		}
	}
}

static void
own_speaker(struct ctx *c, struct qt *qt)
{
	struct qt	tail;
	int		media = 0, near = 0, found;

	tail = *qt;
	found = from_tail(c, &tail, &media, &near);
	if (found && near && !media) {
		*qt = tail;
		return;
	}
	if (from_head(c, qt))
		return;
	if (found)
		*qt = tail;
}

/* The token before the quotation, in its sentence, or -1. */
static void
find_kind(const struct ctx *c, struct qt *qt)
{
	int	b = qt->t0 - 1, a = qt->t1;

	qt->mixed = 0;
	if (b >= 0 && (F(c, b) & I_WORD) && !(F(c, b) & (I_CUE | I_INQ)))
		qt->mixed = 1;
	if (a < c->nt && (F(c, a) & I_WORD) && !(F(c, a) & I_INQ) &&
	    !(qt->cue >= a && qt->strong && (qt->cue <= a + NPMAX ||
	    (qt->s0 == a && (F(c, qt->s1 + 1) & I_COMMA) &&
	    (F(c, qt->cue - 1) & I_COMMA)))))
		qt->mixed = 1;
}

static void
borrow(struct ctx *c, int k)
{
	struct lede_quoter	*q = c->q;
	struct qt		*qt = &c->qs[k];
	int			 j, s0, s1;

	if (qt->s0 >= 0 || qt->spk[0])
		return;
	/* A quotation in the same sentence: "''A'' but ''B,'' he said". */
	for (j = k + 1; j < c->nq && j <= k + 2; j++) {
		int i;

		for (i = qt->t1; i < c->qs[j].t0 && !(F(c, i) & I_END); i++)
			;
		if (i < c->qs[j].t0)
			break;
		if (c->qs[j].words >= 3 && c->qs[j].s0 >= 0 &&
		    c->qs[j].strong) {
			set_speaker(qt, c->qs[j].s0, c->qs[j].s1,
			    c->qs[j].cue, 0);
			return;
		}
	}
	for (j = k - 1; j >= 0 && c->qs[j].t1 > qt->t0 - REACH; j--)
		if (c->qs[j].words >= 3 && c->qs[j].s0 >= 0) {
			set_speaker(qt, c->qs[j].s0, c->qs[j].s1,
			    c->qs[j].cue, 0);
			return;
		}
	if (from_para(c, qt, -1))
		return;
	for (j = k + 1; j < c->nq && c->qs[j].t0 < qt->t1 + REACH; j++)
		if (c->qs[j].words >= 3 && c->qs[j].s0 >= 0 &&
		    c->qs[j].strong) {
			set_speaker(qt, c->qs[j].s0, c->qs[j].s1,
			    c->qs[j].cue, 0);
			return;
		}
	if (from_para(c, qt, 1))
		return;
	if (qt->t0 == 0 && q->colonspk[0] && q->colonpara == q->npara - 1) {
		strlcpy(qt->spk, q->colonspk, sizeof(qt->spk));
		strlcpy(qt->name, q->colonname, sizeof(qt->name));
		return;
	}
	if (qt->t0 == 0 && q->lastspk[0] && q->lastpara >= q->npara - 2) {
		strlcpy(qt->spk, q->lastspk, sizeof(qt->spk));
		strlcpy(qt->name, q->lastname, sizeof(qt->name));
		return;
	}
	if (qt->t0 > 0 && subject(c, 0, qt->t0 - 1, &s0, &s1)) {
		set_speaker(qt, s0, s1, -1, 0);
		return;
	}
	if (q->lastspk[0]) {
		strlcpy(qt->spk, q->lastspk, sizeof(qt->spk));
		strlcpy(qt->name, q->lastname, sizeof(qt->name));
	}
}

/* Fills the strings of a quotation's speaker. */
static void
speaker_strings(struct ctx *c, struct qt *qt)
{
	if (qt->s0 >= 0) {
		copy_tokens(c, qt->s0, qt->s1, qt->spk, sizeof(qt->spk));
		resolve(c, qt->s0, qt->s1, qt->name);
	}
	if (qt->cue >= 0)
		copy_tokens(c, qt->cue, qt->cue, qt->cuew, sizeof(qt->cuew));
	if (qt->spk[0]) {
		strlcpy(c->q->lastspk, qt->spk, sizeof(c->q->lastspk));
		strlcpy(c->q->lastname, qt->name, sizeof(c->q->lastname));
		c->q->lastpara = c->q->npara;
	}
}

/*
 * The end of a reported clause a..b without a second attribution of its
 * own at the end: "He said some ..., Murphy said".
 */
static int
cut_attribution(const struct ctx *c, int a, int b, int v)
{
	int	k, s0, s1;

	for (k = a + 3; k <= b; k++) {
		if (!(F(c, k) & I_CUE) || k == v || b - k > 4)
			continue;
		if (np_left(c, k - 1, a, &s0, &s1, 0) &&
		    (F(c, s0 - 1) & I_COMMA) && s0 - 2 > a)
			return s0 - 2;
		if ((F(c, k - 1) & I_COMMA) && k - 2 > a)
			return k - 2;
	}
	return b;
}

/* Words between a verb of saying and its clause: "told reporters on Monday". */
static int
adjunct(const struct ctx *c, int i)
{
#define W(s)	{ s, sizeof(s) - 1 }
	static const struct {
		const char	*s;
		size_t		 n;
	} words[] = {
		W("a"), W("an"), W("at"), W("conference"), W("earlier"),
		W("her"), W("him"), W("in"), W("interview"), W("last"),
		W("me"), W("news"), W("on"), W("reporters"), W("statement"),
		W("the"), W("them"), W("this"), W("us"), W("week"),
		W("yesterday"),
	};
#undef W
	size_t	k;

	if (F(c, i) & I_DATE)
		return 1;
	for (k = 0; k < sizeof(words) / sizeof(words[0]); k++)
		if (is_n(c, i, words[k].s, words[k].n))
			return 1;
	return 0;
}

/* Can token i start a reported clause? */
static int
clause_start(const struct ctx *c, int i)
{
	return (F(c, i) & (I_PRON | I_DET)) || name_part(c, i) ||
	    c->t[i].kind == LEDE_TOK_NUM;
}

/*
 * The reported clause of the verb at v, whose speaker is s0..s1, in the
 * sentence lo..hi: its first and last tokens in *a and *b.
 */
static int
reported_span(const struct ctx *c, int v, int lo, int hi, int s0, int s1,
    int *a, int *b)
{
	int	i;

	*a = *b = -1;
	if (F(c, v) & I_PRE) {
		if (v > lo + 3) {
			*a = lo;	/* "..., according to X." */
			*b = v - 1;
		} else if (F(c, s1 + 1) & I_COMMA) {
			*a = s1 + 2;	/* "According to X, ..." */
			*b = hi;
		}
		return *a >= 0;
	}
	for (i = v + 1; i <= hi && i < v + 8; i++)
		if (is(c, i, "that") || (F(c, i) & (I_INQ | I_COMMA | I_CUE)) ||
		    ((is(c, v, "said") || is(c, v, "says")) && !adjunct(c, i)))
			break;
	if (is(c, i, "that"))
		*a = i + 1;
	else if ((is(c, i, "whether") || is(c, i, "if") || is(c, i, "why") ||
	    is(c, i, "how")) && (is(c, v, "asked") || is(c, v, "wondered")))
		*a = i;
	else if (v + 1 <= hi && s1 < v && !is(c, v, "told") &&
	    !is(c, v, "asked") && (clause_start(c, v + 1) ||
	    ((is(c, v, "said") || is(c, v, "says") || is(c, v, "say")) &&
	    (F(c, v + 1) & I_WORD) && !(F(c, v + 1) &
	    (I_STOP | I_CUE | I_ING | I_ADV | I_INQ | I_DATE)) &&
	    !adjunct(c, v + 1))))
		*a = v + 1;
	if (*a >= 0) {
		*b = hi;
		return 1;
	}
	if (!(F(c, v) & I_CUE))
		return 0;
	if (s0 > lo + 1 && (F(c, s0 - 1) & I_COMMA) && s1 < v &&
	    (F(c, v + 1) & I_COMMA) && hi - v > 3) {
		*a = lo;		/* "Recently, he said, he has..." */
		*b = hi;
	} else if (s0 > lo + 2 && (F(c, s0 - 1) & I_COMMA) && s1 < v &&
	    hi - v < 6) {
		*a = lo;		/* "..., Murphy said." */
		*b = s0 - 2;
	} else if (s0 > v && (F(c, v - 1) & I_COMMA) && v - 1 > lo + 2 &&
	    hi - s1 < 6) {
		*a = lo;		/* "..., said Murphy." */
		*b = v - 2;
	}
	return *a >= 0;
}

/* Is everything in a..b but punctuation inside quotations? */
static int
quote_only(const struct ctx *c, int a, int b)
{
	int	k;

	for (k = a; k <= b; k++)
		if (!(F(c, k) & I_INQ) && c->t[k].kind != LEDE_TOK_PUNCT &&
		    c->t[k].kind != LEDE_TOK_QUOTE && c->t[k].kind != LEDE_TOK_DASH)
			return 0;
	return 1;
}

/* Narrows the clause lo..hi around token v to what semicolons bound. */
static void
semicolons(const struct ctx *c, int v, int *lo, int *hi)
{
	int	k;

	for (k = v - 1; k > *lo; k--)
		if (is(c, k, ";")) {
			*lo = k + 1;
			break;
		}
	for (k = v + 1; k < *hi; k++)
		if (is(c, k, ";")) {
			*hi = k - 1;
			break;
		}
}

/*
 * Reported speech: "Murphy told reporters that ...", "..., Murphy said."
 */
static void
indirect(struct ctx *c)
{
	const int	*at = (const int *)(void *)c->q->cuet.p;
	size_t		 x, nat = c->q->cuet.len / sizeof(*at);
	int		 v, lo, hi, s0, s1, a, b, k, done = -1;
	char		 spk[LEDE_QUOTE_NAMELEN], name[LEDE_QUOTE_NAMELEN];
	char		 cue[32];

	/* Only the tokens tokenize() found may be reporting verbs. */
	for (x = 0; x < nat; x++) {
		v = at[x];
		if ((F(c, v) & (I_INQ | I_NAMING)) || v <= done)
			continue;
		clause(c, v, &lo, &hi);
		semicolons(c, v, &lo, &hi);
		if (!speaker_of(c, v, lo, hi, &s0, &s1) ||
		    !reported_span(c, v, lo, hi, s0, s1, &a, &b))
			continue;
		while (b >= a && (c->t[b].kind == LEDE_TOK_PUNCT ||
		    c->t[b].kind == LEDE_TOK_DASH))
			b--;
		if (b - a < 2 || a <= done)
			continue;
		for (k = a; k <= b && !(F(c, k) & I_INQ); k++)
			;
		if (k <= b && quote_only(c, a, b))
			continue;	/* "According to X, “...”" is direct */
		if (k <= b) {
			/*
			 * A quotation inside is a mixed one; the reported
			 * clause stops before it.
			 */
			c->qs[c->in[k].q].mixed = 1;
			b = k - 1;
			while (b >= a && (c->t[b].kind != LEDE_TOK_WORD ||
			    (F(c, b) & I_STOP)))
				b--;
			if (b - a < 4)
				continue;
		}
		b = cut_attribution(c, a, b, v);
		done = b > v ? b : v;
		copy_tokens(c, s0, s1, spk, sizeof(spk));
		resolve(c, s0, s1, name);
		copy_tokens(c, v, v, cue, sizeof(cue));
		rec_add(c->q, c->q->base + c->t[a].off,
		    c->q->base + c->t[b].off + c->t[b].len, LEDE_QUOTE_INDIRECT,
		    c->s + c->t[a].off, c->t[b].off + c->t[b].len - c->t[a].off,
		    spk, name, cue);
	}
}

/* Are the words of the quotation capitalised, as in a title? */
static int
title_case(const struct ctx *c, const struct qt *qt)
{
	int	i, big = 0;

	for (i = qt->t0; i < qt->t1; i++) {
		if (!(F(c, i) & I_WORD) || (F(c, i) & I_POSS))
			continue;
		if (F(c, i) & I_CAP)
			big++;
		else if (!(F(c, i) & (I_STOP | I_DET)) || c->t[i].len > 4)
			return 0;
	}
	return big >= 2;
}

static void
emit_quote(struct ctx *c, struct qt *qt)
{
	struct lede_quoter	*q = c->q;
	enum lede_quote_kind	 kind;

	kind = qt->mixed ? LEDE_QUOTE_MIXED : LEDE_QUOTE_DIRECT;
	if (qt->cont) {
		lede_buf_add(&q->pend, c->s, qt->ie);
		if (!qt->strong && q->pspk[0]) {
			strlcpy(qt->spk, q->pspk, sizeof(qt->spk));
			strlcpy(qt->name, q->pname, sizeof(qt->name));
			strlcpy(qt->cuew, q->pcue, sizeof(qt->cuew));
		}
		if (qt->open && q->pparas < LEDE_QUOTE_MAXPARAS &&
		    q->pend.len < q->cap) {
			q->pparas++;
			lede_buf_add(&q->pend, c->s + qt->ie, c->n - qt->ie);
			return;
		}
		rec_add(q, q->pstart, q->base + qt->ie, kind, q->pend.p,
		    q->pend.len, qt->spk, qt->name, qt->cuew);
		q->pending = 0;
		q->pend.len = 0;
		return;
	}
	if (qt->open) {
		q->pending = 1;
		q->pparas = 1;
		q->pstart = q->base + qt->is;
		q->pend.len = 0;
		lede_buf_add(&q->pend, c->s + qt->is, c->n - qt->is);
		strlcpy(q->pspk, qt->spk, sizeof(q->pspk));
		strlcpy(q->pname, qt->name, sizeof(q->pname));
		strlcpy(q->pcue, qt->cuew, sizeof(q->pcue));
		return;
	}
	if (qt->words < 3 || (qt->mixed && title_case(c, qt) &&
	    (qt->cue < 0 || (F(c, qt->cue) & I_NAMING))))
		return;		/* a title: "starred in “Girls, Girls, Girls”" */
	rec_add(q, q->base + qt->is, q->base + qt->ie, kind, c->s + qt->is,
	    qt->ie - qt->is, qt->spk, qt->name, qt->cuew);
}

/* A paragraph that ends with a colon introduces the next one's quote. */
static void
colon_speaker(struct ctx *c)
{
	struct lede_quoter	*q = c->q;
	size_t			 n = c->n;
	int			 i, lo, hi, s0 = -1, s1 = -1;

	while (n > 0 && (c->s[n - 1] == '\n' || c->s[n - 1] == ' '))
		n--;
	if (n == 0 || c->s[n - 1] != ':' || c->nt < 2)
		return;
	clause(c, c->nt - 1, &lo, &hi);
	for (i = hi; i >= lo; i--)
		if ((F(c, i) & (I_CUE | I_ING | I_PRE)) &&
		    speaker_of(c, i, lo, hi, &s0, &s1))
			break;
	if (i < lo && !subject(c, lo, hi, &s0, &s1))
		return;
	copy_tokens(c, s0, s1, q->colonspk, sizeof(q->colonspk));
	resolve(c, s0, s1, q->colonname);
	q->colonpara = q->npara;
}

static void
sort_recs(struct lede_quoter *q, size_t from)
{
	struct lede_quote_rec	*r = (struct lede_quote_rec *)(void *)q->recs.p;
	struct lede_quote_rec	 t;
	size_t			 n = q->recs.len / sizeof(*r), i, j;

	for (i = from + 1; i < n; i++)
		for (j = i; j > from && r[j - 1].start > r[j].start; j--) {
			t = r[j];
			r[j] = r[j - 1];
			r[j - 1] = t;
		}
}

void
lede_quote_para(struct lede_quoter *q, const char *s, size_t n)
{
	struct ctx	c;
	size_t		first;
	int		k, cont;

	if (q->nextrec * sizeof(struct lede_quote_rec) >= q->recs.len) {
		q->recs.len = q->arena.len = 0;
		q->nextrec = 0;
	}
	memset(&c, 0, sizeof(c));
	c.q = q;
	if (n == 0 || memchr(s, '<', n) == NULL) {
		/* No tags: the paragraph is read where it is. */
		q->per.len = 0;
		c.s = s;
		c.n = n;
	} else {
		strip_tags(q, s, n);
		c.s = q->text.p;
		c.n = q->text.len;
	}
	cont = q->pending && starts_open(c.s, c.n);
	if (q->pending && !cont)
		flush_pending(q);
	first = q->recs.len / sizeof(struct lede_quote_rec);
	q->quotes.len = 0;
	scan_quotes(q, c.s, c.n, cont);
	c.qs = (struct qt *)(void *)q->quotes.p;
	c.nq = (int)(q->quotes.len / sizeof(struct qt));
	tokenize(&c);
	mark_tokens(&c);
	learn_names(&c);
	for (k = 0; k < c.nq; k++)
		if (c.qs[k].words >= 3 || c.qs[k].cont)
			own_speaker(&c, &c.qs[k]);
	for (k = 0; k < c.nq; k++) {
		if (c.qs[k].words < 3 && !c.qs[k].cont)
			continue;
		borrow(&c, k);
		find_kind(&c, &c.qs[k]);
		speaker_strings(&c, &c.qs[k]);
	}
	indirect(&c);
	for (k = 0; k < c.nq; k++)
		emit_quote(&c, &c.qs[k]);
	colon_speaker(&c);
	sort_recs(q, first);
	q->base += c.n;
	q->npara++;
}
