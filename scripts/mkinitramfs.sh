#!/bin/sh
# mkinitramfs.sh OUT BUSYBOX NETNSBOX INIT [KROOT MODULE...]: write OUT, a
# gzip'd newc cpio initramfs holding
#   - BUSYBOX (a static busybox) as /bin/busybox, with a link for each of
#     its applets where it says it belongs (busybox --list-full);
#   - NETNSBOX as /bin/netnsbox, with a link /bin/NAME for each of its
#     applets (netnsbox --list); a busybox link of the same name anywhere
#     is removed, so that the system's only ip is netnsbox's;
#   - INIT as /init;
#   - each MODULE (a kernel module name such as veth) of the kernel unpacked
#     at KROOT (its lib/modules/VERSION), with the modules it depends on and
#     a modules.dep for them, so that busybox's modprobe loads them;
#   - the directories a system mounts on and a /dev/console node.
# Nothing else comes from this machine. Every file is owned by root and
# dated 1970, so the archive depends only on its inputs. BUSYBOX and
# NETNSBOX are run to list their applets: when they are built for another
# machine, set RUN to the command that runs them (qemu-aarch64-static).
set -e
export LC_ALL=C
die() {
	echo "mkinitramfs.sh: $*" >&2
	exit 1
}
[ $# -ge 4 ] ||
	{ echo "usage: mkinitramfs.sh OUT BUSYBOX NETNSBOX INIT [KROOT MODULE...]" >&2; exit 1; }
out=$1 busybox=$2 netnsbox=$3 init=$4
shift 4
kroot=${1-}
[ $# -eq 0 ] || shift
root=$out.root
rm -rf "$root"
mkdir -p "$root"
for d in bin sbin usr/bin usr/sbin dev proc sys run tmp etc root var \
    lib/modules; do
	mkdir -p "$root/$d"
done
chmod 1777 "$root/tmp"

# Links are relative, so that they hold in the archive.
up() {
	echo "$1" | sed 's|[^/]*/|../|g; s|[^/]*$||'
}
cp "$busybox" "$root/bin/busybox"
chmod 0755 "$root/bin/busybox"
$RUN "$busybox" --list-full >"$root.bb"
while read -r p; do
	case $p in
	''|bin/busybox) continue ;;
	esac
	case $p in
	bin/*) to=busybox ;;
	*) to=$(up "$p")bin/busybox ;;
	esac
	mkdir -p "$root/$(dirname "$p")"
	ln -s "$to" "$root/$p"
done <"$root.bb"

cp "$netnsbox" "$root/bin/netnsbox"
chmod 0755 "$root/bin/netnsbox"
$RUN "$netnsbox" --list >"$root.names"
while read -r a; do
	for d in bin sbin usr/bin usr/sbin; do
		[ ! -L "$root/$d/$a" ] || rm "$root/$d/$a"
	done
	ln -s netnsbox "$root/bin/$a"
done <"$root.names"
rm -f "$root.bb" "$root.names"
cp "$init" "$root/init"
chmod 0755 "$root/init"

# A module's dependencies are named in its .modinfo section
# ("depends=a,b"); the package has no modules.dep (depmod writes it when the
# kernel is installed), so one is written for the modules taken.
if [ -n "$kroot" ]; then
	mods=$(echo "$kroot"/lib/modules/*)
	[ -d "$mods" ] || die "no single lib/modules/VERSION in $kroot"
	ver=${mods##*/}
	find_mod() {
		f=$(cd "$mods" && find kernel -name "$1.ko*" -o \
			-name "$(echo "$1" | tr _ -).ko*" | head -n 1)
		[ -n "$f" ] || die "module $1 not found in $mods"
		echo "$f"
	}
	deps_of() {
		tr '\0' '\n' <"$mods/$1" | sed -n 's/^depends=//p' | tr , ' '
	}
	# The modules a module needs, each once, those it needs first, and
	# the module last.
	# (Positional parameters, not a variable: each call has its own.)
	closure() {
		while [ $# -gt 0 ]; do
			case " $seen " in
			*" $1 "*) ;;
			*)
				seen="$seen $1"
				closure $(deps_of "$(find_mod "$1")")
				find_mod "$1"
				;;
			esac
			shift
		done
	}
	for m; do
		find_mod "$m" >/dev/null
	done
	all=$(seen=; closure "$@")
	: >"$root.dep"
	for f in $all; do
		mkdir -p "$root/lib/modules/$ver/$(dirname "$f")"
		cp "$mods/$f" "$root/lib/modules/$ver/$f"
		# modules.dep: the module, then what it needs, the first
		# needed last (modprobe loads the list from its end).
		(seen=; closure $(deps_of "$f")) | sed '1!G;h;$!d' |
			awk -v f="$f" 'BEGIN { printf "%s:", f }
				{ printf " %s", $0 } END { print "" }' >>"$root.dep"
	done
	sort -u "$root.dep" >"$root/lib/modules/$ver/modules.dep"
	rm -f "$root.dep"
fi

# /dev/console must be in the archive: the kernel opens it for /init before
# anything can mount devtmpfs. A device node cannot be made without root, so
# its cpio entry is written here (newc: magic, 13 hexadecimal fields, the
# name with its NUL, padded to 4 bytes), after cpio's own archive, which the
# kernel reads on from.
newc() {
	# name mode rdevmajor rdevminor
	printf '070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%s\0' \
		0 "$2" 0 0 1 0 0 0 0 "$3" "$4" $((${#1} + 1)) 0 "$1"
	printf '%*s' $(((4 - (110 + ${#1} + 1) % 4) % 4)) '' | tr ' ' '\0'
}
find "$root" -exec touch -h -d @0 {} +
{
	(cd "$root" && find . ! -name . | sed 's|^\./||' | sort |
		cpio -o -H newc --owner=0:0 --reproducible --quiet)
	newc dev/console $((0020600)) 5 1
	newc TRAILER!!! 0 0 0
} | gzip -9n >"$out"
