# t-quote.sh: lede-quote's options, offsets, pipelines and hostile input.
. "$(dirname "$0")/lib.sh"
Q="$BIN/lede-quote"
S="$(dirname "$0")/cases/quote-sample.in"

"$Q" --help >"$TMP/o"
check "quote: --help exits 0 with the usage" grep -q '^usage: lede-quote' "$TMP/o"
"$Q" -V >"$TMP/o"
check "quote: -V exits 0" [ $? -eq 0 ]
"$Q" -x 2>/dev/null
check "quote: unknown option exits 2" [ $? -eq 2 ]
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
# Two different files: each record names its own, in order.
J="$(dirname "$0")/cases/quote-json.in"
"$Q" "$S" | cut -f2- >"$TMP/a1"
"$Q" "$J" | cut -f2- >"$TMP/a2"
"$Q" "$S" "$J" >"$TMP/both"
awk -F '\t' -v s="$S" '$1 == s' "$TMP/both" | cut -f2- >"$TMP/b1"
awk -F '\t' -v j="$J" '$1 == j' "$TMP/both" | cut -f2- >"$TMP/b2"
check "quote: two files, records for each" test -s "$TMP/a1" -a -s "$TMP/a2"
same "quote: two files, the first's records under its name" "$TMP/a1" "$TMP/b1"
same "quote: two files, the second's records under its name" "$TMP/a2" "$TMP/b2"
check "quote: two files, no other names" \
    [ "$(wc -l <"$TMP/both")" -eq $(($(wc -l <"$TMP/a1") + $(wc -l <"$TMP/a2"))) ]
"$Q" "$S" | cut -f4 | sort -u >"$TMP/all"
check "quote: the sample has direct and reported speech" \
    grep -qx indirect "$TMP/all" && grep -qx direct "$TMP/all"
"$Q" -d "$S" | cut -f4 | sort -u >"$TMP/k"
check "quote: -d keeps direct quotes" grep -qx direct "$TMP/k"
check "quote: -d leaves out reported speech" \
    sh -c "! grep -q indirect '$TMP/k'"
"$Q" -i "$S" | cut -f4 | sort -u >"$TMP/k"
check "quote: -i keeps only reported speech" \
    [ "$(cat "$TMP/k")" = indirect ]

# Hostile input: bounded look-ahead, no crash, no hang.
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "\" a b "; print "" }' \
    >"$TMP/open"
tmo "$Q" "$TMP/open" >/dev/null
check "quote: 100000 stray marks finish" [ $? -eq 0 ]
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "\xe2\x80\x9c"; print "";
    print ""; print "\xe2\x80\x9cLast words of it,\xe2\x80\x9d she said." }' \
    >"$TMP/curly"
tmo "$Q" "$TMP/curly" >"$TMP/o"
check "quote: unclosed marks never swallow the next paragraph" \
    grep -q 'Last words of it' "$TMP/o"
printf '"Bad \377\376 bytes \000 here and there," he said.\n' >"$TMP/bin"
tmo "$Q" "$TMP/bin" >"$TMP/o" 2>/dev/null
check "quote: invalid UTF-8 and NUL" grep -q 'here and there' "$TMP/o"
: >"$TMP/empty"
status "quote: empty file" 0 tmo "$Q" "$TMP/empty"
printf '"No newline at the end," he said.' | "$Q" >"$TMP/o"
check "quote: no final newline" grep -q 'No newline at the end' "$TMP/o"
awk 'BEGIN { for (i = 0; i < 300000; i++) printf "\"Word word word,\" said Al Bee. "; print "" }' \
    >"$TMP/big"
tmo "$Q" -m 16M "$TMP/big" >"$TMP/o"
check "quote: a 9 MB paragraph" [ "$(wc -l <"$TMP/o")" -eq 300000 ]
# flat WHAT FORMAT: peak memory is the same for 20000 and 200000
# paragraphs, each FORMAT (awk's printf) with its number; the text of the
# 200000 is left in $TMP/many.
flat() {
	awk -v f="$2" 'BEGIN { for (i = 0; i < 20000; i++) printf f, i }' \
	    >"$TMP/few"
	awk -v f="$2" 'BEGIN { for (i = 0; i < 200000; i++) printf f, i }' \
	    >"$TMP/many"
	rss1=$(maxrss_kb "$Q" "$TMP/few")
	rss2=$(maxrss_kb "$Q" "$TMP/many")
	check "quote: memory flat, 20000 to 200000 $1 ($rss1, $rss2 KiB)" \
	    [ "$rss2" -lt $((rss1 + 2048)) ]
}
flat paragraphs '"Word word word %d," said Al Bee.\n\n'
# Long paragraphs of quotations without speakers, or of cues without
# quotations: every search is bounded, so these stay linear.
awk 'BEGIN { for (i = 0; i < 30000; i++) printf "\"one two three\" and "; print "" }' \
    >"$TMP/nocue"
tmo "$Q" "$TMP/nocue" >/dev/null
check "quote: 30000 quotations without speakers in one paragraph" [ $? -eq 0 ]
awk 'BEGIN { for (i = 0; i < 30000; i++) printf "Al said, \"one two three\" and then "; print "" }' \
    >"$TMP/cues"
tmo "$Q" "$TMP/cues" >/dev/null
check "quote: 30000 attributions in one sentence" [ $? -eq 0 ]

# A credit line in the paragraph after a quotation names its speaker, but
# never across documents: the record of a document's last paragraph keeps
# its document's name and no speaker from the next one.
printf '"Most of the new wealth goes to the top."\n\n- Ann Holt.\n' \
    | "$Q" >"$TMP/o"
check "quote: a credit line in the next paragraph" \
    [ "$(cut -f5 "$TMP/o")" = "Ann Holt" ]
printf '==> a.txt <==\n"Most of the new wealth goes to the top."\n\n==> b.txt <==\n- Ann Holt.\n\n"We will look into it."\n' \
    | "$Q" >"$TMP/o"
check "quote: no credit line across documents" \
    [ "$(cut -f1,5 "$TMP/o" | tr '\t\n' '|;')" = "a.txt|;b.txt|;" ]
# Paragraphs that are a quotation alone wait for a credit line: memory
# stays flat however many of them pass, and every one is given out.
flat "paragraphs held" '"Word word word %d."\n\n'
tmo "$Q" "$TMP/many" >"$TMP/o"
check "quote: every paragraph held is given out" \
    [ "$(wc -l <"$TMP/o")" -eq 200000 ]
check "quote: the last paragraph held is given out at the end" \
    grep -q 'word 199999' "$TMP/o"
