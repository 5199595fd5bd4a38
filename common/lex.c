/*
 * Lexicon lookup: binary search over the generated tables.
 */
#include <string.h>

#include "lex.h"

#include "abbrev.inc"
#include "starters.inc"
#include "hyphen.inc"
#include "quoteadv.inc"
#include "quotecues.inc"
#include "quotenames.inc"
#include "quotepron.inc"
#include "quoteroles.inc"

#define LEX(name, tab) { name, tab, sizeof(tab) / sizeof(tab[0]) }

const struct lede_lex lede_lex_abbrev = LEX("abbrev", abbrev);
const struct lede_lex lede_lex_starters = LEX("starters", starters);
const struct lede_lex lede_lex_hyphen = LEX("hyphen", hyphen);
const struct lede_lex lede_lex_quoteadv = LEX("quoteadv", quoteadv);
const struct lede_lex lede_lex_quotecues = LEX("quotecues", quotecues);
const struct lede_lex lede_lex_quotenames = LEX("quotenames", quotenames);
const struct lede_lex lede_lex_quotepron = LEX("quotepron", quotepron);
const struct lede_lex lede_lex_quoteroles = LEX("quoteroles", quoteroles);

static int
cmp(const char *a, size_t an, const char *b, size_t bn)
{
	int	r;

	r = memcmp(a, b, an < bn ? an : bn);
	if (r != 0)
		return r;
	return an < bn ? -1 : an > bn;
}

const struct lede_lexent *
lede_lex_find(const struct lede_lex *lex, const char *s, size_t n)
{
	size_t	lo = 0, hi = lex->n, mid;
	int	r;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		r = cmp(s, n, lex->e[mid].s, lex->e[mid].len);
		if (r == 0)
			return &lex->e[mid];
		if (r < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

const struct lede_lexent *
lede_lex_find_nocase(const struct lede_lex *lex, const char *s, size_t n)
{
	char	tmp[64] = "";
	size_t	i;
	const struct lede_lexent *e;

	if ((e = lede_lex_find(lex, s, n)) != NULL || n > sizeof(tmp))
		return e;
	for (i = 0; i < n; i++)
		tmp[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	if ((e = lede_lex_find(lex, tmp, n)) != NULL)
		return e;
	if (n > 0 && tmp[0] >= 'a' && tmp[0] <= 'z')
		tmp[0] = (char)(tmp[0] - 32);
	return lede_lex_find(lex, tmp, n);
}
