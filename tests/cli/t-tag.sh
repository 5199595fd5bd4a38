# lede-tag: formats, offsets, losslessness, tagged and split input,
# documents, options and output errors.
. "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/cases" || exit 1
tag=$BIN/lede-tag
N=tag-news.in

# untag FILE: the text without its inline tags.
untag() {
	sed -E 's,</?(PER|ORG|LOC|MISC|DATE|TIME|MONEY|PERCENT)>,,g' "$1"
}

# Lossless: removing the tags gives back the input byte for byte.
$tag $N >"$TMP/out"
untag "$TMP/out" >"$TMP/plain"
same "tag: news fixture lossless" $N "$TMP/plain"
[ -d ../../../../shared/samples ] ||
	skip "tag: the ../shared sample" "../shared absent"
for f in ../../../samples/*.txt ../../../../shared/samples/*.txt; do
	[ -e "$f" ] || continue
	$tag "$f" >"$TMP/out"
	untag "$TMP/out" >"$TMP/plain"
	same "tag: ${f##*/} lossless" "$f" "$TMP/plain"
	check "tag: ${f##*/} has entities" grep -q '<PER>' "$TMP/out"
done
printf 'Peter Lindgren left Oslo' | $tag >"$TMP/out"
printf '<PER>Peter Lindgren</PER> left <LOC>Oslo</LOC>' >"$TMP/want"
same "tag: no final newline" "$TMP/want" "$TMP/out"

# Already tagged input is tagged again, never twice: the output of
# lede-tag reads back to itself, and wrong or doubled tags are replaced.
$tag $N >"$TMP/once"
$tag "$TMP/once" >"$TMP/twice"
same "tag: tagged input tagged again, not twice" "$TMP/once" "$TMP/twice"
printf 'Then <LOC>Peter Lindgren</LOC> met <ORG><ORG>the</ORG> NFA</ORG> in <PER>Oslo</PER>.\n' |
    $tag >"$TMP/out"
printf 'Then <PER>Peter Lindgren</PER> met the <ORG>NFA</ORG> in <LOC>Oslo</LOC>.\n' \
    >"$TMP/want"
same "tag: wrong and doubled tags replaced" "$TMP/want" "$TMP/out"

# -f tsv: the offsets point into the untagged input (first document).
sed '/^==> /,$d' $N >"$TMP/doc"
$tag -f tsv "$TMP/doc" >"$TMP/tsv"
check "tag: tsv has five fields" \
    awk -F '\t' 'NF != 5 { exit 1 } END { exit NR < 20 }' "$TMP/tsv"
ok=1
while IFS="$(printf '\t')" read -r d a b t x; do
	got=$(tail -c +$((a + 1)) "$TMP/doc" | head -c $((b - a)) |
	    awk 'NR > 1 { printf "\\n" } { printf "%s", $0 }')
	[ "$got" = "$x" ] || { ok=0; echo "# $a $b $t: '$got' != '$x'"; }
done <"$TMP/tsv"
check "tag: tsv offsets give the entity text" [ "$ok" = 1 ]
check "tag: tsv names standard input -" \
    sh -c "$tag -f tsv <'$TMP/doc' | cut -f1 | sort -u | grep -qx -- -"

# -f json: one valid object a line, the same records as tsv.
$tag -f json "$TMP/doc" >"$TMP/json"
if command -v python3 >/dev/null; then
	python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    o = json.loads(line)
    assert list(o) == ["doc", "start", "end", "type", "text"], o
    t = o["text"].replace("\\", "\\\\").replace("\n", "\\n")
    print("\t".join([o["doc"], str(o["start"]), str(o["end"]), o["type"], t]))
' "$TMP/json" >"$TMP/fromjson"
	same "tag: json lines, the fields of tsv" "$TMP/tsv" "$TMP/fromjson"
else
	skip "tag: json lines, the fields of tsv" "no python3"
fi
check "tag: one json line per tsv line" \
    [ "$(wc -l <"$TMP/json")" -eq "$(wc -l <"$TMP/tsv")" ]

# -f conll: a token a line with its BIO tag, a blank line after sentences.
printf 'Peter Lindgren met the NFA in Oslo on Monday. He left.\n\nLindgren agreed.\n' |
    $tag -f conll >"$TMP/out"
printf '%s\n' 'Peter B-PER' 'Lindgren I-PER' 'met O' 'the O' 'NFA B-ORG' \
    'in O' 'Oslo B-LOC' 'on O' 'Monday B-DATE' '. O' '' 'He O' 'left O' \
    '. O' '' 'Lindgren B-PER' 'agreed O' '. O' '' >"$TMP/want"
same "tag: conll, BIO and sentences" "$TMP/want" "$TMP/out"

# -t restricts the types.
$tag -f tsv -t PER,ORG $N | cut -f4 | sort -u >"$TMP/out"
printf 'ORG\nPER\n' >"$TMP/want"
same "tag: -t PER,ORG keeps only those" "$TMP/want" "$TMP/out"
$tag -t MONEY,PERCENT $N | grep -o '<[A-Z]*>' | sort -u >"$TMP/out"
printf '<MONEY>\n<PERCENT>\n' >"$TMP/want"
same "tag: -t MONEY,PERCENT inline" "$TMP/want" "$TMP/out"
status "tag: unknown type exits 2" 2 $tag -t PER,FOO </dev/null
status "tag: unknown format exits 2" 2 $tag -f xml </dev/null

# lede-split and lede-split -s output: the same entities.
$tag -f tsv $N | cut -f4,5 | sed 's/\\n/ /g' >"$TMP/a"
$BIN/lede-split $N | $tag -f tsv | cut -f4,5 >"$TMP/b"
same "tag: lede-split output, the same entities" "$TMP/a" "$TMP/b"
$BIN/lede-split -s $N | $tag -f tsv | cut -f4,5 >"$TMP/b"
same "tag: lede-split -s output, the same entities" "$TMP/a" "$TMP/b"
$BIN/lede-split -s $N | $tag >"$TMP/out"
untag "$TMP/out" >"$TMP/plain"
$BIN/lede-split -s $N | cmp -s - "$TMP/plain"
check "tag: lede-split -s output lossless" [ $? -eq 0 ]

# Several files: a header before each, records named after them; the
# document memory starts afresh (offsets from 0 in each).
$tag "$TMP/doc" $N >"$TMP/out"
check "tag: two files, two headers" \
    [ "$(grep -c '^==> .*<==$' "$TMP/out")" -eq 3 ]
$tag -f tsv "$TMP/doc" $N | cut -f1 | uniq >"$TMP/out"
printf '%s\n' "$TMP/doc" $N second-story >"$TMP/want"
same "tag: tsv names each document" "$TMP/want" "$TMP/out"

# Unreadable files: reported, exit 1, the others still tagged.
status "tag: missing file exits 1" 1 $tag "$TMP/doc" /nonexistent $N
check "tag: missing file reported" grep -q 'nonexistent: No such file' "$TMP/err"
check "tag: the other files tagged" \
    [ "$(grep -c '<PER>Peter Lindgren</PER>' "$TMP/out")" -eq 2 ]
status "tag: directory exits 1" 1 $tag .

# Options.
status "tag: -h exits 0" 0 $tag -h
check "tag: -h prints usage to stdout" grep -q '^usage: lede-tag' "$TMP/out"
status "tag: -V exits 0" 0 $tag -V
check "tag: -V prints the version" grep -q '^lede-tag [0-9]' "$TMP/out"
status "tag: unknown option exits 2" 2 $tag --bogus
check "tag: usage on stderr" grep -q '^usage: lede-tag' "$TMP/err"
status "tag: bad -m exits 2" 2 $tag -m 12x </dev/null

# Output errors: a closed pipe ends quietly, a full disk is an error.
awk '{ a[NR] = $0 } END { for (i = 0; i < 400; i++) for (j = 1; j <= NR; j++)
    print a[j] }' "$TMP/doc" >"$TMP/big"
$tag "$TMP/big" 2>"$TMP/err" | head -n 1 >/dev/null
check "tag: closed pipe, no message" [ ! -s "$TMP/err" ]
if [ -w /dev/full ]; then
	$tag "$TMP/big" >/dev/full 2>"$TMP/err"
	check "tag: full disk exits 2" [ $? -eq 2 ]
	check "tag: full disk reported" grep -q 'write error: No space' "$TMP/err"
fi
