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
# Random bytes from fixed seeds (the same every run), after a tag.
for seed in 1 2 3 4 5 6 7 8; do
	python3 -c 'import random, sys
random.seed(int(sys.argv[1]))
sys.stdout.buffer.write(b"<html><body><p>" +
    bytes(random.getrandbits(8) for _ in range(100000)))' $seed \
	    >"$TMP/bin.html"
	status "binary data, seed $seed: exit 0" 0 tmo $strip "$TMP/bin.html"
	check "binary data, seed $seed: valid UTF-8 out" sh -c \
	    'iconv -f UTF-8 -t UTF-8 "$1" >/dev/null' - "$TMP/out"
done
printf '<p>A page cut inside a character, which is kept as its byte: \342\202' \
    >"$TMP/cut.html"
status "a page cut inside a character: exit 0" 0 $strip --html "$TMP/cut.html"
check "a page cut inside a character: repaired" grep -q 'its byte: â‚' \
    "$TMP/out"
printf '<p>Never closed <div><table><tr><td>cell<li>item <a href=x>link' \
    >"$TMP/soup.html"
status "tag soup: exit 0" 0 tmo $strip --html "$TMP/soup.html"
: >"$TMP/empty.html"
status "an empty page: exit 0" 0 $strip --html "$TMP/empty.html"
check "an empty page: no output" [ ! -s "$TMP/out" ]

# Character sets: declared in the page (windows-1251, shift_jis, gb2312,
# euc-kr, iso-8859-2, iso-8859-1) or a UTF-8 byte-order mark; UTF-8 out.
for exp in *.expect; do
	$strip "${exp%.expect}.html" >"$TMP/cs" 2>"$TMP/err"
	same "charset: ${exp%.expect}" "$exp" "$TMP/cs"
done
# The charset of the transport (a web archive's Content-Type) comes first.
body=$(iconv -f UTF-8 -t KOI8-R <<'TXT'
<html><body><article><p>Городской совет во вторник утвердил бюджет, который позволит отремонтировать три старых моста.</p></article></body></html>
TXT
)
len=$(printf '%s' "$body" | wc -c)
hlen=$(printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=koi8-r\r\n\r\n' | wc -c)
{
	printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x.example/a\r\n'
	printf 'Content-Type: application/http; msgtype=response\r\n'
	printf 'Content-Length: %d\r\n\r\n' $((len + hlen))
	printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=koi8-r\r\n\r\n'
	printf '%s' "$body"
	printf '\r\n\r\n'
} >"$TMP/koi8.warc"
$strip "$TMP/koi8.warc" >"$TMP/out" 2>"$TMP/err"
check "web archive: an HTML record is a page, in its charset" \
    grep -q 'Городской совет во вторник' "$TMP/out"
check "web archive: no markup" sh -c '! grep -q "<p>" "$1"' - "$TMP/out"

# -f json: what the page says, null for what it does not.
$strip -f json $page >"$TMP/json"
check "json: one record" [ "$(wc -l <"$TMP/json")" -eq 1 ]
for kv in '"doc":"harbour.html"' \
    '"title":"Ferry crews and harbour board settle pay dispute"' \
    '"url":"https://herald.example/news/ferry-pay-deal"' \
    '"author":"Mira Okafor"' '"date":"2026-03-14T09:30:00Z"' \
    '"lang":"en-GB"'; do
	check "json: $kv" grep -qF "$kv" "$TMP/json"
done
check "json: the text, paragraphs apart" grep -qF \
    '"text":"Ferry crews and harbour board settle pay dispute\n\nFerry crews on the northern' \
    "$TMP/json" 
cat >"$TMP/bare.html" <<'EOF2'
<html><head><meta name="author" content="https://social.example/staff">
<meta property="article:published_time" content="last Tuesday"></head>
<body><p>A page that says nothing of itself but a sentence of text in its body.</p></body></html>
EOF2
$strip -f json "$TMP/bare.html" >"$TMP/json"
for k in title url author date; do
	check "json: $k null when not said (or not a date, or a URL)" \
	    grep -qF "\"$k\":null" "$TMP/json"
done
check "json: lang from the stop words when the page does not say" \
    grep -qF '"lang":"en"' "$TMP/json"
cat >"$TMP/ld.html" <<'EOF2'
<html lang="pl"><head><script type="application/ld+json">
{"@context":"https://schema.org","@type":"NewsArticle","headline":"Nowa linia tramwajowa",
 "datePublished":"2026-05-02","author":[{"@type":"Person","name":"Jan Kowalski"}]}
</script></head><body><time datetime="1999-01-01">dawno</time>
<p>Rada miasta przyjęła plan budowy nowej linii tramwajowej do osiedli na północy.</p></body></html>
EOF2
$strip -f json "$TMP/ld.html" >"$TMP/json"
for kv in '"title":"Nowa linia tramwajowa"' '"author":"Jan Kowalski"' \
    '"date":"2026-05-02"' '"lang":"pl"'; do
	check "json from JSON-LD: $kv" grep -qF "$kv" "$TMP/json"
done
$strip -f json "$TMP/note.txt" >"$TMP/json"
check "json of a text: author and date null" \
    grep -qF '"author":null,"date":null' "$TMP/json"
check "json of a text: its text" grep -qF '"text":"Plain text of a note' \
    "$TMP/json"
$strip -f json $page "$TMP/note.txt" >"$TMP/json"
check "json: a record a document, no headers" [ "$(wc -l <"$TMP/json")" -eq 2 ]
status "json: not with --explain" 2 $strip -f json --explain $page
status "-f: text or json" 2 $strip -f xml $page

# --explain on a page: five columns, the DOM path fourth.
$strip --explain $page >"$TMP/out"
check "--explain: the DOM path of a block" grep -q \
    '^keep	[0-9.]*	[a-z,]*	html>body>main>article>div.article-body>p	Ferry crews on the northern' \
    "$TMP/out"
check "--explain: a dropped block and why" grep -q \
    '^drop	.*class.*div.cookie-banner	We use cookies' "$TMP/out"

# The headline the page names (its og:title or <title>), even when it asks
# a question, not a photo credit nor a standfirst nearer the body; with -b
# it goes too.
cat >"$TMP/q.html" <<'EOF2'
<html><head><title>Will the night ferry run again? - Harbour News</title></head>
<body><header><h1>Will the night ferry run again?</h1>
<p class="credit-line">Photo: Ann Lee/Harbour News</p></header>
<div class="story"><p>The harbour board met on Tuesday to decide whether the night ferry to the
islands should run again next summer, after a year without it.</p>
<p>Residents of the islands told the board that the last boat of the day leaves too early for
anyone who works in town, and that the night crossing was what kept them there.</p></div></body></html>
EOF2
$strip "$TMP/q.html" >"$TMP/out"
check "html: the headline the title names, a question" \
    [ "$(head -1 "$TMP/out")" = "Will the night ferry run again?" ]
check "html: not the photo credit" sh -c '! grep -q "Ann Lee" "$1"' - "$TMP/out"
$strip -b "$TMP/q.html" >"$TMP/out"
check "html -b: no headline" sh -c '! grep -q "night ferry run again" "$1"' - "$TMP/out"
check "html -b: the body" grep -q '^The harbour board met' "$TMP/out"
printf '<html><body><p>%s</p><p class="d-none d-print-block">%s</p>%s</body></html>\n' \
    'The harbour board met on Tuesday to decide whether the night ferry to the islands should run again next summer, after a year without it, and said yes.' \
    'Cite this page as: the night ferry, the copy of record, printed for the archive.' \
    '<p class="sr-only">Skip to the main content of this page now, please.</p>' >"$TMP/h.html"
$strip --html "$TMP/h.html" >"$TMP/out"
check "html: classes that hide (d-none, sr-only) drop the text" \
    sh -c '! grep -q "Cite this\|Skip to" "$1"' - "$TMP/out"
check "html: the text beside them stays" grep -q '^The harbour board met' "$TMP/out"

# A heading with nothing kept after it goes (a prompt before comments, the
# title of a list of links); a link whose text is a web address is text.
cat >"$TMP/t.html" <<'EOF2'
<html><body><article><h1>Ferry timetable for the winter</h1>
<div class="entry-content"><p>The winter timetable starts on the first of November, with two
crossings a day to each of the islands and one on Sundays, the board said today.</p>
<p>The full timetable is on the board's site:</p>
<p><a href="https://ferries.example/winter">https://ferries.example/winter</a></p>
<p>Tickets bought for the summer crossings stay valid until the end of the year, and can be
changed at the harbour office without a fee.</p>
<h3>Tell us what you think</h3></div>
<div class="comments"><p>Log in to comment</p></div></article></body></html>
EOF2
$strip "$TMP/t.html" >"$TMP/out"
check "html: a trailing heading goes" sh -c '! grep -q "Tell us what" "$1"' - "$TMP/out"
check "html: a web address written out stays" grep -qx 'https://ferries.example/winter' "$TMP/out"
check "html: the body around it" grep -q '^Tickets bought for the summer' "$TMP/out"

# A form that wraps the whole page (ASP.NET) is not navigation; a search
# form is.  The line of an element right after an image, a few words
# without a sentence end, is its caption.
cat >"$TMP/f.html" <<'EOF2'
<html><body><form id="aspnetForm" method="post">
<form class="site-search"><p>Search the whole archive of the harbour news</p></form>
<div class="story"><p>The harbour board met on Tuesday to decide whether the night ferry to the
islands should run again next summer, after a year without it.</p>
<img src="ferry.jpg" alt=""><center><em>The night ferry at the north pier in 2019</em></center>
<p>Residents of the islands told the board that the last boat of the day leaves too early for
anyone who works in town, and that the night crossing was what kept them there.</p></div>
</form></body></html>
EOF2
$strip "$TMP/f.html" >"$TMP/out"
check "html: a form around the page is not navigation" grep -q '^Residents of the islands' "$TMP/out"
check "html: a search form is" sh -c '! grep -q "Search the whole" "$1"' - "$TMP/out"
check "html: a caption after an image goes" sh -c '! grep -q "north pier" "$1"' - "$TMP/out"

# A standfirst (dek, abstract) under the headline is not the body.
cat >"$TMP/d.html" <<'EOF2'
<html><head><title>Night ferry to run again</title></head><body><article>
<h1>Night ferry to run again</h1>
<p class="article-dek">The islands get their late crossing back next summer, the board decided after a long debate.</p>
<div class="article-body"><p>The harbour board met on Tuesday to decide whether the night ferry to the
islands should run again next summer, after a year without it.</p>
<p>Residents of the islands told the board that the last boat of the day leaves too early for
anyone who works in town, and that the night crossing was what kept them there.</p></div>
</article></body></html>
EOF2
$strip "$TMP/d.html" >"$TMP/out"
check "html: the standfirst goes" sh -c '! grep -q "late crossing back" "$1"' - "$TMP/out"
check "html: the headline, then the body" \
    [ "$(sed -n '1p;3p' "$TMP/out" | cut -c1-24)" = "Night ferry to run again
The harbour board met on" ]

# The page's JSON-LD articleBody guides, but does not keep a photo credit
# it happens to quote, nor a related link.
cat >"$TMP/g.html" <<'EOF2'
<html><head><script type="application/ld+json">{"@type":"NewsArticle","articleBody":
"The harbour board met on Tuesday to decide whether the night ferry to the islands should run again next summer, after a year without it. (Harbour News Photo Desk) Residents of the islands told the board that the last boat of the day leaves too early for anyone who works in town. Night ferry returns next summer, board says"}</script></head>
<body><article><p>The harbour board met on Tuesday to decide whether the night ferry to the islands
should run again next summer, after a year without it.</p>
<figure><img src="f.jpg"><figcaption class="photo-credit">(Harbour News Photo Desk)</figcaption></figure>
<p>Residents of the islands told the board that the last boat of the day leaves too early for
anyone who works in town.</p>
<ul class="related-links"><li><a href="/a">Night ferry returns next summer, board says</a></li></ul>
</article></body></html>
EOF2
$strip -b "$TMP/g.html" >"$TMP/out"
check "html guide: the body" grep -q '^Residents of the islands' "$TMP/out"
check "html guide: not the credit it quotes" sh -c '! grep -q "Photo Desk" "$1"' - "$TMP/out"
check "html guide: not the related link" sh -c '! grep -q "returns next summer" "$1"' - "$TMP/out"

# -c: the figure captions, once each; by default they go.
{ sed -n '1,28p' $page; sed -n '28p' $page; sed -n '29,$p' $page; } \
    >"$TMP/twofig.html"
$strip --html "$TMP/twofig.html" >"$TMP/out"
check "captions: dropped by default" \
    sh -c '! grep -q "morning ferry leaves" "$1"' - "$TMP/out"
$strip --html -c "$TMP/twofig.html" >"$TMP/out"
check "-c: a caption printed twice is kept once" \
    [ "$(grep -c 'morning ferry leaves' "$TMP/out")" -eq 1 ]
check "-c: the body stays" grep -q '^Ferry crews on the northern routes' \
    "$TMP/out"
