/*
 * What the WARC and gzip tests share: a dump of every event of an archive
 * as text (the feeder of bytes in chunks is in helpers.h).
 */
#ifndef WARCDUMP_H
#define WARCDUMP_H

#include <sys/types.h>

#include <stddef.h>

#include "buf.h"
#include "helpers.h"
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
