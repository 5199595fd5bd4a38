# The shipped model (common/data/ner-model.txt) is what make model makes:
# the training tool run on ../shared/corpora/ner/train gives it byte for
# byte (training is deterministic).  LEDE_TRAIN is the training tool,
# set by make test; without ../shared the check is skipped, saying so, and
# under the sanitizers only one epoch is run.
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)
corpus=$top/../shared/corpora/ner/train
train=${LEDE_TRAIN:-}
case $train in
"" | /*) ;;
*) train=$top/$train ;;
esac
if [ ! -d "$corpus" ]; then
	skip "tag model" "../shared absent"
elif [ ! -x "$train" ]; then
	skip "tag model" "no training tool (LEDE_TRAIN, set by make test)"
elif [ -n "${LEDE_SAN:-}${LEDE_WRAP:-}" ]; then
	# Under the sanitizers, one short epoch: the plain run trains in full.
	timeout 300 "$train" -n 1 -e 1 -o "$TMP/model" "$corpus" 2>"$TMP/err"
	check "tag model: one epoch of training runs" [ $? -eq 0 ]
	check "tag model: the model has its transitions and rows" \
	    sh -c "grep -c '^T ' '$TMP/model' | grep -qx 17 &&
	    grep -q '^bits ' '$TMP/model'"
	skip "tag model: make model gives the shipped model" \
	    "sanitizer or valgrind run (the plain run checks it)"
else
	timeout 300 nice "$train" -o "$TMP/model" "$corpus" 2>"$TMP/err"
	check "tag model: training runs" [ $? -eq 0 ]
	same "tag model: make model gives the shipped model" \
	    "$top/common/data/ner-model.txt" "$TMP/model"
fi
