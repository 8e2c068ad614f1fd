#!/usr/bin/env bats
# Unit checks of libbb: the formatter, number parsing, netlink attribute
# parsing, error texts, JSON escaping and the netlink transport, compiled
# with the system's compiler, or for another architecture with UNIT_CC (the
# compiler and its flags), UNIT_BUILD (that build's folder) and UNIT_RUN (its
# emulator).

bats_require_minimum_version 1.5.0
load lib

setup() {
	cc=${UNIT_CC:-cc}
	b=${UNIT_BUILD:-$TOP/build}
	command -v ${cc%% *} >/dev/null || skip "no C compiler ${cc%% *}"
	[ -f "$b/applet-decl.h" ] || skip "run make first"
	t=$BATS_TEST_TMPDIR/libbb-test
	$cc -std=c11 -D_GNU_SOURCE -Wall -Wextra -I"$b" -I"$TOP/libbb" -o "$t" \
		"$TOP/testsuite/unit/libbb-test.c" "$TOP/libbb/fmt.c" "$TOP/libbb/nl.c" \
		"$TOP/libbb/opt.c" "$TOP/libbb/out.c" "$TOP/libbb/die.c" \
		"$TOP/libbb/arena.c" "$TOP/libbb/netns.c" "$TOP/libbb/nsid.c" \
		"$TOP/libbb/scan.c" "$TOP/libbb/switch.c" "$TOP/libbb/link.c" \
		2>"$BATS_TEST_TMPDIR/cc.log" || { cat "$BATS_TEST_TMPDIR/cc.log"; false; }
}

@test "fmt, get_int, span, nl_parse and errstr pass every check" {
	run $UNIT_RUN "$t"
	echo "$output"
	assert_success
	refute_output --partial FAIL
	# Every check ran and passed: as many ok lines as the program counts
	# checks, and at least one.
	n=$(echo "$output" | sed -n 's/^checks \([0-9]*\)$/\1/p')
	[ "${n:-0}" -gt 0 ]
	[ "$(echo "$output" | grep -c '^ok ')" -eq "$n" ]
}

@test "names longer than NAME_MAX come whole through list, identify and monitor" {
	mkdir "$BATS_TEST_TMPDIR/names" "$BATS_TEST_TMPDIR/names/empty"
	touch "$BATS_TEST_TMPDIR/names/target"
	run $UNIT_RUN "$t" long "$BATS_TEST_TMPDIR/names"
	echo "$output"
	assert_success
	refute_output --partial FAIL
	n=$(echo "$output" | sed -n 's/^checks \([0-9]*\)$/\1/p')
	[ "${n:-0}" -gt 0 ]
	[ "$(echo "$output" | grep -c '^ok ')" -eq "$n" ]
}

@test "outf writes lines of any length whole, with their newline" {
	for n in 1000 1023 1024 4094 4095 4096 5000 70000; do
		run $UNIT_RUN "$t" outf $n
		assert_success
		assert_output "first
$(printf "%${n}s" | tr ' ' x)
42"
	done
}

@test "JSON strings escape quotes, backslashes and every control character" {
	run $UNIT_RUN "$t" json
	assert_success
	assert_output "$(printf '[{"name":"q\\"b\\\\s\\t\\n\\r\\f\\b\\u0001\\u001f\177\303\251","id":-3}]')"
	if command -v python3 >/dev/null; then
		echo "$output" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d[0]["name"]=="q\"b\\s\t\n\r\f\b\x01\x1f\x7f\xe9", d'
	fi
}

@test "a netlink answer from another socket than the kernel is ignored" {
	[ -z "$UNIT_RUN" ] || skip "qemu-user does not carry RTM_GETNSID"
	run "$t" spoof
	assert_success
	assert_output "the kernel's answer"
}
