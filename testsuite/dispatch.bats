#!/usr/bin/env bats
# Dispatch by link name or first argument, netnsbox's own options, the
# refusal to run with more privilege than the caller.

bats_require_minimum_version 1.5.0
load lib

ALL_NAMES="ip
netns-add
netns-attach
netns-del
netns-delete
netns-exec
netns-identify
netns-list
netns-list-id
netns-monitor
netns-pids
netns-set"

default_build() {
	for s in IP NETNS_ADD NETNS_ATTACH NETNS_DELETE NETNS_EXEC \
		NETNS_IDENTIFY NETNS_LIST NETNS_LIST_ID NETNS_MONITOR \
		NETNS_PIDS NETNS_SET FEATURE_INSTALLER FEATURE_VERBOSE_USAGE; do
		config_has $s || skip "not the default configuration ($s is off)"
	done
}

@test "--list prints every applet name, sorted, one a line" {
	default_build
	run "$NETNSBOX" --list
	assert_success
	assert_output "$ALL_NAMES"
}

@test "no arguments print the version, usage and applets on stdout" {
	default_build
	run --separate-stderr "$NETNSBOX"
	assert_success
	assert_line --index 0 --regexp '^netnsbox [0-9]+\.[0-9]+\.[0-9]+: '
	assert_line --index 1 'Usage: netnsbox APPLET [ARGS]...  or  APPLET [ARGS]... by a link'
	assert_line --index 3 'Applets:'
	assert_line --index 4 "	$(echo $ALL_NAMES | sed 's/ /, /g')"
	[ -z "$stderr" ]
}

@test "--help prints the same as no arguments" {
	expected=$("$NETNSBOX")
	run "$NETNSBOX" --help
	assert_success
	assert_output "$expected"
}

# full ARG...: netnsbox ARG... with stdout on /dev/full.
full() {
	"$NETNSBOX" "$@" >/dev/full
}

@test "a failed write to stdout is one line on stderr and status 1" {
	[ -c /dev/full ] || skip "no /dev/full"
	for args in "" --help --list; do
		run --separate-stderr full $args
		assert_failure 1
		[ "$stderr" = "netnsbox: write error: No space left on device" ]
	done
	for a in $("$NETNSBOX" --list); do
		[ $a = ip ] && continue
		run --separate-stderr full $a --help
		assert_failure 1
		[ "$stderr" = "$a: write error: No space left on device" ]
	done
	need_applet ip
	# ip -V ends at once, through the way out that dies use.
	run --separate-stderr full ip -V
	assert_failure 1
	[ "$stderr" = "ip: write error: No space left on device" ]
}

@test "an unknown applet is one line on stderr and status 127" {
	run -127 --separate-stderr "$NETNSBOX" netns-frobnicate x
	assert_failure 127
	[ "$stderr" = "netnsbox: applet not found: netns-frobnicate" ]
	[ -z "$output" ]
}

@test "a link of an unknown name falls back to the first argument" {
	ln -s "$NETNSBOX" "$BATS_TEST_TMPDIR/mybox"
	run "$BATS_TEST_TMPDIR/mybox" --list
	assert_success
	assert_output "$("$NETNSBOX" --list)"
	run -127 --separate-stderr "$BATS_TEST_TMPDIR/mybox" nosuch
	assert_failure 127
	[ "$stderr" = "netnsbox: applet not found: nosuch" ]
}

@test "every applet answers --help on stdout with status 0, by link and by argument" {
	for a in $("$NETNSBOX" --list); do
		[ "$a" != ip ] || continue
		run --separate-stderr "$NETNSBOX" "$a" --help
		assert_success
		[ -z "$stderr" ]
		first=${lines[0]}
		case $a in netns-del) [[ $first == netns-delete* ]] ;; *) [[ $first == "$a"* ]] ;; esac
		by_arg=$output
		run --separate-stderr "$BIN/$a" --help
		assert_success
		assert_output "$by_arg"
	done
}

@test "--help shows the full text, or only the usage line without FEATURE_VERBOSE_USAGE" {
	need_applet netns-add
	run "$NETNSBOX" netns-add --help
	assert_success
	if config_has FEATURE_VERBOSE_USAGE; then
		assert_output "netns-add [-l] NAME
Create a namespace bound at RUN_DIR/NAME; a failure leaves nothing.
	-l	bring its loopback up"
	else
		assert_output "netns-add [-l] NAME"
	fi
}

@test "a hard link dispatches by its name" {
	need_applet netns-list
	ln "$NETNSBOX" "$BATS_TEST_TMPDIR/netns-list" 2>/dev/null ||
		cp "$NETNSBOX" "$BATS_TEST_TMPDIR/netns-list"
	run "$BATS_TEST_TMPDIR/netns-list" --help
	assert_success
	assert_line --index 0 'netns-list [-j] [-p]'
}

# install_priv MODE: a copy of netnsbox with MODE on a file system that
# honours setuid, to be run by an ordinary user.
install_priv() {
	priv=$BATS_TEST_TMPDIR/priv
	mkdir -p "$priv"
	mount -t tmpfs -o mode=0755 priv "$priv"
	install -m "$1" "$NETNSBOX" "$priv/netnsbox"
	ln -s netnsbox "$priv/netns-add"
}

as_nobody() {
	setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
}

@test "a setuid-root install refuses to run for an ordinary user" {
	need_sandbox
	install_priv 4755
	run --separate-stderr as_nobody "$priv/netns-add" evil
	assert_failure 1
	[ "$stderr" = "netnsbox: refusing to run with more privilege than its caller (setuid, setgid or file capabilities)" ]
	[ ! -e "$RUN_DIR/evil" ]
	run as_nobody "$priv/netnsbox" --list
	assert_failure 1
}

@test "a setgid install refuses to run for an ordinary user" {
	need_sandbox
	install_priv 0755
	chgrp 0 "$priv/netnsbox"
	chmod 2755 "$priv/netnsbox"
	run --separate-stderr as_nobody "$priv/netnsbox" --list
	assert_failure 1
	[ "$stderr" = "netnsbox: refusing to run with more privilege than its caller (setuid, setgid or file capabilities)" ]
}

@test "an install with file capabilities refuses to run for an ordinary user" {
	need_sandbox
	command -v setcap >/dev/null || skip "setcap is not installed"
	install_priv 0755
	setcap cap_sys_admin+ep "$priv/netnsbox" || skip "file capabilities unsupported here"
	run --separate-stderr as_nobody "$priv/netns-add" evil
	assert_failure 1
	[ "$stderr" = "netnsbox: refusing to run with more privilege than its caller (setuid, setgid or file capabilities)" ]
	[ ! -e "$RUN_DIR/evil" ]
}

@test "the same copy without privilege runs for an ordinary user" {
	need_sandbox
	install_priv 0755
	run as_nobody "$priv/netnsbox" --list
	assert_success
	assert_output "$("$NETNSBOX" --list)"
}

@test "--install -s makes a symbolic link for every applet" {
	config_has FEATURE_INSTALLER || skip "FEATURE_INSTALLER is off"
	d=$BATS_TEST_TMPDIR/sbin
	mkdir "$d"
	run "$NETNSBOX" --install -s "$d"
	assert_success
	assert_output ""
	[ "$(ls "$d")" = "$("$NETNSBOX" --list)" ]
	for a in $("$NETNSBOX" --list); do
		[ -L "$d/$a" ]
		[ "$(readlink "$d/$a")" = "$(readlink -f "$NETNSBOX")" ]
	done
}

@test "--install makes hard links and can be run again over its own links" {
	config_has FEATURE_INSTALLER || skip "FEATURE_INSTALLER is off"
	d=$(dirname "$NETNSBOX")/build/install-test
	rm -rf "$d"; mkdir -p "$d"
	run "$NETNSBOX" --install "$d"
	assert_success
	for a in $("$NETNSBOX" --list); do
		[ ! -L "$d/$a" ]
		[ "$d/$a" -ef "$NETNSBOX" ]
	done
	run "$NETNSBOX" --install "$d"
	assert_success
	run "$NETNSBOX" --install -s "$d"
	assert_success
	[ -L "$d/netns-list" ] || [ "$("$NETNSBOX" --list | grep -c netns-list)" = 0 ]
	rm -rf "$d"
}

@test "--install refuses to replace a file that is not netnsbox, and changes nothing" {
	config_has FEATURE_INSTALLER || skip "FEATURE_INSTALLER is off"
	need_applet netns-list
	d=$BATS_TEST_TMPDIR/sbin
	mkdir "$d"
	echo 'precious' >"$d/netns-list"
	ln -s /bin/true "$d/netns-add"
	run --separate-stderr "$NETNSBOX" --install -s "$d"
	assert_failure 1
	[ "$stderr" = "netnsbox: $d/netns-add exists and is not a link to netnsbox" ] ||
		[ "$stderr" = "netnsbox: $d/netns-list exists and is not a link to netnsbox" ]
	[ "$(cat "$d/netns-list")" = precious ]
	[ "$(readlink "$d/netns-add")" = /bin/true ]
	[ "$(ls "$d" | wc -l)" = 2 ]
}

# long_path LEN: a folder made under the test's folder whose path is LEN
# bytes long, printed.
long_path() {
	local d=$BATS_TEST_TMPDIR/long k
	while [ $(( $1 - ${#d} )) -gt 200 ]; do
		d=$d/$(printf 'd%.0s' $(seq 199))
	done
	k=$(( $1 - ${#d} - 1 ))
	d=$d/$(printf 'e%.0s' $(seq $k))
	mkdir -p "$d"
	echo "$d"
}

@test "--install refuses a DIR whose links' paths do not fit, and changes nothing" {
	config_has FEATURE_INSTALLER || skip "FEATURE_INSTALLER is off"
	# DIR/netns-add is 4095 bytes, DIR/netns-attach would be cut to
	# DIR/netns-att; the first name that does not fit is reported.
	d=$(long_path 4085)
	[ ${#d} = 4085 ]
	first=$("$NETNSBOX" --list | awk -v l=${#d} 'l + 1 + length($0) > 4095 { print; exit }')
	[ -n "$first" ] || skip "no applet name is long enough"
	for s in "" -s; do
		run --separate-stderr "$NETNSBOX" --install $s "$d"
		assert_failure 1
		assert_output ""
		[ "$stderr" = "netnsbox: cannot link $d/$first: File name too long" ]
		[ -z "$(ls -A "$d")" ]
	done
	# A DIR over PATH_MAX, which a cut would turn into one of its
	# ancestors: here DIR/ip becomes $p/su.
	p=$(long_path 4000)
	d=$p$(printf '/.%.0s' $(seq 46))/subdir
	[ ${#d} -gt 4095 ]
	run --separate-stderr "$NETNSBOX" --install "$d"
	assert_failure 1
	[ "$stderr" = "netnsbox: cannot link $d/$("$NETNSBOX" --list | head -n 1): File name too long" ]
	[ -z "$(ls -A "$p")" ]
}

@test "--install with a missing folder or no folder fails with a message" {
	config_has FEATURE_INSTALLER || skip "FEATURE_INSTALLER is off"
	run --separate-stderr "$NETNSBOX" --install -s "$BATS_TEST_TMPDIR/nosuch"
	assert_failure 1
	[[ "$stderr" == "netnsbox: cannot link $BATS_TEST_TMPDIR/nosuch/"*": No such file or directory" ]]
	run --separate-stderr "$NETNSBOX" --install
	assert_failure 1
	[ "$stderr" = "Usage: netnsbox --install [-s] DIR" ]
}
