/*
 * Lexicons compiled into the binaries.
 *
 * Each lexicon is a word list under common/data/, turned into a sorted C
 * table by mklex.sh at build time, so an installed binary needs no data
 * files.  Entries may carry a class (a short string after a tab).
 */
#ifndef LEDE_LEX_H
#define LEDE_LEX_H

#include <stddef.h>

struct lede_lexent {
	const char	*s;
	size_t		 len;
	const char	*cls;	/* "" when the entry has none */
};

struct lede_lex {
	const char			*name;
	const struct lede_lexent	*e;
	size_t				 n;
};

/* Abbreviations taking a period (data/abbrev.txt), none longer than this. */
#define LEDE_LEX_ABBREV_MAX	8
extern const struct lede_lex lede_lex_abbrev;
/* Words that start sentences (data/starters.txt). */
extern const struct lede_lex lede_lex_starters;
/* Parts of hyphenated compounds, "first" or "second" (data/hyphen.txt). */
extern const struct lede_lex lede_lex_hyphen;
/* Places, nationalities, given names and organisations (data/gazetteer.txt). */
extern const struct lede_lex lede_lex_gazetteer;
/* Stop words of European languages, class: languages (data/stopwords.txt). */
extern const struct lede_lex lede_lex_stop;
/* Boilerplate phrases and date words (data/boiler.txt). */
extern const struct lede_lex lede_lex_boiler;
/* lede-quote: words between a source and its verb (data/quoteadv.txt). */
extern const struct lede_lex lede_lex_quoteadv;
/* lede-quote: reporting verbs, class v, ing or pre (data/quotecues.txt). */
extern const struct lede_lex lede_lex_quotecues;
/* lede-quote: given names, class m or f (data/quotenames.txt). */
extern const struct lede_lex lede_lex_quotenames;
/* lede-quote: pronouns, class m f p n s w (data/quotepron.txt). */
extern const struct lede_lex lede_lex_quotepron;
/* lede-quote: titles and role nouns, class t r o m f (data/quoteroles.txt). */
extern const struct lede_lex lede_lex_quoteroles;
/* lede-quote: determiners, phrase ends, dates: d s t (data/quotewords.txt). */
extern const struct lede_lex lede_lex_quotewords;

/* The entry for the n bytes at s, or NULL (exact match). */
const struct lede_lexent *lede_lex_find(const struct lede_lex *,
	    const char *s, size_t n);
/*
 * Like lede_lex_find(), but ASCII letters compare without case; an exact
 * match is preferred where the lexicon has several spellings.
 */
const struct lede_lexent *lede_lex_find_nocase(const struct lede_lex *,
	    const char *s, size_t n);

#endif
