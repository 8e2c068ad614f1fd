#!/bin/sh
# run.sh [FILE.bats]...: run the testsuite, each file in a sandbox of its own
# (sandbox.sh), and end with one line "N passed, M failed, K skipped" counted
# from bats' TAP output, each report of a sanitizer or valgrind counted as a
# failure too. Exits non-zero when a test failed or none ran.
cd "$(dirname "$0")/.." || exit 1
cfg=build/config.full
NETNSBOX_RUN_DIR=$(sed -n 's/^CONFIG_NETNS_RUN_DIR="\(.*\)"$/\1/p' $cfg)
NETNSBOX_ETC_DIR=$(sed -n 's/^CONFIG_NETNS_ETC_DIR="\(.*\)"$/\1/p' $cfg)
export NETNSBOX_RUN_DIR NETNSBOX_ETC_DIR
[ $# -gt 0 ] || set -- testsuite/*.bats
if ! mkdir -p testsuite/results 2>/dev/null || ! : 2>/dev/null >testsuite/results/.writable; then
	echo "run.sh: cannot write $(pwd)/testsuite/results: the testsuite keeps its results and test builds in the checkout, so it needs a writable one (a copy will do)" >&2
	exit 1
fi
rm -f testsuite/results/.writable
[ -x netnsbox ] || { echo "run.sh: no ./netnsbox in $(pwd): run make first" >&2; exit 1; }
tap=testsuite/results/tap.txt
: >$tap
rm -f testsuite/results/summary.txt
# Reports of the sanitizers and valgrind (see lib.bash), from processes of
# any user.
logs=testsuite/results/check-logs
rm -rf $logs testsuite/results/valgrind-bin
mkdir -m 1777 $logs

sandbox=yes
sh testsuite/sandbox.sh true 2>testsuite/results/sandbox.err || sandbox=$?
if [ $sandbox = 3 ]; then
	cat testsuite/results/sandbox.err >&2
	exit 1
elif [ $sandbox != yes ]; then
	sandbox=no
	echo "# no sandbox (tests that need one skip): $(head -n 1 testsuite/results/sandbox.err)"
fi
dead=0
for f; do
	echo "# $f"
	if [ $sandbox = yes ]; then
		sh testsuite/sandbox.sh bats --tap "$f"
	else
		NETNSBOX_SANDBOX= bats --tap "$f"
	fi 2>&1 | tee testsuite/results/file.tap
	cat testsuite/results/file.tap >>$tap
	# A file that did not even start (no plan) ran nothing: a failure.
	if ! grep -q '^1\.\.[0-9]' testsuite/results/file.tap; then
		echo "# $f ran no test"
		dead=$((dead + 1))
	fi
done
rm -f testsuite/results/file.tap
pass=$(grep -c '^ok ' $tap | tr -d ' ')
skip=$(grep -c '^ok .* # skip' $tap | tr -d ' ')
fail=$(grep -c '^not ok ' $tap | tr -d ' ')
pass=$((pass - skip))
# A file that died before the end of its plan counts its missing tests
# as failed.
plan=$(sed -n 's/^1\.\.\([0-9]*\)$/\1/p' $tap | awk '{ n += $1 } END { print n + 0 }')
[ $((pass + skip + fail)) -ge "$plan" ] || fail=$((plan - pass - skip))
# A report is a failure even where the test did not see the process fail.
for f in $logs/*; do
	[ -s "$f" ] || continue
	echo "# $f:"
	sed 's/^/# /' "$f"
	fail=$((fail + 1))
done
fail=$((fail + dead))
if [ $((pass + fail)) -eq 0 ]; then
	echo "run.sh: no test ran" >&2
	fail=1
fi
echo "$pass passed, $fail failed, $skip skipped" | tee testsuite/results/summary.txt
[ "$fail" -eq 0 ]
