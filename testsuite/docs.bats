#!/usr/bin/env bats
# The man pages and the README against the code: they render cleanly, name
# every applet, show each applet's usage line as the binary prints it, and
# the Korean page keeps step with the English one.

bats_require_minimum_version 1.5.0
load lib

EN=$TOP/docs/netnsbox.1
KO=$TOP/docs/ko/netnsbox.1

# The section titles the tests look for, in each page.
EN_SYNOPSIS=SYNOPSIS EN_APPLETS=APPLETS EN_FILES=FILES EN_EXIT='EXIT STATUS'
KO_SYNOPSIS=개요 KO_APPLETS=애플릿 KO_FILES=파일 KO_EXIT='종료 상태'

setup() {
	command -v groff >/dev/null || fail "groff is not installed (make deps)"
}

# render PAGE: the page as plain UTF-8 text, wide enough that no line of
# the SYNOPSIS wraps: section titles at column 0, subsection titles at 3.
render() {
	groff -Kutf-8 -man -Tutf8 -P-cbou -rLL=200n "$1"
}

# section PAGE TITLE: the lines of section TITLE, without their indent.
section() {
	render "$1" | awk -v t="$2" '
		/^[^ ]/ { on = ($0 == t); next }
		on { sub(/^ +/, ""); print }'
}

# subsections PAGE TITLE: the subsection titles of section TITLE.
subsections() {
	render "$1" | awk -v t="$2" '
		/^[^ ]/ { on = ($0 == t); next }
		on && /^   [^ ]/ { sub(/^ +/, ""); print }'
}

# subsection PAGE NAME: the text of the subsection titled NAME, without
# its indent and without its first line (the usage line).
subsection() {
	render "$1" | awk -v t="$2" '
		/^[^ ]/ || /^   [^ ]/ { on = ($0 == "   " t); first = on; next }
		on && /[^ ]/ && first { first = 0; next }
		on { sub(/^ +/, ""); print }'
}

# flat PAGE: the page's text on one line, blanks squeezed.
flat() {
	render "$1" | tr -s '\n ' '  '
}

# The applet names declared in applets/*.c, configured or not.
declared() {
	sed -n 's|^//applet:[^ ]* \([^ ]*\) .*|\1|p' "$TOP"/applets/*.c | sort
}

# usage_line NAME: the first line of the applet's usage. ip answers --help
# as iproute2 does, so its usage line comes from its declaration.
usage_line() {
	if [ "$1" = ip ]; then
		sed -n 's|^//usage:||p' "$TOP/applets/ip.c" | head -n 1
	else
		"$NETNSBOX" "$1" --help | head -n 1
	fi
}

@test "both pages render with no warnings" {
	for page in "$EN" "$KO"; do
		run groff -Kutf-8 -man -Tutf8 -ww -z "$page"
		assert_success
		assert_output ""
	done
}

@test "every applet name has a subsection of its own in both pages" {
	missing=
	for a in $("$NETNSBOX" --list); do
		subsections "$EN" "$EN_APPLETS" | grep -Fxq -- "$a" || missing="$missing en:$a"
		subsections "$KO" "$KO_APPLETS" | grep -Fxq -- "$a" || missing="$missing ko:$a"
	done
	assert_equal "$missing" ""
}

@test "every subsection of APPLETS is an applet declared in applets/" {
	assert_equal "$(subsections "$EN" "$EN_APPLETS" | sort)" "$(declared)"
	assert_equal "$(subsections "$KO" "$KO_APPLETS" | sort)" "$(declared)"
}

@test "the first line of each applet's --help is a line of the SYNOPSIS" {
	en=$(section "$EN" "$EN_SYNOPSIS")
	ko=$(section "$KO" "$KO_SYNOPSIS")
	[ -n "$en" ] && [ -n "$ko" ]
	missing=
	for a in $("$NETNSBOX" --list); do
		line=$(usage_line "$a")
		[ -n "$line" ]
		grep -Fxq -- "$line" <<<"$en" || missing="$missing
en: $line"
		grep -Fxq -- "$line" <<<"$ko" || missing="$missing
ko: $line"
	done
	assert_equal "$missing" ""
}

@test "the Korean page has the English SYNOPSIS, applets and exit statuses" {
	assert_equal "$(section "$KO" "$KO_SYNOPSIS")" "$(section "$EN" "$EN_SYNOPSIS")"
	assert_equal "$(subsections "$KO" "$KO_APPLETS")" "$(subsections "$EN" "$EN_APPLETS")"
	statuses() { section "$1" "$2" | grep -oE '^[0-9]+( |$)' | tr -d ' '; }
	assert_equal "$(statuses "$KO" "$KO_EXIT")" "$(statuses "$EN" "$EN_EXIT")"
	[ -n "$(statuses "$EN" "$EN_EXIT")" ]
}

@test "every flag of an applet's usage line is described in its subsection" {
	missing=
	for a in $("$NETNSBOX" --list); do
		line=$(usage_line "$a")
		# An alias (netns-del) shows the usage of the applet it names.
		[ "${line%% *}" = "$a" ] || continue
		if [ "$a" = ip ]; then
			flags=$(sed -n 's|^//usage:.*OPTIONS:||p' "$TOP/applets/ip.c" |
				grep -oE -- '-[a-zA-Z]+')
		else
			flags=$(grep -oE -- '\[-[a-zA-Z]' <<<"$line" | tr -d '[')
		fi
		for page in "$EN" "$KO"; do
			text=$(subsection "$page" "$a")
			for f in $flags; do
				grep -Eq -- "(^|[^a-zA-Z-])$f([^a-zA-Z]|$)" <<<"$text" ||
					missing="$missing ${page#"$TOP/"}:$a:$f"
			done
		done
	done
	assert_equal "$missing" ""
}

@test "the pages carry the version that netnsbox and ip -V print" {
	version=$("$NETNSBOX" --help | sed -n '1s/^netnsbox \([^:]*\): .*/\1/p')
	[ -n "$version" ]
	for page in "$EN" "$KO"; do
		run grep -c "^\.TH NETNSBOX 1 [^ ]* \"netnsbox $version\" " "$page"
		assert_output 1
	done
	need_applet ip
	v=$("$NETNSBOX" ip -V)
	[[ $(flat "$EN") == *"$v"* ]]
	[[ $(flat "$KO") == *"$v"* ]]
}

@test "FILES gives the run dir and etc dir defaults of Config.in" {
	for sym in NETNS_RUN_DIR NETNS_ETC_DIR; do
		dir=$(awk -v s="config $sym" '$0 == s { on = 1 }
			on && $1 == "default" { gsub(/"/, "", $2); print $2; exit }' "$TOP/Config.in")
		[ -n "$dir" ]
		section "$EN" "$EN_FILES" | grep -Fxq -- "$dir"
		section "$KO" "$KO_FILES" | grep -Fxq -- "$dir"
		flat "$EN" | grep -Fq "CONFIG_$sym"
		flat "$KO" | grep -Fq "CONFIG_$sym"
	done
}

@test "README mentions every applet and points at the man pages" {
	missing=
	for a in $(declared); do
		grep -Eq -- "(^|[^a-z-])$a([^a-z-]|\$)" "$TOP/README" || missing="$missing $a"
	done
	assert_equal "$missing" ""
	grep -Fq 'man -l docs/netnsbox.1' "$TOP/README"
	grep -Fq 'docs/ko/netnsbox.1' "$TOP/README"
}

@test "README's applet table shows each applet's usage line" {
	missing=
	for a in $("$NETNSBOX" --list); do
		line=$(usage_line "$a")
		# An alias (netns-del) shows the usage of the applet it names.
		[ "${line%% *}" = "$a" ] || continue
		grep -Fq -- "| ${line//|/\\|} |" "$TOP/README" || missing="$missing
$line"
	done
	assert_equal "$missing" ""
}

@test "every JSON member an applet prints is named in its subsection of both pages" {
	missing=
	for f in "$TOP"/applets/netns-*.c; do
		a=$(basename "$f" .c)
		for key in $(grep -oE 'json_(str|int)\("[a-z-]+"' "$f" | sed 's/.*("//; s/"$//' | sort -u); do
			for page in "$EN" "$KO"; do
				subsection "$page" "$a" | grep -Eq -- "(^|[^a-z-])$key([^a-z-]|\$)" ||
					missing="$missing ${page#"$TOP/"}:$a:$key"
			done
		done
	done
	assert_equal "$missing" ""
}

@test "EXIT STATUS lists every status an applet exits with by die or usage_exit" {
	listed=$(section "$EN" "$EN_EXIT" | grep -oE '^[0-9]+( |$)' | tr -d ' ')
	missing=
	for s in $(grep -ohE '(die|usage_exit|usage_of)\([0-9]+' "$TOP"/applets/*.c "$TOP"/libbb/*.c |
		grep -oE '[0-9]+$' | sort -un); do
		grep -qx "$s" <<<"$listed" || missing="$missing $s"
	done
	assert_equal "$missing" ""
}

@test "README names the size budget that build.bats checks and every make target and variable" {
	budget=$(sed -n 's/^SIZE_BUDGET=\([0-9]*\)$/\1/p' "$TOP/testsuite/build.bats")
	[ -n "$budget" ]
	grep -Fq " $budget bytes" "$TOP/README"
	missing=
	for t in $(sed -n 's/^.*@echo .\(Targets\|Configuration\|\) *: *\(.*\).$/\2/p;
		s/^.*@echo .  *\([a-z].*\).$/\1/p' "$TOP/Makefile" | tr -d '()' |
		tr ' ' '\n' | grep -E '^[a-z]+$' | grep -vx default); do
		grep -Eq -- "make $t([^a-z]|\$)" "$TOP/README" || missing="$missing $t"
	done
	for v in $(sed -n 's/^.*@echo .Variables: \(.*\).$/\1/p' "$TOP/Makefile" | tr ' ' '\n' |
		sed 's/=.*//'); do
		grep -Eq -- "(^|[^A-Z_])$v([^A-Z_]|\$)" "$TOP/README" || missing="$missing $v"
	done
	assert_equal "$missing" ""
}

@test "PERFORMANCE.md gives the defaults of make bench" {
	for v in NAMES PROCS RUNS; do
		d=$(sed -n "s/.*$v=\\\${$v:-\\([0-9]*\\)}.*/\\1/p" "$TOP/scripts/bench.sh" | head -n 1)
		[ -n "$d" ]
		grep -Fq "\`$v\` (default $d)" "$TOP/docs/PERFORMANCE.md" || {
			echo "PERFORMANCE.md lacks \`$v\` (default $d)"
			return 1
		}
	done
	grep -Fq 'docs/PERFORMANCE.md' "$TOP/README"
}
