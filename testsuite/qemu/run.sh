#!/bin/sh
# run.sh [ARCH]...: boot the end-to-end initramfs (testsuite/qemu/init) in a
# real kernel of each ARCH (x86_64 aarch64 armhf mipsel, all by default)
# under QEMU, without KVM, and check its serial log.
#
# Per ARCH: Debian's kernel (the version its metapackage names today) and
# busybox-static are fetched with apt-get download into build/qemu/debs
# (or QEMU_DEBS), kept there for the next run, and unpacked under
# build/qemu with dpkg-deb; nothing is installed. netnsbox is ./netnsbox
# for this machine's ARCH, else built from this tree with ARCH's cross
# compiler (the configuration of ./.config). An ARCH that this machine
# cannot boot (no QEMU, no cross compiler, no package) is skipped with the
# reason.
#
# An ARCH fails on a missing result line, a failed step, a kernel panic or
# the timeout (QEMU_TIMEOUT, default 180 seconds); then the serial log's
# tail is printed. One line per ARCH goes to qemu.txt, and the count of
# those passed, failed and skipped to qemu-summary.txt, in QEMU_RESULTS
# (default testsuite/results). Exits non-zero when an ARCH failed.
cd "$(dirname "$0")/../.." || exit 1
export LC_ALL=C
top=$(pwd)
B=build/qemu
timeout=${QEMU_TIMEOUT:-180}
[ $# -gt 0 ] || set -- x86_64 aarch64 armhf mipsel
res=${QEMU_RESULTS:-testsuite/results}
# The downloads, kept for the next run (QEMU_DEBS, an absolute path, shares
# them between trees).
debs=${QEMU_DEBS:-$top/$B/debs}
mkdir -p "$debs" $res
results=$res/qemu.txt summary=$res/qemu-summary.txt
rm -f $summary
: >$results
status=0

say() {
	echo "$*" | tee -a $results
}

# arch_of ARCH: Debian's name for it, the kernel's metapackage, QEMU, its
# machine, the console, the cross compiler's prefix, the user-mode QEMU.
arch_of() {
	case $1 in
	x86_64) debarch=amd64 meta=linux-image-amd64
		qemu=qemu-system-x86_64 machine="-M pc" console=ttyS0
		cross=x86_64-linux-musl- user=qemu-x86_64-static ;;
	aarch64) debarch=arm64 meta=linux-image-arm64
		qemu=qemu-system-aarch64 machine="-M virt -cpu cortex-a57"
		console=ttyAMA0 cross=aarch64-linux-musl-
		user=qemu-aarch64-static ;;
	armhf) debarch=armhf meta=linux-image-armmp-lpae
		qemu=qemu-system-arm machine="-M virt -cpu cortex-a15"
		console=ttyAMA0 cross=arm-linux-musleabihf-
		user=qemu-arm-static ;;
	mipsel) debarch=mipsel meta=linux-image-4kc-malta
		qemu=qemu-system-mipsel machine="-M malta" console=ttyS0
		cross=mipsel-linux-musl- user=qemu-mipsel-static ;;
	*) return 1 ;;
	esac
}

# apt's package cache, kept here: a system that keeps none (as container
# images do) makes apt read every list again on each call, for seconds.
apt_cache() {
	apt-cache -o "Dir::Cache::pkgcache=$debs/pkgcache.bin" \
		-o "Dir::Cache::srcpkgcache=$debs/srcpkgcache.bin" "$@"
}

apt_get() {
	# As root, apt hands downloads to its _apt user, who cannot write
	# every folder.
	if [ "$(id -u)" = 0 ]; then
		set -- -o APT::Sandbox::User=root "$@"
	fi
	apt-get -q -o "Dir::Cache::pkgcache=$debs/pkgcache.bin" \
		-o "Dir::Cache::srcpkgcache=$debs/srcpkgcache.bin" "$@"
}

# fetch PKG:DEBARCH: the path of the package's .deb in $debs, downloaded
# unless it is there already.
fetch() {
	# The name apt-get download gives it: NAME_VERSION_ARCH.deb, the
	# epoch's colon written %3a.
	file=$(apt_cache show --no-all-versions "$1" 2>/dev/null | awk '
		/^Package: / { p = $2 } /^Architecture: / { a = $2 }
		/^Version: / { v = $2; sub(/:/, "%3a", v) }
		/^$/ { exit } END { if (p != "") print p "_" v "_" a ".deb" }')
	if [ -z "$file" ]; then
		echo "$1 is not in apt's lists"
		return 1
	fi
	if [ ! -s "$debs/$file" ]; then
		(cd "$debs" && apt_get download "$1") >"$debs/download.log" 2>&1 ||
			{ tail -n 3 "$debs/download.log"; return 1; }
	fi
	echo "$debs/$file"
}

# unpack DEB DIR: DIR holds DEB's files, unpacked once.
unpack() {
	[ "$(cat "$2/.deb" 2>/dev/null)" = "$1" ] && return
	rm -rf "$2"
	dpkg-deb -x "$1" "$2" && echo "$1" >"$2/.deb"
}

# The kernel package that the metapackage depends on today.
kernel_pkg() {
	apt_cache depends "$1:$2" 2>/dev/null |
		sed -n "s/^ *Depends: \(linux-image-[^ :]*\).*/\1/p" | head -n 1
}

# cross_build ARCH PREFIX: build/qemu/ARCH/src/netnsbox, made from a fresh
# copy of this tree's sources and .config beside the copy's own build
# folder (the files keep their times, so a rerun rebuilds only what
# changed).
cross_build() {
	src=$B/$1/src
	mkdir -p $src
	for f in * .config; do
		case $f in
		build|testsuite|docs|netnsbox) continue ;;
		esac
		rm -rf "$src/$f"
		[ ! -e "$f" ] || cp -pR "$f" $src/
	done
	make -C $src -s CROSS_COMPILE=$2 CC=${2}gcc netnsbox >$B/$1/build.log 2>&1
}

# pvh BZIMAGE: the kernel to boot on x86_64. A bzImage decompresses its
# kernel itself, which takes seconds under TCG; QEMU boots the kernel's ELF
# file directly when it has a PVH entry (CONFIG_PVH), so that file is taken
# out of the bzImage (an xz stream after the setup code) where it can be.
pvh() {
	elf=$dir/vmlinux
	if [ ! -s $elf ] || [ $1 -nt $elf ]; then
		rm -f $elf
		off=$(grep -abo "$(printf '\3757zXZ')" $1 2>/dev/null |
			head -n 1 | cut -d: -f1)
		if [ -n "$off" ] && grep -qx CONFIG_PVH=y $dir/kernel/boot/config-* &&
		    command -v xz >/dev/null; then
			# xz complains of the bytes after the stream.
			tail -c +$((off + 1)) $1 | xz -dc >$elf.tmp 2>/dev/null
			[ "$(head -c 4 $elf.tmp)" != "$(printf '\177ELF')" ] || mv $elf.tmp $elf
			rm -f $elf.tmp
		fi
	fi
	if [ -s $elf ]; then echo $elf; else echo $1; fi
}

# boot ARCH: prepare, boot, judge one architecture.
boot() {
	arch=$1
	arch_of $arch || { say "FAIL $arch: unknown architecture"; return 1; }
	dir=$B/$arch
	mkdir -p $dir
	command -v $qemu >/dev/null ||
		{ say "SKIP $arch: $qemu is not installed (make deps)"; return 0; }
	command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null ||
		{ say "SKIP $arch: no apt-get and dpkg-deb to fetch the kernel"; return 0; }
	pkg=$(kernel_pkg $meta $debarch)
	[ -n "$pkg" ] ||
		{ say "SKIP $arch: no $meta:$debarch in apt's lists (make deps-cross adds the architecture)"; return 0; }
	deb=$(fetch $pkg:$debarch) || { say "SKIP $arch: $deb"; return 0; }
	unpack "$deb" $dir/kernel || { say "FAIL $arch: cannot unpack $deb"; return 1; }
	kernel=$(ls $dir/kernel/boot/vmlinuz-* $dir/kernel/boot/vmlinux-* 2>/dev/null | head -n 1)
	[ -n "$kernel" ] || { say "FAIL $arch: no kernel image in $deb"; return 1; }
	[ $arch != x86_64 ] || kernel=$(pvh $kernel)

	if [ $debarch = "$(dpkg --print-architecture)" ]; then
		run=
		netnsbox=./netnsbox
		busybox=$(dpkg -L busybox-static 2>/dev/null | grep '/bin/busybox$' | head -n 1)
		[ -x "$busybox" ] ||
			{ say "SKIP $arch: busybox-static is not installed (make deps)"; return 0; }
	else
		run=$user
		command -v $run >/dev/null ||
			{ say "SKIP $arch: $run is not installed (make deps-cross)"; return 0; }
		command -v ${cross}gcc >/dev/null ||
			{ say "SKIP $arch: ${cross}gcc is not installed (make deps-cross)"; return 0; }
		cross_build $arch $cross ||
			{ say "FAIL $arch: cross build failed"; tail -n 20 $dir/build.log; return 1; }
		netnsbox=$dir/src/netnsbox
		deb=$(fetch busybox-static:$debarch) || { say "SKIP $arch: $deb"; return 0; }
		unpack "$deb" $dir/busybox || { say "FAIL $arch: cannot unpack $deb"; return 1; }
		busybox=$dir/busybox/bin/busybox
	fi
	RUN=$run sh scripts/mkinitramfs.sh $dir/initramfs.cpio.gz $busybox \
		$netnsbox testsuite/qemu/init $dir/kernel veth ||
		{ say "FAIL $arch: cannot make the initramfs"; return 1; }

	log=$dir/serial.log
	t0=$(date +%s%N)
	timeout $timeout $qemu $machine -m 256 -smp 1 -accel tcg -nographic \
		-no-reboot -nic none -kernel $kernel \
		-initrd $dir/initramfs.cpio.gz \
		-append "console=$console panic=-1 quiet e2e_arch=$arch" \
		</dev/null >$log.raw 2>&1
	st=$?
	t1=$(date +%s%N)
	ms=$(((t1 - t0) / 1000000))
	secs=$((ms / 1000)).$((ms % 1000 / 100))
	# Without the firmware's screen controls and the line ends' CRs.
	sed 's/\x1b\[[0-9;?]*[A-Za-z]//g; s/\x1bc//g; s/\r$//' <$log.raw >$log
	rm -f $log.raw
	# The wall time, and the kernel's uptime when /init began and ended.
	times="$secs s: $(sed -n 's/^E2E timing: \/init ran from \(.*\) s to \(.*\) s of uptime$/\/init at \1 s to \2 s, /p' $log)$(basename $kernel)"
	if verdict=$(sh testsuite/qemu/judge.sh $arch $log $st $timeout); then
		say "$verdict ($times)"
		return 0
	fi
	say "$verdict ($times)"
	grep '^FAIL ' $log | sed 's/^/  /'
	echo "--- $log, last 40 lines:"
	tail -n 40 $log
	echo "---"
	return 1
}

for a; do
	boot $a || status=1
done
# The count of architectures, as testsuite/run.sh counts tests.
awk '/^E2E / { p++ } /^FAIL / { f++ } /^SKIP / { s++ }
	END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' $results |
	tee $summary
exit $status
