#!/usr/bin/env bats
# netns-attach NAME PID: bind the namespace of a running process; the run
# dir as add makes it; nothing left behind when the bind fails.

bats_require_minimum_version 1.5.0
load lib
load netns

setup() {
	setup_lifecycle netns-attach
}

@test "attach names the namespace of a process" {
	start_sleeper
	run --separate-stderr netns-attach x "$sleeper"
	assert_success
	assert_output ""
	[ -z "$stderr" ]
	assert_netns x
	[ "$(ns_ino "$RUN_DIR/x")" = "$(ns_ino /proc/$sleeper/ns/net)" ]
	[ "$(ns_ino "$RUN_DIR/x")" != "$(ns_ino /proc/self/ns/net)" ]
	stop_sleeper
}

@test "the name outlives the process" {
	start_sleeper
	netns-attach x "$sleeper"
	ino=$(ns_ino /proc/$sleeper/ns/net)
	stop_sleeper
	assert_netns x
	[ "$(ns_ino "$RUN_DIR/x")" = "$ino" ]
}

@test "attach makes the run dir 0755 and a shared mount point, once" {
	umask 022
	start_sleeper
	netns-attach x "$sleeper"
	netns-attach y $$
	[ "$(stat -c '%a %F' "$RUN_DIR")" = "755 directory" ]
	run run_dir_mounts
	[ "${#lines[@]}" = 1 ]
	[[ "$output" =~ \ shared:[0-9]+\ - ]]
	[ "$(mounts_below)" = 2 ]
	stop_sleeper
}

@test "attach of the caller's own pid names the caller's namespace" {
	run netns-attach self $$
	assert_success
	[ "$(ns_ino "$RUN_DIR/self")" = "$(ns_ino /proc/self/ns/net)" ]
}

@test "several names for one process share one namespace" {
	start_sleeper
	netns-attach x1 "$sleeper"
	netns-attach x2 "$sleeper"
	[ "$(ns_ino "$RUN_DIR/x1")" = "$(ns_ino "$RUN_DIR/x2")" ]
	assert_netns x1
	assert_netns x2
	stop_sleeper
}

@test "the PID is decimal: C notation, blanks and '+' are refused, nothing made" {
	start_sleeper
	for pid in "$(printf '0x%x' "$sleeper")" "$(printf '0%o' "$sleeper")" \
		   "0$sleeper" "+$sleeper" " $sleeper" 00; do
		capture netns-attach x "$pid"
		[ "$rc" = 1 ]
		[ -z "$out" ]
		[ "$err" = "Invalid PID: $pid" ]
		[ ! -e "$RUN_DIR" ]
	done
	stop_sleeper
}

@test "ip netns attach reads the PID as C reads it: 0x for hex, 0 for octal" {
	need_applet ip
	start_sleeper
	run ip netns attach hex "$(printf '0x%x' "$sleeper")"
	assert_success
	run ip netns attach oct "$(printf '0%o' "$sleeper")"
	assert_success
	[ "$(ns_ino "$RUN_DIR/hex")" = "$(ns_ino /proc/$sleeper/ns/net)" ]
	[ "$(ns_ino "$RUN_DIR/oct")" = "$(ns_ino /proc/$sleeper/ns/net)" ]
	stop_sleeper
}

@test "no process with that pid: the bind's error, status 1, nothing left" {
	for pid in 99999 -1; do
		run --separate-stderr netns-attach x "$pid"
		assert_failure 1
		assert_output ""
		[ "$stderr" = "Bind /proc/$pid/ns/net -> $RUN_DIR/x failed: No such file or directory" ]
		assert_gone x
	done
	[ "$(mounts_below)" = 0 ]
	[ -z "$(ls -A "$RUN_DIR")" ]
}

@test "no /proc: the bind's error, status 1, nothing left" {
	command -v unshare >/dev/null || skip "no unshare(1)"
	[ "$FLAVOUR" != san ] || skip "AddressSanitizer cannot start without /proc"
	mkdir -p "$RUN_DIR"
	for a in netns-attach "ip netns attach"; do
		[ "$a" = netns-attach ] || need_applet ip
		run --separate-stderr no_proc "$NETNSBOX" $a x $$
		assert_failure 1
		assert_output ""
		[ "$stderr" = "Bind /proc/$$/ns/net -> $RUN_DIR/x failed: No such file or directory" ]
		assert_gone x
	done
}

@test "a process that has ended: nothing left" {
	start_sleeper
	pid=$sleeper
	stop_sleeper
	run --separate-stderr netns-attach x "$pid"
	assert_failure 1
	[ "$stderr" = "Bind /proc/$pid/ns/net -> $RUN_DIR/x failed: No such file or directory" ]
	assert_gone x
}

@test "a PID that is not a number, or 0: 'Invalid PID', status 1, no run dir" {
	for pid in 0 abc 12abc "" 2147483648 self 1.5 "1 "; do
		capture netns-attach x "$pid"
		[ "$rc" = 1 ]
		[ -z "$out" ]
		[ "$err" = "Invalid PID: $pid" ]
		[ ! -e "$RUN_DIR" ]
	done
}

@test "fewer than two arguments: 'No netns name and PID specified', status 1" {
	run --separate-stderr netns-attach
	assert_failure 1
	[ "$stderr" = "No netns name and PID specified" ]
	run --separate-stderr netns-attach x
	assert_failure 1
	assert_output ""
	[ "$stderr" = "No netns name and PID specified" ]
	[ ! -e "$RUN_DIR" ]
}

@test "an existing name: File exists, status 1, its namespace untouched" {
	start_sleeper
	netns-attach x $$
	run --separate-stderr netns-attach x "$sleeper"
	assert_failure 1
	[ "$stderr" = "Cannot create namespace file \"$RUN_DIR/x\": File exists" ]
	[ "$(ns_ino "$RUN_DIR/x")" = "$(ns_ino /proc/self/ns/net)" ]
	assert_netns x
	stop_sleeper
}

@test "invalid names: status 255, nothing made" {
	for n in "" . .. a/b "$(printf 'y%.0s' $(seq 256))"; do
		run --separate-stderr netns-attach -- "$n" $$
		assert_failure 255
		assert_output ""
		[ "$stderr" = "Invalid netns name \"$n\"" ]
		[ ! -e "$RUN_DIR" ]
	done
}

@test "a third argument is refused with the usage, status 1, nothing made" {
	run --separate-stderr netns-attach x $$ extra
	assert_failure 1
	assert_output ""
	[ "$stderr" = "$(usage_of netns-attach)" ]
	[ ! -e "$RUN_DIR" ]
}

@test "an unknown option: status 1 with the usage" {
	run --separate-stderr netns-attach -q x $$
	assert_failure 1
	[ "$stderr" = "netns-attach: unknown option -q
$(usage_of netns-attach)" ]
	[ ! -e "$RUN_DIR" ]
}

@test "an unprivileged user's lock on the run dir holds up no attach" {
	mkdir -p "$RUN_DIR"
	hold_run_dir_lock
	run --separate-stderr timeout 20 netns-attach x $$
	kill_holder
	assert_success
	[ -z "$stderr" ]
	assert_netns x
}
