#!/usr/bin/env bats
# netns-list-id [-j] [-p] [target-nsid N] [nsid N]: the nsids of this (or
# the target) namespace, each with the name in the run dir of its namespace.

bats_require_minimum_version 1.5.0
load lib
load netns

setup() {
	setup_lifecycle netns-list-id netns-add netns-set
}

# a gets nsid 5, b nsid 0 (auto), c none.
simple() {
	for n in a b c; do netns-add $n; done
	netns-set a 5
	netns-set b auto
}

# As simple, plus: the caller's namespace is named main, and namespace a
# has nsid 3 for b and 4 for main.
richer() {
	need_applet netns-attach
	netns-add a
	netns-add b
	netns-attach main $$
	netns-set a 5
	netns-set b auto
	nsenter --net="$RUN_DIR/a" "$NETNSBOX" netns-set b 3
	nsenter --net="$RUN_DIR/a" "$NETNSBOX" netns-set main 4
}

@test "no nsids: nothing; [] with -j; [ ] with -j -p" {
	netns-add a
	run --separate-stderr netns-list-id
	assert_success
	assert_output ""
	[ -z "$stderr" ]
	need_json
	run --separate-stderr netns-list-id -j
	assert_success
	assert_output "[]"
	run --separate-stderr netns-list-id -j -p
	assert_success
	assert_output "[ ]"
	[ -z "$stderr" ]
}

@test "one line per nsid, in nsid order, with the name" {
	simple
	run --separate-stderr netns-list-id
	assert_success
	assert_output "nsid 0 (iproute2 netns name: b)
nsid 5 (iproute2 netns name: a)"
	[ -z "$stderr" ]
}

@test "-j and -j -p: iproute2's JSON" {
	need_json
	simple
	run --separate-stderr netns-list-id -j
	assert_success
	assert_output '[{"nsid":0,"name":"b"},{"nsid":5,"name":"a"}]'
	run --separate-stderr netns-list-id -j -p
	assert_success
	assert_output '[ {
        "nsid": 0,
        "name": "b"
    },{
        "nsid": 5,
        "name": "a"
    } ]'
	[ -z "$stderr" ]
}

@test "an nsid whose namespace has no name: 'nsid N ' with its blank" {
	start_sleeper
	netns-set "$sleeper" 9
	capture netns-list-id
	[ "$rc" = 0 ]
	[ "$out" = "nsid 9 " ]
	[ -z "$err" ]
	capture netns-list-id nsid 9
	[ "$rc" = 0 ]
	[ "$out" = "nsid 9 " ]
	need_json
	run netns-list-id -j
	assert_output '[{"nsid":9}]'
	run netns-list-id -j nsid 9
	assert_output '[{"nsid":9}]'
	stop_sleeper
}

@test "the name is the first in readdir order of those of the namespace" {
	need_applet netns-attach
	start_sleeper
	for n in x1 x2 x3; do netns-attach $n "$sleeper"; done
	netns-set x2 5
	run netns-list-id
	assert_success
	assert_output "nsid 5 (iproute2 netns name: x3)"
	stop_sleeper
}

@test "a FIFO in the run dir does not block the naming" {
	simple
	mkfifo "$RUN_DIR/fifo"
	run --separate-stderr timeout 20 netns-list-id
	assert_success
	assert_output "nsid 0 (iproute2 netns name: b)
nsid 5 (iproute2 netns name: a)"
	[ -z "$stderr" ]
}

@test "names round-trip through JSON" {
	need_json
	netns-add -- $'nl\nx'
	netns-add -- 'q"b\'
	netns-add -- $'c\x01d'
	netns-set -- $'nl\nx' 1
	netns-set -- 'q"b\' 2
	netns-set -- $'c\x01d' 3
	run netns-list-id -j
	assert_success
	assert_output '[{"nsid":1,"name":"nl\nx"},{"nsid":2,"name":"q\"b\\"},{"nsid":3,"name":"c\u0001d"}]'
	netns-list-id -j -p | python3 -c '
import json, sys
d = json.loads(sys.stdin.buffer.read().decode())
assert [e["name"] for e in d] == ["nl\nx", "q\"b\\", "c\x01d"], d'
}

@test "many nsids, each with its name" {
	for i in $(seq 70); do netns-add n$i; netns-set n$i $((100 + i)); done
	run netns-list-id
	assert_success
	assert_output "$(for i in $(seq 70); do echo "nsid $((100 + i)) (iproute2 netns name: n$i)"; done)"
}

@test "nsid N shows that one only" {
	simple
	run --separate-stderr netns-list-id nsid 5
	assert_success
	assert_output "nsid 5 (iproute2 netns name: a)"
	run netns-list-id nsid 0
	assert_output "nsid 0 (iproute2 netns name: b)"
	need_json
	run netns-list-id -j nsid 5
	assert_output '[{"nsid":5,"name":"a"}]'
	run netns-list-id -j -p nsid 5
	assert_output '[ {
        "nsid": 5,
        "name": "a"
    } ]'
	[ -z "$stderr" ]
}

@test "nsid N is decimal; ip reads it as C does" {
	simple
	run --separate-stderr netns-list-id nsid 0x5
	assert_failure 255
	[ "$stderr" = 'Error: argument "0x5" is wrong: "nsid" value is invalid' ]
	run --separate-stderr netns-list-id target-nsid 05
	assert_failure 255
	[ "$stderr" = 'Error: argument "05" is wrong: "target-nsid" value is invalid' ]
	need_applet ip
	run ip netns list-id nsid 0x5
	assert_success
	assert_output "nsid 5 (iproute2 netns name: a)"
}

@test "nsid N not assigned: the kernel's refusal, status 2" {
	simple
	run --separate-stderr netns-list-id nsid 7
	assert_failure 2
	assert_output ""
	[ "$stderr" = "Error: Peer netns reference is invalid." ]
	run --separate-stderr netns-list-id -j nsid 7
	assert_failure 2
	assert_output ""
	[ "$stderr" = "Error: Peer netns reference is invalid." ]
}

@test "target-nsid T: the nsids of that namespace, with this one's" {
	richer
	capture netns-list-id target-nsid 5
	[ "$rc" = 0 ]
	[ "$out" = "nsid 3 current-nsid 0 (iproute2 netns name: b)
nsid 4 current-nsid unassigned " ]
	[ -z "$err" ]
	need_json
	run --separate-stderr netns-list-id -j target-nsid 5
	assert_success
	assert_output '[{"nsid":3,"current-nsid":0,"name":"b"},{"nsid":4}]'
	run --separate-stderr netns-list-id -j -p target-nsid 5
	assert_success
	assert_output '[ {
        "nsid": 3,
        "current-nsid": 0,
        "name": "b"
    },{
        "nsid": 4
    } ]'
}

@test "target-nsid T of a namespace without nsids: nothing, or []" {
	simple
	run --separate-stderr netns-list-id target-nsid 5
	assert_success
	assert_output ""
	[ -z "$stderr" ]
	need_json
	run netns-list-id -j target-nsid 0
	assert_success
	assert_output "[]"
}

@test "target-nsid T and nsid N, in either order" {
	simple
	for args in "target-nsid 5 nsid 0" "nsid 0 target-nsid 5"; do
		run --separate-stderr netns-list-id $args
		assert_success
		assert_output "nsid unassigned current-nsid 0 (iproute2 netns name: b)"
		[ -z "$stderr" ]
	done
	run netns-list-id target-nsid 5 nsid 5
	assert_output "nsid unassigned current-nsid 5 (iproute2 netns name: a)"
	need_json
	run netns-list-id -j target-nsid 5 nsid 0
	assert_output '[{"current-nsid":0,"name":"b"}]'
}

@test "target-nsid T and nsid N where T has an nsid for N's namespace" {
	richer
	run --separate-stderr netns-list-id target-nsid 5 nsid 0
	assert_success
	assert_output "nsid 3 current-nsid 0 (iproute2 netns name: b)"
	run --separate-stderr netns-list-id target-nsid 5 nsid 7
	assert_failure 2
	assert_output ""
	[ "$stderr" = "Error: Peer netns reference is invalid." ]
}

@test "target-nsid T not assigned: the kernel's refusal, then 'Dump terminated', status 1" {
	simple
	run --separate-stderr netns-list-id target-nsid 7
	assert_failure 1
	assert_output ""
	[ "$stderr" = "Error: Invalid target network namespace id.
Dump terminated" ]
	# With -j, iproute2 ends the JSON list it began before the dump failed.
	need_json
	run --separate-stderr netns-list-id -j target-nsid 7
	assert_failure 1
	assert_output "[]"
	[ "$stderr" = "Error: Invalid target network namespace id.
Dump terminated" ]
}

@test "a keyword without its value: status 255" {
	for args in nsid target-nsid "nsid 1 target-nsid" "target-nsid 1 nsid"; do
		run --separate-stderr netns-list-id $args
		assert_failure 255
		assert_output ""
		[ "$stderr" = 'Command line is not complete. Try option "help"' ]
	done
}

@test "a keyword twice: status 255" {
	run --separate-stderr netns-list-id nsid 1 nsid 2
	assert_failure 255
	assert_output ""
	[ "$stderr" = 'Error: duplicate "nsid": "nsid" is the second value.' ]
	run --separate-stderr netns-list-id target-nsid 1 target-nsid 2
	assert_failure 255
	[ "$stderr" = 'Error: duplicate "target-nsid": "target-nsid" is the second value.' ]
	run --separate-stderr netns-list-id target-nsid 1 nsid 2 nsid 3
	assert_failure 255
	[ "$stderr" = 'Error: duplicate "nsid": "nsid" is the second value.' ]
}

@test "a value that is not a number: status 255" {
	for k in nsid target-nsid; do
		for v in x "" 2147483648 5x; do
			run --separate-stderr netns-list-id $k "$v"
			assert_failure 255
			assert_output ""
			[ "$stderr" = "Error: argument \"$v\" is wrong: \"$k\" value is invalid" ]
		done
	done
}

@test "a negative value: status 255, naming the word after it, as iproute2" {
	run --separate-stderr netns-list-id nsid -1
	assert_failure 255
	assert_output ""
	[ "$stderr" = 'Error: argument "(null)" is wrong: "nsid" value should be >= 0' ]
	run --separate-stderr netns-list-id target-nsid -1
	assert_failure 255
	[ "$stderr" = 'Error: argument "(null)" is wrong: "target-nsid" value should be >= 0' ]
	run --separate-stderr netns-list-id nsid -1 target-nsid 3
	assert_failure 255
	[ "$stderr" = 'Error: argument "target-nsid" is wrong: "nsid" value should be >= 0' ]
	run --separate-stderr netns-list-id nsid -1 foo
	assert_failure 255
	[ "$stderr" = 'Error: argument "foo" is wrong: "nsid" value should be >= 0' ]
}

@test "an unknown keyword prints the usage, status 255" {
	for args in foo "nsi 5" "NSID 5" "nsid 5 extra" "target 1" "-"; do
		run --separate-stderr netns-list-id $args
		assert_failure 255
		assert_output ""
		[ "$stderr" = "$(usage_of netns-list-id)" ]
	done
}

@test "an unknown option: status 1 with the usage" {
	run --separate-stderr netns-list-id -x
	assert_failure 1
	assert_output ""
	[ "$stderr" = "netns-list-id: unknown option -x
$(usage_of netns-list-id)" ]
}

@test "a dump longer than one kernel message batch is read to its end" {
	need_applet ip
	b=$BATS_TEST_TMPDIR/batch
	for i in $(seq 0 299); do
		echo "netns add n$i"
		echo "netns set n$i $i"
	done >"$b"
	"$NETNSBOX" ip -b "$b"
	run netns-list-id
	assert_success
	[ "${#lines[@]}" = 300 ]
	assert_line --index 0 "nsid 0 (iproute2 netns name: n0)"
	assert_line --index 299 "nsid 299 (iproute2 netns name: n299)"
}

@test "a FIFO or a device in the run dir is never opened" {
	simple
	mknod "$RUN_DIR/null" c 1 3
	open_canary "$RUN_DIR/fifo"
	run --separate-stderr timeout 20 netns-list-id
	assert_not_opened "$RUN_DIR/fifo"
	assert_success
	assert_output "nsid 0 (iproute2 netns name: b)
nsid 5 (iproute2 netns name: a)"
	[ -z "$stderr" ]
}

@test "1,000 nsids: each with its name, in well under 64 KiB of memory more than list takes" {
	need_applet ip
	need_static_build "the peak memory would be the checker's"
	local b=$BATS_TEST_TMPDIR/batch i kb=()
	for i in $(seq 0 999); do
		echo "netns add n$i"
		echo "netns set n$i $i"
	done >"$b"
	"$NETNSBOX" ip -b "$b"
	netns-add peak
	# Some kernels end this dump after its first message batch (585 nsids
	# in netnsbox's 16 KiB, 134 in iproute2's first 4 KiB): each line
	# that comes is checked.
	run netns-list-id
	assert_success
	[ "${#lines[@]}" -gt 100 ]
	for i in "${!lines[@]}"; do
		[ "${lines[i]}" = "nsid $i (iproute2 netns name: n$i)" ] || fail "line $i: ${lines[i]}"
	done
	if config_has FEATURE_JSON; then
		netns-list-id -j | python3 -c '
import json, sys
d = json.loads(sys.stdin.read())
assert len(d) == int(sys.argv[1]), len(d)
assert d == [{"nsid": i, "name": "n%d" % i} for i in range(len(d))], d' "${#lines[@]}"
	fi
	# The peak resident set of a batch that lists the names, or their
	# nsids, as a command that it runs then reads it.
	for cmd in "netns list" "netns list-id"; do
		printf '%s\n' "$cmd" 'netns exec peak sh -c "grep VmHWM /proc/$PPID/status"' >"$b"
		run --separate-stderr "$NETNSBOX" ip -b "$b"
		assert_success
		kb+=("$(echo "${lines[-1]}" | awk '{ print $2 }')")
	done
	# About 28 KiB more: the names packed (9 KiB, and what their buffer
	# grew from) and the dump's receive buffer. Rows and copies of the names
	# kept in the arena took 68.
	echo "list ${kb[0]} kB, list-id ${kb[1]} kB"
	[ "${kb[1]}" -lt $((kb[0] + 48)) ]
}
