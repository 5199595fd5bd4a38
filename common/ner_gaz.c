/*
 * The gazetteer of the tagger (common/data/gazetteer.txt, lex.h) in a hash
 * table of its own, for the longest match of up to four words at each
 * capitalized word.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "lex.h"
#include "ner_priv.h"

/* 1 if the n bytes at a and b are equal with ASCII letters folded. */
static int
eq_fold(const char *a, const char *b, size_t n)
{
	unsigned char	ca, cb;
	size_t		i;

	for (i = 0; i < n; i++) {
		ca = (unsigned char)a[i];
		cb = (unsigned char)b[i];
		if (ca >= 'A' && ca <= 'Z')
			ca += 'a' - 'A';
		if (cb >= 'A' && cb <= 'Z')
			cb += 'a' - 'A';
		if (ca != cb)
			return 0;
	}
	return 1;
}

/* The gazetteer class of a lexicon entry: 1-5, or 0. */
static uint32_t
gaz_class(const char *cls)
{
	static const char *const names[] = { "loc", "nat", "given", "org",
	    "orgword", NULL };
	uint32_t	i;

	for (i = 0; names[i] != NULL; i++)
		if (strcmp(cls, names[i]) == 0)
			return i + 1;
	return 0;
}

/*
 * Hashes the gazetteer: the first entry of each run of entries equal
 * without case (the table is sorted with letters folded) goes into a slot.
 */
void
ner_gaz_build(struct lede_ner *ner)
{
	const struct lede_lex	*lex = &lede_lex_gazetteer;
	const struct lede_lexent *e;
	size_t			 i, j, k, slot;
	uint32_t		 h, hf;

	ner->gazslot = lede_xcalloc(GAZ_SLOTS, sizeof(*ner->gazslot));
	ner->gazcls = lede_xcalloc(lex->n + 1, 1);
	for (i = 0; i < lex->n; i++) {
		e = &lex->e[i];
		ner->gazcls[i] = (unsigned char)gaz_class(e->cls);
		if (i > 0 && lex->e[i - 1].len == e->len &&
		    eq_fold(lex->e[i - 1].s, e->s, e->len))
			continue;
		if (e->len >= GAZ_MAXLEN || i >= UINT16_MAX)
			continue;
		h = 2166136261U;
		for (j = 0; j < e->len; j++)
			h = fold_step(h, (unsigned char)e->s[j]);
		/* The first word of an entry of several. */
		for (j = 0; j < e->len && e->s[j] != ' '; j++)
			;
		if (j < e->len) {
			hf = 2166136261U;
			for (k = 0; k < j; k++)
				hf = fold_step(hf, (unsigned char)e->s[k]);
			ner->gazfirst[GAZ_FIRST_BIT(hf) >> 6] |= (uint64_t)1 <<
			    (GAZ_FIRST_BIT(hf) & 63);
		}
		slot = fmix(h) & (GAZ_SLOTS - 1);
		while (ner->gazslot[slot].e != 0)
			slot = (slot + 1) & (GAZ_SLOTS - 1);
		ner->gazslot[slot].e = (uint16_t)(i + 1);
		ner->gazslot[slot].h = h;
	}
}

/*
 * The class of the gazetteer entry for the n bytes at s of fold hash h, as
 * lede_lex_find_nocase() finds it (the exact spelling if the gazetteer has
 * it, else the first of those equal without case), or 0.
 */
static uint32_t
gaz_find(const struct lede_ner *ner, const char *s, size_t n, uint32_t h)
{
	const struct lede_lex	*lex = &lede_lex_gazetteer;
	size_t			 slot = fmix(h) & (GAZ_SLOTS - 1), i, first;

	for (;; slot = (slot + 1) & (GAZ_SLOTS - 1)) {
		if (ner->gazslot[slot].e == 0)
			return 0;
		if (ner->gazslot[slot].h != h)
			continue;
		first = ner->gazslot[slot].e - 1u;
		if (lex->e[first].len == n && eq_fold(lex->e[first].s, s, n))
			break;
	}
	for (i = first; i < lex->n && lex->e[i].len == n &&
	    eq_fold(lex->e[i].s, s, n); i++)
		if (memcmp(lex->e[i].s, s, n) == 0)
			return ner->gazcls[i];
	return ner->gazcls[first];
}

/*
 * Marks the names of the gazetteer: at each capitalized word, the longest
 * entry of up to four words, words joined by one space where the text has
 * white space between them.
 */
void
ner_mark_gazetteer(struct lede_ner *ner)
{
	const struct lede_ner_tok	*t = ner->t;
	char				 buf[GAZ_MAXLEN];
	size_t				 i, j, L, n, k, q, lens[4];
	uint32_t			 c = 0, h, hs[4];

	for (i = 0; i < ner->nt; i++) {
		if (!(t[i].flags & TF_ALPHA) ||
		    !(t[i].flags & (LEDE_TF_CAP | LEDE_TF_UPPER)))
			continue;
		/*
		 * A word that begins no entry of several: the word alone,
		 * whose fold hash is its lower-cased hash.
		 */
		if (!(ner->gazfirst[GAZ_FIRST_BIT(t[i].lw) >> 6] >>
		    (GAZ_FIRST_BIT(t[i].lw) & 63) & 1)) {
			if (t[i].kind == LEDE_TOK_WORD &&
			    t[i].len < sizeof(buf) && (c = gaz_find(ner,
			    ner->s + t[i].off, t[i].len, t[i].lw)) != 0)
				ner->t[i].gaz = (uint16_t)(c << 1);
			continue;
		}
		n = 0;
		h = 2166136261U;
		for (L = 0; L < 4 && i + L < ner->nt; L++) {
			j = i + L;
			if (t[j].kind != LEDE_TOK_WORD)
				break;
			if (L > 0 && t[j].off > t[j - 1].off + t[j - 1].len) {
				buf[n++] = ' ';
				h = fold_step(h, ' ');
			}
			if (n + t[j].len >= sizeof(buf))
				break;
			memcpy(buf + n, ner->s + t[j].off, t[j].len);
			for (q = 0; q < t[j].len; q++)
				h = fold_step(h, (unsigned char)buf[n + q]);
			n += t[j].len;
			lens[L] = n;
			hs[L] = h;
		}
		for (; L > 0; L--)
			if ((c = gaz_find(ner, buf, lens[L - 1], hs[L - 1])) != 0)
				break;
		for (k = 0; k < L; k++)
			ner->t[i + k].gaz = (uint16_t)(c << 1 | (k > 0));
		if (L > 0)
			i += L - 1;
	}
}
