# lede-split on pathological input: each under a time limit, memory bounded.
. "$(dirname "$0")/lib.sh"
split=$BIN/lede-split

# A 100 MB single line: split at the cap with one message, text kept.
head -c 100000000 /dev/zero | tr '\0' 'x' | sed 's/x\{9\}/&0 /g' >"$TMP/line"
tmo $split "$TMP/line" >"$TMP/out" 2>"$TMP/err"
check "100 MB line: done" [ $? -eq 0 ]
check "100 MB line: one message" [ "$(grep -c 'paragraph longer than' "$TMP/err")" -eq 1 ]
check "100 MB line: no text lost" \
    [ "$(tr -d ' \n' <"$TMP/out" | wc -c)" -eq "$(tr -d ' \n' <"$TMP/line" | wc -c)" ]
rss=$(maxrss_kb $split "$TMP/line")
check "100 MB line: peak memory under 10 MB ($rss KiB)" [ "$rss" -lt 10240 ]
rm -f "$TMP/line" "$TMP/out"

# 100,000 opening quotes and no closer; "A. " a million times; NUL bytes.
head -c 100000 /dev/zero | tr '\0' '"' >"$TMP/q"
tmo $split -s "$TMP/q" >"$TMP/out"
check "100,000 opening quotes" [ "$(tr -d '\n' <"$TMP/out" | wc -c)" -eq 100000 ]
yes 'A.' | head -n 1000000 | tr '\n' ' ' >"$TMP/a"
tmo $split -s "$TMP/a" >"$TMP/out" 2>/dev/null
check "A. a million times" [ "$(tr -cd 'A' <"$TMP/out" | wc -c)" -eq 1000000 ]
head -c 1000000 /dev/urandom >"$TMP/bin"
tmo $split -s "$TMP/bin" >/dev/null 2>&1
check "binary data" [ $? -eq 0 ]
