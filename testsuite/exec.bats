#!/usr/bin/env bats
# netns-exec and ip [-all] netns exec: the switch (network, /sys, etc
# files, a mount namespace of its own), exit statuses, -a, -u, and the ip
# forms against iproute2 6.1's output.

bats_require_minimum_version 1.5.0
load lib
load netns

eval "lib_$(declare -f teardown)"

setup() {
	need_sandbox
	need_applet netns-exec
	need_applet netns-add
	bg=
	netns-add a
}

teardown() {
	[ -z "$bg" ] || kill $bg 2>/dev/null || true
	wait 2>/dev/null || true
	clean_run_dir
	rm -rf "${ETC_DIR:?}"/*
	lib_teardown
}

# names: the names in the run dir in directory order, as -a visits them.
names() {
	ls -U "$RUN_DIR"
}

@test "the command runs in the namespace, in place of netns-exec" {
	run readlink /proc/self/ns/net
	outside=$output
	run netns-exec a readlink /proc/self/ns/net
	assert_success
	[ "$output" != "$outside" ]
	[ "$output" = "$(readlink "$RUN_DIR/a" 2>/dev/null || "$NETNSBOX" netns-exec a readlink /proc/self/ns/net)" ]
	# No fork: the process that was netns-exec is the command.
	netns-exec a sleep 30 &
	bg=$!
	for i in $(seq 50); do
		[ "$(cat /proc/$bg/comm)" = sleep ] && break
		sleep 0.1
	done
	[ "$(cat /proc/$bg/comm)" = sleep ]
	[ "$(readlink /proc/$bg/ns/net)" = "$output" ]
}

@test "/sys inside shows the devices of the namespace only" {
	netns-exec a "$IPROUTE2" link add nbx0 type bridge 2>/dev/null ||
		skip "no bridge devices here"
	run netns-exec a ls /sys/class/net
	assert_success
	assert_output "lo
nbx0"
	[ ! -e /sys/class/net/nbx0 ]
	# The top mount on /sys (the sandbox may have stacked another).
	run netns-exec a sh -c 'grep " /sys " /proc/self/mountinfo | tail -n 1 | sed "s/.* - //"'
	assert_output "sysfs a rw"
}

@test "ETC_DIR/NAME/resolv.conf is /etc/resolv.conf inside and nothing changes outside" {
	[ -f /etc/resolv.conf ] || skip "no /etc/resolv.conf"
	before=$(cat /etc/resolv.conf)
	mkdir -p "$ETC_DIR/a"
	echo "nameserver 10.9.9.9" >"$ETC_DIR/a/resolv.conf"
	run --separate-stderr netns-exec a cat /etc/resolv.conf
	assert_success
	assert_output "nameserver 10.9.9.9"
	[ -z "$stderr" ]
	[ "$(cat /etc/resolv.conf)" = "$before" ]
	! grep -q " /etc/resolv.conf " /proc/self/mountinfo
}

@test "an etc entry with no target in /etc is reported and the others are bound" {
	mkdir -p "$ETC_DIR/a"
	echo "nameserver 10.9.9.9" >"$ETC_DIR/a/resolv.conf"
	echo x >"$ETC_DIR/a/nonexistent-in-etc"
	run --separate-stderr netns-exec a sh -c 'cat /etc/resolv.conf; exit 4'
	assert_failure 4
	assert_output "nameserver 10.9.9.9"
	[ "$stderr" = "Bind $ETC_DIR/a/nonexistent-in-etc -> /etc/nonexistent-in-etc failed: No such file or directory" ]
}

@test "a mount made by the command does not reach the caller, even on a shared mount" {
	d=$BATS_TEST_TMPDIR/shared
	mkdir -p "$d"
	mount --bind "$d" "$d"
	mount --make-shared "$d"
	mkdir "$d/sub"
	run netns-exec a sh -c "mount -t tmpfs inside '$d/sub' && grep -c ' $d/sub ' /proc/self/mountinfo"
	assert_success
	assert_output 1
	! grep -q " $d/sub " /proc/self/mountinfo
}

@test "the status is the command's, and a signal reaches the caller" {
	run netns-exec a true
	assert_success
	run netns-exec a sh -c 'exit 7'
	assert_failure 7
	run netns-exec a sh -c 'kill -TERM $$'
	assert_failure 143
	run "$NETNSBOX" netns-exec a sh -c 'kill -KILL $$'
	assert_failure 137
}

@test "a command that is not found exits 127, one that cannot run 126" {
	run -127 --separate-stderr netns-exec a nonexistent-cmd
	[ "$stderr" = 'exec of "nonexistent-cmd" failed: No such file or directory' ]
	run -127 --separate-stderr netns-exec a /nonexistent/path
	[ "$stderr" = 'exec of "/nonexistent/path" failed: No such file or directory' ]
	run -127 --separate-stderr netns-exec a ""
	[ "$stderr" = 'exec of "" failed: No such file or directory' ]
	run -126 --separate-stderr netns-exec a /etc/passwd
	[ "$stderr" = 'exec of "/etc/passwd" failed: Permission denied' ]
	run -126 --separate-stderr "$NETNSBOX" netns-exec a /tmp
	[ "$stderr" = 'exec of "/tmp" failed: Permission denied' ]
	[ -z "$output" ]
}

@test "PATH is searched: a later folder, a folder that cannot run it" {
	d=$BATS_TEST_TMPDIR
	mkdir -p "$d/p1" "$d/p2"
	printf '#!/bin/sh\necho p2 "$@"\n' >"$d/p2/tool"
	chmod +x "$d/p2/tool"
	run env PATH="$d/nosuch:$d/p1:$d/p2" "$NETNSBOX" netns-exec a tool x
	assert_success
	assert_output "p2 x"
	touch "$d/p1/tool"
	run env PATH="$d/p1:$d/nosuch" "$NETNSBOX" netns-exec a tool
	assert_failure 126
}

@test "the switch failing exits 125 with iproute2's message" {
	run -125 --separate-stderr netns-exec nosuch true
	[ "$stderr" = 'Cannot open network namespace "nosuch": No such file or directory' ]
	touch "$RUN_DIR/plain"
	run -125 --separate-stderr netns-exec plain true
	[ "$stderr" = 'setting the network namespace "plain" failed: Invalid argument' ]
	[ -z "$output" ]
}

@test "a FIFO or a device as the name: the switch's refusal, never opened" {
	mknod "$RUN_DIR/null" c 1 3
	open_canary "$RUN_DIR/fifo"
	run -125 --separate-stderr timeout 20 netns-exec fifo true
	assert_not_opened "$RUN_DIR/fifo"
	[ "$stderr" = 'setting the network namespace "fifo" failed: Invalid argument' ]
	run -125 --separate-stderr netns-exec null true
	[ "$stderr" = 'setting the network namespace "null" failed: Invalid argument' ]
}

@test "a missing name or command, or a bad name, exits 125" {
	run -125 --separate-stderr netns-exec
	[ "$stderr" = "No netns name specified" ]
	run -125 --separate-stderr netns-exec a
	[ "$stderr" = "No command specified" ]
	run -125 --separate-stderr netns-exec a/b true
	[ "$stderr" = 'Invalid netns name "a/b"' ]
	run -125 --separate-stderr netns-exec ""  true
	[ "$stderr" = 'Invalid netns name ""' ]
	run -125 --separate-stderr netns-exec -a
	[ "$stderr" = "No command specified" ]
}

@test "-- ends the flags; a flag after NAME belongs to the command" {
	run netns-exec -- a echo -u x
	assert_success
	assert_output "-u x"
}

@test "an unknown flag or -u without a value prints the usage" {
	run --separate-stderr netns-exec -x a true
	assert_failure 1
	assert_equal "${stderr_lines[0]}" "netns-exec: unknown option -x"
	assert_equal "${stderr_lines[1]}" "netns-exec [-a] [-u USER[:GROUP]] NAME COMMAND [ARG]..."
	run --separate-stderr netns-exec -u
	assert_failure 1
	assert_equal "${stderr_lines[0]}" "netns-exec: option -u needs an argument"
}

@test "-a runs the command in every namespace, each after a netns: line" {
	netns-add b
	touch "$RUN_DIR/c"
	rm "$RUN_DIR/c"
	expected=
	for n in $(names); do
		expected+=$'\n'"netns: $n"$'\n'"in $n"$'\n'
	done
	run --separate-stderr netns-exec -a sh -c 'echo in $(netns-identify)'
	assert_success
	[ "$output"$'\n' = "$expected" ]
	[ -z "$stderr" ]
}

@test "-a fails when a command failed, and goes on with the others" {
	netns-add b
	netns-add c
	run --separate-stderr netns-exec -a sh -c '[ "$(netns-identify)" != b ]'
	assert_failure 1
	[ "$(echo "$output" | grep -c '^netns: ')" = 3 ]
	run netns-exec -a true
	assert_success
	run netns-exec -a sh -c 'kill -TERM $$'
	assert_failure 1
	[ "$(echo "$output" | grep -c '^netns: ')" = 3 ]
}

@test "-a: a name that cannot be entered is reported once, and the loop goes on once" {
	touch "$RUN_DIR/plain"
	netns-add c
	run --separate-stderr netns-exec -a echo hi
	assert_failure 1
	[ "$stderr" = 'setting the network namespace "plain" failed: Invalid argument' ]
	[ "$(echo "$output" | grep -c '^hi$')" = 2 ]
	[ "$(echo "$output" | grep -c '^netns: ')" = 3 ]
}

@test "-a with no run dir does nothing and succeeds" {
	umount -l "$RUN_DIR/a"
	umount -l "$RUN_DIR"
	rm -rf "$RUN_DIR"
	run netns-exec -a echo hi
	assert_success
	assert_output ""
}

@test "-u with numbers needs no /etc/passwd" {
	run netns-exec -u 1234:99 a sh -c 'id -u; id -g; id -G'
	assert_success
	assert_output "1234
99
99"
	run netns-exec -u 4321 a sh -c 'id -u; id -g; id -G'
	assert_success
	assert_output "4321
4321
4321"
}

@test "-u with names reads the namespace's /etc/passwd and /etc/group" {
	mkdir -p "$ETC_DIR/a"
	printf 'root:x:0:0::/root:/bin/sh\nalice:x:1500:1600::/:/bin/sh\n' >"$ETC_DIR/a/passwd"
	printf 'root:x:0:\nstaff:x:1600:\nwheel:x:10:root,alice\naudio:x:29:bob,alice,carol\nvideo:x:44:alicex,bob\n' >"$ETC_DIR/a/group"
	run --separate-stderr netns-exec -u alice a sh -c 'id -u; id -g; id -G'
	assert_success
	assert_output "1500
1600
1600 10 29"
	run netns-exec -u alice:audio a sh -c 'id -u; id -g'
	assert_success
	assert_output "1500
29"
	run netns-exec -u alice:7 a id -g
	assert_output 7
	# A number that has a line gets that line's group.
	run netns-exec -u 1500 a id -g
	assert_output 1600
	# The namespace's files, not the caller's.
	! grep -q '^alice:' /etc/passwd
}

@test "-u reads passwd and group lines as the C library does" {
	mkdir -p "$ETC_DIR/a"
	printf '%s\n' 'octal:x:0100:0200::/:/bin/sh' 'hex:x:0x10:5::/:/bin/sh' \
		'badgid:x:1234:abc::/:/bin/sh' 'nogid:x:1235:' 'signed:x:+1236:5' \
		'#comment:x:1237:1237' '  blank:x:1238:1238' 'huge:x:4294967295:5' \
		'wide:x:4294967296:5' >"$ETC_DIR/a/passwd"
	printf '%s\n' 'grp:x:0300:' 'bad:x:0x9:octal' 'mixed:x:07:octal,blank' \
		'#octal:x:8:octal' >"$ETC_DIR/a/group"
	# Decimal with leading zeros, as glibc's strtoul(..., 10).
	run netns-exec -u octal a sh -c 'id -u; id -g; id -G'
	assert_success
	assert_output "100
200
200 7"
	run netns-exec -u octal:grp a id -g
	assert_output 300
	# A number finds its line by value.
	run netns-exec -u 100 a id -g
	assert_output 200
	run netns-exec -u 00100 a id -G
	assert_output "200 7"
	# Blanks before the name are passed over.
	run netns-exec -u blank a id -G
	assert_output "1238 7"
	# A line with an id that is no decimal number, or no gid, is skipped.
	for u in hex badgid nogid signed '#comment' wide; do
		run -125 --separate-stderr netns-exec -u "$u" a touch "$BATS_TEST_TMPDIR/ran"
		[ "$stderr" = "netns-exec: unknown user $u" ]
	done
	run -125 --separate-stderr netns-exec -u 0:bad a touch "$BATS_TEST_TMPDIR/ran"
	[ "$stderr" = "netns-exec: unknown group bad" ]
	[ ! -e "$BATS_TEST_TMPDIR/ran" ]
	# The message names the user as given, not its uid field.
	run -125 --separate-stderr netns-exec -u huge:grp a true
	[ "$stderr" = "netns-exec: cannot run as huge:grp: Invalid argument" ]
}

@test "-u takes a number in decimal only: no sign, no blank, no C notation" {
	for u in -0 +0 +1000 -1 " 5" 0x10 5x 4294967296; do
		run -125 --separate-stderr netns-exec -u "$u" a touch "$BATS_TEST_TMPDIR/ran"
		[ "$stderr" = "netns-exec: unknown user $u" ]
		run -125 --separate-stderr netns-exec -u "0:$u" a touch "$BATS_TEST_TMPDIR/ran"
		[ "$stderr" = "netns-exec: unknown group $u" ]
	done
	[ ! -e "$BATS_TEST_TMPDIR/ran" ]
	run netns-exec -u 01234:0099 a sh -c 'id -u; id -g'
	assert_success
	assert_output "1234
99"
}

@test "-u with an unknown user or group exits 125 before running anything" {
	run -125 --separate-stderr netns-exec -u nosuchuser a touch "$BATS_TEST_TMPDIR/ran"
	[ "$stderr" = "netns-exec: unknown user nosuchuser" ]
	run -125 --separate-stderr netns-exec -u 0:nosuchgroup a touch "$BATS_TEST_TMPDIR/ran"
	[ "$stderr" = "netns-exec: unknown group nosuchgroup" ]
	[ ! -e "$BATS_TEST_TMPDIR/ran" ]
}

@test "-u with -a drops to the user in each namespace" {
	netns-add b
	run netns-exec -a -u 1234:99 id -u
	assert_success
	[ "$(echo "$output" | grep -c '^1234$')" = 2 ]
}

# The ip forms: iproute2 6.1's output and statuses.

@test "ip netns exec: the command's status, iproute2's messages and statuses" {
	need_applet ip
	run ip netns exec a sh -c 'echo out; exit 3'
	assert_failure 3
	assert_output out
	run ip netns exec a sh -c 'kill -TERM $$'
	assert_failure 143
	run --separate-stderr ip netns exec a nonexistent-cmd
	assert_failure 1
	[ "$stderr" = 'exec of "nonexistent-cmd" failed: No such file or directory' ]
	run --separate-stderr ip netns exec a /etc/passwd
	assert_failure 1
	[ "$stderr" = 'exec of "/etc/passwd" failed: Permission denied' ]
	run --separate-stderr ip netns exec a -- echo dashdash
	assert_failure 1
	[ "$stderr" = 'exec of "--" failed: No such file or directory' ]
	run --separate-stderr ip netns exec nosuch true
	assert_failure 255
	[ "$stderr" = 'Cannot open network namespace "nosuch": No such file or directory' ]
	run --separate-stderr ip netns exec a/b true
	assert_failure 255
	[ "$stderr" = 'Invalid netns name "a/b"' ]
	run --separate-stderr ip netns exec
	assert_failure 1
	[ "$stderr" = "No netns name specified" ]
	run --separate-stderr ip netns exec a
	assert_failure 1
	[ "$stderr" = "No command specified" ]
	run ip netns e a echo e-prefix
	assert_output e-prefix
}

@test "ip -all netns exec: netns: lines, status 0 whatever the commands did" {
	need_applet ip
	netns-add b
	netns-add c
	expected=
	for n in $(names); do
		expected+=$'\n'"netns: $n"$'\n'
	done
	run --separate-stderr ip -all netns exec false
	assert_success
	[ "$output"$'\n' = "$expected" ]
	run --separate-stderr ip -all netns exec nonexistent-cmd
	assert_success
	[ "$output"$'\n' = "$expected" ]
	[ "${#stderr_lines[@]}" = 3 ]
	[ "${stderr_lines[2]}" = 'exec of "nonexistent-cmd" failed: No such file or directory' ]
	run --separate-stderr ip -all netns exec
	assert_failure 1
	[ "$stderr" = "No command specified" ]
}

@test "ip -all netns exec: each netns: line comes before its command's output" {
	need_applet ip
	netns-add b
	expected=
	for n in $(names); do
		expected+=$'\n'"netns: $n"$'\n'"$n"$'\n'
	done
	run ip -all netns exec "$NETNSBOX" netns-identify
	assert_success
	[ "$output"$'\n' = "$expected" ]
}

@test "ip -all netns exec: a name that cannot be entered runs nothing twice" {
	need_applet ip
	touch "$RUN_DIR/plain"
	netns-add c
	run --separate-stderr ip -all netns exec echo hi
	assert_success
	[ "$stderr" = 'setting the network namespace "plain" failed: Invalid argument' ]
	[ "$(echo "$output" | grep -c '^hi$')" = 2 ]
}

@test "ip -all netns exec: a command killed by a signal ends ip with 1" {
	need_applet ip
	netns-add b
	run ip -all netns exec sh -c 'kill -TERM $$'
	assert_failure 1
	[ "$(echo "$output" | grep -c '^netns: ')" = 1 ]
}

@test "ip -all netns exec with no run dir prints nothing, status 0" {
	need_applet ip
	umount -l "$RUN_DIR/a"
	umount -l "$RUN_DIR"
	rm -rf "$RUN_DIR"
	run ip -all netns exec echo hi
	assert_success
	assert_output ""
	touch "$RUN_DIR"
	run --separate-stderr ip -all netns exec echo hi
	assert_failure 1
	[ "$stderr" = "Failed to open directory $RUN_DIR: Not a directory" ]
	rm "$RUN_DIR"
}

@test "ip batch: exec runs in a child, a failed command fails its line" {
	need_applet ip
	b=$BATS_TEST_TMPDIR/batch
	printf '%s\n' 'netns exec a echo one' 'netns exec a sh -c "exit 3"' 'netns exec a echo three' >"$b"
	run --separate-stderr ip -b "$b"
	assert_failure 1
	assert_output one
	[ "$stderr" = "Command failed $b:2" ]
	run --separate-stderr ip -force -b "$b"
	assert_failure 1
	assert_output "one
three"
}

@test "ip batch: a switch that fails fails its line once and the batch goes on once" {
	need_applet ip
	b=$BATS_TEST_TMPDIR/batch
	printf '%s\n' 'netns exec nosuch true' 'netns exec a echo end' >"$b"
	run --separate-stderr ip -force -b "$b"
	assert_failure 1
	assert_output end
	[ "$stderr" = "Cannot open network namespace \"nosuch\": No such file or directory
Command failed $b:1" ]
}

@test "ip batch: a command killed by a signal ends ip at once with 1" {
	need_applet ip
	b=$BATS_TEST_TMPDIR/batch
	printf '%s\n' 'netns exec a sh -c "kill -TERM $$"' 'netns exec a echo after' >"$b"
	run --separate-stderr ip -force -b "$b"
	assert_failure 1
	assert_output ""
	[ -z "$stderr" ]
}

@test "ip batch: the namespace switch stays in the child" {
	need_applet ip
	netns-add c
	b=$BATS_TEST_TMPDIR/batch
	printf '%s\n' 'netns exec c netns-identify' 'netns identify' >"$b"
	run bash -c 'ip -b "$1"; echo "rc=$?"' sh "$b"
	assert_output "c

rc=0"
}

@test "netns-exec runs a script without #! with /bin/sh, as execvp does" {
	printf 'echo script "$@"\n' >"$BATS_TEST_TMPDIR/noshebang"
	chmod +x "$BATS_TEST_TMPDIR/noshebang"
	run --separate-stderr netns-exec a "$BATS_TEST_TMPDIR/noshebang" x y
	assert_success
	assert_output "script x y"
}

@test "netns-exec refuses a path longer than PATH_MAX instead of cutting it short" {
	long="$(printf '/%.0s' $(seq 4090))bin/true"
	run --separate-stderr netns-exec a "$long"
	assert_failure 126
	[ "$stderr" = "exec of \"$long\" failed: File name too long" ]
	[ -z "$output" ]
}

@test "ip batch: blank and comment lines take no memory that stays" {
	need_applet ip
	need_static_build "the peak memory would be the checker's"
	b=$BATS_TEST_TMPDIR/batch
	yes '# a comment line that the batch skips' | head -n 100000 >"$b"
	echo 'netns exec a sh -c "grep VmHWM /proc/$PPID/status"' >>"$b"
	run --separate-stderr "$NETNSBOX" ip -b "$b"
	assert_success
	kb=$(echo "$output" | awk '{ print $2 }')
	echo "peak $kb kB"
	# 4 KiB a line that stays would be 400 MB here.
	[ "$kb" -lt 20000 ]
}

@test "exec opens no handle on the caller's mount namespace; ip -n does" {
	need_static_build "system calls counted"
	command -v strace >/dev/null || skip "strace is not installed"
	need_applet ip
	t=$BATS_TEST_TMPDIR/trace
	for cmd in "netns-exec a true" "$NETNSBOX ip netns exec a true"; do
		run strace -qq -o "$t" -e trace=openat $cmd
		assert_success
		run ! grep -F '"/proc/self/ns/mnt"' "$t"
	done
	# The one ip -n keeps, and the add's way back from it.
	run strace -qq -o "$t" -e trace=openat "$NETNSBOX" ip -n a netns add b
	assert_success
	[ "$(grep -cF '"/proc/self/ns/mnt"' "$t")" = 2 ]
	assert_netns b
}

# traced CMD...: capture, with CMD under strace -f; $execs is how many
# programs were started (CMD itself is the first).
traced() {
	command -v strace >/dev/null || skip "strace is not installed"
	local t=$BATS_TEST_TMPDIR/strace
	capture strace -f -qq -o "$t" -e trace=execve "$@"
	execs=$(grep -c ' = 0$' "$t")
}

# same_as_new INNER...: ip netns exec a ip INNER... prints and exits exactly
# as the same with a new ip process (started by a shell) does, and starts
# two programs fewer: neither the shell nor netnsbox again.
same_as_new() {
	local o e r n
	traced ip netns exec a sh -c 'exec ip "$@"' sh "$@"
	o=$out e=$err r=$rc n=$execs
	traced ip netns exec a ip "$@"
	[ "$out" = "$o" ] || fail "stdout: '$out', a new ip's: '$o'"
	[ "$err" = "$e" ] || fail "stderr: '$err', a new ip's: '$e'"
	[ "$rc" = "$r" ] || fail "status $rc, a new ip's $r"
	[ "$execs" = $((n - 2)) ] || fail "$execs programs started for ip $*, $n with a new ip"
}

need_self_ip() {
	need_applet ip
	[ -z "$NETNSBOX_VALGRIND" ] || skip "the applets are valgrind's scripts, not netnsbox"
}

@test "ip netns exec NAME ip: netnsbox runs once, as a new ip would" {
	need_self_ip
	netns-add b
	b=$BATS_TEST_TMPDIR/batch
	printf '%s\n' 'netns identify' 'netns exec nosuch true' 'netns list' >"$b"
	same_as_new netns identify
	same_as_new netns list-id nsid 7
	same_as_new netns exec nosuch true
	same_as_new -n b netns identify
	same_as_new -b "$b"
	same_as_new -force -b "$b"
	same_as_new -j netns list
	same_as_new link show lo
	NETNSBOX_FALLBACK=1 same_as_new link show lo
	# The command's status, through the inner ip's own exec (a second
	# program).
	traced ip netns exec a ip netns exec b sh -c 'exit 7'
	[ "$rc" = 7 ] && [ "$execs" = 2 ]
}

@test "ip netns exec NAME ip: ip's options, and its switch, are not the inner ip's" {
	need_self_ip
	b=$BATS_TEST_TMPDIR/batch
	printf '%s\n' 'netns identify' 'netns exec nosuch true' 'netns list' >"$b"
	traced ip -force -j netns exec a ip -b "$b"
	[ "$rc" = 1 ] && [ "$execs" = 1 ]
	[ "$out" = a ]
	[ "$err" = "Cannot open network namespace \"nosuch\": No such file or directory
Command failed $b:2" ]
	# A name added inside is added where that ip runs, in the mount
	# namespace of the switch (where its mount goes with it), as a new ip
	# does; not where the outer ip started, which its -n keeps.
	traced ip -n a netns exec a ip netns add c
	[ "$rc" = 0 ] && [ "$execs" = 1 ]
	ip -n a netns exec a sh -c 'exec ip netns add d'
	[ "$(mounts_on c)" = "$(mounts_on d)" ] && [ "$(mounts_on c)" = 0 ]
}

@test "ip netns exec NAME netnsbox ip, ip -all netns exec ip: netnsbox runs once" {
	need_self_ip
	netns-add b
	traced ip netns exec a "$NETNSBOX" ip netns identify
	[ "$out" = a ] && [ "$rc" = 0 ] && [ "$execs" = 1 ]
	traced ip -all netns exec ip netns identify
	[ "$rc" = 0 ] && [ "$execs" = 1 ]
	[ "$out" = "$(for n in $(names); do printf '\nnetns: %s\n%s\n' $n $n; done)" ]
	# A stdout that failed is ip's: the inner ip is started anew, with a
	# stdout that has not failed yet.
	run --separate-stderr sh -c 'exec ip -all netns exec ip netns list-id >&-'
	assert_failure 1
	[ "$stderr" = "ip: write error: Bad file descriptor" ]
}

@test "ip netns exec NAME ip: another file, another name or a batch runs it anew" {
	need_self_ip
	cp "$NETNSBOX" "$BATS_TEST_TMPDIR/ip"
	ln -s "$NETNSBOX" "$BATS_TEST_TMPDIR/nb"
	traced ip netns exec a "$BATS_TEST_TMPDIR/ip" netns identify
	[ "$out" = a ] && [ "$execs" = 2 ]
	traced ip netns exec a "$BATS_TEST_TMPDIR/nb" ip netns identify
	[ "$out" = a ] && [ "$execs" = 2 ]
	traced netns-exec a ip netns identify
	[ "$out" = a ] && [ "$execs" = 2 ]
	echo 'netns exec a ip netns identify' >"$BATS_TEST_TMPDIR/batch"
	traced ip -b "$BATS_TEST_TMPDIR/batch"
	[ "$out" = a ] && [ "$execs" = 2 ]
	# The same file where it may not be run (a noexec mount): refused, as
	# execve refuses it.
	mkdir "$BATS_TEST_TMPDIR/noexec"
	touch "$BATS_TEST_TMPDIR/noexec/ip"
	mount --bind "$NETNSBOX" "$BATS_TEST_TMPDIR/noexec/ip"
	mount -o remount,bind,noexec "$BATS_TEST_TMPDIR/noexec/ip"
	traced ip netns exec a "$BATS_TEST_TMPDIR/noexec/ip" netns identify
	[ "$rc" = 1 ] && [ -z "$out" ] && [ "$execs" = 1 ]
	[ "$err" = "exec of \"$BATS_TEST_TMPDIR/noexec/ip\" failed: Permission denied" ]
	# Once a process: the third ip is the second's.
	traced ip netns exec a ip netns exec a ip netns exec a ip netns identify
	[ "$out" = a ] && [ "$rc" = 0 ] && [ "$execs" = 2 ]
}
