#!/bin/sh
# dist.sh NAME FILE...: NAME.tar.gz of the FILEs (folders whole), under the
# folder NAME/, without what the build or the testsuite leaves in them. It
# needs no git: a tarball unpacked elsewhere makes the same tarball again.
set -e
name=$1
shift
for f; do
	[ -e "$f" ] || { echo "dist.sh: $f is missing" >&2; exit 1; }
done
stage=build/dist
rm -rf "$stage"
mkdir -p "$stage/$name"
tar cf - --exclude=testsuite/results --exclude='*.o' "$@" | (cd "$stage/$name" && tar xf -)
(cd "$stage" && tar cf - --sort=name --owner=0 --group=0 --numeric-owner "$name") |
	gzip -9n >"$name.tar.gz"
rm -rf "$stage"
echo "$name.tar.gz"
