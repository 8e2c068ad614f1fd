# netnsbox: one static binary holding the ip netns commands as applets.
# See README for the targets; generated files live under build/.

# Checking builds, each with its objects in build/FLAVOUR and the arena
# shown to its checker (libbb/arena.c). SANITIZE=1: ./netnsbox built by
# clang with AddressSanitizer and UndefinedBehaviorSanitizer, linked
# dynamically against the system's C library (the sanitizers cannot link
# statically). VALGRIND=1: the static build, unstripped, with valgrind's
# requests in the arena, for make check-valgrind.
ifeq ($(SANITIZE),1)
ifeq ($(origin CC),default)
CC := clang
endif
FLAVOUR := san
FLAVOUR_CFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all \
	-DARENA_ASAN
FLAVOUR_LDFLAGS := -fsanitize=address,undefined
else ifeq ($(VALGRIND),1)
FLAVOUR := vg
VALGRIND_INCLUDE ?= /usr/include/valgrind
FLAVOUR_CFLAGS := -DARENA_VALGRIND -isystem $(VALGRIND_INCLUDE)
endif
ifneq ($(FLAVOUR),)
CFLAGS ?= -O1 -g
FLAVOUR_CFLAGS += -fno-omit-frame-pointer -funwind-tables
SSTRIP ?=
endif

# A cross build takes the target's compiler from CROSS_COMPILE, the prefix
# of its tools (aarch64-linux-musl- for aarch64-linux-musl-gcc); the build's
# own tools are compiled with HOSTCC.
ifeq ($(origin CC),default)
CC := $(if $(CROSS_COMPILE),$(CROSS_COMPILE)gcc,musl-gcc)
endif
# -Oz: the smallest code (GCC 12, clang); nothing here is hot, the kernel's
# work is every operation's time.
CFLAGS ?= -Oz
HOSTCC ?= cc
KCONFIG_CONF ?= kconfig-conf
KCONFIG_MCONF ?= kconfig-mconf
PREFIX ?= /usr/local
B := build

ifeq ($(V),1)
Q :=
else
Q := @
endif
# "  CC file" lines, unless V=1 shows the commands or -s silences make.
ifneq ($(V)$(findstring s,$(firstword -$(MAKEFLAGS))),)
SAY := @:
else
SAY := @echo
endif

WARN := -Wall -Wextra -Wshadow -Wmissing-prototypes -Wstrict-prototypes
ifneq ($(CI),)
WERROR ?= 1
endif
ifeq ($(WERROR),1)
WARN += -Werror
endif

# A switch as a chain of compares, not a table of addresses: smaller, and
# no switch here is hot.
ALL_CFLAGS := -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS) \
	-ffunction-sections -fdata-sections \
	-fno-asynchronous-unwind-tables -fno-unwind-tables -fstack-protector-strong \
	-fno-jump-tables \
	-I$(B) -Ilibbb $(FLAVOUR_CFLAGS)
ifneq ($(FLAVOUR),san)
ALL_LDFLAGS := -static -Wl,--gc-sections $(if $(FLAVOUR),,-s) -Wl,--build-id=none \
	-Wl,-z,noseparate-code -Wl,-z,norelro -Wl,-z,common-page-size=64 $(LDFLAGS)
else
ALL_LDFLAGS := -Wl,--gc-sections $(FLAVOUR_LDFLAGS) $(LDFLAGS)
endif

# netnsbox has no floating point: told so, the compiler keeps variadic
# functions (msg, outf) from saving the vector registers, where it knows the
# flag (x86-64, arm, aarch64; not mips). Not in the checking builds.
ifeq ($(FLAVOUR),)
ALL_CFLAGS += $(shell $(CC) -mgeneral-regs-only -x c -c /dev/null \
	-o /dev/null 2>/dev/null && echo -mgeneral-regs-only)
endif

# musl-gcc does not see the kernel's uapi headers: give it links to them,
# never -I/usr/include, which would pull glibc's headers in.
ifneq ($(findstring musl,$(CC)),)
# Link-time optimisation is worth some hundred bytes to the static binary.
# The static link is not position-independent: code compiled for a PIE
# (the compiler's default here) only costs a kilobyte of longer addressing.
LTO ?= -flto
ALL_CFLAGS += -isystem $(B)/include $(LTO) -fno-pie
KHDR := $(B)/include/.stamp
endif

# Objects: those of a checking build apart from the others'.
O := $(B)$(if $(FLAVOUR),/$(FLAVOUR))

LIBBB := $(sort $(wildcard libbb/*.c))
APPLET_SRCS := $(sort $(wildcard applets/*.c))

# Targets that must not need a configuration.
NOCONFIG := clean distclean defconfig allyesconfig allnoconfig oldconfig \
	olddefconfig menuconfig savedefconfig help check-cross deps-cross dist

all: netnsbox

ifeq ($(filter $(NOCONFIG),$(MAKECMDGOALS)),)
# build/config.mk is remade from .config (and make restarts) whenever the
# configuration or the applet declarations change.
-include $(B)/config.mk
endif

# The ip front end runs the netns commands, so it needs their code even when
# their own applet names are not configured.
APPLET_OBJS := $(patsubst applets/%.c,$(O)/applets/%.o,$(sort $(applets-y) \
	$(if $(filter y,$(CONFIG_IP)),$(filter applets/netns-%,$(APPLET_SRCS)))))
OBJS := $(patsubst libbb/%.c,$(O)/libbb/%.o,$(LIBBB)) $(APPLET_OBJS)

# After the link, sstrip drops the section headers, which only tools read:
# a kilobyte the binary does not need to run. SSTRIP= keeps them.
SSTRIP ?= $(B)/sstrip

netnsbox: $(OBJS) $(SSTRIP) $(B)/flavour $(O)/.flags
	$(SAY) "  LD      $@"
	$(Q)$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $(OBJS)
	$(Q)$(if $(SSTRIP),$(SSTRIP) $@)

# What ./netnsbox was last built as: a change of flavour relinks it.
$(B)/flavour: FORCE
	@mkdir -p $(@D)
	@echo '$(FLAVOUR)' | cmp -s - $@ || echo '$(FLAVOUR)' >$@

# How the objects were compiled: another compiler or other flags (make
# CFLAGS=-O2) rebuild them all; the warnings (WERROR=1) change no code.
CODE_FLAGS := $(CC) $(filter-out $(WARN),$(ALL_CFLAGS))
$(O)/.flags: FORCE
	@mkdir -p $(@D)
	@echo '$(CODE_FLAGS)' | cmp -s - $@ || echo '$(CODE_FLAGS)' >$@

$(B)/sstrip: scripts/sstrip.c
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) -O2 -o $@ scripts/sstrip.c

$(O)/%.o: %.c $(KHDR) $(O)/.flags
	@mkdir -p $(@D)
	$(SAY) "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

-include $(OBJS:.o=.d)

$(B)/include/.stamp: scripts/kernel-headers.sh
	$(Q)CC="$(CC)" HOSTCC="$(HOSTCC)" sh scripts/kernel-headers.sh $(B)/include
	@touch $@

# Declarations from the applet files: the Kconfig fragment sourced by
# Config.in and the object list. Written only when they change.
$(B)/Config.applets: $(APPLET_SRCS) scripts/gen-applets.sh
	$(Q)sh scripts/gen-applets.sh kconfig $(B) $(APPLET_SRCS)

# The configuration in force: .config completed with the defaults of any
# symbol it lacks (a newly added applet), then split into one header per
# symbol so that a change rebuilds only the files that use that symbol.
$(B)/config.mk: .config Config.in $(B)/Config.applets scripts/gen-applets.sh
	$(Q)cp .config $(B)/config.full
	$(Q)KCONFIG_CONFIG=$(B)/config.full $(KCONFIG_CONF) -s --olddefconfig Config.in </dev/null
	$(Q)sh scripts/gen-applets.sh config $(B) $(APPLET_SRCS)
	@touch $@

.config: | $(B)/Config.applets
	$(Q)$(KCONFIG_CONF) -s --alldefconfig Config.in

defconfig: $(B)/Config.applets
	$(Q)$(KCONFIG_CONF) -s --alldefconfig Config.in
allyesconfig allnoconfig olddefconfig: $(B)/Config.applets
	$(Q)$(KCONFIG_CONF) -s --$@ Config.in
oldconfig: $(B)/Config.applets
	$(Q)$(KCONFIG_CONF) --oldconfig Config.in
savedefconfig: $(B)/Config.applets
	$(Q)$(KCONFIG_CONF) --savedefconfig defconfig Config.in
menuconfig: $(B)/Config.applets
	$(Q)$(KCONFIG_MCONF) Config.in

# The size of the build in force, then of the default and the netns-only
# configurations against their budgets, object by object (scripts/size.sh).
size: netnsbox
	$(Q)sh scripts/size.sh

deps:
	sh scripts/deps.sh

# The QEMU boots need the default, static binary: a checking build skips
# them.
check: netnsbox lint-man
	$(Q)st=0; sh testsuite/run.sh $(TESTS) || st=1; \
	$(if $(TESTS)$(FLAVOUR),,sh testsuite/qemu/run.sh $(ARCHES) || st=1;) exit $$st

# The end-to-end initramfs booted in a real kernel of each of ARCHES under
# QEMU (testsuite/qemu/run.sh), also run by check unless TESTS names some
# test files.
ARCHES ?= x86_64 aarch64 armhf mipsel

check-qemu: netnsbox
	$(Q)sh testsuite/qemu/run.sh $(ARCHES)

.PHONY: check-qemu

bench: netnsbox
	$(Q)sh scripts/bench.sh

# The system calls of each operation make bench times, counted by strace
# for the floor, netnsbox and iproute2 (scripts/bench-syscalls.sh).
bench-syscalls: netnsbox
	$(Q)sh scripts/bench-syscalls.sh

.PHONY: bench-syscalls

# Checking (see README): the applets' tests with each applet under
# valgrind; the libFuzzer targets of testsuite/fuzz, FUZZ_TIME seconds
# each. make SANITIZE=1 check runs the whole testsuite sanitized.
VALGRIND_TESTS := add attach delete exec identify list list-id monitor pids set
FUZZ_TIME ?= 60

check-valgrind:
	$(Q)$(MAKE) --no-print-directory VALGRIND=1 netnsbox
	$(Q)NETNSBOX_VALGRIND=1 sh testsuite/run.sh $(VALGRIND_TESTS:%=testsuite/%.bats)

fuzz: $(B)/config.mk
	$(Q)$(MAKE) --no-print-directory -f testsuite/fuzz/fuzz.mk run FUZZ_TIME=$(FUZZ_TIME)

.PHONY: check-valgrind fuzz FORCE

clean:
	rm -rf $(B) netnsbox

distclean: clean
	rm -f .config .config.old defconfig

# Cross builds of the default configuration, each in a copy of the sources
# under build/cross/ARCH, with their unit checks and smoke set run natively
# or under qemu-user (testsuite/cross.sh). deps-cross installs their tools.
CROSS_ARCHES ?= x86_64 aarch64 armhf mipsel

check-cross:
	$(Q)sh testsuite/cross.sh $(CROSS_ARCHES)

deps-cross:
	sh scripts/deps.sh cross

.PHONY: check-cross deps-cross

help:
	@echo 'Targets: all (default) size check check-cross check-qemu bench'
	@echo '         bench-syscalls deps deps-cross install install-hardlinks'
	@echo '         uninstall man lint-man dist distcheck clean distclean'
	@echo '         check-valgrind fuzz'
	@echo 'Configuration: defconfig allyesconfig allnoconfig oldconfig'
	@echo '               olddefconfig menuconfig savedefconfig'
	@echo 'Variables: CC=musl-gcc|gcc|clang CROSS_COMPILE=PREFIX- HOSTCC V=1 WERROR=1'
	@echo '           SSTRIP= PREFIX DESTDIR SBINDIR MANDIR TESTS CROSS_ARCHES ARCHES'
	@echo '           SANITIZE=1 VALGRIND=1 FUZZ_TIME'

.PHONY: all size deps check bench clean distclean help $(NOCONFIG)
.DELETE_ON_ERROR:

# --- Manual pages, installation, release tarball -------------------------
# Pages: build/man/man8 and build/man/LANG/man8, a tree for man -M, made by
# scripts/gen-man.sh from docs/*.8.in and docs/LANG/*.8.in. MAN_DATE is the
# date of their text.
MAN_DATE := 2026-12-02
MAN_SRCS := $(wildcard docs/*.8.in docs/*/*.8.in docs/inc/*.in docs/*/inc/*.in)
MANDOC ?= mandoc

all: man
man: $(B)/man/pages

$(B)/man/pages: $(MAN_SRCS) $(APPLET_SRCS) $(B)/config.mk libbb/libbb.h scripts/gen-man.sh
	$(SAY) "  GEN     man pages"
	$(Q)sh scripts/gen-man.sh $(B) $(MAN_DATE) $(APPLET_SRCS)
	@touch $@

# Every page, in every language, must lint clean: mandoc's warnings and
# groff's are errors.
lint-man: man
	$(Q)sh scripts/lint-man.sh $(B)/man

# Installation: scripts/install.sh, which never runs the binary (it may be
# a cross build). The binary goes to sbin, as iproute2's ip and busybox's.
SBINDIR ?= $(PREFIX)/sbin
MANDIR ?= $(PREFIX)/share/man

install: netnsbox man
	$(Q)sh scripts/install.sh symlinks "$(DESTDIR)$(SBINDIR)" "$(DESTDIR)$(MANDIR)" $(B)
install-hardlinks: netnsbox man
	$(Q)sh scripts/install.sh hardlinks "$(DESTDIR)$(SBINDIR)" "$(DESTDIR)$(MANDIR)" $(B)
uninstall: $(B)/man/pages
	$(Q)sh scripts/install.sh uninstall "$(DESTDIR)$(SBINDIR)" "$(DESTDIR)$(MANDIR)" $(B)

# The release tarball: every file of the source tree, none of the build,
# in a fixed order with fixed owners, so that it is the same from any
# checkout. VERSION is netnsbox's (libbb/libbb.h).
VERSION := $(shell sed -n 's/^\#define NETNSBOX_VERSION "\(.*\)"$$/\1/p' libbb/libbb.h)
DIST := netnsbox-$(VERSION)
DIST_FILES := LICENSE README Makefile Config.in applets libbb scripts testsuite docs

dist:
	$(Q)sh scripts/dist.sh $(DIST) $(DIST_FILES)

# The whole check from the tarball, built in a fresh folder without git.
distcheck: dist
	$(Q)sh scripts/distcheck.sh $(DIST) $(TESTS)

.PHONY: man lint-man install install-hardlinks uninstall dist distcheck
