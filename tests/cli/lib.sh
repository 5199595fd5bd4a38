# lib.sh: helpers for the t-*.sh CLI scripts (sourced).  BIN and TMP are
# set by run.sh.  Each check prints "ok - what" or "not ok - what", and a
# check that cannot run here prints "skip - what # why" (counted apart).

# check WHAT COND...: runs the test command COND and reports; its status
# is COND's, so that "check ... || show_why" can say more on a failure.
check() {
	what=$1
	shift
	if "$@"; then
		echo "ok - $what"
	else
		echo "not ok - $what"
		return 1
	fi
}

# skip WHAT WHY: the check WHAT cannot run here, because WHY.
skip() {
	echo "skip - $1 # $2"
}

# same WHAT FILE1 FILE2: the files are equal.
same() {
	if cmp -s "$2" "$3"; then
		echo "ok - $1"
	else
		echo "not ok - $1"
		diff -u "$2" "$3" | head -10
	fi
}

# status WHAT WANT CMD...: CMD exits with WANT; its standard output goes
# to $TMP/out and its standard error to $TMP/err.
status() {
	what=$1
	want=$2
	shift 2
	"$@" >"$TMP/out" 2>"$TMP/err"
	got=$?
	if [ "$got" -eq "$want" ]; then
		echo "ok - $what"
	else
		echo "not ok - $what (status $got, wanted $want)"
	fi
}

# maxrss_kb CMD...: runs CMD and prints its peak resident memory in KiB.
maxrss_kb() {
	/usr/bin/time -f '%M' -o "$TMP/rss" "$@" >/dev/null 2>&1
	cat "$TMP/rss"
}

# tmo: limit a command to 60 seconds, so that a hang fails the test.
tmo() {
	timeout 60 "$@"
}

# memcheck WHAT LIMIT_KB CMD...: CMD's peak memory stays under the limit;
# skipped in sanitizer builds and under valgrind, where it says nothing.
memcheck() {
	what=$1
	limit=$2
	shift 2
	if [ -n "${LEDE_SAN:-}${LEDE_WRAP:-}" ]; then
		skip "$what" "sanitizer or valgrind"
		return
	fi
	rss=$(maxrss_kb "$@")
	check "$what ($rss KiB)" [ "$rss" -lt "$limit" ]
}
