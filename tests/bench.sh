#!/bin/sh
# bench.sh BINDIR: throughput and peak memory of each lede filter beside cat
# and wc -w, on the same news text of at least 100 MB, one core each.
#
# The text is built once (build/bench.txt) from the development corpora in
# ../shared (their documents repeated, a header line before each), or, where
# those are absent, from the bundled sample.  Each command runs three times;
# the best time counts.  LEDE_BENCH_MB sets the size (default 100).
# Then the size of each program, the whole pipeline, alone and under GNU
# parallel --pipe -j2, and the peak memory of each filter on
# LEDE_BENCH_BIG_MB (default 1000) megabytes of the same text beside its
# peak on the smaller file: flat, since memory is bounded by the largest
# paragraph or page, never by the input.  Last, HTML pages per second
# (LEDE_BENCH_PAGES, below).
set -eu
bindir=${1:-bin}
mb=${LEDE_BENCH_MB:-100}
out=build/bench.txt
shared=../shared/corpora
mkdir -p build
if [ ! -s "$out" ] || [ "$(wc -c <"$out")" -lt $((mb * 1000000)) ]; then
	: >"$out.tmp"
	if [ -d "$shared" ]; then
		set -- "$shared"/paragraphs/dev/gold/*.txt "$shared"/quotes/dev/docs/*.txt
	else
		set -- samples/*.txt
	fi
	i=0
	while [ "$(wc -c <"$out.tmp")" -lt $((mb * 1000000)) ]; do
		for f in "$@"; do
			i=$((i + 1))
			printf '==> doc%d <==\n' "$i"
			cat "$f"
			echo
		done >>"$out.tmp"
	done
	mv "$out.tmp" "$out"
fi
bytes=$(wc -c <"$out")
words=$(wc -w <"$out")
printf 'bench: %s, %d MB, %d words (%s)\n' "$out" $((bytes / 1000000)) \
    "$words" "$(ls "$shared" >/dev/null 2>&1 && echo corpora || echo sample)"
printf '%-22s %9s %9s %8s %10s\n' command seconds MB/s "vs wc" "peak KiB"

# best3 CMD...: the best wall time of three runs, and the peak memory.
best3() {
	best=
	for _ in 1 2 3; do
		/usr/bin/time -f '%e %M' -o build/bench.time "$@" <"$out" >/dev/null
		read -r t m <build/bench.time
		if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then
			best=$t
		fi
	done
	echo "$best $m"
}

wcsec=
row() {
	name=$1
	shift
	set -- $(best3 "$@")
	t=$1
	m=$2
	[ "$(echo "$t == 0" | bc)" = 1 ] && t=0.01
	[ -n "$wcsec" ] || wcsec=$t
	printf '%-22s %9.2f %9.1f %7.0f%% %10d\n' "$name" "$t" \
	    "$(echo "$bytes / 1000000 / $t" | bc -l)" \
	    "$(echo "100 * $wcsec / $t" | bc -l)" "$m"
}

row "wc -w" wc -w
row "cat" cat
for name in lede-strip lede-split lede-tag lede-quote; do
	f=$bindir/$name
	[ -x "$f" ] || continue
	case $name in
	lede-split)
		row "lede-split" "$f"
		row "lede-split -s" "$f" -s ;;
	lede-quote)
		row "$name --json" "$f" --json ;;
	*)
		row "$name" "$f" ;;
	esac
done

# The size of each program: lede-tag's model and word clusters are
# compiled in, so its file is most of what it needs in memory.
printf '\nbench: program sizes\n'
printf '%-22s %12s %12s\n' program bytes "text+data"
for f in "$bindir"/lede-*; do
	[ -x "$f" ] || continue
	td=$(size "$f" 2>/dev/null | awk 'NR == 2 { print $1 + $2 }')
	printf '%-22s %12d %12s\n' "${f##*/}" "$(wc -c <"$f")" "${td:--}"
done
printf '\n'

# The whole pipeline, one process a filter, and under GNU parallel: the
# stream cut at its documents into blocks of 8 MB, two at a time.
pipe="$bindir/lede-strip -M 0 | $bindir/lede-split | $bindir/lede-tag | $bindir/lede-quote --json"
row "pipeline" sh -c "$pipe"
if command -v parallel >/dev/null 2>&1; then
	export PARALLEL_HOME=build/parallel
	mkdir -p "$PARALLEL_HOME"
	: >"$PARALLEL_HOME/will-cite"
	row "pipeline, parallel -j2" parallel --pipe --regexp \
	    --recstart '==> .* <==\n' --recend '\n' --block 8M -k -j 2 "$pipe"
fi

# Peak memory on a file ten times as large: it must not grow.
bigmb=${LEDE_BENCH_BIG_MB:-1000}
big=build/bench-big.txt
if [ ! -s "$big" ] || [ "$(wc -c <"$big")" -lt $((bigmb * 1000000)) ]; then
	: >"$big.tmp"
	while [ "$(wc -c <"$big.tmp")" -lt $((bigmb * 1000000)) ]; do
		cat "$out" >>"$big.tmp"
	done
	mv "$big.tmp" "$big"
fi
printf '\nbench: peak memory, %d MB beside %d MB of the same text\n' \
    $(($(wc -c <"$big") / 1000000)) $((bytes / 1000000))
printf '%-22s %12s %12s %9s\n' command "KiB $((bytes / 1000000)) MB" \
    "KiB $(($(wc -c <"$big") / 1000000)) MB" "seconds"
memrow() {
	name=$1
	shift
	/usr/bin/time -f '%M' -o build/bench.time "$@" <"$out" >/dev/null
	small=$(cat build/bench.time)
	/usr/bin/time -f '%M %e' -o build/bench.time "$@" <"$big" >/dev/null
	read -r large secs <build/bench.time
	printf '%-22s %12d %12d %9.1f\n' "$name" "$small" "$large" "$secs"
}
memrow "cat" cat
memrow "lede-strip" "$bindir/lede-strip"
memrow "lede-split" "$bindir/lede-split"
memrow "lede-split -s" "$bindir/lede-split" -s
memrow "lede-tag" "$bindir/lede-tag"
memrow "lede-quote --json" "$bindir/lede-quote" --json

# HTML pages: the dev pages of the boilerplate corpus (or the test pages),
# repeated LEDE_BENCH_PAGES times (default 10) into one stream with a header
# line before each, read by one lede-strip process, beside cat, wc -w and
# libxml2's own parser on the same files in one process (xmllint --html
# --noout, which also builds the tree), best of three; pages a second.
pages=${LEDE_BENCH_PAGES:-10}
hdir=$shared/boilerplate/dev/html
[ -d "$hdir" ] || hdir=tests/cli/html
hout=build/bench-html.txt
set -- "$hdir"/*.html
n=$#
: >"$hout.tmp"
rep=0
while [ $rep -lt "$pages" ]; do
	rep=$((rep + 1))
	for f in "$@"; do
		printf '==> %s.%d <==\n' "${f##*/}" $rep
		cat "$f"
		echo
	done >>"$hout.tmp"
done
mv "$hout.tmp" "$hout"
total=$((n * pages))
printf '\nbench: HTML, %d pages (%d distinct), %d MB in one stream\n' \
    $total "$n" $(($(wc -c <"$hout") / 1000000))
printf '%-26s %9s %9s %10s\n' command seconds pages/s "peak KiB"
hrow() {
	name=$1
	shift
	best=
	for _ in 1 2 3; do
		/usr/bin/time -f '%e %M' -o build/bench.time "$@" >/dev/null 2>&1
		read -r t m <build/bench.time
		if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then
			best=$t
		fi
	done
	[ "$(echo "$best == 0" | bc)" = 1 ] && best=0.01
	printf '%-26s %9.2f %9.0f %10d\n' "$name" "$best" \
	    "$(echo "$total / $best" | bc -l)" "$m"
}
hrow "wc -w" sh -c "wc -w <$hout"
hrow "cat" sh -c "cat <$hout"
if command -v xmllint >/dev/null 2>&1; then
	# The same pages as files, each named $pages times, in one process.
	set -- $(rep=0; while [ $rep -lt "$pages" ]; do rep=$((rep + 1));
	    echo "$hdir"/*.html; done)
	hrow "xmllint --html --noout" xmllint --html --noout --nowarning \
	    "$@"
fi
hrow "lede-strip --html" sh -c "$bindir/lede-strip --html -M 0 <$hout"
hrow "lede-strip (detect)" sh -c "$bindir/lede-strip <$hout"
hrow "lede-strip -f json" sh -c "$bindir/lede-strip -f json <$hout"
