# The shipped WordNet gazetteer (common/data/wordnet.txt) is what make
# wordnet makes: tools/wordnet.sh run on the WordNet 3.0 database gives it
# byte for byte.  The database is not part of lede: where it is not
# installed (LEDE_WORDNET, the folder make test passes, default
# /usr/share/wordnet, Debian's wordnet-base) the check is skipped, saying so.
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)
dir=${LEDE_WORDNET:-/usr/share/wordnet}
case $dir in /*) ;; *) dir=$top/$dir ;; esac
data=$top/common/data/wordnet.txt
check "wordnet: the list has its provenance and the licence's notice" \
    sh -c "grep -q '^# .*WordNet 3.0 database' '$data' &&
    grep -q '^# WordNet 3.0 Copyright 2006 by Princeton University' '$data'"
check "wordnet: one name a line, capitalized, with known classes" \
    awk -F '\t' '!/^#/ { n++; if (NF != 2 || $1 !~ /^[A-Z]/ ||
    $2 !~ /^(per|loc|org|fac|misc|nat|group|lang|thing)(,(per|loc|org|fac|misc|nat|group|lang|thing))*$/)
    bad = 1 } END { exit bad || n < 10000 }' "$data"
if [ ! -r "$dir/data.noun" ] || [ ! -r "$dir/data.adj" ]; then
	skip "wordnet: make wordnet gives the shipped list" \
	    "WordNet 3.0 not installed in $dir (apt-get install wordnet-base)"
else
	sh "$top/tools/wordnet.sh" "$dir" "$TMP/wordnet" 2>"$TMP/err"
	check "wordnet: the derivation runs" [ $? -eq 0 ] || tail -3 "$TMP/err"
	same "wordnet: make wordnet gives the shipped list" "$data" \
	    "$TMP/wordnet"
fi
