# fuzz.mk - the fuzz targets, from the top of the tree once the main
# Makefile has made build/ (make fuzz does both). Each target TARGET is
# built twice from the same objects, with clang's AddressSanitizer and
# UndefinedBehaviorSanitizer against the system's C library:
#   $(F)/TARGET          libFuzzer's, which "run" runs for FUZZ_TIME seconds
#                        on the seeds (corpus/TARGET) and past crashes
#                        (regress/TARGET), keeping new inputs in $(F)/corpus
#   $(F)/TARGET-replay   runs the files it is given through the target once:
#                        fuzz.bats replays every seed and past crash with it
# and $(F)/netlink-record writes down the real kernel's answers as seeds
# ("seeds", which needs ./netnsbox).
# Every source file is compiled with fake.h first, which hands the calls
# that reach the kernel to fake.c.

B := build
F := $(B)/fuzz
T := testsuite/fuzz
FUZZ_CC ?= clang
FUZZ_TIME ?= 60
TARGETS := netlink ip-args ip-batch exec-user
# "  CC file" lines, as the main Makefile's; V=1 shows the commands.
ifeq ($(V),1)
Q :=
SAY := @:
else
Q := @
SAY := @echo
endif

SAN := -fsanitize=address,undefined -fno-sanitize-recover=all
FLAGS := -std=c11 -D_GNU_SOURCE -g -O1 -fno-omit-frame-pointer \
	-Wall -Wextra -Wshadow -Wmissing-prototypes -Werror \
	-I$(B) -Ilibbb -I$(T) -DARENA_ASAN -include $(T)/fake.h \
	$(SAN) -fsanitize=fuzzer-no-link

# The library (main.c's main renamed: the table of applets comes along),
# a stub for each applet and core a target does not hold, the harness;
# ip-state.c is applets/ip.c with a reset of its state.
COMMON := $(wildcard libbb/*.c) $(F)/stubs.c $(T)/harness.c
applets-netlink := applets/netns-list.c applets/netns-list-id.c \
	applets/netns-set.c $(T)/ip-state.c
applets-ip-args := $(T)/ip-state.c
applets-ip-batch := $(T)/ip-state.c
applets-exec-user := applets/netns-exec.c

obj = $(patsubst %.c,$(F)/o/%.o,$(1))
objs = $(call obj,$(COMMON) $(applets-$(1)) $(T)/$(1).c)

all: $(TARGETS:%=$(F)/%) replays
replays: $(TARGETS:%=$(F)/%-replay) $(F)/netlink-record

$(F)/o/%.o: %.c $(T)/fake.h $(T)/harness.h
	@mkdir -p $(@D)
	$(SAY) "  CC      $<"
	$(Q)$(FUZZ_CC) $(FLAGS) $(if $(filter libbb/main.c,$<),-Dmain=netnsbox_main -Wno-missing-prototypes) \
		-c -o $@ $<

# Every applet main and every core (libbb.h's netns_core list), weak: the
# applets a target holds replace theirs.
$(F)/stubs.c: $(B)/applet-decl.h libbb/libbb.h
	@mkdir -p $(@D)
	$(Q){ echo '#include "libbb.h"'; echo '#include "harness.h"'; \
	  sed -n 's/^int \([a-z_0-9]*\)(int argc, char \*\*argv);$$/\1/p' $(B)/applet-decl.h | \
	  sed 's/.*/__attribute__((weak)) int &(int argc, char **argv) { return fuzz_main_stub("&", argc, argv); }/'; \
	  sed -n '/^netns_core /,/;/p' libbb/libbb.h | tr ' \t,;' '\n\n\n\n' | \
	  grep -v '^$$' | grep -vx netns_core | \
	  sed 's/.*/__attribute__((weak)) int &(const struct policy *p, char **args) { return fuzz_core_stub("&", p, args); }/'; \
	} >$@

.SECONDEXPANSION:
$(TARGETS:%=$(F)/%): $(F)/%: $$(call objs,$$*) $(call obj,$(T)/fake.c)
	$(SAY) "  LD      $@"
	$(Q)$(FUZZ_CC) $(SAN) -fsanitize=fuzzer -o $@ $^
$(TARGETS:%=$(F)/%-replay): $(F)/%-replay: $$(call objs,$$*) \
		$(call obj,$(T)/fake.c $(T)/replay.c)
	$(SAY) "  LD      $@"
	$(Q)$(FUZZ_CC) $(SAN) -o $@ $^
$(F)/netlink-record: $(call objs,netlink) $(call obj,$(T)/record.c)
	$(SAY) "  LD      $@"
	$(Q)$(FUZZ_CC) $(SAN) -o $@ $^

# Inputs may be as long as a batch line past its 4 KiB buffer or a dump
# past nl.c's 16 KiB one.
MAXLEN-netlink := 40000
MAXLEN-ip-batch := 20000
MAXLEN-ip-args := 4096
MAXLEN-exec-user := 8192

run: $(TARGETS:%=run-%)
run-%: $(F)/%
	@mkdir -p $(F)/corpus/$*
	@echo "  FUZZ    $* for $(FUZZ_TIME) s"
	@$(F)/$* -max_total_time=$(FUZZ_TIME) -max_len=$(MAXLEN-$*) \
		-timeout=10 -close_fd_mask=3 -print_final_stats=1 \
		-artifact_prefix=$(F)/$*- $(F)/corpus/$* \
		$(wildcard $(T)/corpus/$* $(T)/regress/$*) >$(F)/$*.log 2>&1 || \
		{ tail -n 40 $(F)/$*.log; \
		  echo "fuzz: $* failed; the input is $(F)/$*-crash-* (or -leak-, -timeout-):"; \
		  echo "      make it a regression test in $(T)/regress/$*/ with its fix"; \
		  exit 1; }
	@grep -h '^stat::number_of_executed_units\|^stat::new_units_added' $(F)/$*.log | \
		sed 's/^/          $* /'

# The netlink seeds, recorded from this kernel in a sandbox by ./netnsbox's
# commands (record-seeds.sh).
seeds: $(F)/netlink-record
	$(Q)sh $(T)/record-seeds.sh $(F)/netlink-record ./netnsbox $(T)/corpus/netlink

.PHONY: all replays run seeds
