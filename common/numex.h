/*
 * Numeric and temporal expressions: DATE, TIME, MONEY and PERCENT.
 *
 * One PCRE2 pattern with a branch per type, compiled once (with JIT where
 * the library has it) and run over a paragraph with one reused match-data
 * block and a match limit, so that no input can make it hang:
 * "Thursday", "December 2016", "1996-08-22", "10:30 a.m. EST",
 * "$4.5 billion", "1.2 million marks", "3 per cent", "12.5%".
 */
#ifndef LEDE_NUMEX_H
#define LEDE_NUMEX_H

#include <stddef.h>

struct lede_ent;

struct lede_numex {
	void		*re;	/* pcre2_code */
	void		*md;	/* pcre2_match_data */
	void		*mc;	/* pcre2_match_context */
	struct lede_ent	*ents;
	size_t		 cap;
	unsigned char	 cls[256];	/* byte classes, for the scan */
	unsigned char	 pairs[(52 * 29 * 29 + 7) / 8];	/* word starts */
};

/* Compiles the pattern: returns 0, or -1 if it does not compile. */
int	lede_numex_init(struct lede_numex *);
/*
 * Finds the expressions in the n bytes at s (valid UTF-8): returns their
 * number and points *ents to them (in text order, not overlapping), valid
 * until the next call.  A match that hits the match limit ends the search.
 */
size_t	lede_numex_find(struct lede_numex *, const char *s, size_t n,
	    const struct lede_ent **ents);
void	lede_numex_free(struct lede_numex *);

#endif
