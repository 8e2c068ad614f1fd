#!/bin/sh
# kernel-headers.sh DIR: make DIR an include directory that shows the musl
# compiler $CC the kernel's uapi headers of its target (linux, asm-generic
# and the target's asm) and nothing else of the system's headers. Looked
# for in KERNEL_HEADERS (a tree of the target's), else in Debian's
# linux-libc-dev:ARCH (/usr/include/TRIPLET/asm), else in Debian's
# linux-libc-dev-ARCH-cross (/usr/TRIPLET/include). A compiler that has
# them already (a toolchain with its own sysroot) gets an empty DIR.
set -e
dir=$1
cc=${CC:-musl-gcc}
mkdir -p "$dir"
rm -f "$dir/linux" "$dir/asm-generic" "$dir/asm"
if echo '#include <linux/netlink.h>' | $cc -E -x c - >/dev/null 2>&1; then
	exit 0
fi
target=$($cc -dumpmachine)
build=$(${HOSTCC:-cc} -dumpmachine 2>/dev/null || true)
if [ -n "$KERNEL_HEADERS" ]; then
	inc=$KERNEL_HEADERS asm=$inc/$target/asm
	[ -d "$asm" ] || asm=$inc/asm
elif [ -d "/usr/include/$target/asm" ]; then
	inc=/usr/include asm=$inc/$target/asm
elif [ -d "/usr/$target/include/asm" ]; then
	inc=/usr/$target/include asm=$inc/asm
elif [ "$target" = "$build" ]; then
	# A system without multiarch folders: its asm is the build machine's.
	inc=/usr/include asm=$inc/asm
else
	echo "kernel-headers.sh: no kernel headers for $target (install" \
		"linux-libc-dev-ARCH-cross or linux-libc-dev:ARCH, or set" \
		"KERNEL_HEADERS)" >&2
	exit 1
fi
for d in "$inc/linux" "$inc/asm-generic" "$asm"; do
	[ -d "$d" ] || { echo "kernel-headers.sh: $d: not found (install linux-libc-dev)" >&2; exit 1; }
done
ln -sfn "$inc/linux" "$dir/linux"
ln -sfn "$inc/asm-generic" "$dir/asm-generic"
ln -sfn "$asm" "$dir/asm"
