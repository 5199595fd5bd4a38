/*
 * What the WARC and gzip tests share: a feeder of bytes in chunks of a
 * fixed size, and a dump of every event of an archive as text.
 */
#ifndef WARCDUMP_H
#define WARCDUMP_H

#include <sys/types.h>

#include <stddef.h>

#include "buf.h"

struct chunks {
	const char	*s;
	size_t		 len;
	size_t		 pos;
	size_t		 size;
};

/* A lede_read_fn over a struct chunks: at most size bytes a call. */
ssize_t	chunks_read(void *ctx, char *buf, size_t n);
/*
 * Reads the archive data[0..n-1] (gzip or not), in chunks of chunk bytes
 * (payloads too), and writes its events into out: one line per record
 * ("record TYPE URI MEDIA MIME CHARSET http=N @OFFSET member=M"), its
 * payload as "| " lines (bytes other than printable ASCII, tab and UTF-8
 * as \xHH), one line per problem ("problem STATUS: MESSAGE"), and a
 * closing "end" line with the counts.
 */
void	warc_dump(const char *data, size_t n, size_t chunk,
	    struct lede_buf *out);

#endif
