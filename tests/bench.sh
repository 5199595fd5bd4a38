#!/bin/sh
# bench.sh BINDIR: throughput and peak memory of each lede filter beside cat
# and wc -w, on the same news text of at least 100 MB, one core each.
#
# The text is built once (build/bench.txt) from the development corpora in
# ../shared (their documents repeated, a header line before each), or, where
# those are absent, from the bundled sample.  Each command runs three times;
# the best time counts.  LEDE_BENCH_MB sets the size (default 100).
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
