# lib.bash: loaded by every test file.
load '/usr/lib/bats/bats-support/load'
load '/usr/lib/bats/bats-assert/load'

TOP=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
NETNSBOX=$TOP/netnsbox
RUN_DIR=${NETNSBOX_RUN_DIR:-/run/netns}
ETC_DIR=${NETNSBOX_ETC_DIR:-/etc/netns}
IPROUTE2=/usr/sbin/ip

# The build under test, as the Makefile wrote it: "" (the static one), san
# (SANITIZE=1) or vg (VALGRIND=1). A sanitizer's or valgrind's report goes
# to a file of its own in CHECK_LOGS, which run.sh shows and counts as a
# failure, and makes the process exit 86, which no test expects.
FLAVOUR=$(cat "$TOP/build/flavour" 2>/dev/null || true)
CHECK_LOGS=$TOP/testsuite/results/check-logs
if [ "$FLAVOUR" = san ]; then
	# Quoted: the sanitizers split their options at blanks too.
	export ASAN_OPTIONS="exitcode=86:log_path='$CHECK_LOGS/asan'"
	export UBSAN_OPTIONS="exitcode=86:log_path='$CHECK_LOGS/ubsan':print_stacktrace=1"
fi

# A make that a test runs builds what the tree under test was built as.
case $FLAVOUR in
san) export SANITIZE=1 VALGRIND= ;;
vg) export SANITIZE= VALGRIND=1 ;;
*) export SANITIZE= VALGRIND= ;;
esac

# submake ARGS...: make, with none of the flags of a make that runs the
# testsuite (make -s check would silence the "  CC" lines tests read).
submake() {
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make "$@"
}

# need_static_build WHY: skip in the checking builds, which are not stripped,
# far larger and, with SANITIZE=1, dynamic.
need_static_build() {
	[ -z "$FLAVOUR" ] || skip "$1: not in a checking build (SANITIZE=1, VALGRIND=1)"
}

# Links to every applet, first in PATH: tests call applets by their names.
# With NETNSBOX_VALGRIND set (make check-valgrind), scripts that run each
# under valgrind instead, $NETNSBOX too, where any user can run them; where
# there is no /proc, without which valgrind cannot run, the applet runs as
# it is.
BIN=$BATS_FILE_TMPDIR/bin
if [ -n "$NETNSBOX_VALGRIND" ]; then
	BIN=$TOP/testsuite/results/valgrind-bin
	if [ ! -d "$BIN" ]; then
		mkdir -p "$BIN/real"
		vg=$(command -v valgrind)
		for a in netnsbox $("$NETNSBOX" --list); do
			ln -s "$NETNSBOX" "$BIN/real/$a"
			printf '#!/bin/sh\n[ -e /proc/self/maps ] || exec %q "$@"\nexec %q -q --vgdb=no --error-exitcode=86 --leak-check=full --log-file=%q %q "$@"\n' \
				"$BIN/real/$a" "$vg" "$CHECK_LOGS/valgrind.%p" "$BIN/real/$a" >"$BIN/$a"
			chmod 755 "$BIN/$a"
		done
	fi
	NETNSBOX=$BIN/netnsbox
elif [ ! -d "$BIN" ]; then
	mkdir -p "$BIN"
	"$NETNSBOX" --install -s "$BIN" >/dev/null 2>&1 || true
fi
PATH=$BIN:$PATH

# Tests that change namespaces or mounts run only in the harness's sandbox.
need_sandbox() {
	[ "$(id -u)" = 0 ] || skip "needs root"
	[ -n "$NETNSBOX_SANDBOX" ] || skip "needs the sandbox (unshare of mount, net and pid namespaces)"
}

# need_applet NAME: skip unless NAME is configured in this build.
need_applet() {
	"$NETNSBOX" --list | grep -qx -- "$1" || skip "applet $1 is not configured"
}

need_iproute2() {
	[ -x "$IPROUTE2" ] || skip "iproute2 is not installed ($IPROUTE2)"
}

# config_has SYMBOL: the build has CONFIG_SYMBOL=y.
config_has() {
	grep -qx "CONFIG_$1=y" "$TOP/build/config.full"
}

# clean_run_dir: unmount and remove everything in the run dir, and a run
# dir that is a plain file, for the next test.
clean_run_dir() {
	local f
	if [ -f "$RUN_DIR" ]; then rm -f "$RUN_DIR"; fi
	for f in "$RUN_DIR"/* "$RUN_DIR"/.[!.]*; do
		[ -e "$f" ] || [ -L "$f" ] || continue
		umount -l "$f" 2>/dev/null || true
		rm -rf "$f"
	done
}

# no_proc CMD [ARG]...: CMD in a mount namespace of its own with no /proc
# (every mount stacked on it detached); the run dir's files are the same.
no_proc() {
	unshare --mount --propagation unchanged sh -c \
		'while umount -l /proc 2>/dev/null; do :; done
		[ ! -e /proc/self ] || exit 99
		exec "$@"' sh "$@"
}

# Unmount what a test mounted under its temporary folder, so bats can
# remove it.
teardown() {
	local m
	for m in $(awk -v d="$BATS_TEST_TMPDIR" 'index($5, d) == 1 { print $5 }' /proc/self/mountinfo | sort -r); do
		umount -l "$m"
	done
}
