/* netns.c - the run dir and the named namespaces in it */
#include "libbb.h"
#include <sched.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <limits.h>
#include <linux/magic.h>
#include <dirent.h>
#include <sys/syscall.h>
#include "cfg/NETNS_RUN_DIR.h"

const char run_dir[] = CONFIG_NETNS_RUN_DIR;
static const char lock_path[] = CONFIG_NETNS_RUN_DIR ".lock";

bool netns_name_bad(const char *name)
{
	return !*name || strlen(name) > NAME_MAX || strchr(name, '/') ||
	       strcmp(name, ".") == 0 || strcmp(name, "..") == 0;
}

/* The applets check each NAME; ip checks its second word before it knows
 * the command (and not with -all), as iproute2 does. */
void netns_check_name(const char *name)
{
	if (netns_name_bad(name))
		die(255, "Invalid netns name \"%s\"", name);
}

/* "" when RUN_DIR/name does not fit (a run dir's name can be longer than
 * NAME_MAX): a path that names nothing, not one cut short that names
 * another file. */
char *netns_path(char *buf, const char *name)
{
	if (fmt(buf, PATH_MAX, "%s/%s", run_dir, name) >= PATH_MAX)
		*buf = '\0';
	return buf;
}

int netns_open_pid(pid_t pid)
{
	char path[32];

	fmt(path, sizeof(path), "/proc/%d/ns/net", (int)pid);
	return openat(AT_FDCWD, path, O_RDONLY | O_CLOEXEC);
}

/* A name is usable when a namespace is mounted on it, not merely when the
 * file exists: add creates the file before it binds the namespace. */
bool netns_mounted_at(int dirfd, const char *name)
{
	struct statfs sf;
	/* O_PATH: no open of the file itself, which would block on a FIFO
	 * and needs no permission on it. */
	int fd = openat(dirfd, name, O_PATH | O_CLOEXEC | O_NOFOLLOW);
	bool ok;

	if (fd < 0)
		return false;
	ok = fstatfs(fd, &sf) == 0 && sf.f_type == NSFS_MAGIC;
	close(fd);
	return ok;
}

/* The lock of add, attach and delete is a file beside the run dir,
 * RUN_DIR.lock, that only root can open: a regular file, root's, mode
 * 0600, never a link followed. Not the run dir itself, which iproute2
 * locks: it is open to every user, and any user could hold a lock on it
 * for ever. Not a file in the run dir either: iproute2 would list it as a
 * name. flags: O_CREAT for the commands that change names. */
static int lock_open(int flags)
{
	struct stat st;
	int fd = openat(AT_FDCWD, lock_path, O_RDONLY | O_NOFOLLOW |
			O_NONBLOCK | O_NOCTTY | O_CLOEXEC | flags, 0600);

	if (fd >= 0 && (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) ||
			st.st_uid || (st.st_mode & 077))) {
		close(fd);
		fd = -1;
	}
	return fd;
}

/* The state of this file, the one place where anything outlives a name:
 * what add, attach and delete keep from one name to the next in an ip
 * batch (netns_batch), where taking the lock and holding the signals for
 * each name would cost more system calls than the name itself. A single
 * command lets go of it all when its name is done, but for self. Each
 * batch line but add, attach and delete first lets go of it all
 * (netns_release): no line writes, waits or runs a command under a lock
 * that others would wait for, or with a signal held that should end it; a
 * read of the batch file that would wait, the same. */
static struct {
	bool batch;	/* keep the lock and the signals after a name */
	bool locked;	/* dir and lock are open, the lock taken */
	bool ready;	/* the run dir made and shared since the lock was */
	bool has_self;	/* self is open */
	unsigned char held;	/* names changed since the signals were held
				 * (in old); 0: they are not */
	int dir, lock;	/* the run dir and the fd locked (dir or the lock
			 * file's) */
	int self;	/* the network namespace add comes back to: this
			 * process's, which no add leaves for good */
	sigset_t old;
} keep;

void netns_batch(void)
{
	keep.batch = true;
}

/* The lock first, then the signals: a stop (SIGTSTP) held off until now
 * stops a process that holds no lock. */
void netns_release(void)
{
	if (keep.locked) {
		if (keep.lock != keep.dir)
			close(keep.lock);
		close(keep.dir);
		keep.locked = keep.ready = false;
	}
	if (keep.held) {
		keep.held = 0;
		sigprocmask(SIG_SETMASK, &keep.old, NULL);
	}
}

/* A reader's share of the lock: while it looks at a name and opens it, no
 * add or delete of ours is half way. -1 when there is no lock file (no add
 * made one), when this process holds the lock itself (a batch), or for a
 * caller who may not open it (not root: no namespace to enter for it
 * either). Never the run dir's own lock, which any user may hold. */
static int lock_shared(void)
{
	int fd = keep.locked ? -1 : lock_open(0);

	while (fd >= 0 && flock(fd, LOCK_SH) < 0 && errno == EINTR)
		;
	return fd;
}

/* NAME of the folder dirfd (a path from AT_FDCWD), opened for setns or
 * NETNSA_FD as iproute2 opens it (a symbolic link followed), but never a
 * device, whose open may start a watchdog, nor a FIFO, whose writer an
 * open lets go. The run dir stands in for them: the kernel refuses a
 * folder as it refuses any file that is not a namespace, in the same
 * words. type is NAME's DT_* in the folder's listing, DT_UNKNOWN when not
 * known. A plain file or folder there is opened at once, without following
 * a link put in its place since (what is mounted on it is root's doing);
 * anything else is looked at through an O_PATH handle first, then opened
 * through the handle, so that what was looked at is what is opened (by
 * name again only without /proc). A FIFO must not block, a terminal must
 * not become the controlling one. */
int netns_open_at(int dirfd, const char *name, unsigned char type)
{
	const int how = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY;
	struct stat st;
	char self[32];
	int h, fd;

	if (type == DT_REG || type == DT_DIR) {
		fd = openat(dirfd, name, how | O_NOFOLLOW);
		if (fd >= 0 || errno != ELOOP)
			return fd;
	}
	h = openat(dirfd, name, O_PATH | O_CLOEXEC);
	if (h < 0)
		return -1;
	if (fstat(h, &st) == 0 && (S_ISCHR(st.st_mode) ||
	    S_ISBLK(st.st_mode) || S_ISFIFO(st.st_mode))) {
		fd = openat(AT_FDCWD, run_dir, O_RDONLY | O_DIRECTORY |
			    O_CLOEXEC);
	} else {
		fmt(self, sizeof(self), "/proc/self/fd/%d", h);
		fd = openat(AT_FDCWD, self, how);
		if (fd < 0 && errno == ENOENT)
			fd = openat(dirfd, name, how);
	}
	close(h);
	return fd;
}

/* An empty regular file of mode 0: what add makes before it binds the
 * namespace on it, and delete leaves between unbinding and removing (a
 * namespace's file has mode 0444). */
static bool empty0(const struct stat *st)
{
	return S_ISREG(st->st_mode) && !(st->st_mode & 07777) && !st->st_size;
}

/* RUN_DIR/NAME, whatever NAME is (ip -n takes any word), looked at first
 * as a listing would show it, under a share of the lock: then it is a
 * namespace or it is gone (or, left by a killed add, it is what iproute2
 * meets too), never a name an add or delete has half made or removed. */
int netns_open(const char *name)
{
	char path[PATH_MAX];
	struct stat st;
	int lock = lock_shared(), fd = -1;

	netns_path(path, name);
	if (fstatat(AT_FDCWD, path, &st, AT_SYMLINK_NOFOLLOW) == 0)
		fd = netns_open_at(AT_FDCWD, path, IFTODT(st.st_mode));
	if (lock >= 0) {
		int e = errno;

		close(lock);
		errno = e;
	}
	return fd;
}

/* Opens the run dir and takes the lock, unless this process holds it:
 * the lock file's, or where there is none to be had (a read-only parent,
 * a caller who is not root) the run dir's own, as iproute2 locks. false
 * with errno set when the run dir cannot be opened. */
static bool lock_run_dir(void)
{
	if (keep.locked)
		return true;
	keep.dir = openat(AT_FDCWD, run_dir, O_RDONLY | O_DIRECTORY |
			  O_CLOEXEC);
	if (keep.dir < 0)
		return false;
	keep.lock = lock_open(O_CREAT);
	if (keep.lock < 0)
		keep.lock = keep.dir;
	while (flock(keep.lock, LOCK_EX) < 0) {
		if (errno != EINTR) {
			msg("Warning: could not flock netns runtime directory \"%s\":",
			    run_dir);
			break;
		}
	}
	return keep.locked = true;
}

/* The run dir, made (0755) if it is missing; reports. */
int netns_mkdir(void)
{
	if (mkdir(run_dir, 0755) < 0 && errno != EEXIST) {
		msg("mkdir %s failed:", run_dir);
		return -1;
	}
	return 0;
}

/* Takes the lock, creating the run dir (0755) if it is missing, unless a
 * batch has both done. Add, attach and delete hold it while they change a
 * name, so that they are atomic with respect to each other; add holds it
 * while it makes the run dir a mount point, so that this happens once
 * however many adds race at boot. Reports. */
static bool netns_lock(void)
{
	if (keep.ready)
		return true;
	if (netns_mkdir() < 0)
		return false;
	if (lock_run_dir())
		return true;
	msg("Cannot open netns runtime directory \"%s\":", run_dir);
	return false;
}

/* What an add leaves when it is killed between making the file and binding
 * the namespace on it, and a delete killed between unbinding and removing:
 * an empty regular file of mode 0, root's, with one link, on the run dir's
 * own file system (st: from lstat; dev: the run dir's), so with nothing
 * mounted on it from elsewhere. The caller holds the lock, so that no add
 * or delete of ours is half way. */
static bool leftover(const struct stat *st, dev_t dev)
{
	return empty0(st) && !st->st_uid && st->st_nlink == 1 &&
	       st->st_dev == dev;
}

/* Make the run dir a shared mount point: a name unmounted in one mount
 * namespace is then unmounted in all of them, which lets the namespace be
 * freed sooner, and a name mounted later reaches the mount namespaces made
 * before (services with a private /tmp, say). It becomes a mount point by
 * a bind to itself, which stays in its parent's peer group when the parent
 * is shared, as iproute2's does. The caller holds the lock: adds racing at
 * boot bind it once, not again and again over each other's binds, which
 * is what locks machines up. */
static int setup_run_dir(void)
{
	bool made = false;

	while (mount("", run_dir, "none", MS_SHARED | MS_REC, NULL) < 0) {
		if (errno != EINVAL || made) {
			msg("mount --make-shared %s failed:", run_dir);
			return -1;
		}
		if (mount(run_dir, run_dir, "none", MS_BIND | MS_REC, NULL) < 0) {
			msg("mount --bind %s %s failed:", run_dir, run_dir);
			return -1;
		}
		made = true;
	}
	return 0;
}

/* Signals wait while a name is half made or half removed: an interrupted
 * add must not leave an empty file behind. Only once the lock is held: one
 * waiting for it must still stop on a signal. */
static void hold_signals(void)
{
	sigset_t all;

	if (keep.held++)
		return;
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &keep.old);
}

/* After each name a single command lets go of the lock and the signals,
 * a batch only after 64 names, so that a signal that came meanwhile still
 * ends it soon, between two names. */
static void name_done(void)
{
	if (!keep.batch || keep.held >= 64)
		netns_release();
}

/* Whether RUN_DIR/NAME at path, whose lstat is st, is one of ours: a
 * namespace, or what a killed add or delete left. Looked at by its path,
 * not in dir: a batch's dir may be the folder that the run dir's own
 * mount, made since, covers. */
static bool ours(int dir, const char *path, const struct stat *st)
{
	struct stat ds;

	return netns_mounted_at(AT_FDCWD, path) ||
	       (fstat(dir, &ds) == 0 && leftover(st, ds.st_dev));
}

/* Unbinds and removes RUN_DIR/NAME at path, in the run dir dir; with
 * !any, only one of ours. Nothing is unmounted that cannot then be
 * removed: the unlink comes first, and only its EBUSY (a mount on the
 * name here) unmounts; where it fails otherwise (a read-only run dir, a
 * folder) its errno is iproute2's answer. Reports. */
static int unbind_locked(int dir, const char *path, bool any)
{
	struct stat st;

	if (!any && fstatat(AT_FDCWD, path, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    !ours(dir, path, &st)) {
		msg("Leaving \"%s\" alone: not a network namespace", path);
		return -1;
	}
	if (unlink(path) == 0)
		return 0;
	if (errno == EBUSY) {
		umount2(path, MNT_DETACH | UMOUNT_NOFOLLOW);
		if (unlink(path) == 0)
			return 0;
	}
	msg("Cannot remove namespace file \"%s\":", path);
	return -1;
}

/* Delete never makes the run dir. One that cannot be opened holds no
 * name, and why is the answer for the name too (no such file, not a
 * directory), as unlink would give it. Under the lock, unbinding then
 * removing cannot meet an add half done. */
int netns_unbind(const char *name, bool any)
{
	char path[PATH_MAX];
	int r = -1;

	netns_path(path, name);
	origin_enter();
	if (lock_run_dir()) {
		hold_signals();
		r = unbind_locked(keep.dir, path, any);
	} else {
		msg("Cannot remove namespace file \"%s\":", path);
	}
	name_done();
	origin_leave();
	return r;
}

/* The loopback of the namespace this process is in, up. */
static int lo_up(void)
{
	const struct link_change up = { .nsfd = -1, .up = 1 };
	struct nl nl;
	int r = nl_open(&nl, true);

	if (r == 0)
		r = link_set(&nl, "lo", &up);
	nl_close(&nl);
	return r;
}

/* The file of a new name, open, made where nothing is (a leftover is
 * replaced) in the run dir dir: by its path, which the run dir's own
 * mount made since dir was opened may cover. A leftover is replaced only
 * while no iproute2 add, which locks the run dir itself, is half way:
 * then what it made is not taken. Otherwise "File exists". */
static int create(int dir, const char *path)
{
	const int how = O_RDONLY | O_CREAT | O_EXCL | O_CLOEXEC;
	int fd = openat(AT_FDCWD, path, how, 0);
	struct stat st, ds;

	if (fd >= 0 || errno != EEXIST)
		return fd;
	if (fstatat(AT_FDCWD, path, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    fstat(dir, &ds) == 0 && leftover(&st, ds.st_dev) &&
	    flock(dir, LOCK_EX | LOCK_NB) == 0 && unlink(path) == 0)
		return openat(AT_FDCWD, path, how, 0);
	errno = EEXIST;
	return -1;
}

/* Bind a namespace on RUN_DIR/name, which must not exist yet: a new one
 * (pid 0), with its loopback up when lo, or that of process pid. In
 * iproute2's order: the run dir (made shared once for as long as a batch
 * holds the lock), the file, then the namespace, so that the messages are
 * the same. The bind is onto the file made, through its fd, not onto
 * whatever the name leads to by then: in a run dir others may write, a
 * link swapped in for it must not get a namespace bound over its target.
 * On failure nothing is left: no file, no mount. The caller holds the
 * lock. */
static int bind_locked(int dir, const char *name, pid_t pid, bool lo,
		       int self)
{
	char path[PATH_MAX], buf[32], dst[32];
	const char *src = "/proc/self/ns/net";
	int fd, r = -1;

	if (!keep.ready && setup_run_dir() < 0)
		return -1;
	keep.ready = true;
	fd = create(dir, netns_path(path, name));
	if (fd < 0) {
		msg("Cannot create namespace file \"%s\":", path);
		return -1;
	}
	fmt(dst, sizeof(dst), "/proc/self/fd/%d", fd);
	if (pid) {
		fmt(buf, sizeof(buf), "/proc/%d/ns/net", (int)pid);
		src = buf;
	} else if (unshare(CLONE_NEWNET) < 0) {
		msg("Failed to create a new network namespace \"%s\":", name);
		goto fail;
	}
	/* The namespace is complete before its name is usable. */
	if (!pid && lo && lo_up() < 0)
		msg("Cannot bring up lo in \"%s\":", name);
	else if ((r = mount(src, dst, "none", MS_BIND, NULL)) < 0)
		msg("Bind %s -> %s failed:", src, path);
	/* Back only from a namespace of our own making: setns needs a
	 * privilege an ordinary user has not, even into one's own. This
	 * process cannot go on in the wrong namespace, but it leaves no
	 * name behind: the caller's status and the lock end with it. */
	if (!pid && setns(self, CLONE_NEWNET) < 0) {
		msg("Cannot return to the caller's network namespace:");
		if (r == 0)
			umount2(path, MNT_DETACH | UMOUNT_NOFOLLOW);
		unlink(path);
		xexit(1);
	}
fail:
	close(fd);
	if (r < 0)
		unlink(path);
	return r;
}

/* Add (pid 0) or attach. The caller stays in its own namespace: batch mode
 * runs many adds in one process. */
int netns_bind(const char *name, pid_t pid, bool lo)
{
	int r = -1;

	/* Only add leaves this namespace and comes back to it. */
	if (!pid && !keep.has_self) {
		keep.self = openat(AT_FDCWD, "/proc/self/ns/net",
				   O_RDONLY | O_CLOEXEC);
		if (keep.self < 0) {
			msg("Cannot open init namespace:");
			return -1;
		}
		keep.has_self = true;
	}
	origin_enter();
	if (netns_lock()) {
		hold_signals();
		r = bind_locked(keep.dir, name, pid, lo, keep.self);
	}
	name_done();
	origin_leave();
	return r;
}

/* Directory reading without opendir, whose closedir would bring malloc
 * and free into the binary. */
int dir_open(struct nsdir *d, const char *path)
{
	d->pos = d->len = 0;
	d->fd = openat(AT_FDCWD, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	return d->fd < 0 ? -1 : 0;
}

/* The next name, skipping "." and ".."; NULL at the end, on error or
 * when d is not open. */
const char *dir_next(struct nsdir *d)
{
	for (;;) {
		struct dirent64 *e;

		if (d->fd < 0)
			return NULL;
		if (d->pos >= d->len) {
			long n = syscall(SYS_getdents64, d->fd, d->buf, sizeof(d->buf));

			if (n <= 0)
				return NULL;
			d->len = n;
			d->pos = 0;
		}
		e = (struct dirent64 *)(d->buf + d->pos);
		d->pos += e->d_reclen;
		d->type = e->d_type;
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			return e->d_name;
	}
}

/* Opens the run dir to walk every name. A missing one holds no name: the
 * walk is empty (d->fd is -1). Reports when it cannot be read. */
int netns_walk(struct nsdir *d)
{
	if (dir_open(d, run_dir) == 0 || errno == ENOENT)
		return 0;
	msg("Failed to open directory %s:", run_dir);
	return -1;
}

void dir_close(struct nsdir *d)
{
	if (d->fd >= 0)
		close(d->fd);
	d->fd = -1;
}
