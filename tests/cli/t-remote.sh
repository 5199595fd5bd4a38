# t-remote.sh: GNU parallel spreading lede over machines, as the README
# shows it, with an ssh stand-in (fakessh) that runs each "remote" command
# on this machine in a home of its host's own: one stream cut at its
# headers (--pipe), and files sent, processed and brought back
# (--transferfile, --return, --cleanup), over 2,000 documents (500 in the
# slower sanitizer and valgrind runs); the output must be the serial run's,
# byte for byte.  Each host gets two job slots (-S 2/host), so parallel
# need not ask the host for its cores.
. "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v parallel >/dev/null 2>&1 || ! command -v rsync >/dev/null 2>&1
then
	skip "parallel remote mode" "no GNU parallel or rsync here"
	exit 0
fi
# parallel quotes the commands it sends a host for the shell in $SHELL,
# and sends nothing that runs when SHELL is unset (as in some CI jobs).
export PARALLEL_HOME="$TMP/parallel" PATH="$BIN:$PATH" SHELL=/bin/sh
mkdir -p "$PARALLEL_HOME" "$TMP/rdocs" "$TMP/rfiles" "$TMP/hosts"
: >"$PARALLEL_HOME/will-cite"
# The stand-in for ssh, with the hosts' root and PATH written into it:
# parallel runs some of its commands on a host under env -i.
ssh="$TMP/ssh"
printf '#!/bin/sh\nexec sh %s %s %s "$@"\n' "'$here/fakessh'" "'$TMP/hosts'" \
    "'$BIN:$PATH'" >"$ssh"
chmod +x "$ssh"
# perr: after a failed check, what parallel said, and where the output
# first differs.
perr() {
	sed -n '1,5s/^/# /p' "$TMP/perr"
	[ -f "$TMP/remote" ] && cmp "$TMP/serial" "$TMP/remote" 2>&1 | sed 's/^/# /'
	return 1
}
n=2000
[ -n "${LEDE_SAN:-}${LEDE_WRAP:-}" ] && n=500
sh "$here/mkdocs.sh" $n "$TMP/rdocs"
cd "$TMP/rdocs" || exit 1
# The stream, and the same documents in files of 100 documents each.
tail -n +1 -- $(grep -L '^==> ' -- *.txt) >"$TMP/stream"
ls | awk '{ print > ("'"$TMP"'/list" int((NR - 1) / 100)) }'
for l in "$TMP"/list*; do
	tail -n +1 -- $(cat "$l") >"$TMP/rfiles/part${l##*list}.txt"
done
cd "$TMP/rfiles" || exit 1

for spec in "lede-tag" "lede-tag -f tsv" "lede-split -s" "lede-quote --json"; do
	$spec <"$TMP/stream" >"$TMP/serial" 2>/dev/null
	parallel --ssh "$ssh" -S 2/host1,2/host2 --pipe --recstart '==> ' \
	    --block 64k -k $spec <"$TMP/stream" >"$TMP/remote" 2>"$TMP/perr"
	check "parallel -S host1,host2 --pipe $spec: the serial bytes" \
	    cmp -s "$TMP/serial" "$TMP/remote" || perr
done

rm -f "$TMP/remote"
for f in part*.txt; do
	lede-tag "$f" >"$TMP/${f%.txt}.want"
done
parallel --ssh "$ssh" -S 2/host1,2/host2 --transferfile {} --return {.}.out \
    --cleanup 'lede-tag {} > {.}.out' ::: part*.txt 2>"$TMP/perr"
ok=1
for f in part*.txt; do
	cmp -s "$TMP/${f%.txt}.want" "${f%.txt}.out" || ok=0
done
check "parallel -S host1,host2 --transferfile --return: every file back, the serial bytes" \
    [ "$ok" = 1 ] || perr
check "parallel --cleanup: nothing left on the hosts" \
    [ -z "$(find "$TMP/hosts" -name 'part*' 2>/dev/null)" ]
check "parallel remote: the documents were run on both hosts" \
    [ "$(ls "$TMP/hosts" | wc -l)" -eq 2 ]
