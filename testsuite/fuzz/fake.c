/* fake.c - the kernel of the fuzz builds (see fake.h): netlink answers,
 * files and a run dir made from the fuzz input, and calls that change this
 * process's namespaces, ids or program done as nothing. Every descriptor
 * it gives out is real (a memfd), so that the code under test may read,
 * fstat and close it; fake_reset closes those the code left open. */
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
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <linux/netlink.h>

extern const char run_dir[];

enum kind { NONE, SOCK, FILE_, DIR_ };

/* What each descriptor of ours is, by number. */
static struct {
	enum kind kind;
	unsigned pos;	/* a directory's next entry */
} fds[1024];

/* The input: datagrams and run-dir names point into it. */
struct record {
	uint32_t from;	/* the sender's port id, 0 for the kernel */
	const uint8_t *p;
	size_t len;
};
static struct record grams[4096], names[1024];
static unsigned ngrams, nextgram, nnames;
static struct fake_file files[8];
static unsigned nfiles;

struct fake_stats fake_stats;

static int new_fd(enum kind kind, const void *data, size_t len)
{
	int fd = memfd_create("fake", MFD_CLOEXEC);

	if (fd < 0 || fd >= (int)ARRAY_LEN(fds))
		abort();
	if (len && write(fd, data, len) != (ssize_t)len)
		abort();
	lseek(fd, 0, SEEK_SET);
	fds[fd].kind = kind;
	fds[fd].pos = 0;
	return fd;
}

static enum kind kind_of(int fd)
{
	return fd >= 0 && fd < (int)ARRAY_LEN(fds) ? fds[fd].kind : NONE;
}

void fake_reset(void)
{
	for (unsigned fd = 0; fd < ARRAY_LEN(fds); fd++)
		if (fds[fd].kind != NONE) {
			fds[fd].kind = NONE;
			close(fd);
		}
	ngrams = nextgram = nnames = nfiles = 0;
	memset(&fake_stats, 0, sizeof(fake_stats));
}

void fake_files(const struct fake_file *f, unsigned n)
{
	if (n > ARRAY_LEN(files))
		abort();
	memcpy(files, f, n * sizeof(*f));
	nfiles = n;
}

/* A name a kernel can give in a directory: no '/', no NUL, not empty, at
 * most 1024 bytes (FUSE's limit, above NAME_MAX). */
static bool name_ok(const uint8_t *p, size_t len)
{
	return len && len <= 1024 && !memchr(p, '/', len) && !memchr(p, 0, len);
}

void fake_name(const char *name)
{
	if (nnames == ARRAY_LEN(names))
		abort();
	names[nnames++] = (struct record){ 0, (const uint8_t *)name,
					   strlen(name) };
}

/* Records of [kind][length, 2 bytes little-endian][bytes]: kind 255 is a
 * name in the run dir, any other a datagram from port kind (0, the
 * kernel). A record cut short by the end of the input keeps what is
 * there. */
void fake_load(const uint8_t *p, size_t n)
{
	while (n >= 3) {
		size_t len = p[1] | (size_t)p[2] << 8;
		uint8_t kind = p[0];

		p += 3;
		n -= 3;
		if (len > n)
			len = n;
		if (kind == 255) {
			if (nnames < ARRAY_LEN(names) && name_ok(p, len))
				names[nnames++] = (struct record){ 0, p, len };
		} else if (ngrams < ARRAY_LEN(grams)) {
			grams[ngrams++] = (struct record){ kind, p, len };
		}
		p += len;
		n -= len;
	}
}

int fake_socket(int domain, int type, int protocol)
{
	(void)type;
	(void)protocol;
	if (domain != AF_NETLINK) {
		errno = EAFNOSUPPORT;
		return -1;
	}
	return new_fd(SOCK, NULL, 0);
}

int fake_setsockopt(int fd, int level, int name, const void *v, socklen_t len)
{
	(void)level;
	(void)name;
	(void)v;
	(void)len;
	if (kind_of(fd) != SOCK) {
		errno = ENOTSOCK;
		return -1;
	}
	return 0;
}

int fake_bind(int fd, const struct sockaddr *sa, socklen_t len)
{
	(void)sa;
	return kind_of(fd) == SOCK && len >= sizeof(struct sockaddr_nl) ?
	       0 : (errno = EINVAL, -1);
}

int fake_getsockname(int fd, struct sockaddr *sa, socklen_t *len)
{
	struct sockaddr_nl nl = { .nl_family = AF_NETLINK,
				  .nl_pid = FAKE_PORTID };

	if (kind_of(fd) != SOCK) {
		errno = ENOTSOCK;
		return -1;
	}
	memcpy(sa, &nl, *len < sizeof(nl) ? *len : sizeof(nl));
	*len = sizeof(nl);
	return 0;
}

/* What is sent must be whole netlink messages, each a request. */
ssize_t fake_sendto(int fd, const void *buf, size_t len, int flags,
		    const struct sockaddr *sa, socklen_t salen)
{
	const struct nlmsghdr *n = buf;
	size_t left = len;

	(void)flags;
	(void)sa;
	(void)salen;
	if (kind_of(fd) != SOCK) {
		errno = ENOTSOCK;
		return -1;
	}
	for (; NLMSG_OK(n, left); n = NLMSG_NEXT(n, left)) {
		if (!(n->nlmsg_flags & NLM_F_REQUEST) || n->nlmsg_pid)
			abort();
		fake_stats.requests++;
	}
	if (left)
		abort();
	return len;
}

/* The next datagram; past the last one, EAGAIN, where the kernel would
 * block for ever. */
ssize_t fake_recvfrom(int fd, void *buf, size_t len, int flags,
		      struct sockaddr *sa, socklen_t *salen)
{
	const struct record *g = &grams[nextgram];

	if (kind_of(fd) != SOCK) {
		errno = ENOTSOCK;
		return -1;
	}
	if (nextgram == ngrams) {
		errno = EAGAIN;
		return -1;
	}
	memcpy(buf, g->p, g->len < len ? g->len : len);
	if (sa) {
		struct sockaddr_nl nl = { .nl_family = AF_NETLINK,
					  .nl_pid = g->from };

		memcpy(sa, &nl, *salen < sizeof(nl) ? *salen : sizeof(nl));
		*salen = sizeof(nl);
	}
	if (!(flags & MSG_PEEK))
		nextgram++;
	return flags & MSG_TRUNC || g->len < len ? g->len : len;
}

ssize_t fake_recv(int fd, void *buf, size_t len, int flags)
{
	return fake_recvfrom(fd, buf, len, flags, NULL, NULL);
}

static bool in_run_dir(int dirfd, const char *path, const char **name)
{
	size_t k = strlen(run_dir);

	if (kind_of(dirfd) == DIR_) {
		*name = path;
		return true;
	}
	if (dirfd != AT_FDCWD || strncmp(path, run_dir, k) || path[k] != '/')
		return false;
	*name = path + k + 1;
	return true;
}

/* The files of fake_files, the run dir and its names; nothing else. */
int fake_openat(int dirfd, const char *path, int flags, ...)
{
	const char *name;

	if (dirfd == AT_FDCWD && strcmp(path, run_dir) == 0 && nnames)
		return new_fd(DIR_, NULL, 0);
	if (in_run_dir(dirfd, path, &name))
		for (unsigned i = 0; i < nnames; i++)
			if (strlen(name) == names[i].len &&
			    memcmp(name, names[i].p, names[i].len) == 0)
				return flags & O_DIRECTORY ?
				       (errno = ENOTDIR, -1) :
				       new_fd(FILE_, NULL, 0);
	if (dirfd == AT_FDCWD)
		for (unsigned i = 0; i < nfiles; i++)
			if (strcmp(path, files[i].path) == 0)
				return flags & O_DIRECTORY ?
				       (errno = ENOTDIR, -1) :
				       new_fd(FILE_, files[i].data, files[i].len);
	errno = ENOENT;
	return -1;
}

int fake_close(int fd)
{
	if (kind_of(fd) != NONE)
		fds[fd].kind = NONE;
	return close(fd);
}

/* The run dir's entries as getdents64 gives them: ".", "..", then the
 * names, as many whole records as fit. */
static long getdents(int fd, void *buf, size_t size)
{
	char *out = buf;
	size_t used = 0;

	if (kind_of(fd) != DIR_) {
		errno = ENOTDIR;
		return -1;
	}
	for (; fds[fd].pos < nnames + 2; fds[fd].pos++) {
		unsigned i = fds[fd].pos;
		const char *name = i == 0 ? "." : i == 1 ? ".." : NULL;
		size_t len = name ? strlen(name) : names[i - 2].len;
		size_t reclen = offsetof(struct fake_dirent, d_name) + len + 1;
		struct fake_dirent *e = (struct fake_dirent *)(out + used);

		reclen = (reclen + 7) & ~(size_t)7;
		if (used + reclen > size)
			break;
		memset(e, 0, reclen);
		e->d_ino = i + 1;
		e->d_off = i + 1;
		e->d_reclen = reclen;
		e->d_type = 0;
		memcpy(e->d_name, name ? (const void *)name : names[i - 2].p, len);
		used += reclen;
	}
	if (!used && fds[fd].pos < nnames + 2) {
		errno = EINVAL;
		return -1;
	}
	return used;
}

/* Calls that would change the ids or the working folder do nothing; the
 * groups are read, as the kernel would copy them. */
long fake_syscall(long nr, ...)
{
	va_list ap;
	long a, b, c, r = 0;

	va_start(ap, nr);
	a = va_arg(ap, long);
	b = va_arg(ap, long);
	c = va_arg(ap, long);
	va_end(ap);
	switch (nr) {
	case SYS_getdents64:
		return getdents(a, (void *)b, c);
	case SYS_setgroups:
		if (a < 0 || a > 65536) {
			errno = EINVAL;
			return -1;
		}
		for (long i = 0; i < a; i++)
			fake_stats.groups ^= ((const unsigned *)b)[i];
		fake_stats.ngroups = a;
		return 0;
	case SYS_setgid:
	case SYS_setuid:
	case SYS_fchdir:
		return 0;
	default:
		errno = ENOSYS;
		r = -1;
	}
	return r;
}

int fake_setns(int fd, int type)
{
	(void)type;
	return kind_of(fd) == FILE_ ? 0 : (errno = EINVAL, -1);
}

int fake_unshare(int flags)
{
	(void)flags;
	return 0;
}

int fake_mount(const char *src, const char *dst, const char *type,
	       unsigned long flags, const void *data)
{
	(void)src;
	(void)dst;
	(void)type;
	(void)flags;
	(void)data;
	return 0;
}

int fake_umount2(const char *path, int flags)
{
	(void)path;
	(void)flags;
	return 0;
}

/* A child, which does nothing and exits 0: the code under test goes on as
 * its parent. */
#define FAKE_CHILD 4242

pid_t fake_fork(void)
{
	return FAKE_CHILD;
}

pid_t fake_waitpid(pid_t pid, int *status, int flags)
{
	(void)flags;
	if (pid != FAKE_CHILD) {
		errno = ECHILD;
		return -1;
	}
	*status = 0;
	return pid;
}

/* No program is run: it is not found. */
int fake_execve(const char *path, char *const argv[], char *const envp[])
{
	(void)path;
	(void)envp;
	for (int i = 0; argv[i]; i++)
		fake_stats.args += strlen(argv[i]);
	errno = ENOENT;
	return -1;
}
