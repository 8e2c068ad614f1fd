#!/usr/bin/env bats
# The testsuite runs from any checkout: one in /tmp (which the sandbox
# covers with a fresh tmpfs), one in a path with blanks, and it says at once
# why it cannot run from a read-only one or from under the run dir. It never
# reports success after running nothing. Each case runs pids.bats, a quick
# file, from a copy of the built tree.

bats_require_minimum_version 1.5.0
load lib

# copy DIR: the built tree (sources, binary, configuration) at DIR.
copy() {
	mkdir -p "$1"
	(cd "$TOP" && tar cf - --exclude=./.git --exclude=./testsuite/results --exclude=./build/dist* .) |
		(cd "$1" && tar xf -)
}

# suite DIR FILE...: run.sh of the copy at DIR on FILEs, in a clean
# environment: none of the variables and functions of the bats that runs
# this file, nor its libexec folder in PATH.
suite() {
	local path=$(tr ':' '\n' <<<"$PATH" | grep -v bats-core | paste -sd:)
	(cd "$1" && env -i PATH="$path" HOME="${HOME:-/}" sh testsuite/run.sh "${@:2}")
}

@test "a checkout in /tmp, in a path with blanks, runs its tests in the sandbox" {
	need_sandbox
	d="/tmp/netnsbox checkout $BATS_TEST_NUMBER/src"
	copy "$d"
	run suite "$d" testsuite/pids.bats
	rm -rf "/tmp/netnsbox checkout $BATS_TEST_NUMBER"
	assert_success
	refute_output --partial 'No such file or directory'
	refute_output --partial '# skip'
	assert_line --regexp '^[1-9][0-9]* passed, 0 failed, 0 skipped$'
}

@test "a read-only checkout is refused at once, with the reason" {
	need_sandbox
	d=$BATS_TEST_TMPDIR/ro
	copy "$d"
	rm -rf "$d/testsuite/results"
	mount --bind "$d" "$d"
	mount -o remount,bind,ro "$d"
	run suite "$d" testsuite/pids.bats
	assert_failure 1
	assert_output "run.sh: cannot write $d/testsuite/results: the testsuite keeps its results and test builds in the checkout, so it needs a writable one (a copy will do)"
}

@test "a checkout under the run dir's parent is refused at once, with the reason" {
	need_sandbox
	d=$(dirname "$RUN_DIR")/netnsbox-under-run
	copy "$d"
	run suite "$d" testsuite/pids.bats
	rm -rf "$d"
	assert_failure 1
	assert_output "sandbox.sh: the checkout $d is under $(dirname "$RUN_DIR"), which the sandbox covers with an empty tmpfs: test from a checkout elsewhere"
}

@test "a test file that cannot start, or none at all, is a failure, never 0 passed" {
	need_sandbox
	d=$BATS_TEST_TMPDIR/src
	copy "$d"
	run suite "$d" testsuite/nosuch.bats
	assert_failure
	assert_line "# testsuite/nosuch.bats ran no test"
	assert_line "0 passed, 1 failed, 0 skipped"
	printf '#!/usr/bin/env bats\n' >"$d/testsuite/empty.bats"
	run suite "$d" testsuite/empty.bats
	assert_failure
	assert_line "0 passed, 1 failed, 0 skipped"
	assert_output --partial "run.sh: no test ran"
}

@test "a checkout that is not built is refused at once" {
	d=$BATS_TEST_TMPDIR/src
	copy "$d"
	rm "$d/netnsbox"
	run suite "$d" testsuite/pids.bats
	assert_failure 1
	assert_output "run.sh: no ./netnsbox in $d: run make first"
}
