#!/bin/sh
# sandbox.sh COMMAND [ARG]...: run COMMAND as pid 1 of new mount, network and
# pid namespaces, with fresh tmpfs over the run dir's parent, /tmp and the etc
# dir, so that nothing it does reaches the host's namespaces or files. The
# run dir and etc dir come from NETNSBOX_RUN_DIR and NETNSBOX_ETC_DIR
# (default /run/netns and /etc/netns).
set -e
run_dir=${NETNSBOX_RUN_DIR:-/run/netns}
etc_dir=${NETNSBOX_ETC_DIR:-/etc/netns}

if [ "$1" != --inside ]; then
	# The checkout, which must stay visible inside.
	NETNSBOX_TOP=$(cd "$(dirname "$0")/.." && pwd)
	export NETNSBOX_TOP
	exec unshare --mount --net --pid --fork --mount-proc \
		--propagation private -- sh "$0" --inside "$@"
fi
shift

die() { echo "sandbox.sh: $*" >&2; exit 1; }
# misplaced MESSAGE: the checkout is where no sandbox can show it; run.sh
# stops at once on this status instead of running the tests without one.
misplaced() { echo "sandbox.sh: $*" >&2; exit 3; }
# under A B: path A is B or inside B.
under() { case $1/ in "$2"/*) return 0 ;; esac; return 1; }

top=$NETNSBOX_TOP
parent=$(dirname "$run_dir")
[ "$parent" != / ] || die "run dir $run_dir is at /"
for d in "$parent" "$etc_dir"; do
	! under "$top" "$d" ||
		misplaced "the checkout $top is under $d, which the sandbox covers with an empty tmpfs: test from a checkout elsewhere"
done
mkdir -p "$parent"
mount -t tmpfs -o mode=0755 sandbox-run "$parent"
# A fresh /tmp would hide a checkout that lives in /tmp: keep it aside in
# the new run dir's parent, then move it back to its place in the new /tmp.
if under "$top" /tmp; then
	mkdir "$parent/.sandbox-top"
	mount --rbind "$top" "$parent/.sandbox-top"
fi
mount -t tmpfs -o mode=1777 sandbox-tmp /tmp
if under "$top" /tmp; then
	mkdir -p "$top"
	mount --move "$parent/.sandbox-top" "$top"
	rmdir "$parent/.sandbox-top"
	cd "$top"
fi
# The etc dir may not exist on the host: make it in an overlay of its parent
# so that the host's file system is not changed.
if [ ! -d "$etc_dir" ]; then
	etc_parent=$(dirname "$etc_dir")
	mkdir /tmp/.etc-upper /tmp/.etc-work
	mount -t overlay -o "lowerdir=$etc_parent,upperdir=/tmp/.etc-upper,workdir=/tmp/.etc-work" \
		sandbox-etc "$etc_parent"
	mkdir "$etc_dir"
fi
mount -t tmpfs -o mode=0755 sandbox-etcdir "$etc_dir"
# /sys of the new network namespace, so that it shows only its devices.
mount -t sysfs sysfs /sys 2>/dev/null || true
[ ! -x /usr/sbin/ip ] || /usr/sbin/ip link set lo up
export NETNSBOX_SANDBOX=1
exec "$@"
