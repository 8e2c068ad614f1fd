#!/usr/bin/env bats
# netns-identify and ip netns identify: the names of a process's network
# namespace, iproute2's messages and statuses.

bats_require_minimum_version 1.5.0
load lib

eval "lib_$(declare -f teardown)"

setup() {
	need_sandbox
	need_applet netns-identify
	need_applet netns-add
	need_applet netns-exec
	bg=
}

teardown() {
	[ -z "$bg" ] || kill $bg 2>/dev/null || true
	wait 2>/dev/null || true
	clean_run_dir
	lib_teardown
}

# in_ns NAME: a process in NAME's namespace, in $bg.
in_ns() {
	netns-exec "$1" sleep 30 &
	bg=$!
	for i in $(seq 50); do
		[ "$(readlink /proc/$bg/ns/net)" = "$(netns-exec "$1" readlink /proc/self/ns/net)" ] && return
		sleep 0.1
	done
	return 1
}

@test "no name for the namespace: one empty line, status 0" {
	netns-add a
	run bash -c 'netns-identify; echo "rc=$?"'
	assert_output $'\nrc=0'
	run bash -c '"$1" netns-identify $$; echo "rc=$?"' sh "$NETNSBOX"
	assert_output $'\nrc=0'
}

@test "the name of this process's namespace, and of another process's" {
	netns-add a
	netns-add b
	run netns-exec a netns-identify
	assert_success
	assert_output a
	in_ns b
	run --separate-stderr netns-identify "$bg"
	assert_success
	assert_output b
	[ -z "$stderr" ]
}

@test "every name of a namespace, in directory order; ip prints the last" {
	netns-add a
	in_ns a
	netns-attach a2 "$bg"
	netns-add b
	order=$(ls -U "$RUN_DIR" | grep '^a')
	run netns-identify "$bg"
	assert_success
	assert_output "$order"
	need_applet ip
	run bash -c 'ip netns identify "$1"; echo "rc=$?"' sh "$bg"
	assert_output "$(echo "$order" | tail -n 1)
rc=0"
}

@test "-j prints a JSON list of the names; ip ignores -j" {
	config_has FEATURE_JSON || skip "FEATURE_JSON is off"
	netns-add a
	in_ns a
	netns-attach 'q"x' "$bg"
	run netns-identify -j "$bg"
	assert_success
	expected=$(for n in $(ls -U "$RUN_DIR"); do
		case $n in a) printf '{"name":"a"}\n';; *) printf '{"name":"q\\"x"}\n';; esac
	done | paste -sd, -)
	assert_output "[$expected]"
	run netns-identify -j
	assert_output "[]"
	need_applet ip
	run ip -j netns exec a ip netns identify
	assert_output a
}

@test "a PID that is not all digits: iproute2's message, status 1" {
	for p in self abc -1 1x; do
		run --separate-stderr netns-identify -- "$p"
		assert_failure 1
		[ "$stderr" = "Specified string '$p' is not a pid" ]
		[ -z "$output" ]
	done
}

@test "a PID with no process, or as iproute2 reads it (007, the empty string)" {
	for p in 99999999 0 007 ""; do
		run --separate-stderr netns-identify "$p"
		assert_failure 1
		[ "$stderr" = "Cannot open network namespace: No such file or directory" ]
	done
}

@test "extra arguments: iproute2's message, status 1" {
	run --separate-stderr netns-identify 1 2
	assert_failure 1
	[ "$stderr" = "extra arguments specified" ]
}

@test "no run dir: an empty line; a run dir that is a file: iproute2's message" {
	umount -l "$RUN_DIR" 2>/dev/null || true
	rm -rf "$RUN_DIR"
	run bash -c 'netns-identify; echo "rc=$?"'
	assert_output $'\nrc=0'
	touch "$RUN_DIR"
	run --separate-stderr netns-identify
	assert_failure 1
	[ "$stderr" = "Failed to open directory $RUN_DIR:Not a directory" ]
}

@test "ip netns identify: iproute2's output and statuses" {
	need_applet ip
	netns-add a
	run bash -c 'ip netns identify; echo "rc=$?"'
	assert_output $'\nrc=0'
	run ip netns exec a ip netns identify
	assert_output a
	run ip netns exec a sh -c 'ip netns i $$'
	assert_output a
	run --separate-stderr ip netns identify self
	assert_failure 1
	[ "$stderr" = "Specified string 'self' is not a pid" ]
	run --separate-stderr ip netns identify ""
	assert_failure 255
	[ "$stderr" = 'Invalid netns name ""' ]
	run --separate-stderr ip -all netns identify ""
	assert_failure 1
	[ "$stderr" = "Cannot open network namespace: No such file or directory" ]
	run --separate-stderr ip netns identify ..
	assert_failure 255
	[ "$stderr" = 'Invalid netns name ".."' ]
	run --separate-stderr ip netns identify 1 2
	assert_failure 1
	[ "$stderr" = "extra arguments specified" ]
	run --separate-stderr ip netns identify 007
	assert_failure 1
	[ "$stderr" = "Cannot open network namespace: No such file or directory" ]
}
