/* harness.h - what the fuzz targets share: running an applet's main as
 * netnsbox would, and the fake kernel's inputs (fake.c) */
#ifndef HARNESS_H
#define HARNESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
/* The port id the fake kernel gives the netlink socket. */
#define FAKE_PORTID 0x4e42

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Runs main with a copy of argv (NULL-terminated), as netnsbox's main
 * would; an exit comes back here. Returns the exit status, then empties
 * the arena, the output buffer, the ip options and the fake kernel. */
int fuzz_run(int (*main)(int argc, char **argv), const char *const *argv);
/* What ip-state.c does: ip.c's own state as a process starts with it. */
void ip_reset(void);
/* The stubs of the applets and cores a target does not hold (stubs.c, made
 * by fuzz.mk). */
struct policy;
int fuzz_main_stub(const char *name, int argc, char **argv);
int fuzz_core_stub(const char *name, const struct policy *p, char **args);
/* Do the stubs that stand in for the applets not under test print their
 * arguments (the replays of the tests do)? */
extern bool fuzz_verbose;
extern volatile size_t fuzz_sink;
int fuzz_last_status(void);

/* fake.c */
struct fake_file {
	const char *path;
	const void *data;
	size_t len;
};
struct fake_dirent {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};
/* What the code under test did, for the targets to check. */
struct fake_stats {
	unsigned requests, ngroups, groups;
	size_t args;
};
extern struct fake_stats fake_stats;
void fake_load(const uint8_t *p, size_t n);
void fake_files(const struct fake_file *f, unsigned n);
void fake_name(const char *name);
void fake_reset(void);

#endif
