#!/bin/sh
# bench-warc.sh BINDIR: the web-archive readers beside zcat | wc -c.
#
# Builds build/warc/dev.warc.gz and dev.warc.wet.gz with tools/mkwarc.py
# from ../shared/corpora/boilerplate/dev (or, without it, the archives of
# tests/warc), repeats each to at least LEDE_BENCH_WARC_MB megabytes of
# compressed archive (default 20; gzip files and WARC files both join by
# concatenation), and times, best of three, one core each:
#   zcat ARCHIVE | wc -c        decompression alone
#   warccat -n ARCHIVE          gzip and WARC readers, payloads decoded
#   lede-strip / lede-split     the filters on the archive, where they
#                               read archives (BINDIR)
# Rates: records (all WARC records) and documents per second, MB/s of
# compressed archive.
set -eu
bindir=${1:-bin}
mb=${LEDE_BENCH_WARC_MB:-20}
corpus=../shared/corpora/boilerplate/dev
dir=build/warc
mkdir -p "$dir"
make -s build/warccat
if [ -d "$corpus" ]; then
	[ -s "$dir/dev.warc.gz" ] || python3 tools/mkwarc.py -o "$dir" "$corpus" >/dev/null
	set -- "$dir/dev.warc.gz" "$dir/dev.warc.wet.gz"
	src=corpus
else
	set -- tests/warc/good.warc.gz tests/warc/wet.warc.gz
	src=fixtures
fi

# big SRC OUT: SRC repeated to at least mb MB.
big() {
	if [ ! -s "$2" ] || [ "$(wc -c <"$2")" -lt $((mb * 1000000)) ]; then
		: >"$2.tmp"
		while [ "$(wc -c <"$2.tmp")" -lt $((mb * 1000000)) ]; do
			cat "$1" >>"$2.tmp"
		done
		mv "$2.tmp" "$2"
	fi
}

# best3 CMD: the best wall time of three runs of sh -c CMD.
best3() {
	best=
	for _ in 1 2 3; do
		/usr/bin/time -f '%e %M' -o build/bench.time sh -c "$1" >/dev/null
		read -r t m <build/bench.time
		if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then
			best=$t
		fi
	done
	[ "$(echo "$best == 0" | bc)" = 1 ] && best=0.01
	echo "$best $m"
}

for src1 in "$@"; do
	name=${src1##*/}
	arch=$dir/bench-$name
	big "$src1" "$arch"
	bytes=$(wc -c <"$arch")
	plain=$(zcat "$arch" | wc -c)
	stats=$(build/warccat -nv "$arch" 2>&1 >/dev/null | tail -1)
	recs=$(echo "$stats" | sed 's/.*: \([0-9]*\) records.*/\1/')
	docs=$(echo "$stats" | sed 's/.* \([0-9]*\) documents.*/\1/')
	printf 'bench-warc: %s (%s), %.1f MB compressed, %.1f MB, %d records, %d documents\n' \
	    "$arch" "$src" "$(echo "$bytes / 1000000" | bc -l)" \
	    "$(echo "$plain / 1000000" | bc -l)" "$recs" "$docs"
	printf '%-26s %8s %10s %9s %9s %9s\n' command seconds records/s docs/s MB/s \
	    "peak KiB"
	row() {
		set -- $(best3 "$2")
		printf '%-26s %8.2f %10.0f %9.0f %9.1f %9d\n' "$label" "$1" \
		    "$(echo "$recs / $1" | bc -l)" "$(echo "$docs / $1" | bc -l)" \
		    "$(echo "$bytes / 1000000 / $1" | bc -l)" "$2"
	}
	label="zcat | wc -c"; row x "zcat '$arch' | wc -c"
	label="warccat -n"; row x "build/warccat -n '$arch'"
	label="warccat"; row x "build/warccat '$arch'"
	for f in lede-strip lede-split; do
		[ -x "$bindir/$f" ] || continue
		# Only where the filter reads archives: its first line is a header.
		"$bindir/$f" "$arch" 2>/dev/null | head -1 | grep -q '^==> ' ||
		    continue
		label=$f; row x "'$bindir/$f' '$arch'"
	done
done
