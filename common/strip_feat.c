/*
 * Boilerplate removal: measuring a block, one scan of its bytes (see
 * strip_priv.h).
 */
#include <string.h>

#include "strip_priv.h"
#include "swar.h"
#include "utf8.h"

const unsigned char lede_strip_isword[256] = {
	['0'] = 3, ['1'] = 3, ['2'] = 3, ['3'] = 3, ['4'] = 3, ['5'] = 3,
	['6'] = 3, ['7'] = 3, ['8'] = 3, ['9'] = 3,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
	['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
	['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
	['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
	['y'] = 1, ['z'] = 1,
	['A'] = 2, ['B'] = 2, ['C'] = 2, ['D'] = 2, ['E'] = 2, ['F'] = 2,
	['G'] = 2, ['H'] = 2, ['I'] = 2, ['J'] = 2, ['K'] = 2, ['L'] = 2,
	['M'] = 2, ['N'] = 2, ['O'] = 2, ['P'] = 2, ['Q'] = 2, ['R'] = 2,
	['S'] = 2, ['T'] = 2, ['U'] = 2, ['V'] = 2, ['W'] = 2, ['X'] = 2,
	['Y'] = 2, ['Z'] = 2
};


struct scan {
	struct lede_strip_feat	*f;
	uint64_t		 wh;	/* the word's lower-case hash */
	uint64_t		 wacc;	/* its last bytes (see wadd()) */
	uint64_t		 bh;	/* the block's hash */
	size_t			 wlen;	/* the word's bytes */
	uint64_t		 stops[4];	/* packed stop counts, see stop_add() */
	uint32_t		 nstops;	/* stop words in stops[] */
	int			 inword, walpha, wdigit, wlower, wcaps;
	int			 endmark;	/* after . ! ? */
	uint32_t		 lastsig;	/* last mark, quotes aside */
};

/* . ! ? and the ellipsis, and the full-width marks of CJK. */
static int
issentend(uint32_t c)
{
	return c == '.' || c == '!' || c == '?' || c == 0x2026 ||
	    c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF0E;
}

static int
isclosing(uint32_t c)
{
	return c == '"' || c == '\'' || c == ')' || c == ']' ||
	    c == 0x201d || c == 0x2019 || c == 0x00bb || c == 0x203a;
}

/*
 * Four languages' counts of 16 bits in each word of sc->stops: one stop
 * word adds to all its languages at once, without a loop over them.  The
 * counts go to the features (saturated) before any of them can overflow.
 */
static const uint64_t spread4[16] = {
	0x0000000000000000ULL, 0x0000000000000001ULL, 0x0000000000010000ULL,
	0x0000000000010001ULL, 0x0000000100000000ULL, 0x0000000100000001ULL,
	0x0000000100010000ULL, 0x0000000100010001ULL, 0x0001000000000000ULL,
	0x0001000000000001ULL, 0x0001000000010000ULL, 0x0001000000010001ULL,
	0x0001000100000000ULL, 0x0001000100000001ULL, 0x0001000100010000ULL,
	0x0001000100010001ULL
};

static void
stop_flush(struct scan *sc)
{
	uint32_t	v;
	int		i;

	if (sc->nstops == 0)
		return;
	for (i = 0; i < LEDE_STRIP_NLANG; i++) {
		v = sc->f->stop[i] +
		    (uint32_t)((sc->stops[i / 4] >> (16 * (i % 4))) & 0xffff);
		sc->f->stop[i] = (uint16_t)(v > UINT16_MAX ? UINT16_MAX : v);
	}
	memset(sc->stops, 0, sizeof(sc->stops));
	sc->nstops = 0;
}

static inline void
stop_add(struct scan *sc, uint16_t m)
{
	sc->stops[0] += spread4[m & 15];
	sc->stops[1] += spread4[(m >> 4) & 15];
	sc->stops[2] += spread4[(m >> 8) & 15];
	sc->stops[3] += spread4[(m >> 12) & 15];
	if (++sc->nstops == UINT16_MAX)
		stop_flush(sc);
}

static inline void
word_end(const struct lede_strip *st, struct scan *sc)
{
	struct lede_strip_feat	*f = sc->f;
	uint16_t		 m;

	sc->inword = 0;
	sc->wh = wfinal(sc->wh, sc->wacc, sc->wlen);
	if (f->words++ == 0)
		f->first = (uint32_t)(sc->wh >> 32) | 1;
	if (sc->walpha) {
		f->alpha++;
		if (sc->wlower)
			f->lower++;
		else if (sc->wcaps >= 2)
			f->upper++;
	} else if (sc->wdigit)
		f->digit++;
	if (sc->walpha && sc->wlen <= 16 &&
	    (m = stops_find(st, sc->wh)) != 0)
		stop_add(sc, m);
	sc->bh = (sc->bh ^ sc->wh) * FNV_PRIME;
}

static inline void
scan_cp(const struct lede_strip *st, struct scan *sc, uint32_t c)
{
	char	lo[4];
	int	n, i;

	if (c < 128 ? ((c | 32) - 'a' < 26 || c - '0' < 10) :
	    (lede_uc_isalpha(c) || lede_uc_isdigit(c))) {
		if (!sc->inword) {
			sc->inword = 1;
			sc->wh = FNV_OFF;
			sc->wacc = 0;
			sc->wlen = sc->walpha = sc->wdigit = 0;
			sc->wcaps = 0;
			sc->wlower = c < 128 ? c - 'a' < 26 : lede_uc_islower(c);
		}
		if (c < 128) {
			if (c - '0' >= 10)
				sc->f->letters++;
			if (c - 'A' < 26) {
				c += 32;
				sc->wcaps++;
				sc->walpha = 1;
			} else if (c - '0' < 10)
				sc->wdigit = 1;
			else {
				sc->walpha = 1;
				sc->wcaps = -1000;
			}
			wadd(&sc->wh, &sc->wacc, &sc->wlen, (unsigned char)c);
		} else {
			if (lede_uc_isdigit(c))
				sc->wdigit = 1;
			else {
				sc->walpha = 1;
				sc->f->letters++;
				if (lede_uc_isupper(c)) {
					sc->wcaps++;
					c = lede_uc_tolower(c);
				} else if (lede_uc_islower(c))
					sc->wcaps = -1000;
				else
					sc->f->uncased++;
			}
			n = lede_utf8_encode(c, lo);
			for (i = 0; i < n; i++)
				wadd(&sc->wh, &sc->wacc, &sc->wlen,
				    (unsigned char)lo[i]);
		}
		sc->endmark = 0;
		sc->lastsig = 'a';
		return;
	}
	if (sc->inword)
		word_end(st, sc);
	if (c == ' ' || c == '\t' || c == 0xa0 || c == '\n') {
		if (sc->endmark)
			sc->f->sentends++;
		sc->endmark = 0;
		return;
	}
	if (issentend(c))
		sc->endmark = 1;
	else if (!isclosing(c))
		sc->endmark = 0;
	if (c == '|' || c == 0x00b7 || c == 0x2022)
		if (sc->f->seps < 255)
			sc->f->seps++;
	if (!isclosing(c))
		sc->lastsig = c;
}


/*
 * The fast path of scan_cp(): a run of ASCII letters and digits from s[i].
 * The word stays open: the character after the run ends it or goes on.
 * The run is taken eight bytes at a time (the window's text has eight
 * bytes of slack after it, see lede_strip_decide()): OR 0x20 makes every
 * letter small and leaves digits, bit 0x40 marks letters, and a letter
 * without bit 0x20 is a capital.  The hash is that of wadd() byte by byte.
 */
#define B40	0x4040404040404040ULL
#define B20	0x2020202020202020ULL

/* How many bytes of x have bit 0x40 set (x has no other bits). */
static inline uint32_t
count40(uint64_t x)
{
	return (uint32_t)(((x >> 6) * LEDE_B01) >> 56);
}

static inline void
word_bytes(struct scan *sc, uint64_t x, uint64_t valid)
{
	uint64_t	let = x & B40 & valid;

	sc->f->letters += count40(let);
	if (let != 0)
		sc->walpha = 1;
	if ((B40 & valid) & ~x)
		sc->wdigit = 1;
	if (let & (x << 1))
		sc->wcaps = INT32_MIN / 2;	/* a small letter: no caps */
	else
		sc->wcaps += (int)count40(let & ~(x << 1));
}

#define B7F	0x7f7f7f7f7f7f7f7fULL

/*
 * The end of a run of ASCII letters and digits from s[e], eight bytes at a
 * time: bit 7 of each byte says whether it is '0'-'9' or, with bit 0x20
 * set, 'a'-'z' (sums that cannot carry into the next byte), so that no
 * branch depends on each byte.
 */
static inline size_t
word_run(const char *s, size_t e, size_t n)
{
	uint64_t	x, y, z, w;
	size_t		k;

	while (e < n) {
		x = lede_load_le(s + e);
		y = x & B7F;
		z = y | B20;
		w = ((y + 0x50 * LEDE_B01) & ~(y + 0x46 * LEDE_B01)) |
		    ((z + 0x1f * LEDE_B01) & ~(z + 0x05 * LEDE_B01));
		w = (~w | x) & LEDE_B80;
		if (w != 0) {
			k = e + lede_first8(w);
			return k < n ? k : n;
		}
		e += 8;
	}
	return n;
}

static size_t
scan_ascii_word(struct scan *sc, const char *s, size_t i, size_t n)
{
	unsigned char	c = (unsigned char)s[i];
	uint64_t	x, m;
	size_t		e, r;

	if (!sc->inword) {
		sc->inword = 1;
		sc->wh = FNV_OFF;
		sc->wacc = 0;
		sc->wlen = sc->walpha = sc->wdigit = 0;
		sc->wcaps = 0;
		sc->wlower = lede_strip_isword[c] == 1;
	}
	e = word_run(s, i + 1, n);
	/* Bytes up to the hash's next eight (a word begun in non-ASCII). */
	for (; i < e && (sc->wlen & 7) != 0; i++) {
		c = (unsigned char)s[i];
		word_bytes(sc, c, 0xff);
		wadd(&sc->wh, &sc->wacc, &sc->wlen, c | 0x20);
	}
	for (; e - i >= 8; i += 8) {
		x = lede_load_be(s + i);
		word_bytes(sc, x, ~0ULL);
		sc->wh = (sc->wh ^ (x | B20)) * FNV_PRIME;
		sc->wlen += 8;
	}
	if ((r = e - i) > 0) {
		m = (1ULL << (8 * r)) - 1;
		x = lede_load_be(s + i) >> (8 * (8 - r));
		word_bytes(sc, x, m);
		sc->wacc = x | (B20 & m);
		sc->wlen += r;
	}
	sc->endmark = 0;
	sc->lastsig = 'a';
	return e;
}

void
lede_strip_measure(const struct lede_strip *st, struct lede_strip_block *b)
{
	struct scan		 sc;
	const struct lede_strip_line *l;
	const char		*s;
	size_t			 i, k, n, cols;
	uint32_t		 c, j;

	memset(&sc, 0, sizeof(sc));
	sc.f = &b->f;
	sc.bh = FNV_OFF;
	l = &st->line[b->first];
	s = st->text.p + l->off;
	/* A number starts a list item of text; markup says its own lists. */
	b->f.bullet = lede_strip_isbullet(s, l->len) ? 1 :
	    l->tag == LEDE_STRIP_TAG_NONE && lede_strip_isordinal(s, l->len) ?
	    2 : 0;
	i = lede_strip_skipspace(s, l->len, &cols);
	b->f.indent = (uint8_t)(cols > 255 ? 255 : cols);
	b->f.tag = l->tag;
	b->f.xflags = l->xflags;
	if (b->f.bullet == 1)
		i += lede_utf8_next(s + i, l->len - i, &c);
	for (j = 0; j < b->nlines; j++, l++, i = 0) {
		s = st->text.p + l->off;
		n = l->len;
		b->f.bytes += (uint32_t)n;
		b->f.linkbytes += (uint32_t)l->linkbytes;
		while (i < n) {
			if (lede_strip_isword[(unsigned char)s[i]]) {
				i = scan_ascii_word(&sc, s, i, n);
				continue;
			}
			if (s[i] == ' ') {
				if (sc.inword)
					word_end(st, &sc);
				if (sc.endmark)
					b->f.sentends++;
				sc.endmark = 0;
				i++;
				continue;
			}
			if ((unsigned char)s[i] < 128) {
				scan_cp(st, &sc, (unsigned char)s[i]);
				i++;
				continue;
			}
			k = lede_utf8_next(s + i, n - i, &c);
			scan_cp(st, &sc, c);
			i += k;
		}
		if (!l->cut)
			scan_cp(st, &sc, '\n');
	}
	if (sc.inword)
		word_end(st, &sc);
	stop_flush(&sc);
	if (sc.endmark)
		b->f.sentends++;
	b->f.endpunct = issentend(sc.lastsig);
	b->f.hash = sc.bh | 1;
}
