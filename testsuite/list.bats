#!/usr/bin/env bats
# netns-list [-j] [-p]: the names in the run dir in readdir order, with
# " (id: N)" where this namespace has an nsid for the name; iproute2's JSON.

bats_require_minimum_version 1.5.0
load lib
load netns

setup() {
	setup_lifecycle netns-list netns-add netns-set
}

# The run dir's entries in readdir order, one a line.
readdir_order() {
	ls -f "$RUN_DIR" | grep -vx '\.\.\?'
}

@test "no run dir: nothing at all, even with -j, status 0" {
	run --separate-stderr netns-list
	assert_success
	assert_output ""
	[ -z "$stderr" ]
	[ ! -e "$RUN_DIR" ]
}

@test "no run dir with -j or -j -p: no empty list either" {
	need_json
	run --separate-stderr netns-list -j
	assert_success
	assert_output ""
	run --separate-stderr netns-list -j -p
	assert_success
	assert_output ""
	[ -z "$stderr" ]
	[ ! -e "$RUN_DIR" ]
}

@test "a run dir that is not a directory lists nothing, even with -j" {
	need_json
	touch "$RUN_DIR"
	run --separate-stderr netns-list
	assert_success
	assert_output ""
	run --separate-stderr netns-list -j
	assert_success
	assert_output ""
	[ -z "$stderr" ]
	[ -f "$RUN_DIR" ]
}

@test "an empty run dir: nothing; [] with -j; [ ] with -j -p" {
	need_json
	mkdir "$RUN_DIR"
	run --separate-stderr netns-list
	assert_success
	assert_output ""
	run --separate-stderr netns-list -j
	assert_success
	assert_output "[]"
	run --separate-stderr netns-list -j -p
	assert_success
	assert_output "[ ]"
	[ -z "$stderr" ]
}

@test "names come in readdir order, not sorted" {
	for n in b a c zzz; do netns-add "$n"; done
	run --separate-stderr netns-list
	assert_success
	assert_output "$(readdir_order)"
	[ "$output" != "$(printf '%s\n' a b c zzz)" ]
	# tmpfs lists the newest first
	assert_output "zzz
c
a
b"
	[ -z "$stderr" ]
}

@test "names with an nsid get ' (id: N)', the others nothing" {
	for n in b a c zzz; do netns-add "$n"; done
	netns-set a 5
	netns-set c 0
	run --separate-stderr netns-list
	assert_success
	assert_output "zzz
c (id: 0)
a (id: 5)
b"
	[ -z "$stderr" ]
}

@test "-j prints iproute2's compact JSON, id only where there is one" {
	need_json
	for n in b a c zzz; do netns-add "$n"; done
	netns-set a 5
	netns-set c 0
	run --separate-stderr netns-list -j
	assert_success
	assert_output '[{"name":"zzz"},{"name":"c","id":0},{"name":"a","id":5},{"name":"b"}]'
	[ -z "$stderr" ]
}

@test "-j -p prints iproute2's pretty JSON, byte for byte" {
	need_json
	for n in b a c zzz; do netns-add "$n"; done
	netns-set a 5
	netns-set c 0
	expected='[ {
        "name": "zzz"
    },{
        "name": "c",
        "id": 0
    },{
        "name": "a",
        "id": 5
    },{
        "name": "b"
    } ]'
	run --separate-stderr netns-list -j -p
	assert_success
	assert_output "$expected"
	run --separate-stderr netns-list -jp
	assert_output "$expected"
	run --separate-stderr netns-list -p -j
	assert_output "$expected"
	[ -z "$stderr" ]
}

@test "pretty JSON of one name without an id" {
	need_json
	netns-add a
	run netns-list -j -p
	assert_success
	assert_output '[ {
        "name": "a"
    } ]'
}

@test "-p without -j is plain text" {
	need_json
	netns-add a
	netns-set a 3
	run --separate-stderr netns-list -p
	assert_success
	assert_output "a (id: 3)"
}

@test "an argument is refused with the usage on stderr, status 1" {
	netns-add a
	run --separate-stderr netns-list a
	assert_failure 1
	assert_output ""
	[ "$stderr" = "$(usage_of netns-list)" ]
	run --separate-stderr netns-list -j extra
	assert_failure 1
	assert_output ""
	[ "$stderr" = "$(usage_of netns-list)" ]
}

@test "an unknown option is named, then the usage, status 1" {
	run --separate-stderr netns-list -x
	assert_failure 1
	assert_output ""
	[ "$stderr" = "netns-list: unknown option -x
$(usage_of netns-list)" ]
}

@test "plain files and folders in the run dir are listed, without an id and without errors" {
	netns-add a
	netns-set a 1
	touch "$RUN_DIR/plainfile"
	mkdir "$RUN_DIR/subdir"
	run --separate-stderr netns-list
	assert_success
	assert_output "subdir
plainfile
a (id: 1)"
	[ -z "$stderr" ]
}

@test "names of every kind the kernel takes round-trip through JSON" {
	need_json
	long=$(printf 'x%.0s' $(seq 255))
	for n in "$long" "sp ace" 'q"uote' 'back\slash' $'ta\tb' $'nl\nx' \
		$'c\x01d' $'caf\xc3\xa9' $'esc\x1bx' $'del\x7fx' $'cr\rx' \
		$'ff\fx' $'bs\bx' $'\x1f' "sq'x" '%s%d' -x ... .hidden 123 " "; do
		netns-add -- "$n"
	done
	[ "$(readdir_order | wc -l)" -ge 21 ]
	netns-list -j | json_names_are_dir
	netns-list -j -p | json_names_are_dir
	netns-set -- $'nl\nx' 7
	netns-list -j | json_names_are_dir
	netns-list -j -p | json_names_are_dir
}

@test "JSON escapes quotes, backslashes and every control character" {
	need_json
	for n in 'q"' 'b\' $'t\t' $'n\n' $'r\r' $'f\f' $'h\b' $'a\x01' $'e\x1b' \
		$'u\x1f' $'d\x7f' $'\xc3\xa9'; do
		netns-add -- "$n"
	done
	run --separate-stderr netns-list -j
	assert_success
	assert_output '[{"name":"é"},{"name":"d'$'\x7f''"},{"name":"u\u001f"},{"name":"e\u001b"},{"name":"a\u0001"},{"name":"h\b"},{"name":"f\f"},{"name":"r\r"},{"name":"n\n"},{"name":"t\t"},{"name":"b\\"},{"name":"q\""}]'
}

@test "plain text does not escape: a newline in a name is a line break" {
	netns-add -- $'nl\nx'
	netns-add -- $'t\tb'
	run --separate-stderr netns-list
	assert_success
	assert_output $'t\tb\nnl\nx'
}

@test "a name of 255 bytes is listed whole" {
	long=$(printf 'y%.0s' $(seq 255))
	netns-add "$long"
	netns-set "$long" 2
	run netns-list
	assert_success
	assert_output "$long (id: 2)"
}

@test "many names with nsids: each gets its own id, past the request batches" {
	# Long names so that the directory takes several reads and a batch
	# ends when its copy of the names is full (31 of these), more names
	# than one batch of nsid requests.
	pad=$(printf 'p%.0s' $(seq 60))
	for i in $(seq 150); do netns-add "n$i-$pad"; done
	for i in $(seq 1 2 150); do netns-set "n$i-$pad" $((i + 1000)); done
	expected=$(readdir_order | while read -r n; do
		i=${n%%-*}; i=${i#n}
		if [ $((i % 2)) = 1 ]; then echo "$n (id: $((i + 1000)))"; else echo "$n"; fi
	done)
	run --separate-stderr netns-list
	assert_success
	assert_output "$expected"
	[ "${#lines[@]}" = 150 ]
	[ -z "$stderr" ]
}

@test "two names of one namespace show the same id" {
	need_applet netns-attach
	start_sleeper
	netns-attach x1 "$sleeper"
	netns-attach x2 "$sleeper"
	netns-set x1 4
	run netns-list
	assert_success
	assert_output "x2 (id: 4)
x1 (id: 4)"
	stop_sleeper
}

@test "this namespace's own name gets an id when one is set for it" {
	need_applet netns-attach
	# In a namespace of its own: an nsid for oneself stays as long as it.
	run unshare --net sh -c 'netns-attach self $$ && netns-add other &&
		netns-set self 20 && netns-list'
	assert_success
	assert_output "other
self (id: 20)"
}

@test "a FIFO in the run dir is listed, and does not block the listing" {
	netns-add a
	netns-set a 1
	mkfifo "$RUN_DIR/fifo"
	run --separate-stderr timeout 20 netns-list
	assert_success
	assert_output "fifo
a (id: 1)"
	[ -z "$stderr" ]
}

@test "a FIFO or a device in the run dir is listed, never opened" {
	netns-add a
	netns-set a 1
	mknod "$RUN_DIR/null" c 1 3
	open_canary "$RUN_DIR/fifo"
	run --separate-stderr timeout 20 netns-list
	assert_not_opened "$RUN_DIR/fifo"
	assert_success
	assert_output "fifo
null
a (id: 1)"
	[ -z "$stderr" ]
	need_applet ip
	rm "$RUN_DIR/fifo"
	open_canary "$RUN_DIR/fifo"
	# ip reports them as iproute2 reports any entry that is not a
	# namespace: the kernel's refusal, twice.
	run --separate-stderr timeout 20 "$NETNSBOX" ip netns list
	assert_not_opened "$RUN_DIR/fifo"
	assert_success
	assert_output "fifo
null
a (id: 1)"
	[ "$stderr" = "$(for i in 1 2 3 4; do echo 'Error: Peer netns reference is invalid.'; done)" ]
}
