/*
 * The tokens of a paragraph for the tagger: lede_ner_prepare() tokenizes
 * it (tok.h) and hashes each token once (word, lower-cased word, shape),
 * marks the sentence starts, the kind of paragraph (a headline in
 * capitals or Title Case, whose words are then true-cased), the names of
 * the gazetteer and the blank lines between tokens, finds the word
 * clusters, and sets the sentinels around the tokens.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "ner_priv.h"
#include "tok.h"
#include "utf8.h"

/* The shape class of a character: X, x, d, or the character itself. */
static char
shape_class(uint32_t cp)
{
	if (cp < 0x80) {
		if (cp >= 'A' && cp <= 'Z')
			return 'X';
		if (cp >= 'a' && cp <= 'z')
			return 'x';
		if (cp >= '0' && cp <= '9')
			return 'd';
		return (char)cp;
	}
	if (lede_uc_isupper(cp))
		return 'X';
	if (lede_uc_isalpha(cp))
		return 'x';
	if (lede_uc_isdigit(cp))
		return 'd';
	return 'o';
}

/* Hashes the word, its lower-cased form and its shape; sets flags. */
static void
hash_token(struct lede_ner_tok *t, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t	h = 2166136261U, hw = 2166136261U, hl = 2166136261U, cp;
	size_t		i = 0, k, j, letters = 0;
	unsigned char	b;
	char		c, last = 0;
	int		nsh = 0;

	/* One pass: the two hashes of the bytes (fnv()) and the shape. */
	while (i < t->len) {
		b = p[i];
		if (b < 0x80) {
			hw = (hw ^ b) * 16777619U;
			if (b >= 'A' && b <= 'Z') {
				hl = (hl ^ (unsigned char)(b + 'a' - 'A')) *
				    16777619U;
				c = 'X';
			} else {
				hl = (hl ^ b) * 16777619U;
				if (b >= 'a' && b <= 'z')
					c = 'x';
				else if (b >= '0' && b <= '9')
					c = 'd';
				else
					c = (char)b;
			}
			i++;
		} else {
			k = lede_utf8_next(s + i, t->len - i, &cp);
			for (j = 0; j < k; j++) {
				hw = (hw ^ p[i + j]) * 16777619U;
				hl = (hl ^ p[i + j]) * 16777619U;
			}
			i += k;
			c = shape_class(cp);
		}
		if (c == 'X' || c == 'x')
			letters++;
		if (c == 'X' || c == 'd')
			t->flags |= TF_CAND;
		if (c == '-' && i < t->len)
			t->flags |= TF_HYPHEN;
		if (c == '.')
			t->flags |= TF_PERIOD;
		if (c == last && nsh >= 1)
			continue;
		last = c;
		if (nsh++ < 12)
			h = (h ^ (unsigned char)c) * 16777619U;
	}
	t->w = hw;
	t->lw = hl;
	t->shape = h;
	/* The last three bytes, lower-cased, as affixes() hashes them. */
	h = 2166136261U;
	for (j = 0; j < 3 && j + 1 < t->len; j++)
		h = fold_step(h, p[t->len - 1 - j]);
	t->suf3 = h;
	if (letters >= 8)
		t->flags |= TF_LONG;
	if (letters > 0 && t->kind == LEDE_TOK_WORD)
		t->flags |= TF_ALPHA;
}

/*
 * Marks the first token of each sentence: the first of the paragraph and
 * the first after a full stop, question or exclamation mark (and the
 * closing marks after it).  Periods of abbreviations belong to their
 * words, so a lone period ends a sentence.
 */
static void
mark_sentences(struct lede_ner *ner)
{
	const struct lede_ner_tok	*t;
	size_t				 i;
	int				 end = 1;
	char				 c;

	for (i = 0; i < ner->nt; i++) {
		t = &ner->t[i];
		if (end && (t->kind != LEDE_TOK_QUOTE &&
		    t->kind != LEDE_TOK_PUNCT)) {
			ner->t[i].flags |= TF_SSTART;
			end = 0;
		}
		c = ner->s[t->off];
		if (t->kind == LEDE_TOK_PUNCT && (c == '.' || c == '?' ||
		    c == '!'))
			end = 1;
		else if (end && !(t->kind == LEDE_TOK_QUOTE ||
		    (t->kind == LEDE_TOK_PUNCT && (c == ')' || c == ']'))))
			end = 0;
	}
}

/* Classifies the paragraph: capitals, Title Case, or ordinary text. */
static void
classify(struct lede_ner *ner)
{
	size_t	i, words = 0, upper = 0, cap = 0;

	for (i = 0; i < ner->nt; i++) {
		if (!(ner->t[i].flags & TF_ALPHA))
			continue;
		words++;
		if ((ner->t[i].flags & LEDE_TF_UPPER) && ner->t[i].len > 1)
			upper++;
		if (ner->t[i].flags & LEDE_TF_CAP)
			cap++;
	}
	ner->ptype = 0;
	if (words > 0 && upper * 4 >= words * 3)
		ner->ptype = PT_UPPER;
	else if (words >= 3 && cap * 4 >= words * 3)
		ner->ptype = PT_TITLE;
}

/*
 * In a headline in capitals or Title Case, a word that is not in the
 * gazetteer and that the training text has in lower case is taken for the
 * lower-case word: "PRESS", "Plans" read as "press", "plans".
 */
static void
truecase(struct lede_ner *ner)
{
	struct lede_ner_tok	*t;
	size_t			 i;

	for (i = 0; i < ner->nt; i++) {
		t = &ner->t[i];
		if (!(t->flags & TF_ALPHA) || t->gaz != 0 || (t->flags &
		    (LEDE_TF_ABBR | TF_PERIOD | LEDE_TF_DIGIT)) ||
		    !lede_ner_lower(ner->lower, ner->lowerbits, t->lw))
			continue;
		t->w = t->lw;
		t->flags &= ~(LEDE_TF_CAP | LEDE_TF_UPPER);
		t->shape = 0x6c6f77;	/* the shape of a lower-case word */
	}
}

/*
 * Sets the tokens before the first and after the last, whose values stand
 * for the start and end of the paragraph in the features of neighbours.
 */
static void
sentinels(struct lede_ner *ner)
{
	struct lede_ner_tok	*t;
	int			 k;

	for (k = 1; k <= NER_PAD; k++) {
		t = &ner->t[-k];
		memset(t, 0, sizeof(*t));
		t->w = 0x5354u;
		t->lw = 0x5355u;
		t->shape = 0x5356u;
		t->gaz = 0x5357u;
		t->suf3 = 0x5358u;
		t->allow = ALLOW_O;
		t->cf = t->cc = 0xfffeu;
		t = &ner->t[ner->nt + (size_t)k - 1];
		memset(t, 0, sizeof(*t));
		t->w = 0x454eu;
		t->lw = 0x454fu;
		t->shape = 0x4550u;
		t->gaz = 0x4551u;
		t->suf3 = 0x4552u;
		t->allow = ALLOW_O;
		t->cf = t->cc = 0xffffu;
	}
}

/*
 * 1 if token i closes a parenthesis round one token after a word with a
 * capital or a digit ('Mladost (BJ)', 'Buducnost (V)'): a name may end
 * there, as the teams of a league with a town's initials do.
 */
static int
closes_short(const struct lede_ner *ner, size_t i)
{
	const struct lede_ner_tok	*t = ner->t;

	return i >= 3 && t[i].len == 1 && ner->s[t[i].off] == ')' &&
	    t[i - 2].len == 1 && ner->s[t[i - 2].off] == '(' &&
	    !(t[i - 1].len == 1 && ner->s[t[i - 1].off] == '(') &&
	    (t[i - 3].flags & TF_CAND) != 0;
}

/*
 * The labels each token may take (see ALLOW_O in ner_priv.h): all for a
 * word with a capital or a digit, inside a name for a run of up to
 * NER_MAXINNER others between two such words on the same side of any
 * blank line, none but O for the rest.
 */
static void
mark_allowed(struct lede_ner *ner)
{
	struct lede_ner_tok	*t = ner->t;
	size_t			 i, j, last = SIZE_MAX;

	for (i = 0; i < ner->nt; i++) {
		t[i].allow = t[i].flags & TF_CAND || closes_short(ner, i) ?
		    ALLOW_ALL : ALLOW_O;
		if (t[i].flags & TF_BREAK)
			last = SIZE_MAX;
		if (t[i].allow != ALLOW_ALL)
			continue;
		if (last != SIZE_MAX && i - last - 1 <= NER_MAXINNER)
			for (j = last + 1; j < i; j++)
				t[j].allow = ALLOW_IN;
		last = i;
	}
}

/*
 * Marks the tokens after a blank line (two line breaks in the white space
 * before them, which the tokenizer flags LEDE_TF_BLANK): the library is
 * handed one paragraph at a time, but should a caller pass several, no
 * name runs over the break.
 */
static void
mark_breaks(struct lede_ner *ner)
{
	size_t	i;

	for (i = 1; i < ner->nt; i++)
		if (ner->t[i].flags & LEDE_TF_BLANK)
			ner->t[i].flags |= TF_BREAK;
}

/* Room for cap tokens at least. */
static void
reserve(struct lede_ner *ner, size_t cap)
{
	if (cap <= ner->capt && ner->t != NULL)
		return;
	while (ner->capt < cap || ner->capt == 0)
		ner->capt = ner->capt ? ner->capt * 2 : 256;
	ner->t = (struct lede_ner_tok *)lede_xrealloc(ner->t ? ner->t -
	    NER_PAD : NULL, (ner->capt + 2 * NER_PAD) * sizeof(*ner->t)) +
	    NER_PAD;
	ner->lab = lede_xrealloc(ner->lab, ner->capt);
}

/*
 * The tokens of the paragraph with what the scan of the document ahead
 * needs (ner_agg.c): hashes, flags, sentence starts, the paragraph's kind.
 */
static void
tokenize(struct lede_ner *ner, const char *s, size_t n)
{
	struct lede_tokenizer	tz;
	struct lede_tok		tk;
	struct lede_ner_tok	*t;

	ner->s = s;
	ner->n = n;
	ner->nt = 0;
	ner->nents = 0;
	reserve(ner, 1);
	lede_tok_init(&tz, s, n);
	while (lede_tok_next(&tz, &tk)) {
		if (ner->nt == ner->capt)
			reserve(ner, ner->nt + 1);
		t = &ner->t[ner->nt++];
		t->off = (uint32_t)tk.off;
		t->len = (uint32_t)tk.len;
		t->kind = (uint16_t)tk.kind;
		t->flags = (uint16_t)(tk.flags & 0x1ff);
		t->gaz = 0;
		t->cf = t->cc = 0;
		hash_token(t, s + tk.off);
	}
	mark_sentences(ner);
	classify(ner);
}

/*
 * The scan of the document ahead keeps the tokens of its paragraphs, and
 * their text, while they fit in NER_KEEP_TOKS tokens and NER_KEEP_BYTES
 * bytes: tagged next, in the same order, they need not be read again.
 */
static void
keep(struct lede_ner *ner)
{
	struct ner_kept	*k;

	if (ner->nkt + ner->nt > NER_KEEP_TOKS || ner->nkx + ner->n >
	    NER_KEEP_BYTES)
		return;
	if (ner->nkept == ner->capkept) {
		ner->capkept = ner->capkept ? ner->capkept * 2 : 64;
		ner->kept = lede_xrealloc(ner->kept, ner->capkept *
		    sizeof(*ner->kept));
	}
	if (ner->kt == NULL) {
		ner->kt = lede_xmalloc(NER_KEEP_TOKS * sizeof(*ner->kt));
		ner->kx = lede_xmalloc(NER_KEEP_BYTES);
	}
	k = &ner->kept[ner->nkept++];
	k->toff = ner->nkt;
	k->nt = ner->nt;
	k->xoff = ner->nkx;
	k->n = ner->n;
	k->ptype = ner->ptype;
	k->done = 0;
	if (ner->nt > 0)
		memcpy(ner->kt + ner->nkt, ner->t, ner->nt * sizeof(*ner->t));
	ner->nkt += ner->nt;
	if (ner->n > 0)
		memcpy(ner->kx + ner->nkx, ner->s, ner->n);
	ner->nkx += ner->n;
}

/*
 * The tokens kept for the n bytes at s: 1 if found.  Paragraphs are
 * tagged in the order scanned but for headlines, tagged last, so the
 * search starts at the first not yet tagged and goes at most NER_KEEP_LOOK
 * paragraphs on.
 */
#define NER_KEEP_LOOK	64
static int
kept(struct lede_ner *ner, const char *s, size_t n)
{
	struct ner_kept	*k = NULL;
	size_t		 j;

	for (j = ner->nkhead; j < ner->nkept && j < ner->nkhead +
	    NER_KEEP_LOOK; j++) {
		k = &ner->kept[j];
		if (!k->done && k->n == n && (n == 0 ||
		    memcmp(ner->kx + k->xoff, s, n) == 0))
			break;
		k = NULL;
	}
	if (k == NULL)
		return 0;
	ner->s = s;
	ner->n = n;
	ner->nents = 0;
	reserve(ner, k->nt + 1);
	if (k->nt > 0)
		memcpy(ner->t, ner->kt + k->toff, k->nt * sizeof(*ner->t));
	ner->nt = k->nt;
	ner->ptype = k->ptype;
	k->done = 1;
	while (ner->nkhead < ner->nkept && ner->kept[ner->nkhead].done)
		ner->nkhead++;
	if (++ner->nkdone == ner->nkept)
		ner_keep_clear(ner);
	return 1;
}

void
ner_keep_clear(struct lede_ner *ner)
{
	ner->nkept = ner->nkdone = ner->nkhead = 0;
	ner->nkt = ner->nkx = 0;
}

size_t
ner_scan_tokens(struct lede_ner *ner, const char *s, size_t n)
{
	tokenize(ner, s, n);
	keep(ner);
	sentinels(ner);
	return ner->nt;
}

size_t
ner_prepare_tokens(struct lede_ner *ner, const char *s, size_t n)
{
	if (!kept(ner, s, n))
		tokenize(ner, s, n);
	mark_breaks(ner);
	mark_allowed(ner);
	ner_mark_gazetteer(ner);
	if (ner->ptype != 0)
		truecase(ner);
	sentinels(ner);
	return ner->nt;
}

size_t
lede_ner_prepare(struct lede_ner *ner, const char *s, size_t n)
{
	size_t	i;

	ner_prepare_tokens(ner, s, n);
	for (i = 0; i < ner->nt; i++)
		ner_clus_find(ner, &ner->t[i]);
	return ner->nt;
}
