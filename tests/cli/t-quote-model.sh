# The shipped attribution model (common/data/quote-model.txt) is what
# make quote-model makes: the training tool run on
# ../shared/corpora/quotes/train gives it byte for byte (training is
# deterministic).  LEDE_QTRAIN is the training tool, set by make test;
# without ../shared the check is skipped, saying so.  A corpus of one
# document of our own checks that bad gold is refused.
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)
corpus=$top/../shared/corpora/quotes/train
train=${LEDE_QTRAIN:-}
case $train in
"" | /*) ;;
*) train=$top/$train ;;
esac
if [ ! -x "$train" ]; then
	skip "quote model" "no training tool (LEDE_QTRAIN, set by make test)"
	exit 0
fi
# A small corpus: it trains, and training is deterministic.
mkdir -p "$TMP/c/docs"
printf 'The mayor said the ferry would run again in May.\n\n"We will see," she said.\n' >"$TMP/c/docs/a.txt"
printf '{"doc": "a", "id": "E1", "kind": "indirect", "content": "the ferry would run again in May", "content_start": 15, "content_end": 47, "source": "The mayor", "source_start": 0, "source_end": 9, "cue": "said", "cue_start": 10, "cue_end": 14, "content_spans": [[15, 47]], "source_spans": [[0, 9]], "cue_spans": [[10, 14]], "quotes": []}\n' >"$TMP/c/gold.jsonl"
"$train" -e 2 -o "$TMP/m1" "$TMP/c" 2>"$TMP/err"
check "quote model: trains on a small corpus" [ $? -eq 0 ]
"$train" -e 2 -o "$TMP/m2" "$TMP/c" 2>"$TMP/err"
same "quote model: training twice gives the same model" "$TMP/m1" "$TMP/m2"
check "quote model: the model has weights" grep -q '^bits 17$' "$TMP/m1"
check "quote model: and a speaker ranker" grep -q '^rank 16$' "$TMP/m1"
check "quote model: and a classifier of segments" grep -q '^keep 14$' "$TMP/m1"
printf '{"doc": "a", "kind": "indirect"}\n' >"$TMP/c/gold.jsonl"
"$train" -o "$TMP/m3" "$TMP/c" 2>"$TMP/err"
check "quote model: gold without spans exits 1" [ $? -eq 1 ]
check "quote model: and says which line" grep -q 'gold.jsonl:1' "$TMP/err"
if [ ! -d "$corpus" ]; then
	skip "quote model" "../shared absent"
else
	timeout 300 "$train" -o "$TMP/model" "$corpus" 2>"$TMP/err"
	check "quote model: training runs" [ $? -eq 0 ]
	same "quote model: make quote-model gives the shipped model" \
	    "$top/common/data/quote-model.txt" "$TMP/model"
fi
