#!/usr/bin/env bats
# Many processes at once: parallel adds make the run dir a mount point once;
# parallel adds and deletes of the same names leave a consistent run dir and
# report no error but "File exists" and "No such file or directory".

bats_require_minimum_version 1.5.0
load lib
load netns

setup() {
	setup_lifecycle netns-add netns-delete
	errs=$BATS_TEST_TMPDIR/stderr
	: >"$errs"
}

# parallel N CMD...: N copies of CMD, each with its number in $W, let go
# at once; the count of those that failed in $failed, their stderr in $errs.
# The gate is a FIFO: each copy opens it and waits for its end, which comes
# when this shell closes the only writer, once all copies are waiting.
parallel() {
	local n=$1 w i pids=() gate=$BATS_TEST_TMPDIR/gate
	shift
	rm -rf "$gate" "$gate.ready"
	mkfifo "$gate"
	mkdir "$gate.ready"
	exec 5<>"$gate"
	for w in $(seq "$n"); do
		(
			exec 4<"$gate" 5>&-
			touch "$gate.ready/$w"
			read -r -u 4 _ || true
			W=$w "$@"
		) 2>>"$errs" 3>&- &
		pids+=($!)
	done
	for i in $(seq 1000); do
		[ "$(ls "$gate.ready" | wc -l)" -lt "$n" ] || break
		sleep 0.01
	done
	exec 5>&-
	failed=0
	for w in "${pids[@]}"; do
		wait "$w" || failed=$((failed + 1))
	done
}

# Every entry of the run dir is a namespace mounted on it once, and nothing
# else is mounted inside the run dir.
assert_consistent() {
	local n count=0
	for n in $(ls -A "$RUN_DIR"); do
		assert_netns "$n"
		count=$((count + 1))
	done
	[ "$(mounts_below)" = "$count" ] ||
		fail "$(mounts_below) mounts for $count names"
	[ "$(run_dir_mounts | wc -l)" = 1 ]
}

add_one() {
	netns-add "n$W"
}

@test "50 adds at once on a fresh run dir: one run-dir mount, every name made" {
	# The window is a few system calls wide: without the lock, a round
	# stacks a second run-dir mount about one time in ten on two CPUs.
	for round in $(seq 10); do
		fresh_run_dir
		parallel 50 add_one
		[ "$failed" = 0 ]
		[ ! -s "$errs" ] || fail "$(cat "$errs")"
		[ "$(run_dir_mounts | wc -l)" = 1 ]
		[ "$(ls "$RUN_DIR" | wc -l)" = 50 ]
		assert_consistent
	done
}

@test "50 adds at once under a shared parent: one run-dir mount, in the parent's peer group" {
	parent=$(dirname "$RUN_DIR")
	mount --make-shared "$parent"
	parallel 50 add_one
	ptags=$(awk -v p="$parent" '$5 == p { print $7 }' /proc/self/mountinfo)
	rtags=$(run_dir_mounts | awk '{ print $7 }')
	total=$(awk -v d="$RUN_DIR" 'index($5, d) == 1' /proc/self/mountinfo | wc -l)
	mount --make-private "$parent"
	[ "$failed" = 0 ]
	[ ! -s "$errs" ] || fail "$(cat "$errs")"
	[[ "$rtags" =~ ^shared:[0-9]+$ ]]
	[ "$rtags" = "$ptags" ]
	# Each name is mounted on the run dir and, by propagation, under it
	# on the parent, as with iproute2.
	[ "$total" = 101 ]
	[ "$(ls -A "$RUN_DIR" | wc -l)" = 50 ]
	for n in $(ls -A "$RUN_DIR"); do
		[ "$(stat -f -c %T "$RUN_DIR/$n")" = nsfs ] || fail "$n is not a namespace"
	done
}

attach_or_add() {
	if [ $((W % 2)) = 0 ]; then
		netns-attach "n$W" $$
	else
		netns-add "n$W"
	fi
}

@test "adds and attaches at once on a fresh run dir: one run-dir mount" {
	need_applet netns-attach
	parallel 40 attach_or_add
	[ "$failed" = 0 ]
	[ ! -s "$errs" ] || fail "$(cat "$errs")"
	[ "$(ls "$RUN_DIR" | wc -l)" = 40 ]
	assert_consistent
}

# Adds and deletes of four names, in an order of its own for each worker.
# Their failures are the races; their messages are checked afterwards.
churn() {
	local k
	for k in $(seq 40); do
		netns-add "n$(((k + W) % 4))" || true
		netns-delete "n$(((k * W) % 4))" || true
	done
	return 0
}

# Every stderr line is one of the two races that are no fault.
assert_only_races() {
	local bad
	bad=$(grep -vE "^(Cannot create namespace file \"$RUN_DIR/n[0-3]\": File exists|Cannot remove namespace file \"$RUN_DIR/n[0-3]\": No such file or directory)\$" "$errs" || true)
	[ -z "$bad" ] || fail "unexpected errors: $bad"
}

@test "adds and deletes of the same names at once leave the run dir consistent" {
	parallel 16 churn
	[ "$failed" = 0 ]
	assert_only_races
	# Both races happened, or the test did not test much.
	grep -q 'File exists$' "$errs"
	grep -q 'No such file or directory$' "$errs"
	assert_consistent
}

@test "adds and deletes on a fresh run dir, with readers, stay consistent" {
	need_applet netns-list
	reader() {
		local k out
		for k in $(seq 40); do
			out=$(netns-list) || return 1
			echo "$out" | grep -qvx 'n[0-3]\|' && return 1
		done
		return 0
	}
	worker() {
		if [ $((W % 4)) = 0 ]; then reader; else churn; fi
	}
	parallel 16 worker
	[ "$failed" = 0 ]
	assert_only_races
	assert_consistent
}

attach_and_delete() {
	local k
	for k in $(seq 30); do
		netns-attach "n$(((k + W) % 4))" $$ || true
		netns-delete "n$(((k + 2 * W) % 4))" || true
	done
	return 0
}

@test "attaches and deletes of the same names at once leave the run dir consistent" {
	need_applet netns-attach
	parallel 12 attach_and_delete
	[ "$failed" = 0 ]
	assert_only_races
	assert_consistent
}

delete_all_or_churn() {
	local k
	if [ "$W" -le 2 ]; then
		for k in $(seq 20); do
			netns-delete -a || true
		done
		return 0
	fi
	churn
}

@test "delete -a among adds and deletes: only the two races are reported" {
	parallel 12 delete_all_or_churn
	[ "$failed" = 0 ]
	assert_only_races
	assert_consistent
}

# Readers of the names churn() adds and deletes: exec into one, set an nsid
# for one.
read_names() {
	local k
	for k in $(seq 40); do
		netns-exec "n$(((k + W) % 4))" true || true
		netns-set "n$(((k * W) % 4))" auto || true
	done
	return 0
}

@test "exec and set among adds and deletes meet a name absent or whole, never half made" {
	need_applet netns-exec
	need_applet netns-set
	worker() {
		if [ $((W % 2)) = 0 ]; then read_names; else churn; fi
	}
	parallel 12 worker
	[ "$failed" = 0 ]
	bad=$(grep -E 'Invalid argument|Peer netns reference is invalid' "$errs" || true)
	[ -z "$bad" ] || fail "$(echo "$bad" | sort | uniq -c)"
	# What may be said: the races of churn, a name not there (yet, or
	# any more), an nsid already set.
	bad=$(grep -vE "^(Cannot create namespace file \"$RUN_DIR/n[0-3]\": File exists|Cannot remove namespace file \"$RUN_DIR/n[0-3]\": No such file or directory|Cannot open network namespace \"n[0-3]\": No such file or directory|Error: .*)\$" "$errs" || true)
	[ -z "$bad" ] || fail "unexpected errors: $(echo "$bad" | sort | uniq -c)"
	assert_consistent
}

@test "an unprivileged user's lock on the run dir holds up no add, attach or delete at boot" {
	need_applet netns-attach
	mkdir -p "$RUN_DIR"
	hold_run_dir_lock
	run timeout 60 bash -c '
		for i in $(seq 10); do netns-add "a$i" & netns-attach "t$i" $$ & done
		wait
		for i in $(seq 10); do netns-delete "a$i" & done
		wait'
	kill_holder
	assert_success
	assert_consistent
	[ "$(ls "$RUN_DIR" | wc -l)" = 10 ]
}

# The window that the gates above hit only now and then, made wide by
# strace's delays: the reader looks at the name while it is a namespace and
# opens it a second later, while a delete has begun; the delete waits 2 s
# between its unmount and its unlink. The reader holds a share of the lock
# over its look and its open, so the delete waits for it and the reader
# meets the name whole (without the share it met the unmounted file).
# READER... is the reading command (its name is n).
open_while_deleted() {
	command -v strace >/dev/null || skip "strace is not installed"
	# The reader must have taken its share within 0.3 s: a checking build
	# may still be starting.
	[ -z "$FLAVOUR" ] || skip "the checking builds start too slowly for the timing"
	netns-add n
	strace -qq -f -o /dev/null -P "$RUN_DIR/n" -e trace=openat \
		-e inject=openat:delay_enter=1000000 "$@" \
		>"$BATS_TEST_TMPDIR/out" 2>"$errs" &
	local reader=$!
	sleep 0.3
	# The second unlink, after the umount2, waits 2 s.
	strace -qq -o /dev/null -P "$RUN_DIR/n" -e trace=unlink \
		-e inject=unlink:delay_enter=2000000:when=2 \
		"$NETNSBOX" netns-delete n
	status=0
	wait $reader || status=$?
}

@test "a delete begun between exec's look at a name and its open waits: exec enters it whole" {
	need_applet netns-exec
	open_while_deleted "$NETNSBOX" netns-exec n sh -c 'readlink /proc/self/ns/net'
	[ "$status" = 0 ]
	[ -z "$(cat "$errs")" ]
	[ "$(cat "$BATS_TEST_TMPDIR/out")" != "$(readlink /proc/self/ns/net)" ]
	[ ! -e "$RUN_DIR/n" ]
}

@test "a delete begun between set's look at a name and its open waits: the nsid is set" {
	need_applet netns-set
	open_while_deleted "$NETNSBOX" netns-set n 5
	[ "$status" = 0 ]
	[ -z "$(cat "$errs")" ]
	[ ! -e "$RUN_DIR/n" ]
}
