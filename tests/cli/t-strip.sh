# lede-strip: the sample page, options, documents and bad input.
# The fixtures (cases/strip-*.in) are invented pages; cases/strip-*.cmd
# check their whole output, this script the rest.
. "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/cases" || exit 1
strip=$BIN/lede-strip
page=strip-lake.in

# Every boilerplate line goes and every article line stays.
$strip $page >"$TMP/keep"
same "the article of the page" strip-lake.out "$TMP/keep"
for l in 'Skip to main content' 'Follow us' 'Email story' '^Share$' \
    'Comment on this story' 'By Teodora Marsh, Coastal Desk' \
    'Fishing boats lie on the cracked bed' 'lake-varna-jetty.jpg' \
    '\[Image: ' 'Related stories' 'Orchards on the eastern shore' \
    'Tags: ' 'We use cookies' 'newsletter' '3 Comments' 'Pavel K.' \
    'About time they talked' '^Reply' 'Copyright 2026' 'Privacy policy' \
    'View Full Site'; do
	check "drops: $l" sh -c '! grep -q "$1" "$2"' - "$l" "$TMP/keep"
done
for l in 'Lake Varna Towns Agree' 'Six towns around' 'Under the deal' \
    'Nobody got everything' 'Farmers had warned' '^How the board will work$' \
    '^    "We will measure' 'Hydrologists at' 'The towns will meet again'; do
	check "keeps: $l" grep -q "$l" "$TMP/keep"
done

# -v: exactly the lines that the plain run leaves out.
$strip -v $page >"$TMP/drop"
cat "$TMP/keep" "$TMP/drop" | grep -v '^$' | sort >"$TMP/both"
grep -v '^$' $page | sort >"$TMP/want"
same "-v prints the complement" "$TMP/want" "$TMP/both"
check "-v prints the menu" grep -qx 'Menu' "$TMP/drop"
check "-v prints no article line" sh -c '! grep -q "Six towns" "$1"' - \
    "$TMP/drop"

# --explain: one line per input line, four tab-separated columns.
$strip --explain $page >"$TMP/out"
check "--explain: one line per input line" \
    [ "$(wc -l <"$TMP/out")" -eq "$(wc -l <$page)" ]
check "--explain: four columns on every line" \
    [ "$(awk -F '\t' 'NF != 4' "$TMP/out" | wc -l)" -eq 0 ]
check "--explain: the decision column" \
    [ "$(cut -f1 "$TMP/out" | grep -cvx 'keep\|drop\|blank')" -eq 0 ]
cut -f4 "$TMP/out" >"$TMP/text"
same "--explain: the text column is the input" $page "$TMP/text"
grep '^keep' "$TMP/out" | cut -f4 >"$TMP/text"
grep -v '^$' strip-lake.out >"$TMP/want"
same "--explain: the kept lines are the output" "$TMP/want" "$TMP/text"
check "--explain: reasons" grep -q '^drop	[-0-9.]*	short,phrase,outside	Follow us$' \
    "$TMP/out"
check "--explain: the headline" grep -q '^keep	.*title	Lake Varna' "$TMP/out"
printf 'a\tb\n' | $strip --explain >"$TMP/out"
check "--explain: a tab in the text is escaped" \
    [ "$(awk -F '\t' '{ print NF }' "$TMP/out")" -eq 4 ]

# -b: the body without the headline.
$strip -b $page >"$TMP/out"
tail -n +3 strip-lake.out >"$TMP/want"
same "-b drops the headline" "$TMP/want" "$TMP/out"

# Documents: a header before each file, headers in the input, stdin.
$strip $page strip-fahre.in >"$TMP/out"
{ echo "==> $page <=="; cat strip-lake.out; echo
  echo "==> strip-fahre.in <=="; cat strip-fahre.out; } >"$TMP/want"
same "two files, two headers" "$TMP/want" "$TMP/out"
{ echo '==> a <=='; cat $page; echo; echo '==> b <=='; cat strip-fahre.in; } |
    $strip >"$TMP/out2"
sed 's/^==> .* <==$/H/' "$TMP/out" >"$TMP/want"
sed 's/^==> .* <==$/H/' "$TMP/out2" >"$TMP/got"
same "headers in the input start documents" "$TMP/want" "$TMP/got"
$strip - <$page >"$TMP/out"
same "- is standard input, no header" strip-lake.out "$TMP/out"

# Another language is not stripped to nothing.
$strip strip-fahre.in >"$TMP/out"
check "German article kept" [ "$(grep -c 'Kranholm' "$TMP/out")" -eq 3 ]
check "German byline dropped" sh -c '! grep -q "^Von Jana" "$1"' - "$TMP/out"

# Wrapped text: the width is counted in characters, not bytes.  At 100
# columns a line with a curly apostrophe is more than 100 bytes; in Russian
# at 72 columns every line is; a paragraph is still one block, its last line
# and the paragraphs after it are kept, and a caption printed twice is two
# repeated blocks, not one paragraph.
$strip --explain strip-wrap100.in >"$TMP/out"
grep -e '“It’s the busiest' -e '^[^	]*	[^	]*	[^	]*	repairs,' "$TMP/out" |
    cut -f1-3 >"$TMP/got"
check "100 columns: a wrapped paragraph is one block" \
    [ "$(wc -l <"$TMP/got")" -eq 2 -a "$(sort -u "$TMP/got" | wc -l)" -eq 1 ]
check "100 columns: its last line is kept as prose" \
    grep -q '^keep	[0-9.]*	prose$' "$TMP/got"
check "100 columns: a caption printed twice is dropped" \
    [ "$(grep -c '^drop	.*repeat	The new engine is lowered' "$TMP/out")" -eq 2 ]
$strip strip-wrap72ru.in >"$TMP/out"
check "Russian at 72 columns: the headline" \
    [ "$(sed -n 1p "$TMP/out")" = 'Паром снова ходит через пролив у Старого Моста' ]
check "Russian at 72 columns: a paragraph's last line" \
    grep -qx 'дала продажа старого причала.' "$TMP/out"
check "Russian at 72 columns: the last paragraph" \
    grep -qx 'ратуши к выходным.' "$TMP/out"
check "Russian at 72 columns: four paragraphs and the headline" \
    [ "$(grep -c '^$' "$TMP/out")" -eq 4 ]
check "Russian at 72 columns: no menu, no footer" \
    sh -c '! grep -q "Главная\|Поделиться\|©" "$1"' - "$TMP/out"

# Memory across documents: a line on every page of a site is template text.
for i in 1 2 3 4; do
	echo "==> page$i <=="
	echo 'Harbour Gazette morning edition'
	echo
	echo "Story $i: the ferry to the island ran late again today, and the"
	echo 'passengers who waited on the quay for an hour were not pleased.'
	echo
	echo 'Reader services and delivery questions'
done >"$TMP/site"
$strip --explain "$TMP/site" >"$TMP/out"
check "template line: judged on its own in the first document" \
    [ "$(grep -c '^drop.*template.*	Reader services' "$TMP/out")" -eq 3 ]
$strip -M 0 --explain "$TMP/site" >"$TMP/out"
check "-M 0: no memory" sh -c '! grep -q template "$1"' - "$TMP/out"
$strip "$TMP/site" >"$TMP/out"
check "template lines dropped (the first headline aside)" \
    [ "$(grep -c 'Gazette\|Reader' "$TMP/out")" -eq 1 ]
check "stories of a site kept" [ "$(grep -c '^Story' "$TMP/out")" -eq 4 ]

# Prompts, credits and lists of real pages (found by a user): the headline
# and the body stay, the rest goes.
$strip strip-prompts.in >"$TMP/out"
check "prompts: the headline, not a prompt before it" \
    [ "$(sed -n 1p "$TMP/out")" = \
    'Council Approves New Ferry Timetable for the Island Route' ]
for l in 'Get short URL' '^Credit\.\.\.' 'Like this story' 'newsletter' \
    '^\[ \]I agree' 'Most Popular' '^ *[0-9]\. ' 'Copyright'; do
	check "prompts: drops $l" sh -c '! grep -q "$1" "$2"' - "$l" "$TMP/out"
done
check "prompts: three body paragraphs" \
    [ "$(grep -c 'council approved\|We have waited\|boats would arrive' \
    "$TMP/out")" -eq 3 ]
$strip strip-bullets.in >"$TMP/out"
check "bullets: each item with its continuation" \
    [ "$(grep -c '^  • \|^    that workers\|^    eleven in' "$TMP/out")" -eq 5 ]
check "bullets: the last item between kept paragraphs" \
    grep -q '• Fares for children' "$TMP/out"

$strip strip-popular.in >"$TMP/out"
check "a numbered list before the article: the headline stays first" \
    [ "$(sed -n 1p "$TMP/out")" = \
    'Council Approves New Ferry Timetable for the Island Route' ]
check "a numbered list before the article: its items go" \
    sh -c '! grep -q "^ *[0-9]\. " "$1"' - "$TMP/out"
check "a numbered list before the article: the body stays" \
    [ "$(grep -c 'council approved\|We have waited\|boats would arrive' \
    "$TMP/out")" -eq 3 ]

# The headline: of the heading-like lines before the article, the one that
# says what it is about, not the nearest label, reading time or author line.
$strip strip-headline.in >"$TMP/out"
check "headline: the one that shares the story's words" \
    [ "$(sed -n 1p "$TMP/out")" = \
    'Island Ferry Strike Ends After Three Weeks of Talks' ]
for l in 'Filed to' 'Min Read' 'karin.olsen@'; do
	check "headline: drops $l" sh -c '! grep -q "$1" "$2"' - "$l" "$TMP/out"
done
$strip -f json strip-headline.in >"$TMP/out"
check "headline: the title of -f json" grep -q \
    '"title":"Island Ferry Strike Ends After Three Weeks of Talks"' "$TMP/out"

# Templates are remembered per site, and only on strong evidence: pages of
# other sites, or pages that share a single line, keep what single runs keep.
mkdir -p "$TMP/site-a" "$TMP/site-b"
for i in 1 2; do
	for s in a b; do
		{ echo "Site $s news desk, issue $i"; echo
		  echo "Story $s$i: the ferry to the island ran late again, and the"
		  echo 'passengers who waited on the quay for an hour were angry.'
		  echo
		  echo '"We will not wait another winter for a boat that works,"'
		  echo 'said the chair of the islanders association on Monday.'
		  echo
		  echo "Story $s$i goes on: the operator blamed the weather and a"
		  echo 'broken winch, and promised a second boat by the spring.'
		} >"$TMP/site-$s/p$i.txt"
	done
done
pages="$TMP/site-a/p1.txt $TMP/site-b/p1.txt $TMP/site-a/p2.txt $TMP/site-b/p2.txt"
for f in $pages; do $strip "$f"; done | grep -v '^$' >"$TMP/want"
$strip $pages | grep -v '^==> \|^$' >"$TMP/got"
check "one shared quotation: four pages keep it" \
    [ "$(grep -c '^"We will not wait' "$TMP/got")" -eq 4 ]
same "one shared quotation: a batch keeps what single runs keep" \
    "$TMP/want" "$TMP/got"
# A copy of an article (a wire story on two sites, two versions of a live
# report) keeps its prose the second time; only its short lines are
# template text.
{ echo '==> copy1 <=='; cat $page; echo; echo '==> copy2 <=='; cat $page; } |
    $strip >"$TMP/out"
check "a copy of an article keeps its paragraphs" \
    [ "$(grep -c 'Six towns around\|Under the deal\|Hydrologists at' \
    "$TMP/out")" -eq 6 ]
# sites NAME...: the pages with a footer, as a stream named by URLs.
sites() {
	n=0
	for f in $pages; do
		n=$((n + 1))
		echo "==> https://www.$(eval echo "\$$n")/${f##*/} <=="
		cat "$f"; echo
		echo 'Reader services and delivery questions'; echo
		echo 'Advertise with us and our partners'; echo
	done
}
sites a.example b.example a.example b.example | $strip --explain >"$TMP/out"
check "two sites, two pages each: the footer is template text twice" \
    [ "$(grep -c '^drop.*template.*	Reader services' "$TMP/out")" -eq 2 ]
sites c1.example c2.example c3.example c4.example | $strip --explain \
    >"$TMP/out"
check "four sites: no template text" sh -c '! grep -q template "$1"' - \
    "$TMP/out"
sites c1.example c2.example c3.example c4.example | $strip >"$TMP/got"
sites c1.example c2.example c3.example c4.example | $strip -M 0 >"$TMP/want"
same "four sites: the output of no memory" "$TMP/want" "$TMP/got"

# lede-strip | lede-split: paragraphs survive the pipe.
$strip $page | $BIN/lede-split >"$TMP/out"
check "lede-split reads the output: 10 paragraphs" \
    [ "$(grep -c . "$TMP/out")" -eq 10 ]
check "lede-split reads the output: 9 breaks" \
    [ "$(grep -c '^$' "$TMP/out")" -eq 9 ]
$strip $page | $BIN/lede-split -s >"$TMP/out"
check "lede-split -s reads the output" grep -qx \
    '"Nobody got everything.*it is fair," said .* talks\.' "$TMP/out"

# Options.
status "-h exits 0" 0 $strip -h
check "-h prints usage to stdout" grep -q '^usage: lede-strip' "$TMP/out"
status "-V exits 0" 0 $strip -V
check "-V prints the version" grep -q '^lede-strip [0-9]' "$TMP/out"
status "unknown option exits 2" 2 $strip --bogus </dev/null
check "unknown option prints usage to stderr" grep -q '^usage: lede-strip' \
    "$TMP/err"
status "bad -M exits 2" 2 $strip -M lots </dev/null
status "bad -m exits 2" 2 $strip -m 12x </dev/null
status "-m below 4k exits 2" 2 $strip -m 100 </dev/null
awk 'BEGIN { for (i = 0; i < 400; i++)
    printf "Paragraph %d tells of the ferry and the quay.\n\n", i }' \
    >"$TMP/long"
status "-m 8k: long document judged in pieces" 0 $strip -m 8k "$TMP/long"
check "-m 8k: one message" [ "$(grep -c 'judged in pieces' "$TMP/err")" -eq 1 ]
check "-m 8k: the text is kept" [ "$(grep -c '^Paragraph' "$TMP/out")" -eq 400 ]

# Empty input, a directory, a missing file among good ones.
: >"$TMP/empty"
status "empty file exits 0" 0 $strip "$TMP/empty"
check "empty file, empty output" [ ! -s "$TMP/out" ]
status "directory exits 1" 1 $strip .
check "directory is reported" grep -q 'lede-strip: \.: Is a directory' \
    "$TMP/err"
status "missing file exits 1" 1 $strip $page /nonexistent strip-fahre.in
check "missing file is reported" grep -q '/nonexistent: No such file' \
    "$TMP/err"
check "the good files are still done: headers" \
    [ "$(grep -c '^==> strip-' "$TMP/out")" -eq 2 ]
check "the good files are still done: text" \
    [ "$(grep -c 'Six towns\|Kranholm' "$TMP/out")" -eq 4 ]

# Output errors: a closed pipe ends quietly, a full disk is an error.
awk 'BEGIN { for (i = 0; i < 20000; i++)
    printf "On day %d the council said the lake was low again.\n\n", i }' \
    >"$TMP/big"
$strip "$TMP/big" 2>"$TMP/err" | head -n 1 >"$TMP/out"
check "closed pipe: the first line" grep -q '^On day 0 ' "$TMP/out"
check "closed pipe: no message" [ ! -s "$TMP/err" ]
if [ -w /dev/full ]; then
	$strip "$TMP/big" >/dev/full 2>"$TMP/err"
	check "full disk exits 2" [ $? -eq 2 ]
	check "full disk is reported" grep -q 'write error: No space' "$TMP/err"
fi
