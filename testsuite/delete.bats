#!/usr/bin/env bats
# netns-delete [-a] NAME... (and netns-del): detach and remove names; -a
# removes every name.

bats_require_minimum_version 1.5.0
load lib
load netns

setup() {
	setup_lifecycle netns-delete netns-add
}

@test "delete detaches and removes the name, status 0, no output" {
	netns-add a
	netns-add b
	run --separate-stderr netns-delete a
	assert_success
	assert_output ""
	[ -z "$stderr" ]
	assert_gone a
	assert_netns b
	[ "$(run_dir_mounts | wc -l)" = 1 ]
}

@test "netns-del is the same applet" {
	need_applet netns-del
	netns-add a
	run --separate-stderr netns-del a
	assert_success
	[ -z "$stderr" ]
	assert_gone a
	run --separate-stderr netns-del a
	assert_failure 1
	[ "$stderr" = "Cannot remove namespace file \"$RUN_DIR/a\": No such file or directory" ]
}

@test "a name held open is detached anyway, and its namespace lives on" {
	netns-add a
	ino=$(ns_ino "$RUN_DIR/a")
	exec 5<"$RUN_DIR/a"
	run --separate-stderr netns-delete a
	held=$(ns_ino /proc/self/fd/5)
	exec 5<&-
	assert_success
	[ -z "$stderr" ]
	assert_gone a
	[ "$held" = "$ino" ]
}

@test "a process inside keeps the namespace after delete" {
	need_applet netns-attach
	start_sleeper
	ino=$(ns_ino /proc/$sleeper/ns/net)
	netns-attach x "$sleeper"
	run netns-delete x
	assert_success
	assert_gone x
	[ "$(ns_ino /proc/$sleeper/ns/net)" = "$ino" ]
	stop_sleeper
}

@test "several names: all removed" {
	for n in a b c d; do netns-add $n; done
	run --separate-stderr netns-delete a c d
	assert_success
	[ -z "$stderr" ]
	for n in a c d; do assert_gone $n; done
	assert_netns b
	[ "$(ls "$RUN_DIR")" = b ]
}

@test "a missing name: its message, status 1, the other names still removed" {
	netns-add a
	netns-add b
	run --separate-stderr netns-delete a nosuch b
	assert_failure 1
	assert_output ""
	[ "$stderr" = "Cannot remove namespace file \"$RUN_DIR/nosuch\": No such file or directory" ]
	assert_gone a
	assert_gone b
}

@test "no run dir: No such file or directory, and no run dir is made" {
	run --separate-stderr netns-delete a
	assert_failure 1
	assert_output ""
	[ "$stderr" = "Cannot remove namespace file \"$RUN_DIR/a\": No such file or directory" ]
	[ ! -e "$RUN_DIR" ]
}

@test "a run dir that is a plain file: Not a directory, the file untouched" {
	echo keep >"$RUN_DIR"
	run --separate-stderr netns-delete a
	assert_failure 1
	assert_output ""
	[ "$stderr" = "Cannot remove namespace file \"$RUN_DIR/a\": Not a directory" ]
	[ "$(cat "$RUN_DIR")" = keep ]
}

@test "no name: 'No netns name specified', status 1" {
	run --separate-stderr netns-delete
	assert_failure 1
	assert_output ""
	[ "$stderr" = "No netns name specified" ]
	[ ! -e "$RUN_DIR" ]
}

@test "invalid names: status 255, and no name is removed" {
	netns-add a
	for n in "" . .. a/b "$(printf 'y%.0s' $(seq 256))"; do
		run --separate-stderr netns-delete -- "$n"
		assert_failure 255
		assert_output ""
		[ "$stderr" = "Invalid netns name \"$n\"" ]
		run --separate-stderr netns-delete a "$n"
		assert_failure 255
		[ "$stderr" = "Invalid netns name \"$n\"" ]
		assert_netns a
	done
}

@test "a plain file in the run dir is removed; a folder is not" {
	netns-add a
	touch "$RUN_DIR/plain"
	mkdir "$RUN_DIR/dir"
	run --separate-stderr netns-delete plain
	assert_success
	[ -z "$stderr" ]
	assert_gone plain
	run --separate-stderr netns-delete dir
	assert_failure 1
	[ "$stderr" = "Cannot remove namespace file \"$RUN_DIR/dir\": Is a directory" ]
	[ -d "$RUN_DIR/dir" ]
}

@test "an unknown option: status 1 with the usage, nothing removed" {
	netns-add a
	run --separate-stderr netns-delete -x a
	assert_failure 1
	assert_output ""
	[ "$stderr" = "netns-delete: unknown option -x
$(usage_of netns-delete)" ]
	assert_netns a
}

@test "-a removes every name and keeps the run dir's mount" {
	for n in a b c; do netns-add $n; done
	run --separate-stderr netns-delete -a
	assert_success
	assert_output ""
	[ -z "$stderr" ]
	[ -d "$RUN_DIR" ]
	[ -z "$(ls -A "$RUN_DIR")" ]
	[ "$(mounts_below)" = 0 ]
	[ "$(run_dir_mounts | wc -l)" = 1 ]
}

@test "-a removes names of every kind, more than one directory read holds" {
	long=$(printf 'l%.0s' $(seq 240))
	for i in $(seq 60); do netns-add "$i$long"; done
	for n in " " $'nl\nx' 'b\' .hidden -x; do netns-add -- "$n"; done
	run --separate-stderr netns-delete -a
	assert_success
	[ -z "$stderr" ]
	[ -z "$(ls -A "$RUN_DIR")" ]
	[ "$(mounts_below)" = 0 ]
}

@test "-a on an empty run dir or with no run dir: status 0, nothing made" {
	run --separate-stderr netns-delete -a
	assert_success
	assert_output ""
	[ -z "$stderr" ]
	[ ! -e "$RUN_DIR" ]
	mkdir "$RUN_DIR"
	run --separate-stderr netns-delete -a
	assert_success
	[ -z "$stderr" ]
}

@test "-a with a run dir that is not a directory: its error, status 1" {
	echo keep >"$RUN_DIR"
	run --separate-stderr netns-delete -a
	assert_failure 1
	assert_output ""
	[ "$stderr" = "Failed to open directory $RUN_DIR: Not a directory" ]
	[ "$(cat "$RUN_DIR")" = keep ]
}

@test "-a with a folder in the run dir: its message, status 1, the rest removed" {
	netns-add a
	mkdir "$RUN_DIR/dir"
	netns-add b
	run --separate-stderr netns-delete -a
	assert_failure 1
	assert_output ""
	[ "$stderr" = "Leaving \"$RUN_DIR/dir\" alone: not a network namespace" ]
	assert_gone a
	assert_gone b
	[ "$(ls -A "$RUN_DIR")" = dir ]
}

@test "-a takes no names: usage, status 1, nothing removed" {
	netns-add a
	run --separate-stderr netns-delete -a a
	assert_failure 1
	assert_output ""
	[ "$stderr" = "$(usage_of netns-delete)" ]
	assert_netns a
}

@test "a delete waiting for the run dir's lock stops on SIGTERM, removing nothing" {
	netns-add a
	# This shell holds the lock; the delete waits for it until timeout's
	# TERM (status 124), or, if TERM is held off, until its KILL (137).
	exec 7<"$RUN_DIR.lock"
	flock 7
	run timeout -k 10 1 netns-delete a
	exec 7<&-
	assert_failure 124
	assert_netns a
}

@test "a symbolic link in the run dir is removed (-a leaves it), never what it points at unmounted" {
	mkdir -p "$RUN_DIR" "$BATS_TEST_TMPDIR/m"
	mount -t tmpfs keep "$BATS_TEST_TMPDIR/m"
	ln -s "$BATS_TEST_TMPDIR/m" "$RUN_DIR/evil"
	run netns-delete evil
	assert_success
	[ ! -L "$RUN_DIR/evil" ]
	grep -q " $BATS_TEST_TMPDIR/m " /proc/self/mountinfo
	ln -s "$BATS_TEST_TMPDIR/m" "$RUN_DIR/evil"
	run netns-delete -a
	assert_failure 1
	assert_output "Leaving \"$RUN_DIR/evil\" alone: not a network namespace"
	[ -L "$RUN_DIR/evil" ]
	grep -q " $BATS_TEST_TMPDIR/m " /proc/self/mountinfo
	need_applet ip
	run "$NETNSBOX" ip -all netns delete
	assert_success
	[ ! -L "$RUN_DIR/evil" ]
	grep -q " $BATS_TEST_TMPDIR/m " /proc/self/mountinfo
}

@test "an unprivileged user's lock on the run dir holds up no delete" {
	netns-add a
	netns-add b
	hold_run_dir_lock
	run --separate-stderr timeout 20 netns-delete a
	kill_holder
	assert_success
	[ -z "$stderr" ]
	assert_gone a
	hold_run_dir_lock
	run --separate-stderr timeout 20 netns-delete -a
	kill_holder
	assert_success
	assert_gone b
}

@test "a run dir mounted read-only: the name is left mounted, iproute2's message, status 1" {
	netns-add a
	mount -o remount,bind,ro "$RUN_DIR"
	run --separate-stderr netns-delete a
	r1=$status e1=$stderr
	run --separate-stderr netns-delete -a
	mount -o remount,bind,rw "$RUN_DIR"
	[ "$r1" = 1 ]
	[ "$e1" = "Cannot remove namespace file \"$RUN_DIR/a\": Read-only file system" ]
	assert_failure 1
	[ "$stderr" = "Cannot remove namespace file \"$RUN_DIR/a\": Read-only file system" ]
	assert_netns a
	run --separate-stderr netns-delete a
	assert_success
	assert_gone a
}

@test "-a leaves what is not a namespace alone, names each, status 1" {
	netns-add a
	touch "$RUN_DIR/plain"
	mkdir "$RUN_DIR/dir"
	ln -s /nonexistent "$RUN_DIR/link"
	mknod "$RUN_DIR/null" c 1 3
	open_canary "$RUN_DIR/fifo"
	netns-add b
	run --separate-stderr netns-delete -a
	assert_not_opened "$RUN_DIR/fifo"
	assert_failure 1
	assert_output ""
	want=
	for n in $(ls -f "$RUN_DIR"); do
		case $n in .|..) continue ;; esac
		want="$want${want:+$'\n'}Leaving \"$RUN_DIR/$n\" alone: not a network namespace"
	done
	[ "$stderr" = "$want" ]
	assert_gone a
	assert_gone b
	[ "$(ls -A "$RUN_DIR" | sort | tr '\n' ' ')" = "dir fifo link null plain " ]
}

@test "-a removes what a killed add or delete left half made" {
	netns-add a
	: >"$RUN_DIR/left"
	chmod 0 "$RUN_DIR/left"
	run --separate-stderr netns-delete -a
	assert_success
	[ -z "$stderr" ]
	assert_gone a
	assert_gone left
}
