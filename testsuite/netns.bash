# netns.bash: helpers of the lifecycle tests (list, add, attach, delete, set,
# list-id, concurrency). Loaded after lib.

# fresh_run_dir: no run dir at all, as on a machine where add never ran: the
# names and the run dir's own mount detached, the run dir removed.
fresh_run_dir() {
	local f
	while mountpoint -q "$RUN_DIR"; do
		umount -l "$RUN_DIR"
	done
	if [ -d "$RUN_DIR" ]; then
		for f in "$RUN_DIR"/* "$RUN_DIR"/.[!.]* "$RUN_DIR"/..?*; do
			[ -e "$f" ] || continue
			while mountpoint -q "$f"; do
				umount -l "$f"
			done
		done
	fi
	rm -rf "$RUN_DIR"
	# Sleepers a failed test left, then the nsids of the namespaces gone:
	# the kernel frees a namespace, and its nsid, a moment after its last
	# reference.
	if [ -f "$BATS_FILE_TMPDIR/sleepers" ]; then
		kill $(cat "$BATS_FILE_TMPDIR/sleepers") 2>/dev/null || true
		rm -f "$BATS_FILE_TMPDIR/sleepers"
	fi
	if "$NETNSBOX" --list | grep -qx netns-list-id; then
		for f in $(seq 200); do
			[ -n "$("$NETNSBOX" netns-list-id 2>/dev/null)" ] || break
			sleep 0.05
		done
	fi
}

# setup_lifecycle APPLET...: the test runs in the sandbox, on a fresh run
# dir, and needs these applets.
setup_lifecycle() {
	local a
	need_sandbox
	for a; do
		need_applet "$a"
	done
	fresh_run_dir
}

need_json() {
	config_has FEATURE_JSON || skip "FEATURE_JSON is off"
}

# usage_of APPLET: the usage an applet prints on stderr for bad arguments.
usage_of() {
	"$NETNSBOX" "$1" --help
}

# run_dir_mounts: the mountinfo lines whose mount point is the run dir.
run_dir_mounts() {
	awk -v d="$RUN_DIR" '$5 == d' /proc/self/mountinfo
}

# mounts_on NAME: how many mounts are on RUN_DIR/NAME (a name that
# mountinfo shows as it is: no blank, backslash or control character).
mounts_on() {
	awk -v p="$RUN_DIR/$1" '$5 == p' /proc/self/mountinfo | wc -l
}

# mounts_below: how many mounts are inside the run dir.
mounts_below() {
	awk -v d="$RUN_DIR/" 'index($5, d) == 1' /proc/self/mountinfo | wc -l
}

# ns_ino FILE: the inode of the namespace FILE refers to.
ns_ino() {
	stat -L -c %i "$1"
}

# assert_gone NAME: neither a file nor a mount is left at RUN_DIR/NAME.
assert_gone() {
	[ ! -e "$RUN_DIR/$1" ] && [ ! -L "$RUN_DIR/$1" ] ||
		fail "$RUN_DIR/$1 is left behind"
	[ "$(mounts_on "$1")" = 0 ] || fail "a mount is left on $RUN_DIR/$1"
}

# assert_netns NAME: RUN_DIR/NAME is a network namespace mounted once.
assert_netns() {
	[ "$(stat -f -c %T "$RUN_DIR/$1")" = nsfs ] ||
		fail "$RUN_DIR/$1 is not a mounted namespace"
	[ "$(mounts_on "$1")" = 1 ] || fail "$RUN_DIR/$1 is mounted $(mounts_on "$1") times"
}

# start_sleeper: a process in a network namespace of its own, its pid in
# $sleeper. It is killed with the sandbox at the latest; bats' fd 3 is
# closed so that bats does not wait for it.
start_sleeper() {
	local i
	unshare --net sleep 1000 </dev/null >/dev/null 2>&1 3>&- &
	sleeper=$!
	echo "$sleeper" >>"$BATS_FILE_TMPDIR/sleepers"
	# Wait (bounded) until unshare has run: then the namespace differs.
	for i in $(seq 200); do
		[ "$(ns_ino /proc/$sleeper/ns/net)" = "$(ns_ino /proc/self/ns/net)" ] || return 0
		sleep 0.05
	done
	fail "the sleeper never got a namespace of its own"
}

stop_sleeper() {
	kill "$sleeper" 2>/dev/null || true
	wait "$sleeper" 2>/dev/null || true
}

# json_names_are_dir: the JSON list on stdin parses, and its names are the
# run dir's entries in readdir order, byte for byte.
json_names_are_dir() {
	python3 -c '
import json, os, sys
doc = json.loads(sys.stdin.buffer.read().decode("utf-8"))
names = [e["name"] for e in doc]
want = [n.decode("utf-8") for n in os.listdir(sys.argv[1].encode())]
if names != want:
	sys.exit("names %r\nrun dir %r" % (names, want))
' "$RUN_DIR"
}

# capture CMD...: runs CMD with its stdout in $out, its stderr in $err and
# its status in $rc. Unlike bats' run it keeps blanks at the ends of lines
# (iproute2 prints some), dropping only the final newlines.
capture() {
	local f=$BATS_TEST_TMPDIR/capture
	rc=0
	"$@" >"$f.out" 2>"$f.err" || rc=$?
	out=$(cat "$f.out")
	err=$(cat "$f.err")
}

# nobody CMD...: CMD as the unprivileged user 65534.
nobody() {
	setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
}

# hold_run_dir_lock: the unprivileged user 65534 takes an exclusive flock on
# the run dir, as any local user can (it is 0755), and keeps it; its pid in
# $holder, stopped by kill_holder.
hold_run_dir_lock() {
	local i
	command -v setpriv >/dev/null || skip "setpriv is not installed"
	nobody bash -c 'exec 7<"$1" && flock 7 && exec sleep 600' - "$RUN_DIR" \
		</dev/null >/dev/null 2>&1 3>&- &
	holder=$!
	echo "$holder" >>"$BATS_FILE_TMPDIR/sleepers"
	for i in $(seq 200); do
		flock -n "$RUN_DIR" true || return 0
		sleep 0.05
	done
	fail "the unprivileged user never got the run dir's lock"
}

kill_holder() {
	kill "$holder" 2>/dev/null || true
	wait "$holder" 2>/dev/null || true
}

# open_canary FIFO: a writer waits at the new FIFO until someone opens it
# for reading, then leaves a mark in the test's folder; its pid in $canary.
open_canary() {
	local mark=$BATS_TEST_TMPDIR/${1##*/}.opened
	mkfifo "$1"
	( exec 8>"$1"; touch "$mark" ) </dev/null >/dev/null 2>&1 3>&- &
	canary=$!
	echo "$canary" >>"$BATS_FILE_TMPDIR/sleepers"
}

# assert_not_opened FIFO: nobody opened the FIFO of open_canary (a moment
# is left for the writer to get on).
assert_not_opened() {
	local mark=$BATS_TEST_TMPDIR/${1##*/}.opened
	sleep 0.2
	kill "$canary" 2>/dev/null || true
	wait "$canary" 2>/dev/null || true
	[ ! -e "$mark" ] || fail "$1 was opened"
}
