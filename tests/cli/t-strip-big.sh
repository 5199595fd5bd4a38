# lede-strip on hostile input: each under a time limit, memory bounded by
# the window (4 MB of text or 65,536 lines), never by the input.
. "$(dirname "$0")/lib.sh"
strip=$BIN/lede-strip

# A million identical short lines: judged in windows, all of them repeats.
yes 'Share this story' | head -n 1000000 >"$TMP/same"
tmo $strip "$TMP/same" >"$TMP/out" 2>"$TMP/err"
check "a million identical lines: done" [ $? -eq 0 ]
check "a million identical lines: all dropped" [ ! -s "$TMP/out" ]
check "a million identical lines: one message" \
    [ "$(grep -c 'judged in pieces' "$TMP/err")" -eq 1 ]
tmo $strip -v "$TMP/same" 2>/dev/null | sort | uniq -c >"$TMP/out"
check "a million identical lines: -v gives them all back" \
    [ "$(cat "$TMP/out")" = "$(printf '%7d Share this story' 1000000)" ]
memcheck "a million identical lines: peak memory under 32 MB" 32768 \
    $strip "$TMP/same"
rm -f "$TMP/same"

# A 100 MB line of prose: judged in pieces, kept whole, one message.
yes 'The ferry ran late and the passengers on the quay were not pleased.' |
    head -c 100000000 | tr '\n' ' ' >"$TMP/line"
tmo $strip "$TMP/line" >"$TMP/out" 2>"$TMP/err"
check "100 MB line: done" [ $? -eq 0 ]
check "100 MB line: one message" \
    [ "$(grep -c 'judged in pieces' "$TMP/err")" -eq 1 ]
check "100 MB line: kept whole, one newline added" \
    [ "$(wc -c <"$TMP/out")" -eq 100000001 ]
check "100 MB line: still one line" [ "$(wc -l <"$TMP/out")" -eq 1 ]
memcheck "100 MB line: peak memory under 32 MB" 32768 $strip "$TMP/line"
rm -f "$TMP/line" "$TMP/out"

# Binary data: repaired into UTF-8 text, no crash.
head -c 1000000 /dev/urandom >"$TMP/bin"
for f in "$TMP/bin" "$strip"; do
	tmo $strip "$f" >"$TMP/out" 2>/dev/null
	check "binary ${f##*/}: done" [ $? -eq 0 ]
	check "binary ${f##*/}: valid UTF-8 out" iconv -f UTF-8 -t UTF-8 \
	    -o /dev/null "$TMP/out"
	tmo $strip -v "$f" >"$TMP/drop" 2>/dev/null
	check "binary ${f##*/}: kept and dropped lines add up" \
	    [ "$(cat "$TMP/out" "$TMP/drop" | grep -c .)" -eq \
	    "$(tmo $strip --explain "$f" 2>/dev/null | grep -vc '^blank')" ]
done

# Empty documents in a stream: the headers and nothing else, and one
# blank line after a document whose input ended with blank lines.
printf '==> a <==\n==> b <==\n\n\n==> c <==\nThe ferry ran late again, and the quay was full.\n==> d <==\n' |
    $strip >"$TMP/out"
printf '==> a <==\n==> b <==\n\n==> c <==\nThe ferry ran late again, and the quay was full.\n==> d <==\n' \
    >"$TMP/want"
same "empty documents keep their headers" "$TMP/want" "$TMP/out"
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "==> d%d <==\n\n", i }' \
    >"$TMP/empty"
tmo $strip "$TMP/empty" >"$TMP/out"
check "100,000 empty documents: done" [ $? -eq 0 ]
check "100,000 empty documents: the headers" \
    [ "$(grep -c '^==> d[0-9]* <==$' "$TMP/out")" -eq 100000 ]
check "100,000 empty documents: nothing else" \
    [ "$(grep -vc '^==> \|^$' "$TMP/out")" -eq 0 ]
memcheck "100,000 empty documents: peak memory under 8 MB" 8192 \
    $strip "$TMP/empty"

# Many small documents: the memory of recent lines stays capped.
awk 'BEGIN { for (i = 0; i < 50000; i++)
    printf "==> d%d <==\nMenu line %d\n\nStory %d: the ferry ran late again and the quay was full.\n\n", i, i, i }' \
    >"$TMP/many"
tmo $strip "$TMP/many" >"$TMP/out"
check "50,000 documents: done" [ $? -eq 0 ]
check "50,000 documents: every story kept" \
    [ "$(grep -c '^Story' "$TMP/out")" -eq 50000 ]
memcheck "50,000 documents: peak memory under 8 MB" 8192 $strip "$TMP/many"
