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
	exec unshare --mount --net --pid --fork --mount-proc \
		--propagation private -- sh "$0" --inside "$@"
fi
shift

parent=$(dirname "$run_dir")
[ "$parent" != / ] || { echo "sandbox.sh: run dir $run_dir is at /" >&2; exit 1; }
mkdir -p "$parent"
mount -t tmpfs -o mode=0755 sandbox-run "$parent"
mount -t tmpfs -o mode=1777 sandbox-tmp /tmp
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
