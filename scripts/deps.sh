#!/bin/sh
# deps.sh [cross]: install what the build and the testsuite need, from
# Debian's archive (as root); with "cross", also what make check-cross
# needs: the cross compilers, musl and kernel headers of each architecture
# and qemu-user. Safe to run again; asks nothing.
set -e
# make check-qemu: QEMU for each architecture's boot, busybox-static and
# cpio for its initramfs, xz to unpack x86's kernel. The other
# architectures' boots need what "cross" installs too: their cross
# compilers, their package lists and qemu-user (which lists a foreign
# busybox's applets).
qemu_pkgs="qemu-system-x86 qemu-system-arm qemu-system-mips busybox-static
cpio xz-utils"
pkgs="$qemu_pkgs make gcc clang musl-tools linux-libc-dev kconfig-frontends-nox
bats bats-support bats-assert iproute2 util-linux libcap2-bin file procps
groff-base python3 mandoc man-db busybox-static strace libclang-rt-14-dev
valgrind"
# musl-dev:ARCH gives ARCH's libc and its compiler wrapper (such as
# aarch64-linux-musl-gcc); linux-libc-dev-ARCH-cross the kernel headers in
# /usr/TRIPLET/include, since linux-libc-dev:ARCH must be the very version
# of the build machine's, which the archive does not always have for ARCH.
arches=
if [ "$1" = cross ]; then
	arches="arm64 armhf mipsel"
	pkgs="$pkgs qemu-user-static gcc-aarch64-linux-gnu gcc-arm-linux-gnueabihf
gcc-mipsel-linux-gnu"
	for a in $arches; do
		pkgs="$pkgs musl-dev:$a linux-libc-dev-$a-cross"
	done
fi
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
for a in $arches; do
	dpkg --print-foreign-architectures | grep -qx "$a" || dpkg --add-architecture "$a"
done
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends $missing
