# lede-tag on hostile input: each under a time limit, memory bounded.  The
# sizes are small enough for the sanitizer build (lede-tag reads about
# 5 MB/s) but well past the paragraph cap, so that the split is exercised.
. "$(dirname "$0")/lib.sh"
tag=$BIN/lede-tag

# untag FILE: the text without its inline tags.
untag() {
	sed -E 's,</?(PER|ORG|LOC|MISC|DATE|TIME|MONEY|PERCENT)>,,g' "$1"
}

# A 4 MB single line: split at the cap with one message, nothing lost.
awk 'BEGIN { for (i = 0; i < 50000; i++)
    printf "Peter Lindgren met NFA officials in Oslo on Monday %d. ", i }' \
    >"$TMP/line"
tmo $tag "$TMP/line" >"$TMP/out" 2>"$TMP/err"
check "tag big: 4 MB line done" [ $? -eq 0 ]
check "tag big: 4 MB line, one message" \
    [ "$(grep -c 'paragraph longer than' "$TMP/err")" -eq 1 ]
untag "$TMP/out" | tr -d '\n' >"$TMP/plain"
check "tag big: 4 MB line, no text lost" \
    [ "$(tr -d ' ' <"$TMP/plain" | wc -c)" -eq "$(tr -d ' ' <"$TMP/line" | wc -c)" ]
check "tag big: 4 MB line, names tagged" \
    [ "$(grep -o '<LOC>Oslo</LOC>' "$TMP/out" | wc -l)" -gt 49000 ]
memcheck "tag big: 4 MB line, peak memory under 64 MB" 65536 \
    $tag "$TMP/line"
# (-m 16M: a paragraph of 16 MB with its tokens, and some 20 MB of tables,
# the model's 6 MB among them.)
memcheck "tag big: 4 MB line, -m 16M, peak memory under 72 MB" 73728 \
    $tag -m 16M "$TMP/line"

# One word of 2 MB (no space to cut at), and 40,000 tags with no text (in
# one paragraph under the cap: a cut can fall inside a tag, see CAVEATS).
head -c 2000000 /dev/zero | tr '\0' 'x' >"$TMP/word"
tmo $tag "$TMP/word" >"$TMP/out" 2>/dev/null
check "tag big: a 2 MB word" [ "$(tr -d '\n' <"$TMP/out" | wc -c)" -eq 2000000 ]
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "<PER></ORG><"; print "" }' \
    >"$TMP/tags"
tmo $tag "$TMP/tags" >"$TMP/out" 2>/dev/null
check "tag big: 40,000 empty tags removed" \
    [ "$(tr -d '<\n' <"$TMP/out" | wc -c)" -eq 0 ]

# Binary data, NUL bytes and CRLF, an empty file.
head -c 1000000 /dev/urandom >"$TMP/bin"
tmo $tag "$TMP/bin" >/dev/null 2>&1
check "tag big: binary data" [ $? -eq 0 ]
printf 'Peter\000 Lindgren left Oslo.\r\n\r\nHe came back.\r\n' |
    $tag >"$TMP/out"
printf '<PER>Peter Lindgren</PER> left <LOC>Oslo</LOC>.\n\nHe came back.\n' \
    >"$TMP/want"
same "tag big: NUL and CRLF repaired" "$TMP/want" "$TMP/out"
: >"$TMP/empty"
status "tag big: empty file exits 0" 0 tmo $tag "$TMP/empty"
check "tag big: empty file, empty output" [ ! -s "$TMP/out" ]

# A document of 1.5 MB in 20,000 paragraphs: read ahead a megabyte at a
# time, then tagged and written in order, nothing lost; the records of
# the paragraphs after the first megabyte keep their offsets, and memory
# stays bounded.
awk 'BEGIN { for (i = 0; i < 20000; i++)
    printf "Paragraph %d: Ingrid Halvorsen of the NFA flew to Oslo.\n\n", i }' \
    >"$TMP/long"
tmo $tag "$TMP/long" >"$TMP/out"
check "tag big: 1.5 MB document done" [ $? -eq 0 ]
untag "$TMP/out" >"$TMP/plain"
same "tag big: 1.5 MB document lossless, in order" "$TMP/long" "$TMP/plain"
check "tag big: 1.5 MB document, names in every paragraph" \
    [ "$(grep -c '<LOC>Oslo</LOC>' "$TMP/out")" -eq 20000 ]
tmo $tag -f tsv "$TMP/long" | tail -n 1 >"$TMP/last"
IFS="$(printf '\t')" read -r d a b t x <"$TMP/last"
check "tag big: 1.5 MB document, the last record's offsets" \
    [ "$(tail -c +$((a + 1)) "$TMP/long" | head -c $((b - a)))" = "$x" ]
memcheck "tag big: 1.5 MB document, peak memory under 64 MB" 65536 \
    $tag "$TMP/long"
