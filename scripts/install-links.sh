#!/bin/sh
# install-links.sh DIR NAMES: a symbolic link DIR/NAME -> netnsbox for every
# name in the file NAMES, relative, so that it holds wherever DIR is mounted
# and whatever DESTDIR staged it. The binary is not run: it may be built for
# another machine. A file that is not already such a link is never
# replaced: then nothing is changed at all.
set -e
dir=$1
names=$(cat "$2")
for a in $names; do
	[ "$(readlink "$dir/$a" 2>/dev/null)" != netnsbox ] || continue
	if [ -e "$dir/$a" ] || [ -L "$dir/$a" ]; then
		echo "install-links.sh: $dir/$a exists and is not a link to netnsbox" >&2
		exit 1
	fi
done
for a in $names; do
	[ "$(readlink "$dir/$a" 2>/dev/null)" = netnsbox ] || ln -s netnsbox "$dir/$a"
done
