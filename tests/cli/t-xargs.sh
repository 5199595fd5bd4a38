# t-xargs.sh: the README's batch recipes over 501 articles (101 in the
# slower sanitizer and valgrind runs; either way batches of 50 leave one of
# a single file): xargs -n and -P, GNU parallel -X, and parallel --pipe
# cutting one stream at its header lines at any block size, byte for byte
# the serial output, for every filter and format.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/batch.sh"
here=$(cd "$(dirname "$0")" && pwd)
export PATH="$BIN:$PATH"
docs=$TMP/xdocs
ndocs=501 blocks="1k 16k 300k"
[ -n "${LEDE_SAN:-}${LEDE_WRAP:-}" ] && ndocs=101 blocks="1k 300k"
sh "$here/mkdocs.sh" $ndocs "$docs"
cd "$docs" || exit 1

# xargs -n: every batch names its documents, a batch of one file too.
find . -name '*.txt' -print0 | sort -z | xargs -0 -n 50 lede-split -s -H \
    >"$TMP/x.out"
check "xargs -n 50 lede-split -s -H: $ndocs headers" \
    [ "$(grep -c '^==> .* <==$' "$TMP/x.out")" -eq $ndocs ]
same_docs "xargs -n 50 lede-split -s -H" "$docs" "$TMP/x.out" lede-split -s

# xargs -P: whole records, every one under its document, into a pipe and
# into a file.
for spec in "lede-quote" "lede-quote --json" "lede-tag -f tsv" \
    "lede-tag -f json"; do
	find . -name '*.txt' -print0 | xargs -0 -P 2 -n 25 $spec | cat \
	    >"$TMP/p.out"
	case $spec in
	*json*) bad=$(grep -vc '^{"doc":"\./d[0-9]*\.txt",.*}$' "$TMP/p.out") ;;
	lede-quote) bad=$(awk -F '\t' 'NF != 8' "$TMP/p.out" | wc -l) ;;
	*) bad=$(awk -F '\t' 'NF != 5' "$TMP/p.out" | wc -l) ;;
	esac
	check "xargs -P 2 $spec | cat: no torn record ($bad)" [ "$bad" -eq 0 ]
	same_docs "xargs -P 2 $spec | cat" "$docs" "$TMP/p.out" $spec
done
find . -name '*.txt' -print0 | xargs -0 -P 2 -n 25 lede-quote >"$TMP/f.out"
check "xargs -P 2 lede-quote > file: no torn record" \
    [ "$(awk -F '\t' 'NF != 8' "$TMP/f.out" | wc -l)" -eq 0 ]
same_docs "xargs -P 2 lede-quote > file" "$docs" "$TMP/f.out" lede-quote

if ! command -v parallel >/dev/null 2>&1; then
	skip "GNU parallel recipes" "no parallel here (apt-get install parallel)"
	exit 0
fi
export PARALLEL_HOME="$TMP/parallel"
mkdir -p "$PARALLEL_HOME"
: >"$PARALLEL_HOME/will-cite"

# parallel -X: many files a job, each job's output kept together.
find . -name '*.txt' -print0 | parallel -0 -X -j 2 lede-split -s -H \
    >"$TMP/px.out"
check "parallel -X lede-split -s -H: $ndocs headers" \
    [ "$(grep -c '^==> .* <==$' "$TMP/px.out")" -eq $ndocs ]
same_docs "parallel -0 -X -j 2 lede-split -s -H" "$docs" "$TMP/px.out" \
    lede-split -s

# parallel --pipe: one stream cut before its header lines, at any block
# size, gives the serial output byte for byte.  --recstart '==> ' also
# cuts before a line of text that merely starts so (see lede(7)),
# so it gets the documents without such lines; the regular expression of a
# whole header line gets all of them.
tail -n +1 -- $(grep -L '^==> ' -- *.txt) >"$TMP/plain"
tail -n +1 -- *.txt >"$TMP/regexp"
for spec in "lede-split" "lede-split -s" "lede-strip -M 0" \
    "lede-strip -M 0 -v" "lede-strip -M 0 --explain" "lede-tag" \
    "lede-tag -f tsv" "lede-tag -f json" "lede-tag -f conll" \
    "lede-quote" "lede-quote --json"; do
	for block in $blocks; do
		for how in plain regexp; do
			$spec <"$TMP/$how" >"$TMP/serial" 2>/dev/null
			if [ "$how" = plain ]; then
				set -- --recstart '==> '
			else
				set -- --regexp --recstart '==> .* <==\n' \
				    --recend '\n'
			fi
			parallel --pipe "$@" --block "$block" -k -j 2 $spec \
			    <"$TMP/$how" >"$TMP/par" 2>/dev/null
			what="parallel --pipe ($how) --block $block $spec"
			if cmp -s "$TMP/serial" "$TMP/par"; then
				echo "ok - $what: the serial bytes"
			else
				echo "not ok - $what: the serial bytes"
				diff "$TMP/serial" "$TMP/par" | head -5
			fi
		done
	done
done
