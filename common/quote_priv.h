/*
 * Quotations and their speakers: the internals shared by the quote_*.c
 * modules.
 *
 *	quote.c		the quoter's life, and the passes over one paragraph
 *	quote_lex.c	the lexicons in one table; tokens and their classes
 *	quote_marks.c	pairing the quotation marks; the tokens they hold
 *	quote_phrase.c	noun phrases around a reporting verb: speakers,
 *			subjects, clauses
 *	quote_names.c	the names of the document: surnames and pronouns
 *			resolved to the full names used earlier
 *	quote_speaker.c	the speaker of each quotation: its own cue, one
 *			borrowed from a neighbour, a paragraph ending ":"
 *	quote_reported.c reported speech: "Murphy told reporters that ..."
 *	quote_record.c	the records: queued strings, quotations that run
 *			over paragraphs, the order they come out in
 *	quote_model.c	the learned weights: compiled in from
 *			common/data/quote-model.txt, or being trained
 *	quote_cue.c	the cues of attribution, tagged by the model
 *	quote_keep.c	which quoted segments are quotations: learned
 *
 * Each paragraph is taken apart in four passes.  The inline tags of lede-tag
 * output are removed (PER spans kept as hints); the quotation marks are
 * paired, straight marks and '' alternating as the corpora do, curly marks
 * by their direction, and never past the end of the paragraph unless the
 * next one reopens; the paragraph is tokenized and each token classed from
 * the lexicons (reporting verb, pronoun, title or role, determiner...); then
 * each quotation looks for its speaker: a reporting verb right after it
 * ("..., Murphy said", "..., said Murphy"), else before it ("Murphy said:"),
 * else the speaker of a quote next to it, of a cue elsewhere in the
 * paragraph, or of the quote before it when the paragraph carries on a
 * quotation.  Speakers are noun phrases grown around the verb: names with
 * their titles, roles and appositions, pronouns, descriptions ("the
 * ministry").  Names seen in the document resolve surnames and pronouns.
 * Reported speech ("X said that ...") is found from the same verbs.
 *
 * Callers see struct lede_quoter only through quote.h.
 */
#ifndef LEDE_QUOTE_PRIV_H
#define LEDE_QUOTE_PRIV_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "quote.h"
#include "tok.h"

/* The class bits of a token. */
#define I_WORD	0x0001
#define I_CAP	0x0002
#define I_CUE	0x0004	/* finite reporting verb */
#define I_ING	0x0008	/* participle: "adding" */
#define I_PRE	0x0010	/* "according" (to) */
#define I_PRON	0x0020
#define I_ROLE	0x0040
#define I_TITLE	0x0080
#define I_DET	0x0100
#define I_ADV	0x0200
#define I_STOP	0x0400	/* function word: ends a noun phrase */
#define I_INQ	0x0800	/* inside a quotation, marks included */
#define I_END	0x1000	/* sentence end outside quotations */
#define I_PER	0x2000	/* inside a PER tag */
#define I_POSS	0x4000	/* 's */
#define I_ORG	0x8000	/* a body: "ministry" */
#define I_COMMA	0x10000
#define I_WHO	0x20000
#define I_OF	0x40000	/* of, for: inside names of offices */
#define I_DATE	0x80000	/* weekday or month */
#define I_NAMING 0x100000	/* quotes without reporting: "called" */
#define I_THINK	0x200000	/* reports thoughts only: "believes" */
#define I_QCUE	0x400000	/* the cue of a quotation */
#define I_TCUE	0x800000	/* in a cue the model tagged */
#define I_NOUN	0x1000000	/* a noun in -ly, not an adverb: "family" */
#define I_PAGE	0x2000000	/* a page's label before a colon: "Watch:" */

/* The classes a word of a name never has. */
#define NOT_NAME (I_TITLE | I_ROLE | I_STOP | I_POSS | I_PRON | I_DET | I_ORG)

/* Tuning: the reach of the searches, in tokens. */
#define NPMAX	12	/* tokens in a speaker phrase */
#define APPOS	40	/* tokens looked back over an apposition */
#define TAILCUE	30	/* tokens looked ahead for a cue */
#define REACH	200	/* tokens any search goes from its start */
#define RELMAX	24	/* tokens of a relative clause a speaker takes in */
#define RELBACK	12	/* tokens looked back for "who" of a relative */
#define PARENMAX 8	/* tokens inside "(D-Ore.)" after a name */
#define SHORTTAIL 6	/* tokens of an attribution after its clause */
#define INTROMAX 25	/* tokens of a clause before the subject */
#define CUEGAP	8	/* tokens between a verb of saying and "that" */
#define LABELMAX 24	/* bytes of a transcript label: "MS. CLINTON:" */

/* Tuning: quotations and speakers. */
#define MINWORDS 3	/* words of a quotation; fewer: a scare quote */
#define CARRYPARAS 2	/* paragraphs a speaker carries over to a quote */

#define LEDE_QUOTE_NAMES	64	/* names remembered per document */
#define LEDE_QUOTE_NAMELEN	128	/* bytes kept of a name */
#define LEDE_QUOTE_CUELEN	32	/* bytes kept of a reporting verb */

/* A name seen in the document. */
struct lede_quote_name {
	char	s[LEDE_QUOTE_NAMELEN];
	char	gender;		/* 'm', 'f', 'o' organisation, 0 unknown */
	long	seen;		/* paragraph number of the last mention */
};

/* The lexicons of lede-quote by lower-case word. */
#define LEDE_QUOTE_LEXN		7
#define LEDE_QUOTE_WORDLEN	24
union lede_quote_key {
	char		 w[LEDE_QUOTE_WORDLEN];	/* zero-padded */
	uint64_t	 k[LEDE_QUOTE_WORDLEN / 8];
};
struct lede_quote_slot {
	union lede_quote_key	 key;
	/* Its class bits and gender: [capitalised][the "IT" spelling]. */
	uint32_t	 f[2][2];
	char		 g[2][2];
	unsigned char	 len;
};

/*
 * The learned model: 1 << bits rows of QM_NL weights, a feature hashed to
 * a row: 8-bit integers as compiled in (the table stays small for the
 * cache), floats in training.  In training (tools/lede-quote-train.c) u and c keep what the
 * averaged perceptron needs, and errs and seen count the mistakes.
 */
#define QM_NL	5
#define QM_MAXFEAT 32	/* features of one decision, at most */

/*
 * Dropout, in training only: each time a model sees a decision, each of
 * its features (but a bias) is left out with the chance p / 2^31, drawn
 * from rng.  p is 0 in the models compiled in, which see every feature.
 */
struct quote_drop {
	uint32_t	 p;
	uint64_t	 rng;
};

struct quote_weights {
	unsigned	 bits;
	const int8_t	*w8;	/* the model compiled in, or NULL */
	float		*w;	/* training */
	double		*u;	/* training: the sum of c * each update */
	double		 c;	/* training: the decisions so far */
	struct quote_drop drop;	/* training */
	size_t		 errs[2], seen[2];
};

#define QM_STRIDE 8	/* int8_t a row compiled in: 8 aligned bytes */

/*
 * The speaker ranker's model: one weight a row, the rows hashed as above;
 * compiled in (w8) or being trained (w, u and c as for the cues).
 */
struct quote_rankw {
	unsigned	 bits;
	const int8_t	*w8;
	float		*w;
	double		*u;
	double		 c;
	struct quote_drop drop;
	size_t		 errs, seen, miss;
};

/* The row of feature f. */
static inline size_t
quote_rowno(const struct quote_weights *W, uint32_t f)
{
	return (size_t)((f * 0x9E3779B1u) >> (32 - W->bits));
}

/* The first weight of the row of feature f, in training. */
static inline size_t
quote_row(const struct quote_weights *W, uint32_t f)
{
	return quote_rowno(W, f) * QM_NL;
}

/*
 * The gold of a document in training: for each byte, the parts of an
 * attribution it is in (QG_*), and which attribution (1-based, 0: none).
 */
#define QG_SRC	0x01
#define QG_SRC0	0x02	/* the first byte of a piece of the source */
#define QG_CUE	0x04
#define QG_CUE0	0x08
#define QG_CON	0x10
#define QG_CON0	0x20
struct quote_gold {
	size_t		 n;
	unsigned char	*part;
	int		*attr;
	char		**src;	/* each attribution's source, "" if none */
	size_t		 nsrc;
};

/* A record waiting in the queue: offsets into the arena. */
struct lede_quote_rec {
	size_t			start, end;
	enum lede_quote_kind	kind;
	size_t			q, ql, sp, spl, nm, nml, cu, cul;
};

struct lede_quoter {
	struct lede_buf		 text;	/* the paragraph without tags */
	struct lede_buf		 per;	/* tagged entities: struct lede_ent */
	struct lede_buf		 toks;	/* struct lede_tok */
	struct lede_buf		 info;	/* per-token class bits */
	struct lede_buf		 namet;	/* int: tokens that may start names */
	struct lede_buf		 cuet;	/* int: tokens of reporting verbs */
	struct lede_buf		 quotes;	/* quotes of the paragraph */
	struct lede_buf		 arena;	/* strings of the queued records */
	struct lede_buf		 recs;	/* struct lede_quote_rec */
	size_t			 nextrec;
	/*
	 * The records of a paragraph that is a quotation alone, held back
	 * from holdfrom on while the next paragraph may be its credit line.
	 */
	int			 held;
	size_t			 holdfrom;
	/* A quotation left open at the end of a paragraph. */
	struct lede_buf		 pend;
	int			 pending;
	size_t			 pstart;
	int			 pparas;
	int			 pmark;	/* the family of its opening mark */
	char			 pspk[LEDE_QUOTE_NAMELEN];
	char			 pname[LEDE_QUOTE_NAMELEN];
	char			 pcue[LEDE_QUOTE_CUELEN];
	/* Document state. */
	size_t			 base;	/* offset of the next paragraph */
	long			 npara;
	long			 clock;	/* orders the mentions of names */
	struct lede_quote_name	 names[LEDE_QUOTE_NAMES];
	int			 nnames;
	char			 lastspk[LEDE_QUOTE_NAMELEN];
	char			 lastname[LEDE_QUOTE_NAMELEN];
	long			 lastpara;	/* paragraph of the last quote */
	char			 colonspk[LEDE_QUOTE_NAMELEN];
	char			 colonname[LEDE_QUOTE_NAMELEN];
	long			 colonpara;	/* paragraph ending "...:" */
	size_t			 cap;
	/* The model, and the gold of the document when training. */
	struct quote_weights	*W;
	struct quote_weights	*builtin;
	struct quote_rankw	*R;	/* the speaker ranker */
	struct quote_rankw	*rbuiltin;
	struct quote_rankw	*K;	/* which segments are quotations */
	struct quote_rankw	*kbuiltin;
	const struct quote_gold	*gold;
	struct lede_buf		 wh;	/* uint32_t: the tokens' word hashes */
	struct lede_buf		 cues;	/* int pairs: the cues, first and last */
	struct lede_buf		 cons;	/* int pairs: the contents tagged */
	struct lede_quote_slot	*lexword;	/* the distinct words */
	size_t			 nlexword;
	uint32_t		*lexhash;	/* hash tag and word + 1, or 0 */
	size_t			 lexmask;
};

/* The class of a token. */
struct qtok {
	unsigned	f;
	unsigned	lc;	/* a capitalised word's cue bits in lower case */
	int		q;	/* the quotation it is in, or -1 */
	char		g;	/* gender class of the word, or 0 */
};

/* A quotation of the current paragraph. */
struct quotation {
	size_t	os, oe;		/* marks included */
	size_t	is, ie;		/* the quoted words */
	int	t0, t1;		/* its tokens [t0, t1) */
	int	words;
	int	cont;		/* goes on from the paragraph before */
	int	open;		/* still open at the end of the paragraph */
	int	mark;		/* family of the opening mark: QMARK_* */
	int	s0, s1, cue;	/* speaker tokens, cue token, or -1 */
	int	strong;		/* the speaker comes with its own cue */
	int	sure;		/* a credit line or a label: not ranked */
	int	mixed;
	int	inclause;	/* inside a reported clause before its cuts */
	char	spk[LEDE_QUOTE_NAMELEN];
	char	name[LEDE_QUOTE_NAMELEN];
	char	cuew[LEDE_QUOTE_CUELEN];
};

/* The working view of one paragraph. */
struct qpara {
	struct lede_quoter	*q;
	const char		*s;
	size_t			 n;
	struct lede_tok		*t;
	struct qtok		*in;
	int			 nt;
	struct quotation	*qs;
	int			 nq;
	int			 headline;	/* in headline case */
};

/* Is token i the n bytes at w? */
static inline int
is_n(const struct qpara *c, int i, const char *w, size_t n)
{
	return i >= 0 && i < c->nt && c->t[i].len == n &&
	    c->s[c->t[i].off] == w[0] &&
	    memcmp(c->s + c->t[i].off, w, n) == 0;
}

/* Is token i the string literal w? */
#define is(c, i, w)	is_n((c), (i), "" w, sizeof(w) - 1)

/*
 * Do the n >= 2 bytes at w end as a verb's -s form may ("quips", "says"),
 * not as a noun's ("crisis", "campus", "boss") or a possessive ("Jones'")?
 */
static inline int
quote_verb_ending(const char *w, size_t n)
{
	return w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'i' &&
	    w[n - 2] != 'u' && w[n - 2] != '\'';
}

/* The class bits of token i, 0 outside the paragraph. */
static inline unsigned
F(const struct qpara *c, int i)
{
	return i >= 0 && i < c->nt ? c->in[i].f : 0;
}

/* quote_lex.c */
void	quote_lex_build(struct lede_quoter *);
void	quote_tokenize(struct qpara *);
uint32_t quote_hash_lower(const char *, size_t);

/* quote_marks.c: the families of opening marks */
#define QMARK_STRAIGHT	1	/* " */
#define QMARK_DOUBLED	2	/* '' and `` */
#define QMARK_CURLY	3	/* the curly marks */
int	quote_count_words(const char *, size_t);
int	quote_starts_open(const char *, size_t, int family);
void	quote_scan(struct lede_quoter *, const char *, size_t, int cont);
void	quote_mark_tokens(struct qpara *);
void	quote_skip_mark(const struct qpara *, struct quotation *);
void	quote_skip_label(const struct qpara *, struct quotation *, int colon);

/* quote_phrase.c */
int	quote_name_part(const struct qpara *, int);
int	quote_modifier(const struct qpara *, int);
int	quote_prep(const struct qpara *, int);
int	quote_paren_end(const struct qpara *, int j, int hi);
int	quote_np_left(const struct qpara *, int i, int lo, int *s0, int *s1,
	    int depth);
int	quote_np_right(const struct qpara *, int i, int hi, int *s0, int *s1);
int	quote_subject(const struct qpara *, int lo, int hi, int *s0, int *s1);
int	quote_speaker_of(const struct qpara *, int v, int lo, int hi,
	    int *s0, int *s1);
void	quote_clause(const struct qpara *, int i, int *lo, int *hi);
void	quote_copy_tokens(const struct qpara *, int s0, int s1, char *out,
	    size_t sz);

/* quote_names.c */
void	quote_resolve(struct qpara *, int s0, int s1, char *name);
void	quote_learn_names(struct qpara *);

/* quote_speaker.c */
void	quote_own_speaker(struct qpara *, struct quotation *);
int	quote_label(const struct qpara *, int i);
void	quote_borrow(struct qpara *, int k);
void	quote_find_kind(const struct qpara *, struct quotation *);
void	quote_speaker_strings(struct qpara *, struct quotation *);
void	quote_credit_para(struct qpara *);
void	quote_colon_speaker(struct qpara *);

/* quote_reported.c */
void	quote_indirect(struct qpara *);

/* quote_model.c */
struct quote_weights *quote_weights_new(unsigned bits);
struct quote_weights *quote_weights_builtin(void);
void	quote_weights_free(struct quote_weights *);
void	quote_weights_score(const struct quote_weights *, const uint32_t *f,
	    size_t nf, float *sc);
void	quote_weights_update(struct quote_weights *, const uint32_t *f,
	    size_t nf, int lab, float d);
struct quote_rankw *quote_rankw_new(unsigned bits);
struct quote_rankw *quote_rankw_builtin(void);
void	quote_rankw_free(struct quote_rankw *);
float	quote_rankw_score(const struct quote_rankw *, const uint32_t *f,
	    size_t nf);
void	quote_rankw_update(struct quote_rankw *, const uint32_t *f, size_t nf,
	    float d);
uint32_t quote_rnd(uint64_t *state);
size_t	quote_drop(struct quote_drop *, uint32_t *f, size_t nf, size_t bias);
/*
 * Trains W and R on the document that follows, whose gold is g; (NULL,
 * NULL, NULL) goes back to the models compiled in.
 */
void	quote_train(struct lede_quoter *, struct quote_weights *W,
	    struct quote_rankw *R, const struct quote_gold *g);

/* The model of quote_keep: compiled in; trains K (NULL: back to it). */
struct quote_rankw *quote_keepw_builtin(void);
void	quote_train_keep(struct lede_quoter *, struct quote_rankw *K);

/* quote_keep.c: is the segment qt a quotation? */
int	quote_keep(struct qpara *, const struct quotation *qt);

/* quote_rank.c */
void	quote_rank(struct qpara *, int k);

/* quote_cue.c */
void	quote_cues(struct qpara *);

/* quote_record.c */
void	quote_rec_add(struct lede_quoter *, size_t start, size_t end,
	    enum lede_quote_kind, const char *text, size_t tl, const char *spk,
	    const char *name, const char *cue);
void	quote_flush_pending(struct lede_quoter *);
void	quote_hold(struct qpara *, size_t first);
void	quote_credit_held(struct lede_quoter *, const char *spk,
	    const char *name);
void	quote_recs_compact(struct lede_quoter *);
void	quote_emit(struct qpara *, struct quotation *);
void	quote_sort_recs(struct lede_quoter *, size_t from);

#endif
