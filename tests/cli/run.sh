#!/bin/sh
# run.sh BINDIR: the CLI tests.
#
# Two kinds, both counted in the closing "N passed, N failed, N skipped"
# line:
#  - cases/NAME.cmd holds a command line run with sh from the cases folder
#    with BINDIR first on PATH; its standard input is NAME.in when there is
#    one (else /dev/null); standard output must equal NAME.out, and the exit
#    status must be NAME.status when that file exists (else 0);
#  - t-*.sh scripts (see lib.sh), each with its own checks; a script that
#    exits with a status other than 0, or reports no check at all, fails
#    as a whole (one more failure).
# LEDE_WRAP, when set, is put before every lede command (valgrind, say),
# and the pathological scripts (t-*-big.sh) are left out as too slow.
# LEDE_CLI_DIR runs the tests of another folder (t-runner.sh tests this
# runner with it).
set -u
bindir=$(cd "${1:-bin}" && pwd)
here=${LEDE_CLI_DIR:-$(cd "$(dirname "$0")" && pwd)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
if [ -n "${LEDE_WRAP:-}" ]; then
	mkdir "$tmp/wrap"
	for f in "$bindir"/lede-*; do
		printf '#!/bin/sh\nexec %s %s "$@"\n' "$LEDE_WRAP" "$f" \
		    >"$tmp/wrap/${f##*/}"
		chmod +x "$tmp/wrap/${f##*/}"
	done
	bindir=$tmp/wrap
fi
export PATH="$bindir:$PATH" LC_ALL=C
pass=0
fail=0
skip=0
for cmd in "$here"/cases/*.cmd; do
	[ -e "$cmd" ] || continue
	name=${cmd%.cmd}
	in=/dev/null
	[ -e "$name.in" ] && in=$name.in
	want=0
	[ -e "$name.status" ] && want=$(cat "$name.status")
	(cd "$here/cases" && sh "$cmd" <"$in" >"$tmp/out" 2>"$tmp/err")
	got=$?
	if [ ! -e "$name.out" ]; then
		fail=$((fail + 1))
		echo "FAIL: ${name##*/}: no ${name##*/}.out"
	elif [ "$got" = "$want" ] && cmp -s "$tmp/out" "$name.out"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: ${name##*/} (status $got, wanted $want)"
		diff -u "$name.out" "$tmp/out" | head -20
		head -5 "$tmp/err"
	fi
done
for t in "$here"/t-*.sh; do
	[ -e "$t" ] || continue
	case $t in *-big.sh) [ -n "${LEDE_WRAP:-}" ] && continue ;; esac
	out=$(BIN="$bindir" TMP="$tmp" sh "$t" 2>&1)
	st=$?
	p=$(printf '%s\n' "$out" | grep -c '^ok ')
	f=$(printf '%s\n' "$out" | grep -c '^not ok ')
	s=$(printf '%s\n' "$out" | grep -c '^skip ')
	pass=$((pass + p))
	fail=$((fail + f))
	skip=$((skip + s))
	printf '%s\n' "$out" | grep -A5 '^not ok ' | head -30
	printf '%s\n' "$out" | grep '^skip '
	if [ "$st" -ne 0 ]; then
		fail=$((fail + 1))
		echo "FAIL: ${t##*/} exited with status $st"
		printf '%s\n' "$out" | tail -5
	elif [ $((p + f + s)) -eq 0 ]; then
		fail=$((fail + 1))
		echo "FAIL: ${t##*/} ran no check"
	fi
done
echo "cli: $pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
