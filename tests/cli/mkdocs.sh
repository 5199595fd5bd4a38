#!/bin/sh
# mkdocs.sh N DIR: writes N articles made from the paragraphs of the
# bundled fixtures into DIR (d0001.txt ...), for the batch tests.  The
# choice is fixed (a linear congruential generator), so every run makes the
# same files.  Some articles end without a newline, some with blank lines,
# some have CRLF line ends, a quotation left open at the end, a line that
# looks almost like a header, or nothing at all: the edges where one
# document's data could leak into the next.
set -eu
n=$1
dir=$2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$dir"
cat "$here"/cases/*.in "$here/../../samples"/*.txt |
awk -v n="$n" -v dir="$dir" '
BEGIN { RS = ""; seed = 12345 }
{ gsub(/\r/, ""); if ($0 !~ /^==> /) para[np++] = $0 }
function rnd(k) { seed = (seed * 1103515245 + 12345) % 2147483648; return int(seed / 65536) % k }
END {
	for (d = 1; d <= n; d++) {
		f = sprintf("%s/d%04d.txt", dir, d)
		kind = d % 11
		printf "" > f
		if (kind == 10) { close(f); continue }	# empty
		k = 1 + rnd(6)
		for (i = 0; i < k; i++) {
			p = para[rnd(np)]
			if (kind == 7)
				gsub(/\n/, "\r\n", p)
			printf "%s%s", (i ? (kind == 7 ? "\r\n\r\n" : "\n\n") : ""), p > f
		}
		if (kind == 3)
			printf "\n\n\n" > f		# blank lines at the end
		else if (kind == 5)
			printf "\n\n\"An open quotation that goes on and" > f
		else if (kind == 6)
			printf "\n==> not quite a header\n" > f
		else if (kind == 7)
			printf "\r\n" > f
		else if (kind != 1)
			printf "\n" > f		# kind 1: no final newline
		close(f)
	}
}'
