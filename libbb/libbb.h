/* libbb.h - the one header of netnsbox's library, a section per file */
#ifndef LIBBB_H
#define LIBBB_H

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "applet-decl.h"

#define NETNSBOX_VERSION "0.1.0"
#define NORETURN __attribute__((noreturn))
#define PRINTF(a, b) __attribute__((format(printf, a, b)))
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* How errors are returned, everywhere in the library and the cores: a
 * function that can fail returns -1 (NULL for a pointer, false for a
 * predicate) and nothing else on failure. Functions of nl.c, fmt.c, out.c
 * and arena.c never print: errno says why (and struct nl the kernel's
 * text). Functions whose comment says "reports" have printed iproute2's
 * one line about the failure before they return -1; all the others leave
 * the message to their caller. Dying (die, the x- functions) is only for
 * a failure after which nothing can be left to clean up.
 *
 * Running commands one after another in one process (ip -b): the state of
 * one command is G (below), which the dispatcher zeroes before each one,
 * and memory from the arena, which the batch empties before each line. No
 * core or library file keeps other state from one command to the next,
 * but for: what add, attach and delete keep between names in a batch
 * (netns.c, struct keep: the run dir's lock, the signals held, the run dir
 * set up, the fd of the process's network namespace), let go of before
 * each line that must not run under it (netns_release); the mount namespace
 * ip started in (switch.c, origin, kept by ip -n), which is the
 * process's; and stdout's buffer. Cores hold their folders and lists in
 * their own locals.
 *
 * Running main again in one process (ip netns exec of this binary's ip,
 * ip.c's exec_self, never in a batch): whatever a file keeps for the whole
 * process (ip.c's options, switch.c's origin) is set back there as a new
 * process has it. */

/* main.c */
extern const char *applet_name, *applet_usage;
void show_usage(int fd);
NORETURN void usage_exit(int status);
NORETURN void main_again(char **argv);

/* The state of the command running now, zeroed by cmd_reset before each. */
struct globals {
	bool all;	/* -a, ip's -all */
	bool json;	/* -j */
	bool pretty;	/* -p */
	char *user;	/* exec -u USER[:GROUP] */
	bool lo;	/* add -l: the new namespace's loopback up */
	unsigned flags;	/* getflags: the flags of a netns-* applet */
	char *flag_arg;	/* getflags: the argument of one */
};
extern struct globals G;
void cmd_reset(void);

/* What the two front ends do differently, as data: the netns-* applets run
 * the cores with applet_policy (main.c), the ip applet with ip_policy
 * (ip.c, where each field is held against iproute2). No core asks which
 * front end called it. */
struct policy {
	unsigned char exec_fail;	/* status: exec found no name, no
					 * command, no run dir, no fork */
	unsigned char exec_setup;	/* status: the switch failed */
	bool exec_errno;	/* a failed exec exits 127/126 by its errno
				 * (env(1)), else 1 */
	bool exec_child;	/* exec runs its command in a child */
	bool signal_exits;	/* a child killed by a signal ends exec at once
				 * with status 1 */
	bool all_status;	/* -a: a failed name or command fails the whole */
	bool all_stop;		/* delete -a: stop at the first failure */
	bool all_any;		/* delete -a: every entry, not only namespaces
				 * (and what a killed add left) */
	bool first_only;	/* delete: only the first NAME */
	bool last_only;		/* identify: print only the last name */
	bool pid_names;		/* set: a numeric NAME not in the run dir is a
				 * PID */
	unsigned char list_reports;	/* list: how often each entry that is
					 * not a namespace is reported */
	unsigned char list_id_reports;	/* list-id: the same */
	bool strict;		/* netlink strict checking: the kernel honours
				 * a dump's filters */
	bool c_numbers;		/* attach, set, list-id: numbers in C notation
				 * (0x10, 010), else decimal only (get_dec) */
	bool ns_only;		/* pids: a NAME that is not a namespace is an
				 * error, not an empty list */
	/* exec: given the file found for the command before its execve, runs
	 * the command in this process instead, or returns */
	void (*exec_self)(const char *path, char **cmd);
};
extern const struct policy applet_policy;

/* arena.c: allocations that last until arena_reset (no free) */
void *xzalloc(size_t n);
char *xstrdup(const char *s);
void arena_reset(void);

/* fmt.c: %s %c %d and %%; nothing else (no flags, no width or
 * precision, no long). Any other conversion is a bug that the testsuite
 * finds in the sources (testsuite/lint.bats) and fmt prints as "%?". */
size_t fmt_v(char *buf, size_t size, const char *f, va_list ap);
size_t fmt(char *buf, size_t size, const char *f, ...) PRINTF(3, 4);
/* fmt.c too: the length of s's start made of (in) or free of (!in) the
 * characters of set: strspn and strcspn */
size_t span(const char *s, bool in, const char *set);

/* die.c: a message is one line on stderr, written at once; a format that
 * ends with ':' gets the text of errno after it. */
const char *errstr(int e);
void msg_v(const char *f, va_list ap);
void msg(const char *f, ...) PRINTF(1, 2);
NORETURN void die(int status, const char *f, ...) PRINTF(2, 3);
NORETURN void xexit(int status);
NORETURN void invarg(const char *what, const char *arg);
bool write_all(int fd, const void *p, size_t n);
void nl_perror(int err, const char *ext);

/* out.c: buffered stdout, flushed by out_flush, xexit and every message */
void out_mem(const char *p, size_t n);
void out_str(const char *s);
void outf(const char *f, ...) PRINTF(1, 2);
bool out_flush(void);
void json_begin_list(void);
void json_end_list(void);
void json_begin_obj(void);
void json_end_obj(void);
void json_str(const char *k, const char *v);
void json_int(const char *k, int v);

/* opt.c: the flags of the netns-* applets */
char **getflags(char **argv, const char *spec, int max);
bool all_digits(const char *s);
bool get_int(const char *s, int *v);
bool get_uint(const char *s, unsigned *v);
bool get_dec(const char *s, int *v);
bool get_number(const struct policy *p, const char *s, int *v);
/* Where cfg/FEATURE_JSON.h is included: the flags and the test for JSON. */
#define JSON_FLAGS (ENABLE_FEATURE_JSON ? "jp" : "")
#define JSON (ENABLE_FEATURE_JSON && G.json)

/* netns.c: the run dir and its names */
struct nsdir {
	int fd, pos, len;
	unsigned char type;	/* of the last name of dir_next: DT_* */
	char buf[4096] __attribute__((aligned(8)));
};
extern const char run_dir[];
bool netns_name_bad(const char *name);
void netns_check_name(const char *name);	/* dies on a bad NAME */
char *netns_path(char *buf, const char *name);	/* buf of PATH_MAX */
int netns_open(const char *name);
int netns_open_at(int dirfd, const char *name, unsigned char type);
int netns_open_pid(pid_t pid);
bool netns_mounted_at(int dirfd, const char *name);
int netns_mkdir(void);				/* reports */
int netns_bind(const char *name, pid_t pid, bool lo);	/* reports; add
							 * (pid 0), attach */
int netns_unbind(const char *name, bool any);	/* reports; any: not only
						 * a namespace */
int dir_open(struct nsdir *d, const char *path);
const char *dir_next(struct nsdir *d);	/* NULL at the end, or closed */
void dir_close(struct nsdir *d);
int netns_walk(struct nsdir *d);	/* reports; a missing run dir is an
					 * empty walk */
/* ip -b: netns_batch makes add, attach and delete keep the run dir's lock
 * and the signals held from one name to the next, up to 64 names;
 * netns_release lets go of both, before any other line. */
void netns_batch(void);
void netns_release(void);

/* switch.c: into NAME's network namespace, in a mount namespace of its
 * own with NAME's /sys and etc files, as iproute2 does it; reports */
int netns_switch(const char *name);
void origin_keep(void);		/* before ip -n's switch */
void origin_enter(void);
void origin_leave(void);
void origin_forget(void);

/* scan.c: the entries E of a folder whose E/SUFFIX (E when SUFFIX is "")
 * is the namespace file at NS: the processes in a namespace (/proc, with
 * "/ns/net") or the names of one (the run dir). scan_ns reports when NS
 * cannot be read (a socket, say); then the caller opens s->d on the
 * folder. */
struct scan {
	struct nsdir d;
	dev_t dev;
	ino_t ino;
	const char *suffix;
};
int scan_ns(struct scan *s, const char *ns, const char *suffix);
const char *scan_next(struct scan *s);

/* nl.c: requests are built in the caller's aligned buffer; several may be
 * numbered and sent at once, then nl_wait reads until all have ended. */
struct nlmsghdr;
struct nlattr;
typedef int (*nl_cb)(const struct nlmsghdr *n, void *arg);
struct nl {
	int fd;
	uint32_t portid, seq, base, pending;
	/* Called, when set, for each request the kernel refused, with its
	 * errno, its extended ACK text ("" for none) and nl_wait's arg. */
	void (*on_error)(int err, const char *ext, void *arg);
	char ext[128];	/* extended ACK text of the first error */
	bool acked;	/* false: the requests waited for ask no ACK, and one
			 * answer (or an error) ends each */
};
int nl_open(struct nl *nl, bool strict);
void nl_close(struct nl *nl);
struct nlmsghdr *nl_put_header(void *buf, uint16_t type, uint16_t flags);
void *nl_put_extra(struct nlmsghdr *n, size_t size, size_t len);
bool nl_put_attr(struct nlmsghdr *n, size_t size, uint16_t type,
		 const void *data, size_t len);
bool nl_put_u32(struct nlmsghdr *n, size_t size, uint16_t type, uint32_t v);
uint32_t nl_number(struct nl *nl, struct nlmsghdr *n);
int nl_send(struct nl *nl, const void *buf, size_t len);
int nl_wait(struct nl *nl, nl_cb cb, void *arg);
int nl_talk(struct nl *nl, struct nlmsghdr *n, nl_cb cb, void *arg);
int nl_parse(const struct nlmsghdr *n, size_t off, const struct nlattr **tb,
	     int max);
bool nl_get_u32(const struct nlattr *a, uint32_t *v);

/* link.c: what ip link set changes (ip's CONFIG_IP_LINK, add -l) */
struct link_change {
	int nsfd;	/* into the namespace at nsfd, when >= 0 */
	bool pid_set;	/* else into the namespace of process pid */
	pid_t pid;
	int up;		/* 1 up, 0 down, -1 as it is */
};
bool link_name_bad(const char *dev);
int link_set(struct nl *nl, const char *dev, const struct link_change *c);

/* nsid.c: the nsid this namespace has for each name of the walk d, -1 for
 * none; a name that is not a namespace is reported `reports` times. */
void nsid_each(struct nl *nl, struct nsdir *d, int reports,
	       void (*fn)(const char *name, int nsid, void *arg), void *arg);
struct nlmsghdr *nsid_request(void *buf, size_t size, uint16_t type,
			      uint16_t flags);

/* The cores of the commands (applets/netns-*.c), run by both front ends:
 * args are the operands after the command (and its flags), ending with
 * NULL. A core checks what both front ends check alike (a missing NAME,
 * say); the front end has checked the rest. It returns the command's exit
 * status and has printed its messages. */
typedef int netns_core(const struct policy *p, char **args);
netns_core netns_add, netns_attach, netns_delete, netns_exec,
	   netns_identify, netns_list, netns_list_id, netns_monitor,
	   netns_pids, netns_set;

/* opt.c: the front end of attach and set */
int netns_pair_main(char **argv, netns_core *core);

#endif
