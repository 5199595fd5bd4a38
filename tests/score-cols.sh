#!/bin/sh
# score-cols.sh [BINDIR [COLS...]]: lede-strip on text renderings of the dev
# pages at fixed widths, as users make them (w3m -dump -cols N), beside the
# corpus's own rendering (-cols 2000, almost never wrapped).  The renderings
# are made here, in a temporary copy of the corpus, and need w3m; the gold
# texts are the corpus's.  Prints the scorer's last line for each width.
set -u
bindir=${1:-bin}
[ $# -gt 0 ] && shift
cols=${*:-80 100}
data=${LEDE_BOILERPLATE:-../shared/corpora/boilerplate/dev}
score=${LEDE_SCORE:-../shared/eval/score-boilerplate}
command -v w3m >/dev/null || { echo "score-cols: no w3m" >&2; exit 1; }
[ -d "$data/html" ] || { echo "score-cols: no corpus at $data" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
printf '%-6s ' 2000
"$score" --data "$data" -- "$bindir/lede-strip" | tail -n 1
for c in $cols; do
	mkdir -p "$tmp/$c/text"
	ln -s "$(cd "$data" && pwd)/gold" "$tmp/$c/gold"
	for f in "$data"/html/*.html; do
		b=${f##*/}
		w3m -dump -T text/html -cols "$c" -O UTF-8 -I UTF-8 <"$f" \
		    >"$tmp/$c/text/${b%.html}.txt"
	done
	printf '%-6s ' "$c"
	"$score" --data "$tmp/$c" -- "$bindir/lede-strip" | tail -n 1
done
