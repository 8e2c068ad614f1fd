#!/bin/sh
# lint-man.sh DIR: lint every page under DIR with mandoc and groff; any
# warning fails. Links (netns-del.8) are checked through their target.
set -e
export LC_ALL=C.UTF-8
pages=$(find "$1" -name '*.8' -type f | sort)
[ -n "$pages" ] || { echo "lint-man.sh: no page in $1" >&2; exit 1; }
out=$(echo "$pages" | while IFS= read -r p; do
	mandoc -T lint -W warning "$p" 2>&1 || true
	groff -K utf-8 -man -Tutf8 -ww -z "$p" 2>&1 || true
done)
[ -z "$out" ] || { echo "$out"; echo "lint-man.sh: the pages above have warnings" >&2; exit 1; }
