# t-quote.sh: lede-quote's options, offsets, pipelines and hostile input.
. "$(dirname "$0")/lib.sh"
Q="$BIN/lede-quote"
S="$(dirname "$0")/cases/quote-sample.in"

status "quote: --help exits 0" 0 "$Q" --help >/dev/null
status "quote: -V exits 0" 0 "$Q" -V >/dev/null
status "quote: unknown option exits 2" 2 "$Q" -x 2>/dev/null
"$Q" -x 2>"$TMP/usage"
check "quote: usage on stderr" grep -q '^usage: lede-quote' "$TMP/usage"
"$Q" "$TMP/none" "$S" >"$TMP/o" 2>/dev/null
check "quote: unreadable file exits 1" [ $? -eq 1 ]
check "quote: the readable file is still read" \
    grep -q 'Clara Vennik' "$TMP/o"

# The offsets point at the quoted words of the input.
"$Q" "$S" | awk -F '\t' '$8 !~ /\\n/ { print $2, $3, $8 }' >"$TMP/recs"
ok=1
while read -r a b q; do
	got=$(tail -c +$((a + 1)) "$S" | head -c $((b - a)))
	[ "$got" = "$q" ] || { ok=0; echo "# $a $b: $got != $q"; }
done <"$TMP/recs"
check "quote: offsets give the quoted words" [ "$ok" = 1 ]

# lede-split output and several files give the same quotes.
"$Q" "$S" | cut -f4- >"$TMP/a"
"$BIN/lede-split" "$S" | "$Q" | cut -f4- >"$TMP/b"
same "quote: lede-split output reads the same" "$TMP/a" "$TMP/b"
"$Q" "$S" "$S" | cut -f1 | sort -u | wc -l | tr -d ' ' >"$TMP/n"
check "quote: two files, two document names" grep -qx 1 "$TMP/n"
"$Q" -d "$S" | cut -f4 | sort -u >"$TMP/k"
check "quote: -d leaves out reported speech" \
    sh -c "! grep -q indirect '$TMP/k'"
"$Q" -i "$S" | cut -f4 | sort -u >"$TMP/k"
check "quote: -i keeps only reported speech" grep -qx indirect "$TMP/k"

# Hostile input: bounded look-ahead, no crash, no hang.
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "\" a b "; print "" }' \
    >"$TMP/open"
check "quote: 100000 stray marks finish" tmo "$Q" "$TMP/open" >/dev/null
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "\xe2\x80\x9c"; print "";
    print ""; print "\xe2\x80\x9cLast words of it,\xe2\x80\x9d she said." }' \
    >"$TMP/curly"
tmo "$Q" "$TMP/curly" >"$TMP/o"
check "quote: unclosed marks never swallow the next paragraph" \
    grep -q 'Last words of it' "$TMP/o"
printf '"Bad \377\376 bytes \000 here and there," he said.\n' >"$TMP/bin"
status "quote: invalid UTF-8 and NUL" 0 tmo "$Q" "$TMP/bin" >/dev/null 2>&1
: >"$TMP/empty"
status "quote: empty file" 0 tmo "$Q" "$TMP/empty"
printf '"No newline at the end," he said.' | "$Q" >"$TMP/o"
check "quote: no final newline" grep -q 'No newline at the end' "$TMP/o"
awk 'BEGIN { for (i = 0; i < 300000; i++) printf "\"Word word word,\" said Al Bee. "; print "" }' \
    >"$TMP/big"
check "quote: a 9 MB paragraph" tmo "$Q" -m 16M "$TMP/big" >/dev/null
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "\"Word word word %d,\" said Al Bee.\n\n", i }' \
    >"$TMP/few"
awk 'BEGIN { for (i = 0; i < 200000; i++) printf "\"Word word word %d,\" said Al Bee.\n\n", i }' \
    >"$TMP/many"
rss1=$(maxrss_kb "$Q" "$TMP/few")
rss2=$(maxrss_kb "$Q" "$TMP/many")
check "quote: memory flat, 20000 to 200000 paragraphs ($rss1, $rss2 KiB)" \
    [ "$rss2" -lt $((rss1 + 2048)) ]
# Long paragraphs of quotations without speakers, or of cues without
# quotations: every search is bounded, so these stay linear.
awk 'BEGIN { for (i = 0; i < 30000; i++) printf "\"one two three\" and "; print "" }' \
    >"$TMP/nocue"
check "quote: 30000 quotations without speakers in one paragraph" \
    tmo "$Q" "$TMP/nocue" >/dev/null
awk 'BEGIN { for (i = 0; i < 30000; i++) printf "Al said, \"one two three\" and then "; print "" }' \
    >"$TMP/cues"
check "quote: 30000 attributions in one sentence" tmo "$Q" "$TMP/cues" >/dev/null
