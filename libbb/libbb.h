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

/* main.c */
extern const char *applet_name, *applet_usage;
void show_usage(int fd);
NORETURN void usage_exit(int status);

/* arena.c: allocations that last until arena_reset (no free) */
void *xzalloc(size_t n);
char *xstrdup(const char *s);
void arena_reset(void);

/* fmt.c: %s %c %d %ld, nothing else */
size_t fmt_v(char *buf, size_t size, const char *f, va_list ap);
size_t fmt(char *buf, size_t size, const char *f, ...) PRINTF(3, 4);

/* die.c: a message is one line on stderr, written at once; a format that
 * ends with ':' gets the text of errno after it. */
const char *errstr(int e);
void msg_v(const char *f, va_list ap);
void msg(const char *f, ...) PRINTF(1, 2);
NORETURN void die(int status, const char *f, ...) PRINTF(2, 3);
NORETURN void xexit(int status);
NORETURN void invarg(const char *what, const char *arg);
bool write_all(int fd, const void *p, size_t n);

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
void json_int(const char *k, long v);

/* opt.c: ip_mode is set when the ip front end runs an applet's main: then
 * argv[0] is ip's command word, the applet parses no flags and the opt_
 * settings come from ip's options. */
extern bool ip_mode, ip_batch, opt_all, opt_json, opt_pretty;
unsigned getflags(char **argv, const char *spec, char **args, int *ind);
bool all_digits(const char *s);
bool get_int(const char *s, int *v);
bool get_uint(const char *s, unsigned *v);
/* Where cfg/FEATURE_JSON.h is included: the flags and the test for JSON. */
#define JSON_FLAGS (ENABLE_FEATURE_JSON ? "jp" : "")
#define JSON (ENABLE_FEATURE_JSON && opt_json)

/* netns.c: the run dir and its names. Functions that print a message
 * print iproute2's and return -1. */
struct nsdir {
	int fd, pos, len;
	char buf[4096] __attribute__((aligned(8)));
};
extern const char run_dir[];
bool netns_name_bad(const char *name);
void netns_check_name(const char *name);
char *netns_path(char *buf, const char *name);	/* buf of PATH_MAX */
int netns_open(const char *name);
int netns_open_pid(pid_t pid);
bool netns_mounted_at(int dirfd, const char *name);
int netns_mkdir(void);
int netns_lock(void);
int netns_bind(const char *name, pid_t pid);	/* add (pid 0) or attach */
int netns_unbind(const char *name);
int dir_open(struct nsdir *d, const char *path);
const char *dir_next(struct nsdir *d);
void dir_close(struct nsdir *d);
int netns_walk(struct nsdir *d);

/* switch.c: into NAME's network namespace, in a mount namespace of its
 * own with NAME's /sys and etc files, as iproute2 does it */
int netns_switch(const char *name);
void origin_enter(void);
void origin_leave(void);

/* scan.c: the entries E of a folder whose E/SUFFIX (E when SUFFIX is "")
 * is the namespace file at NS: the processes in a namespace (/proc, with
 * "/ns/net") or the names of one (the run dir). scan_open returns -1
 * after iproute2's message when NS cannot be read, -2 with errno when
 * the folder cannot be opened. */
struct scan {
	struct nsdir d;
	dev_t dev;
	ino_t ino;
	const char *suffix;
};
int scan_open(struct scan *s, const char *ns, const char *dir,
	      const char *suffix);
const char *scan_next(struct scan *s);

/* nl.c: requests are built in the caller's aligned buffer; several may be
 * numbered and sent at once, then nl_wait reads until all have ended. */
struct nlmsghdr;
struct nlattr;
struct nl {
	int fd;
	uint32_t portid, seq, base, pending;
	int echo;	/* report each failed request this many times */
	char ext[128];	/* extended ACK text of the first error */
};
typedef int (*nl_cb)(const struct nlmsghdr *n, void *arg);
int nl_open(struct nl *nl);
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
void nl_report(const struct nl *nl);

/* nsid.c: the nsid this namespace has for each name, -1 for none */
int nsid_each(struct nl *nl, void (*fn)(const char *name, int nsid, void *arg),
	      void *arg);
struct nlmsghdr *nsid_request(void *buf, size_t size, uint16_t type,
			      uint16_t flags);

#endif
