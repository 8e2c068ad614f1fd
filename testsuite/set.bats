#!/usr/bin/env bats
# netns-set NAME NSID|auto: assign an nsid in this namespace to NAME's (or,
# for a number not in the run dir, to process NAME's) namespace.

bats_require_minimum_version 1.5.0
load lib
load netns

setup() {
	setup_lifecycle netns-set netns-add netns-list
}

@test "set assigns the nsid, status 0, no output" {
	netns-add a
	netns-add b
	run --separate-stderr netns-set a 5
	assert_success
	assert_output ""
	[ -z "$stderr" ]
	run netns-list
	assert_output "b
a (id: 5)"
}

@test "auto takes the lowest free nsid" {
	for n in a b c; do netns-add $n; done
	netns-set a 0
	run --separate-stderr netns-set b auto
	assert_success
	[ -z "$stderr" ]
	run netns-set c auto
	assert_success
	run netns-list
	assert_output "c (id: 2)
b (id: 1)
a (id: 0)"
}

@test "numbers are decimal, up to 2147483647" {
	for i in 1 2 3; do netns-add p$i; done
	netns-set p1 2147483647
	netns-set p2 0
	netns-set p3 10
	run netns-list
	assert_output "p3 (id: 10)
p2 (id: 0)
p1 (id: 2147483647)"
}

@test "C notation, blanks and signs are no number: status 255, nothing assigned" {
	netns-add a
	for v in 0x10 010 00 " 7" +12 -0x10 -010; do
		capture netns-set a "$v"
		[ "$rc" = 255 ]
		[ -z "$out" ]
		[ "$err" = "Error: argument \"$v\" is wrong: Invalid \"netnsid\" value" ]
	done
	run netns-list
	assert_output "a"
}

@test "ip netns set reads numbers as C reads them" {
	need_applet ip
	for i in 1 2 3 4; do netns-add p$i; done
	ip netns set p1 0x10
	ip netns set p2 010
	ip netns set p3 " 7"
	ip netns set p4 +12
	run netns-list
	assert_output "p4 (id: 12)
p3 (id: 7)
p2 (id: 8)
p1 (id: 16)"
	run --separate-stderr ip netns set p1 -0x10
	assert_failure 255
	[ "$stderr" = 'Error: argument "-0x10" is wrong: "netnsid" value should be >= 0' ]
}

@test "a name that has an nsid: the kernel's refusal, status 2" {
	netns-add a
	netns-set a 5
	for v in 5 6 auto; do
		run --separate-stderr netns-set a $v
		assert_failure 2
		assert_output ""
		[ "$stderr" = "Error: Peer netns already has a nsid assigned." ]
	done
	run netns-list
	assert_output "a (id: 5)"
}

@test "an nsid in use: the kernel's refusal, status 2" {
	netns-add a
	netns-add b
	netns-set a 5
	run --separate-stderr netns-set b 5
	assert_failure 2
	assert_output ""
	[ "$stderr" = "Error: The specified nsid is already used." ]
	run netns-list
	assert_output "b
a (id: 5)"
}

@test "a negative nsid: status 255, nothing assigned" {
	netns-add a
	for v in -1 -5; do
		run --separate-stderr netns-set a "$v"
		assert_failure 255
		assert_output ""
		[ "$stderr" = "Error: argument \"$v\" is wrong: \"netnsid\" value should be >= 0" ]
	done
	run netns-list
	assert_output "a"
}

@test "an nsid that is not a number: status 255, nothing assigned" {
	netns-add a
	for v in junk 5x "" 2147483648 99999999999 AUTO au Auto "auto " 1.5 0x; do
		capture netns-set a "$v"
		[ "$rc" = 255 ]
		[ -z "$out" ]
		[ "$err" = "Error: argument \"$v\" is wrong: Invalid \"netnsid\" value" ]
	done
	capture netns-set a "9 "
	[ "$rc" = 255 ]
	[ "$err" = 'Error: argument "9 " is wrong: Invalid "netnsid" value' ]
	run netns-list
	assert_output "a"
}

@test "missing arguments: 'No netns name specified', 'No nsid specified', status 1" {
	netns-add a
	run --separate-stderr netns-set
	assert_failure 1
	assert_output ""
	[ "$stderr" = "No netns name specified" ]
	run --separate-stderr netns-set a
	assert_failure 1
	assert_output ""
	[ "$stderr" = "No nsid specified" ]
}

@test "a name that does not exist: status 1" {
	netns-add a
	for v in 7 auto; do
		run --separate-stderr netns-set nosuch $v
		assert_failure 1
		assert_output ""
		[ "$stderr" = "Cannot open network namespace \"nosuch\": No such file or directory" ]
	done
}

@test "no run dir: the name cannot be opened, status 1, no run dir made" {
	run --separate-stderr netns-set a 1
	assert_failure 1
	[ "$stderr" = "Cannot open network namespace \"a\": No such file or directory" ]
	[ ! -e "$RUN_DIR" ]
}

@test "invalid names: status 255" {
	for n in "" . .. a/b "$(printf 'y%.0s' $(seq 256))"; do
		run --separate-stderr netns-set -- "$n" 5
		assert_failure 255
		assert_output ""
		[ "$stderr" = "Invalid netns name \"$n\"" ]
	done
}

@test "a plain file in the run dir: the kernel's refusal, status 2" {
	mkdir "$RUN_DIR"
	touch "$RUN_DIR/plain"
	run --separate-stderr netns-set plain 11
	assert_failure 2
	assert_output ""
	[ "$stderr" = "Error: Peer netns reference is invalid." ]
}

@test "a FIFO in the run dir: the kernel's refusal, not a hang, and never opened" {
	mkdir "$RUN_DIR"
	open_canary "$RUN_DIR/fifo"
	run --separate-stderr timeout 20 netns-set fifo 11
	assert_not_opened "$RUN_DIR/fifo"
	assert_failure 2
	assert_output ""
	[ "$stderr" = "Error: Peer netns reference is invalid." ]
}

@test "a number that is not a name is a PID" {
	need_applet netns-attach
	need_applet netns-list-id
	start_sleeper
	run --separate-stderr netns-set "$sleeper" 7
	assert_success
	[ -z "$stderr" ]
	capture netns-list-id
	[ "$out" = "nsid 7 " ]
	netns-attach s "$sleeper"
	run netns-list
	assert_output "s (id: 7)"
	stop_sleeper
}

@test "a number that is a name is the name, not a PID" {
	need_applet netns-attach
	start_sleeper
	netns-attach "$sleeper" $$
	netns-add other
	run netns-set "$sleeper" 4
	assert_success
	run netns-list
	assert_output "other
$sleeper (id: 4)"
	stop_sleeper
}

@test "a PID of no process: the name cannot be opened, status 1" {
	netns-add a
	run --separate-stderr netns-set 99999 9
	assert_failure 1
	assert_output ""
	[ "$stderr" = "Cannot open network namespace \"99999\": No such file or directory" ]
	run --separate-stderr netns-set 99999999999 9
	assert_failure 1
	[ "$stderr" = "Cannot open network namespace \"99999999999\": No such file or directory" ]
}

@test "a PID is decimal: a leading 0 is no PID, as in /proc" {
	need_applet netns-list-id
	start_sleeper
	# In a namespace of its own, so that a wrong nsid would not stay.
	run unshare --net sh -c 'for p; do netns-set "$p" 3 2>&1; echo "rc=$?"; done
		netns-list-id' sh "$(printf '0%o' "$sleeper")" "0$sleeper" 01
	assert_success
	assert_output "Cannot open network namespace \"$(printf '0%o' "$sleeper")\": No such file or directory
rc=1
Cannot open network namespace \"0$sleeper\": No such file or directory
rc=1
Cannot open network namespace \"01\": No such file or directory
rc=1"
	stop_sleeper
}

@test "the caller's own namespace can get an nsid" {
	need_applet netns-attach
	# In a namespace of its own: an nsid for oneself stays as long as it.
	run unshare --net sh -c 'netns-attach self $$ && netns-set self 20 && netns-list'
	assert_success
	assert_output "self (id: 20)"
}

@test "a third argument is refused with the usage, status 1, nothing assigned" {
	netns-add a
	run --separate-stderr netns-set a 9 extra
	assert_failure 1
	assert_output ""
	[ "$stderr" = "$(usage_of netns-set)" ]
	run netns-list
	assert_output "a"
}

@test "an unknown option: status 1 with the usage" {
	netns-add a
	run --separate-stderr netns-set -x a 9
	assert_failure 1
	[ "$stderr" = "netns-set: unknown option -x
$(usage_of netns-set)" ]
	run netns-list
	assert_output "a"
}
