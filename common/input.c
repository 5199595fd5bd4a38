/*
 * The input loop: opens each file operand in turn, reads it through one
 * reused stream, and cuts it into documents at header lines.  Documents
 * live in two slots used in turn, so that a document stays valid while
 * the next one is read; each slot owns the storage of its name.
 *
 * The first bytes of an operand say its format: gzip (1f 8b) puts a gzip
 * reader under the stream, and "WARC/1.0" or "WARC/1.1" (after gzip or
 * not) a WARC reader, whose document records then each become a document
 * named by its target URI, the stream reading its payload.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gzip.h"
#include "input.h"
#include "utf8.h"
#include "peek.h"
#include "warc.h"

/* Bytes looked at to tell HTML from text (see looks_html()). */
#define SNIFF	1024

struct slot {
	struct lede_doc	doc;
	struct lede_buf	name;
	struct lede_buf	charset;
};

struct lede_input {
	char			**files;
	int			  nfiles;
	int			  next;		/* the operand to open next */
	const char		 *file;		/* the operand being read */
	int			  fd;
	lede_read_fn		  read;		/* how the operands are read */
	void			 *ctx;
	int			  open;		/* a file is being read */
	int			  failed;
	enum lede_in_html	  html;
	struct lede_stream	  st;
	struct slot		  slot[2];
	struct lede_doc		 *doc;		/* the document being read */
	int			  begin;	/* its BEGIN is due */
	int			  end;		/* its END is due */
	int			  pending;	/* a line read ahead is due */
	struct lede_line	  pline;	/* that line */
	int			  lastblank;	/* its last line was blank */
	unsigned long		  seq;
	struct lede_stream_stats  stats;	/* totals over closed files */
	struct lede_peek	  pk[2];	/* first bytes: file, then gzip */
	struct lede_gzip	 *gz;
	int			  gzon;		/* the operand is gzip */
	struct lede_warc	 *warc;
	int			  inwarc;	/* the operand is a WARC file */
	int			  indoc;	/* a record's payload is read */
	struct lede_warc_stats	  wstats;	/* totals over closed archives */
};

static char stdin_name[] = "-";
static char *stdin_files[] = { stdin_name };

static struct lede_input *
input_alloc(size_t maxline)
{
	struct lede_input	*in = lede_xcalloc(1, sizeof(*in));

	in->fd = -1;
	in->read = lede_read_fd;
	in->ctx = &in->fd;
	in->html = LEDE_IN_HTML_NONE;
	lede_stream_init(&in->st, in->read, in->ctx, maxline);
	return in;
}

struct lede_input *
lede_input_new(int nfiles, char **files, size_t maxline)
{
	struct lede_input	*in = input_alloc(maxline);

	if (nfiles == 0) {
		files = stdin_files;
		nfiles = 1;
	}
	in->files = files;
	in->nfiles = nfiles;
	return in;
}

struct lede_input *
lede_input_new_reader(const char *name, lede_read_fn fn, void *ctx,
    size_t maxline)
{
	struct lede_input	*in = input_alloc(maxline);

	in->files = lede_xmalloc(sizeof(*in->files));
	in->files[0] = (char *)name;
	in->nfiles = 1;
	in->read = fn;
	in->ctx = ctx;
	in->fd = -2;		/* not ours to open or close */
	lede_stream_reset(&in->st, fn, ctx);
	return in;
}

void
lede_input_html(struct lede_input *in, enum lede_in_html mode)
{
	in->html = mode;
}

int
lede_input_nfiles(const struct lede_input *in)
{
	return in->nfiles;
}

int
lede_input_failed(const struct lede_input *in)
{
	return in->failed;
}

const struct lede_stream_stats *
lede_input_stats(const struct lede_input *in)
{
	return &in->stats;
}

const struct lede_warc_stats *
lede_input_warc_stats(const struct lede_input *in)
{
	return &in->wstats;
}

/* Starts a document named by the n bytes at name in the other slot. */
static void
new_doc(struct lede_input *in, const char *name, size_t n, int header)
{
	struct slot	*sl = &in->slot[in->seq % 2];

	sl->name.len = 0;
	lede_buf_add(&sl->name, name, n);
	lede_buf_addc(&sl->name, '\0');
	memset(&sl->doc, 0, sizeof(sl->doc));
	sl->doc.name = sl->name.p;
	sl->doc.file = in->file;
	sl->doc.header = header;
	sl->doc.type = LEDE_DOC_TEXT;
	sl->doc.seq = ++in->seq;
	in->doc = &sl->doc;
	in->begin = 1;
	in->lastblank = 0;
}

/*
 * Does a document that starts with the n bytes at s look like HTML?  After
 * a byte-order mark and white space, and past comments and an XML
 * declaration, it must open with a doctype or one of the elements that
 * start pages: the HTML standard's sniffing of "text/html" does the same.
 */
static int
looks_html(const char *s, size_t n)
{
	static const char *const starts_html[] = {
		"<!doctype html", "<html", "<head", "<body", "<meta", "<title",
		"<script", "<link", "<style", "<div", "<p>", "<p ", "<table",
		"<h1", "<a ", "<br", "<iframe", "<font", "<b>", "<b ",
	};
	const char	*e = s + n, *c;
	size_t		 i;

	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3;
	for (;;) {
		while (s < e && (*s == ' ' || *s == '\t' || *s == '\n' ||
		    *s == '\r' || *s == '\f'))
			s++;
		if (lede_ascii_iprefix(s, (size_t)(e - s), "<!--") ||
		    lede_ascii_iprefix(s, (size_t)(e - s), "<?xml")) {
			if ((c = memchr(s, '>', (size_t)(e - s))) == NULL)
				return 0;
			s = c + 1;
			continue;
		}
		break;
	}
	for (i = 0; i < sizeof(starts_html) / sizeof(starts_html[0]); i++)
		if (lede_ascii_iprefix(s, (size_t)(e - s), starts_html[i]))
			return 1;
	return 0;
}

/*
 * Tells the type of the document that starts at the stream's position and
 * sets the stream's mode for it.  Returns -1 on a read error.
 */
static int
sniff(struct lede_input *in)
{
	const char	*p;
	int		 n;

	lede_stream_raw(&in->st, 0);
	if (in->html == LEDE_IN_HTML_NONE)
		return 0;
	if ((n = lede_stream_peek(&in->st, SNIFF, &p)) == -1)
		return -1;
	if (in->html == LEDE_IN_HTML_ALL || looks_html(p, (size_t)n)) {
		in->doc->type = LEDE_DOC_HTML;
		lede_stream_raw(&in->st, 1);
	}
	return 0;
}

/* Adds what the stream's repairs did to the totals (before a reset). */
static void
add_stats(struct lede_input *in)
{
	struct lede_stream_stats	*t = &in->stats;
	const struct lede_stream_stats	*s = &in->st.stats;

	t->nul += s->nul;
	t->invalid += s->invalid;
	t->cr += s->cr;
	t->bom += s->bom;
	t->cuts += s->cuts;
}

/* Adds the counts of the archive just read to the totals. */
static void
add_warc_stats(struct lede_input *in)
{
	struct lede_warc_stats		*t = &in->wstats;
	const struct lede_warc_stats	*s = lede_warc_stats(in->warc);
	int				 i;

	t->records += s->records;
	t->docs += s->docs;
	t->problems += s->problems;
	t->truncated += s->truncated;
	for (i = 0; i < LEDE_WARC_NTYPES; i++)
		t->types[i] += s->types[i];
	for (i = 0; i < LEDE_WARC_NSKIP; i++)
		t->skipped[i] += s->skipped[i];
}

static void
close_file(struct lede_input *in)
{
	add_stats(in);
	if (in->inwarc)
		add_warc_stats(in);
	in->inwarc = in->indoc = 0;
	if (in->fd > STDIN_FILENO)
		close(in->fd);
	if (in->fd >= 0)
		in->fd = -1;
	in->open = 0;
}

static enum lede_in_kind
error(struct lede_input *in, struct lede_in_event *ev, int errnum)
{
	ev->kind = LEDE_IN_ERROR;
	ev->file = in->file;
	ev->errnum = errnum;
	if (in->gzon && lede_gzip_status(in->gz) != LEDE_GZIP_OK &&
	    lede_gzip_status(in->gz) != LEDE_GZIP_EREAD)
		ev->msg = lede_gzip_message(in->gz);
	in->failed = 1;
	return ev->kind;
}

static uint64_t
locate(const void *gz, uint64_t off)
{
	return lede_gzip_member_at(gz, off);
}

/*
 * Tells gzip and WARC from the first bytes of the operand and sets the
 * readers up under the stream.  Returns 0, or -1 on a read error (errno
 * set).
 */
static int
formats(struct lede_input *in)
{
	lede_read_fn	 fn = lede_peek_read;
	void		*ctx = &in->pk[0];
	const char	*p;
	size_t		 n;

	in->gzon = in->inwarc = in->indoc = 0;
	lede_peek_init(&in->pk[0], in->read, in->ctx);
	if ((p = lede_peek_look(&in->pk[0], 2, &n)) == NULL)
		return -1;
	if (lede_gzip_magic(p, n)) {
		if (in->gz == NULL)
			in->gz = lede_gzip_new(fn, ctx, LEDE_GZIP_FILE);
		else
			lede_gzip_reset(in->gz, fn, ctx, LEDE_GZIP_FILE);
		in->gzon = 1;
		fn = lede_gzip_read;
		ctx = in->gz;
	}
	lede_peek_init(&in->pk[1], fn, ctx);
	lede_stream_reset(&in->st, lede_peek_read, &in->pk[1]);
	if ((p = lede_peek_look(&in->pk[1], 9, &n)) == NULL)
		return -1;
	if (lede_warc_magic(p, n)) {
		if (in->warc == NULL)
			in->warc = lede_warc_new(lede_peek_read, &in->pk[1]);
		else
			lede_warc_reset(in->warc, lede_peek_read, &in->pk[1]);
		lede_warc_locator(in->warc, in->gzon ? locate : NULL, in->gz);
		in->inwarc = 1;
	}
	return 0;
}

/* A document record of the archive: its document begins. */
static enum lede_in_kind
warc_doc(struct lede_input *in, struct lede_in_event *ev,
    const struct lede_warc_record *rec)
{
	struct slot	*sl;

	if (*rec->uri != '\0')
		new_doc(in, rec->uri, strlen(rec->uri), 0);
	else
		new_doc(in, in->file, strlen(in->file), 0);
	sl = &in->slot[(in->seq - 1) % 2];
	if (*rec->uri != '\0')
		sl->doc.url = sl->doc.name;
	if (rec->charset != NULL) {
		sl->charset.len = 0;
		lede_buf_add(&sl->charset, rec->charset,
		    strlen(rec->charset) + 1);
		sl->doc.charset = sl->charset.p;
	}
	if (rec->media == LEDE_WARC_HTML && in->html != LEDE_IN_HTML_NONE)
		sl->doc.type = LEDE_DOC_HTML;
	add_stats(in);
	lede_stream_reset(&in->st, lede_warc_read, in->warc);
	lede_stream_raw(&in->st, sl->doc.type == LEDE_DOC_HTML);
	in->indoc = 1;
	in->begin = 2;		/* the record told the type */
	return lede_input_next(in, ev);
}

/* The next event of a WARC operand between documents. */
static enum lede_in_kind
warc_next(struct lede_input *in, struct lede_in_event *ev)
{
	struct lede_warc_record		 rec;
	const struct lede_warc_problem	*p;

	for (;;)
		switch (lede_warc_next(in->warc, &rec)) {
		case LEDE_WARC_RECORD:
			return warc_doc(in, ev, &rec);
		case LEDE_WARC_PROBLEM:
			p = lede_warc_problem(in->warc);
			if (p->status == LEDE_WARC_TRUNCATED)
				continue;	/* counted, not a fault */
			error(in, ev, p->errnum != 0 ? p->errnum : EILSEQ);
			if (p->status != LEDE_WARC_EINPUT || !in->gzon)
				ev->msg = p->message;
			return ev->kind;
		case LEDE_WARC_END:
			close_file(in);
			if (in->gzon &&
			    lede_gzip_status(in->gz) == LEDE_GZIP_ETRAILING)
				return error(in, ev, EILSEQ);
			return lede_input_next(in, ev);
		}
}

/*
 * Opens the next operand and starts its first document: named by the
 * operand, or by the header line the file starts with.  Returns BEGIN,
 * ERROR or DONE.
 */
static enum lede_in_kind
open_next(struct lede_input *in, struct lede_in_event *ev)
{
	const char	*p;
	int		 r;

	if (in->next >= in->nfiles)
		return ev->kind = LEDE_IN_DONE;
	in->file = in->files[in->next++];
	if (in->fd != -2) {
		if (strcmp(in->file, "-") == 0)
			in->fd = STDIN_FILENO;
		else if ((in->fd = open(in->file, O_RDONLY)) == -1) {
			in->fd = -1;
			return error(in, ev, errno);
		}
	}
	in->open = 1;
	if (formats(in) == -1) {
		r = errno;
		close_file(in);
		return error(in, ev, r);
	}
	if (in->inwarc)
		return warc_next(in, ev);
	if ((r = lede_stream_peek(&in->st, 4, &p)) == -1) {
		close_file(in);
		return error(in, ev, errno);
	}
	if (r == 4 && memcmp(p, "==> ", 4) == 0) {
		r = lede_stream_line(&in->st, &in->pline);
		if (r == 1 && in->pline.kind == LEDE_LINE_HEADER) {
			new_doc(in, in->pline.s + in->pline.name.off,
			    in->pline.name.len, 1);
			return lede_input_next(in, ev);
		}
		/* A text line that looks almost like a header. */
		new_doc(in, in->file, strlen(in->file), 0);
		in->pending = r == 1;
		in->begin = 2;	/* no sniffing: the line is read as text */
		return lede_input_next(in, ev);
	}
	new_doc(in, in->file, strlen(in->file), 0);
	return lede_input_next(in, ev);
}

/* Is the raw line of n bytes at s only white space? */
static int
raw_blank(const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' &&
		    s[i] != '\n')
			return 0;
	return 1;
}

/* The event of a line that was read: a line, or a header. */
static enum lede_in_kind
line_event(struct lede_input *in, struct lede_in_event *ev)
{
	struct lede_line	*l = &ev->line;

	if (in->inwarc && l->kind == LEDE_LINE_HEADER)
		l->kind = LEDE_LINE_TEXT;	/* a record is one document */
	if (l->kind == LEDE_LINE_HEADER) {
		/* The document ends here; the next one begins after. */
		in->doc->blankend = in->lastblank;
		ev->doc = in->doc;
		new_doc(in, l->s + l->name.off, l->name.len, 1);
		return ev->kind = LEDE_IN_END;
	}
	ev->doc = in->doc;
	if (in->doc->type == LEDE_DOC_HTML) {
		ev->bytes = l->s;
		ev->nbytes = l->len;
		in->lastblank = raw_blank(l->s, l->len);
		return ev->kind = LEDE_IN_BYTES;
	}
	in->lastblank = l->kind == LEDE_LINE_BLANK;
	return ev->kind = LEDE_IN_LINE;
}

enum lede_in_kind
lede_input_next(struct lede_input *in, struct lede_in_event *ev)
{
	int	r;

	memset(ev, 0, sizeof(*ev));
	if (in->begin) {
		/* The type is told before the document is handed out. */
		if (in->begin == 1 && sniff(in) == -1) {
			/* Then an empty document, ended. */
			in->begin = 2;
			in->end = 1;
			close_file(in);
			return error(in, ev, errno);
		}
		in->begin = 0;
		ev->doc = in->doc;
		return ev->kind = LEDE_IN_BEGIN;
	}
	if (in->end) {
		in->end = 0;
		in->doc->blankend = in->lastblank;
		ev->doc = in->doc;
		in->doc = NULL;
		return ev->kind = LEDE_IN_END;
	}
	if (!in->open)
		return open_next(in, ev);
	if (in->inwarc && !in->indoc)
		return warc_next(in, ev);
	if (in->pending) {
		in->pending = 0;
		ev->line = in->pline;
		return line_event(in, ev);
	}
	r = lede_stream_line(&in->st, &ev->line);
	if (r == 1)
		return line_event(in, ev);
	in->end = 1;
	if (in->inwarc) {
		in->indoc = 0;	/* the payload ends; the archive goes on */
		return lede_input_next(in, ev);
	}
	close_file(in);
	if (r == -1 || (in->gzon &&
	    lede_gzip_status(in->gz) == LEDE_GZIP_ETRAILING)) {
		ev->doc = in->doc;
		return error(in, ev, r == -1 ? errno : EILSEQ);
	}
	return lede_input_next(in, ev);
}

/* Appends to buf (n bytes, at *at) as snprintf() would, never past n. */
static void
say(char *buf, size_t n, size_t *at, const char *fmt, unsigned long long v,
    const char *what)
{
	int	k;

	if (*at >= n)
		return;
	k = snprintf(buf + *at, n - *at, fmt, v, what);
	if (k > 0)
		*at += (size_t)k < n - *at ? (size_t)k : n - *at - 1;
}

void
lede_input_summary(const struct lede_input *in, char *buf, size_t n)
{
	const struct lede_warc_stats	*w = &in->wstats;
	const struct lede_stream_stats	*r = &in->stats;
	size_t				 at = 0;
	int				 i, sep = 0;

	buf[0] = '\0';
	say(buf, n, &at, "%llu document%s", in->seq, in->seq == 1 ? "" : "s");
	if (w->records > 0) {
		say(buf, n, &at, "; web archives: %llu record%s",
		    w->records, w->records == 1 ? "" : "s");
		for (i = 0; i < LEDE_WARC_NTYPES; i++)
			if (w->types[i] > 0)
				say(buf, n, &at, sep++ ? ", %llu %s" : " (%llu %s",
				    w->types[i], lede_warc_type_name(i));
		if (sep)
			say(buf, n, &at, "%.0llu%s", 0, ")");
		for (i = sep = 0; i < LEDE_WARC_NSKIP; i++)
			if (w->skipped[i] > 0)
				say(buf, n, &at, sep++ ? ", %llu %s" :
				    ", skipped: %llu %s", w->skipped[i],
				    lede_warc_skip_name(i));
		if (w->truncated > 0)
			say(buf, n, &at, ", %llu %s", w->truncated,
			    "truncated by the crawler");
		if (w->problems > 0)
			say(buf, n, &at, ", %llu %s", w->problems, "problems");
	}
	if (r->invalid > 0)
		say(buf, n, &at, "; %llu %s", r->invalid,
		    "bytes read as Windows-1252");
	if (r->nul > 0)
		say(buf, n, &at, "; %llu %s", r->nul, "NUL bytes dropped");
	if (r->cuts > 0)
		say(buf, n, &at, "; %llu %s", r->cuts, "lines cut at the cap");
}

void
lede_input_free(struct lede_input *in)
{
	int	i;

	if (in == NULL)
		return;
	if (in->open)
		close_file(in);
	lede_stream_free(&in->st);
	lede_warc_free(in->warc);
	lede_gzip_free(in->gz);
	for (i = 0; i < 2; i++) {
		lede_buf_free(&in->slot[i].name);
		lede_buf_free(&in->slot[i].charset);
	}
	if (in->fd == -2)
		free(in->files);
	free(in);
}

/* The host of a URL-like name at s, or NULL: "scheme://host", "host/". */
static const char *
urlhost(const char *s, size_t *len)
{
	const char	*p, *h = s, *at;
	size_t		 n;

	if ((p = strstr(s, "://")) != NULL && p > s &&
	    strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789+-.") == (size_t)(p - s))
		h = p + 3;
	n = strcspn(h, "/?#: \t\\");
	if ((at = memchr(h, '@', n)) != NULL) {		/* user@host */
		n -= (size_t)(at + 1 - h);
		h = at + 1;
	}
	/* A name without a scheme is a host only before a slash, with a dot. */
	if (n == 0 || (h == s && (h[n] != '/' || *h == '.' ||
	    memchr(h, '.', n) == NULL)))
		return NULL;
	if (n > 4 && lede_ascii_iprefix(h, n, "www."))
		h += 4, n -= 4;
	*len = n;
	return h;
}

const char *
lede_doc_site(const struct lede_doc *doc, size_t *len)
{
	const char	*h, *slash;

	if (doc->url != NULL && (h = urlhost(doc->url, len)) != NULL)
		return h;
	if ((h = urlhost(doc->name, len)) != NULL)
		return h;
	slash = strrchr(doc->name, '/');
	*len = slash != NULL ? (size_t)(slash - doc->name) : 0;
	return doc->name;
}
