# Web archives and gzip: every filter reads them, names each page by its
# URL, reports bad archives by file and offset and reads on.
. "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/../warc" || exit 1
split=$BIN/lede-split

# Documents named by their target URIs, in order, whatever the filter.
cat >"$TMP/urls" <<'URLS'
https://news.example/chunked
https://news.example/gzip
https://news.example/both
https://news.example/zlib
https://news.example/raw-deflate
https://news.example/h2
https://news.example/a%20b%09c
URLS
$split good.warc.gz | sed -n 's/^==> \(.*\) <==$/\1/p' >"$TMP/out"
same "WARC/1.1 in gzip: one header per document, its URL" "$TMP/urls" "$TMP/out"
# record URI FILE: a resource record of the text in FILE.
record() {
	printf 'WARC/1.1\r\nWARC-Type: resource\r\nWARC-Target-URI: %s\r\n' "$1"
	printf 'Content-Type: text/plain\r\nContent-Length: %d\r\n\r\n' \
	    "$(wc -c <"$2")"
	cat "$2"
	printf '\r\n\r\n'
}
printf 'Angela Merkel met Joe Biden in Paris.\n' >"$TMP/a.txt"
printf '"We will build the bridge next year," the mayor, Anna Berg, said.\n' >"$TMP/b.txt"
{ record http://a.example/1 "$TMP/a.txt"; record http://b.example/2 "$TMP/b.txt"; } |
    gzip -c >"$TMP/ab.warc.gz"
$BIN/lede-tag -f tsv "$TMP/ab.warc.gz" | cut -f1 | sort -u >"$TMP/out"
printf 'http://a.example/1\nhttp://b.example/2\n' >"$TMP/want"
same "lede-tag -f tsv: cut -f1 | sort -u lists the pages" "$TMP/want" "$TMP/out"
$BIN/lede-quote "$TMP/ab.warc.gz" | cut -f1 >"$TMP/out"
check "lede-quote: the quotation is named by its page" \
    [ "$(cat "$TMP/out")" = http://b.example/2 ]
$BIN/lede-tag -f json "$TMP/ab.warc.gz" | grep -c '"doc":"http://a.example/1"' >"$TMP/out"
check "lede-tag -f json: the doc field is the URL" [ "$(cat "$TMP/out")" -ge 3 ]
$BIN/lede-strip "$TMP/ab.warc.gz" | grep -c '^==> http://.\.example/.' >"$TMP/out"
check "lede-strip: a header per page" [ "$(cat "$TMP/out")" -eq 2 ]

# An archive gives each document what it gives alone: the WET file against
# the same texts as a stream of headers.
printf '==> http://news.example/harbour <==\nFerry talks resume\nThe harbour board met the ferry crews on Monday.\n\n==> http://news.example/council <==\nCouncil votes on the bridge\n\nThe council voted seven to two for the new bridge.\n\n==> http://news.example/plain <==\nNo content type here.\n' |
    $split >"$TMP/want"
$split wet.warc.gz >"$TMP/out"
same "a WET file reads as its texts with headers" "$TMP/want" "$TMP/out"
gzip -dc wet.warc.gz | $split >"$TMP/out"
same "the same uncompressed, on standard input" "$TMP/want" "$TMP/out"

# gzip text files and pipes: decompressed, many members too.
$split ../cli/cases/split-market.style-a.in >"$TMP/want"
gzip -c ../cli/cases/split-market.style-a.in >"$TMP/a.gz"
$split "$TMP/a.gz" >"$TMP/out"
same "a gzip file reads as its text" "$TMP/want" "$TMP/out"
head -c 2000 ../cli/cases/split-market.style-a.in | gzip -c >"$TMP/b.gz"
tail -c +2001 ../cli/cases/split-market.style-a.in | gzip -c >>"$TMP/b.gz"
$split <"$TMP/b.gz" >"$TMP/out"
same "two gzip members on standard input read as one text" "$TMP/want" "$TMP/out"
head -c 300 "$TMP/a.gz" >"$TMP/cut.gz"
status "a gzip file cut short exits 1" 1 $split "$TMP/cut.gz"
check "... and names the file and the member" grep -q \
    "cut.gz: the input ends inside the member at compressed byte 0" "$TMP/err"

# Bad archives: a message with the file and the record's offset, the rest
# is read, the exit status is 1.
bad() {
	file=$1 msg=$2
	status "$file: exits 1" 1 tmo $split "$file"
	check "$file: says \"$msg\"" grep -qF "lede-split: $file: $msg" "$TMP/err"
	check "$file: the good record after it is read" \
	    grep -q '^==> http://news.example/after <==$' "$TMP/out"
}
bad bad-cut-body.warc "record at byte 429: the input ends inside it"
bad bad-overrun.warc "record at byte 0: its Content-Length (309) runs 30 bytes past its end"
bad bad-underrun.warc "record at byte 0: 44 bytes after its body"
bad bad-chunk.warc 'record at byte 0: bad chunk size "zz"'
bad bad-noblank.warc "record at byte 0: no blank line between its body and the record at byte 455"
bad bad-nothttp.warc "record at byte 0: its payload is not an HTTP response"
bad bad-length.warc "record at byte 937: no valid Content-Length"
bad bad-junk.warc "record at byte 0: 33 bytes after its body"
bad bad-body-gzip.warc "record at byte 0: its coded body: corrupt data"
bad bad-gzip-corrupt.warc.gz "corrupt data at compressed byte 370 in the member at byte 313"
bad bad-gzip-cut.warc.gz "record at byte 457 (gzip member at byte 313): the input ends inside it"
bad bad-gzip-trailing.warc.gz "trailing garbage at compressed byte 610"
status "a record the crawler truncated: read, no message, exit 0" 0 $split bad-truncated.warc
check "... no message" [ ! -s "$TMP/err" ]
check "... its text is there" grep -q 'Ferry talks' "$TMP/out"

# Headers inside a record are its text, not new documents.
printf '==> other <==\nText.\n' >"$TMP/h.txt"
record u:x "$TMP/h.txt" | $split >"$TMP/out" 2>"$TMP/err"
check "a header line inside a record is text of the record" \
    [ "$(head -1 "$TMP/out")" = "==> u:x <==" ] && [ ! -s "$TMP/err" ] &&
    [ "$(tail -1 "$TMP/out")" = "Text." ]
