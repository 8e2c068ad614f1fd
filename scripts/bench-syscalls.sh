#!/bin/sh
# bench-syscalls.sh: the system calls of each benchmarked operation, counted
# by strace -f in a sandbox, for the floor (scripts/benchfloor.c), netnsbox
# and iproute2 side by side, with the programs of scripts/bench.sh.
#   NAMES (default 100): names for the ip -b and list operations.
set -e
cd "$(dirname "$0")/.."
top=$(pwd)
b=$top/build/bench
command -v strace >/dev/null || { echo "bench-syscalls.sh: strace is needed" >&2; exit 1; }
if [ "$1" != --inside ]; then
	sh scripts/bench.sh --tools
	cfg=$top/build/config.full
	NETNSBOX_RUN_DIR=$(sed -n 's/^CONFIG_NETNS_RUN_DIR="\(.*\)"$/\1/p' "$cfg") \
	NETNSBOX_ETC_DIR=$(sed -n 's/^CONFIG_NETNS_ETC_DIR="\(.*\)"$/\1/p' "$cfg") \
		exec sh testsuite/sandbox.sh sh "$top/scripts/bench-syscalls.sh" --inside
fi
NAMES=${NAMES:-100}
fl=$b/benchfloor ip=$b/bin/ip ip2=/usr/sbin/ip fb=$b/fb-iproute2/bin/ip
run_dir=${NETNSBOX_RUN_DIR:-/run/netns}
t=/tmp/syscalls
mkdir -p $t

# trace LABEL COMMAND...: the calls of COMMAND and its children, one name a
# line, in $t/LABEL; the calls of the runner's own fork are not there.
trace() {
	label=$1
	shift
	strace -f -qq -o "$t/$label.raw" "$@" >/dev/null 2>&1 || true
	sed -n 's/^[0-9]* *\([a-z_0-9]*\)(.*/\1/p' "$t/$label.raw" >"$t/$label"
}

# show TITLE LABELS...: one row per system call, a column per label.
show() {
	title=$1
	shift
	echo
	echo "$title"
	for l; do sort "$t/$l" | uniq -c | sed "s/^ *\([0-9]*\) \(.*\)/\2 $l \1/"; done |
	awk -v labels="$*" '
	{ if (!($1 in seen)) { seen[$1] = 1; rows[++n] = $1 } c[$1, $2] = $3; tot[$2] += $3 }
	END {
		k = split(labels, l, " ")
		printf "%-20s", "syscall"; for (i = 1; i <= k; i++) printf " %12s", l[i]; printf "\n"
		for (r = 1; r <= n; r++) {
			printf "%-20s", rows[r]
			for (i = 1; i <= k; i++) printf " %12s", ((rows[r], l[i]) in c) ? c[rows[r], l[i]] : "-"
			printf "\n"
		}
		printf "%-20s", "total"; for (i = 1; i <= k; i++) printf " %12d", tot[l[i]]; printf "\n"
	}'
}

trace floor-add "$fl" add one
trace floor-exec "$fl" exec one "$fl" true
trace floor-delete "$fl" delete one
trace netnsbox-add "$ip" netns add one
trace netnsbox-exec "$ip" netns exec one "$fl" true
trace netnsbox-delete "$ip" netns delete one
trace iproute2-add "$ip2" netns add one
trace iproute2-exec "$ip2" netns exec one "$fl" true
trace iproute2-delete "$ip2" netns delete one
show "add NAME" floor-add netnsbox-add iproute2-add
show "exec NAME (a static no-op)" floor-exec netnsbox-exec iproute2-exec
show "delete NAME" floor-delete netnsbox-delete iproute2-delete

i=0
while [ $i -lt "$NAMES" ]; do
	echo "netns add s$i" >>$t/add.batch
	echo "netns delete s$i" >>$t/del.batch
	i=$((i + 1))
done
trace floor-add-b "$fl" batch $t/add.batch
trace floor-del-b "$fl" batch $t/del.batch
trace netnsbox-add-b "$ip" -b $t/add.batch
trace netnsbox-del-b "$ip" -b $t/del.batch
trace iproute2-add-b "$ip2" -b $t/add.batch
trace iproute2-del-b "$ip2" -b $t/del.batch
show "ip -b: $NAMES adds" floor-add-b netnsbox-add-b iproute2-add-b
show "ip -b: $NAMES deletes" floor-del-b netnsbox-del-b iproute2-del-b

sed 's/^netns add \(.*\)$/netns add \1\nnetns set \1 auto/' $t/add.batch >$t/setup.batch
"$ip" -b $t/setup.batch
trace floor-list "$fl" list
trace netnsbox-list "$ip" netns list
trace applet-list "$b/bin/netns-list"
trace iproute2-list "$ip2" netns list
show "list: $NAMES names with nsids" floor-list applet-list netnsbox-list iproute2-list
"$ip" -b $t/del.batch

"$ip" netns add one
trace floor-enter "$fl" enter one "$ip2" link show
trace iproute2-n "$ip2" -n one link show
if [ -x "$fb" ]; then
	trace netnsbox-n "$fb" -n one link show
	show "ip -n NAME link show (fallback iproute2)" floor-enter netnsbox-n iproute2-n
else
	show "ip -n NAME link show (no fallback in this build)" floor-enter iproute2-n
fi
"$ip" netns delete one
