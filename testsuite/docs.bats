#!/usr/bin/env bats
# The manual pages and the README against the code: every page lints clean,
# every applet has its page in each language, the SYNOPSIS is what --help
# prints, every flag, JSON member and exit status is described, and each
# Korean page keeps step with its English one.

bats_require_minimum_version 1.5.0
load lib

MAN=$TOP/build/man

# The English section titles and their Korean translations, in pairs.
TITLES='NAME=이름
SYNOPSIS=개요
DESCRIPTION=설명
OPTIONS=옵션
EXIT STATUS=종료 상태
FILES=파일
DIFFERENCES FROM IPROUTE2=IPROUTE2와 다른 점
EXAMPLES=예시
SEE ALSO=참고
APPLETS=애플릿
THE IP FRONT END=IP 프런트엔드
CONFIGURATION=설정
INSTALLATION=설치'

setup() {
	command -v groff >/dev/null || fail "groff is not installed (make deps)"
	[ -f "$MAN/pages" ] || fail "no pages in $MAN (make man)"
}

# ko TITLE: the Korean title of an English section title.
ko() {
	local t=$(sed -n "s/^$1=//p" <<<"$TITLES")
	[ -n "$t" ] || t="untranslated: $1"
	echo "$t"
}

# page LANG NAME: the path of a page; LANG is en or ko.
page() {
	if [ "$1" = en ]; then echo "$MAN/man8/$2.8"; else echo "$MAN/$1/man8/$2.8"; fi
}

# page_of APPLET: the name of an applet's page.
page_of() {
	if [ "$1" = ip ]; then echo netnsbox-ip; else echo "$1"; fi
}

# render PAGE: the page as plain UTF-8 text, wide enough that no line of
# the SYNOPSIS wraps: section titles at column 0, subsection titles at 3.
render() {
	groff -Kutf-8 -man -Tutf8 -P-cbou -rLL=200n "$1"
}

# titles PAGE: the section titles, in order.
titles() {
	render "$1" | sed -n '2,$p' | grep -E '^[^ ]' | sed '$d'
}

# section PAGE TITLE: the lines of section TITLE, without their indent.
section() {
	render "$1" | awk -v t="$2" '
		/^[^ ]/ { on = ($0 == t); next }
		on { sub(/^ +/, ""); print }'
}

# items PAGE TITLE: the tags of the items (.TP) of section TITLE, read from
# the page's source, in plain text.
items() {
	awk -v t="$2" '
		/^\.SH / { sub(/^\.SH +/, ""); gsub(/"/, ""); on = ($0 == t); next }
		on && tp {
			sub(/^\.[BI]R? /, ""); sub(/^\.[BIR][BIR] /, "")
			gsub(/\\f[BIRP]/, ""); gsub(/\\-/, "-"); gsub(/\\%/, "")
			gsub(/"/, ""); gsub(/  +/, " ")
			print
		}
		{ tp = ($0 == ".TP") }' "$1"
}

# words: the words of the lines of stdin, one a line, without commas.
words() {
	tr ', ' '\n\n' | grep . || true
}

# subsections PAGE: the subsection titles.
subsections() {
	render "$1" | grep -E '^   [^ ]' | sed 's/^ *//'
}

# The applet names declared in applets/*.c, configured or not, and those
# that are an applet's own name (not an alias as netns-del).
declared() {
	sed -n 's|^//applet:[^ ]* \([^ ]*\) .*|\1|p' "$TOP"/applets/*.c | sort
}
own() {
	for f in "$TOP"/applets/*.c; do basename "$f" .c; done | sort
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

# pages LANG: every page of a language but the links.
pages() {
	find "$(dirname "$(page "$1" netnsbox)")" -name '*.8' -type f | sort
}

@test "every page lints clean with mandoc and groff" {
	run sh "$TOP/scripts/lint-man.sh" "$MAN"
	assert_success
	assert_output ""
}

@test "lint-man.sh fails on a page with a warning" {
	mkdir -p "$BATS_TEST_TMPDIR/man8"
	printf '.TH X 8 2020-01-01 x x\n.SH NAME\nx \\- y\n.PP\n.PP\nz\n' >"$BATS_TEST_TMPDIR/man8/x.8"
	run sh "$TOP/scripts/lint-man.sh" "$BATS_TEST_TMPDIR"
	assert_failure
	assert_output --partial "PP empty"
}

@test "every applet has a page in each language, and every page is an applet's or netnsbox's" {
	want=$( (echo netnsbox; for a in $(own); do page_of "$a"; done) | sort)
	for l in en ko; do
		assert_equal "$(pages $l | while read -r p; do basename "$p" .8; done | sort)" "$want"
	done
	for a in $(declared); do
		[ -e "$(page en "$(page_of "$a")")" ] && [ -e "$(page ko "$(page_of "$a")")" ] ||
			fail "no page for $a"
	done
	[ "$(readlink "$(page en netns-del)")" = netns-delete.8 ]
	[ "$(readlink "$(page ko netns-del)")" = netns-delete.8 ]
}

@test "the SYNOPSIS of each applet page is the first line of its --help, in both languages" {
	missing=
	for a in $("$NETNSBOX" --list); do
		line=$(usage_line "$a")
		[ -n "$line" ]
		for l in en ko; do
			t=SYNOPSIS
			[ $l = en ] || t=$(ko SYNOPSIS)
			section "$(page $l "$(page_of "$a")")" "$t" | grep -Fxq -- "$line" ||
				missing="$missing
$l $a: $line"
		done
	done
	assert_equal "$missing" ""
}

@test "netnsbox(8) shows the usage lines of netnsbox --help" {
	syn=$(section "$(page en netnsbox)" SYNOPSIS)
	"$NETNSBOX" --help | sed -n '2,3p' | sed 's/^Usage: //; s/^ *//' |
		sed 's/  or  /\n/; s/ by a link$//' | while read -r line; do
		grep -Fxq -- "$line" <<<"$syn" || fail "not in SYNOPSIS: $line"
	done
}

@test "the generator makes the SYNOPSIS from the declaration: a changed usage line changes it" {
	src=$BATS_TEST_TMPDIR/src
	mkdir -p "$src/build"
	(cd "$TOP" && tar cf - Config.in docs libbb/libbb.h applets scripts/gen-man.sh) |
		(cd "$src" && tar xf -)
	cp "$TOP/build/config.full" "$TOP/build/Config.applets" "$TOP/build/applet-names" "$src/build/"
	sed -i 's|^//usage:netns-add \[-l\] NAME$|//usage:netns-add [-z] NAME|' "$src/applets/netns-add.c"
	(cd "$src" && sh scripts/gen-man.sh build 2000-01-01 applets/*.c)
	run section "$src/build/man/man8/netns-add.8" SYNOPSIS
	assert_output "netns-add [-z] NAME"
	run section "$src/build/man/ko/man8/netns-add.8" "$(ko SYNOPSIS)"
	assert_output "netns-add [-z] NAME"
	echo '@NOSUCH@' >>"$src/docs/netns-add.8.in"
	run sh -c 'cd "$1" && sh scripts/gen-man.sh build 2000-01-01 applets/*.c' sh "$src"
	assert_failure
	assert_output --partial 'unknown directive in: @NOSUCH@'
}

@test "each Korean page has the sections, subsections, SYNOPSIS, options and statuses of its English page" {
	while read -r p; do
		n=$(basename "$p" .8)
		k=$(page ko "$n")
		want=$(titles "$p" | while read -r t; do ko "$t"; done)
		assert_equal "$(titles "$k")" "$want"
		assert_equal "$(subsections "$k" | wc -l)" "$(subsections "$p" | wc -l)"
		assert_equal "$(section "$k" "$(ko SYNOPSIS)")" "$(section "$p" SYNOPSIS)"
		assert_equal "$(items "$k" "$(ko OPTIONS)")" "$(items "$p" OPTIONS)"
		assert_equal "$(items "$k" "$(ko 'EXIT STATUS')")" "$(items "$p" 'EXIT STATUS')"
		assert_equal "$(items "$k" "$(ko APPLETS)")" "$(items "$p" APPLETS)"
		assert_equal "$(items "$k" "$(ko CONFIGURATION)")" "$(items "$p" CONFIGURATION)"
	done < <(pages en)
}

@test "every flag of an applet's usage line is an item under OPTIONS of its page" {
	missing=
	for a in $(own); do
		line=$(usage_line "$a")
		if [ "$a" = ip ]; then
			flags=$(sed -n 's|^//usage:.*OPTIONS:||p' "$TOP/applets/ip.c" |
				grep -oE -- '-[a-zA-Z]+')
		else
			flags=$(grep -oE -- '\[-[a-zA-Z]' <<<"$line" | tr -d '[')
		fi
		opts=$(items "$(page en "$(page_of "$a")")" OPTIONS | words)
		for f in $flags; do
			grep -Fxq -- "$f" <<<"$opts" || missing="$missing $a:$f"
		done
	done
	assert_equal "$missing" ""
}

@test "the pages carry the version that netnsbox and ip -V print" {
	version=$("$NETNSBOX" --help | sed -n '1s/^netnsbox \([^:]*\): .*/\1/p')
	[ -n "$version" ]
	for l in en ko; do
		while read -r p; do
			grep -q "^\.TH [^ ]* 8 [^ ]* \"netnsbox $version\" " "$p" ||
				fail "$p: no .TH with netnsbox $version"
		done < <(pages $l)
	done
	need_applet ip
	v=$("$NETNSBOX" ip -V)
	render "$(page en netnsbox-ip)" | grep -Fq -- "$v"
	render "$(page ko netnsbox-ip)" | grep -Fq -- "$v"
}

@test "FILES gives the run dir and etc dir of this build" {
	for sym in NETNS_RUN_DIR NETNS_ETC_DIR; do
		dir=$(sed -n "s/^CONFIG_$sym=\"\(.*\)\"$/\1/p" "$TOP/build/config.full")
		[ -n "$dir" ]
		section "$(page en netnsbox)" FILES | grep -Fxq -- "$dir"
		section "$(page ko netnsbox)" "$(ko FILES)" | grep -Fxq -- "$dir"
	done
}

@test "netnsbox(8) gives every Kconfig symbol with its default, and every applet's symbol" {
	for l in en ko; do
		p=$(page $l netnsbox)
		t=CONFIGURATION
		[ $l = en ] || t=$(ko CONFIGURATION)
		conf=$(section "$p" "$t")
		for sym in $(sed -n 's/^config //p' "$TOP/Config.in"); do
			d=$(awk -v s="config $sym" '$0 == s { on = 1; next }
				on && $1 == "config" { exit }
				on && $1 == "default" { sub(/^[ \t]*default[ \t]+/, ""); print; exit }' "$TOP/Config.in")
			grep -Fxq -- "CONFIG_$sym=$d" <<<"$conf" || fail "$l: no CONFIG_$sym=$d"
		done
		for sym in $(sed -n 's|^//config:config ||p' "$TOP"/applets/*.c); do
			render "$p" | grep -Fq -- "(CONFIG_$sym)" || fail "$l: no CONFIG_$sym"
		done
	done
}

@test "every JSON member an applet prints is named in its page in both languages" {
	missing=
	for f in "$TOP"/applets/netns-*.c; do
		a=$(basename "$f" .c)
		for key in $(grep -oE 'json_(str|int)\("[a-z-]+"' "$f" | sed 's/.*("//; s/"$//' | sort -u); do
			for l in en ko; do
				render "$(page $l "$a")" | grep -Eq -- "(^|[^a-z-])$key([^a-z-]|\$)" ||
					missing="$missing $l:$a:$key"
			done
		done
	done
	assert_equal "$missing" ""
}

# statuses FILE...: the statuses that die and usage_exit calls exit with.
statuses() {
	grep -ohE '(die|usage_exit|usage_of)\([0-9]+' "$@" | grep -oE '[0-9]+$' | sort -un
}

@test "the EXIT STATUS of each applet page lists the statuses its file exits with" {
	missing=
	for f in "$TOP"/applets/*.c; do
		a=$(basename "$f" .c)
		listed=$(items "$(page en "$(page_of "$a")")" 'EXIT STATUS' | words)
		for s in $(statuses "$f"); do
			grep -qx "$s" <<<"$listed" || missing="$missing $a:$s"
		done
	done
	listed=$(items "$(page en netnsbox)" 'EXIT STATUS' | words)
	for s in $(statuses "$TOP"/applets/*.c "$TOP"/libbb/*.c); do
		grep -qx "$s" <<<"$listed" || missing="$missing netnsbox:$s"
	done
	assert_equal "$missing" ""
}

@test "man finds every page by name in the build tree, in English and in Korean" {
	command -v man >/dev/null || skip "man-db is not installed"
	for a in netnsbox netns-exec netns-del netnsbox-ip; do
		run env MANPAGER=cat MANWIDTH=80 man -M "$MAN" "$a"
		assert_success
		assert_line --partial "SYNOPSIS"
		run env LANG=C.UTF-8 MANPAGER=cat MANWIDTH=80 man -M "$MAN/ko" "$a"
		assert_success
		assert_line --partial "개요"
	done
}

@test "README mentions every applet and points at the man pages" {
	missing=
	for a in $(declared); do
		grep -Eq -- "(^|[^a-z-])$a([^a-z-]|\$)" "$TOP/README" || missing="$missing $a"
	done
	assert_equal "$missing" ""
	grep -Fq 'man -M build/man netnsbox' "$TOP/README"
	grep -Fq 'man -M build/man/ko' "$TOP/README"
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

@test "README names the size budgets that build.bats checks and every make target and variable" {
	for v in DEFAULT_BUDGET NETNS_ONLY_BUDGET ONE_APPLET_BUDGET; do
		budget=$(sed -n "s/^$v=\\([0-9]*\\)\$/\\1/p" "$TOP/testsuite/build.bats")
		[ -n "$budget" ]
		grep -Fq " $budget bytes" "$TOP/README"
		grep -Fq "$budget" "$TOP/scripts/size.sh" || [ $v = ONE_APPLET_BUDGET ]
	done
	missing=
	for t in $(sed -n 's/^.*@echo .\(Targets\|Configuration\|\) *: *\(.*\).$/\2/p;
		s/^.*@echo .  *\([a-z].*\).$/\1/p' "$TOP/Makefile" | tr -d '()' |
		tr ' ' '\n' | grep -E '^[a-z-]+$' | grep -vx default); do
		grep -Eq -- "make $t([^a-z-]|\$)" "$TOP/README" || missing="$missing $t"
	done
	for v in $(sed -n 's/^.*@echo .Variables: \(.*\).$/\1/p' "$TOP/Makefile" | tr ' ' '\n' |
		sed 's/=.*//'); do
		grep -Eq -- "(^|[^A-Z_])$v([^A-Z_]|\$)" "$TOP/README" || missing="$missing $v"
	done
	assert_equal "$missing" ""
}

@test "PERFORMANCE.md gives the defaults of make bench" {
	for v in NAMES PROCS BENCH_ROUNDS BENCH_BATCH_ROUNDS BENCH_SETTLE; do
		d=$(sed -n "s/.*\\\${$v:-\\([0-9]*\\)}.*/\\1/p" "$TOP/scripts/bench.sh" | head -n 1)
		[ -n "$d" ]
		grep -Fq "\`$v\` (default $d)" "$TOP/docs/PERFORMANCE.md" || {
			echo "PERFORMANCE.md lacks \`$v\` (default $d)"
			return 1
		}
	done
	grep -Fq 'docs/PERFORMANCE.md' "$TOP/README"
}

@test "README's initramfs example is the part of testsuite/qemu/init that the boots run" {
	init=$(awk '/^cat <<.EOF.$/ { on = 1; next } /^EOF$/ { on = 0 } on' \
		"$TOP/testsuite/qemu/init")
	readme=$(awk '/testsuite\/qemu\/init that make check-qemu boots/ { on = 1; next }
		on && /^    / { sub(/^    /, ""); print; seen = 1; next }
		on && seen { exit }' "$TOP/README")
	[ -n "$init" ]
	assert_equal "$readme" "$init"
}

@test "every test README's Reliability section names is a test of that file" {
	local text missing= f name n=0
	# The section's text, up to the next title (a line over dashes), on
	# one line: the names may break across lines.
	text=$(awk '{ l[NR] = $0 }
		END {
			for (i = 1; i < NR; i++) {
				t = l[i + 1] ~ /^-+$/
				if (on && t) break
				if (on) print l[i]
				if (t && l[i] == "Reliability") { on = 1; i++ }
			}
		}' "$TOP/README" | tr '\n' ' ' | tr -s ' ')
	[ -n "$text" ] || fail "README has no Reliability section"
	while IFS=$'\t' read -r f name; do
		n=$((n + 1))
		grep -Fqx "@test \"$name\" {" "$TOP/testsuite/$f" ||
			missing="$missing
$f: $name"
	done < <(grep -oE '[a-z-]+\.bats "[^"]+"' <<<"$text" | sed 's/\.bats "/.bats\t/; s/"$//')
	[ "$n" -ge 10 ] || fail "only $n tests named"
	[ -z "$missing" ] || fail "not tests:$missing"
}
