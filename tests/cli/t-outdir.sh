# t-outdir.sh: -o DIR of lede-split, lede-strip and lede-tag: one file per
# input under its base name, written atomically, DIR made, nothing written
# over an input, unsafe names refused with exit 2.
. "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
export PATH="$BIN:$PATH"
cd "$TMP" || exit 1
mkdir -p od-in/a od-in/b
cp "$here/cases/strip-lake.in" od-in/a/lake.txt
cp "$here/cases/quote-sample.in" od-in/b/ferry.txt
cp "$here/cases/tag-news.in" od-in/b/news.txt

for spec in "lede-split -s" "lede-strip" "lede-tag" "lede-tag -f tsv"; do
	rm -rf od-out
	$spec -o od-out/deep od-in/a/lake.txt od-in/b/ferry.txt 2>"$TMP/err"
	check "$spec -o: exits 0, makes DIR and its parents" \
	    [ $? -eq 0 ] && [ -d od-out/deep ]
	check "$spec -o: one file per input" \
	    [ "$(ls od-out/deep | tr '\n' ' ')" = "ferry.txt lake.txt " ]
	$spec <od-in/a/lake.txt >"$TMP/od-alone"
	case $spec in
	*tsv*) sed 's/^-\t/od-in\/a\/lake.txt\t/' "$TMP/od-alone" >"$TMP/od-want" ;;
	*) cp "$TMP/od-alone" "$TMP/od-want" ;;
	esac
	same "$spec -o: the file holds what the input gives alone" \
	    "$TMP/od-want" od-out/deep/lake.txt
	check "$spec -o: nothing on standard output" \
	    [ -z "$($spec -o od-out/deep od-in/b/ferry.txt)" ]
done

# A stream: each document named by its header goes to its own file.
tail -n +1 od-in/a/lake.txt od-in/b/ferry.txt | lede-split -o od-s
check "stream -o: a file per header" \
    [ "$(ls od-s | tr '\n' ' ')" = "ferry.txt lake.txt " ]
lede-split <od-in/b/ferry.txt >"$TMP/od-want"
same "stream -o: no header line in the file" "$TMP/od-want" od-s/ferry.txt

# Refusals: an output over an input, standard input without a name, a name
# taken twice in a run, a name that would leave DIR; never a file written.
cp od-in/a/lake.txt over.txt
status "-o over an input: exit 2" 2 lede-split -o . over.txt
same "-o over an input: the input unchanged" od-in/a/lake.txt over.txt
check "-o over an input: says so" grep -q 'over an input' "$TMP/err"
status "-o stdin without a name: exit 2" 2 sh -c 'echo x | lede-split -o od-n'
check "-o stdin without a name: nothing written" [ -z "$(ls -A od-n)" ]
status "-o the same base name twice: exit 2" 2 \
    lede-split -o od-t od-in/a/lake.txt od-in/a/lake.txt
check "-o the same base name twice: the first is written" [ -s od-t/lake.txt ]
printf '==> .. <==\nText.\n==> .hidden <==\nMore.\n==> dir/ <==\nNo.\n==> ok.txt <==\nFine.\n' |
    lede-split -o od-e 2>"$TMP/err"
check "-o names without a safe base name: exit 2" [ $? -eq 2 ]
check "-o names without a safe base name: only the safe one written" \
    [ "$(ls -A od-e)" = ok.txt ]
check "-o names without a safe base name: one message each" \
    [ "$(grep -c 'no safe file name' "$TMP/err")" -eq 3 ]
printf '==> ../../escape.txt <==\nText.\n' | lede-split -o od-e/in
check "-o a name with folders: its base name, inside DIR" \
    [ -s od-e/in/escape.txt ] && [ ! -e escape.txt ] && [ ! -e od-e/escape.txt ]
: >not-a-dir
status "-o a file that is not a folder: exit 2" 2 lede-split -o not-a-dir od-in/a/lake.txt
status "-o an unwritable folder: exit 2" 2 lede-split -o /proc/lede od-in/a/lake.txt

# Written atomically: a run killed while writing (its input, a FIFO,
# stalls half-way) leaves no file behind, not even its temporary one.
mkfifo slow.txt
{ printf 'The first paragraph came.\n\n'; sleep 3; printf 'Never.\n'; } >slow.txt &
writer=$!
lede-split -o od-k slow.txt &
pid=$!
sleep 1
check "-o while writing: a hidden temporary file only" \
    [ -z "$(ls od-k)" ] && [ -n "$(ls -A od-k)" ]
kill -TERM $pid
wait $pid 2>/dev/null
check "-o killed: no file left behind" [ -z "$(ls -A od-k)" ]
kill $writer 2>/dev/null
wait $writer 2>/dev/null
true
