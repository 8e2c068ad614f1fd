#!/usr/bin/env bats
# The smoke set of a build for another architecture: every applet once,
# and the errors whose numbers differ between architectures, run by
# testsuite/cross.sh in the sandbox. NETNSBOX is the binary, QEMU its
# emulator (qemu-ARCH-static; empty to run it natively), NETNSBOX_BUILD its
# build folder.
#
# qemu-user passes no RTM_NEWNSID or RTM_GETNSID request to the kernel: it
# answers them with EOPNOTSUPP. Under it, set and list-id are checked for
# that error, printed in the words of the architecture's own number.

bats_require_minimum_version 1.5.0
load '/usr/lib/bats/bats-support/load'
load '/usr/lib/bats/bats-assert/load'

RUN_DIR=${NETNSBOX_RUN_DIR:-/run/netns}

setup() {
	[ -n "$NETNSBOX" ] || skip "NETNSBOX is not set (run testsuite/cross.sh)"
	[ -n "$NETNSBOX_SANDBOX" ] || skip "needs the sandbox (testsuite/sandbox.sh)"
}

teardown() {
	local f
	[ -n "$mon" ] && kill "$mon" 2>/dev/null
	[ -n "$sleeper" ] && kill "$sleeper" 2>/dev/null
	wait 2>/dev/null
	for f in "$RUN_DIR"/*; do
		[ -e "$f" ] || [ -L "$f" ] || continue
		umount -l "$f" 2>/dev/null || true
		rm -f "$f"
	done
}

# nb ARG...: the binary under test, under its emulator.
nb() {
	$QEMU "$NETNSBOX" "$@"
}

# as NAME ARG...: the binary called by a link named NAME.
as() {
	local name=$1
	shift
	if [ -n "$QEMU" ]; then
		$QEMU -0 "$name" "$NETNSBOX" "$@"
	else
		ln -sf "$NETNSBOX" "$BATS_TEST_TMPDIR/$name"
		"$BATS_TEST_TMPDIR/$name" "$@"
	fi
}

# within N CMD...: until CMD succeeds, at most N tenths of a second.
within() {
	local n=$1
	shift
	while ! "$@"; do
		n=$((n - 1))
		[ $n -gt 0 ] || return 1
		sleep 0.1
	done
}

@test "--list names the applets of the build; a link runs its applet" {
	run --separate-stderr nb --list
	assert_success
	assert_output "$(cat "$NETNSBOX_BUILD/applet-names")"
	nb netns-add a
	run --separate-stderr as netns-list
	assert_success
	assert_output a
}

@test "add, list, delete; add of a name taken is EEXIST's text" {
	nb netns-add a
	nb netns-add b
	run --separate-stderr nb netns-list
	assert_success
	[ "$(printf '%s\n' "${lines[@]}" | sort)" = "$(printf 'a\nb')" ]
	run --separate-stderr nb netns-add a
	assert_failure 1
	[ "$stderr" = "Cannot create namespace file \"$RUN_DIR/a\": File exists" ]
	run --separate-stderr nb netns-delete a b
	assert_success
	[ -z "$(ls "$RUN_DIR")" ]
	run --separate-stderr nb netns-delete a
	assert_failure 1
	[ "$stderr" = "Cannot remove namespace file \"$RUN_DIR/a\": No such file or directory" ]
}

@test "attach names this namespace; identify finds it by PID and for itself" {
	nb netns-add a
	run --separate-stderr nb netns-attach b $$
	assert_success
	run --separate-stderr nb netns-identify $$
	assert_success
	assert_output b
	run --separate-stderr nb netns-identify
	assert_output b
}

@test "exec runs a command inside, with its status; ENOENT's text" {
	nb netns-add a
	run --separate-stderr nb netns-exec a $QEMU "$NETNSBOX" netns-identify
	assert_success
	assert_output a
	run nb netns-exec a sh -c 'exit 3'
	assert_failure 3
	run -127 --separate-stderr nb netns-exec a nosuch-command
	assert_failure 127
	[ "$stderr" = 'exec of "nosuch-command" failed: No such file or directory' ]
}

@test "exec -a runs the command in a child in each namespace" {
	nb netns-add a
	run --separate-stderr nb netns-exec -a $QEMU "$NETNSBOX" netns-identify
	assert_success
	assert_output "$(printf '\nnetns: a\na')"
	run --separate-stderr nb netns-exec -a sh -c 'exit 4'
	assert_failure 1
}

@test "exec -u sets 32-bit user and group ids" {
	nb netns-add a
	run --separate-stderr nb netns-exec -u 100000:200000 a sh -c 'id -u; id -g; id -G'
	assert_success
	assert_output "$(printf '100000\n200000\n200000')"
}

@test "exec of a symlink loop is ELOOP's text" {
	ln -s l2 "$RUN_DIR/l1"
	ln -s l1 "$RUN_DIR/l2"
	run --separate-stderr nb netns-exec l1 true
	assert_failure 125
	[ "$stderr" = 'Cannot open network namespace "l1": Too many levels of symbolic links' ]
}

@test "pids lists a process in the namespace" {
	nb netns-add a
	$QEMU "$NETNSBOX" netns-exec a sleep 30 &
	sleeper=$!
	pids_has() { nb netns-pids a | grep -qx "$sleeper"; }
	within 50 pids_has
}

@test "monitor reports a name added and deleted" {
	out=$BATS_TEST_TMPDIR/events
	$QEMU "$NETNSBOX" netns-monitor >"$out" &
	mon=$!
	watching() { ls -l /proc/$mon/fd 2>/dev/null | grep -q inotify; }
	within 50 watching
	nb netns-add c
	within 50 grep -qx "add c" "$out"
	nb netns-delete c
	within 50 grep -qx "delete c" "$out"
}

@test "set and list-id give and show an nsid" {
	[ -z "$QEMU" ] || skip "qemu-user answers RTM_*NSID requests with EOPNOTSUPP"
	nb netns-add a
	run --separate-stderr nb netns-set a 5
	assert_success
	run --separate-stderr nb netns-list
	assert_output "a (id: 5)"
	run --separate-stderr nb netns-list-id
	assert_output "nsid 5 (iproute2 netns name: a)"
}

@test "set and list-id under qemu-user: EOPNOTSUPP's text" {
	[ -n "$QEMU" ] || skip "run natively, where the kernel answers"
	nb netns-add a
	run --separate-stderr nb netns-set a 5
	assert_failure 2
	[ "$stderr" = "RTNETLINK answers: Operation not supported" ]
	run --separate-stderr nb netns-list-id
	assert_failure 1
	[ "$stderr" = "$(printf 'RTNETLINK answers: Operation not supported\nDump terminated')" ]
	run --separate-stderr nb netns-list
	assert_success
	assert_output a
}

@test "ip netns: add, list, exec, identify, -all delete" {
	nb ip netns add x
	run --separate-stderr nb ip netns
	assert_success
	assert_output x
	run --separate-stderr nb ip netns exec x $QEMU "$NETNSBOX" ip netns identify
	assert_success
	assert_output x
	run --separate-stderr nb ip -all netns delete
	assert_success
	[ -z "$(ls "$RUN_DIR")" ]
}
