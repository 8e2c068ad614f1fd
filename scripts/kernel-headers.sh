#!/bin/sh
# kernel-headers.sh DIR: make DIR an include directory that shows musl-gcc
# the kernel's uapi headers (linux, asm-generic and this machine's asm) and
# nothing else of the system's headers.
set -e
dir=$1
inc=${KERNEL_HEADERS:-/usr/include}
arch=$(gcc -print-multiarch 2>/dev/null || true)
asm=$inc/$arch/asm
[ -d "$asm" ] || asm=$inc/asm
for d in "$inc/linux" "$inc/asm-generic" "$asm"; do
	[ -d "$d" ] || { echo "kernel-headers.sh: $d: not found (install linux-libc-dev)" >&2; exit 1; }
done
mkdir -p "$dir"
ln -sfn "$inc/linux" "$dir/linux"
ln -sfn "$inc/asm-generic" "$dir/asm-generic"
ln -sfn "$asm" "$dir/asm"
