#!/bin/bash
# diff-run.sh IP SEQUENCE: run the shell text SEQUENCE with `ip` resolving
# to the program IP (iproute2's ip, or netnsbox by a link named ip) and
# print a transcript on stdout. Meant to run as pid 1 of a fresh sandbox
# (sandbox.sh), once per implementation, so that two transcripts can be
# compared line by line.
#
# SEQUENCE uses these functions:
#   t CMD [ARG]...   run CMD (stdin /dev/null, killed after 20 s) and record
#                    it as
#                      $ CMD ARG...      (words quoted with printf %q)
#                      1|LINE$           each stdout line (sed's l: \t, \n,
#                      2|LINE$           octal for other bytes; $ ends it)
#                      rc=N              exit status (128+N for signal N)
#                    a stream that does not end in a newline gets a line
#                    "1|\ no newline at end" (or 2|).
#   tp CMD [ARG]...  as t, but a word of CMD or a whole line of stdout that
#                    is a PID given to pid_alias is written as <NAME>.
#   pid_alias NAME PID
#   note TEXT        a "# TEXT" line, to find one's way in a long diff
#   mounts           the mounts under the run dir's parent: mount point,
#                    root (namespace inodes left out), propagation, type
#   sleeper VAR [NAME]
#                    start a sleep in a new network namespace, or with
#                    nsenter in the one named NAME; VAR holds its PID, and
#                    pid_alias VAR PID is done
#   U CMD [ARG]...   (a program) CMD as the unprivileged user 65534
# Everything else the sequence prints (stdout and stderr) lands in the
# transcript as it is.
set -u
exec 2>&1
[ $# -eq 2 ] || { echo "usage: diff-run.sh IP SEQUENCE"; exit 2; }
IP_PROG=$1
SEQUENCE=$2

bin=/tmp/.diff-bin
mkdir -p "$bin"
chmod 755 "$bin"
ln -sf "$IP_PROG" "$bin/ip"
printf '#!/bin/sh\nexec setpriv --reuid=65534 --regid=65534 --clear-groups "$@"\n' >"$bin/U"
chmod 755 "$bin/U"
PATH=$bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH
cd /tmp || exit 2
out=/tmp/.diff-out
err=/tmp/.diff-err

declare -A PID_ALIAS=()

pid_alias() {
	PID_ALIAS[$2]=$1
}

note() {
	echo "# $*"
}

# show TAG FILE
show() {
	[ -s "$2" ] || return 0
	sed -n 'l 0' "$2" | awk -v tag="$1" "$abbrev"
	[ -z "$(tail -c 1 "$2")" ] || echo "$1|\\ no newline at end"
}

# alias_words WORD...: the words, PIDs replaced by their names.
alias_words() {
	local w
	for w; do
		if [ -n "$w" ] && [ -n "${PID_ALIAS[$w]+set}" ]; then
			printf ' <%s>' "${PID_ALIAS[$w]}"
		else
			printf ' %q' "$w"
		fi
	done
}

# run CMD...: CMD's status, its streams in $out and $err. In a command
# substitution, so that bash does not report a signal death on stderr.
run() {
	timeout -k 2 20 "$@" >"$out" 2>"$err" </dev/null
	echo $?
}

t() {
	local rc
	printf '$'; printf ' %q' "$@"; echo
	rc=$(run "$@")
	show 1 "$out"
	show 2 "$err"
	echo "rc=$rc"
}

tp() {
	local rc line
	printf '$'; alias_words "$@"; echo
	rc=$(run "$@")
	while IFS= read -r line; do
		if [ -n "$line" ] && [ -n "${PID_ALIAS[$line]+set}" ]; then
			echo "<${PID_ALIAS[$line]}>"
		else
			printf '%s\n' "$line"
		fi
	done <"$out" >"$out.2"
	show 1 "$out.2"
	show 2 "$err"
	echo "rc=$rc"
}

# A line over 400 characters (after escaping) is shown as its first 100
# and last 40 characters, its length and a checksum, so that a diff stays
# readable.
abbrev='
BEGIN { for (i = 32; i < 127; i++) ord[sprintf("%c", i)] = i }
length($0) <= 400 { print tag "|" $0; next }
{
	h = 0
	for (i = 1; i <= length($0); i++)
		h = (h * 31 + ord[substr($0, i, 1)]) % 1000000007
	printf "%s|%s ...[%d characters, hash %d]... %s\n", tag,
		substr($0, 1, 100), length($0), h, substr($0, length($0) - 39)
}'

mounts() {
	awk -v d="$(dirname "${NETNSBOX_RUN_DIR:-/run/netns}")" '
	index($5, d) == 1 {
		p = "private"
		for (i = 7; $i != "-"; i++)
			if ($i ~ /^shared:/) p = "shared"
			else if ($i ~ /^master:/) p = "slave"
		root = $4 ~ /^net:\[/ ? "net:[...]" : $4
		print "mount", $5, root, p, $(i + 1)
	}' /proc/self/mountinfo
}

netns_inode() {
	stat -L -c %i "$1" 2>/dev/null
}

sleeper() {
	local pid want
	if [ $# -gt 1 ]; then
		want=$(netns_inode "${NETNSBOX_RUN_DIR:-/run/netns}/$2")
		nsenter --net="${NETNSBOX_RUN_DIR:-/run/netns}/$2" sleep 1000 \
			</dev/null >/dev/null 2>&1 &
		pid=$!
	else
		unshare --net sleep 1000 </dev/null >/dev/null 2>&1 &
		pid=$!
	fi
	# Wait until it is in its namespace (and not still in ours).
	while :; do
		local ns
		ns=$(netns_inode /proc/$pid/ns/net)
		if [ -n "$ns" ] && [ "$(readlink /proc/$pid/exe)" = "$(readlink -f "$(command -v sleep)")" ]; then
			if [ -n "${want:-}" ]; then
				[ "$ns" != "$want" ] || break
			else
				[ "$ns" = "$(netns_inode /proc/self/ns/net)" ] || break
			fi
		fi
		sleep 0.01
	done
	printf -v "$1" %s "$pid"
	pid_alias "$1" "$pid"
}

if ! bash -n -c "$SEQUENCE"; then
	echo "diff-run.sh: the sequence does not parse"
	exit 3
fi
eval "$SEQUENCE"
echo "end of sequence, status $?"
