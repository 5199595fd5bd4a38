/*
 * Boilerplate removal: the main region, cleaning inside it, the headline
 * (see strip_priv.h).
 */
#include <stdint.h>
#include <string.h>

#include "strip_priv.h"
#include "utf8.h"

/* Set by hand on the boilerplate dev texts, like those of strip_score.c. */
#define END_MINWORDS	30	/* an end mark ends the article after this */
#define HEADING_WORDS	15	/* the longest sub-heading */
#define TITLE_LOOKBACK	12	/* blocks before the region for a headline */
#define TITLE_MINWORDS	3	/* a headline's words */
#define TITLE_MAXWORDS	30
#define TITLE_BODYWORDS	200	/* content words of the article it is matched to */
#define TITLE_BESTWORDS	20	/* the most a headline farther away may have */
#define SMALL_BLOCKS	5	/* a document this small with no region */
#define TITLE_INSIDE	3	/* first blocks of the region for a named one */

/* The main region: the run of blocks with the greatest total score. */
int
lede_strip_best_region(const struct lede_strip *st, size_t *rs, size_t *re)
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

/* A short line without an end mark, as a heading is. */
static int
isheading(const struct lede_strip_block *b)
{
	uint32_t	w = b->f.words;

	/* Without spaces between words (Chinese, Japanese), count letters. */
	if (b->f.uncased * 2 > b->f.letters && w < b->f.uncased / 2)
		w = b->f.uncased / 2;
	return (w <= HEADING_WORDS && !b->f.endpunct &&
	    !(b->why & LEDE_STRIP_PROSE));
}

static int
kept(const struct lede_strip *st, size_t i, size_t re)
{
	return i < re && st->block[i].keep;
}

/*
 * A figure caption the markup names (with -c), its first copy: one that
 * only its credit, its repetition or its being image text speaks against.
 */
static int
iscaption(const struct lede_strip *st, size_t i)
{
	const struct lede_strip_block	*b = &st->block[i];
	size_t				 j;

	if (b->f.tag != LEDE_STRIP_TAG_CAPTION || b->f.words == 0 ||
	    (b->why & HARD & ~(LEDE_STRIP_REPEAT | LEDE_STRIP_MEDIA)))
		return 0;
	for (j = 0; j < i && b->repeat > 0; j++)
		if (st->block[j].f.hash == b->f.hash &&
		    st->block[j].f.tag == LEDE_STRIP_TAG_CAPTION)
			return 0;
	return 1;
}

/* Inside the region: keep content, then headings and short sentences. */
size_t
lede_strip_clean_region(struct lede_strip *st, size_t rs, size_t re)
{
	struct lede_strip_block	*b;
	size_t			 i, last, nkept, words = 0;

	for (i = rs; i < re; i++) {
		if ((st->block[i].why & LEDE_STRIP_END) && words >= END_MINWORDS) {
			re = i;
			break;
		}
		if (st->block[i].score > 0)
			words += st->block[i].f.words;
	}
	for (i = rs; i < re; i++) {
		b = &st->block[i];
		b->keep = b->score > 0 && !(b->why & (HARD | LEDE_STRIP_LIST));
		if (b->why & LEDE_STRIP_MAIN)
			b->keep = b->score > 0 && !(b->why & MAINHARD);
		/* The page's own article text says so. */
		if ((b->why & LEDE_STRIP_GUIDE) && !(b->why &
		    (LEDE_STRIP_REPEAT | LEDE_STRIP_TEMPLATE | LEDE_STRIP_LINKS)) &&
		    (b->why & (LEDE_STRIP_CLASS | LEDE_STRIP_MEDIA)) !=
		    (LEDE_STRIP_CLASS | LEDE_STRIP_MEDIA))
			b->keep = 1;
		if (b->score > 0 && (b->why & LEDE_STRIP_LIST) &&
		    (b->why & LEDE_STRIP_PROSE) && !(b->why & HARD))
			b->keep = 1;
		if (st->o.captions && b->f.tag == LEDE_STRIP_TAG_CAPTION)
			b->keep = iscaption(st, i);
	}
	for (i = re; i-- > rs;) {
		b = &st->block[i];
		if (b->keep || (b->why & HARD))
			continue;
		/* A sentence of a list between kept blocks: the body's list. */
		if (b->why & LEDE_STRIP_LIST) {
			if (b->f.endpunct && i > rs && kept(st, i - 1, re) &&
			    kept(st, i + 1, re) &&
			    lede_strip_grammar(st, &b->f) > 0) {
				b->keep = 1;
				b->why |= LEDE_STRIP_CONTEXT;
			}
			continue;
		}
		if (b->f.words <= HEADING_WORDS && !b->f.endpunct && kept(st, i + 1, re) &&
		    i > rs) {
			b->keep = 1;
			b->why |= LEDE_STRIP_HEADING;
		} else if (b->f.endpunct && i > rs && kept(st, i - 1, re) &&
		    kept(st, i + 1, re) && lede_strip_grammar(st, &b->f) > 0) {
			b->keep = 1;
			b->why |= LEDE_STRIP_CONTEXT;
		}
	}
	/*
	 * A heading with nothing kept after it heads what went: a prompt
	 * ("Tell us what you think"), the title of a list of links.
	 */
	for (i = rs, last = re, nkept = 0; i < re; i++)
		if (st->block[i].keep) {
			last = i;
			nkept++;
		}
	for (i = rs; i < re && nkept > 1; i++) {
		b = &st->block[i];
		if (b->keep && !kept(st, i + 1, re) && (b->f.tag ==
		    LEDE_STRIP_TAG_H || (i == last && isheading(b)))) {
			b->keep = 0;
			b->why &= ~(uint32_t)LEDE_STRIP_HEADING;
		}
	}
	return re;
}

/*
 * The headline a markup front end named (the page's title): the nearest
 * such block before the region, a heading first, else one of the first
 * blocks of the region; -1 if none.
 */
static long
named_title(const struct lede_strip *st, size_t rs, size_t re)
{
	const struct lede_strip_block	*b;
	long				 any = -1;
	size_t				 i;

	for (i = rs; i-- > 0;) {
		b = &st->block[i];
		if (!(b->f.xflags & LEDE_STRIP_X_TITLE) ||
		    (b->why & LEDE_STRIP_NOWORDS))
			continue;
		if (b->f.tag == LEDE_STRIP_TAG_H)
			return (long)i;
		if (any < 0)
			any = (long)i;
	}
	if (any >= 0)
		return any;
	for (i = rs; i < re && i < rs + TITLE_INSIDE; i++)
		if (st->block[i].f.xflags & LEDE_STRIP_X_TITLE)
			return (long)i;
	return -1;
}

/* Content words of a block (3+ characters, not stop words): their hashes. */
static size_t
content_words(const struct lede_strip *st, const struct lede_strip_block *b,
    uint64_t *out, size_t max)
{
	const struct lede_strip_line	*l = &st->line[b->first];
	const char			*s;
	char				 lo[4];
	uint64_t			 h = FNV_OFF, acc = 0;
	size_t				 i, k, n = 0, len = 0, chars = 0;
	uint32_t			 c, j;
	int				 e, m;

	for (j = 0; j < b->nlines; j++, l++) {
		s = st->text.p + l->off;
		for (i = 0; i <= l->len && n < max; i += k) {
			k = 1;
			c = i < l->len ? (unsigned char)s[i] : ' ';
			if (c < 128) {
				if (lede_strip_isword[c]) {
					wadd(&h, &acc, &len, (unsigned char)(c |
					    (lede_strip_isword[c] == 2 ? 32 : 0)));
					chars++;
					continue;
				}
			} else
				k = lede_utf8_next(s + i, l->len - i, &c);
			if (c >= 128 && (lede_uc_isalpha(c) || lede_uc_isdigit(c))) {
				e = lede_utf8_encode(lede_uc_tolower(c), lo);
				for (m = 0; m < e; m++)
					wadd(&h, &acc, &len, (unsigned char)lo[m]);
				chars++;
				continue;
			}
			if (chars >= 3) {
				h = wfinal(h, acc, len);
				if (len > 16 || stops_find(st, h) == 0)
					out[n++] = h;
			}
			h = FNV_OFF;
			acc = 0;
			len = chars = 0;
		}
	}
	return n;
}

/* How many of the n words of w are among the nbody of body. */
static size_t
shared_words(const uint64_t *w, size_t n, const uint64_t *body, size_t nbody)
{
	size_t	i, k, shared = 0;

	for (i = 0; i < n; i++)
		for (k = 0; k < nbody; k++)
			if (w[i] == body[k]) {
				shared++;
				break;
			}
	return shared;
}

/*
 * Could the block be a headline?  Not a byline, an address, a label
 * ("Filed to:", "Tested by:") or a reading time.
 */
static int
title_like(const struct lede_strip *st, const struct lede_strip_block *b)
{
	const struct lede_strip_line	*l = &st->line[b->first];
	const char			*s = st->text.p + l->off;
	size_t				 i, k, n = l->len, sp;

	if ((b->why & (HARD & ~LEDE_STRIP_REPEAT)) ||
	    (b->why & LEDE_STRIP_LIST) || b->f.endpunct ||
	    b->f.words < TITLE_MINWORDS || b->f.words > TITLE_MAXWORDS ||
	    b->f.alpha < 2)
		return 0;
	i = lede_strip_skipspace(s, n, NULL);
	if (n - i > 3 && lede_ascii_iprefix(s + i, n - i, "by") &&
	    (s[i + 2] == ' ' || s[i + 2] == ':'))
		return 0;
	if (b->nlines == 1 && memchr(s, '@', n) != NULL)
		return 0;
	/* Words apart: not a file name or a run of tags ("a_b-c_d"). */
	for (k = i, sp = 0; k < n; k++)
		sp += s[k] == ' ' && k + 1 < n && s[k + 1] != ' ';
	if (sp + 1 < TITLE_MINWORDS)
		return 0;
	/* A label: a colon among its first three words. */
	for (; i < n && s[i] != ':'; i++)
		;
	if (i < n && b->f.words <= 12) {
		size_t	w = 0;

		for (k = 0; k < i; k++)
			w += s[k] == ' ' && k > 0 && s[k - 1] != ' ';
		if (w < 3)
			return 0;
	}
	return 1;
}

/*
 * The headline: the one the markup names, else a heading-like block
 * before the region: of those in reach, the one that shares the most
 * content words with the start of the article (a headline says what the
 * story is about; a section label, a byline or a prompt does not), the
 * nearest on a tie or when none shares any.
 */
void
lede_strip_find_title(struct lede_strip *st, size_t rs, size_t re)
{
	struct lede_strip_block	*b;
	uint64_t		 body[TITLE_BODYWORDS], w[TITLE_MAXWORDS + 8];
	size_t			 i, j, lim, nbody = 0, nw, best = SIZE_MAX;
	size_t			 shared, bestshared = 0;
	long			 t;

	if ((t = named_title(st, rs, re)) >= 0) {
		b = &st->block[t];
		b->why |= LEDE_STRIP_TITLE;
		b->keep = !st->o.notitle;
		return;
	}
	lim = rs > TITLE_LOOKBACK ? rs - TITLE_LOOKBACK : 0;
	for (i = rs; i-- > lim;) {
		b = &st->block[i];
		if (!title_like(st, b))
			continue;
		/* The article's words, once there are two to choose from. */
		if (best != SIZE_MAX && nbody == 0) {
			for (j = rs; j < re && nbody < TITLE_BODYWORDS; j++)
				if (st->block[j].keep)
					nbody += content_words(st,
					    &st->block[j], body + nbody,
					    TITLE_BODYWORDS - nbody);
			if (nbody == 0)
				break;
			nw = content_words(st, &st->block[best], w,
			    sizeof(w) / sizeof(w[0]));
			bestshared = shared_words(w, nw, body, nbody);
		}
		if (best == SIZE_MAX) {
			best = i;
			continue;
		}
		nw = content_words(st, b, w, sizeof(w) / sizeof(w[0]));
		shared = shared_words(w, nw, body, nbody);
		if (shared > bestshared && b->f.words <= TITLE_BESTWORDS) {
			best = i;
			bestshared = shared;
		}
	}
	if (best == SIZE_MAX)
		return;
	b = &st->block[best];
	b->why |= LEDE_STRIP_TITLE;
	b->keep = !st->o.notitle;
}

/*
 * A small document with no article in it (a note, a line of text): keep
 * its sentences rather than nothing.
 */
void
lede_strip_keep_small(struct lede_strip *st)
{
	struct lede_strip_block	*b;
	size_t			 i;

	if (st->nblock > SMALL_BLOCKS)
		return;
	for (i = 0; i < st->nblock; i++) {
		b = &st->block[i];
		if (!(b->why & (HARD | LEDE_STRIP_LIST)) && b->f.endpunct &&
		    b->f.words >= 2)
			b->keep = 1;
	}
}
