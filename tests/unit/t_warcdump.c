/*
 * The dump of an archive's events for the WARC tests.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "gzip.h"
#include "peek.h"
#include "warc.h"
#include "warcdump.h"

static const char *const status_names[] = {
	"OK", "EINPUT", "ECUT", "EHEAD", "ELENGTH", "ESYNC", "EJUNK",
	"EHTTP", "ECHUNK", "ECODING", "TRUNCATED"
};

static void
addf(struct lede_buf *out, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
addf(struct lede_buf *out, const char *fmt, ...)
{
	char	tmp[1024];
	va_list	ap;
	int	n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	lede_buf_add(out, tmp, n < (int)sizeof(tmp) ? (size_t)n :
	    sizeof(tmp) - 1);
}

/* The payload as "| " lines. */
static void
dump_payload(struct lede_warc *w, size_t chunk, struct lede_buf *out)
{
	char		buf[4096];
	ssize_t		r;
	ssize_t		i;
	int		bol = 1;
	unsigned char	c;

	if (chunk > sizeof(buf))
		chunk = sizeof(buf);
	while ((r = lede_warc_read(w, buf, chunk)) > 0)
		for (i = 0; i < r; i++) {
			if (bol)
				lede_buf_add(out, "| ", 2);
			bol = 0;
			c = (unsigned char)buf[i];
			if (c == '\n') {
				lede_buf_addc(out, '\n');
				bol = 1;
			} else if (c == '\t' || (c >= 0x20 && c < 0x7f) ||
			    c >= 0x80)
				lede_buf_addc(out, (char)c);
			else
				addf(out, "\\x%02X", c);
		}
	if (!bol)
		lede_buf_add(out, "$\n", 2);
}

static void
dump_record(const struct lede_warc_record *rec, struct lede_buf *out)
{
	addf(out, "record %s %s %s %s %s http=%d @%llu",
	    lede_warc_type_name(rec->type), rec->uri,
	    rec->media == LEDE_WARC_HTML ? "html" : "text", rec->mime,
	    rec->charset != NULL ? rec->charset : "-", rec->http,
	    (unsigned long long)rec->offset);
	if (rec->member != LEDE_WARC_NOPOS)
		addf(out, " member=%llu", (unsigned long long)rec->member);
	if (rec->truncated != NULL)
		addf(out, " truncated=%s", rec->truncated);
	lede_buf_addc(out, '\n');
}

static void
dump_end(const struct lede_warc_stats *st, struct lede_buf *out)
{
	int	i;

	addf(out, "end records=%llu docs=%llu problems=%llu",
	    (unsigned long long)st->records, (unsigned long long)st->docs,
	    (unsigned long long)st->problems);
	for (i = 0; i < LEDE_WARC_NSKIP; i++)
		if (st->skipped[i] > 0)
			addf(out, " [%s]=%llu", lede_warc_skip_name(i),
			    (unsigned long long)st->skipped[i]);
	lede_buf_addc(out, '\n');
}

static uint64_t
locate(const void *ctx, uint64_t off)
{
	return lede_gzip_member_at(ctx, off);
}

void
warc_dump(const char *data, size_t n, size_t chunk, struct lede_buf *out)
{
	struct chunks			 c = { data, n, 0, chunk };
	struct lede_peek		 pk;
	struct lede_gzip		*gz = NULL;
	struct lede_warc		*w;
	struct lede_warc_record		 rec;
	const struct lede_warc_problem	*p;
	const char			*head;
	size_t				 got;
	enum lede_warc_event		 ev;

	lede_peek_init(&pk, chunks_read, &c);
	head = lede_peek_look(&pk, 2, &got);
	if (lede_gzip_magic(head, got)) {
		gz = lede_gzip_new(lede_peek_read, &pk, LEDE_GZIP_FILE);
		w = lede_warc_new(lede_gzip_read, gz);
		lede_warc_locator(w, locate, gz);
	} else
		w = lede_warc_new(lede_peek_read, &pk);
	while ((ev = lede_warc_next(w, &rec)) != LEDE_WARC_END) {
		if (ev == LEDE_WARC_RECORD) {
			dump_record(&rec, out);
			dump_payload(w, chunk, out);
			continue;
		}
		p = lede_warc_problem(w);
		addf(out, "problem %s: %s\n", status_names[p->status],
		    p->message);
		if (p->status == LEDE_WARC_EINPUT && gz != NULL)
			addf(out, "  gzip: %s\n", lede_gzip_message(gz));
	}
	dump_end(lede_warc_stats(w), out);
	if (gz != NULL && lede_gzip_status(gz) == LEDE_GZIP_ETRAILING)
		addf(out, "gzip: %s\n", lede_gzip_message(gz));
	lede_warc_free(w);
	lede_gzip_free(gz);
}
