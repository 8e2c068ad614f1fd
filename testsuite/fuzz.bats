#!/usr/bin/env bats
# The fuzz targets of testsuite/fuzz, built as replayers (no libFuzzer) with
# AddressSanitizer and UndefinedBehaviorSanitizer: every seed and every input
# that once made a target fail runs clean; the netlink seeds are what this
# kernel answers; nl.c's ways with what the kernel cannot send.

bats_require_minimum_version 1.5.0
load lib

TARGETS="netlink ip-args ip-batch exec-user"

setup_file() {
	export F=$BATS_FILE_TMPDIR/fuzz
	command -v clang >/dev/null || return 0
	[ -f "$TOP/build/applet-decl.h" ] || return 0
	make -s -C "$TOP" -f testsuite/fuzz/fuzz.mk F="$F" -j2 replays \
		>"$BATS_FILE_TMPDIR/make.log" 2>&1 ||
		{ cat "$BATS_FILE_TMPDIR/make.log"; return 1; }
}

setup() {
	command -v clang >/dev/null || skip "clang is not installed"
	[ -f "$TOP/build/applet-decl.h" ] || skip "run make first"
	for a in ip netns-exec netns-list netns-list-id netns-set; do
		config_has "$(echo "$a" | tr 'a-z-' 'A-Z_')" ||
			skip "the targets need the default applets, $a is off"
	done
}

# replay TARGET FILE...: every FILE through TARGET, under the sanitizers.
replay() {
	local t=$1
	shift
	run "$F/$t-replay" "$@"
	[ "$status" -eq 0 ] || { echo "$output"; return 1; }
}

# inputs TARGET: its seeds and past failures.
inputs() {
	ls -d "$TOP/testsuite/fuzz/corpus/$1"/* \
		"$TOP/testsuite/fuzz/regress/$1"/* 2>/dev/null
}

@test "netlink: every seed and past failure runs clean" {
	[ -n "$(inputs netlink)" ]
	replay netlink $(inputs netlink)
}

@test "ip-args: every seed and past failure runs clean" {
	[ -n "$(inputs ip-args)" ]
	replay ip-args $(inputs ip-args)
}

@test "ip-batch: every seed and past failure runs clean" {
	[ -n "$(inputs ip-batch)" ]
	replay ip-batch $(inputs ip-batch)
}

@test "exec-user: every seed and past failure runs clean" {
	[ -n "$(inputs exec-user)" ]
	replay exec-user $(inputs exec-user)
}

@test "netlink: the fake kernel answers as this kernel, recorded and replayed" {
	need_sandbox
	d=$BATS_TEST_TMPDIR/seeds
	run sh "$TOP/testsuite/fuzz/record-seeds.sh" --inside \
		"$F/netlink-record" "$NETNSBOX" "$d"
	assert_success
	recorded=$output
	# At least the names, an nsid, a dump and a refusal.
	assert_line "a (id: 5)"
	assert_line "nsid 5 (iproute2 netns name: a)"
	assert_line --partial "Error: "
	replayed=$(echo "$recorded" | sed -n 's/^== //p' | while read -r name; do
		echo "== $name"
		"$F/netlink-replay" -v "$d/$name" 2>&1
	done)
	assert_equal "$replayed" "$recorded"
}

# nl_input FILE MODE [FROM TYPE SEQ ERROR]...: a netlink target input: the
# command of MODE, then datagrams of one message each, from port FROM (0 is
# the kernel), of TYPE (2 an error or ACK, 3 the end of a dump) with the
# int ERROR, for request SEQ (the first request is 2).
nl_input() {
	python3 - "$@" <<'PY'
import struct, sys
f, mode, *rest = sys.argv[1:]
out = bytes([int(mode)])
for i in range(0, len(rest), 4):
    frm, typ, seq, err = (int(x, 0) for x in rest[i:i + 4])
    body = struct.pack('=i', err) + (bytes(16) if typ == 2 else b'')
    msg = struct.pack('=IHHII', 16 + len(body), typ, 0, seq, 0x4e42) + body
    out += struct.pack('<BH', frm, len(msg)) + msg
open(f, 'wb').write(out)
PY
}

@test "an error number the kernel cannot send is a protocol error" {
	command -v python3 >/dev/null || skip "python3 is not installed"
	for e in -2147483648 1 -4096; do
		nl_input "$BATS_TEST_TMPDIR/in" 3 0 2 2 "$e"
		run "$F/netlink-replay" -v "$BATS_TEST_TMPDIR/in"
		assert_success
		assert_output "RTNETLINK answers: Protocol error
Dump terminated
status 1"
	done
	# The kernel's own: the largest it can send.
	nl_input "$BATS_TEST_TMPDIR/in" 3 0 2 2 -4095
	run "$F/netlink-replay" -v "$BATS_TEST_TMPDIR/in"
	assert_output "RTNETLINK answers: Unknown error 4095
Dump terminated
status 1"
}

@test "a datagram from another port than the kernel's is no answer" {
	command -v python3 >/dev/null || skip "python3 is not installed"
	# An error from port 7 first, then the kernel's end of the dump.
	nl_input "$BATS_TEST_TMPDIR/in" 3 7 2 2 -1 0 3 2 0
	run "$F/netlink-replay" -v "$BATS_TEST_TMPDIR/in"
	assert_success
	assert_output "status 0"
}
