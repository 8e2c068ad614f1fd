#!/usr/bin/env bats
# netns-add NAME: the run dir (0755, a mount point in a shared peer group of
# its own, made once), the name (mode 0, a new namespace bound on it), the
# return to the caller's namespace, and nothing left behind on failure.

bats_require_minimum_version 1.5.0
load lib
load netns

setup() {
	setup_lifecycle netns-add
}

# tags PATH: the optional fields (shared:N, master:N) of the top mount at
# PATH, or "none" when PATH is not a mount point.
tags() {
	awk -v p="$1" '$5 == p { t = ""; for (i = 7; $i != "-"; i++) t = t " " $i; r = t == "" ? " private" : t }
		END { print r == "" ? "none" : substr(r, 2) }' /proc/self/mountinfo
}

@test "add makes the run dir, mode 0755, and the name in it" {
	umask 022
	run --separate-stderr netns-add a
	assert_success
	assert_output ""
	[ -z "$stderr" ]
	[ "$(stat -c '%a %F' "$RUN_DIR")" = "755 directory" ]
	assert_netns a
}

@test "the run dir becomes a shared mount point exactly once" {
	netns-add a
	netns-add b
	netns-add c
	[ "$(run_dir_mounts | wc -l)" = 1 ]
	[[ "$(tags "$RUN_DIR")" =~ ^shared:[0-9]+$ ]]
	for n in a b c; do assert_netns $n; done
	[ "$(mounts_below)" = 3 ]
}

@test "under a shared parent the run dir joins its peer group, as iproute2's" {
	parent=$(dirname "$RUN_DIR")
	mount --make-shared "$parent"
	netns-add a
	ptag=$(tags "$parent")
	rtag=$(tags "$RUN_DIR")
	mount --make-private "$parent"
	[[ "$ptag" =~ ^shared:[0-9]+$ ]]
	[ "$ptag" = "$rtag" ]
	[ "$(run_dir_mounts | wc -l)" = 1 ]
}

@test "a mount namespace made before the first add sees the names added later" {
	parent=$(dirname "$RUN_DIR")
	mount --make-shared "$parent"
	# A service with its own mount namespace, a slave of this one.
	unshare --mount --propagation slave sleep 30 &
	svc=$!
	for i in $(seq 50); do
		[ "$(readlink /proc/$svc/ns/mnt)" != "$(readlink /proc/self/ns/mnt)" ] && break
		sleep 0.1
	done
	netns-add a
	run nsenter --mount --target $svc stat -f -c %T "$RUN_DIR/a"
	kill $svc
	wait $svc || true
	mount --make-private "$parent"
	assert_success
	assert_output nsfs
}

@test "a run dir that is a mount point already is made shared, not bound again" {
	mkdir "$RUN_DIR"
	mount -t tmpfs -o mode=0755 own-run-dir "$RUN_DIR"
	mount --make-private "$RUN_DIR"
	netns-add a
	run run_dir_mounts
	[ "${#lines[@]}" = 1 ]
	assert_output --partial " - tmpfs own-run-dir "
	[[ "$(tags "$RUN_DIR")" =~ ^shared:[0-9]+$ ]]
	assert_netns a
}

@test "the name's file has mode 0 under the mount" {
	netns-add a
	run unshare --mount --propagation private sh -c 'umount "$1" && stat -c "%a %s %F" "$1"' sh "$RUN_DIR/a"
	assert_success
	assert_output "0 0 regular empty file"
	assert_netns a
}

@test "each add makes a new namespace, not the caller's" {
	netns-add a
	netns-add b
	self=$(ns_ino /proc/self/ns/net)
	[ "$(ns_ino "$RUN_DIR/a")" != "$self" ]
	[ "$(ns_ino "$RUN_DIR/b")" != "$self" ]
	[ "$(ns_ino "$RUN_DIR/a")" != "$(ns_ino "$RUN_DIR/b")" ]
	[ "$(ns_ino /proc/self/ns/net)" = "$self" ]
}

@test "an existing name: File exists, status 1, the namespace on it untouched" {
	netns-add a
	ino=$(ns_ino "$RUN_DIR/a")
	run --separate-stderr netns-add a
	assert_failure 1
	assert_output ""
	[ "$stderr" = "Cannot create namespace file \"$RUN_DIR/a\": File exists" ]
	[ "$(ns_ino "$RUN_DIR/a")" = "$ino" ]
	assert_netns a
}

@test "an existing plain file is not replaced" {
	mkdir "$RUN_DIR"
	echo keep >"$RUN_DIR/f"
	run --separate-stderr netns-add f
	assert_failure 1
	[ "$stderr" = "Cannot create namespace file \"$RUN_DIR/f\": File exists" ]
	[ "$(cat "$RUN_DIR/f")" = keep ]
	[ "$(mounts_on f)" = 0 ]
}

@test "no name: 'No netns name specified', status 1, no run dir made" {
	run --separate-stderr netns-add
	assert_failure 1
	assert_output ""
	[ "$stderr" = "No netns name specified" ]
	[ ! -e "$RUN_DIR" ]
}

@test "invalid names: status 255, and not even the run dir is made" {
	for n in "" . .. a/b /abs a/ "$(printf 'y%.0s' $(seq 256))"; do
		run --separate-stderr netns-add -- "$n"
		assert_failure 255
		assert_output ""
		[ "$stderr" = "Invalid netns name \"$n\"" ]
		[ ! -e "$RUN_DIR" ]
	done
}

@test "invalid names leave an existing run dir as it was" {
	netns-add a
	before=$(ls -f "$RUN_DIR"; cat /proc/self/mountinfo)
	for n in "" . .. a/b "$(printf 'y%.0s' $(seq 256))"; do
		run -255 netns-add -- "$n"
	done
	[ "$(ls -f "$RUN_DIR"; cat /proc/self/mountinfo)" = "$before" ]
}

@test "unusual names the kernel takes are valid" {
	long=$(printf 'x%.0s' $(seq 255))
	for n in ... .hidden -x 123 " " "sp ace" "$long" $'ta\tb' $'nl\nx' $'c\x01d' 'q"' 'b\' $'caf\xc3\xa9'; do
		run --separate-stderr netns-add -- "$n"
		assert_success
		[ -z "$stderr" ]
		[ "$(stat -f -c %T "$RUN_DIR/$n")" = nsfs ]
	done
	[ "$(mounts_below)" = 13 ]
}

@test "a name that starts with '-' needs --" {
	run --separate-stderr netns-add -x
	assert_failure 1
	[ "$stderr" = "netns-add: unknown option -x
$(usage_of netns-add)" ]
	[ ! -e "$RUN_DIR" ]
	run netns-add -- -x
	assert_success
	assert_netns -x
}

@test "a second argument is refused with the usage, status 1, nothing made" {
	run --separate-stderr netns-add a b
	assert_failure 1
	assert_output ""
	[ "$stderr" = "$(usage_of netns-add)" ]
	[ ! -e "$RUN_DIR" ]
}

@test "a run dir that cannot be made: mkdir's error, status 1" {
	parent=$(dirname "$RUN_DIR")
	run --separate-stderr unshare --mount --propagation private sh -c '
		mount -t tmpfs -o ro ro-parent "$1" && "$2" netns-add a; r=$?
		ls -A "$1"; exit $r' sh "$parent" "$NETNSBOX"
	assert_failure 1
	assert_output ""
	[ "$stderr" = "mkdir $RUN_DIR failed: Read-only file system" ]
}

@test "a run dir that is a plain file: status 1, the file untouched" {
	echo keep >"$RUN_DIR"
	run --separate-stderr netns-add a
	assert_failure 1
	assert_output ""
	[ "$stderr" = "Cannot open netns runtime directory \"$RUN_DIR\": Not a directory" ]
	[ "$(cat "$RUN_DIR")" = keep ]
	[ "$(mounts_below)" = 0 ]
}

@test "a read-only run dir: the file cannot be made, nothing is left" {
	parent=$(dirname "$RUN_DIR")
	run --separate-stderr unshare --mount --propagation private sh -c '
		mount -t tmpfs rw-parent "$1" && mkdir "$1/netns" &&
		mount -o remount,ro "$1" || exit 99
		"$2" netns-add a; r=$?
		ls -A "$3"
		awk -v d="$3/" "index(\$5, d) == 1" /proc/self/mountinfo
		exit $r' sh "$parent" "$NETNSBOX" "$RUN_DIR"
	assert_failure 1
	assert_output ""
	[ "$stderr" = "Cannot create namespace file \"$RUN_DIR/a\": Read-only file system" ]
}

@test "a namespace that cannot be made: unshare's error, status 1, nothing left" {
	# A user namespace of its own allows no new network namespace; the
	# run dir is on a tmpfs of its own mount namespace.
	unshare --user --map-root-user true 2>/dev/null || skip "no user namespaces"
	run --separate-stderr unshare --user --map-root-user --mount --net sh -c '
		mount -t tmpfs userns-parent "$1" &&
		echo 0 >/proc/sys/user/max_net_namespaces || exit 99
		"$2" netns-add a; r=$?
		ls -A "$3"
		awk -v d="$3/" "index(\$5, d) == 1" /proc/self/mountinfo
		exit $r' sh "$(dirname "$RUN_DIR")" "$NETNSBOX" "$RUN_DIR"
	assert_failure 1
	assert_output ""
	[ "$stderr" = "Failed to create a new network namespace \"a\": No space left on device" ]
}

@test "no /proc: iproute2's line, a hint, status 1, nothing left" {
	command -v unshare >/dev/null || skip "no unshare(1)"
	[ "$FLAVOUR" != san ] || skip "AddressSanitizer cannot start without /proc"
	mkdir -p "$RUN_DIR"
	run --separate-stderr no_proc "$NETNSBOX" netns-add a
	assert_failure 1
	assert_output ""
	[ "$stderr" = "Cannot open init namespace: No such file or directory
netns-add: needs /proc/self/ns/net: is /proc mounted?" ]
	assert_gone a
	need_applet ip
	run --separate-stderr no_proc "$NETNSBOX" ip netns add a
	assert_failure 1
	[ "$stderr" = "Cannot open init namespace: No such file or directory" ]
	assert_gone a
}

@test "ip -b: a batch of 1000 adds runs every line in the caller's namespace" {
	need_applet ip
	need_applet netns-set
	need_applet netns-list
	self=$(ns_ino /proc/self/ns/net)
	batch=$BATS_TEST_TMPDIR/batch
	for i in $(seq 1000); do
		echo "netns add b$i"
		echo "netns set b$i auto"
	done >"$batch"
	echo "netns list" >>"$batch"
	expected=$(for i in $(seq 1000 -1 1); do echo "b$i (id: $((i - 1)))"; done)
	run --separate-stderr "$NETNSBOX" ip -b "$batch"
	assert_success
	[ -z "$stderr" ]
	# Each set, then the list, ran in the caller's namespace: had an add
	# left the process in its new namespace, the ids would be elsewhere.
	assert_output "$expected"
	run netns-list
	assert_output "$expected"
	# A new namespace for each line, none of them the caller's.
	inos=$(stat -L -c %i "$RUN_DIR"/*)
	[ "$(echo "$inos" | sort -u | wc -l)" = 1000 ]
	run ! grep -qx "$self" <<<"$inos"
	[ "$(run_dir_mounts | wc -l)" = 1 ]
	[ "$(mounts_below)" = 1000 ]
}

@test "ip -b: after a failed add the batch goes on in the caller's namespace" {
	need_applet ip
	need_applet netns-set
	netns-add a
	batch=$BATS_TEST_TMPDIR/batch
	printf '%s\n' "netns add a" "netns add b" "netns set b auto" "netns list-id" >"$batch"
	run --separate-stderr "$NETNSBOX" ip -force -b "$batch"
	assert_failure 1
	[ "$stderr" = "Cannot create namespace file \"$RUN_DIR/a\": File exists
Command failed $batch:1" ]
	assert_output "nsid 0 (iproute2 netns name: b)"
}

@test "an add waiting for the run dir's lock stops on SIGTERM, leaving nothing" {
	netns-add a
	# This shell holds the lock (the file beside the run dir that only
	# root can open); the add waits for it until timeout's TERM (status
	# 124), or, if TERM is held off, until its KILL (137).
	[ "$(stat -c '%a %U %F' "$RUN_DIR.lock")" = "600 root regular empty file" ]
	exec 7<"$RUN_DIR.lock"
	flock 7
	run timeout -k 10 1 netns-add b
	exec 7<&-
	assert_failure 124
	assert_gone b
	assert_netns a
}

@test "as an ordinary user: iproute2's one line, status 1, nothing made" {
	command -v setpriv >/dev/null || skip "setpriv is not installed"
	nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
	chmod 755 "$(dirname "$RUN_DIR")"
	run --separate-stderr nobody "$NETNSBOX" netns-add x
	assert_failure 1
	assert_output ""
	[ "$stderr" = "mkdir $RUN_DIR failed: Permission denied" ]
	[ ! -e "$RUN_DIR" ]
	netns-add a
	run --separate-stderr nobody "$NETNSBOX" netns-add x
	assert_failure 1
	[ "$stderr" = "mount --make-shared $RUN_DIR failed: Operation not permitted" ]
	assert_gone x
	need_applet netns-attach
	run --separate-stderr nobody "$NETNSBOX" netns-attach y $$
	assert_failure 1
	[ "$stderr" = "mount --make-shared $RUN_DIR failed: Operation not permitted" ]
	assert_gone y
}

@test "ip -n: a name added under -n is a usable namespace afterwards" {
	need_applet ip
	need_applet netns-exec
	netns-add a
	run "$NETNSBOX" ip -n a netns add c
	assert_success
	[ "$(stat -f -c %T "$RUN_DIR/c")" = nsfs ]
	run netns-exec c true
	assert_success
	run "$NETNSBOX" ip -n a netns delete c
	assert_success
	[ ! -e "$RUN_DIR/c" ]
	[ "$(mounts_below)" = 1 ]
}

@test "ip -n with a batch: adds keep the working folder for the lines after" {
	need_applet ip
	netns-add a
	mkdir "$BATS_TEST_TMPDIR/wd"
	printf '%s\n' 'netns add c' 'netns exec c pwd' >"$BATS_TEST_TMPDIR/wd/b"
	cd "$BATS_TEST_TMPDIR/wd"
	run "$NETNSBOX" ip -n a -b b
	assert_success
	assert_output "$BATS_TEST_TMPDIR/wd"
}

@test "an unprivileged user's lock on the run dir holds up no add" {
	netns-add a
	hold_run_dir_lock
	run --separate-stderr timeout 20 netns-add b
	kill_holder
	assert_success
	[ -z "$stderr" ]
	assert_netns b
	need_applet ip
	hold_run_dir_lock
	run --separate-stderr timeout 20 "$NETNSBOX" ip netns add c
	kill_holder
	assert_success
	assert_netns c
}

@test "a run dir others may write: a link swapped in for the new name is never bound over" {
	[ -x /usr/bin/python3 ] || skip "/usr/bin/python3 is not installed"
	command -v setpriv >/dev/null || skip "setpriv is not installed"
	mkdir -m 0777 "$RUN_DIR"
	target=$BATS_TEST_TMPDIR/target
	echo keep >"$target"
	# The user replaces each file root makes at x with a link to target.
	nobody timeout 120 /usr/bin/python3 -c '
import os, stat, sys
x, t = sys.argv[1:]
while True:
	try:
		st = os.lstat(x)
		if stat.S_ISREG(st.st_mode) and st.st_uid == 0:
			os.unlink(x)
			os.symlink(t, x)
	except OSError:
		pass
' "$RUN_DIR/x" "$target" </dev/null >/dev/null 2>&1 3>&- &
	swapper=$!
	echo "$swapper" >>"$BATS_FILE_TMPDIR/sleepers"
	for i in $(seq 100); do
		netns-add x 2>/dev/null || true
		netns-delete x 2>/dev/null || true
	done
	kill "$swapper"
	wait "$swapper" || true
	[ "$(awk -v p="$target" '$5 == p' /proc/self/mountinfo | wc -l)" = 0 ] ||
		fail "a namespace was bound over $target"
	[ "$(cat "$target")" = keep ]
}

@test "an empty mode-0 file of root's with nothing on it, as a killed add leaves, is taken" {
	mkdir "$RUN_DIR"
	: >"$RUN_DIR/left"
	chmod 0 "$RUN_DIR/left"
	run --separate-stderr netns-add left
	assert_success
	[ -z "$stderr" ]
	assert_netns left
}

@test "an entry that is not provably a leftover of add is not taken" {
	# The run dir a mount point first, so that the bind below is seen once.
	netns-add a
	other=$(dirname "$RUN_DIR")/other
	: >"$other"
	chmod 0 "$other"
	for n in mode owner full mounted; do
		: >"$RUN_DIR/$n"
		chmod 0 "$RUN_DIR/$n"
	done
	chmod 0400 "$RUN_DIR/mode"
	chown 65534 "$RUN_DIR/owner"
	echo x >"$RUN_DIR/full"
	# Another empty mode-0 file of root's, bound over it from the same
	# file system.
	mount --bind "$other" "$RUN_DIR/mounted"
	for n in mode owner full mounted; do
		run --separate-stderr netns-add $n
		assert_failure 1
		[ "$stderr" = "Cannot create namespace file \"$RUN_DIR/$n\": File exists" ]
		[ "$(stat -f -c %T "$RUN_DIR/$n")" != nsfs ]
	done
	[ "$(stat -c %a "$RUN_DIR/mode")" = 400 ]
	[ "$(stat -c %u "$RUN_DIR/owner")" = 65534 ]
	[ "$(cat "$RUN_DIR/full")" = x ]
	[ "$(mounts_on mounted)" = 1 ]
	umount "$RUN_DIR/mounted"
	rm -f "$other"
}

@test "a storm of kills during adds leaves only names that a later add takes" {
	[ -x /usr/bin/python3 ] || skip "/usr/bin/python3 is not installed"
	netns-add a
	# An add takes a few milliseconds (far more in a checking build), half
	# of them between the file and the bind: 50 adds, each killed at a
	# random moment within the time a whole add takes here.
	/usr/bin/python3 -c '
import random, signal, subprocess, sys, time
t = time.monotonic()
subprocess.run([sys.argv[1], "netns-add", "probe"], check=True)
t = time.monotonic() - t
subprocess.run([sys.argv[1], "netns-delete", "probe"], check=True)
for i in range(1, 51):
	p = subprocess.Popen([sys.argv[1], "netns-add", "k%d" % i],
			     stderr=subprocess.DEVNULL)
	time.sleep(random.uniform(0, t))
	p.send_signal(signal.SIGKILL)
	p.wait()
' "$NETNSBOX"
	left=0
	# Not i: bats 1.8's run --separate-stderr sets a global i (its
	# version check loops with it), and the checks after the add then
	# looked at another name.
	for n in $(seq -f k%g 50); do
		[ -e "$RUN_DIR/$n" ] || continue
		[ "$(stat -f -c %T "$RUN_DIR/$n")" != nsfs ] || continue
		left=$((left + 1))
		[ "$(stat -c '%s %a %u %F' "$RUN_DIR/$n")" = "0 0 0 regular empty file" ]
		run --separate-stderr netns-add "$n"
		assert_success
		[ -z "$stderr" ]
		assert_netns "$n"
	done
	echo "# $left names left half made" >&3
	[ "$left" -gt 0 ] || skip "no kill fell between the file and the bind"
	[ "$(run_dir_mounts | wc -l)" = 1 ]
}
