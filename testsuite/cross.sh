#!/bin/sh
# cross.sh [ARCH]...: build the default configuration for each ARCH
# (x86_64 aarch64 armhf mipsel, all by default) with Debian's cross
# compilers and musl, then run the unit checks (testsuite/unit.bats) and the
# smoke set (testsuite/cross/smoke.bats, in the sandbox) on that build:
# natively on the build machine's own architecture, under qemu-user on the
# others. Each ARCH builds in a copy of the sources under build/cross/ARCH,
# so the tree's own .config, build/ and ./netnsbox are not touched. Prints a
# line per ARCH with its size and counts, and the total (also written to
# build/cross/summary.txt); exits non-zero when a build or a test failed.
# CROSS_TIMEOUT bounds the whole run (seconds, default 1200): a build or a
# test run still going then is ended and fails.
cd "$(dirname "$0")/.." || exit 1
[ $# -gt 0 ] || set -- x86_64 aarch64 armhf mipsel
end=$(($(date +%s) + ${CROSS_TIMEOUT:-1200}))
top=$(pwd)
out=build/cross
mkdir -p $out
: >$out/results.txt
status=0 taps=

# left: the seconds left to run (at least 1).
left() {
	n=$((end - $(date +%s)))
	echo $((n > 0 ? n : 1))
}

# count FILE: "N passed, M failed, K skipped" of a TAP file.
count() {
	ok=$(grep -c '^ok ' "$1")
	skip=$(grep -c '^ok .* # skip' "$1")
	fail=$(grep -c '^not ok ' "$1")
	plan=$(sed -n 's/^1\.\.\([0-9]*\)$/\1/p' "$1" | awk '{ n += $1 } END { print n + 0 }')
	pass=$((ok - skip))
	# A run that died before the end of its plan fails the tests it lacks.
	[ $((ok + fail)) -ge "$plan" ] || fail=$((plan - ok))
	[ $((ok + fail)) -gt 0 ] || fail=1
	echo "$pass passed, $fail failed, $skip skipped"
}

for arch; do
	case $arch in
	x86_64) prefix=x86_64-linux-musl- qemu=qemu-x86_64-static ;;
	aarch64) prefix=aarch64-linux-musl- qemu=qemu-aarch64-static ;;
	armhf) prefix=arm-linux-musleabihf- qemu=qemu-arm-static ;;
	mipsel) prefix=mipsel-linux-musl- qemu=qemu-mipsel-static ;;
	*) echo "cross.sh: unknown architecture $arch" >&2; exit 2 ;;
	esac
	case $arch:$(uname -m) in
	x86_64:x86_64 | aarch64:aarch64 | armhf:armv7l | armhf:armv8l | mipsel:mips)
		qemu= ;;
	esac
	d=$out/$arch
	tap=$d/tap.txt
	taps="$taps $tap"
	mkdir -p $d
	: >$tap
	echo "# $arch: ${prefix}gcc${qemu:+, run under $qemu}"
	for tool in ${prefix}gcc $qemu; do
		command -v $tool >/dev/null && continue
		echo "# $arch: $tool not found (make deps-cross installs it)"
		echo "1..1" >$tap
		echo "not ok 1 $tool is installed" >>$tap
		status=1
		printf '%-8s %6s bytes  %s\n' $arch - "$(count $tap)" >>$out/results.txt
		continue 2
	done

	# A fresh copy of the sources; tar keeps their times, so only what
	# changed is rebuilt. The default configuration, whatever .config says.
	rm -rf $d/applets $d/libbb $d/scripts
	tar cf - Makefile Config.in applets libbb scripts | tar xf - -C $d
	if ! env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL timeout $(left) \
		sh -c "make -C $d -s defconfig && make -C $d -s -j2 \
			CROSS_COMPILE=$prefix netnsbox" >$d/make.log 2>&1; then
		tail -n 20 $d/make.log
		echo "1..1" >$tap
		echo "not ok 1 $arch: the default configuration builds" >>$tap
		status=1
		printf '%-8s %6s bytes  %s\n' $arch - "$(count $tap)" >>$out/results.txt
		continue
	fi
	size=$(stat -c %s $d/netnsbox)
	echo "# $arch: $size bytes"

	UNIT_CC="${prefix}gcc -static -isystem $top/$d/build/include" \
	UNIT_BUILD=$top/$d/build UNIT_RUN=$qemu \
		timeout $(left) bats --tap testsuite/unit.bats 2>&1 | tee -a $tap
	[ -z "$qemu" ] ||
		echo "# $arch: under qemu-user RTM_*NSID requests get EOPNOTSUPP:" \
			"set and list-id are checked for that error's text"
	run_dir=$(sed -n 's/^CONFIG_NETNS_RUN_DIR="\(.*\)"$/\1/p' $d/build/config.full)
	etc_dir=$(sed -n 's/^CONFIG_NETNS_ETC_DIR="\(.*\)"$/\1/p' $d/build/config.full)
	NETNSBOX_RUN_DIR=$run_dir NETNSBOX_ETC_DIR=$etc_dir \
	NETNSBOX=$top/$d/netnsbox NETNSBOX_BUILD=$top/$d/build QEMU=$qemu \
		sh testsuite/sandbox.sh timeout $(left) \
		bats --tap testsuite/cross/smoke.bats 2>&1 | tee -a $tap
	printf '%-8s %6s bytes  %s\n' $arch $size "$(count $tap)" >>$out/results.txt
done

cat $out/results.txt
cat $taps >$out/all.txt
count $out/all.txt >$out/summary.txt
[ "$fail" -eq 0 ] || status=1
echo "cross: $(cat $out/summary.txt)"
exit $status
