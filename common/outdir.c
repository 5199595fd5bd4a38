/*
 * One output file per document.  The names taken in a run are kept as
 * 64-bit hashes in an open-addressing table (8 bytes a document), and the
 * device and inode of every FILE operand, so that no output lands on an
 * input or on an earlier output of the same run.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "outdir.h"

struct fileid {
	dev_t	dev;
	ino_t	ino;
};

struct lede_outdir {
	char		*dir;
	struct fileid	*inputs;
	size_t		 ninputs;
	uint64_t	*taken;		/* hashes of the names written; 0 free */
	size_t		 ntaken;
	size_t		 captaken;	/* a power of two */
	mode_t		 mode;		/* of new files: 0666 and the umask */
	int		 fd;		/* the temporary file, or -1 */
	char		 tmp[4096];	/* its path, or "" */
	char		 path[4096];	/* where it goes */
};

/* FNV-1a, never 0 (0 marks a free slot). */
static uint64_t
hash(const char *s)
{
	uint64_t	h = 0xcbf29ce484222325ULL;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return h ? h : 1;
}

/* Takes the name of hash h: returns 0, or -1 if the run took it already. */
static int
take(struct lede_outdir *od, uint64_t h)
{
	size_t		 i, k, old = od->captaken;
	uint64_t	*t = od->taken;

	if (2 * (od->ntaken + 1) > od->captaken) {
		od->captaken = old ? 2 * old : 1024;
		od->taken = lede_xcalloc(od->captaken, sizeof(*od->taken));
		od->ntaken = 0;
		for (k = 0; k < old; k++)
			if (t[k] != 0)
				take(od, t[k]);
		free(t);
	}
	for (i = h & (od->captaken - 1); od->taken[i] != 0;
	    i = (i + 1) & (od->captaken - 1))
		if (od->taken[i] == h)
			return -1;
	od->taken[i] = h;
	od->ntaken++;
	return 0;
}

/* Appends the safe bytes of s (n bytes) to out (room for max), '_' else. */
static size_t
safe_bytes(const char *s, size_t n, char *out, size_t at, size_t max)
{
	size_t		i;
	unsigned char	c;

	for (i = 0; i < n && at < max; i++) {
		c = (unsigned char)s[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '.' || c == '-' ||
		    c == '_' || c == '+' || c == ',' || c == '=' || c >= 0x80)
			out[at++] = (char)c;
		else if (at == 0 || out[at - 1] != '_')
			out[at++] = '_';
	}
	return at;
}

int
lede_outdir_name(const char *name, const char *url, char *out)
{
	const char	*s, *p;
	size_t		 n, room = LEDE_OUTDIR_NAMEMAX - 17;

	if (url != NULL) {
		s = url;
		if ((p = strstr(s, "://")) != NULL)
			s = p + 3;
		n = strlen(s);
		while (n > 0 && s[n - 1] == '/')
			n--;		/* "host/news/" as "host_news" */
		n = safe_bytes(s, n, out, 0, LEDE_OUTDIR_NAMEMAX);
		if (n >= room && strlen(s) > room) {
			/* Cut, told apart from other long URLs by a hash. */
			n = room;
			while (n > 0 && ((unsigned char)out[n] & 0xC0) == 0x80)
				n--;
			n += (size_t)snprintf(out + n, 18, "-%016llx",
			    (unsigned long long)hash(url));
		}
		out[n] = '\0';
	} else {
		s = (p = strrchr(name, '/')) != NULL ? p + 1 : name;
		if (strlen(s) > LEDE_OUTDIR_NAMEMAX)
			return -1;
		strcpy(out, s);
	}
	if (out[0] == '\0' || strcmp(out, ".") == 0 ||
	    strcmp(out, "..") == 0 || strcmp(out, "-") == 0 || out[0] == '.')
		return -1;
	return 0;
}

/* Makes dir and its parents. */
static int
make_dir(char *dir)
{
	struct stat	sb;
	char		*p;

	for (p = dir + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0777) == -1 && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	if (mkdir(dir, 0777) == -1 && errno != EEXIST)
		return -1;
	if (stat(dir, &sb) == -1)
		return -1;
	if (!S_ISDIR(sb.st_mode)) {
		errno = ENOTDIR;
		return -1;
	}
	return 0;
}

/* Is the file at path one of the inputs? */
static int
is_input(const struct lede_outdir *od, const char *path)
{
	struct stat	sb;
	size_t		i;

	if (stat(path, &sb) == -1)
		return 0;
	for (i = 0; i < od->ninputs; i++)
		if (od->inputs[i].dev == sb.st_dev &&
		    od->inputs[i].ino == sb.st_ino)
			return 1;
	return 0;
}

struct lede_outdir *
lede_outdir_new(const char *dir, int nfiles, char **files,
    char why[LEDE_OUTDIR_WHY])
{
	struct lede_outdir	*od = lede_xcalloc(1, sizeof(*od));
	struct stat		 sb;
	char			 name[LEDE_OUTDIR_NAMEMAX + 1];
	int			 i;
	mode_t			 mask;

	od->fd = -1;
	od->dir = lede_xmalloc(strlen(dir) + 1);
	strcpy(od->dir, dir);
	if (make_dir(od->dir) == -1) {
		snprintf(why, LEDE_OUTDIR_WHY, "%s: %s", dir, strerror(errno));
		lede_outdir_free(od);
		return NULL;
	}
	mask = umask(0);
	umask(mask);
	od->mode = 0666 & ~mask;
	od->inputs = lede_xcalloc((size_t)nfiles + 1, sizeof(*od->inputs));
	for (i = 0; i < nfiles; i++)
		if (strcmp(files[i], "-") != 0 && stat(files[i], &sb) == 0) {
			od->inputs[od->ninputs].dev = sb.st_dev;
			od->inputs[od->ninputs++].ino = sb.st_ino;
		}
	for (i = 0; i < nfiles; i++) {
		if (lede_outdir_name(files[i], NULL, name) == -1)
			continue;	/* said when its document begins */
		snprintf(od->path, sizeof(od->path), "%s/%s", dir, name);
		if (is_input(od, od->path)) {
			snprintf(why, LEDE_OUTDIR_WHY, "%s: the output of %s "
			    "would be written over an input", od->path,
			    files[i]);
			lede_outdir_free(od);
			return NULL;
		}
	}
	return od;
}

/* Refuses a document: out drops what is written for it. */
static int
refuse(struct lede_out *out)
{
	lede_out_init(out, -1);
	return -1;
}

int
lede_outdir_begin(struct lede_outdir *od, const struct lede_doc *doc,
    struct lede_out *out, char why[LEDE_OUTDIR_WHY])
{
	char	name[LEDE_OUTDIR_NAMEMAX + 1];
	int	n;

	if (lede_outdir_name(doc->name, doc->url, name) == -1) {
		snprintf(why, LEDE_OUTDIR_WHY, "no safe file name for %s in "
		    "%s", doc->name, od->dir);
		return refuse(out);
	}
	snprintf(od->path, sizeof(od->path), "%s/%s", od->dir, name);
	if (is_input(od, od->path)) {
		snprintf(why, LEDE_OUTDIR_WHY, "%s: would be written over an "
		    "input", od->path);
		return refuse(out);
	}
	if (take(od, hash(name)) == -1) {
		snprintf(why, LEDE_OUTDIR_WHY, "%s: an earlier document of "
		    "this run was written there", od->path);
		return refuse(out);
	}
	n = snprintf(od->tmp, sizeof(od->tmp), "%s/.%s.lede-XXXXXX", od->dir,
	    name);
	if (n < 0 || (size_t)n >= sizeof(od->tmp) ||
	    (od->fd = mkstemp(od->tmp)) == -1) {
		snprintf(why, LEDE_OUTDIR_WHY, "%s: %s", od->path,
		    strerror(n < 0 || (size_t)n >= sizeof(od->tmp) ?
		    ENAMETOOLONG : errno));
		od->tmp[0] = '\0';
		return refuse(out);
	}
	fchmod(od->fd, od->mode);
	lede_out_init(out, od->fd);
	return 0;
}

int
lede_outdir_end(struct lede_outdir *od, struct lede_out *out,
    char why[LEDE_OUTDIR_WHY])
{
	int	r = 0;

	if (od->fd == -1)
		return 0;
	if (lede_out_flush(out) == -1) {
		snprintf(why, LEDE_OUTDIR_WHY, "%s: %s", od->path,
		    strerror(lede_out_error(out)));
		r = -1;
	}
	if (close(od->fd) == -1 && r == 0) {
		snprintf(why, LEDE_OUTDIR_WHY, "%s: %s", od->path,
		    strerror(errno));
		r = -1;
	}
	od->fd = -1;
	if (r == 0 && rename(od->tmp, od->path) == -1) {
		snprintf(why, LEDE_OUTDIR_WHY, "%s: %s", od->path,
		    strerror(errno));
		r = -1;
	}
	if (r == -1)
		unlink(od->tmp);
	od->tmp[0] = '\0';
	lede_out_init(out, -1);
	return r;
}

const char *
lede_outdir_tmpname(const struct lede_outdir *od)
{
	return od->tmp;
}

void
lede_outdir_abort(struct lede_outdir *od)
{
	if (od->fd != -1) {
		close(od->fd);
		od->fd = -1;
	}
	if (od->tmp[0] != '\0')
		unlink(od->tmp);
	od->tmp[0] = '\0';
}

void
lede_outdir_free(struct lede_outdir *od)
{
	if (od == NULL)
		return;
	lede_outdir_abort(od);
	free(od->dir);
	free(od->inputs);
	free(od->taken);
	free(od);
}
