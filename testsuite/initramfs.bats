#!/usr/bin/env bats
# The QEMU boot's parts that run on this machine: the initramfs builder
# (scripts/mkinitramfs.sh), the verdict on a serial log
# (testsuite/qemu/judge.sh) and the harness's skips (testsuite/qemu/run.sh).
# The boots themselves are make check-qemu.

bats_require_minimum_version 1.5.0
load lib

MK=$TOP/scripts/mkinitramfs.sh
JUDGE=$TOP/testsuite/qemu/judge.sh

need_busybox() {
	BUSYBOX=$(command -v busybox) || skip "busybox is not installed (make deps)"
	command -v cpio >/dev/null || skip "cpio is not installed (make deps)"
	command -v python3 >/dev/null || skip "python3 is not installed (make deps)"
}

# entries ARCHIVE: every entry of the gzip'd newc archive, concatenated
# archives too, one a line: mode (octal), uid, gid, device (major,minor),
# name, and a link's target.
entries() {
	python3 - "$1" <<'EOF'
import gzip, stat, sys
data = gzip.open(sys.argv[1]).read()
i = 0
while i < len(data):
    if data[i] == 0:
        i += 1
        continue
    assert data[i:i + 6] == b"070701", "bad magic at %d" % i
    f = [int(data[i + 6 + 8 * k:i + 14 + 8 * k], 16) for k in range(13)]
    mode, uid, gid, size, rmaj, rmin, nsz = (f[1], f[2], f[3], f[6],
                                              f[9], f[10], f[11])
    name = data[i + 110:i + 110 + nsz - 1].decode()
    i = (i + 110 + nsz + 3) & ~3
    body = data[i:i + size]
    i = (i + size + 3) & ~3
    if name == "TRAILER!!!":
        continue
    line = "%o %d %d %d,%d %s" % (mode, uid, gid, rmaj, rmin, name)
    if stat.S_ISLNK(mode):
        line += " -> " + body.decode()
    print(line)
EOF
}

# An init, and a kernel tree whose veth needs b-dep (named b_dep, as the
# kernel names modules), which needs c; d is needed by nothing.
setup() {
	D=$BATS_TEST_TMPDIR
	printf '#!/bin/sh\necho hello\n' >"$D/init"
	m=$D/kernel/lib/modules/1.0-test/kernel
	mkdir -p "$m/net" "$m/b" "$m/c" "$m/d"
	printf 'code\0name=veth\0depends=b_dep\0vermagic=1.0\0' >"$m/net/veth.ko"
	printf 'code\0name=b_dep\0depends=c\0' >"$m/b/b-dep.ko"
	printf 'code\0name=c\0depends=\0' >"$m/c/c.ko"
	printf 'code\0name=d\0depends=\0' >"$m/d/d.ko"
}

@test "mkinitramfs: busybox and netnsbox with their links, /init and /dev/console, all root's" {
	need_busybox
	run sh "$MK" "$D/i.gz" "$BUSYBOX" "$NETNSBOX" "$D/init"
	assert_success
	assert_output ""
	entries "$D/i.gz" >"$D/list"
	grep -Fx '100755 0 0 0,0 init' "$D/list"
	grep -Fx '100755 0 0 0,0 bin/busybox' "$D/list"
	grep -Fx '100755 0 0 0,0 bin/netnsbox' "$D/list"
	grep -Fx '20600 0 0 5,1 dev/console' "$D/list"
	grep -Fx '120777 0 0 0,0 bin/sh -> busybox' "$D/list"
	grep -Fx '120777 0 0 0,0 usr/sbin/httpd -> ../../bin/busybox' "$D/list"
	for a in $("$NETNSBOX" --list); do
		grep -Fx "120777 0 0 0,0 bin/$a -> netnsbox" "$D/list"
	done
	for d in dev proc sys run etc; do
		grep -Fx "40755 0 0 0,0 $d" "$D/list"
	done
	grep -Fx '41777 0 0 0,0 tmp' "$D/list"
	# Only what was asked for: no module, nothing owned by anyone else.
	run grep -c -v -e ' 0 0 ' "$D/list"
	assert_output 0
	run grep -c 'lib/modules/.' "$D/list"
	assert_output 0
}

@test "mkinitramfs: made by an ordinary user, every file is still root's" {
	need_busybox
	[ "$(id -u)" = 0 ] || skip "needs root to be another user"
	command -v setpriv >/dev/null || skip "setpriv is not installed (make deps)"
	u=$(mktemp -d "$TOP/build/initramfs-test.XXXXXX")
	cp -R "$D/init" "$D/kernel" "$u/"
	chmod -R a+rwX "$u"
	run setpriv --reuid=65534 --regid=65534 --clear-groups \
		sh "$MK" "$u/i.gz" "$BUSYBOX" "$NETNSBOX" "$u/init" "$u/kernel" veth
	entries "$u/i.gz" >"$D/list"
	rm -rf "$u"
	assert_success
	grep -Fx '20600 0 0 5,1 dev/console' "$D/list"
	grep -Fx '100644 0 0 0,0 lib/modules/1.0-test/kernel/net/veth.ko' "$D/list"
	run grep -c -v -e ' 0 0 ' "$D/list"
	assert_output 0
}

@test "mkinitramfs: netnsbox's ip is the only ip, and /init is the given file" {
	need_busybox
	"$NETNSBOX" --list | grep -qx ip || skip "applet ip is not configured"
	sh "$MK" "$D/i.gz" "$BUSYBOX" "$NETNSBOX" "$D/init"
	mkdir "$D/x"
	(cd "$D/x" && gzip -dc ../i.gz | cpio -i --quiet init)
	cmp "$D/x/init" "$D/init"
	entries "$D/i.gz" | grep -E ' (s?bin|usr/s?bin)/ip( |$)' >"$D/ips"
	assert_equal "$(cat "$D/ips")" "120777 0 0 0,0 bin/ip -> netnsbox"
}

@test "mkinitramfs: a module comes with those it needs and a modules.dep" {
	need_busybox
	run sh "$MK" "$D/i.gz" "$BUSYBOX" "$NETNSBOX" "$D/init" "$D/kernel" veth
	assert_success
	entries "$D/i.gz" | sed -n 's|^100644 0 0 0,0 lib/modules/||p' >"$D/mods"
	assert_equal "$(cat "$D/mods")" "1.0-test/kernel/b/b-dep.ko
1.0-test/kernel/c/c.ko
1.0-test/kernel/net/veth.ko
1.0-test/modules.dep"
	(cd "$D" && gzip -dc i.gz | cpio -i --quiet -d lib/modules/1.0-test/modules.dep)
	assert_equal "$(cat "$D/lib/modules/1.0-test/modules.dep")" \
		"kernel/b/b-dep.ko: kernel/c/c.ko
kernel/c/c.ko:
kernel/net/veth.ko: kernel/b/b-dep.ko kernel/c/c.ko"
}

@test "mkinitramfs: a module the kernel does not have is an error" {
	need_busybox
	run sh "$MK" "$D/i.gz" "$BUSYBOX" "$NETNSBOX" "$D/init" "$D/kernel" veth nosuch
	assert_failure 1
	assert_output "mkinitramfs.sh: module nosuch not found in $D/kernel/lib/modules/1.0-test"
	[ ! -e "$D/i.gz" ]
}

@test "mkinitramfs: the same inputs make the same archive" {
	need_busybox
	sh "$MK" "$D/a.gz" "$BUSYBOX" "$NETNSBOX" "$D/init" "$D/kernel" veth
	touch "$D/init"
	sh "$MK" "$D/b.gz" "$BUSYBOX" "$NETNSBOX" "$D/init" "$D/kernel" veth
	cmp "$D/a.gz" "$D/b.gz"
}

@test "mkinitramfs: RUN runs busybox and netnsbox to list their applets" {
	need_busybox
	printf '#!/bin/sh\necho "$1" >>"%s/ran"\nexec "$@"\n' "$D" >"$D/run"
	chmod +x "$D/run"
	RUN=$D/run sh "$MK" "$D/i.gz" "$BUSYBOX" "$NETNSBOX" "$D/init"
	assert_equal "$(cat "$D/ran")" "$BUSYBOX
$NETNSBOX"
}

@test "mkinitramfs: too few arguments is its usage" {
	run sh "$MK" a b c
	assert_failure 1
	assert_output "usage: mkinitramfs.sh OUT BUSYBOX NETNSBOX INIT [KROOT MODULE...]"
}

# log LINE...: a serial log of those lines.
log() {
	printf '%s\n' "$@" >"$BATS_TEST_TMPDIR/log"
}

@test "judge: every step passed and counted" {
	log "Booting" "PASS one" "PASS two" "E2E mipsel: 2 passed, 0 failed" "[ 1.0] reboot: Power down"
	run sh "$JUDGE" mipsel "$BATS_TEST_TMPDIR/log" 0 60
	assert_success
	assert_output "E2E mipsel: 2 passed, 0 failed"
}

@test "judge: a failed step fails the boot" {
	log "PASS one" "FAIL two (status 1)" "    | no" "E2E x86_64: 1 passed, 1 failed"
	run sh "$JUDGE" x86_64 "$BATS_TEST_TMPDIR/log" 0 60
	assert_failure 1
	assert_output "FAIL x86_64: failed steps: E2E x86_64: 1 passed, 1 failed"
}

@test "judge: no result line, or another architecture's, fails the boot" {
	log "PASS one"
	run sh "$JUDGE" armhf "$BATS_TEST_TMPDIR/log" 0 60
	assert_failure 1
	assert_output "FAIL armhf: no result line (QEMU's status 0)"
	log "PASS one" "E2E aarch64: 1 passed, 0 failed"
	run sh "$JUDGE" armhf "$BATS_TEST_TMPDIR/log" 0 60
	assert_failure 1
	assert_output "FAIL armhf: no result line (QEMU's status 0)"
}

@test "judge: a kernel panic fails the boot" {
	log "PASS one" "E2E armhf: 1 passed, 0 failed" "[ 2.0] Kernel panic - not syncing: Attempted to kill init!"
	run sh "$JUDGE" armhf "$BATS_TEST_TMPDIR/log" 0 60
	assert_failure 1
	assert_output "FAIL armhf: kernel panic: E2E armhf: 1 passed, 0 failed"
}

@test "judge: the timeout fails the boot" {
	log "PASS one"
	run sh "$JUDGE" armhf "$BATS_TEST_TMPDIR/log" 124 60
	assert_failure 1
	assert_output "FAIL armhf: timed out after 60 s"
}

@test "judge: a result line that does not count the steps fails the boot" {
	log "PASS one" "PASS two" "E2E armhf: 3 passed, 0 failed"
	run sh "$JUDGE" armhf "$BATS_TEST_TMPDIR/log" 0 60
	assert_failure 1
	assert_output "FAIL armhf: the result line does not count the 2 PASS and 0 FAIL lines: E2E armhf: 3 passed, 0 failed"
}

@test "judge: no step at all, or QEMU's failure, fails the boot" {
	log "E2E armhf: 0 passed, 0 failed"
	run sh "$JUDGE" armhf "$BATS_TEST_TMPDIR/log" 0 60
	assert_failure 1
	assert_output "FAIL armhf: no step ran: E2E armhf: 0 passed, 0 failed"
	log "PASS one" "E2E armhf: 1 passed, 0 failed"
	run sh "$JUDGE" armhf "$BATS_TEST_TMPDIR/log" 1 60
	assert_failure 1
	assert_output "FAIL armhf: QEMU's status 1: E2E armhf: 1 passed, 0 failed"
}

# tools NAME...: a folder holding only these commands of this machine.
tools() {
	mkdir -p "$BATS_TEST_TMPDIR/tools"
	for t; do
		ln -s "$(command -v "$t")" "$BATS_TEST_TMPDIR/tools/$t"
	done
}

@test "run.sh: an architecture without its QEMU is skipped with the reason" {
	tools sh dirname mkdir rm tee awk
	QEMU_RESULTS=$BATS_TEST_TMPDIR/res PATH=$BATS_TEST_TMPDIR/tools \
		run sh "$TOP/testsuite/qemu/run.sh" mipsel
	assert_success
	assert_output "SKIP mipsel: qemu-system-mipsel is not installed (make deps)
0 passed, 0 failed, 1 skipped"
	assert_equal "$(cat "$BATS_TEST_TMPDIR/res/qemu-summary.txt")" "0 passed, 0 failed, 1 skipped"
}

@test "run.sh: an architecture it does not know fails" {
	tools sh dirname mkdir rm tee awk
	QEMU_RESULTS=$BATS_TEST_TMPDIR/res PATH=$BATS_TEST_TMPDIR/tools \
		run sh "$TOP/testsuite/qemu/run.sh" sparc
	assert_failure 1
	assert_output "FAIL sparc: unknown architecture
0 passed, 1 failed, 0 skipped"
}
