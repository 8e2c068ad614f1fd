#!/usr/bin/env bats
# netns-monitor and ip netns monitor: "add NAME" once a namespace is mounted
# on NAME, "delete NAME" when it goes, each line flushed at once, and no
# event lost when the kernel's queue overflows.

bats_require_minimum_version 1.5.0
load lib

eval "lib_$(declare -f teardown)"

setup() {
	need_sandbox
	need_applet netns-monitor
	need_applet netns-add
	need_applet netns-delete
	mon=
	fifo=$BATS_TEST_TMPDIR/events
	mkfifo "$fifo"
}

teardown() {
	[ -z "$mon" ] || { kill -CONT $mon; kill $mon; } 2>/dev/null || true
	exec 8<&- 2>/dev/null || true
	wait 2>/dev/null || true
	mount -o remount,rw "$(dirname "$RUN_DIR")" 2>/dev/null || true
	clean_run_dir
	lib_teardown
}

# ready PID: until PID waits in poll(2), its watches set and its first scan
# done; at most 5 s.
ready() {
	for i in $(seq 100); do
		case $(cat /proc/$1/wchan 2>/dev/null) in
		*poll*) return 0 ;;
		0 | "") [ "$(cut -d' ' -f3 /proc/$1/stat)" = S ] &&
			ls -l /proc/$1/fd | grep -q inotify && return 0 ;;
		esac
		sleep 0.05
	done
	echo "monitor not ready" >&2
	return 1
}

# start CMD...: CMD writes into the fifo, read on fd 8; its PID in $mon.
start() {
	"$@" >"$fifo" &
	mon=$!
	exec 8<"$fifo"
	ready $mon
}

# next: the next line from the monitor, within 5 s.
next() {
	local line
	read -r -t 5 -u 8 line || { echo "no event" >&2; return 1; }
	echo "$line"
}

# nothing: no line from the monitor within 0.3 s.
nothing() {
	local line
	! read -r -t 0.3 -u 8 line || { echo "unexpected: $line" >&2; return 1; }
}

@test "each add and delete is a line read at once through a pipe" {
	netns-add old
	start netns-monitor
	netns-add a
	[ "$(next)" = "add a" ]
	netns-add b
	[ "$(next)" = "add b" ]
	netns-delete a
	[ "$(next)" = "delete a" ]
	netns-delete old
	[ "$(next)" = "delete old" ]
	nothing
}

@test "a reader loop in a pipe acts on each event at once" {
	out=$BATS_TEST_TMPDIR/seen
	netns-monitor | while read -r ev name; do echo "$ev:$name" >>"$out"; done &
	mon=$(jobs -p | tail -n 1)
	for i in $(seq 100); do
		# The command word, which is no process name under valgrind.
		pid=$(pgrep -n -f '(^|/)netns-monitor( |$)') && break
		sleep 0.05
	done
	ready "$pid"
	netns-add a
	for i in $(seq 100); do
		[ -s "$out" ] && break
		sleep 0.05
	done
	[ "$(cat "$out")" = "add:a" ]
	kill "$pid"
}

@test "files and folders that are no namespace give no event" {
	start "$NETNSBOX" netns-monitor
	touch "$RUN_DIR/plain"
	mkdir "$RUN_DIR/dir"
	rmdir "$RUN_DIR/dir"
	mv "$RUN_DIR/plain" "$RUN_DIR/moved"
	rm "$RUN_DIR/moved"
	netns-add x
	[ "$(next)" = "add x" ]
}

@test "a FIFO in the run dir does not block the monitor" {
	mkdir -p "$RUN_DIR"
	mkfifo "$RUN_DIR/fifo"
	start netns-monitor
	mkfifo "$RUN_DIR/fifo2"
	netns-add x
	[ "$(next)" = "add x" ]
}

@test "a name made as an empty file is added only once a namespace is mounted on it" {
	netns-add a
	start netns-monitor
	touch "$RUN_DIR/late"
	nothing
	mount --bind "$RUN_DIR/a" "$RUN_DIR/late"
	[ "$(next)" = "add late" ]
	umount "$RUN_DIR/late"
	[ "$(next)" = "delete late" ]
	rm "$RUN_DIR/late"
	nothing
}

@test "-j prints one JSON object a line" {
	config_has FEATURE_JSON || skip "FEATURE_JSON is off"
	start netns-monitor -j
	netns-add 'q"x'
	[ "$(next)" = '{"event":"add","name":"q\"x"}' ]
	netns-delete 'q"x'
	[ "$(next)" = '{"event":"delete","name":"q\"x"}' ]
}

# burst N: N create and N delete events of plain files in the run dir.
burst() {
	(cd "$RUN_DIR" && seq -f "f%.0f" "$1" | xargs touch && seq -f "f%.0f" "$1" | xargs rm)
}

@test "an overflow of the event queue is caught up by a rescan" {
	max=$(cat /proc/sys/fs/inotify/max_queued_events)
	[ "$max" -le 200000 ] || skip "max_queued_events is $max"
	netns-add gone
	start netns-monitor
	kill -STOP $mon
	burst $((max / 2 + 100))
	netns-add new
	netns-delete gone
	kill -CONT $mon
	events=$(next; next)
	[ "$events" = "add new
delete gone" ] || [ "$events" = "delete gone
add new" ]
	nothing
	netns-add after
	[ "$(next)" = "add after" ]
}

@test "without mount events (no /proc), the overflow rescan alone finds the names" {
	command -v unshare >/dev/null || skip "no unshare(1)"
	max=$(cat /proc/sys/fs/inotify/max_queued_events)
	[ "$max" -le 200000 ] || skip "max_queued_events is $max"
	netns-add gone
	# A mount namespace whose run dir gets the mounts of this one (the run
	# dir is a shared mount) but with no /proc (all of those stacked on
	# it) to poll for mount changes.
	start unshare --mount --propagation unchanged sh -c \
		'while umount -l /proc 2>/dev/null; do :; done
		[ ! -e /proc/self ] && exec "$0" netns-monitor' "$NETNSBOX"
	kill -STOP $mon
	burst $((max / 2 + 100))
	netns-add new
	netns-delete gone
	kill -CONT $mon
	events=$(next; next)
	[ "$events" = "add new
delete gone" ] || [ "$events" = "delete gone
add new" ]
}

@test "an event that cannot be written: one line on stderr, status 1" {
	[ -c /dev/full ] || skip "no /dev/full"
	netns-monitor >/dev/full 2>"$BATS_TEST_TMPDIR/err" &
	mon=$!
	ready $mon
	netns-add a
	rc=0
	timeout 5 tail --pid=$mon -f /dev/null || rc=$?
	[ $rc = 0 ]
	wait $mon || rc=$?
	mon=
	[ $rc = 1 ]
	[ "$(cat "$BATS_TEST_TMPDIR/err")" = "netns-monitor: write error: No space left on device" ]
}

# start_no_proc CMD...: start CMD in a mount namespace whose run dir gets
# the mounts of this one (the run dir is a shared mount) but with no /proc
# (all of those stacked on it) to watch the mount table through.
start_no_proc() {
	netns-add gone
	start unshare --mount --propagation unchanged sh -c \
		'while umount -l /proc 2>/dev/null; do :; done
		[ ! -e /proc/self ] && exec "$0" "$@"' "$NETNSBOX" "$@"
}

@test "without /proc every add and delete is still reported" {
	command -v unshare >/dev/null || skip "no unshare(1)"
	start_no_proc netns-monitor
	netns-add a
	[ "$(next)" = "add a" ]
	netns-delete a
	[ "$(next)" = "delete a" ]
	# A file that no namespace is mounted on, and one that goes before.
	touch "$RUN_DIR/plain"
	touch "$RUN_DIR/brief"
	rm "$RUN_DIR/brief"
	nothing
	netns-add b
	[ "$(next)" = "add b" ]
	netns-delete gone
	[ "$(next)" = "delete gone" ]
	# A name bound on a file made a while before is still seen.
	touch "$RUN_DIR/late"
	sleep 1
	mount --bind /proc/self/ns/net "$RUN_DIR/late"
	[ "$(next)" = "add late" ]
	nothing
}

@test "ip netns monitor without /proc reports every add and delete" {
	command -v unshare >/dev/null || skip "no unshare(1)"
	need_applet ip
	start_no_proc ip netns monitor
	netns-add a
	[ "$(next)" = "add a" ]
	touch "$RUN_DIR/late"
	sleep 0.5
	mount --bind /proc/self/ns/net "$RUN_DIR/late"
	[ "$(next)" = "add late" ]
	netns-delete a
	[ "$(next)" = "delete a" ]
}

@test "the run dir is made (0755, no mount) when it is missing" {
	umount -l "$RUN_DIR" 2>/dev/null || true
	rm -rf "$RUN_DIR"
	start netns-monitor
	[ "$(stat -c %a "$RUN_DIR")" = 755 ]
	run ! grep -q " $RUN_DIR " /proc/self/mountinfo
	netns-add a
	[ "$(next)" = "add a" ]
}

@test "the run dir cannot be made: iproute2's message, status 1" {
	umount -l "$RUN_DIR" 2>/dev/null || true
	rm -rf "$RUN_DIR"
	mount -o remount,ro "$(dirname "$RUN_DIR")"
	run --separate-stderr timeout 5 netns-monitor
	assert_failure 1
	[ "$stderr" = "mkdir $RUN_DIR failed: Read-only file system" ]
	need_applet ip
	run --separate-stderr timeout 5 ip netns monitor
	assert_failure 1
	[ "$stderr" = "mkdir $RUN_DIR failed: Read-only file system" ]
}

@test "a run dir that is a file: it waits, as iproute2" {
	umount -l "$RUN_DIR" 2>/dev/null || true
	rm -rf "$RUN_DIR"
	touch "$RUN_DIR"
	run --separate-stderr timeout 0.5 netns-monitor
	assert_failure 124
	[ -z "$stderr$output" ]
}

@test "extra arguments: the usage, status 1" {
	run --separate-stderr netns-monitor x
	assert_failure 1
	assert_equal "${stderr_lines[0]}" "netns-monitor [-j]"
}

@test "ip netns monitor: iproute2's lines, args and -j ignored, flushed at once" {
	need_applet ip
	start ip -j netns mo extra args
	netns-add 'q"x'
	[ "$(next)" = 'add q"x' ]
	netns-delete 'q"x'
	[ "$(next)" = 'delete q"x' ]
	touch "$RUN_DIR/plain"
	nothing
}
