#!/bin/sh
# distcheck.sh NAME [TEST.bats]...: unpack NAME.tar.gz in a fresh folder,
# build it there and run make check (only the TESTs when given), far from
# any git repository: the tarball must be enough.
set -e
name=$1
shift
dir=build/distcheck
rm -rf "$dir"
mkdir -p "$dir"
gzip -dc "$name.tar.gz" | (cd "$dir" && tar xf -)
# The QEMU boots' downloads are this tree's, not fetched again.
QEMU_DEBS=${QEMU_DEBS:-$(pwd)/build/qemu/debs}
export QEMU_DEBS
cd "$dir/$name"
[ ! -e .git ] || { echo "distcheck.sh: the tarball holds .git" >&2; exit 1; }
GIT_DIR=/nonexistent GIT_CEILING_DIRECTORIES=$(pwd) make -s
GIT_DIR=/nonexistent GIT_CEILING_DIRECTORIES=$(pwd) make -s check TESTS="$*"
