# lede-tag and case: sentence-initial words (Despite, Given, So, For,
# However, Photo) are not names, a byline's name is, and the names of an
# ALL-CAPS or Title Case headline, or of a story set all in capitals,
# keep their types.  The fixture cases/tag-case.in is a story written for
# this test.
. "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
tag=$BIN/lede-tag
in=$here/cases/tag-case.in

$tag "$in" >"$TMP/mixed"
check "tag case: lossless" sh -c "sed -E 's,</?[A-Z]+>,,g' '$TMP/mixed' |
    cmp -s - '$in'"
for w in Despite Given So For However Photo By Ferry Wins; do
	check "tag case: sentence-initial or headline '$w' is no name" \
	    sh -c "! grep -q '<[A-Z]*>$w' '$TMP/mixed'"
done
check "tag case: ALL-CAPS headline place" grep -q '<LOC>OSLO</LOC>' \
    "$TMP/mixed"
check "tag case: byline person" grep -q '<PER>Marit Solberg</PER>' \
    "$TMP/mixed"
check "tag case: person after However," grep -q '<PER>Erik Dahl</PER>' \
    "$TMP/mixed"
check "tag case: company after Given" grep -q '<ORG>Nordline</ORG>' \
    "$TMP/mixed"
check "tag case: place after So" grep -q 'port of <LOC>Bergen</LOC>' \
    "$TMP/mixed"

# The whole story in capitals.
tr a-z A-Z <"$in" >"$TMP/upper.in"
$tag "$TMP/upper.in" >"$TMP/upper"
for w in DESPITE GIVEN SO FOR HOWEVER PHOTO; do
	check "tag case: capitals, sentence-initial '$w' is no name" \
	    sh -c "! grep -q '<[A-Z]*>$w' '$TMP/upper'"
done
check "tag case: capitals, place" grep -q 'PORT OF <LOC>BERGEN</LOC>' \
    "$TMP/upper"
check "tag case: capitals, person" grep -q '<PER>ERIK DAHL</PER>' \
    "$TMP/upper"
