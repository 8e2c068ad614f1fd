#!/bin/sh
# bench.sh: netnsbox side by side with iproute2 and with a floor program
# (the least the task needs: reading the run dir, or /proc), in a sandbox.
# Prints a table; the numbers are for PERFORMANCE.md, not for tests.
#   NAMES (default 1000) namespaces with nsids for the list benchmarks,
#   PROCS (default 5000) processes for the pids benchmarks, RUNS (20) runs.
set -e
cd "$(dirname "$0")/.."
top=$(pwd)
if [ "$1" != --inside ]; then
	mkdir -p build
	${HOSTCC:-cc} -O2 -o build/benchrun scripts/benchrun.c
	${HOSTCC:-cc} -O2 -static -o build/benchfloor scripts/benchrun.c 2>/dev/null ||
		cp build/benchrun build/benchfloor
	exec sh testsuite/sandbox.sh sh "$top/scripts/bench.sh" --inside
fi
NAMES=${NAMES:-1000} PROCS=${PROCS:-5000} RUNS=${RUNS:-20}
nb=$top/netnsbox br=$top/build/benchrun fl=$top/build/benchfloor
ip=/usr/sbin/ip
[ -x $ip ] || { echo "bench.sh: $ip (iproute2) is needed to compare" >&2; exit 1; }

row() { # LABEL COMMAND...
	label=$1
	shift
	set -- $("$br" "$RUNS" "$@")
	printf '%-34s %9s %9s %8s\n' "$label" "$1" "$2" "$3"
}
header() {
	printf '\n%s\n%-34s %9s %9s %8s\n' "$1" command mean_us min_us rss_kb
}

i=0
while [ $i -lt "$NAMES" ]; do
	echo "netns add n$i"
	echo "netns set n$i auto"
	i=$((i + 1))
done >/tmp/setup.batch
"$nb" ip -b /tmp/setup.batch

header "list: $NAMES named namespaces, each with an nsid ($RUNS runs)"
row "floor (read the run dir)" "$fl" floor /run/netns
row "netnsbox netns-list" "$nb" netns-list
row "netnsbox ip netns list" "$nb" ip netns list
row "iproute2 ip netns list" $ip netns list
row "netnsbox netns-list -j" "$nb" netns-list -j
row "iproute2 ip -j netns list" $ip -j netns list
row "netnsbox netns-list-id" "$nb" netns-list-id
row "iproute2 ip netns list-id" $ip netns list-id

"$br" spawn "$PROCS" >/tmp/spawn.out &
spawner=$!
while ! grep -q ready /tmp/spawn.out 2>/dev/null; do sleep 0.2; done
"$nb" netns-add busy
header "pids: $PROCS processes in /proc ($RUNS runs)"
row "floor (read /proc)" "$fl" floor /proc
row "netnsbox netns-pids" "$nb" netns-pids busy
row "iproute2 ip netns pids" $ip netns pids busy
row "netnsbox netns-identify" "$nb" netns-identify
row "iproute2 ip netns identify" $ip netns identify
pkill -TERM -P $spawner 2>/dev/null || true
kill $spawner 2>/dev/null || true

header "start-up: one command, empty work ($RUNS runs)"
row "netnsbox --list" "$nb" --list
row "iproute2 ip -V" $ip -V
echo
printf 'binary: netnsbox %s bytes; %s %s bytes\n' "$(stat -c %s "$nb")" $ip "$(stat -L -c %s $ip)"
