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
extern const char *applet_name;
void show_usage(int fd);
NORETURN void usage_exit(int status);

/* fmt.c: %s %c %d %u %x %%, with l or z before d, u, x */
size_t fmt_v(char *buf, size_t size, const char *f, va_list ap);
size_t fmt(char *buf, size_t size, const char *f, ...) PRINTF(3, 4);

/* die.c: a message is one line on stderr, written at once; a format that
 * ends with ':' gets the text of errno after it. */
const char *errstr(int e);
void msg_v(const char *f, va_list ap);
void msg(const char *f, ...) PRINTF(1, 2);
NORETURN void die(int status, const char *f, ...) PRINTF(2, 3);
NORETURN void xexit(int status);
bool write_all(int fd, const void *p, size_t n);

/* out.c: buffered stdout, flushed by out_flush, xexit and every message */
void out_mem(const char *p, size_t n);
void out_str(const char *s);
void outf(const char *f, ...) PRINTF(1, 2);
bool out_flush(void);

#endif
