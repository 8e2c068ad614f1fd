#!/usr/bin/env bats
# ip -b: what a batch keeps from one add, attach or delete line to the next
# (the run dir's lock, the signals held, the run dir set up) and where it
# lets go of it: before any other line, before a read that would wait, and
# every 64 names. Counted with strace, never timed.

bats_require_minimum_version 1.5.0
load lib
load netns

setup() {
	setup_lifecycle ip netns-add netns-delete
	b=$BATS_TEST_TMPDIR/batch
	t=$BATS_TEST_TMPDIR/trace
}

need_strace() {
	need_static_build "system calls counted"
	command -v strace >/dev/null || skip "strace is not installed"
}

# traced CALLS CMD...: CMD under strace (not its children), with the calls
# CALLS (strace's -e trace list) written to $t; CMD's status and outputs as
# bats' run gives them.
traced() {
	local calls=$1
	shift
	run --separate-stderr strace -qq -o "$t" -e trace="$calls" "$@"
}

# calls NAME: how many calls NAME the last traced command made.
calls() {
	sed -n 's/^\([a-z_0-9]*\)(.*/\1/p' "$t" | grep -cx "$1" || true
}

# adds N PREFIX: the batch file $b of N lines "netns add PREFIX1" ...
adds() {
	for i in $(seq "$1"); do echo "netns add $2$i"; done >"$b"
}

# made NAME: waits (bounded) until RUN_DIR/NAME is a namespace.
made() {
	local i
	for i in $(seq 200); do
		[ "$(stat -f -c %T "$RUN_DIR/$1" 2>/dev/null)" != nsfs ] || return 0
		sleep 0.05
	done
	fail "$RUN_DIR/$1 was never made"
}

# gone PID: waits (bounded) for process PID to end and sets $status to
# its exit status; fails when it does not end.
gone() {
	local i
	for i in $(seq 200); do
		kill -0 "$1" 2>/dev/null || break
		sleep 0.05
	done
	if kill -0 "$1" 2>/dev/null; then
		kill -KILL "$1"
		fail "process $1 did not end"
	fi
	status=0
	wait "$1" || status=$?
}

@test "200 deletes take the lock and hold signals 64 names at a time" {
	need_strace
	adds 200 d
	"$NETNSBOX" ip -b "$b"
	sed 's/ add / delete /' "$b" >"$b.del"
	traced flock,rt_sigprocmask,openat "$NETNSBOX" ip -b "$b.del"
	assert_success
	assert_output ""
	[ -z "$stderr" ]
	[ "$(ls -A "$RUN_DIR")" = "" ]
	[ "$(mounts_below)" = 0 ]
	# Taken at names 1, 65, 129 and 193, let go after 64, 128, 192 and at
	# the end.
	[ "$(calls flock)" = 4 ]
	[ "$(grep -c "openat(AT_FDCWD, \"$RUN_DIR\"," "$t")" = 4 ]
	[ "$(calls rt_sigprocmask)" = 8 ]
}

@test "200 adds make and share the run dir once a lock, and open their way back once" {
	need_strace
	adds 200 a
	traced flock,rt_sigprocmask,mkdir,mount,openat "$NETNSBOX" ip -b "$b"
	assert_success
	[ -z "$stderr" ]
	[ "$(calls flock)" = 4 ]
	[ "$(calls mkdir)" = 4 ]
	[ "$(calls rt_sigprocmask)" = 8 ]
	[ "$(grep -c 'openat(AT_FDCWD, "/proc/self/ns/net",' "$t")" = 1 ]
	# The make-shared that finds no mount point, the bind, the make-shared;
	# then one make-shared at each of the three locks after.
	[ "$(grep -c "^mount([^,]*, \"$RUN_DIR\"," "$t")" = 6 ]
	[ "$(run_dir_mounts | wc -l)" = 1 ]
	[ "$(mounts_below)" = 200 ]
	for n in a1 a64 a65 a200; do assert_netns $n; done
}

@test "a set or a list line lets go of the lock: each run of adds, attaches and deletes locks once" {
	need_strace
	need_applet netns-list
	start_sleeper
	printf '%s\n' "netns add a" "netns set a 7" "netns add b" \
		"netns attach c $sleeper" "netns list" "netns list-id" \
		"netns delete a" "netns delete b" "netns delete c" >"$b"
	traced flock,rt_sigprocmask "$NETNSBOX" ip -b "$b"
	stop_sleeper
	assert_success
	[ -z "$stderr" ]
	assert_output "c
b
a (id: 7)
nsid 7 (iproute2 netns name: a)"
	[ "$(ls -A "$RUN_DIR")" = "" ]
	# Taken and let go of, with the signals, for add a, for add b and
	# attach c, for the deletes; set's share while it opens a.
	[ "$(grep -c '^flock([0-9]*, LOCK_EX)' "$t")" = 3 ]
	[ "$(grep -c '^flock([0-9]*, LOCK_SH)' "$t")" = 1 ]
	[ "$(calls rt_sigprocmask)" = 6 ]
}

@test "a single command, and each name of netns-delete, still lock on their own" {
	need_strace
	for n in a b c; do netns-add $n; done
	traced flock,rt_sigprocmask netns-delete a b c
	assert_success
	[ "$(calls flock)" = 3 ]
	[ "$(calls rt_sigprocmask)" = 6 ]
	traced flock,mkdir,mount "$NETNSBOX" ip netns add d
	assert_success
	[ "$(calls flock)" = 1 ]
	[ "$(calls mkdir)" = 1 ]
	# The run dir is a shared mount point already: made shared again.
	[ "$(grep -c "^mount(\"\", \"$RUN_DIR\"," "$t")" = 1 ]
	assert_netns d
}

@test "a line of another object lets go of the lock and the signals first" {
	need_strace
	# ip link set, or the fallback, or no such object: a line that may
	# run another program.
	printf '%s\n' "netns add a" "link set lo up" "netns add b" >"$b"
	traced flock,rt_sigprocmask "$NETNSBOX" ip -force -b "$b"
	assert_netns a
	assert_netns b
	[ "$(calls flock)" = 2 ]
	[ "$(calls rt_sigprocmask)" = 4 ]
}

@test "a SIGTERM during a run of adds ends the batch within 64 names, none half made" {
	need_strace
	adds 100 k
	# The signal comes during the 10th add, held off to the 64th.
	traced unshare -e inject=unshare:signal=TERM:when=10 "$NETNSBOX" ip -b "$b"
	assert_failure 143
	[ "$(ls "$RUN_DIR" | wc -l)" = 64 ]
	[ "$(mounts_below)" = 64 ]
	for i in $(seq 64); do assert_netns k$i; done
}

@test "an exec line runs its command with the lock free and the caller's signals" {
	need_applet netns-exec
	mask=$(grep '^SigBlk:' /proc/self/status)
	printf '%s\n' "netns add a" \
		"netns exec a sh -c 'flock -n $RUN_DIR.lock true && grep ^SigBlk: /proc/self/status'" \
		"netns add b" >"$b"
	run --separate-stderr "$NETNSBOX" ip -b "$b"
	assert_success
	[ -z "$stderr" ]
	assert_output "$mask"
	assert_netns a
	assert_netns b
}

@test "a monitor line waits with the lock free and ends on SIGTERM" {
	"$NETNSBOX" ip -b - <<<"netns add a
netns monitor" >/dev/null 2>&1 3>&- &
	pid=$!
	made a
	# The monitor line is next, or runs: the batch lets others add.
	run timeout 10 netns-add b
	assert_success
	kill -TERM $pid
	gone $pid
	[ "$status" = 143 ]
	assert_netns a
	assert_netns b
}

@test "a batch waiting for its input holds no lock and ends on SIGTERM" {
	mkfifo "$b"
	"$NETNSBOX" ip -b "$b" >/dev/null 2>&1 3>&- &
	pid=$!
	exec 8>"$b"
	echo "netns add a" >&8
	made a
	# ip waits for its next line, or is about to.
	run timeout 10 netns-add b
	assert_success
	kill -TERM $pid
	gone $pid
	exec 8>&-
	[ "$status" = 143 ]
	assert_netns b
}

@test "a set line after an add meets a half-made name at once: the batch holds no lock over it" {
	need_applet netns-set
	mkdir "$RUN_DIR"
	: >"$RUN_DIR/x"
	chmod 0 "$RUN_DIR/x"
	printf '%s\n' "netns add a" "netns set x 5" "netns set a 5" >"$b"
	run --separate-stderr timeout 10 "$NETNSBOX" ip -force -b "$b"
	assert_failure 1
	[ "$stderr" = "Error: Peer netns reference is invalid.
Command failed $b:2" ]
	assert_netns a
}
