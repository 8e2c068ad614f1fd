#!/bin/sh
# lint-man.sh DIR: lint every page under DIR with mandoc and groff; any
# warning fails. Links (netns-del.8) are checked through their target.
set -e
export LC_ALL=C.UTF-8
status=0
for p in $(find "$1" -name '*.8' -type f | sort); do
	out=$(mandoc -T lint -W warning "$p" 2>&1; groff -K utf-8 -man -Tutf8 -ww -z "$p" 2>&1) || true
	if [ -n "$out" ]; then
		echo "$out"
		status=1
	fi
done
[ $status = 0 ] || echo "lint-man.sh: the pages above have warnings" >&2
exit $status
