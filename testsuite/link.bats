#!/usr/bin/env bats
# The ip applet beyond netns: ip link set ... netns natively (CONFIG_IP_LINK),
# the fallback ip for everything else (CONFIG_IP_FALLBACK) and netns-add -l.
# What iproute2 prints is compared in differential.bats; here: what needs
# another build (no fallback, netnsbox itself in the list, no IP_LINK,
# busybox as the fallback) or has no iproute2 counterpart.

bats_require_minimum_version 1.5.0
load lib
load netns

eval "lib_$(declare -f teardown)"

# variant NAME SETTING...: netnsbox built with these .config lines, in
# $BATS_FILE_TMPDIR/NAME (once per file); its ip is $BATS_FILE_TMPDIR/NAME/ip.
variant() {
	local d=$BATS_FILE_TMPDIR/$1 s
	shift
	[ -x "$d/ip" ] && return 0
	command -v kconfig-conf >/dev/null || skip "kconfig-frontends is not installed"
	mkdir -p "$d"
	(cd "$TOP" && tar cf - Makefile Config.in applets libbb scripts) | (cd "$d" && tar xf -)
	make -s -C "$d" defconfig >/dev/null
	for s; do
		sed -i "/^\(# \)\?${s%%[= ]*}[= ]/d" "$d/.config"
		echo "$s" >>"$d/.config"
	done
	make -s -C "$d" LTO= olddefconfig >/dev/null
	make -s -C "$d" LTO= netnsbox >"$d/make.log" 2>&1 || { cat "$d/make.log"; return 1; }
	ln -s netnsbox "$d/ip"
}

setup() {
	need_sandbox
	need_applet ip
	need_iproute2
	fresh_run_dir
	$IPROUTE2 link add v0 type veth peer name v1
}

teardown() {
	$IPROUTE2 link del v0 2>/dev/null || true
	clean_run_dir
	rm -rf /run/nbself
	lib_teardown
}

# flags DEV [NAME]: the interface flags iproute2 shows, in namespace NAME.
flags() {
	$IPROUTE2 ${2:+-n "$2"} -o link show dev "$1" | sed 's/^[^<]*<\([^>]*\)>.*/\1/'
}

@test "netns-add -l brings the new namespace's loopback up; without it lo is down" {
	need_applet netns-add
	run netns-add -l a
	assert_success
	assert_output ""
	[[ ",$(flags lo a)," == *,UP,* ]]
	netns-add b
	[[ ",$(flags lo b)," != *,UP,* ]]
	run netns-add -x c
	assert_failure 1
	assert_line --index 0 "netns-add: unknown option -x"
	[ ! -e "$RUN_DIR/c" ]
}

@test "ip link set moves by name and by PID, raises and downs, as one command" {
	ip netns add a
	run ip link set dev v0 netns a up
	assert_success
	assert_output ""
	[[ ",$(flags v0 a)," == *,UP,* ]]
	ip -n a link set v0 down
	[[ ",$(flags v0 a)," != *,UP,* ]]
	# PID 1 of the sandbox is in this namespace.
	run ip -n a link set v0 netns 1
	assert_success
	flags v0 >/dev/null
	run ip netns exec a ip link set lo up
	assert_success
	[[ ",$(flags lo a)," == *,UP,* ]]
}

@test "a FIFO as the netns of link set is the kernel's refusal, not a hang" {
	mkdir -p "$RUN_DIR"
	mkfifo "$RUN_DIR/fifo"
	run timeout 5 ip link set v0 netns fifo
	assert_failure 2
	assert_output "RTNETLINK answers: Invalid argument"
}

@test "ip link set in a batch and under -n" {
	ip netns add a
	printf '%s\n' 'link set v0 netns a' 'link set nosuch up' 'netns list' >"$BATS_TEST_TMPDIR/b"
	run ip -force -b "$BATS_TEST_TMPDIR/b"
	assert_failure 1
	assert_output 'Cannot find device "nosuch"
Command failed '"$BATS_TEST_TMPDIR/b"':2
a (id: 0)'
	run ip -n a link set v0 up
	assert_success
	[[ ",$(flags v0 a)," == *,UP,* ]]
}

@test "without a fallback: other objects are unknown, help is ip's, link set knows its words" {
	variant nofb 'CONFIG_IP_FALLBACK=""'
	local ip=$BATS_FILE_TMPDIR/nofb/ip
	run "$ip" link show
	assert_failure 1
	assert_output 'Object "link" is unknown, try "ip help".'
	run "$ip" addr
	assert_failure 1
	assert_output 'Object "addr" is unknown, try "ip help".'
	run "$ip" help
	assert_failure 255
	assert_line --index 0 "Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }"
	run "$ip" link set v0 mtu 1400
	assert_failure 255
	assert_output 'Error: either "dev" is duplicate, or "mtu" is a garbage.'
	run "$ip" link set v0 up
	assert_success
	[[ ",$(flags v0)," == *,UP,* ]]
	printf '%s\n' 'route' 'netns add a' >"$BATS_TEST_TMPDIR/b"
	run "$ip" -force -b "$BATS_TEST_TMPDIR/b"
	assert_failure 1
	assert_output 'Object "route" is unknown, try "ip help".
Command failed '"$BATS_TEST_TMPDIR/b"':1'
	assert_netns a
}

@test "netnsbox itself in the fallback list is skipped, through a symbolic or a hard link" {
	variant selffb 'CONFIG_IP_FALLBACK="/run/nbself/ip:/run/nbself/h/ip:/usr/sbin/ip"'
	mkdir -p /run/nbself
	cp "$BATS_FILE_TMPDIR/selffb/netnsbox" /run/nbself/netnsbox
	ln -s netnsbox /run/nbself/ip
	mkdir /run/nbself/h
	ln /run/nbself/netnsbox /run/nbself/h/ip
	run timeout 10 /run/nbself/ip link show lo
	assert_success
	assert_output "$($IPROUTE2 link show lo)"
	run timeout 10 /run/nbself/h/ip -o link show lo
	assert_success
	assert_output "$($IPROUTE2 -o link show lo)"
}

@test "a copy of netnsbox in the fallback list runs no fallback of its own" {
	variant copyfb 'CONFIG_IP_FALLBACK="/run/nbself/copy:/usr/sbin/ip"'
	mkdir -p /run/nbself
	cp "$BATS_FILE_TMPDIR/copyfb/netnsbox" /run/nbself/copy
	run timeout 10 "$BATS_FILE_TMPDIR/copyfb/ip" link show lo
	assert_failure 1
	assert_output 'Object "link" is unknown, try "ip help".'
}

@test "a list of only netnsbox itself is no fallback" {
	variant onlyself 'CONFIG_IP_FALLBACK="/run/nbself/ip"'
	mkdir -p /run/nbself
	ln -s "$BATS_FILE_TMPDIR/onlyself/netnsbox" /run/nbself/ip
	run timeout 10 /run/nbself/ip link show lo
	assert_failure 1
	assert_output 'Object "link" is unknown, try "ip help".'
}

@test "without IP_LINK, link set goes to the fallback, netns and -n too" {
	variant nolink '# CONFIG_IP_LINK is not set'
	local ip=$BATS_FILE_TMPDIR/nolink/ip
	ip netns add a
	run "$ip" link set dev v0 netns a up
	assert_success
	[[ ",$(flags v0 a)," == *,UP,* ]]
	run "$ip" -n a link set v0 down
	assert_success
	[[ ",$(flags v0 a)," != *,UP,* ]]
}

@test "busybox as the fallback runs its ip applet, with ip's options and under -n" {
	[ -x /bin/busybox ] || skip "no /bin/busybox"
	/bin/busybox ip link show lo >/dev/null 2>&1 || skip "this busybox has no ip applet"
	variant bbfb 'CONFIG_IP_FALLBACK="/bin/busybox"'
	local ip=$BATS_FILE_TMPDIR/bbfb/ip
	run "$ip" -o link show lo
	assert_success
	assert_output "$(/bin/busybox ip -o link show lo)"
	ip netns add a
	ip link set v0 netns a
	run "$ip" -n a addr add 10.1.0.1/24 dev v0
	assert_success
	run "$ip" -n a -4 addr show dev v0
	assert_success
	assert_output --partial "inet 10.1.0.1/24"
	run "$IPROUTE2" -4 addr show dev v1
	refute_output --partial "10.1.0.1"
}

@test "the fallback gets ip's options and words as \"ip\", the environment with NETNSBOX_FALLBACK=1 last, and no memory mapped for them" {
	command -v strace >/dev/null || skip "strace is not installed"
	need_static_build "the checkers map memory of their own"
	local t=$BATS_TEST_TMPDIR/strace
	ip netns add a
	run env -i A=1 B=2 strace -f -qq -v -s 64 -o "$t" \
		-e trace=execve,mmap,mremap,brk "$NETNSBOX" ip -o -force -n a -s link show lo
	assert_success
	# The second call is the fallback's execve.
	run sed -n '2s/^[0-9]* *//p' "$t"
	[[ "$output" == 'execve("'*'", ["ip", "-o", "-s", "link", "show", "lo"], ["A=1", "B=2", "NETNSBOX_FALLBACK=1"]) = 0' ]]
}

@test "more words and environment than the fallback's vector holds: exec fails as execve's E2BIG" {
	local env=() i
	for i in $(seq 4100); do env+=("V$i=1"); done
	run --separate-stderr env "${env[@]}" ip link show lo
	assert_failure 1
	assert_output ""
	[[ "$stderr" == 'exec of "'*'" failed: Argument list too long' ]]
	echo 'link show lo' >"$BATS_TEST_TMPDIR/b"
	run --separate-stderr env "${env[@]}" ip -b "$BATS_TEST_TMPDIR/b"
	assert_failure 1
	[[ "$stderr" == 'exec of "'*'" failed: Argument list too long
Command failed '"$BATS_TEST_TMPDIR/b"':1' ]]
	run env "${env[@]:0:4000}" ip link show lo
	assert_success
}
