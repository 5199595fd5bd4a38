/*
 * Boilerplate removal: the internals shared by the strip_*.c modules.
 *
 *   strip.c         the window (lines in), the passes of a decision, names
 *   strip_lex.c     the stop-word table and the first words of phrases
 *   strip_block.c   grouping lines into blocks
 *   strip_feat.c    measuring a block: one scan of its bytes
 *   strip_phrase.c  boilerplate phrases, dates and media marks
 *   strip_mem.c     repetition in the window and across documents
 *   strip_score.c   the language, and each block's score
 *   strip_region.c  the main region, cleaning inside it, the headline
 *
 * Callers see struct lede_strip only through strip.h.
 */
#ifndef LEDE_STRIP_PRIV_H
#define LEDE_STRIP_PRIV_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "strip.h"

#define LEDE_STRIP_NSTOPS	8192	/* stop-word table, a power of two */
#define LEDE_STRIP_MAXPROBE	16	/* its longest probe */
#define LEDE_STRIP_NFIRSTS	512	/* first words of phrases, a power of two */

#define FNV_OFF		0xcbf29ce484222325ULL
#define FNV_PRIME	0x100000001b3ULL

/*
 * Blocks of at most this many words are looked up for boilerplate phrases
 * and in the memory of earlier documents: menus, footers and prompts are
 * short, and a longer block is too rarely repeated word for word to pay.
 */
#define SHORTWORDS	40

/*
 * Template text needs this many different blocks of the document, and this
 * share (percent) of them, seen on earlier pages of its site: the menus and
 * footers of a site's template are many of a page's lines, while unrelated
 * pages share a line or two (a quotation, a dateline, "It gave no further
 * details.").
 */
#define TEMPLATE_MINBLOCKS	2
#define TEMPLATE_SHARE		20

/*
 * The reasons that rule out a block of the page's main container (HTML):
 * what the markup says, not repetition nor length.
 */
#define MAINHARD (LEDE_STRIP_NOWORDS | LEDE_STRIP_PHRASE | LEDE_STRIP_BYLINE | \
		    LEDE_STRIP_DATE | LEDE_STRIP_MEDIA | LEDE_STRIP_TEMPLATE | \
		    LEDE_STRIP_LINKS | LEDE_STRIP_END | LEDE_STRIP_CLASS)

/* The reasons that rule a block out whatever its score. */
#define HARD	(LEDE_STRIP_NOWORDS | LEDE_STRIP_PHRASE | LEDE_STRIP_BYLINE | \
		    LEDE_STRIP_DATE | LEDE_STRIP_MEDIA | LEDE_STRIP_REPEAT | \
		    LEDE_STRIP_TEMPLATE | LEDE_STRIP_LINKS | LEDE_STRIP_END | \
		    LEDE_STRIP_CLASS)

struct lede_strip_mement {
	uint64_t	hash;
	uint32_t	docs;	/* documents that had the line */
	uint32_t	last;	/* the last of them */
};

struct lede_strip_stopent {
	uint32_t	hash;	/* the word hash's high half, 0: empty */
	uint16_t	langs;	/* bit i: language i */
};

struct lede_strip {
	struct lede_strip_opts	  o;
	struct lede_buf		  text;		/* the window's lines */
	struct lede_strip_line	 *line;
	size_t			  nline, capline;
	struct lede_strip_block	 *block;
	size_t			  nblock, capblock;
	int			  blank;	/* blank lines pending */
	int			  lang;		/* -1: unknown */
	uint32_t		  docno;	/* documents begun */
	uint64_t		  site;		/* hash of its site, 0: "" */
	struct lede_strip_mement *mem;
	size_t			  memsize;	/* a power of two, or 0 */
	/* Stop words: LEDE_STRIP_NSTOPS slots and room to probe past them. */
	struct lede_strip_stopent stops[LEDE_STRIP_NSTOPS + LEDE_STRIP_MAXPROBE];
	size_t			  stopprobe;	/* slots a lookup reads */
	uint32_t		  firsts[LEDE_STRIP_NFIRSTS];	/* first words of phrases */
	uint64_t		 *rep;		/* repetition table */
	size_t			  repsize;
};

/* ISO 639-1 codes of the stop-word languages (strip.c). */
extern const char *const lede_strip_langs[LEDE_STRIP_NLANG];
/* ASCII letters (1 small, 2 capital) and digits (3) (strip_feat.c). */
extern const unsigned char lede_strip_isword[256];

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

/*
 * The stop-word table: open addressing without wrapping around, each word
 * at most LEDE_STRIP_MAXPROBE slots past its home (the slot of bits of its
 * hash mixed again), so that a lookup reads a fixed number of slots and takes
 * no branch that depends on the word.
 */
static inline size_t
stop_home(uint64_t h)
{
	return (size_t)((h * 0x9e3779b97f4a7c15ULL) >> 40) &
	    (LEDE_STRIP_NSTOPS - 1);
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

/* strip_lex.c */
void	lede_strip_stops_build(struct lede_strip *);
void	lede_strip_firsts_build(struct lede_strip *);
int	lede_strip_firsts_find(const struct lede_strip *, uint32_t);

/* strip_block.c */
size_t	lede_strip_skipspace(const char *, size_t, size_t *);
int	lede_strip_isbullet(const char *, size_t);
int	lede_strip_isordinal(const char *, size_t);
int	lede_strip_isbracketed(const char *, size_t);
void	lede_strip_blocks_form(struct lede_strip *);

/* strip_feat.c */
void	lede_strip_measure(const struct lede_strip *,
	    struct lede_strip_block *);

/* strip_phrase.c */
void	lede_strip_media(const struct lede_strip *, struct lede_strip_block *);
void	lede_strip_phrases(const struct lede_strip *,
	    struct lede_strip_block *);

/* strip_mem.c */
void	lede_strip_count_repeats(struct lede_strip *);
void	lede_strip_mem_lookup(struct lede_strip *);
void	lede_strip_mem_update(struct lede_strip *);

/* strip_score.c */
void	lede_strip_find_lang(struct lede_strip *);
float	lede_strip_grammar(const struct lede_strip *,
	    const struct lede_strip_feat *);
float	lede_strip_score(const struct lede_strip *, struct lede_strip_block *);

/* strip_region.c */
int	lede_strip_best_region(const struct lede_strip *, size_t *, size_t *);
size_t	lede_strip_clean_region(struct lede_strip *, size_t, size_t);
void	lede_strip_find_title(struct lede_strip *, size_t, size_t);
void	lede_strip_keep_small(struct lede_strip *);

#endif
