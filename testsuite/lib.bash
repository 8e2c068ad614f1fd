# lib.bash: loaded by every test file.
load '/usr/lib/bats/bats-support/load'
load '/usr/lib/bats/bats-assert/load'

TOP=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
NETNSBOX=$TOP/netnsbox
RUN_DIR=${NETNSBOX_RUN_DIR:-/run/netns}
ETC_DIR=${NETNSBOX_ETC_DIR:-/etc/netns}
IPROUTE2=/usr/sbin/ip

# Links to every applet, first in PATH: tests call applets by their names.
BIN=$BATS_FILE_TMPDIR/bin
if [ ! -d "$BIN" ]; then
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
