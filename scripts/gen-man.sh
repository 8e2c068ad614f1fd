#!/bin/sh
# gen-man.sh BUILDDIR DATE APPLET.c...
#
# Makes the manual pages, in BUILDDIR/man/man8 from docs/*.8.in and in
# BUILDDIR/man/LANG/man8 from docs/LANG/*.8.in, so that BUILDDIR/man is a
# tree for man -M. A template is a page with these additions:
#   .so inc/FILE          the text of docs[/LANG]/inc/FILE, itself expanded
#   @SYNOPSIS APPLET@     the first //usage: line of APPLET, in roff fonts:
#                         the same text that APPLET --help prints first
#   @CONFIG SYMBOL@       .TP and CONFIG_SYMBOL=DEFAULT, from Config.in and
#                         the //config: entries
#   @CONFIG_HELP SYMBOL@  the help text of SYMBOL in Config.in
#   @APPLETS@             a .TP item per applet page: NAME(8) and the
#                         description of that page's NAME line
#   @SEE_ALSO@            .BR NAME (8), for netnsbox and every applet page
#                         but the page itself
#   @VERSION@ @DATE@      netnsbox's version (libbb/libbb.h), DATE
#   @RUN_DIR@ @ETC_DIR@   the run dir and etc dir of BUILDDIR/config.full
# The page of applet NAME is NAME.8, but that of ip is netnsbox-ip.8, so as
# not to shadow the system's ip(8). A name that an applet file declares
# besides its own (netns-del in netns-delete.c) gets a symbolic link to the
# page of the file (mandoc calls .so aliases fragile). BUILDDIR/man/pages lists the pages of the configured
# applets, for make install. Each file is written only when it changes.
set -e
b=$1 date=$2
shift 2
export LC_ALL=C

die() { echo "gen-man.sh: $*" >&2; exit 1; }

update() {
	if cmp -s "$1.tmp" "$1"; then rm -f "$1.tmp"; else mv "$1.tmp" "$1"; fi
}

cfg=$b/config.full
[ -f "$cfg" ] || die "no $cfg: configure first"
version=$(sed -n 's/^#define NETNSBOX_VERSION "\(.*\)"$/\1/p' libbb/libbb.h)
[ -n "$version" ] || die "no NETNSBOX_VERSION in libbb/libbb.h"
setting() { sed -n "s/^CONFIG_$1=\"\(.*\)\"\$/\1/p" "$cfg"; }
run_dir=$(setting NETNS_RUN_DIR)
etc_dir=$(setting NETNS_ETC_DIR)

# NAME FILE SYMBOL USAGE, one line per declared name.
decl=$b/man/applets
mkdir -p "$b/man"
for f; do
	u=$(sed -n 's|^//usage:||p' "$f" | head -n 1)
	sed -n 's|^//applet:\([^ ]*\) \([^ ]*\) .*|\2 \1|p' "$f" |
	while read -r n sym; do
		echo "$n $(basename "$f" .c) $sym $u"
	done
done | sort >"$decl"

page_of() { if [ "$1" = ip ]; then echo netnsbox-ip; else echo "$1"; fi; }

# Every symbol and its default, "SYMBOL DEFAULT" (bool n when none).
kdefaults() {
	awk '$1 == "config" { if (s != "") print s, d; s = $2; d = "" }
		s != "" && $1 == "bool" && d == "" { d = "n" }
		s != "" && $1 == "string" && d == "" { d = "\"\"" }
		s != "" && $1 == "default" { sub(/^[ \t]*default[ \t]+/, ""); d = $0 }
		END { if (s != "") print s, d }' Config.in "$b/Config.applets"
}
kdefaults >"$b/man/defaults"
# The help text of each symbol of Config.in, on one line: "SYMBOL TEXT".
awk '$1 == "config" { s = $2; h = 0; next }
	s != "" && $1 == "help" { h = 1; printf "%s", s; next }
	h && /^[ \t]/ { sub(/^[ \t]+/, ""); printf " %s", $0; next }
	h { print ""; h = 0; s = "" }
	END { if (h) print "" }' Config.in >"$b/man/help"

# expand SRCDIR TEMPLATE: the page on stdout.
expand() {
	awk -v src="$1" -v version="$version" -v date="$date" \
	    -v run_dir="$run_dir" -v etc_dir="$etc_dir" \
	    -v decl="$decl" -v defaults="$b/man/defaults" -v help="$b/man/help" '
	function roff(s) { gsub(/\\/, "\\e", s); gsub(/-/, "\\-", s); return s }
	# The usage line in fonts: placeholders (capitals) in italics, words
	# and flags in bold, brackets, bars and dots in roman.
	function syn(s,   out, tok) {
		out = ""
		while (s != "") {
			if (match(s, /^-?[A-Za-z0-9_][A-Za-z0-9_-]*/)) {
				tok = substr(s, 1, RLENGTH)
				s = substr(s, RLENGTH + 1)
				if (tok ~ /^[A-Z][A-Z0-9_]*$/)
					out = out "\\fI" roff(tok) "\\fR"
				else
					out = out "\\fB" roff(tok) "\\fR"
			} else {
				out = out roff(substr(s, 1, 1))
				s = substr(s, 2)
			}
		}
		return out
	}
	function usage(name,   line, f, found) {
		while ((getline line < decl) > 0) {
			split(line, f, " ")
			if (f[1] == name) {
				found = substr(line, length(f[1] f[2] f[3]) + 4)
				break
			}
		}
		close(decl)
		if (found == "")
			fail("no applet " name)
		return found
	}
	function kdefault(sym,   line, d) {
		d = ""
		while ((getline line < defaults) > 0)
			if (index(line, sym " ") == 1)
				d = substr(line, length(sym) + 2)
		close(defaults)
		if (d == "")
			fail("no Kconfig symbol " sym)
		return d
	}
	function khelp(sym,   line, d) {
		d = ""
		while ((getline line < help) > 0)
			if (index(line, sym " ") == 1)
				d = substr(line, length(sym) + 2)
		close(help)
		if (d == "")
			fail("no help text for " sym " in Config.in")
		return roff(d)
	}
	# The description in the NAME line of the page of an applet.
	function describe(page,   file, line, d) {
		file = src "/" page ".8.in"
		d = ""
		while ((getline line < file) > 0)
			if (d == "" && line ~ /^[a-z].* \\- /) {
				sub(/^[^ ]* (.* )?\\- /, "", line)
				d = line
			}
		close(file)
		if (d == "")
			fail("no NAME line in " file)
		return d
	}
	function applets(   line, f, seen) {
		while ((getline line < decl) > 0) {
			split(line, f, " ")
			if (f[1] != f[2])
				continue
			page = f[1] == "ip" ? "netnsbox-ip" : f[1]
			print ".TP"
			print ".BR " roff(page) " (8)"
			print describe(page) " (\\fB" roff("CONFIG_" f[3]) "\\fR)"
		}
		close(decl)
	}
	# netnsbox(8) and every applet page but this one, for SEE ALSO.
	function see_also(   line, f, page) {
		if (self != "netnsbox")
			print ".BR netnsbox (8),"
		while ((getline line < decl) > 0) {
			split(line, f, " ")
			page = f[1] == "ip" ? "netnsbox-ip" : f[1]
			if (f[1] == f[2] && page != self)
				print ".BR " roff(page) " (8),"
		}
		close(decl)
	}
	function fail(msg) {
		print "gen-man.sh: " FILENAME ": " msg > "/dev/stderr"
		exit 1
	}
	function include(file,   line) {
		if ((getline line < file) <= 0)
			fail("cannot read " file)
		do
			emit(line)
		while ((getline line < file) > 0)
		close(file)
	}
	function emit(line,   arg) {
		if (line ~ /^\.so inc\//) {
			include(src "/" substr(line, 5))
			return
		}
		if (line ~ /^@SYNOPSIS [^ ]+@$/) {
			arg = substr(line, 11, length(line) - 11)
			print syn(usage(arg))
			return
		}
		if (line ~ /^@CONFIG [A-Z0-9_]+@$/) {
			arg = substr(line, 9, length(line) - 9)
			print ".TP"
			# A list of paths may break after each colon.
			v = roff(kdefault(arg))
			gsub(/:/, ":\\:", v)
			print "\\fB" roff("CONFIG_" arg) "\\fR=" v
			return
		}
		if (line ~ /^@CONFIG_HELP [A-Z0-9_]+@$/) {
			arg = substr(line, 14, length(line) - 14)
			print khelp(arg)
			return
		}
		if (line == "@APPLETS@") {
			applets()
			return
		}
		if (line == "@SEE_ALSO@") {
			see_also()
			return
		}
		gsub(/@VERSION@/, version, line)
		gsub(/@DATE@/, date, line)
		gsub(/@RUN_DIR@/, roff(run_dir), line)
		gsub(/@ETC_DIR@/, roff(etc_dir), line)
		if (line ~ /@[A-Z_]+@|@[A-Z]+ /)
			fail("unknown directive in: " line)
		print line
	}
	BEGIN {
		self = ARGV[1]
		sub(/.*\//, "", self)
		sub(/\.8\.in$/, "", self)
	}
	BEGIN { made = ".\\\" Made by scripts/gen-man.sh from " ARGV[1] ": edit that." }
	# The coding line of a translation must stay the first.
	NR == 1 && /^\x27\\"/ { print; print made; next }
	NR == 1 { print made }
	{ emit($0) }
	' "$2"
}

names=$(awk '{ print $1 " " $2 }' "$decl")
for src in docs docs/*; do
	ls "$src"/*.8.in >/dev/null 2>&1 || continue
	out=$b/man${src#docs}
	mkdir -p "$out/man8"
	for t in "$src"/*.8.in; do
		p=$(basename "$t" .in)
		expand "$src" "$t" >"$out/man8/$p.tmp" || die "$t"
		update "$out/man8/$p"
	done
	echo "$names" | while read -r n f; do
		[ "$n" != "$f" ] || continue
		ln -sfn "$(page_of "$f").8" "$out/man8/$n.8"
	done
done

# The pages of this build: netnsbox's and those of its configured applets.
{
	echo netnsbox.8
	for n in $(cat "$b/applet-names"); do
		echo "$(page_of "$n").8"
	done
} >"$b/man/pages.tmp"
update "$b/man/pages"
