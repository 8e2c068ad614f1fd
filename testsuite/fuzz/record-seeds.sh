#!/bin/sh
# record-seeds.sh RECORDER NETNSBOX DIR: the netlink target's seeds, from
# this kernel, into DIR: every command of the target (its modes 0-8) with
# no run dir, with names and nsids, with a set refused and with an entry
# that is no namespace. Runs itself in the testsuite's sandbox; prints what
# the commands printed.
set -e
if [ "$1" != --inside ]; then
	exec sh "$(dirname "$0")/../sandbox.sh" sh "$0" --inside "$@"
fi
rec=$2 box=$3 dir=$4
mkdir -p "$dir"
# record NAME MODE...
record() {
	name=$1
	shift
	for m; do
		echo "== $name-$m"
		"$rec" $m "$dir/$name-$m"
	done
}
# No run dir: set (8) would not reach netlink.
record none 0 1 2 3 4 5 6 7
"$box" netns-add a
"$box" netns-add b
"$box" netns-add x
"$box" netns-set a 5
"$box" netns-set b auto
record some 0 1 2 3 4 5 6 7 8
record used 8
# An entry that is no namespace, which ip reports.
: >"${NETNSBOX_RUN_DIR:-/run/netns}/plain"
record plain 0 2 3 5
