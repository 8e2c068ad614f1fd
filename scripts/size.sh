#!/bin/sh
# size.sh [-q]: the size of netnsbox and what makes it up.
#
# First line: the stripped size of ./netnsbox, the build in force, as
# "BYTES netnsbox". Then, for the default configuration (defconfig) and the
# netns-only one (defconfig without CONFIG_IP_LINK and with an empty
# CONFIG_IP_FALLBACK; a symbol this tree lacks is simply not set), each
# built in a copy of the tree under build/size/:
#   - the size as shipped (LTO, gc-sections, stripped, sstrip) against its
#     budget;
#   - unless -q, the bytes each object brings into the file, from the link
#     map of a build without LTO. With LTO the objects are merged before
#     code is generated, so no part of the shipped binary belongs to one
#     source file (and its map names only the LTO partition); without LTO,
#     --gc-sections still drops every unused function and object (each has
#     its section), so the map's input sections tell what each file costs.
#     The sum is a little larger than the LTO build: the difference is
#     printed as what LTO saves.
set -e
cd "$(dirname "$0")/.."
top=$(pwd)
quiet=
[ "$1" != -q ] || quiet=1
DEFAULT_BUDGET=40960 NETNS_ONLY_BUDGET=32768

echo "$(stat -c %s netnsbox) netnsbox"

# breakdown MAP: bytes in the file per object, from a GNU ld map.
breakdown() {
	awk '
	/^Linker script and memory map/ { on = 1; next }
	!on { next }
	# An output section: allocated ones have an address; .bss takes no
	# room in the file.
	/^\.[^ ]+ +0x[0-9a-f]+ +0x[0-9a-f]+/ {
		addr = hex($2)
		out = (addr != 0 && $1 !~ /^\.t?bss/) ? $1 : ""
		next
	}
	/^\.[^ ]+$/ { out = ""; pend_out = $1; next }
	pend_out != "" && /^ +0x[0-9a-f]+ +0x[0-9a-f]+/ {
		addr = hex($1)
		out = (addr != 0 && pend_out !~ /^\.t?bss/) ? pend_out : ""
		pend_out = ""
		next
	}
	{ pend_out = "" }
	out == "" { next }
	/^ \*fill\* +0x/ { add("(alignment padding)", hex($3)); next }
	/^ [^ ]+ +0x[0-9a-f]+ +0x[0-9a-f]+ +[^ ]/ {
		add($4, hex($3)); pend = ""; next
	}
	/^ [^ ]+$/ { pend = $1; next }
	pend != "" && /^ +0x[0-9a-f]+ +0x[0-9a-f]+ +[^ ]/ {
		add($3, hex($2)); pend = ""; next
	}
	{ pend = "" }
	function hex(s,   i, n) {
		s = tolower(s); sub(/^0x/, "", s); n = 0
		for (i = 1; i <= length(s); i++)
			n = n * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
		return n
	}
	function add(file, n) {
		if (file ~ /\/applets\/[^\/]+\.o$/) {
			sub(/.*\/applets\//, "", file); sub(/\.o$/, ".c", file)
			file = "applets/" file
		} else if (file ~ /\/libbb\/[^\/]+\.o$/) {
			sub(/.*\/libbb\//, "", file); sub(/\.o$/, ".c", file)
			file = "libbb/" file
		} else if (file ~ /libc\.a\(/) {
			file = "musl libc.a"
		} else if (file ~ /crt[^\/]*\.o$/) {
			file = "musl start files"
		} else if (file ~ /libgcc/) {
			file = "libgcc"
		} else if (file !~ /^\(/) {
			file = "linker"
		}
		sum[file] += n; total += n
	}
	END {
		for (f in sum)
			printf "%8d  %s\n", sum[f], f | "sort -k2"
		close("sort -k2")
		printf "%8d  sections (without LTO)\n", total
	}' "$1"
}

# measure NAME BUDGET EDIT: build a copy with defconfig changed by the sed
# script EDIT; print its size, budget and breakdown.
measure() {
	d=$top/build/size/$1
	rm -rf "$d"
	mkdir -p "$d"
	tar cf - Makefile Config.in applets libbb scripts | (cd "$d" && tar xf -)
	make -s -C "$d" defconfig >"$d/make.log" 2>&1
	sed -i "$3" "$d/.config"
	make -s -C "$d" olddefconfig >>"$d/make.log" 2>&1
	make -s -C "$d" -j2 >>"$d/make.log" 2>&1 || { cat "$d/make.log" >&2; exit 1; }
	size=$(stat -c %s "$d/netnsbox")
	echo
	if [ "$size" -le "$2" ]; then
		echo "$1: $size bytes stripped, within its budget of $2 bytes" \
			"($(($2 - size)) to spare)"
	else
		echo "$1: $size bytes stripped, OVER its budget of $2 bytes" \
			"(by $((size - $2)))"
	fi
	[ -z "$quiet" ] || return 0
	make -s -C "$d" -j2 B=build-nolto LTO= SSTRIP= \
		LDFLAGS="-Wl,-Map=$d/nolto.map" >>"$d/make.log" 2>&1 ||
		{ cat "$d/make.log" >&2; exit 1; }
	nolto=$(stat -c %s "$d/netnsbox")
	echo "  bytes in the file by object, from the map of a build without LTO:"
	breakdown "$d/nolto.map" | sed 's/^/  /'
	echo "  $nolto bytes: that build stripped, with its ELF and program" \
		"headers and section headers (no sstrip)"
	echo "  $((nolto - size)) bytes: what LTO and sstrip save"
}

measure default $DEFAULT_BUDGET ''
measure netns-only $NETNS_ONLY_BUDGET \
	's/^CONFIG_IP_LINK=y$/# CONFIG_IP_LINK is not set/; s/^CONFIG_IP_FALLBACK=.*/CONFIG_IP_FALLBACK=""/'
