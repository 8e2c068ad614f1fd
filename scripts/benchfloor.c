/* benchfloor - the floor programs of scripts/bench.sh: each makes only the
 * system calls its task cannot do without, and nothing for messages,
 * options or safety. Built static with musl; not part of netnsbox.
 *
 *   benchfloor true                 exits: what any static process costs
 *   benchfloor add NAME             ip netns add: run dir shared, file made,
 *                                   new namespace bound on it
 *   benchfloor delete NAME          ip netns delete: unmount, unlink
 *   benchfloor batch FILE           ip -b FILE of "netns add|delete NAME"
 *                                   lines: the same per name, in one process
 *   benchfloor exec NAME CMD...     ip netns exec: namespace, own mount
 *                                   namespace with the name's /sys, execve
 *   benchfloor enter NAME CMD...    setns into NAME and execve, nothing else
 *                                   (nsenter --net)
 *   benchfloor list                 ip netns list: read the run dir, ask the
 *                                   nsid of every name (RTM_GETNSID with
 *                                   NETNSA_FD, 64 to a send), print
 *   benchfloor procs                ip netns pids: stat every /proc/PID/ns/net
 *
 * RUN_DIR and ETC_DIR are given by -D when it is built.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/net_namespace.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#ifndef RUN_DIR
#define RUN_DIR "/run/netns"
#endif
#ifndef ETC_DIR
#define ETC_DIR "/etc/netns"
#endif

extern char **environ;
static char path[4096];

/* openat from the working folder: musl's open adds an fcntl for
 * O_CLOEXEC. */
static int open_cwd(const char *file, int flags)
{
	return openat(AT_FDCWD, file, flags | O_CLOEXEC, 0);
}

static const char *at(const char *dir, const char *name)
{
	size_t n = strlen(dir);

	memcpy(path, dir, n);
	path[n] = '/';
	strcpy(path + n + 1, name);
	return path;
}

static int add_prepare(void)
{
	mkdir(RUN_DIR, 0755);
	if (mount("", RUN_DIR, "none", MS_SHARED | MS_REC, NULL) < 0) {
		mount(RUN_DIR, RUN_DIR, "none", MS_BIND | MS_REC, NULL);
		mount("", RUN_DIR, "none", MS_SHARED | MS_REC, NULL);
	}
	return 0;
}

static int add(const char *name, int self)
{
	int fd = open_cwd(at(RUN_DIR, name), O_RDONLY | O_CREAT | O_EXCL);

	if (fd < 0)
		return 1;
	close(fd);
	if (unshare(CLONE_NEWNET) < 0 ||
	    mount("/proc/self/ns/net", path, "none", MS_BIND, NULL) < 0)
		return 1;
	return self >= 0 && setns(self, CLONE_NEWNET) < 0;
}

static int delete(const char *name)
{
	umount2(at(RUN_DIR, name), MNT_DETACH | UMOUNT_NOFOLLOW);
	return unlink(path) < 0;
}

static int batch(const char *file)
{
	static char buf[1 << 16];
	int fd = open_cwd(file, O_RDONLY), self = -1, r = 0;
	size_t len = 0, start = 0;
	ssize_t k;

	if (fd < 0)
		return 1;
	while ((k = read(fd, buf + len, sizeof(buf) - 1 - len)) > 0) {
		len += k;
		for (char *nl; (nl = memchr(buf + start, '\n', len - start));
		     start = nl + 1 - buf) {
			char *w = buf + start, *name;

			*nl = '\0';
			name = strrchr(w, ' ');
			if (!name || strncmp(w, "netns ", 6))
				continue;
			name++;
			if (w[6] == 'a') {
				if (self < 0) {
					self = open_cwd("/proc/self/ns/net",
							O_RDONLY);
					add_prepare();
				}
				r |= add(name, self);
			} else {
				r |= delete(name);
			}
		}
		memmove(buf, buf + start, len - start);
		len -= start;
		start = 0;
	}
	return r;
}

static int netns_enter(const char *name)
{
	int fd = open_cwd(at(RUN_DIR, name), O_RDONLY);

	return fd < 0 || setns(fd, CLONE_NEWNET) < 0;
}

static int exec_in(const char *name, char **cmd, int full)
{
	if (netns_enter(name))
		return 1;
	if (full) {
		int d;

		if (unshare(CLONE_NEWNS) < 0 ||
		    mount("", "/", "none", MS_SLAVE | MS_REC, NULL) < 0)
			return 1;
		umount2("/sys", MNT_DETACH);
		if (mount(name, "/sys", "sysfs", 0, NULL) < 0)
			return 1;
		/* The etc dir is looked at: that cannot be saved. */
		d = open_cwd(at(ETC_DIR, name), O_RDONLY | O_DIRECTORY);
		if (d >= 0)
			return 1;	/* the floor binds no files */
	}
	execve(cmd[0], cmd, environ);
	return 127;
}

#define BATCH 64
/* The first attribute of a request or answer, after its family header. */
#define ATTR_OFF (NLMSG_HDRLEN + NLMSG_ALIGN(sizeof(struct rtgenmsg)))
#define REQ (ATTR_OFF + NLA_HDRLEN + 4)

static char out[1 << 16];
static size_t outn;

static void put(const char *s, size_t n)
{
	if (outn + n > sizeof(out)) {
		write(1, out, outn);
		outn = 0;
	}
	memcpy(out + outn, s, n);
	outn += n;
}

static void put_entry(const char *name, int nsid)
{
	char num[16];
	int k = sizeof(num);

	put(name, strlen(name));
	if (nsid >= 0) {
		put(" (id: ", 6);
		do
			num[--k] = '0' + nsid % 10;
		while (nsid /= 10);
		put(num + k, sizeof(num) - k);
		put(")", 1);
	}
	put("\n", 1);
}

/* The nsids of n names in one send, then one receive per answer. */
static void ask(int sk, int dirfd, char (*names)[256], int *nsid, int n)
{
	static union { struct nlmsghdr h; char b[BATCH * REQ]; } req;
	static union { struct nlmsghdr h; char b[8192]; } ans;
	int fd[BATCH], pending = 0;
	char *p = req.b;

	for (int i = 0; i < n; i++) {
		struct nlmsghdr *h = (struct nlmsghdr *)p;
		struct nlattr *a = (struct nlattr *)(p + ATTR_OFF);

		nsid[i] = -1;
		fd[i] = openat(dirfd, names[i], O_RDONLY | O_CLOEXEC);
		if (fd[i] < 0)
			continue;
		memset(h, 0, REQ);
		h->nlmsg_len = REQ;
		h->nlmsg_type = RTM_GETNSID;
		h->nlmsg_flags = NLM_F_REQUEST;
		h->nlmsg_seq = i + 1;
		a->nla_type = NETNSA_FD;
		a->nla_len = NLA_HDRLEN + 4;
		memcpy((char *)a + NLA_HDRLEN, &fd[i], 4);
		p += REQ;
		pending++;
	}
	if (pending) {
		struct sockaddr_nl sa = { .nl_family = AF_NETLINK };

		sendto(sk, req.b, p - req.b, 0, (struct sockaddr *)&sa,
		       sizeof(sa));
	}
	for (int i = 0; i < n; i++)
		if (fd[i] >= 0)
			close(fd[i]);
	while (pending > 0) {
		ssize_t len = recv(sk, ans.b, sizeof(ans.b), 0);
		struct nlmsghdr *h = &ans.h;

		if (len <= 0)
			return;
		for (; NLMSG_OK(h, len); h = NLMSG_NEXT(h, len)) {
			unsigned i = h->nlmsg_seq - 1;
			char *m = (char *)h;
			struct nlattr *a = (struct nlattr *)(m + ATTR_OFF);

			pending--;
			if (h->nlmsg_type != RTM_NEWNSID || i >= (unsigned)n)
				continue;
			if (h->nlmsg_len >= NLMSG_HDRLEN + 4 + NLA_HDRLEN + 4 &&
			    a->nla_type == NETNSA_NSID)
				memcpy(&nsid[i], (char *)a + NLA_HDRLEN, 4);
		}
	}
}

static int list(void)
{
	static char names[BATCH][256], buf[4096];
	int nsid[BATCH], k = 0;
	int dirfd = open_cwd(RUN_DIR, O_RDONLY | O_DIRECTORY);
	int sk = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	long n;

	if (dirfd < 0 || sk < 0)
		return 1;
	for (;;) {
		n = syscall(SYS_getdents64, dirfd, buf, sizeof(buf));
		for (long pos = 0; pos < n;) {
			struct dirent64 *e = (struct dirent64 *)(buf + pos);

			pos += e->d_reclen;
			if (e->d_name[0] == '.' && (!e->d_name[1] ||
			    (e->d_name[1] == '.' && !e->d_name[2])))
				continue;
			strcpy(names[k++], e->d_name);
			if (k == BATCH) {
				ask(sk, dirfd, names, nsid, k);
				for (int i = 0; i < k; i++)
					put_entry(names[i], nsid[i]);
				k = 0;
			}
		}
		if (n <= 0)
			break;
	}
	if (k) {
		ask(sk, dirfd, names, nsid, k);
		for (int i = 0; i < k; i++)
			put_entry(names[i], nsid[i]);
	}
	write(1, out, outn);
	return 0;
}

static int procs(void)
{
	static char buf[8192];
	int dirfd = open_cwd("/proc", O_RDONLY | O_DIRECTORY);
	struct stat st;
	long n;

	if (dirfd < 0)
		return 1;
	while ((n = syscall(SYS_getdents64, dirfd, buf, sizeof(buf))) > 0)
		for (long pos = 0; pos < n;) {
			struct dirent64 *e = (struct dirent64 *)(buf + pos);

			pos += e->d_reclen;
			if (e->d_name[0] < '0' || e->d_name[0] > '9')
				continue;
			fstatat(dirfd, at(e->d_name, "ns/net"), &st, 0);
		}
	return 0;
}

int main(int argc, char **argv)
{
	const char *cmd = argc > 1 ? argv[1] : "";

	if (strcmp(cmd, "true") == 0)
		return 0;
	if (strcmp(cmd, "add") == 0 && argc == 3)
		return add_prepare() || add(argv[2], -1);
	if (strcmp(cmd, "delete") == 0 && argc == 3)
		return delete(argv[2]);
	if (strcmp(cmd, "batch") == 0 && argc == 3)
		return batch(argv[2]);
	if (strcmp(cmd, "exec") == 0 && argc > 3)
		return exec_in(argv[2], argv + 3, 1);
	if (strcmp(cmd, "enter") == 0 && argc > 3)
		return exec_in(argv[2], argv + 3, 0);
	if (strcmp(cmd, "list") == 0)
		return list();
	if (strcmp(cmd, "procs") == 0)
		return procs();
	static const char usage[] =
		"usage: benchfloor true|add|delete|batch|exec|enter|list|"
		"procs\n";

	write(2, usage, sizeof(usage) - 1);
	return 2;
}
