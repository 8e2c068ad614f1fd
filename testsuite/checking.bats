#!/usr/bin/env bats
# The checking builds (SANITIZE=1, VALGRIND=1): what they build, that their
# objects stay apart from the default build's, and that an overrun inside
# the arena reaches their checker. Each build runs in a copy of the tree.

bats_require_minimum_version 1.5.0
load lib

setup() {
	command -v kconfig-conf >/dev/null || skip "kconfig-frontends is not installed"
	command -v musl-gcc >/dev/null || skip "musl-gcc is not installed"
	src=$BATS_TEST_TMPDIR/src
	mkdir -p "$src"
	(cd "$TOP" && tar cf - Makefile Config.in applets libbb scripts) |
		(cd "$src" && tar xf -)
	# An arena block of 10 bytes, written one byte past its end. The
	# arena alone: it needs only die, for a failed mmap.
	cat >"$BATS_TEST_TMPDIR/overrun.c" <<'C'
#include "libbb.h"
void die(int status, const char *f, ...)
{
	(void)f;
	_exit(status);
}
int main(int argc, char **argv)
{
	char *p = xzalloc(10);

	(void)argv;
	p[9 + argc] = 1;
	return 0;
}
C
}

# build [MAKE ARGS]...: make in the copy, whatever the make above passed
# down; its output in $output.
build() {
	run submake -C "$src" -j2 WERROR=1 SANITIZE= VALGRIND= "$@"
	[ "$status" -eq 0 ] || { echo "$output"; return 1; }
}

# overrun FLAVOUR CC [FLAGS]...: overrun.c linked against the arena of
# that build in the copy.
overrun() {
	local o=$src/build/$1 cc=$2
	shift 2
	$cc -std=c11 -D_GNU_SOURCE -I"$src/build" -I"$src/libbb" "$@" \
		-o "$BATS_TEST_TMPDIR/overrun" "$BATS_TEST_TMPDIR/overrun.c" \
		"$o"/libbb/arena.o
}

@test "SANITIZE=1: a dynamic ./netnsbox, sanitized, its objects apart" {
	command -v clang >/dev/null || skip "clang is not installed"
	build
	build SANITIZE=1
	[ -f "$src/build/san/libbb/nl.o" ]
	run file -L "$src/netnsbox"
	assert_output --partial 'dynamically linked'
	grep -q __asan_init "$src/netnsbox"
	grep -q __ubsan_handle "$src/netnsbox"
	run "$src/netnsbox" --list
	assert_success
	assert_line netns-add
	# Back to the default build: a link of its objects, nothing compiled.
	build
	refute_output --partial '  CC '
	assert_output --partial '  LD      netnsbox'
	run file -L "$src/netnsbox"
	assert_output --partial 'statically linked'
}

@test "SANITIZE=1: an overrun inside the arena is reported" {
	command -v clang >/dev/null || skip "clang is not installed"
	# The plain suite runs it; in a checking build the sanitizer options
	# of the harness are in force.
	[ -z "$FLAVOUR" ] || skip "runs in the plain testsuite, not in a checking build"
	build SANITIZE=1
	overrun san clang -fsanitize=address,undefined
	run -86 env ASAN_OPTIONS=exitcode=86 "$BATS_TEST_TMPDIR/overrun"
	assert_output --partial 'ERROR: AddressSanitizer: use-after-poison'
	assert_output --regexp 'WRITE of size 1 .*'
}

@test "VALGRIND=1: a static, unstripped ./netnsbox, its objects apart" {
	build
	build VALGRIND=1
	[ -f "$src/build/vg/libbb/nl.o" ]
	run file -L "$src/netnsbox"
	assert_output --partial 'statically linked'
	assert_output --partial 'with debug_info, not stripped'
	build
	refute_output --partial '  CC '
	run file -L "$src/netnsbox"
	assert_output --partial 'no section header'
}

@test "VALGRIND=1: an overrun inside the arena is reported by valgrind" {
	command -v valgrind >/dev/null || skip "valgrind is not installed"
	build VALGRIND=1
	overrun vg musl-gcc -static -flto
	run -86 valgrind -q --vgdb=no --error-exitcode=86 "$BATS_TEST_TMPDIR/overrun"
	assert_output --partial 'Invalid write of size 1'
	# The default arena shows valgrind nothing: the reason for VALGRIND=1.
	build
	overrun . musl-gcc -static -flto
	run valgrind -q --vgdb=no --error-exitcode=86 "$BATS_TEST_TMPDIR/overrun"
	assert_success
	assert_output ''
}
