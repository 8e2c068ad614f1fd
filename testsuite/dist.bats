#!/usr/bin/env bats
# make dist: a tarball of the source tree that builds and passes its tests
# without git. The tarball is made from a copy of the tree (no .git), then
# unpacked in a fresh folder, built, and a quick part of the testsuite run
# there; make distcheck runs the whole testsuite from it.

bats_require_minimum_version 1.5.0
load lib

setup() {
	command -v musl-gcc >/dev/null || skip "musl-gcc is not installed"
	command -v kconfig-conf >/dev/null || skip "kconfig-frontends is not installed"
	src=$BATS_TEST_TMPDIR/src
	mkdir -p "$src"
	files=$(sed -n 's/^DIST_FILES := //p' "$TOP/Makefile")
	[ -n "$files" ]
	(cd "$TOP" && tar cf - --exclude=testsuite/results $files) | (cd "$src" && tar xf -)
	version=$(sed -n 's/^#define NETNSBOX_VERSION "\(.*\)"$/\1/p' "$TOP/libbb/libbb.h")
	[ -n "$version" ]
}

# clean CMD...: CMD in an environment without the variables and functions
# of the bats that runs this file, and no git.
clean() {
	local path=$(tr ':' '\n' <<<"$PATH" | grep -v bats-core | paste -sd:)
	env -i PATH="$path" HOME="${HOME:-/}" GIT_DIR=/nonexistent "$@"
}

@test "make dist makes netnsbox-VERSION.tar.gz of every file of the tree under netnsbox-VERSION/" {
	run clean make -s -C "$src" dist
	assert_success
	assert_output "netnsbox-$version.tar.gz"
	list=$(tar tzf "$src/netnsbox-$version.tar.gz" | grep -v '/$' | sort)
	[ -z "$(grep -v "^netnsbox-$version/" <<<"$list")" ]
	[ -z "$(grep -E '(^|/)(build|\.git)/|\.o$|/netnsbox$|/\.config$' <<<"$list")" ]
	command -v git >/dev/null && git -C "$TOP" rev-parse 2>/dev/null ||
		skip "not a git checkout: the list cannot be checked against git"
	# Tracked or new, but still there (a commit under way counts).
	want=$(cd "$TOP" && git ls-files -co --exclude-standard | grep -v '^\.' |
		while read -r f; do [ ! -e "$f" ] || echo "netnsbox-$version/$f"; done | sort)
	assert_equal "$list" "$want"
}

@test "the tarball builds in a fresh folder without git and passes a part of its testsuite" {
	need_sandbox
	clean make -s -C "$src" dist >/dev/null
	fresh="$BATS_TEST_TMPDIR/fresh dir"
	mkdir -p "$fresh"
	tar xzf "$src/netnsbox-$version.tar.gz" -C "$fresh"
	t=$fresh/netnsbox-$version
	run clean make -s -C "$t" -j2
	assert_success
	[ -x "$t/netnsbox" ] && [ -f "$t/build/man/man8/netns-exec.8" ]
	run clean sh -c 'cd "$1" && make -s check TESTS="testsuite/pids.bats testsuite/docs.bats"' sh "$t"
	assert_success
	assert_line --regexp '^[1-9][0-9]* passed, 0 failed, 0 skipped$'
}
