#!/bin/sh
# deps.sh: install what the build and the testsuite need, from Debian's
# archive (as root). Safe to run again; asks nothing.
set -e
pkgs="make gcc clang musl-tools linux-libc-dev kconfig-frontends-nox
bats bats-support bats-assert iproute2 util-linux libcap2-bin file procps
groff-base python3 mandoc man-db"
missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed' ||
		missing="$missing $p"
done
[ -n "$missing" ] || exit 0
if [ "$(id -u)" != 0 ]; then
	echo "deps.sh: run as root to install:$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends $missing
