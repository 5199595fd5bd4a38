/*
 * The input loop: opens each file operand in turn, reads it through one
 * reused stream, and turns header lines into document events.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "input.h"

static char stdin_name[] = "-";
static char *stdin_files[] = { stdin_name };

void
lede_input_init(struct lede_input *in, int nfiles, char **files,
    size_t maxline)
{
	memset(in, 0, sizeof(*in));
	if (nfiles == 0) {
		files = stdin_files;
		nfiles = 1;
	}
	in->files = files;
	in->nfiles = nfiles;
	in->fd = -1;
	lede_stream_init(&in->st, lede_read_fd, &in->fd, maxline);
	lede_buf_add(&in->name, "-", 2);
}

static void
set_name(struct lede_input *in, const char *s, size_t n)
{
	in->name.len = 0;
	lede_buf_add(&in->name, s, n);
	lede_buf_addc(&in->name, '\0');
}

static void
close_file(struct lede_input *in)
{
	struct lede_stream_stats	*t = &in->stats, *s = &in->st.stats;

	t->nul += s->nul;
	t->invalid += s->invalid;
	t->cr += s->cr;
	t->bom += s->bom;
	t->cuts += s->cuts;
	if (in->fd > STDIN_FILENO)
		close(in->fd);
	in->fd = -1;
	in->open = 0;
}

/* Opens the next file: returns DOC, ERROR or END. */
static enum lede_in_kind
open_next(struct lede_input *in, struct lede_in_event *ev)
{
	const char	*path;

	if (in->next >= in->nfiles)
		return ev->kind = LEDE_IN_END;
	path = in->files[in->next++];
	if (strcmp(path, "-") == 0)
		in->fd = STDIN_FILENO;
	else if ((in->fd = open(path, O_RDONLY)) == -1) {
		ev->kind = LEDE_IN_ERROR;
		ev->name = path;
		ev->errnum = errno;
		in->failed = 1;
		return ev->kind;
	}
	in->open = 1;
	lede_stream_reset(&in->st, lede_read_fd, &in->fd);
	set_name(in, path, strlen(path));
	ev->kind = LEDE_IN_DOC;
	ev->name = in->name.p;
	ev->announce = in->nfiles > 1;
	ev->header = 0;
	return ev->kind;
}

enum lede_in_kind
lede_input_next(struct lede_input *in, struct lede_in_event *ev)
{
	int	r;

	memset(ev, 0, sizeof(*ev));
	if (!in->open)
		return open_next(in, ev);
	r = lede_stream_line(&in->st, &ev->line);
	if (r == 1 && ev->line.kind == LEDE_LINE_HEADER) {
		set_name(in, ev->line.s + ev->line.name.off,
		    ev->line.name.len);
		ev->kind = LEDE_IN_DOC;
		ev->name = in->name.p;
		ev->header = 1;
		return ev->kind;
	}
	if (r == 1)
		return ev->kind = LEDE_IN_LINE;
	if (r == -1) {
		ev->kind = LEDE_IN_ERROR;
		ev->name = in->files[in->next - 1];
		ev->errnum = errno;
		in->failed = 1;
		close_file(in);
		return ev->kind;
	}
	close_file(in);
	return open_next(in, ev);
}

const char *
lede_input_docname(const struct lede_input *in)
{
	return in->name.p;
}

int
lede_input_failed(const struct lede_input *in)
{
	return in->failed;
}

void
lede_input_free(struct lede_input *in)
{
	if (in->open)
		close_file(in);
	lede_stream_free(&in->st);
	lede_buf_free(&in->name);
}
