/*
 * Boilerplate removal: the stop-word table and the first words of phrases
 * (see strip_priv.h).
 */
#include <stdlib.h>
#include <string.h>

#include "lex.h"
#include "strip_priv.h"

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
			if (strncmp(cls, lede_strip_langs[i], 2) == 0)
				m |= (uint16_t)(1u << i);
	return m;
}

void
lede_strip_stops_build(struct lede_strip *st)
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

#define NFIRSTS	LEDE_STRIP_NFIRSTS

/* The first words of the boilerplate phrases, to skip most lines fast. */
void
lede_strip_firsts_build(struct lede_strip *st)
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

int
lede_strip_firsts_find(const struct lede_strip *st, uint32_t h)
{
	size_t	j;

	for (j = h & (NFIRSTS - 1); st->firsts[j] != 0;
	    j = (j + 1) & (NFIRSTS - 1))
		if (st->firsts[j] == h)
			return 1;
	return 0;
}

