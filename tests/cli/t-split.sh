# lede-split: layouts, documents, options and bad input.
. "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/cases" || exit 1
split=$BIN/lede-split

for s in a b c d e; do
	$split split-market.style-$s.in >"$TMP/out"
	same "paragraphs of layout $s" split-market.out "$TMP/out"
done

# Several files: a header before each; headers in the input pass through.
$split split-market.style-a.in split-market.style-d.in >"$TMP/out"
check "two files, two headers" \
    [ "$(grep -c '^==> split-market.style-.\.in <==$' "$TMP/out")" -eq 2 ]
printf '==> one <==\nAlpha.\n\n==> two <==\nBeta.\n' | $split >"$TMP/out"
printf '==> one <==\nAlpha.\n\n==> two <==\nBeta.\n' >"$TMP/want"
same "headers in the input pass through" "$TMP/want" "$TMP/out"
printf 'Alpha.\n' | $split - >"$TMP/out"
check "- is standard input, no header" [ "$(cat "$TMP/out")" = "Alpha." ]

# Options.
status "-h exits 0" 0 $split -h
check "-h prints usage to stdout" grep -q '^usage: lede-split' "$TMP/out"
$split --version >"$TMP/out"
check "--version" grep -q '^lede-split [0-9]' "$TMP/out"
status "unknown option exits 2" 2 $split --bogus </dev/null
check "unknown option prints usage to stderr" grep -q '^usage:' "$TMP/err"
status "bad -m exits 2" 2 $split -m 12x </dev/null

# Repairs: invalid UTF-8 read as Windows-1252, NUL dropped, BOM, CR.
printf '\357\273\277caf\351 \223ok\224\000\r\n' | $split >"$TMP/out"
printf 'caf\303\251 \342\200\234ok\342\200\235\n' >"$TMP/want"
same "invalid UTF-8, NUL and BOM repaired" "$TMP/want" "$TMP/out"
printf 'One.\r\rTwo.\r' | $split >"$TMP/out"
printf 'One.\n\nTwo.\n' >"$TMP/want"
same "lone CR is a line end" "$TMP/want" "$TMP/out"
printf 'no final newline' | $split >"$TMP/out"
check "no final newline" [ "$(cat "$TMP/out")" = "no final newline" ]

# Empty input, a directory, a missing file among good ones.
: >"$TMP/empty"
status "empty file exits 0" 0 $split "$TMP/empty"
check "empty file, empty output" [ ! -s "$TMP/out" ]
status "directory exits 1" 1 $split .
check "directory is reported" grep -q 'lede-split: \.: Is a directory' "$TMP/err"
status "missing file exits 1" 1 $split split-market.style-a.in /nonexistent \
    split-market.style-d.in
check "missing file is reported" grep -q '/nonexistent: No such file' "$TMP/err"
check "the good files are still done" \
    [ "$(grep -c '^==> ' "$TMP/out")" -eq 2 ]

# Output errors: a closed pipe ends quietly, a full disk is an error.
yes 'A line of text that goes on.' | head -n 200000 >"$TMP/big"
$split "$TMP/big" 2>"$TMP/err" | head -n 1 >/dev/null
check "closed pipe: no message" [ ! -s "$TMP/err" ]
if [ -w /dev/full ]; then
	$split "$TMP/big" >/dev/full 2>"$TMP/err"
	check "full disk exits 2" [ $? -eq 2 ]
	check "full disk is reported" grep -q 'write error: No space' "$TMP/err"
fi
