/*
 * The tagger: the numeric and temporal patterns (numex.h), the removal of
 * old tags, and the statistical tagger on short documents of our own
 * (tag.h), written back inline and compared with the expected text.
 */
#include <check.h>
#include <string.h>

#include "buf.h"
#include "ner_priv.h"
#include "numex.h"
#include "suites.h"
#include "tag.h"

/* Appends the n bytes at s with the entities e inline to b, NUL ended. */
static void
render(struct lede_buf *b, const char *s, size_t n, const struct lede_ent *e,
    size_t ne)
{
	const char	*name;
	size_t		 i, at = 0;

	for (i = 0; i < ne; i++) {
		ck_assert_uint_ge(e[i].off, at);
		ck_assert_uint_le(e[i].off + e[i].len, n);
		ck_assert_uint_gt(e[i].len, 0);
		name = lede_ent_name(e[i].type);
		lede_buf_add(b, s + at, e[i].off - at);
		lede_buf_addc(b, '<');
		lede_buf_add(b, name, strlen(name));
		lede_buf_addc(b, '>');
		lede_buf_add(b, s + e[i].off, e[i].len);
		lede_buf_add(b, "</", 2);
		lede_buf_add(b, name, strlen(name));
		lede_buf_addc(b, '>');
		at = e[i].off + e[i].len;
	}
	lede_buf_add(b, s + at, n - at);
	lede_buf_addc(b, '\0');
}

static const struct {
	const char	*in;
	const char	*want;
} numex_cases[] = {
	{ "They met on Thursday.", "They met on <DATE>Thursday</DATE>." },
	{ "It was signed in December 2016.",
	  "It was signed in <DATE>December 2016</DATE>." },
	{ "the best figure since January 2016.",
	  "the best figure since <DATE>January 2016</DATE>." },
	{ "The vote is on March 3, 2024 at noon.",
	  "The vote is on <DATE>March 3, 2024</DATE> at <TIME>noon</TIME>." },
	{ "OSLO 1996-08-22", "OSLO <DATE>1996-08-22</DATE>" },
	{ "a loss of $4.5 billion", "a loss of <MONEY>$4.5 billion</MONEY>" },
	{ "It costs $1,299, Apple said.",
	  "It costs <MONEY>$1,299</MONEY>, Apple said." },
	{ "at $5, then 3%, then 2,000 euros,",
	  "at <MONEY>$5</MONEY>, then <PERCENT>3%</PERCENT>, then "
	  "<MONEY>2,000 euros</MONEY>," },
	{ "worth 1.2 million marks",
	  "worth <MONEY>1.2 million marks</MONEY>" },
	{ "it will spend 150 million euros",
	  "it will spend <MONEY>150 million euros</MONEY>" },
	{ "volumes grew 3 per cent", "volumes grew <PERCENT>3 per cent</PERCENT>" },
	{ "rates fell 12.5% and 4.5 percent",
	  "rates fell <PERCENT>12.5%</PERCENT> and "
	  "<PERCENT>4.5 percent</PERCENT>" },
	{ "The talks begin at 10:30 a.m. EST today.",
	  "The talks begin at <TIME>10:30 a.m. EST</TIME> "
	  "<DATE>today</DATE>." },
	{ "She left at 9 p.m. on Friday.",
	  "She left at <TIME>9 p.m.</TIME> on <DATE>Friday</DATE>." },
	{ "They may march in the sun.", "They may march in the sun." },
	{ "The 2016 budget had 300 pages.", "The 2016 budget had 300 pages." },
	{ "It has been so since 2016.", "It has been so since <DATE>2016</DATE>." },
};

START_TEST(test_numex)
{
	struct lede_numex	 nx;
	struct lede_buf		 b = { 0 };
	const struct lede_ent	*e;
	const char		*in = numex_cases[_i].in;
	size_t			 n;

	ck_assert_int_eq(lede_numex_init(&nx), 0);
	n = lede_numex_find(&nx, in, strlen(in), &e);
	render(&b, in, strlen(in), e, n);
	ck_assert_str_eq(b.p, numex_cases[_i].want);
	lede_buf_free(&b);
	lede_numex_free(&nx);
}
END_TEST

/*
 * Documents of a few paragraphs, separated by "\n\n" in the table; the
 * expected inline text separated the same way.
 */
static const struct {
	const char	*in;
	const char	*want;
} tag_cases[] = {
	/* Obvious names of each type. */
	{ "Peter Lindgren flew from Oslo to Brussels on Monday.",
	  "<PER>Peter Lindgren</PER> flew from <LOC>Oslo</LOC> to "
	  "<LOC>Brussels</LOC> on <DATE>Monday</DATE>." },
	{ "The European Commission fined Danske Bank 3 per cent of its "
	  "profit.",
	  "The <ORG>European Commission</ORG> fined <ORG>Danske Bank</ORG> "
	  "<PERCENT>3 per cent</PERCENT> of its profit." },
	{ "Norwegian and Danish carriers backed the plan.",
	  "<MISC>Norwegian</MISC> and <MISC>Danish</MISC> carriers backed "
	  "the plan." },
	/* A surname alone after the full name is the same person. */
	{ "The talks were led by Ingrid Halvorsen of the alliance.\n\n"
	  "Halvorsen said the talks went well.",
	  "The talks were led by <PER>Ingrid Halvorsen</PER> of the "
	  "alliance.\n\n<PER>Halvorsen</PER> said the talks went well." },
	/* An acronym defined in parentheses keeps its type alone. */
	{ "The Nordic Freight Alliance (NFA) cut its rates.\n\n"
	  "The NFA said volumes would grow.",
	  "The <ORG>Nordic Freight Alliance</ORG> (<ORG>NFA</ORG>) cut its "
	  "rates.\n\nThe <ORG>NFA</ORG> said volumes would grow." },
	/* An ALL-CAPS headline. */
	{ "DANSKE BANK SEES FREIGHT RATES FALLING IN NORWAY",
	  "<ORG>DANSKE BANK</ORG> SEES FREIGHT RATES FALLING IN "
	  "<LOC>NORWAY</LOC>" },
	/* A name across a soft line break. */
	{ "officials of the European\nCommission in Brussels",
	  "officials of the <ORG>European\nCommission</ORG> in "
	  "<LOC>Brussels</LOC>" },
	/* Old tags are removed first: tagged again, never twice. */
	{ "<LOC>Peter Lindgren</LOC> flew to <PER><PER>Oslo</PER></PER>.",
	  "<PER>Peter Lindgren</PER> flew to <LOC>Oslo</LOC>." },
};

START_TEST(test_tag)
{
	struct lede_tagger	*tg;
	struct lede_buf		 b = { 0 };
	const struct lede_ent	*e;
	const char		*p = tag_cases[_i].in, *q, *t;
	size_t			 n, len, tn;

	ck_assert_ptr_nonnull(tg = lede_tag_new(~0U));
	lede_tag_doc(tg);
	for (;;) {
		q = strstr(p, "\n\n");
		len = q != NULL ? (size_t)(q - p) : strlen(p);
		n = lede_tag_para(tg, p, len, &e);
		t = lede_tag_text(tg, &tn);
		render(&b, t, tn, e, n);
		b.len--;	/* the NUL */
		if (q == NULL)
			break;
		lede_buf_add(&b, "\n\n", 2);
		p = q + 2;
	}
	lede_buf_addc(&b, '\0');
	ck_assert_str_eq(b.p, tag_cases[_i].want);
	lede_buf_free(&b);
	lede_tag_free(tg);
}
END_TEST

/* With a type mask, only those types are kept. */
START_TEST(test_type_mask)
{
	struct lede_tagger	*tg;
	const struct lede_ent	*e;
	static const char	 a[] = "The talks were led by Ingrid Halvorsen.";
	static const char	 b[] = "Halvorsen flew to Oslo on Monday.";
	size_t			 n;

	ck_assert_ptr_nonnull(tg = lede_tag_new(1U << LEDE_ENT_PER));
	lede_tag_doc(tg);
	ck_assert_uint_eq(lede_tag_para(tg, a, strlen(a), &e), 1);
	ck_assert_int_eq(e[0].type, LEDE_ENT_PER);
	n = lede_tag_para(tg, b, strlen(b), &e);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(e[0].off, 0);
	ck_assert_uint_eq(e[0].len, strlen("Halvorsen"));
	ck_assert_int_eq(e[0].type, LEDE_ENT_PER);
	lede_tag_free(tg);
}
END_TEST

/* Within one buffer, no entity runs over a blank line. */
START_TEST(test_no_paragraph_crossing)
{
	struct lede_tagger	*tg;
	const struct lede_ent	*e;
	static const char	 s[] = "He met the European\n\nCommission and "
	    "Peter\n \nLindgren in New\n\t\nYork.";
	const char		*t;
	size_t			 n, i, tn;

	ck_assert_ptr_nonnull(tg = lede_tag_new(~0U));
	n = lede_tag_para(tg, s, strlen(s), &e);
	t = lede_tag_text(tg, &tn);
	for (i = 0; i < n; i++)
		ck_assert_msg(memchr(t + e[i].off, '\n', e[i].len) ==
		    NULL, "entity %zu crosses a blank line", i);
	lede_tag_free(tg);
}
END_TEST

/* The hash of the lower-cased word s, as the tagger's tokens have it. */
static uint32_t
lw_hash(const char *s)
{
	uint32_t	h = 2166136261U;

	for (; *s != '\0'; s++)
		h = fold_step(h, (unsigned char)*s);
	return h;
}

static int
has_ctx(const uint32_t *ctx, unsigned n, const char *w)
{
	unsigned	i;

	for (i = 0; i < n; i++)
		if (ctx[i] == lw_hash(w))
			return 1;
	return 0;
}

/*
 * The scan of the document ahead counts how each word written with a
 * capital is written in ordinary paragraphs, and what is around it;
 * headlines are left out, and a new document forgets it all.
 */
START_TEST(test_scan_counts)
{
	struct lede_ner			*ner = lede_ner_new();
	const struct lede_ner_agg	*a;
	static const char		 p1[] = "Shares of Pirelli rose on "
	    "Monday. Pirelli fell.";
	static const char		 h[] = "PIRELLI CABLES LOOK TO CHINA";

	lede_ner_doc(ner);
	lede_ner_scan(ner, h, strlen(h));
	ck_assert_ptr_null(ner_agg_find(ner, lw_hash("pirelli")));
	lede_ner_scan(ner, p1, strlen(p1));
	ck_assert_ptr_nonnull(a = ner_agg_find(ner, lw_hash("pirelli")));
	ck_assert_uint_eq(a->nmid, 1);
	ck_assert_uint_eq(a->nstart, 1);
	ck_assert(has_ctx(a->prev, a->nprev, "of"));
	ck_assert(has_ctx(a->next, a->nnext, "rose"));
	ck_assert(has_ctx(a->next, a->nnext, "fell"));
	ck_assert_int_eq(ner_agg_low(ner, lw_hash("rose")), 1);
	ck_assert_int_eq(ner_agg_low(ner, lw_hash("pirelli")), 0);
	ck_assert_ptr_null(ner_agg_find(ner, lw_hash("rose")));
	lede_ner_doc(ner);
	ck_assert_ptr_null(ner_agg_find(ner, lw_hash("pirelli")));
	ck_assert_int_eq(ner_agg_low(ner, lw_hash("rose")), 0);
	lede_ner_free(ner);
}
END_TEST

/* The tokens of ner and fresh are the same. */
static void
same_tokens(const struct lede_ner *ner, const struct lede_ner *fresh)
{
	const struct lede_ner_tok	*a, *b;
	size_t				 i;

	ck_assert_uint_eq(ner->nt, fresh->nt);
	ck_assert_uint_eq(ner->ptype, fresh->ptype);
	for (i = 0; i < ner->nt; i++) {
		a = &ner->t[i];
		b = &fresh->t[i];
		ck_assert_uint_eq(a->off, b->off);
		ck_assert_uint_eq(a->len, b->len);
		ck_assert_uint_eq(a->kind, b->kind);
		ck_assert_uint_eq(a->flags, b->flags);
		ck_assert_uint_eq(a->w, b->w);
		ck_assert_uint_eq(a->lw, b->lw);
		ck_assert_uint_eq(a->shape, b->shape);
		ck_assert_uint_eq(a->suf3, b->suf3);
		ck_assert_uint_eq(a->gaz, b->gaz);
		ck_assert_uint_eq(a->cf, b->cf);
		ck_assert_uint_eq(a->cc, b->cc);
		ck_assert_uint_eq(a->allow, b->allow);
	}
}

/*
 * The tokens the scan keeps serve the paragraphs scanned, in or out of
 * turn, each once: another paragraph, or one already served, is read
 * again, and every time the tokens are those of a tagger that never
 * scanned.
 */
START_TEST(test_scan_keeps_tokens)
{
	struct lede_ner		*ner = lede_ner_new(), *fresh = lede_ner_new();
	static const char	 a[] = "OSLO SHIPPING TALKS END";
	static const char	 b[] = "Ingrid Halvorsen of the Nordic Freight "
	    "Alliance met\nPeter Lindgren in Oslo.";
	static const char	 c[] = "Ingrid Halvorsen of the Nordic Freight "
	    "Alliance met\nPeter Lindgren in Olso.";

	lede_ner_doc(ner);
	lede_ner_scan(ner, a, strlen(a));
	lede_ner_scan(ner, b, strlen(b));
	/* Out of turn, then a text of the same length, then in turn. */
	lede_ner_prepare(ner, b, strlen(b));
	lede_ner_prepare(fresh, b, strlen(b));
	same_tokens(ner, fresh);
	ck_assert_uint_eq(ner->nkdone, 1);
	ck_assert_uint_eq(strlen(c), strlen(b));
	lede_ner_prepare(ner, c, strlen(c));
	lede_ner_prepare(fresh, c, strlen(c));
	same_tokens(ner, fresh);
	ck_assert_uint_eq(ner->nkdone, 1);
	lede_ner_prepare(ner, a, strlen(a));
	lede_ner_prepare(fresh, a, strlen(a));
	same_tokens(ner, fresh);
	/* All served: the store is empty again, and b is read afresh. */
	ck_assert_uint_eq(ner->nkept, 0);
	lede_ner_prepare(ner, b, strlen(b));
	lede_ner_prepare(fresh, b, strlen(b));
	same_tokens(ner, fresh);
	lede_ner_free(ner);
	lede_ner_free(fresh);
}
END_TEST

Suite *
ner_suite(void)
{
	Suite	*s = suite_create("ner");
	TCase	*tc = tcase_create("core");

	tcase_add_loop_test(tc, test_numex, 0,
	    sizeof(numex_cases) / sizeof(numex_cases[0]));
	tcase_add_loop_test(tc, test_tag, 0,
	    sizeof(tag_cases) / sizeof(tag_cases[0]));
	tcase_add_test(tc, test_type_mask);
	tcase_add_test(tc, test_no_paragraph_crossing);
	tcase_add_test(tc, test_scan_counts);
	tcase_add_test(tc, test_scan_keeps_tokens);
	suite_add_tcase(s, tc);
	return s;
}
