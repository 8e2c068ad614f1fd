#!/bin/sh
# gen-applets.sh MODE BUILDDIR APPLET.c...
#
# Reads the tags of the applet files:
#   //config:LINE          a line of the applet's Kconfig entry
#   //applet:SYMBOL NAME MAIN [own-usage]   one name (an applet may have
#                          aliases); own-usage: the applet prints texts
#                          of its own (ip: iproute2's), so its //usage:
#                          lines are for Kconfig and its page, not the
#                          binary
#   //usage:LINE           usage; the first line is the one-line usage
# and writes, each file only when its contents change:
#   kconfig: BUILDDIR/Config.applets  Kconfig entries, usage as their help
#            BUILDDIR/applets.mk      applets-$(CONFIG_SYMBOL) += FILE
#            BUILDDIR/applet-decl.h   the prototypes of the main functions
#   config:  BUILDDIR/config.mk       the configuration as make variables
#            BUILDDIR/cfg/SYMBOL.h    one header per configuration symbol
#            BUILDDIR/applet-table.h  the sorted table of configured applets
#            BUILDDIR/applet-names    their names, one a line (make install)
set -e
mode=$1 b=$2
shift 2
export LC_ALL=C

die() { echo "gen-applets.sh: $*" >&2; exit 1; }

# update FILE: move FILE.tmp over FILE unless they are the same.
update() {
	if cmp -s "$1.tmp" "$1"; then rm -f "$1.tmp"; else mv "$1.tmp" "$1"; fi
}

# One line per name: NAME SYMBOL MAIN OWN FILE (OWN: own-usage or -),
# sorted by name.
names() {
	for f; do
		sed -n 's|^//applet:||p' "$f" | while read -r sym name fn own; do
			[ -n "$fn" ] || die "$f: bad //applet: line"
			case ${own:--} in
			-|own-usage) ;;
			*) die "$f: bad //applet: line" ;;
			esac
			echo "$name $sym $fn ${own:--} $f"
		done
	done | sort
}

# usage FILE VERBOSE: the usage text as one C string literal.
usage() {
	sed -n 's|^//usage:||p' "$1" | awk -v verbose="$2" '
		{ gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); }
		NR == 1 { s = $0; next }
		verbose { s = s "\\n" $0 }
		END { printf "\"%s\\n\"", s }'
}

mkdir -p "$b/cfg"
case $mode in
kconfig)
	list=$(names "$@")
	dup=$(echo "$list" | awk '{ print $1 }' | uniq -d)
	[ -z "$dup" ] || die "applet name declared twice: $dup"
	for f; do
		grep -q '^//config:config ' "$f" || die "$f: no //config: entry"
		grep -q '^//usage:' "$f" || die "$f: no //usage: text"
		sed -n 's|^//config:||p' "$f"
		printf '\thelp\n'
		sed -n 's|^//usage:||p' "$f" | sed 's/^/\t  /; s/[ \t]*$//'
		echo
	done >"$b/Config.applets.tmp"
	update "$b/Config.applets"
	for f; do
		sym=$(sed -n 's|^//config:config ||p' "$f" | head -n 1)
		echo "applets-\$(CONFIG_$sym) += $f"
	done >"$b/applets.mk.tmp"
	update "$b/applets.mk"
	echo "$list" | awk '{ print "int " $3 "(int argc, char **argv);" }' |
		sort -u >"$b/applet-decl.h.tmp"
	update "$b/applet-decl.h"
	;;
config)
	cfg=$b/config.full
	{
		sed -n 's/^\(CONFIG_[A-Za-z0-9_]*=.*\)/\1/p' "$cfg"
		echo "include $b/applets.mk"
	} >"$b/config.mk.tmp"
	update "$b/config.mk"
	# Every symbol Kconfig knows, set or not.
	sed -n 's/^CONFIG_\([A-Za-z0-9_]*\)=\(.*\)/\1 \2/p
		s/^# CONFIG_\([A-Za-z0-9_]*\) is not set/\1 n/p' "$cfg" |
	while read -r sym val; do
		case $val in
		y) echo "#define ENABLE_$sym 1" ;;
		n) echo "#define ENABLE_$sym 0" ;;
		*) echo "#define CONFIG_$sym $val" ;;
		esac >"$b/cfg/$sym.h.tmp"
		update "$b/cfg/$sym.h"
	done
	names "$@" | while read -r name sym fn own f; do
		grep -q "^CONFIG_$sym=y" "$cfg" && echo "$name"
	done >"$b/applet-names.tmp" || true
	update "$b/applet-names"
	grep -q '^CONFIG_FEATURE_VERBOSE_USAGE=y' "$cfg" && verbose=1 || verbose=0
	names "$@" | while read -r name sym fn own f; do
		grep -q "^CONFIG_$sym=y" "$cfg" || continue
		u='""'
		[ "$own" = own-usage ] || u=$(usage "$f" $verbose)
		printf '\t{ "%s", %s,\n\t  %s },\n' "$name" "$fn" "$u"
	done >"$b/applet-table.h.tmp"
	update "$b/applet-table.h"
	;;
*)
	die "unknown mode $mode"
	;;
esac
