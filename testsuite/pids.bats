#!/usr/bin/env bats
# netns-pids and ip netns pids: the processes in a named namespace.

bats_require_minimum_version 1.5.0
load lib

eval "lib_$(declare -f teardown)"

setup() {
	need_sandbox
	need_applet netns-pids
	need_applet netns-add
	need_applet netns-exec
	pids=
	netns-add a
	netns-add b
}

teardown() {
	[ -z "$pids" ] || kill $pids 2>/dev/null || true
	wait 2>/dev/null || true
	for f in "$RUN_DIR"/*; do
		[ -e "$f" ] || continue
		umount -l "$f" 2>/dev/null || true
		rm -rf "$f"
	done
	lib_teardown
}

# start NAME: a process in NAME's namespace, its PID added to $pids.
start() {
	local p
	netns-exec "$1" sleep 30 &
	p=$!
	pids="$pids $p"
	for i in $(seq 50); do
		[ "$(readlink /proc/$p/ns/net)" = "$(readlink "$RUN_DIR/$1" 2>/dev/null || netns-exec "$1" readlink /proc/self/ns/net)" ] && return
		sleep 0.1
	done
	return 1
}

@test "every process in the namespace, one a line, in /proc order" {
	start a
	start b
	start a
	expected=$(for p in $pids; do echo $p; done | sed -n '1p;3p' | sort -n)
	run --separate-stderr netns-pids a
	assert_success
	assert_output "$expected"
	[ -z "$stderr" ]
	run "$NETNSBOX" netns-pids b
	assert_output "$(echo $pids | cut -d' ' -f2)"
}

@test "a namespace with no process: nothing, status 0" {
	run --separate-stderr netns-pids a
	assert_success
	assert_output ""
	[ -z "$stderr" ]
}

@test "from inside: the processes there, never /proc/self" {
	run netns-exec a sh -c 'netns-pids a'
	assert_success
	[ "${#lines[@]}" = 2 ]
	for l in "${lines[@]}"; do
		[[ $l =~ ^[0-9]+$ ]]
	done
}

@test "-j prints a JSON list; ip ignores -j" {
	config_has FEATURE_JSON || skip "FEATURE_JSON is off"
	start a
	start a
	run netns-pids -j a
	assert_success
	assert_output "[$(for p in $pids; do printf '{"pid":%s}\n' $p; done | sort -t: -k2 -n | paste -sd, -)]"
	run netns-pids -j b
	assert_output "[]"
	need_applet ip
	run ip -j netns pids a
	assert_output "$(for p in $pids; do echo $p; done | sort -n)"
}

@test "errors: iproute2's messages and statuses" {
	run --separate-stderr netns-pids
	assert_failure 1
	[ "$stderr" = "No netns name specified" ]
	run --separate-stderr netns-pids nosuch
	assert_failure 1
	[ "$stderr" = "Cannot open network namespace: No such file or directory" ]
	run --separate-stderr netns-pids a b
	assert_failure 1
	[ "$stderr" = "extra arguments specified" ]
	run --separate-stderr netns-pids a/b
	assert_failure 255
	[ "$stderr" = 'Invalid netns name "a/b"' ]
	[ -z "$output" ]
}

# sock PATH: a unix socket file at PATH.
sock() {
	python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$1"
}

@test "an entry that is no namespace: a socket gives iproute2's ENXIO, the rest an error" {
	command -v python3 >/dev/null || skip "no python3"
	sock "$RUN_DIR/sock"
	touch "$RUN_DIR/plain"
	mkfifo "$RUN_DIR/fifo"
	mkdir "$RUN_DIR/dir"
	run --separate-stderr timeout 5 netns-pids sock
	assert_failure 1
	assert_output ""
	[ "$stderr" = "Cannot open network namespace: No such device or address" ]
	for n in plain fifo dir; do
		run --separate-stderr timeout 5 netns-pids $n
		assert_failure 1
		assert_output ""
		[ "$stderr" = "Cannot open network namespace: $RUN_DIR/$n is not a network namespace" ]
	done
	need_applet ip
	run --separate-stderr timeout 5 ip netns pids sock
	assert_failure 1
	assert_output ""
	[ "$stderr" = "Cannot open network namespace: No such device or address" ]
	# iproute2 lists no process for those; a FIFO, which it would wait on
	# for ever, does not block.
	for n in plain fifo dir; do
		run --separate-stderr timeout 5 ip netns pids $n
		assert_success
		assert_output ""
		[ -z "$stderr" ]
	done
}

@test "ip netns pids: iproute2's output and statuses" {
	need_applet ip
	start a
	run --separate-stderr ip netns pids a
	assert_success
	assert_output "$(echo $pids)"
	run ip netns p a
	assert_output "$(echo $pids)"
	run --separate-stderr ip netns pids b
	assert_success
	assert_output ""
	run --separate-stderr ip netns pids
	assert_failure 1
	[ "$stderr" = "No netns name specified" ]
	run --separate-stderr ip netns pids nosuch
	assert_failure 1
	[ "$stderr" = "Cannot open network namespace: No such file or directory" ]
	run --separate-stderr ip netns pids a b
	assert_failure 1
	[ "$stderr" = "extra arguments specified" ]
	run --separate-stderr ip netns pids ""
	assert_failure 255
	[ "$stderr" = 'Invalid netns name ""' ]
}

@test "after its process ends the namespace has none" {
	start a
	kill $pids
	wait $pids 2>/dev/null || true
	run netns-pids a
	assert_success
	assert_output ""
}
