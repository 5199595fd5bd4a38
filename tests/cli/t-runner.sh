# t-runner.sh: the test runner itself fails when it must: a script that
# exits non-zero, a script that runs no check, a failed check, a case
# whose output differs; skips are counted apart from passes.
. "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
suite=$TMP/suite
mkdir -p "$suite/cases"
cp "$here/lib.sh" "$suite/"

# run_suite: runs the runner on $suite; its last line to $TMP/last.
run_suite() {
	LEDE_CLI_DIR=$suite sh "$here/run.sh" "$BIN" >"$TMP/runner" 2>&1
	rs=$?
	tail -n 1 "$TMP/runner" >"$TMP/last"
	return $rs
}

printf '. "$(dirname "$0")/lib.sh"\ncheck "fine" true\nskip "later" "not here"\n' \
    >"$suite/t-good.sh"
run_suite
check "runner: passes a good suite" [ $? -eq 0 ]
check "runner: counts a skip apart" \
    grep -qx 'cli: 1 passed, 0 failed, 1 skipped' "$TMP/last"

printf '. "$(dirname "$0")/lib.sh"\nexit 3\ncheck "never" true\n' \
    >"$suite/t-exit3.sh"
run_suite
check "runner: fails on a script that exits 3" [ $? -ne 0 ]
check "runner: says which script exited" \
    grep -q 't-exit3.sh exited with status 3' "$TMP/runner"
rm "$suite/t-exit3.sh"

printf '. "$(dirname "$0")/lib.sh"\n: nothing checked\n' >"$suite/t-none.sh"
run_suite
check "runner: fails on a script that runs no check" [ $? -ne 0 ]
rm "$suite/t-none.sh"

printf '. "$(dirname "$0")/lib.sh"\ncheck "wrong" false\n' >"$suite/t-bad.sh"
run_suite
check "runner: fails on a failed check" [ $? -ne 0 ]
rm "$suite/t-bad.sh"

printf 'echo hello\n' >"$suite/cases/c.cmd"
printf 'goodbye\n' >"$suite/cases/c.out"
run_suite
check "runner: fails on a case whose output differs" [ $? -ne 0 ]
printf 'hello\n' >"$suite/cases/c.out"
run_suite
check "runner: passes the case once it matches" [ $? -eq 0 ]
rm "$suite/cases/c.out"
run_suite
check "runner: fails on a case without its .out" [ $? -ne 0 ]
