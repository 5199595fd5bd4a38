/*
 * Boilerplate removal over a window of lines (see strip.h).
 *
 * The work is done in lede_strip_decide(), in passes over the window:
 * group the lines into blocks, measure each block (one scan of its bytes),
 * find the document's language from its stop words, look for boilerplate
 * phrases and dates in the short blocks, count repetitions in the window and
 * in the memory of earlier documents, score each block, choose the main
 * region (the contiguous run of blocks with the greatest total score, as in
 * the maximum-subarray problem), clean inside it, add the headline and
 * sub-headings, and remember the short blocks for the next documents.
 */
#include <stdlib.h>
#include <string.h>

#include "lex.h"
#include "strip.h"
#include "swar.h"
#include "utf8.h"

static const char *const langs[LEDE_STRIP_NLANG] = {
	"en", "de", "fr", "es", "it", "pt", "nl", "pl", "ro", "sv", "cs",
	"hu", "tr", "ru", "uk"
};

static const char *const whynames[LEDE_STRIP_NWHY] = {
	"prose", "text", "short", "nowords", "phrase", "byline", "date",
	"list", "media", "repeat", "template", "links", "caps", "digits",
	"outside", "title", "heading", "context", "end"
};

/* ASCII letters (1 small, 2 capital) and digits (3). */
static const unsigned char isword[256] = {
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

#define FNV_OFF		0xcbf29ce484222325ULL
#define FNV_PRIME	0x100000001b3ULL
#define NSTOPS		LEDE_STRIP_NSTOPS
#define MEMPROBE	8
#define SHORTWORDS	40	/* blocks looked up for phrases and memory */

/*
 * The word hash: bytes gathered eight at a time into acc, each full
 * eight mixed into h (shorter dependency chains than FNV byte by byte).
 */
static inline void
wadd(uint64_t *h, uint64_t *acc, size_t *len, unsigned char c)
{
	*acc = (*acc << 8) | c;
	if ((++*len & 7) == 0) {
		*h = (*h ^ *acc) * FNV_PRIME;
		*acc = 0;
	}
}

static inline uint64_t
wfinal(uint64_t h, uint64_t acc, size_t len)
{
	h = (h ^ acc ^ ((uint64_t)len << 56)) * FNV_PRIME;
	return (h ^ (h >> 29)) | 1;
}

static uint64_t
whash(const char *s, size_t n)
{
	uint64_t	h = FNV_OFF, acc = 0;
	size_t		len = 0, i;

	for (i = 0; i < n; i++)
		wadd(&h, &acc, &len, (unsigned char)s[i]);
	return wfinal(h, acc, len);
}

static uint16_t
langmask(const char *cls)
{
	uint16_t	m = 0;
	int		i;

	for (; *cls != '\0'; cls += cls[2] == ',' ? 3 : 2)
		for (i = 0; i < LEDE_STRIP_NLANG; i++)
			if (strncmp(cls, langs[i], 2) == 0)
				m |= (uint16_t)(1u << i);
	return m;
}

/*
 * The stop-word table: open addressing without wrapping around, each word
 * at most LEDE_STRIP_MAXPROBE slots past its home (the slot of bits of its
 * hash mixed again), so that a lookup reads a fixed number of slots and takes
 * no branch that depends on the word.
 */
static inline size_t
stop_home(uint64_t h)
{
	return (size_t)((h * 0x9e3779b97f4a7c15ULL) >> 40) & (NSTOPS - 1);
}

static void
stops_build(struct lede_strip *st)
{
	const struct lede_lexent	*e;
	uint64_t			 h;
	size_t				 i, j;

	memset(st->stops, 0, sizeof(st->stops));
	st->stopprobe = 1;
	for (i = 0; i < lede_lex_stop.n; i++) {
		e = &lede_lex_stop.e[i];
		h = whash(e->s, e->len);
		for (j = stop_home(h); st->stops[j].hash != 0; j++)
			;
		if (j - stop_home(h) >= LEDE_STRIP_MAXPROBE)
			abort();	/* the built-in lexicon: cannot happen */
		if (j - stop_home(h) + 1 > st->stopprobe)
			st->stopprobe = j - stop_home(h) + 1;
		st->stops[j].hash = (uint32_t)(h >> 32) | 1;
		st->stops[j].langs = langmask(e->cls);
	}
}

#define NFIRSTS	(sizeof(((struct lede_strip *)0)->firsts) / \
			    sizeof(((struct lede_strip *)0)->firsts[0]))

/* The first words of the boilerplate phrases, to skip most lines fast. */
static void
firsts_build(struct lede_strip *st)
{
	const struct lede_lexent	*e;
	uint32_t			 h;
	size_t				 i, j, n;

	memset(st->firsts, 0, sizeof(st->firsts));
	for (i = 0; i < lede_lex_boiler.n; i++) {
		e = &lede_lex_boiler.e[i];
		if (e->cls[0] == 'd')
			continue;
		for (n = 0; n < e->len && e->s[n] != ' '; n++)
			;
		h = (uint32_t)(whash(e->s, n) >> 32) | 1;
		for (j = h & (NFIRSTS - 1); st->firsts[j] != 0 &&
		    st->firsts[j] != h; j = (j + 1) & (NFIRSTS - 1))
			;
		st->firsts[j] = h;
	}
}

static int
firsts_find(const struct lede_strip *st, uint32_t h)
{
	size_t	j;

	for (j = h & (NFIRSTS - 1); st->firsts[j] != 0;
	    j = (j + 1) & (NFIRSTS - 1))
		if (st->firsts[j] == h)
			return 1;
	return 0;
}

static inline uint16_t
stops_find(const struct lede_strip *st, uint64_t h)
{
	const struct lede_strip_stopent	*e = &st->stops[stop_home(h)];
	uint32_t			 key = (uint32_t)(h >> 32) | 1;
	uint16_t			 m = 0;
	size_t				 k;

	for (k = 0; k < st->stopprobe; k++)
		m |= (uint16_t)(-(uint32_t)(e[k].hash == key) & e[k].langs);
	return m;
}

void
lede_strip_init(struct lede_strip *st, const struct lede_strip_opts *opts)
{
	size_t	n;

	memset(st, 0, sizeof(*st));
	if (opts != NULL)
		st->o = *opts;
	else
		st->o.memory = LEDE_STRIP_MEMORY;
	if (st->o.maxdoc == 0)
		st->o.maxdoc = LEDE_STRIP_MAXDOC;
	if (st->o.memory > 0) {
		for (n = 64; n < st->o.memory; n *= 2)
			;
		st->memsize = n;
		st->mem = lede_xcalloc(n, sizeof(st->mem[0]));
	}
	st->lang = -1;
	stops_build(st);
	firsts_build(st);
}

void
lede_strip_free(struct lede_strip *st)
{
	lede_buf_free(&st->text);
	free(st->line);
	free(st->block);
	free(st->mem);
	free(st->rep);
	memset(st, 0, sizeof(*st));
}

void
lede_strip_next(struct lede_strip *st)
{
	st->text.len = 0;
	st->nline = st->nblock = 0;
	st->blank = 0;
	st->lang = -1;
}

void
lede_strip_begin(struct lede_strip *st)
{
	lede_strip_next(st);
	st->docno++;
}

void
lede_strip_blank(struct lede_strip *st)
{
	if (st->blank < 255)
		st->blank++;
}

int
lede_strip_add(struct lede_strip *st, const char *s, size_t len, int nl,
    int cut, const struct lede_strip_extra *x)
{
	struct lede_strip_line	*l;

	if (st->nline == st->capline) {
		st->capline = st->capline ? st->capline * 2 : 256;
		st->line = lede_xrealloc(st->line,
		    st->capline * sizeof(st->line[0]));
	}
	l = &st->line[st->nline++];
	l->off = st->text.len;
	l->len = len;
	l->nl = nl != 0;
	l->cut = cut != 0;
	l->blank = (uint8_t)st->blank;
	l->block = 0;
	l->tag = x != NULL ? (uint8_t)x->tag : LEDE_STRIP_TAG_NONE;
	l->linkbytes = x != NULL ? (x->linkbytes > len ? len : x->linkbytes) : 0;
	st->blank = 0;
	lede_buf_add(&st->text, s, len);
	return st->text.len >= st->o.maxdoc || st->nline >= LEDE_STRIP_MAXLINES;
}

const char *
lede_strip_lang(const struct lede_strip *st)
{
	return st->lang >= 0 ? langs[st->lang] : "";
}

const char *
lede_strip_whyname(int i)
{
	return i >= 0 && i < LEDE_STRIP_NWHY ? whynames[i] : "";
}

/* Grouping lines into blocks. */

static size_t
skipspace(const char *s, size_t n, size_t *cols)
{
	size_t	i = 0, c = 0;

	while (i < n) {
		if (s[i] == ' ' || s[i] == '\t')
			i++;
		else if (i + 1 < n && (unsigned char)s[i] == 0xc2 &&
		    (unsigned char)s[i + 1] == 0xa0)
			i += 2;
		else
			break;
		c++;
	}
	if (cols != NULL)
		*cols = c;
	return i;
}

static int
isbulletcp(uint32_t c)
{
	switch (c) {
	case '*': case '-': case '+': case 0x2022: case 0x25a1: case 0x2606:
	case 0x25cb: case 0x25cf: case 0x25e6: case 0x25aa: case 0x25a0:
	case 0x00b7: case 0x2013: case 0x2014: case 0x25ba: case 0x203a:
	case 0x00bb: case 0x2605: case 0x25b8: case 0x2043:
		return 1;
	default:
		return 0;
	}
}

/* Starts with a list mark followed by a space (or nothing). */
static int
isbullet(const char *s, size_t n)
{
	size_t		i, k;
	uint32_t	c;

	i = skipspace(s, n, NULL);
	if (i >= n)
		return 0;
	k = lede_utf8_next(s + i, n - i, &c);
	if (!isbulletcp(c))
		return 0;
	i += k;
	return i >= n || s[i] == ' ' || (unsigned char)s[i] == 0xc2;
}

/* The whole line is in square brackets: image text such as "[Photo: ...]". */
static int
isbracketed(const char *s, size_t n)
{
	size_t	i;

	i = skipspace(s, n, NULL);
	while (n > i && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return n > i + 1 && s[i] == '[' && s[n - 1] == ']';
}

static int
joins(const struct lede_strip *st, const struct lede_strip_line *a,
    const struct lede_strip_line *b, size_t maxlen)
{
	const char	*t = st->text.p;

	if (a->len < 30 || a->len * 10 < maxlen * 7 || b->tag != 0 ||
	    a->tag != 0)
		return 0;
	if (isbullet(t + b->off, b->len) || isbracketed(t + a->off, a->len) ||
	    isbracketed(t + b->off, b->len))
		return 0;
	return !(a->len == b->len && memcmp(t + a->off, t + b->off,
	    a->len) == 0);
}

static struct lede_strip_block *
block_new(struct lede_strip *st, size_t line)
{
	struct lede_strip_block	*b;

	if (st->nblock == st->capblock) {
		st->capblock = st->capblock ? st->capblock * 2 : 256;
		st->block = lede_xrealloc(st->block,
		    st->capblock * sizeof(st->block[0]));
	}
	b = &st->block[st->nblock++];
	memset(b, 0, sizeof(*b));
	b->first = (uint32_t)line;
	return b;
}

static void
blocks_form(struct lede_strip *st)
{
	struct lede_strip_block	*b = NULL;
	size_t			 g, e, i, maxlen;
	int			 wrapped;

	st->nblock = 0;
	for (g = 0; g < st->nline; g = e) {
		maxlen = st->line[g].len;
		for (e = g + 1; e < st->nline && st->line[e].blank == 0; e++)
			if (st->line[e].len > maxlen)
				maxlen = st->line[e].len;
		wrapped = e - g >= 2 && maxlen >= 30 && maxlen <= 100;
		for (i = g; i < e; i++) {
			if (b == NULL || i == g || !(st->line[i - 1].cut ||
			    (wrapped && joins(st, &st->line[i - 1],
			    &st->line[i], maxlen))))
				b = block_new(st, i);
			b->nlines++;
			st->line[i].block = (uint32_t)(b - st->block);
		}
	}
}

/* Measuring a block: one scan of its bytes. */

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
	if (c == '.' || c == '!' || c == '?' || c == 0x2026)
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
		sc->wlower = isword[c] == 1;
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

static void
block_measure(const struct lede_strip *st, struct lede_strip_block *b)
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
	b->f.bullet = (uint8_t)isbullet(s, l->len);
	i = skipspace(s, l->len, &cols);
	b->f.indent = (uint8_t)(cols > 255 ? 255 : cols);
	b->f.tag = l->tag;
	if (b->f.bullet)
		i += lede_utf8_next(s + i, l->len - i, &c);
	for (j = 0; j < b->nlines; j++, l++, i = 0) {
		s = st->text.p + l->off;
		n = l->len;
		b->f.bytes += (uint32_t)n;
		b->f.linkbytes += (uint32_t)l->linkbytes;
		while (i < n) {
			if (isword[(unsigned char)s[i]]) {
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
	b->f.endpunct = sc.lastsig == '.' || sc.lastsig == '!' ||
	    sc.lastsig == '?' || sc.lastsig == 0x2026;
	b->f.hash = sc.bh | 1;
}

/* Phrases, dates and media marks of the short blocks. */

#define NORMMAX	512

/* The block's text in lower case, marks turned into single spaces. */
static size_t
normalise(const struct lede_strip *st, const struct lede_strip_block *b,
    char *out, size_t outsz)
{
	const struct lede_strip_line *l = &st->line[b->first];
	const char	*s;
	size_t		 i, k, o = 0;
	uint32_t	 c, j;
	int		 sp = 1;

	for (j = 0; j < b->nlines; j++, l++) {
		s = st->text.p + l->off;
		for (i = 0; i < l->len; i += k) {
			if ((unsigned char)s[i] < 128) {
				k = 1;
				c = (unsigned char)s[i];
				if (isword[c]) {
					if (o + 2 >= outsz)
						return o;
					out[o++] = (char)(isword[c] == 2 ?
					    c + 32 : c);
					sp = 0;
					continue;
				}
			} else
				k = lede_utf8_next(s + i, l->len - i, &c);
			if (lede_uc_isalpha(c) || lede_uc_isdigit(c)) {
				if (o + 5 >= outsz)
					return o;
				o += (size_t)lede_utf8_encode(lede_uc_tolower(c),
				    out + o);
				sp = 0;
			} else if (!sp) {
				out[o++] = ' ';
				sp = 1;
			}
		}
		if (!sp) {
			out[o++] = ' ';
			sp = 1;
		}
	}
	while (o > 0 && out[o - 1] == ' ')
		o--;
	return o;
}

static uint32_t
whole_class(char cls, uint32_t words)
{
	switch (cls) {
	case 'l':
	case 's':
		return LEDE_STRIP_PHRASE;
	case 'b':
		return words <= 8 ? LEDE_STRIP_BYLINE : 0;
	case 'e':
		return LEDE_STRIP_END;
	default:
		return 0;
	}
}

static int
hasext(const char *s, size_t n)
{
	static const char *const ext[] = {
		"jpg", "jpeg", "png", "gif", "webp", "svg"
	};
	const char	*p, *end = s + n;
	size_t		 k, el;

	for (p = s; (p = memchr(p, '.', (size_t)(end - p))) != NULL; ) {
		p++;
		for (k = 0; k < sizeof(ext) / sizeof(ext[0]); k++) {
			el = strlen(ext[k]);
			if ((size_t)(end - p) >= el &&
			    strncasecmp(p, ext[k], el) == 0)
				return 1;
		}
	}
	return 0;
}

static void
block_media(const struct lede_strip *st, struct lede_strip_block *b)
{
	const struct lede_strip_line *l = &st->line[b->first];
	const char	*s = st->text.p + l->off;
	size_t		 i, n = l->len;

	if (b->nlines != 1 || n > 300)
		return;
	i = skipspace(s, n, NULL);
	while (n > i && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (isbracketed(s, n))
		b->f.media = 1;
	else if (b->f.words <= 12 && hasext(s + i, n - i))
		b->f.media = 1;
}

/* Looks for boilerplate phrases and dates; sets bits in b->why. */
static void
block_phrases(const struct lede_strip *st, struct lede_strip_block *b)
{
	const struct lede_lexent *e;
	char		 norm[NORMMAX];
	size_t		 n, i, w, ws, ndate = 0;
	int		 whole;

	if (b->f.words == 0)
		return;
	whole = b->f.words <= SHORTWORDS && b->f.bytes <= 400;
	whole = whole && (b->f.words <= 12 || (b->f.digit > 0 &&
	    b->f.words <= 14));
	if (!whole && !firsts_find(st, b->f.first))
		return;
	n = normalise(st, b, norm, whole ? sizeof(norm) : 48);
	whole = whole && n < sizeof(norm) - 8;
	if (whole && b->f.words <= 12 &&
	    (e = lede_lex_find(&lede_lex_boiler, norm, n)) != NULL)
		b->why |= whole_class(e->cls[0], b->f.words);
	if (whole && b->f.words <= 4 && n > 0 && norm[0] >= '0' &&
	    norm[0] <= '9') {
		/* "167 comments" */
		for (i = 0; i < n && norm[i] != ' '; i++)
			;
		if (i < n && (e = lede_lex_find(&lede_lex_boiler, norm + i + 1,
		    n - i - 1)) != NULL && e->cls[0] == 'e')
			b->why |= LEDE_STRIP_END;
	}
	for (i = ws = 0, w = 0; i <= n; i++) {
		if (i < n && norm[i] != ' ')
			continue;
		if ((i == n && !whole) || (w >= 4 && (b->f.words > 14 ||
		    b->f.digit == 0)))
			break;
		w++;
		if (w <= 4 && (w >= 3 || b->f.words <= 12) &&
		    (e = lede_lex_find(&lede_lex_boiler, norm, i)) != NULL) {
			if (e->cls[0] == 's' && (b->f.words <= 12 || w >= 3))
				b->why |= LEDE_STRIP_PHRASE;
			else if (e->cls[0] == 'b' && b->f.words <= 8)
				b->why |= LEDE_STRIP_BYLINE;
		}
		if (b->f.words <= 14 && b->f.digit > 0 &&
		    (e = lede_lex_find(&lede_lex_boiler,
		    norm + ws, i - ws)) != NULL && e->cls[0] == 'd')
			ndate++;
		ws = i + 1;
	}
	if (ndate > 0 && b->f.digit > 0 && b->f.words <= 14 &&
	    (b->f.sentends == 0 || b->f.words <= 8))
		b->why |= LEDE_STRIP_DATE;
}

/* Repetition in the window, and in the memory of earlier documents. */

static void
count_repeats(struct lede_strip *st)
{
	size_t		 i, j, size, mask;
	uint64_t	*t;
	uint32_t	*cnt;

	for (size = 64; size < st->nblock * 2; size *= 2)
		;
	if (size > st->repsize) {
		free(st->rep);
		st->rep = lede_xmalloc(size * (sizeof(uint64_t) +
		    sizeof(uint32_t)));
		st->repsize = size;
	}
	t = st->rep;
	cnt = (uint32_t *)(t + size);
	mask = size - 1;
	memset(t, 0, size * sizeof(uint64_t));
	for (i = 0; i < st->nblock; i++) {
		if (st->block[i].f.words == 0)
			continue;
		for (j = st->block[i].f.hash & mask; t[j] != 0 &&
		    t[j] != st->block[i].f.hash; j = (j + 1) & mask)
			;
		if (t[j] == 0) {
			t[j] = st->block[i].f.hash;
			cnt[j] = 0;
		}
		cnt[j]++;
		st->block[i].repeat = j;	/* the slot, for now */
	}
	for (i = 0; i < st->nblock; i++)
		if (st->block[i].f.words > 0)
			st->block[i].repeat = cnt[st->block[i].repeat] - 1;
}

static struct lede_strip_mement *
mem_slot(struct lede_strip *st, uint64_t h, int insert)
{
	struct lede_strip_mement *e, *old = NULL;
	size_t			  j, k;

	for (k = 0, j = h & (st->memsize - 1); k < MEMPROBE;
	    k++, j = (j + 1) & (st->memsize - 1)) {
		e = &st->mem[j];
		if (e->hash == h)
			return e;
		if (e->hash == 0) {
			if (!insert)
				return NULL;
			e->hash = h;
			return e;
		}
		if (old == NULL || e->last < old->last)
			old = e;
	}
	if (!insert)
		return NULL;
	/* Forget the least recently seen line of the neighbourhood. */
	old->hash = h;
	old->docs = 0;
	old->last = 0;
	return old;
}

static void
mem_lookup(struct lede_strip *st)
{
	struct lede_strip_block	 *b;
	struct lede_strip_mement *e;
	size_t			  i;

	if (st->memsize == 0)
		return;
	for (i = 0; i < st->nblock; i++) {
		b = &st->block[i];
		if (b->f.words == 0 || b->f.words > SHORTWORDS ||
		    (e = mem_slot(st, b->f.hash, 0)) == NULL)
			continue;
		b->xdoc = e->docs - (e->last == st->docno);
	}
}

static void
mem_update(struct lede_strip *st)
{
	struct lede_strip_block	 *b;
	struct lede_strip_mement *e;
	size_t			  i;

	if (st->memsize == 0)
		return;
	for (i = 0; i < st->nblock; i++) {
		b = &st->block[i];
		if (b->f.words == 0 || b->f.words > SHORTWORDS)
			continue;
		e = mem_slot(st, b->f.hash, 1);
		if (e->last != st->docno) {
			e->docs++;
			e->last = st->docno;
		}
	}
}

/* The language whose stop words are commonest in the longer blocks. */
static void
find_lang(struct lede_strip *st)
{
	unsigned long	 n[LEDE_STRIP_NLANG] = { 0 }, words = 0;
	size_t		 i;
	int		 k, best = 0;

	for (i = 0; i < st->nblock; i++) {
		if (st->block[i].f.words < 6)
			continue;
		words += st->block[i].f.words;
		for (k = 0; k < LEDE_STRIP_NLANG; k++)
			n[k] += st->block[i].f.stop[k];
	}
	for (k = 1; k < LEDE_STRIP_NLANG; k++)
		if (n[k] > n[best])
			best = k;
	st->lang = n[best] >= 5 && n[best] * 10 >= words ? best : -1;
}

/* Scoring: > 0 for text that reads like the article, < 0 for the rest. */

#define HARD	(LEDE_STRIP_NOWORDS | LEDE_STRIP_PHRASE | LEDE_STRIP_BYLINE | \
		    LEDE_STRIP_DATE | LEDE_STRIP_MEDIA | LEDE_STRIP_REPEAT | \
		    LEDE_STRIP_TEMPLATE | LEDE_STRIP_LINKS | LEDE_STRIP_END)

static float
clamp01(float x)
{
	return x < 0 ? 0 : x > 1 ? 1 : x;
}

/* How grammatical the text looks, 0 to 1. */
static float
grammar(const struct lede_strip *st, const struct lede_strip_feat *f)
{
	float	d, low;

	low = f->alpha ? (float)f->lower / (float)f->alpha : 0;
	if (st->lang >= 0) {
		d = (float)f->stop[st->lang] / (float)f->words;
		return clamp01((d - 0.08f) / 0.22f);
	}
	/* Scripts without case: judge by length and punctuation alone. */
	if (f->uncased * 2 > f->letters)
		return 0.7f;
	return clamp01((low - 0.3f) / 0.4f);
}

static float
block_score(const struct lede_strip *st, struct lede_strip_block *b)
{
	const struct lede_strip_feat *f = &b->f;
	float	v, g, w = (float)f->words;

	if (f->words == 0) {
		b->why |= LEDE_STRIP_NOWORDS;
		return -1;
	}
	g = grammar(st, f);
	/* Without spaces between words (Chinese, Japanese), count letters. */
	if (f->uncased * 2 > f->letters && w < (float)f->uncased / 2)
		w = (float)f->uncased / 2;
	if (f->sentends > 0 || f->endpunct) {
		v = w * g;
		if (f->words >= 8 && g >= 0.4f)
			b->why |= LEDE_STRIP_PROSE;
	} else {
		v = w * g * 0.35f;
		if (f->words >= 15 && g >= 0.5f)
			b->why |= LEDE_STRIP_TEXT;
	}
	v -= 4;
	if (f->words < 8)
		b->why |= LEDE_STRIP_SHORT;
	if (f->upper * 2 > f->alpha && f->alpha >= 2) {
		b->why |= LEDE_STRIP_CAPS;
		v -= 1;
	}
	if (f->digit * 2 > f->words) {
		b->why |= LEDE_STRIP_DIGITS;
		v -= 2;
	}
	if (f->bullet || f->seps >= 2 || f->tag == LEDE_STRIP_TAG_NAV ||
	    (f->indent >= 4 && f->words < 15)) {
		b->why |= LEDE_STRIP_LIST;
		v -= 4;
	}
	if (f->media) {
		b->why |= LEDE_STRIP_MEDIA;
		v -= 8;
	}
	if (f->linkbytes * 2 > f->bytes) {
		b->why |= LEDE_STRIP_LINKS;
		v -= 4 + w * 0.5f;
	}
	if (b->why & (LEDE_STRIP_PHRASE | LEDE_STRIP_BYLINE | LEDE_STRIP_DATE |
	    LEDE_STRIP_END))
		v = (v > 0 ? 0 : v) - 10;
	if (b->repeat > 0) {
		b->why |= LEDE_STRIP_REPEAT;
		v = (v > 0 ? 0 : v) - 6;
	}
	if (b->xdoc > 0) {
		b->why |= LEDE_STRIP_TEMPLATE;
		v -= 3.0f * (float)(b->xdoc > 3 ? 3 : b->xdoc);
	}
	/* One short line cannot break the article in two. */
	if (f->words < 8 && v < -8)
		v = -8;
	return v;
}

/* The main region: the run of blocks with the greatest total score. */
static int
best_region(const struct lede_strip *st, size_t *rs, size_t *re)
{
	float	sum = 0, best = 0;
	size_t	i, s = 0;
	int	found = 0;

	for (i = 0; i < st->nblock; i++) {
		if (sum <= 0) {
			sum = 0;
			s = i;
		}
		sum += st->block[i].score;
		if (sum > best) {
			best = sum;
			*rs = s;
			*re = i + 1;
			found = 1;
		}
	}
	return found;
}

static int
kept(const struct lede_strip *st, size_t i, size_t re)
{
	return i < re && st->block[i].keep;
}

/* Inside the region: keep content, then headings and short sentences. */
static size_t
clean_region(struct lede_strip *st, size_t rs, size_t re)
{
	struct lede_strip_block	*b;
	size_t			 i, words = 0;

	for (i = rs; i < re; i++) {
		if ((st->block[i].why & LEDE_STRIP_END) && words >= 30) {
			re = i;
			break;
		}
		if (st->block[i].score > 0)
			words += st->block[i].f.words;
	}
	for (i = rs; i < re; i++) {
		b = &st->block[i];
		b->keep = b->score > 0 && !(b->why & (HARD | LEDE_STRIP_LIST));
		if (b->score > 0 && (b->why & LEDE_STRIP_LIST) &&
		    (b->why & LEDE_STRIP_PROSE) && !(b->why & HARD))
			b->keep = 1;
	}
	for (i = re; i-- > rs;) {
		b = &st->block[i];
		if (b->keep || (b->why & (HARD | LEDE_STRIP_LIST)))
			continue;
		if (b->f.words <= 15 && !b->f.endpunct && kept(st, i + 1, re) &&
		    i > rs) {
			b->keep = 1;
			b->why |= LEDE_STRIP_HEADING;
		} else if (b->f.endpunct && i > rs && kept(st, i - 1, re) &&
		    kept(st, i + 1, re) && grammar(st, &b->f) > 0) {
			b->keep = 1;
			b->why |= LEDE_STRIP_CONTEXT;
		}
	}
	return re;
}

/* The headline: the nearest heading-like block before the region. */
static void
find_title(struct lede_strip *st, size_t rs)
{
	struct lede_strip_block	*b;
	size_t			 i, lim = rs > 12 ? rs - 12 : 0;

	for (i = rs; i-- > lim;) {
		b = &st->block[i];
		if ((b->why & (HARD & ~LEDE_STRIP_REPEAT)) ||
		    (b->why & LEDE_STRIP_LIST) || b->f.endpunct ||
		    b->f.words < 3 || b->f.words > 30 || b->f.alpha < 2)
			continue;
		b->why |= LEDE_STRIP_TITLE;
		b->keep = !st->o.notitle;
		return;
	}
}

/*
 * A small document with no article in it (a note, a line of text): keep
 * its sentences rather than nothing.
 */
static void
keep_small(struct lede_strip *st)
{
	struct lede_strip_block	*b;
	size_t			 i;

	if (st->nblock > 5)
		return;
	for (i = 0; i < st->nblock; i++) {
		b = &st->block[i];
		if (!(b->why & (HARD | LEDE_STRIP_LIST)) && b->f.endpunct &&
		    b->f.words >= 2)
			b->keep = 1;
	}
}

void
lede_strip_decide(struct lede_strip *st)
{
	struct lede_strip_block	*b;
	size_t			 i, rs = 0, re = 0;

	/* Slack for the eight-byte reads of scan_ascii_word(). */
	lede_buf_reserve(&st->text, 8);
	memset(st->text.p + st->text.len, 0, 8);
	blocks_form(st);
	for (i = 0; i < st->nblock; i++) {
		block_measure(st, &st->block[i]);
		block_media(st, &st->block[i]);
		block_phrases(st, &st->block[i]);
	}
	find_lang(st);
	count_repeats(st);
	mem_lookup(st);
	for (i = 0; i < st->nblock; i++)
		st->block[i].score = block_score(st, &st->block[i]);
	if (best_region(st, &rs, &re)) {
		re = clean_region(st, rs, re);
		find_title(st, rs);
	} else
		keep_small(st);
	for (i = 0; i < st->nblock; i++) {
		b = &st->block[i];
		if (i < rs || i >= re)
			b->why |= LEDE_STRIP_OUTSIDE;
	}
	mem_update(st);
}
