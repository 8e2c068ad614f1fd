#!/usr/bin/env bats
# Installation: make install, install-hardlinks and uninstall into a
# temporary DESTDIR, and the one rule of both installers (netnsbox(8),
# INSTALLATION), checked case by case for netnsbox --install and for
# scripts/install.sh alike.

bats_require_minimum_version 1.5.0
load lib

setup() {
	d=$BATS_TEST_TMPDIR/stage
	mkdir -p "$d"
}

# mk PREFIX: make install ... DESTDIR=$d PREFIX=PREFIX, quietly.
mk() {
	make -s -C "$TOP" "$1" DESTDIR="$d" PREFIX=/usr/local
}

# The rule, case by case: what is at DIR/NAME before the install, and
# whether the installer may replace it. SELF is the binary the installer
# counts as itself.
# put KIND PATH SELF
put() {
	case $1 in
	symlink-self) ln -s "$3" "$2" ;;
	hardlink-self) ln "$3" "$2" ;;
	file) echo precious >"$2" ;;
	symlink-other) ln -s /bin/true "$2" ;;
	symlink-dangling) ln -s nosuch "$2" ;;
	folder) mkdir "$2" ;;
	esac
}
ALLOWED="symlink-self hardlink-self"
REFUSED="file symlink-other symlink-dangling folder"

# state DIR: a listing of DIR that shows every change.
state() {
	(cd "$1" && find . -printf '%p %y %l\n' | sort)
}

# run_installer WHICH DIR: netnsbox's --install, or scripts/install.sh.
run_installer() {
	if [ "$1" = binary ]; then
		"$d/bin/netnsbox" --install -s "$2"
	else
		(cd "$TOP" && sh scripts/install.sh symlinks "$2" "$d/man" build)
	fi
}

# self WHICH DIR: the file that the installer counts as itself.
self() {
	if [ "$1" = binary ]; then echo "$d/bin/netnsbox"; else echo "$2/netnsbox"; fi
}

check_rule() {
	local which=$1 kind dir name
	name=$(head -n 1 "$TOP/build/applet-names")
	[ -n "$name" ] || skip "no applet configured"
	mkdir -p "$d/bin"
	cp "$NETNSBOX" "$d/bin/netnsbox"
	for kind in $ALLOWED $REFUSED; do
		dir=$d/$which-$kind
		mkdir -p "$dir"
		[ "$which" = binary ] || cp "$NETNSBOX" "$dir/netnsbox"
		put "$kind" "$dir/$name" "$(self "$which" "$dir")"
		before=$(state "$dir")
		run --separate-stderr run_installer "$which" "$dir"
		case " $ALLOWED " in
		*" $kind "*)
			[ "$status" = 0 ] || fail "$which $kind: status $status: $stderr"
			[ "$dir/$name" -ef "$(self "$which" "$dir")" ] || fail "$which $kind: not linked"
			;;
		*)
			[ "$status" = 1 ] || fail "$which $kind: status $status"
			case $stderr in
			*"$dir/$name exists and is not a link to netnsbox") ;;
			*) fail "$which $kind: message: $stderr" ;;
			esac
			[ "$(state "$dir")" = "$before" ] || fail "$which $kind: changed $dir"
			;;
		esac
	done
}

@test "netnsbox --install follows the rule of netnsbox(8), case by case" {
	config_has FEATURE_INSTALLER || skip "FEATURE_INSTALLER is off"
	check_rule binary
}

@test "scripts/install.sh follows the same rule, case by case" {
	check_rule script
}

@test "make install: the binary in PREFIX/sbin, a relative link per applet, the pages in both languages" {
	run mk install
	assert_success
	assert_output ""
	sbin=$d/usr/local/sbin
	[ -x "$sbin/netnsbox" ] && [ ! -L "$sbin/netnsbox" ]
	cmp "$sbin/netnsbox" "$NETNSBOX"
	[ "$(ls "$sbin" | grep -vx netnsbox)" = "$(cat "$TOP/build/applet-names")" ]
	for a in $(cat "$TOP/build/applet-names"); do
		[ "$(readlink "$sbin/$a")" = netnsbox ] || fail "$a"
	done
	run "$sbin/netns-add" --help
	assert_line --index 0 "netns-add [-l] NAME"
	for l in "" /ko; do
		[ "$(cd "$d/usr/local/share/man$l/man8" && ls)" = "$(cd "$TOP/build/man$l/man8" && ls)" ]
	done
	[ "$(readlink "$d/usr/local/share/man/man8/netns-del.8")" = netns-delete.8 ]
	run mk install
	assert_success
}

@test "man finds the installed pages, in English and in Korean" {
	command -v man >/dev/null || skip "man-db is not installed"
	mk install
	run env MANPAGER=cat MANWIDTH=80 man -M "$d/usr/local/share/man" netns-exec
	assert_success
	assert_line --regexp '^NETNS-EXEC\(8\) +System Administration +NETNS-EXEC\(8\)$'
	assert_line --partial "$("$NETNSBOX" netns-exec --help | head -n 1)"
	run env LANG=C.UTF-8 MANPAGER=cat MANWIDTH=80 man -M "$d/usr/local/share/man/ko" netns-exec
	assert_success
	assert_line --regexp '^NETNS-EXEC\(8\) +시스템 관리 +NETNS-EXEC\(8\)$'
	assert_line "개요"
	run env MANPAGER=cat MANWIDTH=80 man -M "$d/usr/local/share/man" netns-del
	assert_success
	assert_line --partial "netns-delete, netns-del"
}

@test "make install-hardlinks makes hard links, also over an install with symbolic links" {
	mk install
	run mk install-hardlinks
	assert_success
	sbin=$d/usr/local/sbin
	for a in $(cat "$TOP/build/applet-names"); do
		[ ! -L "$sbin/$a" ] && [ "$sbin/$a" -ef "$sbin/netnsbox" ] || fail "$a"
	done
	run mk install
	assert_success
	[ -L "$sbin/$(head -n 1 "$TOP/build/applet-names")" ]
}

@test "make install refuses to replace another program or page, and changes nothing" {
	mkdir -p "$d/usr/local/sbin" "$d/usr/local/share/man/man8"
	echo 'not netnsbox' >"$d/usr/local/sbin/ip"
	before=$(state "$d")
	run mk install
	assert_failure
	assert_output --partial "install.sh: $d/usr/local/sbin/ip exists and is not a link to netnsbox"
	[ "$(state "$d")" = "$before" ]
	rm "$d/usr/local/sbin/ip"
	echo '.TH NETNS-ADD 8 2000-01-01 "other 1" x' >"$d/usr/local/share/man/man8/netns-add.8"
	before=$(state "$d")
	run mk install
	assert_failure
	assert_output --partial "install.sh: $d/usr/local/share/man/man8/netns-add.8 exists and is not a page of netnsbox"
	[ "$(state "$d")" = "$before" ]
}

@test "make uninstall removes exactly what make install made" {
	mkdir -p "$d/usr/local/sbin" "$d/usr/local/share/man/man8"
	echo other >"$d/usr/local/sbin/other"
	echo '.TH IP 8' >"$d/usr/local/share/man/man8/ip.8"
	before=$(find "$d" ! -type d | sort)
	mk install
	[ "$(find "$d" ! -type d | sort)" != "$before" ]
	run mk uninstall
	assert_success
	assert_equal "$(find "$d" ! -type d | sort)" "$before"
	run mk uninstall
	assert_success
}

@test "make uninstall leaves a file of an applet's name that is not netnsbox" {
	mk install
	rm "$d/usr/local/sbin/netns-list"
	echo mine >"$d/usr/local/sbin/netns-list"
	mk uninstall
	[ "$(cat "$d/usr/local/sbin/netns-list")" = mine ]
	[ ! -e "$d/usr/local/sbin/netnsbox" ]
}

@test "SBINDIR and MANDIR move the binary and the pages" {
	run make -s -C "$TOP" install DESTDIR="$d" SBINDIR=/bin MANDIR=/usr/man
	assert_success
	[ -x "$d/bin/netnsbox" ] && [ -f "$d/usr/man/man8/netnsbox.8" ] && [ -f "$d/usr/man/ko/man8/netnsbox.8" ]
}
