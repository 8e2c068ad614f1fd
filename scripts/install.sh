#!/bin/sh
# install.sh symlinks|hardlinks|uninstall SBINDIR MANDIR BUILDDIR
#
# make install, install-hardlinks and uninstall. Installs ./netnsbox as
# SBINDIR/netnsbox with a link SBINDIR/NAME for every applet name in
# BUILDDIR/applet-names (relative symbolic links, or hard links), and the
# pages of BUILDDIR/man/pages from BUILDDIR/man/man8 to MANDIR/man8 and from
# BUILDDIR/man/LANG/man8 to MANDIR/LANG/man8. The binary is never run: it
# may be built for another machine.
#
# The rule, the same as netnsbox --install's (see netnsbox(8)): a name that
# exists is replaced only when it already is this netnsbox, a hard link to
# SBINDIR/netnsbox or a symbolic link that leads to it; anything else stops
# the install before anything is changed. Pages follow it too: an existing
# page is replaced only when it is netnsbox's. uninstall removes exactly
# those files that are netnsbox's: the links that lead to SBINDIR/netnsbox,
# the binary, and the pages of netnsbox; it leaves the folders.
set -e
mode=$1 sbin=$2 man=$3 b=$4
[ $# = 4 ] || { echo "usage: install.sh symlinks|hardlinks|uninstall SBINDIR MANDIR BUILDDIR" >&2; exit 2; }
case $mode in symlinks|hardlinks|uninstall) ;; *) echo "install.sh: unknown mode $mode" >&2; exit 2 ;; esac
bin=$sbin/netnsbox

die() { echo "install.sh: $*" >&2; exit 1; }

# ours NAME: SBINDIR/NAME is this netnsbox already.
ours() { [ -e "$bin" ] && [ "$sbin/$1" -ef "$bin" ]; }

# exists PATH: there is a file, a folder or a link (dangling or not).
exists() { [ -e "$1" ] || [ -L "$1" ]; }

# page_ours PATH: PATH is a page that netnsbox installed, or a link to one
# of them.
page_ours() {
	if [ -L "$1" ]; then
		case $(readlink "$1") in netns-*.8|netnsbox*.8) return 0 ;; esac
		return 1
	fi
	[ -f "$1" ] && grep -q '^\.TH [^ ]* 8 [^ ]* "netnsbox ' "$1"
}

# The pages, as "SOURCE TARGET": each of BUILDDIR/man/pages in every
# language, and the links (netns-del.8) that lead to one of them.
pages() {
	for src in "$b/man" "$b"/man/*/; do
		src=${src%/}
		[ -d "$src/man8" ] || continue
		lang=${src#"$b/man"}
		for p in $(cat "$b/man/pages"); do
			echo "$src/man8/$p $man$lang/man8/$p"
		done
		for l in "$src"/man8/*.8; do
			[ -L "$l" ] || continue
			grep -qx "$(readlink "$l")" "$b/man/pages" &&
				echo "$l $man$lang/man8/$(basename "$l")"
		done
	done
}

names=$(cat "$b/applet-names")

if [ "$mode" = uninstall ]; then
	# Every name an applet file declares, so that a link of an applet
	# configured out since the install goes too.
	for n in $(awk '{ print $1 }' "$b/man/applets"); do
		! ours "$n" || rm -f "$sbin/$n"
	done
	rm -f "$bin"
	for p in "$b"/man/man8/* "$b"/man/*/man8/*; do
		t=$man${p#"$b/man"}
		! page_ours "$t" || rm -f "$t"
	done
	exit 0
fi

[ -f netnsbox ] || die "no ./netnsbox: run make first"
[ ! -d "$bin" ] || die "$bin is a folder"
# Check everything before changing anything.
for n in $names; do
	! exists "$sbin/$n" || ours "$n" ||
		die "$sbin/$n exists and is not a link to netnsbox"
done
pages | while read -r src t; do
	! exists "$t" || page_ours "$t" ||
		die "$t exists and is not a page of netnsbox"
done

mkdir -p "$sbin"
# A new file moved into place, so that a running netnsbox is not changed
# under its feet; old hard links keep the old binary until replaced below.
cp netnsbox "$bin.new"
chmod 0755 "$bin.new"
mv -f "$bin.new" "$bin"
for n in $names; do
	if [ "$mode" = symlinks ]; then
		ln -sfn netnsbox "$sbin/$n"
	else
		rm -f "$sbin/$n"
		ln "$bin" "$sbin/$n"
	fi
done
pages | while read -r src t; do
	mkdir -p "$(dirname "$t")"
	rm -f "$t"
	if [ -L "$src" ]; then
		ln -s "$(readlink "$src")" "$t"
	else
		cp "$src" "$t"
		chmod 0644 "$t"
	fi
done
