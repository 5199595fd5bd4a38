/*
 * One output file per document: the -o DIR of the filters that write text.
 *
 * Each document's output goes to DIR under the base name of its document
 * (the FILE operand, or the NAME of the header line that started it), or,
 * for a page of a web archive, under a name made safely from its URL.  It
 * is written to a hidden temporary file in DIR and renamed into place when
 * the document ends, so that an interrupted batch leaves no half-written
 * file under a final name.  DIR is made (with its parents) when missing.
 * Nothing is written over an input: an output that would be one of the
 * FILE operands, a name that would leave DIR ("..", "/"), a document
 * without a name (standard input without a header line) or a name that an
 * earlier document of the run took is refused.
 *
 * The module never prints: each call returns -1 with the reason in a
 * buffer of the caller's, which the command reports.
 */
#ifndef LEDE_OUTDIR_H
#define LEDE_OUTDIR_H

#include <stddef.h>

#include "doc.h"
#include "out.h"

struct lede_outdir;

/* The room a reason needs. */
#define LEDE_OUTDIR_WHY	(2 * 4096 + 256)

/*
 * Prepares to write into dir for the nfiles FILE operands files (none:
 * standard input).  Refuses, returning NULL and the reason in why, a dir
 * that cannot be made, and operands whose outputs would be an operand or
 * would share a name.
 */
struct lede_outdir *lede_outdir_new(const char *dir, int nfiles,
	    char **files, char why[LEDE_OUTDIR_WHY]);
/*
 * Starts the output of doc: out writes to its temporary file.  Returns 0,
 * or -1 with the reason in why; out then drops what is written to it, so
 * the command can go on with the next document.
 */
int	lede_outdir_begin(struct lede_outdir *, const struct lede_doc *doc,
	    struct lede_out *out, char why[LEDE_OUTDIR_WHY]);
/*
 * Ends the output of the document: flushes out and renames the file into
 * place.  Returns 0 (also after a refused begin, which said why), or -1
 * with the reason in why (the temporary file is removed).
 */
int	lede_outdir_end(struct lede_outdir *, struct lede_out *out,
	    char why[LEDE_OUTDIR_WHY]);
/*
 * The temporary file being written, or "" (for a signal handler of the
 * command to remove with unlink(2), which is safe there).
 */
const char *lede_outdir_tmpname(const struct lede_outdir *);
/* Removes the temporary file being written, if any. */
void	lede_outdir_abort(struct lede_outdir *);
void	lede_outdir_free(struct lede_outdir *);

/*
 * The file name for a document named name, or with the URL url when not
 * NULL, into out (size LEDE_OUTDIR_NAMEMAX + 1): the base name, or the
 * URL's host and path with '/' and unsafe bytes replaced.  Returns -1 when
 * there is no safe name ("", ".", "..", "-").
 */
#define LEDE_OUTDIR_NAMEMAX	200
int	lede_outdir_name(const char *name, const char *url, char *out);

#endif
