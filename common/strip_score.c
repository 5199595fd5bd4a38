/*
 * Boilerplate removal: the language, and each block's score (see
 * strip_priv.h).
 */
#include "strip_priv.h"

/*
 * Tuning weights and thresholds.  All were set by hand on the boilerplate
 * dev texts (../shared/corpora/boilerplate/dev) and kept where the F1 of
 * the text mode peaked; the comments say what each one weighs.
 */
#define LANG_MINWORDS	6	/* blocks that vote for the language */
#define LANG_MINSTOPS	5	/* stop words for a language to be known */
#define LANG_MINSHARE	10	/* ... and at least 1/10 of the words */
#define STOP_FLOOR	0.08f	/* stop-word share of a list of names */
#define STOP_RANGE	0.22f	/* ... to full grammar at 0.30 */
#define UNCASED_GRAMMAR	0.7f	/* CJK and other scripts without case */
#define LOWER_FLOOR	0.3f	/* small-letter share of a title-cased menu */
#define LOWER_RANGE	0.4f	/* ... to full grammar at 0.7 */
#define NOSENT_WEIGHT	0.35f	/* text without a sentence end */
#define PROSE_WORDS	8	/* words of a block called prose */
#define PROSE_GRAMMAR	0.4f	/* ... and its grammar */
#define TEXT_WORDS	15	/* words of long text without an end */
#define TEXT_GRAMMAR	0.5f	/* ... and its grammar */
#define BASE_COST	4	/* every block pays: a short one is noise */
#define SHORT_WORDS	8	/* fewer words: a short block */
#define CAPS_COST	1	/* mostly capitals */
#define DIGITS_COST	2	/* mostly numbers */
#define LIST_INDENT	4	/* indented this much and short: a list */
#define LIST_COST	4	/* list marks, menu separators, nav */
#define MEDIA_COST	8	/* image text and file names */
#define LINKS_COST	4	/* mostly links: this ... */
#define LINKS_PER_WORD	0.5f	/* ... and this a word */
#define PHRASE_COST	10	/* phrase, byline, date, end: below zero by */
#define REPEAT_COST	6	/* repeated in the page: below zero by */
#define TEMPLATE_COST	3.0f	/* a document that had it before ... */
#define TEMPLATE_MAXDOCS 3	/* ... counted up to this many */
#define SHORT_FLOOR	(-8)	/* the lowest score of a short block */
/*
 * Markup (HTML pages), set by hand on the boilerplate dev pages: a class
 * or id of boilerplate, the main container or outside it, the page's own
 * articleBody, and a caption.
 */
#define CLASS_COST	6	/* class/id of boilerplate: below zero by */
#define MAIN_BONUS	4	/* in the main container */
#define MAIN_FLOOR	1	/* ... the lowest score there */
#define MAIN_LOW	(-1)	/* ... and of what markup rules out */
#define OUTMAIN_COST	6	/* outside it: this ... */
#define OUTMAIN_PER_WORD 0.5f	/* ... and this a word */
#define GUIDE_BONUS	8	/* in the page's articleBody: above zero by */
#define NOGUIDE_COST	8	/* not in it: this ... */
#define NOGUIDE_PER_WORD 0.5f	/* ... and this a word */

/* The language whose stop words are commonest in the longer blocks. */
void
lede_strip_find_lang(struct lede_strip *st)
{
	unsigned long	 n[LEDE_STRIP_NLANG] = { 0 }, words = 0;
	size_t		 i;
	int		 k, best = 0;

	for (i = 0; i < st->nblock; i++) {
		if (st->block[i].f.words < LANG_MINWORDS)
			continue;
		words += st->block[i].f.words;
		for (k = 0; k < LEDE_STRIP_NLANG; k++)
			n[k] += st->block[i].f.stop[k];
	}
	for (k = 1; k < LEDE_STRIP_NLANG; k++)
		if (n[k] > n[best])
			best = k;
	st->lang = n[best] >= LANG_MINSTOPS &&
	    n[best] * LANG_MINSHARE >= words ? best : -1;
}

/* Scoring: > 0 for text that reads like the article, < 0 for the rest. */

static float
clamp01(float x)
{
	return x < 0 ? 0 : x > 1 ? 1 : x;
}

/* How grammatical the text looks, 0 to 1. */
float
lede_strip_grammar(const struct lede_strip *st,
    const struct lede_strip_feat *f)
{
	float	d, low;

	low = f->alpha ? (float)f->lower / (float)f->alpha : 0;
	if (st->lang >= 0) {
		d = (float)f->stop[st->lang] / (float)f->words;
		return clamp01((d - STOP_FLOOR) / STOP_RANGE);
	}
	/* Scripts without case: judge by length and punctuation alone. */
	if (f->uncased * 2 > f->letters)
		return UNCASED_GRAMMAR;
	return clamp01((low - LOWER_FLOOR) / LOWER_RANGE);
}

float
lede_strip_score(const struct lede_strip *st, struct lede_strip_block *b)
{
	const struct lede_strip_feat *f = &b->f;
	float	v, g, w = (float)f->words;

	if (f->words == 0) {
		b->why |= LEDE_STRIP_NOWORDS;
		return -1;
	}
	g = lede_strip_grammar(st, f);
	/* Without spaces between words (Chinese, Japanese), count letters. */
	if (f->uncased * 2 > f->letters && w < (float)f->uncased / 2)
		w = (float)f->uncased / 2;
	if (f->sentends > 0 || f->endpunct) {
		v = w * g;
		if (f->words >= PROSE_WORDS && g >= PROSE_GRAMMAR)
			b->why |= LEDE_STRIP_PROSE;
	} else {
		v = w * g * NOSENT_WEIGHT;
		if (f->words >= TEXT_WORDS && g >= TEXT_GRAMMAR)
			b->why |= LEDE_STRIP_TEXT;
	}
	v -= BASE_COST;
	if (f->words < SHORT_WORDS)
		b->why |= LEDE_STRIP_SHORT;
	if (f->upper * 2 > f->alpha && f->alpha >= 2) {
		b->why |= LEDE_STRIP_CAPS;
		v -= CAPS_COST;
	}
	if (f->digit * 2 > f->words) {
		b->why |= LEDE_STRIP_DIGITS;
		v -= DIGITS_COST;
	}
	if (f->bullet || f->seps >= 2 || f->tag == LEDE_STRIP_TAG_NAV ||
	    (f->indent >= LIST_INDENT && f->words < TEXT_WORDS)) {
		b->why |= LEDE_STRIP_LIST;
		v -= LIST_COST;
	}
	if (f->media || (f->tag == LEDE_STRIP_TAG_CAPTION && !st->o.captions)) {
		b->why |= LEDE_STRIP_MEDIA;
		v -= MEDIA_COST;
	}
	if (f->linkbytes * 2 > f->bytes) {
		b->why |= LEDE_STRIP_LINKS;
		v -= LINKS_COST + w * LINKS_PER_WORD;
	}
	if (b->why & (LEDE_STRIP_PHRASE | LEDE_STRIP_BYLINE | LEDE_STRIP_DATE |
	    LEDE_STRIP_END))
		v = (v > 0 ? 0 : v) - PHRASE_COST;
	if (b->repeat > 0) {
		b->why |= LEDE_STRIP_REPEAT;
		v = (v > 0 ? 0 : v) - REPEAT_COST;
	}
	/*
	 * Earlier pages of the site had it: template text, unless it is
	 * prose, which a copy of an article or a wire story shares too.
	 */
	if (b->xdoc > 0 && !(b->why & LEDE_STRIP_PROSE)) {
		b->why |= LEDE_STRIP_TEMPLATE;
		v -= TEMPLATE_COST * (float)(b->xdoc > TEMPLATE_MAXDOCS ?
		    TEMPLATE_MAXDOCS : b->xdoc);
	}
	if (f->xflags & LEDE_STRIP_X_BOILER) {
		b->why |= LEDE_STRIP_CLASS;
		v = (v > 0 ? 0 : v) - CLASS_COST;
	}
	if (f->xflags & LEDE_STRIP_X_MAIN) {
		/* The container of the article: all but what markup rules out. */
		b->why |= LEDE_STRIP_MAIN;
		v += MAIN_BONUS;
		if (!(b->why & MAINHARD) && v < MAIN_FLOOR)
			v = MAIN_FLOOR;
		/* What goes there does not cut the article in two. */
		if (v < MAIN_LOW)
			v = MAIN_LOW;
	}
	if (f->xflags & LEDE_STRIP_X_OUTMAIN)
		v -= OUTMAIN_COST + w * OUTMAIN_PER_WORD;
	if (f->xflags & LEDE_STRIP_X_NOGUIDE)
		v -= NOGUIDE_COST + w * NOGUIDE_PER_WORD;
	if (f->xflags & LEDE_STRIP_X_GUIDE) {
		b->why |= LEDE_STRIP_GUIDE;
		v = (v < 0 ? 0 : v) + GUIDE_BONUS;
	}
	/* One short line cannot break the article in two. */
	if (f->words < SHORT_WORDS && v < SHORT_FLOOR)
		v = SHORT_FLOOR;
	return v;
}
