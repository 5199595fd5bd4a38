# t-batch.sh: a batch gives each document exactly what it gives alone, for
# every filter and output format, as one stream and as FILE operands: on
# articles made from the bundled fixtures always, and on 500 articles of
# ../shared/corpora when they are there.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/batch.sh"
here=$(cd "$(dirname "$0")" && pwd)
export PATH="$BIN:$PATH"

sh "$here/mkdocs.sh" 60 "$TMP/fixdocs"
corpus=$here/../../../shared/corpora
if [ -d "$corpus/quotes/dev/docs" ] && [ -z "${LEDE_SAN:-}" ]; then
	mkdir -p "$TMP/corpdocs"
	ls "$corpus"/quotes/dev/docs/* "$corpus"/ner/dev/docs/* \
	    "$corpus"/quotes/train/docs/* 2>/dev/null | head -n 520 |
	    while read -r f; do cp "$f" "$TMP/corpdocs/"; done
	sets="$TMP/fixdocs $TMP/corpdocs"
else
	sets="$TMP/fixdocs"
	skip "batch: 520 corpus articles" \
	    "${LEDE_SAN:+sanitizer build}${LEDE_SAN:-../shared absent}"
fi

for set in $sets; do
	for spec in "lede-split" "lede-split -s" "lede-strip -M 0" \
	    "lede-strip -M 0 -v" "lede-strip -M 0 --explain" "lede-tag" \
	    "lede-tag -f tsv" "lede-tag -f json" "lede-tag -f conll" \
	    "lede-quote" "lede-quote --json" "lede-quote -d"; do
		for mode in stream operands; do
			equiv "batch: $spec (${set##*/})" "$set" "$mode" $spec
		done
	done
done
