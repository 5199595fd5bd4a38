/*
 * The speaker of each quotation: the cue of its own sentence, after or before
 * it, else one borrowed from a quotation next to it, a cue elsewhere in the
 * paragraph, a paragraph that ends with a colon, or the quote before.
 */
#include <stdlib.h>
#include <string.h>

#include "quote_priv.h"

static void
set_speaker(struct quotation *qt, int s0, int s1, int cue, int strong)
{
	qt->s0 = s0;
	qt->s1 = s1;
	qt->cue = cue;
	qt->strong = strong;
}

/* Is there a line break between tokens k and k + 1? */
static int
break_after(const struct qpara *c, int k)
{
	size_t	a = c->t[k].off + c->t[k].len;

	return memchr(c->s + a, '\n', c->t[k + 1].off - a) != NULL;
}

/*
 * Does the line of token i start with a quotation mark, as a line that a
 * credit ends does ("“...” ― Sonya Herridge"), and not with the words
 * of a report a reporter signs ("Rajoy said ... “...”--Kim Hjelmgaard")?
 */
static int
line_quoted(const struct qpara *c, int i)
{
	int	lo = i - 2 * REACH;

	if (i < 0 || i >= c->nt)
		return 0;
	while (i > 0 && i > lo && !break_after(c, i - 1))
		i--;
	return (i == 0 || break_after(c, i - 1)) &&
	    c->t[i].kind == LEDE_TOK_QUOTE;
}

/*
 * The credit line that ends the line of token i, after a closing mark:
 * "“...” ― Sonya Herridge."  Its name is *s0..*s1.
 */
static int
line_credit(const struct qpara *c, int i, int *s0, int *s1)
{
	int	e = i, d;

	while (e + 1 < c->nt && e < i + REACH && !break_after(c, e))
		e++;
	if (e + 1 < c->nt && !break_after(c, e))
		return 0;	/* no end of the line near */
	if (e > i && c->t[e].kind == LEDE_TOK_PUNCT)
		e--;
	for (d = e; d > i && e - d < NPMAX && c->t[d].kind != LEDE_TOK_DASH;
	    d--)
		if (!(F(c, d) & I_WORD) || (F(c, d) & I_INQ))
			return 0;
	if (d <= i || c->t[d].kind != LEDE_TOK_DASH ||
	    (c->t[d - 1].kind != LEDE_TOK_QUOTE && !(F(c, d - 1) & I_INQ)))
		return 0;
	return quote_np_right(c, d + 1, e, s0, s1) && *s1 == e &&
	    (F(c, *s0) & I_CAP) && (F(c, e) & I_CAP);
}

/* Was qt cut where a quotation opens inside it: no closing mark? */
static int
cut_inside(const struct qpara *c, const struct quotation *qt)
{
	size_t	p;

	for (p = qt->ie; p < qt->oe; p++)
		if (c->s[p] != ' ' && c->s[p] != '\t' && c->s[p] != '\n')
			return 0;
	return 1;
}

/* The speaker named in the words after the quotation. */
static int
from_tail(const struct qpara *c, struct quotation *qt, int *media, int *near)
{
	int	i, v, lo, hi, s0, s1, first, ended;

	lo = qt->t1;
	for (hi = lo; hi < c->nt && hi < lo + REACH && !(F(c, hi) & I_INQ) &&
	    !(F(c, hi) & I_END); hi++)
		;
	hi--;
	/* The first word after the marks and punctuation. */
	for (first = lo; first <= hi && c->t[first].kind != LEDE_TOK_WORD;
	    first++)
		;
	ended = qt->ie > qt->is && strchr(".?!", c->s[qt->ie - 1]) != NULL;
	/* A credit line: "“...” ― Sonya Herridge". */
	if (lo <= hi && c->t[lo].kind == LEDE_TOK_DASH &&
	    line_quoted(c, qt->t0) && quote_np_right(c, lo + 1, hi, &s0, &s1) &&
	    (F(c, s0) & I_CAP) &&
	    (F(c, s1) & I_CAP) && s1 - s0 < NPMAX && (s1 + 1 >= c->nt ||
	    (F(c, s1 + 1) & I_INQ) || (s1 + 2 >= c->nt &&
	    c->t[s1 + 1].kind == LEDE_TOK_PUNCT))) {
		set_speaker(qt, s0, s1, -1, 1);
		qt->sure = 1;
		*near = 1;
		return 1;
	}
	/*
	 * Cut where a quotation opens inside it ("... what he calls “hell”
	 * than ...” ― Adriana Rodarte"): the credit line of its line.
	 */
	if (!qt->open && lo < c->nt && cut_inside(c, qt) &&
	    line_credit(c, lo, &s0, &s1)) {
		set_speaker(qt, s0, s1, -1, 1);
		qt->sure = 1;
		*near = 1;
		return 1;
	}
	for (i = lo; i <= hi && i < lo + TAILCUE; i++) {
		if (!(F(c, i) & (I_CUE | I_PRE)))
			continue;
		v = i;
		if (!quote_speaker_of(c, v, lo, hi, &s0, &s1))
			continue;
		/*
		 * After a quotation that ends its sentence, only a short
		 * attribution belongs to it ("Trump said."), not the next
		 * sentence ("He said he would ...").
		 */
		if (ended && (hi - (s1 > v ? s1 : v) > SHORTTAIL ||
		    (hi + 1 < c->nt && (F(c, hi + 1) & I_INQ))))
			return 0;
		set_speaker(qt, s0, s1, v, 1);
		*media = is(c, v, "reported") || is(c, v, "reports");
		*near = s0 == first || v == first;
		return 1;
	}
	/*
	 * No cue after it: the credit line that ends its line.
	 */
	if (lo < c->nt && line_credit(c, lo, &s0, &s1) &&
	    line_quoted(c, qt->t0)) {
		set_speaker(qt, s0, s1, -1, 1);
		qt->sure = 1;
		*near = 1;
		return 1;
	}
	return 0;
}

/* The speaker named in the words before the quotation. */
static int
from_head(const struct qpara *c, struct quotation *qt)
{
	int	i, v, lo, s0, s1;

	for (lo = qt->t0; lo > 0 && lo > qt->t0 - REACH &&
	    !(F(c, lo - 1) & (I_INQ | I_END)); lo--)
		;
	for (i = qt->t0 - 1; i >= lo; i--) {
		if (!(F(c, i) & (I_CUE | I_ING | I_PRE)))
			continue;
		if (quote_speaker_of(c, i, lo, qt->t0 - 1, &s0, &s1)) {
			/* "X told reporters ..., adding": the cue is "told". */
			for (v = s1 + 1; (F(c, i) & I_ING) && v < i; v++)
				if (F(c, v) & I_CUE) {
					i = v;
					break;
				}
			set_speaker(qt, s0, s1, i, 1);
			return 1;
		}
	}
	/* No verb of saying: the subject of the last part of the clause. */
	if (qt->t0 - lo < 3)
		return 0;
	for (i = qt->t0 - 2; i > lo && !(F(c, i) & I_COMMA); i--)
		;
	if (F(c, i) & I_COMMA)
		lo = i + 1;
	if (quote_subject(c, lo, qt->t0 - 1, &s0, &s1) &&
	    (F(c, s1) & (I_CAP | I_PRON))) {
		set_speaker(qt, s0, s1, -1, 1);
		return 1;
	}
	return 0;
}

/* A reporting verb anywhere else in the paragraph, before or after. */
static int
from_para(const struct qpara *c, struct quotation *qt, int dir)
{
	int	i, lo, hi, s0, s1;

	int	from = dir < 0 ? qt->t0 - 1 : qt->t1;

	for (i = from; i >= 0 && i < c->nt && abs(i - from) < REACH;
	    i += dir) {
		if (!(F(c, i) & (I_CUE | I_PRE)) || (F(c, i) & I_INQ))
			continue;
		quote_clause(c, i, &lo, &hi);
		if (quote_speaker_of(c, i, lo, hi, &s0, &s1)) {
			set_speaker(qt, s0, s1, i, 0);
			return 1;
		}
	}
	return 0;
}

/* Is token i a word in capitals of two letters or more ("MS.")? */
static int
capitals(const struct qpara *c, int i)
{
	const char	*p = c->s + c->t[i].off;
	size_t		 k, n = c->t[i].len;

	if (c->t[i].kind != LEDE_TOK_WORD || n < 2)
		return 0;
	for (k = 0; k < n; k++)
		if (!((p[k] >= 'A' && p[k] <= 'Z') || (p[k] == '.' && k > 0)))
			return 0;
	return 1;
}

/*
 * Does a transcript label start at token i: one to three words in
 * capitals ("WALLACE", "MS. CLINTON", "PARTICIPANT") and a colon?  Its
 * last word, or -1.
 */
int
quote_label(const struct qpara *c, int i)
{
	/* Labels of the page, not of a speaker: "NOTE:", "WATCH:". */
	static const char *const page[] = {
		"NOTE", "UPDATE", "UPDATED", "CORRECTION", "CLARIFICATION",
		"WATCH", "VIDEO", "PHOTO", "PHOTOS", "READ", "RELATED", "MORE",
		"ALSO", "BREAKING", "EXCLUSIVE", "ADVERTISEMENT", "SOURCE",
		"SOURCES", "CREDIT", "DISCLAIMER", "WARNING", "LISTEN", "SEE",
		"TOPICS", "TAGS", "FILE", "EDITOR'S", "EDITORS", "SPONSORED"
	};
	size_t	k;
	int	j;

	for (j = i; j < c->nt && j < i + 4 && (capitals(c, j) ||
	    (j > i && is(c, j, ".") && capitals(c, j - 1))); j++)
		;
	if (j == i || !is(c, j, ":") || c->t[j - 1].len < 3)
		return -1;
	for (k = 0; k < sizeof(page) / sizeof(page[0]); k++)
		if (c->t[i].len == strlen(page[k]) &&
		    memcmp(c->s + c->t[i].off, page[k], c->t[i].len) == 0)
			return -1;
	return j - 1;
}

void
quote_own_speaker(struct qpara *c, struct quotation *qt)
{
	struct quotation	tail;
	int		media = 0, near = 0, found, s0 = -1, s1;

	/* A transcript: "“WALLACE: Let's start ...", MS. CLINTON: “...”. */
	if ((s1 = quote_label(c, qt->t0 + 1)) >= 0) {
		/* The label is no part of the quoted words. */
		s0 = qt->t0 + 1;
		quote_skip_label(c, qt, s1 + 1);
	} else if ((s1 = quote_label(c, 0)) >= 0 && s1 + 2 == qt->t0)
		s0 = 0;
	if (s0 >= 0) {
		set_speaker(qt, s0, s1, -1, 1);
		qt->sure = 1;
		return;
	}
	qt->sure = 0;
	tail = *qt;
	found = from_tail(c, &tail, &media, &near);
	if (found && near && !media) {
		*qt = tail;
		return;
	}
	if (from_head(c, qt))
		return;
	if (found)
		*qt = tail;
}

/* The token before the quotation, in its sentence, or -1. */
void
quote_find_kind(const struct qpara *c, struct quotation *qt)
{
	int	b = qt->t0 - 1, a = qt->t1, k;

	qt->mixed = 0;
	if (b >= 0 && (F(c, b) & I_WORD) && !(F(c, b) & (I_CUE | I_INQ)))
		qt->mixed = 1;
	/* After the credit line of the quotation before: "― Ann Holt “...”" */
	for (k = b; k >= 0 && b - k < NPMAX && (F(c, k) & I_WORD) &&
	    !(F(c, k) & I_INQ); k--)
		;
	if (k > 0 && k < b && c->t[k].kind == LEDE_TOK_DASH &&
	    (F(c, k - 1) & I_INQ))
		qt->mixed = 0;
	if (a < c->nt && (F(c, a) & I_WORD) && !(F(c, a) & I_INQ) &&
	    !(qt->cue >= a && qt->strong && (qt->cue <= a + NPMAX ||
	    (qt->s0 == a && (F(c, qt->s1 + 1) & I_COMMA) &&
	    (F(c, qt->cue - 1) & I_COMMA)))))
		qt->mixed = 1;
}

void
quote_borrow(struct qpara *c, int k)
{
	struct lede_quoter	*q = c->q;
	struct quotation		*qt = &c->qs[k];
	int			 j, s0, s1;

	if (qt->s0 >= 0 || qt->spk[0])
		return;
	/* A quotation in the same sentence: "''A'' but ''B,'' he said". */
	for (j = k + 1; j < c->nq && j <= k + 2; j++) {
		int i;

		for (i = qt->t1; i < c->qs[j].t0 && !(F(c, i) & I_END); i++)
			;
		if (i < c->qs[j].t0)
			break;
		if (c->qs[j].words >= MINWORDS && c->qs[j].s0 >= 0 &&
		    c->qs[j].strong) {
			set_speaker(qt, c->qs[j].s0, c->qs[j].s1,
			    c->qs[j].cue, 0);
			return;
		}
	}
	for (j = k - 1; j >= 0 && c->qs[j].t1 > qt->t0 - REACH; j--)
		if (c->qs[j].words >= MINWORDS && c->qs[j].s0 >= 0) {
			set_speaker(qt, c->qs[j].s0, c->qs[j].s1,
			    c->qs[j].cue, 0);
			return;
		}
	if (from_para(c, qt, -1))
		return;
	for (j = k + 1; j < c->nq && c->qs[j].t0 < qt->t1 + REACH; j++)
		if (c->qs[j].words >= MINWORDS && c->qs[j].s0 >= 0 &&
		    c->qs[j].strong) {
			set_speaker(qt, c->qs[j].s0, c->qs[j].s1,
			    c->qs[j].cue, 0);
			return;
		}
	if (from_para(c, qt, 1))
		return;
	if (qt->t0 == 0 && q->colonspk[0] && q->colonpara == q->npara - 1) {
		strlcpy(qt->spk, q->colonspk, sizeof(qt->spk));
		strlcpy(qt->name, q->colonname, sizeof(qt->name));
		return;
	}
	if (qt->t0 == 0 && q->lastspk[0] &&
	    q->lastpara >= q->npara - CARRYPARAS) {
		strlcpy(qt->spk, q->lastspk, sizeof(qt->spk));
		strlcpy(qt->name, q->lastname, sizeof(qt->name));
		return;
	}
	if (qt->t0 > 0 && quote_subject(c, 0, qt->t0 - 1, &s0, &s1)) {
		set_speaker(qt, s0, s1, -1, 0);
		return;
	}
	if (q->lastspk[0]) {
		strlcpy(qt->spk, q->lastspk, sizeof(qt->spk));
		strlcpy(qt->name, q->lastname, sizeof(qt->name));
	}
}

/* Fills the strings of a quotation's speaker. */
void
quote_speaker_strings(struct qpara *c, struct quotation *qt)
{
	if (qt->s0 >= 0) {
		quote_copy_tokens(c, qt->s0, qt->s1, qt->spk, sizeof(qt->spk));
		quote_resolve(c, qt->s0, qt->s1, qt->name);
	}
	if (qt->cue >= 0)
		quote_copy_tokens(c, qt->cue, qt->cue, qt->cuew,
		    sizeof(qt->cuew));
	if (qt->spk[0]) {
		strlcpy(c->q->lastspk, qt->spk, sizeof(c->q->lastspk));
		strlcpy(c->q->lastname, qt->name, sizeof(c->q->lastname));
		c->q->lastpara = c->q->npara;
	}
}

/*
 * A paragraph that is only a credit line ("- Bernie Sanders.", "-President
 * Obama, tweeting after the speech.") names the speaker of the quotation
 * held before it.
 */
void
quote_credit_para(struct qpara *c)
{
	struct lede_quoter	*q = c->q;
	char			 spk[LEDE_QUOTE_NAMELEN], name[LEDE_QUOTE_NAMELEN];
	int			 s0, s1;

	if (c->nt < 2 || c->nt > 24 || (c->t[0].kind != LEDE_TOK_DASH &&
	    !is(c, 0, "-")) || !quote_np_right(c, 1, c->nt - 1, &s0, &s1) ||
	    s0 != 1 || !(F(c, s0) & I_CAP) || !(F(c, s1) & I_CAP) ||
	    (s1 + 1 < c->nt && !(F(c, s1 + 1) & (I_COMMA | I_END))))
		return;
	quote_copy_tokens(c, s0, s1, spk, sizeof(spk));
	quote_resolve(c, s0, s1, name);
	quote_credit_held(q, spk, name);
	strlcpy(q->lastspk, spk, sizeof(q->lastspk));
	strlcpy(q->lastname, name, sizeof(q->lastname));
}

/* A paragraph that ends with a colon introduces the next one's quote. */
void
quote_colon_speaker(struct qpara *c)
{
	struct lede_quoter	*q = c->q;
	size_t			 n = c->n;
	int			 i, lo, hi, s0 = -1, s1 = -1;

	while (n > 0 && (c->s[n - 1] == '\n' || c->s[n - 1] == ' '))
		n--;
	if (n == 0 || c->s[n - 1] != ':' || c->nt < 2)
		return;
	quote_clause(c, c->nt - 1, &lo, &hi);
	for (i = hi; i >= lo; i--)
		if ((F(c, i) & (I_CUE | I_ING | I_PRE)) &&
		    quote_speaker_of(c, i, lo, hi, &s0, &s1))
			break;
	if (i < lo && !quote_subject(c, lo, hi, &s0, &s1))
		return;
	quote_copy_tokens(c, s0, s1, q->colonspk, sizeof(q->colonspk));
	quote_resolve(c, s0, s1, q->colonname);
	q->colonpara = q->npara;
}
