/* netns-exec - run a command in a named network namespace */
//config:config NETNS_EXEC
//config:	bool "netns-exec"
//config:	default y
//applet:NETNS_EXEC netns-exec netns_exec_main
//usage:netns-exec [-a] [-u USER[:GROUP]] NAME COMMAND [ARG]...
//usage:Run COMMAND in namespace NAME, with NAME's /sys and ETC_DIR/NAME's
//usage:files bound over /etc. Exits with COMMAND's status, or 125 (setup
//usage:failed), 126 (cannot run), 127 (not found).
//usage:	-a	run COMMAND in every named namespace in turn (no NAME)
//usage:	-u USER[:GROUP]	run as USER (name or number), with its groups

#include "libbb.h"
#include <limits.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>

/* The 32-bit ABIs have old calls with 16-bit ids under the plain names. */
#ifdef SYS_setuid32
#undef SYS_setuid
#undef SYS_setgid
#undef SYS_setgroups
#define SYS_setuid SYS_setuid32
#define SYS_setgid SYS_setgid32
#define SYS_setgroups SYS_setgroups32
#endif

static char *user, *f[4];

/* A small file whole, NUL-terminated; "" when it cannot be read. One
 * read(2) gets all of a regular file. */
static char *slurp(const char *path)
{
	struct stat st;
	char *buf = "";
	int fd = openat(AT_FDCWD, path, O_RDONLY | O_CLOEXEC);

	if (fd >= 0 && fstat(fd, &st) == 0) {
		buf = xzalloc(st.st_size + 1);
		if (read(fd, buf, st.st_size) < 0)
			*buf = '\0';
	}
	close(fd);
	return buf;
}

/* Cuts the next line of a passwd or group file at *p into the fields f:
 * name, password, id, then the gid or the members. False at the end. */
static bool next_line(char **p)
{
	char *s = *p;

	if (!*s)
		return false;
	*p = s + strcspn(s, "\n");
	if (**p)
		*(*p)++ = '\0';
	for (int i = 0; i < 4; i++) {
		f[i] = s;
		s += strcspn(s, ":");
		if (*s)
			*s++ = '\0';
	}
	return true;
}

/* The line of FILE whose name or id is KEY, in f. */
static bool find(const char *file, const char *key)
{
	char *p = slurp(file);

	while (next_line(&p))
		if (strcmp(f[0], key) == 0 || strcmp(f[2], key) == 0)
			return true;
	return false;
}

static bool member(const char *list, const char *name)
{
	size_t k = strlen(name), n;

	for (;; list += n + 1) {
		n = strcspn(list, ",");
		if (n == k && strncmp(list, name, k) == 0)
			return true;
		if (!list[n])
			return false;
	}
}

/* -u USER[:GROUP], by name or number in the namespace's /etc/passwd and
 * /etc/group; the group is GROUP, else USER's, else (a number with no
 * line) the same number; the other groups list USER in /etc/group. The
 * raw calls: libc's bring in the code that changes the ids of threads. */
static void become(char *spec)
{
	char *group = strchr(spec, ':'), *name = NULL, *p;
	unsigned uid, gid, *list;
	long n = 1;

	if (group)
		*group++ = '\0';
	if (find("/etc/passwd", spec)) {
		name = f[0];
		spec = f[2];
		if (!get_uint(f[3], &gid))
			name = NULL;
	}
	if (!get_uint(spec, &uid))
		die(125, "%s: unknown user %s", applet_name, spec);
	if (!name)
		gid = uid;
	if (group && !(find("/etc/group", group) ? get_uint(f[2], &gid) :
		       get_uint(group, &gid)))
		die(125, "%s: unknown group %s", applet_name, group);
	p = slurp("/etc/group");
	/* A line is at least two bytes. */
	list = xzalloc((strlen(p) / 2 + 1) * sizeof(*list));
	list[0] = gid;
	while (name && next_line(&p))
		if (member(f[3], name) && get_uint(f[2], &list[n]))
			n++;
	if (syscall(SYS_setgroups, n, list) < 0 ||
	    syscall(SYS_setgid, gid) < 0 || syscall(SYS_setuid, uid) < 0)
		die(125, "%s: cannot run as %s:", applet_name, spec);
}

/* A file the kernel cannot run (no #! line) is a shell script to execvp:
 * run it with /bin/sh, in the slot before the command's words. */
static void exec_file(const char *path, char **cmd)
{
	extern char **environ;
	char *word = cmd[0];

	execve(path, cmd, environ);
	if (errno != ENOEXEC)
		return;
	cmd[-1] = "/bin/sh";
	cmd[0] = (char *)path;
	execve(cmd[-1], cmd - 1, environ);
	cmd[0] = word;
	errno = ENOEXEC;
}

/* execvp, in less code than libc's: the first PATH (default glibc's, as
 * iproute2 sees it), an empty entry is the current folder, EACCES wins
 * over ENOENT, a path too long is not cut short. */
static void exec_path(char **cmd)
{
	extern char **environ;
	const char *dirs = "/bin:/usr/bin";
	char path[PATH_MAX];
	int e = ENOENT;

	for (char **v = environ; *v; v++)
		if (strncmp(*v, "PATH=", 5) == 0) {
			dirs = *v + 5;
			break;
		}
	if (strchr(cmd[0], '/') || !*cmd[0])
		dirs = "";
	for (;;) {
		size_t n = strcspn(dirs, ":");

		memcpy(path, dirs, n < PATH_MAX ? n : 0);
		if (n < PATH_MAX &&
		    fmt(path + n, PATH_MAX - n, n ? "/%s" : "%s", cmd[0]) < PATH_MAX - n) {
			exec_file(path, cmd);
			if (errno != ENOENT && errno != ENOTDIR)
				e = errno;
		} else {
			e = ENAMETOOLONG;
		}
		if (!dirs[n] || (e != ENOENT && e != EACCES))
			break;
		dirs += n + 1;
	}
	errno = e;
}

/* The switch, then the command in place of this process. Failures exit
 * with iproute2's statuses in ip, env(1)'s in netns-exec. */
static NORETURN void run(const char *name, char **cmd)
{
	int e;

	if (netns_switch(name) < 0)
		xexit(ip_mode ? 255 : 125);
	if (user)
		become(user);
	exec_path(cmd);
	e = errno;
	msg("exec of \"%s\" failed:", cmd[0]);
	xexit(ip_mode ? 1 : e == ENOENT ? 127 : 126);
}

/* run in a child: its exit status, or 128 + the signal that killed it.
 * ip exits at once when the child was killed, as iproute2 does. */
static int spawn(const char *name, char **cmd)
{
	int status;
	pid_t pid;

	out_flush();
	/* The raw call: libc's fork brings in its locks for threads. */
#ifdef SYS_fork
	pid = syscall(SYS_fork);
#else
	pid = syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0);
#endif
	if (pid < 0)
		die(ip_mode ? 1 : 125, "fork:");
	if (pid == 0)
		run(name, cmd);
	if (waitpid(pid, &status, 0) < 0)
		die(ip_mode ? 1 : 125, "waitpid:");
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (ip_mode)
		xexit(1);
	return 128 + WTERMSIG(status);
}

/* ip -all netns exec returns 0 whatever the commands did, as iproute2;
 * netns-exec -a returns 1 when one failed. */
static int exec_all(char **cmd)
{
	static struct nsdir d;
	const char *name;
	int r = 0;

	switch (netns_walk(&d)) {
	case 0:
		return 0;
	case -1:
		return ip_mode ? 1 : 125;
	}
	while ((name = dir_next(&d))) {
		outf("\nnetns: %s\n", name);
		if (spawn(name, cmd))
			r = !ip_mode;
	}
	dir_close(&d);
	return r;
}

int netns_exec_main(int argc, char **argv)
{
	char *args[2] = { NULL, NULL };
	int i, bad = ip_mode ? 1 : 125;
	unsigned bits = getflags(argv, "au:", args, &i);

	if (!ip_mode) {
		opt_all = bits & 1;
		user = args[1];
	}
	if (!opt_all && i >= argc) {
		msg("No netns name specified");
		return bad;
	}
	if (i + !opt_all >= argc) {
		msg("No command specified");
		return bad;
	}
	if (opt_all)
		return exec_all(argv + i);
	if (!ip_mode && netns_name_bad(argv[i]))
		die(125, "Invalid netns name \"%s\"", argv[i]);
	/* A batch goes on after the command: it runs in a child. */
	if (ip_batch)
		return spawn(argv[i], argv + i + 1);
	out_flush();
	run(argv[i], argv + i + 1);
}
