/*
 * Lexicon lookup: binary search over the generated tables.
 */
#include <string.h>

#include "lex.h"

#include "abbrev.inc"
#include "starters.inc"
#include "hyphen.inc"
#include "gazetteer.inc"
#include "stopwords.inc"
#include "boiler.inc"
#include "quoteadv.inc"
#include "quotecues.inc"
#include "quotenames.inc"
#include "quotepron.inc"
#include "quoteroles.inc"
#include "quotewords.inc"

#define LEX(name, tab) { name, tab, sizeof(tab) / sizeof(tab[0]) }

const struct lede_lex lede_lex_abbrev = LEX("abbrev", abbrev);
const struct lede_lex lede_lex_starters = LEX("starters", starters);
const struct lede_lex lede_lex_hyphen = LEX("hyphen", hyphen);
const struct lede_lex lede_lex_gazetteer = LEX("gazetteer", gazetteer);
const struct lede_lex lede_lex_stop = LEX("stopwords", stopwords);
const struct lede_lex lede_lex_boiler = LEX("boiler", boiler);
const struct lede_lex lede_lex_quoteadv = LEX("quoteadv", quoteadv);
const struct lede_lex lede_lex_quotecues = LEX("quotecues", quotecues);
const struct lede_lex lede_lex_quotenames = LEX("quotenames", quotenames);
const struct lede_lex lede_lex_quotepron = LEX("quotepron", quotepron);
const struct lede_lex lede_lex_quoteroles = LEX("quoteroles", quoteroles);
const struct lede_lex lede_lex_quotewords = LEX("quotewords", quotewords);

/* Compares with ASCII letters folded to upper case, as sort -f does. */
static int
cmp_fold(const char *a, size_t an, const char *b, size_t bn)
{
	size_t	i, n = an < bn ? an : bn;
	int	ca, cb;

	for (i = 0; i < n; i++) {
		ca = (unsigned char)a[i];
		cb = (unsigned char)b[i];
		if (ca >= 'a' && ca <= 'z')
			ca -= 32;
		if (cb >= 'a' && cb <= 'z')
			cb -= 32;
		if (ca != cb)
			return ca - cb;
	}
	return an < bn ? -1 : an > bn;
}

/*
 * Finds the entries equal to s without regard to case: one binary search
 * for the run of them in the table.  Returns the exact match if there is
 * one, else (when nocase) the first of the run, else NULL.
 */
static const struct lede_lexent *
find(const struct lede_lex *lex, const char *s, size_t n, int nocase)
{
	size_t	lo = 0, hi = lex->n, mid, i;
	int	r;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		r = cmp_fold(s, n, lex->e[mid].s, lex->e[mid].len);
		if (r == 0)
			break;
		if (r < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	if (lo >= hi)
		return NULL;
	while (mid > 0 && cmp_fold(s, n, lex->e[mid - 1].s,
	    lex->e[mid - 1].len) == 0)
		mid--;
	for (i = mid; i < lex->n && lex->e[i].len == n &&
	    cmp_fold(s, n, lex->e[i].s, n) == 0; i++)
		if (memcmp(s, lex->e[i].s, n) == 0)
			return &lex->e[i];
	return nocase ? &lex->e[mid] : NULL;
}

const struct lede_lexent *
lede_lex_find(const struct lede_lex *lex, const char *s, size_t n)
{
	return find(lex, s, n, 0);
}

const struct lede_lexent *
lede_lex_find_nocase(const struct lede_lex *lex, const char *s, size_t n)
{
	return find(lex, s, n, 1);
}
