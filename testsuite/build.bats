#!/usr/bin/env bats
# Builds: configurations, compilers, static linking, the size budget, and
# rebuilds that follow the configuration exactly. Each build runs in a copy
# of the source tree, so the tree under test is not touched.

bats_require_minimum_version 1.5.0
load lib

# The size budgets, stripped, on x86-64 (musl): the default build (with
# -fstack-protector-strong), the netns-only one (no ip link, no fallback),
# a build of one netns-* applet. A build of the ip applet alone holds every
# netns command and ip's own: its budget is the default one.
DEFAULT_BUDGET=40960
NETNS_ONLY_BUDGET=32768
ONE_APPLET_BUDGET=16384
# The netns-only build does not meet its budget yet (docs/PERFORMANCE.md,
# "Size", says by how much and where the bytes are): until it does, this
# ceiling, its size today with a margin, keeps it from growing.
NETNS_ONLY_CEILING=36864

APPLET_SYMS="IP NETNS_ADD NETNS_ATTACH NETNS_DELETE NETNS_EXEC NETNS_IDENTIFY
NETNS_LIST NETNS_LIST_ID NETNS_MONITOR NETNS_PIDS NETNS_SET"

setup() {
	command -v kconfig-conf >/dev/null || skip "kconfig-frontends is not installed"
	command -v musl-gcc >/dev/null || skip "musl-gcc is not installed"
	src=$BATS_TEST_TMPDIR/src
	mkdir -p "$src"
	(cd "$TOP" && tar cf - Makefile Config.in applets libbb scripts) |
		(cd "$src" && tar xf -)
}

# The copies are built as the tree under test was (see FLAVOUR in lib),
# whatever make passed down.
case $FLAVOUR in
san) KIND="SANITIZE=1 VALGRIND=" LINKAGE="dynamically linked" ;;
vg) KIND="SANITIZE= VALGRIND=1" LINKAGE="statically linked" ;;
*) KIND="SANITIZE= VALGRIND=" LINKAGE="statically linked" ;;
esac

# build [MAKE ARGS]...: make in the copy, warnings as errors, quietly
# unless it fails.
build() {
	submake -C "$src" -j2 WERROR=1 $KIND "$@" >"$BATS_TEST_TMPDIR/make.log" 2>&1 ||
		{ cat "$BATS_TEST_TMPDIR/make.log"; return 1; }
}

@test "make with no .config runs defconfig first and builds a static binary" {
	need_static_build "it checks the default build's binary"
	build
	[ -f "$src/.config" ]
	grep -qx 'CONFIG_NETNS_RUN_DIR="/run/netns"' "$src/.config"
	grep -qx 'CONFIG_NETNS_ETC_DIR="/etc/netns"' "$src/.config"
	for s in $APPLET_SYMS FEATURE_JSON FEATURE_VERBOSE_USAGE FEATURE_INSTALLER; do
		grep -qx "CONFIG_$s=y" "$src/.config"
	done
	run file -L "$src/netnsbox"
	assert_output --partial 'statically linked'
	assert_output --partial 'no section header'
}

@test "SSTRIP= keeps the section headers of a stripped binary, which still runs" {
	need_static_build "it checks the default build's stripping"
	build SSTRIP=
	run file -L "$src/netnsbox"
	assert_output --partial 'statically linked'
	assert_output --partial ', stripped'
	run "$src/netnsbox" --list
	assert_success
	assert_line netns-add
}

# fits WHAT BUDGET: the built binary is at most BUDGET bytes; otherwise
# fails with a line naming the build, its size and the budget.
fits() {
	local size
	size=$(stat -c %s "$src/netnsbox")
	if [ "$size" -gt "$2" ]; then
		echo "$1: netnsbox is $size bytes, over its budget of $2 bytes by $((size - $2))"
		return 1
	fi
}

need_x86_64() {
	[ "$(uname -m)" = x86_64 ] || skip "the size budgets are for x86-64"
}

@test "the default build fits 40,960 bytes and is built with -fstack-protector-strong" {
	need_x86_64
	need_static_build "the budgets are the default build's"
	build V=1
	compiles=$(grep -c -- ' -c -o build/' "$BATS_TEST_TMPDIR/make.log")
	[ "$compiles" -gt 0 ]
	[ "$(grep -- ' -c -o build/' "$BATS_TEST_TMPDIR/make.log" |
		grep -c -- ' -fstack-protector-strong ')" = "$compiles" ]
	refute grep -q -- -fno-stack-protector "$BATS_TEST_TMPDIR/make.log"
	fits "the default build" $DEFAULT_BUDGET
}

@test "the netns-only build (no ip link, no fallback) stays under its ceiling of 36,864 bytes (its budget, 32,768, is not met)" {
	need_x86_64
	need_static_build "the budgets are the default build's"
	build defconfig
	sed -i -e 's/^CONFIG_IP_LINK=y$/# CONFIG_IP_LINK is not set/' \
		-e 's/^CONFIG_IP_FALLBACK=.*/CONFIG_IP_FALLBACK=""/' "$src/.config"
	build olddefconfig
	build
	run grep -x 'CONFIG_IP_LINK=y' "$src/build/config.full"
	assert_failure
	run grep '^CONFIG_IP_FALLBACK="..*"' "$src/build/config.full"
	assert_failure
	fits "the netns-only build" $NETNS_ONLY_CEILING
	# Say where it stands against the budget, in the test's output.
	fits "the netns-only build" $NETNS_ONLY_BUDGET || true
}

@test "make size: the size of the build in force, then each configuration against its budget, object by object" {
	need_x86_64
	need_static_build "the budgets are the default build's"
	build
	run submake -s -C "$src" size
	assert_success
	assert_line --index 0 "$(stat -c %s "$src/netnsbox") netnsbox"
	assert_line --regexp "^default: [0-9]+ bytes stripped, (within|OVER) its budget of $DEFAULT_BUDGET bytes"
	assert_line --regexp "^netns-only: [0-9]+ bytes stripped, (within|OVER) its budget of $NETNS_ONLY_BUDGET bytes"
	for f in "$src"/applets/*.c "$src"/libbb/*.c; do
		assert_line --regexp "^ +[0-9]+  ${f#"$src"/}\$"
	done
	assert_line --regexp '^ +[0-9]+  musl libc.a$'
	assert_line --regexp '^ +[0-9]+  sections \(without LTO\)$'
}

@test "allnoconfig builds a binary with no applet" {
	build allnoconfig
	build
	run "$src/netnsbox" --list
	assert_success
	assert_output ""
	run -127 "$src/netnsbox" netns-list
	assert_output "netnsbox: applet not found: netns-list"
}

@test "every one-applet configuration builds a binary with only that applet, within its budget" {
	for s in $APPLET_SYMS; do
		build allnoconfig
		echo "CONFIG_$s=y" >>"$src/.config"
		build olddefconfig
		build
		name=$(echo "$s" | tr 'A-Z_' 'a-z-')
		case $s in
		NETNS_DELETE) want="netns-del
netns-delete" ;;
		*) want=$name ;;
		esac
		run "$src/netnsbox" --list
		assert_success
		assert_output "$want"
		file -L "$src/netnsbox" | grep -q "$LINKAGE"
		# The budgets are the default build's.
		[ "$(uname -m)" != x86_64 ] || [ -n "$FLAVOUR" ] || case $s in
		IP) fits "ip alone" $DEFAULT_BUDGET ;;
		*) fits "$name alone" $ONE_APPLET_BUDGET ;;
		esac
	done
}

@test "CC=gcc and CC=clang build with warnings as errors" {
	for cc in gcc clang; do
		command -v $cc >/dev/null || continue
		build clean
		build CC=$cc WERROR=1
		run "$src/netnsbox" --list
		assert_success
		assert_line netns-add
	done
}

@test "CROSS_COMPILE=PREFIX- compiles with PREFIXgcc, given its target's kernel headers" {
	need_static_build "a cross build is a default build"
	bin=$BATS_TEST_TMPDIR/bin
	mkdir -p "$bin"
	printf '#!/bin/sh\necho "$*" >>%s/cc.log\nexec musl-gcc "$@"\n' \
		"$BATS_TEST_TMPDIR" >"$bin/test-linux-musl-gcc"
	chmod +x "$bin/test-linux-musl-gcc"
	PATH=$bin:$PATH build CROSS_COMPILE=test-linux-musl-
	grep -q -- '-c -o build/libbb/die.o libbb/die.c' "$BATS_TEST_TMPDIR/cc.log"
	run "$src/netnsbox" --list
	assert_line netns-add
	target=$(musl-gcc -dumpmachine)
	[ "$(readlink "$src/build/include/asm")" = "/usr/include/$target/asm" ] ||
		[ "$(readlink "$src/build/include/asm")" = "/usr/$target/include/asm" ]
	# Another architecture's compiler gets that architecture's asm.
	command -v aarch64-linux-musl-gcc >/dev/null || skip "aarch64-linux-musl-gcc is not installed"
	build clean
	build CROSS_COMPILE=aarch64-linux-musl-
	run readlink "$src/build/include/asm"
	assert_output --regexp '^/usr/(include/aarch64-linux-gnu|aarch64-linux-gnu/include)/asm$'
	run file -L "$src/netnsbox"
	assert_output --partial 'ARM aarch64'
}

@test "a musl compiler that has the kernel headers is given none" {
	need_static_build "it checks the default build's compiler"
	bin=$BATS_TEST_TMPDIR/bin
	k=$BATS_TEST_TMPDIR/kernel
	target=$(musl-gcc -dumpmachine)
	mkdir -p "$bin" "$k"
	ln -s /usr/include/linux /usr/include/asm-generic "$k/"
	ln -s "/usr/include/$target/asm" "$k/asm"
	printf '#!/bin/sh\nexec musl-gcc -isystem %s "$@"\n' "$k" >"$bin/own-musl-gcc"
	chmod +x "$bin/own-musl-gcc"
	PATH=$bin:$PATH build CC=own-musl-gcc
	run ls -A "$src/build/include"
	assert_output .stamp
	run "$src/netnsbox" --list
	assert_line netns-add
}

@test "changing one setting rebuilds exactly the files that use it" {
	build
	users=$(grep -l 'cfg/FEATURE_INSTALLER.h' "$src"/libbb/*.c "$src"/applets/*.c |
		sed "s|$src/||" | sort)
	[ -n "$users" ]
	sed -i 's/^CONFIG_FEATURE_INSTALLER=y/# CONFIG_FEATURE_INSTALLER is not set/' "$src/.config"
	run submake -C "$src" $KIND
	assert_success
	compiled=$(echo "$output" | sed -n 's/^  CC      //p' | sort)
	[ "$compiled" = "$users" ]
	run -127 "$src/netnsbox" --install -s "$BATS_TEST_TMPDIR"
	assert_output "netnsbox: applet not found: --install"
	run submake -C "$src" $KIND
	refute_output --partial '  CC '
}

@test "other CFLAGS rebuild every object; WERROR, which changes no code, none" {
	build
	n=$(ls "$src"/libbb/*.c "$src"/applets/*.c | wc -l)
	run submake -C "$src" $KIND WERROR=1
	refute_output --partial '  CC '
	run submake -C "$src" $KIND WERROR=1 CFLAGS="-Os -g0"
	assert_success
	[ "$(echo "$output" | grep -c '^  CC      ')" = "$n" ]
	assert_output --partial '  LD      netnsbox'
}

@test "adding an applet file adds its symbol and name with nothing else to edit" {
	cat >"$src/applets/netns-zz.c" <<'C'
/* netns-zz - a test applet */
//config:config NETNS_ZZ
//config:	bool "netns-zz"
//config:	default y
//applet:NETNS_ZZ netns-zz netns_zz_main
//usage:netns-zz
//usage:A test.

#include "libbb.h"

int netns_zz_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	outf("zz\n");
	return 0;
}
C
	build
	run "$src/netnsbox" netns-zz
	assert_success
	assert_output zz
	run "$src/netnsbox" netns-zz --help
	assert_output "netns-zz
A test."
}

@test "a name declared twice is refused by the generator" {
	sed -i 's|^//applet:NETNS_LIST netns-list |//applet:NETNS_LIST netns-add |' "$src/applets/netns-list.c"
	run build
	assert_failure
	assert_output --partial 'applet name declared twice: netns-add'
}

@test "FEATURE_VERBOSE_USAGE off gives one-line usage" {
	build defconfig
	sed -i 's/^CONFIG_FEATURE_VERBOSE_USAGE=y/# CONFIG_FEATURE_VERBOSE_USAGE is not set/' "$src/.config"
	build
	run "$src/netnsbox" netns-exec --help
	assert_success
	assert_output "netns-exec [-a] [-u USER[:GROUP]] NAME COMMAND [ARG]..."
}

@test "savedefconfig, clean and distclean" {
	build
	build savedefconfig
	[ -f "$src/defconfig" ]
	build clean
	[ ! -e "$src/build" ] && [ ! -e "$src/netnsbox" ] && [ -f "$src/.config" ]
	build distclean
	[ ! -e "$src/.config" ] && [ ! -e "$src/defconfig" ]
}

@test "every applet without the features builds, and -j is then refused" {
	build defconfig
	sed -i -e 's/^CONFIG_FEATURE_\(JSON\|INSTALLER\|VERBOSE_USAGE\)=y/# CONFIG_FEATURE_\1 is not set/' "$src/.config"
	build
	run "$src/netnsbox" --list
	assert_success
	assert_line netns-identify
	run --separate-stderr "$src/netnsbox" netns-pids -j x
	assert_failure 1
	[ "$stderr" = "netns-pids: unknown option -j
netns-pids [-j] NAME" ]
	run -127 "$src/netnsbox" --install "$BATS_TEST_TMPDIR"
}
