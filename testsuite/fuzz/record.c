/* record.c - the seam of fake.h with the real kernel behind it: the
 * netlink target's commands run for real, and the answers they receive
 * and the run-dir names they read are written down as a fuzz input that
 * fake.c serves back the same way (the port id made FAKE_PORTID). Seeds
 * of the corpus come from here (record-seeds.sh).
 * Usage: netlink-record MODE FILE; prints the command's output and then
 * "status N", as netlink-replay -v does for FILE. */
#include "fake.h"
#undef socket
#undef setsockopt
#undef bind
#undef getsockname
#undef sendto
#undef recv
#undef recvfrom
#undef openat
#undef close
#undef setns
#undef unshare
#undef mount
#undef umount2
#undef syscall
#undef execve
#undef _Fork
#undef waitpid
#undef _exit

#include "harness.h"
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <linux/netlink.h>

extern const char run_dir[];
int netlink_run(unsigned m);

static FILE *out;
static uint32_t portid;
static int dirfd_run = -1;
struct fake_stats fake_stats;

static void put(uint8_t kind, const void *p, size_t len)
{
	uint8_t h[3] = { kind, len & 0xff, len >> 8 };

	if (len > 0xffff || fwrite(h, 3, 1, out) != 1 ||
	    (len && fwrite(p, len, 1, out) != 1))
		abort();
}

void fake_load(const uint8_t *p, size_t n)
{
	(void)p;
	(void)n;
}

void fake_files(const struct fake_file *f, unsigned n)
{
	(void)f;
	(void)n;
}

void fake_name(const char *name)
{
	(void)name;
}

void fake_reset(void)
{
}

int fake_socket(int domain, int type, int protocol)
{
	return socket(domain, type, protocol);
}

int fake_setsockopt(int fd, int level, int name, const void *v, socklen_t len)
{
	return setsockopt(fd, level, name, v, len);
}

int fake_bind(int fd, const struct sockaddr *sa, socklen_t len)
{
	return bind(fd, sa, len);
}

int fake_getsockname(int fd, struct sockaddr *sa, socklen_t *len)
{
	int r = getsockname(fd, sa, len);

	if (r == 0)
		portid = ((struct sockaddr_nl *)sa)->nl_pid;
	return r;
}

ssize_t fake_sendto(int fd, const void *buf, size_t len, int flags,
		    const struct sockaddr *sa, socklen_t salen)
{
	return sendto(fd, buf, len, flags, sa, salen);
}

/* Each datagram is written down when it is taken (not when peeked at),
 * whole, with its sender. */
ssize_t fake_recvfrom(int fd, void *buf, size_t len, int flags,
		      struct sockaddr *sa, socklen_t *salen)
{
	static union {
		struct nlmsghdr n;
		char b[65536];
	} u;
	struct sockaddr_nl from;
	socklen_t flen = sizeof(from);
	ssize_t k = recvfrom(fd, u.b, sizeof(u.b), flags | MSG_TRUNC,
			     (struct sockaddr *)&from, &flen);

	if (k < 0)
		return k;
	if ((size_t)k > sizeof(u.b))
		abort();
	memcpy(buf, u.b, (size_t)k < len ? (size_t)k : len);
	if (sa) {
		memcpy(sa, &from, *salen < flen ? *salen : flen);
		*salen = flen;
	}
	if (!(flags & MSG_PEEK)) {
		size_t left = k;

		for (struct nlmsghdr *n = &u.n; NLMSG_OK(n, left);
		     n = NLMSG_NEXT(n, left))
			if (n->nlmsg_pid == portid)
				n->nlmsg_pid = FAKE_PORTID;
		put(from.nl_pid > 254 ? 254 : from.nl_pid, u.b, k);
	}
	return flags & MSG_TRUNC || (size_t)k < len ? k : (ssize_t)len;
}

ssize_t fake_recv(int fd, void *buf, size_t len, int flags)
{
	return fake_recvfrom(fd, buf, len, flags, NULL, NULL);
}

int fake_openat(int dirfd, const char *path, int flags, ...)
{
	va_list ap;
	int fd, mode;

	va_start(ap, flags);
	mode = flags & O_CREAT ? va_arg(ap, int) : 0;
	va_end(ap);
	fd = openat(dirfd, path, flags, mode);
	if (fd >= 0 && dirfd == AT_FDCWD && strcmp(path, run_dir) == 0)
		dirfd_run = fd;
	return fd;
}

int fake_close(int fd)
{
	if (fd == dirfd_run)
		dirfd_run = -1;
	return close(fd);
}

long fake_syscall(long nr, ...)
{
	va_list ap;
	long a, b, c, k;

	va_start(ap, nr);
	a = va_arg(ap, long);
	b = va_arg(ap, long);
	c = va_arg(ap, long);
	va_end(ap);
	if (nr != SYS_getdents64)
		abort();
	k = syscall(nr, a, b, c);
	for (long pos = 0; a == dirfd_run && pos < k;) {
		const struct fake_dirent *e = (const void *)((char *)b + pos);

		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			put(255, e->d_name, strlen(e->d_name));
		pos += e->d_reclen;
	}
	return k;
}

int fake_setns(int fd, int type)
{
	(void)fd;
	(void)type;
	abort();
}

int fake_unshare(int flags)
{
	(void)flags;
	abort();
}

int fake_mount(const char *src, const char *dst, const char *type,
	       unsigned long flags, const void *data)
{
	(void)src;
	(void)dst;
	(void)type;
	(void)flags;
	(void)data;
	abort();
}

int fake_umount2(const char *path, int flags)
{
	(void)path;
	(void)flags;
	abort();
}

int fake_execve(const char *path, char *const argv[], char *const envp[])
{
	(void)path;
	(void)argv;
	(void)envp;
	abort();
}

pid_t fake_fork(void)
{
	abort();
}

pid_t fake_waitpid(pid_t pid, int *status, int flags)
{
	(void)pid;
	(void)status;
	(void)flags;
	abort();
}

int main(int argc, char **argv)
{
	unsigned mode;
	int status;

	if (argc != 3 || !(out = fopen(argv[2], "wbe"))) {
		fprintf(stderr, "usage: netlink-record MODE FILE\n");
		return 2;
	}
	mode = atoi(argv[1]);
	fputc(mode, out);
	status = netlink_run(mode);
	if (fclose(out) != 0)
		return 2;
	printf("status %d\n", status);
	return 0;
}
