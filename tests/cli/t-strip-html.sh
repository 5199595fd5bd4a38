# lede-strip on HTML pages: detection, --html and --text, what goes and
# what stays, hostile markup.  The pages in html/ are invented.
. "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/html" || exit 1
strip=$BIN/lede-strip
page=harbour.html

$strip $page >"$TMP/keep" 2>"$TMP/err"
for l in 'Ferry crews on the northern routes' 'The deal, reached after' \
    '^What changes for passengers$' 'Passengers who bought tickets' \
    'Nobody got everything' 'The board.s chair said' \
    '^Saltness to Brae	12$'; do
	check "html keeps: $l" grep -q "$l" "$TMP/keep"
done
for l in 'ga(' 'font-family' 'Home' 'Sport' 'cookies' 'Accept' 'By Mira' \
    'Share on' 'The morning ferry leaves' 'hidden paragraph' \
    'Another hidden block' 'Related stories' 'Bridge tolls' 'newsletter' \
    'Copyright' 'Privacy' 'enable JavaScript' '<' '&'; do
	check "html drops: $l" sh -c '! grep -q "$1" "$2"' - "$l" "$TMP/keep"
done
check "html: the headline first" \
    [ "$(head -1 "$TMP/keep")" = "Ferry crews and harbour board settle pay dispute" ]
check "html: a table row a line, its rows one paragraph" \
    grep -A1 -x 'Route	Crossings a day' "$TMP/keep" | grep -qx 'Saltness to Brae	12'
check "html: nothing on standard error" [ ! -s "$TMP/err" ]

# Detection per document: the same page forced, and in a stream.
$strip --html <$page >"$TMP/forced"
same "--html on standard input: the same" "$TMP/keep" "$TMP/forced"
$strip --text $page >"$TMP/text"
check "--text reads markup as text" grep -q '<p>' "$TMP/text"
printf 'Plain text of a note that says a sentence or two about ferries.\n' \
    >"$TMP/note.txt"
$strip $page "$TMP/note.txt" >"$TMP/two"
check "operands mix pages and texts: the page" grep -q 'The deal, reached' \
    "$TMP/two"
check "operands mix pages and texts: the text" grep -q 'Plain text of a note' \
    "$TMP/two"
check "operands mix pages and texts: headers" grep -qx "==> $page <==" \
    "$TMP/two"
(cd "$TMP" && cp "$OLDPWD/$page" p.html && tail -n +1 p.html note.txt |
    $strip) >"$TMP/stream"
check "a stream of a page and a text: the page" grep -q 'The deal, reached' \
    "$TMP/stream"
check "a stream of a page and a text: the text is text" \
    grep -q 'Plain text of a note' "$TMP/stream"

# Hostile markup: never a crash, a hang or a word on standard error but
# the documented warnings.
awk 'BEGIN { printf "<html><body>"; for (i = 0; i < 100000; i++)
    printf "<div>"; print "<p>Deep text.</p>" }' >"$TMP/deep.html"
status "100,000 nested elements: exit 0" 0 tmo $strip "$TMP/deep.html"
check "100,000 nested elements: a warning" grep -q 'nested deeper than' \
    "$TMP/err"
awk 'BEGIN { printf "<html><body><p"; for (i = 0; i < 1000000; i++)
    printf " a%d=x", i; print ">A tag with a million attributes ends here, and this sentence is kept.</p>" }' \
    >"$TMP/attrs.html"
status "a million attributes: exit 0" 0 tmo $strip "$TMP/attrs.html"
check "a million attributes: the text after it" grep -q 'this sentence is kept' \
    "$TMP/out"
awk 'BEGIN { printf "<html><body>"; for (i = 0; i < 100000; i++)
    printf "<b>"; for (i = 0; i < 100000; i++) printf "</i>"; print "" }' \
    >"$TMP/unclosed.html"
status "100,000 unclosed and 100,000 stray end tags: exit 0" 0 \
    tmo $strip "$TMP/unclosed.html"
printf '<html><body><p>A NUL \000 in text and <b\000>in a tag</b>, kept as a sentence.</p>\n' \
    >"$TMP/nul.html"
status "a NUL in a tag: exit 0" 0 tmo $strip "$TMP/nul.html"
check "a NUL in a tag: the text" grep -q 'kept as a sentence' "$TMP/out"
{ printf '<html><body><p>'; head -c 200000 /dev/urandom; } >"$TMP/bin.html"
status "binary data: exit 0" 0 tmo $strip "$TMP/bin.html"
check "binary data: valid UTF-8 out" sh -c \
    'iconv -f UTF-8 -t UTF-8 "$1" >/dev/null' - "$TMP/out"
printf '<p>Never closed <div><table><tr><td>cell<li>item <a href=x>link' \
    >"$TMP/soup.html"
status "tag soup: exit 0" 0 tmo $strip --html "$TMP/soup.html"
: >"$TMP/empty.html"
status "an empty page: exit 0" 0 $strip --html "$TMP/empty.html"
check "an empty page: no output" [ ! -s "$TMP/out" ]
