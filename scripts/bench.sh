#!/bin/sh
# bench.sh: netnsbox side by side with iproute2 and with floor programs
# (scripts/benchfloor.c: only the system calls each task cannot do
# without), in a sandbox (testsuite/sandbox.sh). Each table is one run of
# scripts/benchrun.c: rounds that alternate the programs, medians of the
# wall time, and the peak resident set of each. The numbers are for
# docs/PERFORMANCE.md, not for tests.
#   BENCH_ROUNDS (default 31)       rounds of the tables of single calls
#   BENCH_BATCH_ROUNDS (default 7)  rounds of the ip -b tables
#   BENCH_SETTLE (default 1)        seconds after each batch of deletes
#   NAMES (default 1000)            names (each with an nsid) for list and
#                                   the ip -b tables
#   PROCS (default 5000)            sleeping processes for pids
# bench.sh --tools only builds the programs (for bench-syscalls.sh).
set -e
cd "$(dirname "$0")/.."
top=$(pwd)
b=$top/build/bench
cfg=$top/build/config.full
setting() { sed -n "s/^CONFIG_$1=\"\(.*\)\"\$/\1/p" "$cfg"; }
run_dir=$(setting NETNS_RUN_DIR)
etc_dir=$(setting NETNS_ETC_DIR)
bb=$(command -v busybox || true)

# variant NAME FALLBACK: netnsbox built with CONFIG_IP_FALLBACK=FALLBACK in
# a copy of the tree, linked as NAME/bin/ip.
variant() {
	rm -rf "$b/$1"
	mkdir -p "$b/$1/src" "$b/$1/bin"
	tar cf - Makefile Config.in applets libbb scripts | (cd "$b/$1/src" && tar xf -)
	grep -v '^CONFIG_IP_FALLBACK=' "$cfg" >"$b/$1/src/.config"
	echo "CONFIG_IP_FALLBACK=\"$2\"" >>"$b/$1/src/.config"
	make -s -C "$b/$1/src" olddefconfig >/dev/null
	make -s -C "$b/$1/src" >"$b/$1/make.log" 2>&1 ||
		{ cat "$b/$1/make.log" >&2; exit 1; }
	ln -s ../src/netnsbox "$b/$1/bin/ip"
}

if [ "$1" != --inside ]; then
	[ -x /usr/sbin/ip ] || { echo "bench.sh: /usr/sbin/ip (iproute2) is needed to compare" >&2; exit 1; }
	rm -rf "$b/bin" "$b/bb"
	mkdir -p "$b/bin" "$b/bb"
	cc=${HOSTCC:-cc}
	! command -v musl-gcc >/dev/null || cc=musl-gcc
	$cc -O2 -static -o "$b/benchrun" scripts/benchrun.c
	$cc -O2 -static -isystem build/include -DRUN_DIR="\"$run_dir\"" \
		-DETC_DIR="\"$etc_dir\"" -o "$b/benchfloor" scripts/benchfloor.c
	for a in $(./netnsbox --list); do
		ln -s "$top/netnsbox" "$b/bin/$a"
	done
	rm -rf "$b/fb-iproute2" "$b/fb-busybox"
	# The fallback is a build setting: where this tree has it, one build
	# hands other objects to iproute2, one to busybox (as "ip").
	[ -z "$bb" ] || ln -s "$bb" "$b/bb/ip"
	if grep -qs '^config IP_FALLBACK$' Config.in build/Config.applets; then
		variant fb-iproute2 /usr/sbin/ip
		[ -z "$bb" ] || variant fb-busybox "$b/bb/ip"
	fi
	[ "$1" != --tools ] || exit 0
	NETNSBOX_RUN_DIR=$run_dir NETNSBOX_ETC_DIR=$etc_dir \
		exec sh testsuite/sandbox.sh sh "$top/scripts/bench.sh" --inside
fi

ROUNDS=${BENCH_ROUNDS:-31} BROUNDS=${BENCH_BATCH_ROUNDS:-7}
# The kernel frees deleted namespaces later, in a worker of its own that
# takes the locks that unshare needs: each impl's batch waits for the
# former's to be freed so that it does not pay for them.
SETTLE=${BENCH_SETTLE:-1}
NAMES=${NAMES:-1000} PROCS=${PROCS:-5000}
nb=$top/netnsbox bin=$b/bin fl=$b/benchfloor ip2=/usr/sbin/ip
noop="$fl true"
: >"$b/results.txt"

# measure ROUNDS: the steps on stdin, run by benchrun; its lines go to
# results.txt and stdout.
measure() {
	cat >"$b/spec"
	"$b/benchrun" "$1" "$b/spec" | tee -a "$b/results.txt"
}

# table TITLE DIVISOR COLUMNS COMPUTED [MISSING [FIELD]]: the results on
# stdin as one row per step and one column per impl (the median, or field
# FIELD of benchrun's lines: 4 is the fastest run, divided by DIVISOR),
# then the computed columns: A/B is a ratio, A-B a difference. A row
# without the first impl of COMPUTED says MISSING instead.
table() {
	awk -v title="$1" -v div="$2" -v cols="$3" -v comp="$4" -v missing="$5" \
		-v field="${6:-3}" '
	{ key = $2; if (!(key in seen)) { seen[key] = 1; rows[++nr] = key }
	  v[$1, key] = $3 == "fail" ? "fail" : $field / div }
	function cell(i, k) { return ((i, k) in v) ? v[i, k] : "" }
	function num(x) { return x == "" || x == "fail" ? "-" : sprintf(x >= 100 ? "%.0f" : "%.1f", x) }
	END {
		nc = split(cols, c, " "); nx = split(comp, x, " ")
		printf "\n%s\n%-22s", title, "operation"
		for (i = 1; i <= nc; i++) printf " %10s", c[i]
		for (i = 1; i <= nx; i++) printf " %17s", x[i]
		printf "\n"
		for (r = 1; r <= nr; r++) {
			k = rows[r]; printf "%-22s", k
			for (i = 1; i <= nc; i++) printf " %10s", num(cell(c[i], k))
			for (i = 1; i <= nx; i++) {
				op = index(x[i], "/") ? "/" : "-"
				split(x[i], ab, op); a = cell(ab[1], k); bb = cell(ab[2], k)
				if (a == "" && missing != "" && i == 1) { printf "  %s", missing; break }
				if (a == "" || bb == "" || a == "fail" || bb == "fail" || (op == "/" && bb == 0))
					printf " %17s", "-"
				else if (op == "/")
					printf " %17s", sprintf("%.2f", a / bb)
				else
					printf " %17s", sprintf("%+.0f", a - bb)
			}
			printf "\n"
		}
	}'
}

kind() { [ "$1" = 3 ] && echo median || echo "fastest run"; }

names_file() { # FILE COMMAND PREFIX
	i=0
	while [ $i -lt "$NAMES" ]; do
		echo "netns $2 $3$i"
		i=$((i + 1))
	done >"$1"
}
names_file "$b/add.batch" add b
names_file "$b/del.batch" delete b

echo "netnsbox $(stat -c %s "$nb") bytes, $BROUNDS/$ROUNDS rounds, medians;" \
	"floor = scripts/benchfloor.c, static musl"

measure "$BROUNDS" <<EOF >"$b/last"
floor add-batch $fl batch $b/add.batch
floor delete-batch $fl batch $b/del.batch
floor _settle sleep $SETTLE
netnsbox add-batch $bin/ip -b $b/add.batch
netnsbox delete-batch $bin/ip -b $b/del.batch
netnsbox _settle sleep $SETTLE
iproute2 add-batch $ip2 -b $b/add.batch
iproute2 delete-batch $ip2 -b $b/del.batch
iproute2 _settle sleep $SETTLE
EOF
for f in 3 4; do
	table "ip -b: $NAMES names in one batch (ms, $(kind $f))" 1000 \
		"floor netnsbox iproute2" "netnsbox/floor iproute2/netnsbox" "" $f <"$b/last"
done

"$bin/ip" netns add busy
measure "$ROUNDS" <<EOF >"$b/last"
floor start-up $noop
applet start-up $nb --list
ip start-up $bin/ip -V
iproute2 start-up $ip2 -V
floor add $fl add one
floor exec-no-op $fl exec busy $noop
floor delete $fl delete one
applet add $bin/netns-add one
applet exec-no-op $bin/netns-exec busy $noop
applet delete $bin/netns-delete one
ip add $bin/ip netns add one
ip exec-no-op $bin/ip netns exec busy $noop
ip delete $bin/ip netns delete one
iproute2 add $ip2 netns add one
iproute2 exec-no-op $ip2 netns exec busy $noop
iproute2 delete $ip2 netns delete one
EOF
for f in 3 4; do
	table "one call (µs, $(kind $f)): netns-* applets and the ip applet" 1 \
		"floor applet ip iproute2" "applet/floor ip/floor iproute2/ip" "" $f <"$b/last"
done

# The fallback: netnsbox's ip in front of iproute2's or busybox's, against
# that ip run directly in the namespace: after a setns alone (floor, and
# nsenter), or after the whole switch of ip -n and ip netns exec (switch:
# a mount namespace of its own, the namespace's /sys).
fb=$b/fb-iproute2/bin/ip fbb=$b/fb-busybox/bin/ip
{
	for how in -n exec; do
		echo "floor $how:iproute2 $fl enter busy $ip2 link show"
		echo "switch $how:iproute2 $fl exec busy $ip2 link show"
		[ ! -x "$b/bb/ip" ] || {
			echo "floor $how:busybox $fl enter busy $b/bb/ip link show"
			echo "switch $how:busybox $fl exec busy $b/bb/ip link show"
		}
	done
	echo "nsenter -n:iproute2 nsenter --net=$run_dir/busy $ip2 link show"
	[ ! -x "$b/bb/ip" ] ||
		echo "nsenter -n:busybox nsenter --net=$run_dir/busy $b/bb/ip link show"
	echo "iproute2 -n:iproute2 $ip2 -n busy link show"
	echo "iproute2 exec:iproute2 $ip2 netns exec busy $ip2 link show"
	if [ -x "$fb" ]; then
		echo "netnsbox -n:iproute2 $fb -n busy link show"
		echo "netnsbox exec:iproute2 $fb netns exec busy $fb link show"
	fi
	if [ -x "$fbb" ]; then
		echo "netnsbox -n:busybox $fbb -n busy link show"
		echo "netnsbox exec:busybox $fbb netns exec busy $fbb link show"
	fi
} | measure "$ROUNDS" >"$b/last"
for f in 3 4; do
	table "ip link show in a namespace (µs, $(kind $f)): netnsbox's ip -n NAME, or ip netns exec NAME ip, with each fallback" 1 \
		"floor switch nsenter netnsbox iproute2" \
		"netnsbox-floor netnsbox-switch netnsbox/floor iproute2/netnsbox" \
		"n/a (no fallback in this build)" $f <"$b/last"
done

"$bin/ip" netns del busy
sed 's/^netns add \(.*\)$/netns add \1\nnetns set \1 auto/' "$b/add.batch" >"$b/setup.batch"
"$bin/ip" -b "$b/setup.batch"
measure "$ROUNDS" <<EOF | table "list: $NAMES names, each with an nsid (µs)" 1 \
	"floor applet ip iproute2" "applet/floor ip/floor iproute2/ip"
floor list $fl list
applet list $bin/netns-list
applet list-j $bin/netns-list -j
applet list-id $bin/netns-list-id
ip list $bin/ip netns list
ip list-j $bin/ip -j netns list
ip list-id $bin/ip netns list-id
iproute2 list $ip2 netns list
iproute2 list-j $ip2 -j netns list
iproute2 list-id $ip2 netns list-id
EOF

"$b/benchrun" spawn "$PROCS" >/tmp/spawn.out &
spawner=$!
while ! grep -q ready /tmp/spawn.out 2>/dev/null; do sleep 0.2; done
"$bin/ip" netns add busy
measure "$ROUNDS" <<EOF | table "pids: $PROCS processes, $NAMES names (µs)" 1 \
	"floor applet ip iproute2" "applet/floor ip/floor iproute2/ip"
floor pids $fl procs
applet pids $bin/netns-pids busy
ip pids $bin/ip netns pids busy
iproute2 pids $ip2 netns pids busy
applet identify $bin/netns-identify
ip identify $bin/ip netns identify
iproute2 identify $ip2 netns identify
EOF
kill $(pgrep -P $spawner) $spawner 2>/dev/null || true
wait $spawner 2>/dev/null || true
"$bin/ip" -b "$b/del.batch"

# The applets not measured above, for their resident set: three rounds.
measure 3 <<EOF >/dev/null
applet attach $bin/netns-attach att 1
applet monitor @kill=100 $bin/netns-monitor
applet delete-attached $bin/netns-delete att
applet add-for-set $bin/netns-add st
applet set $bin/netns-set st auto
applet delete-set $bin/netns-delete st
EOF

echo
echo "peak resident set (KiB, VmHWM): of the program itself, before an exec;"
echo "+floor: over the floor's for the same work (or over 'benchfloor true');"
echo "wait4: ru_maxrss as wait4 reports it (see PERFORMANCE.md)"
awk '$3 != "fail" { k = $2; if (!(k in seen)) { seen[k] = 1; rows[++n] = k }
	r[$1, k] = $6; w[$1, k] = $8; if ($1 == "floor" && $2 == "start-up") base = $6 }
END {
	printf "%-22s %8s %8s %8s %8s %8s\n", "operation", "floor", "netnsbox", "+floor", "wait4", "iproute2"
	for (i = 1; i <= n; i++) {
		k = rows[i]; f = ((("floor", k) in r) ? r["floor", k] : base)
		split("applet ip netnsbox", names, " ")
		for (j = 1; j <= 3; j++) {
			if (!((names[j], k) in r)) continue
			printf "%-22s %8s %8d %+8d %8d %8s\n", k " (" names[j] ")",
				(("floor", k) in r) ? r["floor", k] : "-", r[names[j], k],
				r[names[j], k] - f, w[names[j], k],
				(("iproute2", k) in r) ? r["iproute2", k] : "-"
		}
	}
}' "$b/results.txt"
