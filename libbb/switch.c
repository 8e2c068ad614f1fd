/* switch.c - enter a named namespace the way namespace-unaware programs
 * need it: its network, its /sys, its files from the etc dir */
#include "libbb.h"
#include <limits.h>
#include <sched.h>
#include <sys/syscall.h>
#include <sys/mount.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include "cfg/NETNS_ETC_DIR.h"

/* Each entry of ETC_DIR/NAME is bound over the same name in /etc. An entry
 * whose target is missing is reported and the others go on. */
static void bind_etc(const char *name)
{
	char dir[PATH_MAX], src[PATH_MAX], dst[PATH_MAX];
	static struct nsdir d;
	const char *e;

	/* A path cut short would bind another file. */
	if (fmt(dir, sizeof(dir), "%s/%s", CONFIG_NETNS_ETC_DIR, name) >=
	    sizeof(dir) || dir_open(&d, dir) < 0)
		return;
	while ((e = dir_next(&d))) {
		errno = ENAMETOOLONG;
		if (fmt(src, sizeof(src), "%s/%s", dir, e) >= sizeof(src) ||
		    fmt(dst, sizeof(dst), "/etc/%s", e) >= sizeof(dst) ||
		    mount(src, dst, "none", MS_BIND, NULL) < 0)
			msg("Bind %s -> %s failed:", src, dst);
	}
	dir_close(&d);
}

/* The mount namespace netnsbox started in, kept by ip -n before its
 * first switch: names are made and removed there, where their mounts
 * outlive this process, not in the switched one, whose mounts go with it.
 * exec's switch needs none: its command cannot add or delete in-process
 * (ip.c's exec_self runs main again with none, as a new process). */
static int origin = -1, back = -1, cwd = -1;

void origin_keep(void)
{
	if (origin < 0)
		origin = openat(AT_FDCWD, "/proc/self/ns/mnt",
				O_RDONLY | O_CLOEXEC);
}

static void enter(int ns)
{
	if (ns < 0 || setns(ns, CLONE_NEWNS) < 0)
		die(1, "Cannot switch the mount namespace:");
}

void origin_enter(void)
{
	if (origin < 0)
		return;
	back = openat(AT_FDCWD, "/proc/self/ns/mnt", O_RDONLY | O_CLOEXEC);
	cwd = openat(AT_FDCWD, ".", O_PATH | O_DIRECTORY | O_CLOEXEC);
	enter(origin);
}

/* Back, and to the working folder, which setns moved to the root: a
 * batch's later lines may name files relative to it. */
void origin_leave(void)
{
	if (origin < 0)
		return;
	enter(back);
	close(back);
	syscall(SYS_fchdir, cwd);
	close(cwd);
}

/* A process that runs main again (ip.c's exec_self) starts as a new one
 * does: it has switched nowhere yet. */
void origin_forget(void)
{
	close(origin);
	origin = -1;
}

int netns_switch(const char *name)
{
	unsigned long flags = 0;
	struct statfs sv;
	int fd = netns_open(name);

	if (fd < 0) {
		msg("Cannot open network namespace \"%s\":", name);
		return -1;
	}
	/* fd is left open, O_CLOEXEC: after the switch comes the command's
	 * execve or, for ip -n, the whole run in that namespace; after a
	 * failure, the exit. */
	if (setns(fd, CLONE_NEWNET) < 0) {
		msg("setting the network namespace \"%s\" failed:", name);
		return -1;
	}
	if (unshare(CLONE_NEWNS) < 0) {
		msg("unshare failed:");
		return -1;
	}
	/* A slave of the old tree: mounts made inside never propagate back
	 * to the caller's mount namespace. */
	if (mount("", "/", "none", MS_SLAVE | MS_REC, NULL) < 0) {
		msg("\"mount --make-rslave /\" failed:");
		return -1;
	}
	/* /sys shows the devices of the namespace that mounted it: replace it.
	 * One that cannot be detached is covered instead, read-only if it
	 * was, since a read-only sysfs cannot be shadowed by a writable one. */
	if (umount2("/sys", MNT_DETACH) < 0 && statfs("/sys", &sv) == 0 &&
	    (sv.f_flags & ST_RDONLY))
		flags = MS_RDONLY;
	if (mount(name, "/sys", "sysfs", flags, NULL) < 0) {
		msg("mount of /sys failed:");
		return -1;
	}
	bind_etc(name);
	return 0;
}
