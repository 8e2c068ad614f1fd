/* netns-exec - run a command in a named network namespace */
//config:config NETNS_EXEC
//config:	bool "netns-exec"
//config:	default y
//applet:NETNS_EXEC netns-exec netns_exec_main
//usage:netns-exec [-a] [-u USER[:GROUP]] NAME COMMAND [ARG]...
//usage:Run COMMAND in namespace NAME, with its /sys and ETC_DIR/NAME files.
//usage:Exits with its status, or 125 (setup), 126 (cannot run), 127 (not found).
//usage:	-a	in every namespace in turn (no NAME)
//usage:	-u USER[:GROUP]	as USER, with its groups

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

/* A passwd or group line: its fields name, password, id, then the gid or
 * the members; its id, and a passwd line's gid. */
struct line {
	char *f[4];
	unsigned id, gid;
};

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

/* An id as the C library reads the fields of passwd and group lines and
 * as -u takes a number: decimal, "0100" is 100; unlike strtoul, no sign
 * and no blank; at most 32 bits. */
static bool get_id(const char *s, unsigned *v)
{
	if (!*s || !all_digits(s))
		return false;
	/* Without its leading zeros, which get_uint reads as octal. */
	while (s[0] == '0' && s[1])
		s++;
	return get_uint(s, v);
}

/* Cuts the next line of a passwd (gid) or group file at *p into l, as
 * glibc reads them: blanks before the name, empty lines and '#' lines are
 * passed over, and so is a line whose id (or gid) is no number. False at
 * the end. */
static bool next_line(char **p, struct line *l, bool gid)
{
	for (;;) {
		char *s = *p;

		if (!*s)
			return false;
		*p = s + span(s, false, "\n");
		if (**p)
			*(*p)++ = '\0';
		s += span(s, true, " \t\v\f\r");
		if (!*s || *s == '#')
			continue;
		for (int i = 0; i < 4; i++) {
			l->f[i] = s;
			s += span(s, false, ":");
			if (*s)
				*s++ = '\0';
		}
		if (get_id(l->f[2], &l->id) && (!gid || get_id(l->f[3], &l->gid)))
			return true;
	}
}

/* The first line of FILE whose name is NAME, or with NAME NULL whose id is
 * ID, in l: getpwnam, getpwuid and getgrnam. */
static bool find(const char *file, const char *name, unsigned id, bool gid,
		 struct line *l)
{
	char *p = slurp(file);

	while (next_line(&p, l, gid))
		if (name ? strcmp(l->f[0], name) == 0 : l->id == id)
			return true;
	return false;
}

static bool member(const char *list, const char *name)
{
	size_t k = strlen(name), n;

	for (;; list += n + 1) {
		n = span(list, false, ",");
		if (n == k && strncmp(list, name, k) == 0)
			return true;
		if (!list[n])
			return false;
	}
}

/* -u USER[:GROUP] in the namespace's /etc/passwd and /etc/group: USER is
 * a name, else a number (its line, if any, gives the name); the group is
 * GROUP (a name, else a number), else USER's, else (a number with no
 * line) the same number; the other groups list USER in /etc/group. The
 * raw calls: libc's bring in the code that changes the ids of threads. */
static void become(char *spec)
{
	char *group = strchr(spec, ':'), *name = NULL, *p;
	unsigned uid, gid, *list;
	struct line l;
	long n = 1;

	if (group)
		*group++ = '\0';
	if (find("/etc/passwd", spec, 0, true, &l) ||
	    (get_id(spec, &uid) && find("/etc/passwd", NULL, uid, true, &l))) {
		name = l.f[0];
		uid = l.id;
		gid = l.gid;
	} else if (get_id(spec, &uid)) {
		gid = uid;
	} else {
		die(125, "%s: unknown user %s", applet_name, spec);
	}
	if (group && !(find("/etc/group", group, 0, false, &l) ?
		       (gid = l.id, true) : get_id(group, &gid)))
		die(125, "%s: unknown group %s", applet_name, group);
	p = slurp("/etc/group");
	/* A line is at least two bytes. */
	list = xzalloc((strlen(p) / 2 + 1) * sizeof(*list));
	list[0] = gid;
	while (name && next_line(&p, &l, false))
		if (member(l.f[3], name))
			list[n++] = l.id;
	if (group)
		group[-1] = ':';
	if (syscall(SYS_setgroups, n, list) < 0 ||
	    syscall(SYS_setgid, gid) < 0 || syscall(SYS_setuid, uid) < 0)
		die(125, "%s: cannot run as %s:", applet_name, spec);
}

/* A file the kernel cannot run (no #! line) is a shell script to execvp:
 * run it with /bin/sh, in the slot before the command's words. The
 * policy may run the command itself (exec_self). */
static void exec_file(const struct policy *p, const char *path, char **cmd)
{
	extern char **environ;
	char *word = cmd[0];

	if (p->exec_self)
		p->exec_self(path, cmd);
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
static void exec_path(const struct policy *p, char **cmd)
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
		size_t n = span(dirs, false, ":");

		memcpy(path, dirs, n < PATH_MAX ? n : 0);
		if (n < PATH_MAX &&
		    fmt(path + n, PATH_MAX - n, n ? "/%s" : "%s", cmd[0]) < PATH_MAX - n) {
			exec_file(p, path, cmd);
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
 * with the policy's statuses. */
static NORETURN void run(const struct policy *p, const char *name, char **cmd)
{
	int e;

	if (netns_switch(name) < 0)
		xexit(p->exec_setup);
	if (G.user)
		become(G.user);
	exec_path(p, cmd);
	e = errno;
	msg("exec of \"%s\" failed:", cmd[0]);
	xexit(!p->exec_errno ? 1 : e == ENOENT ? 127 : 126);
}

/* run in a child: its exit status, or 128 + the signal that killed it.
 * With signal_exits, a killed child ends this process with status 1. */
static int spawn(const struct policy *p, const char *name, char **cmd)
{
	int status;
	pid_t pid;

	out_flush();
	/* _Fork, not fork: the child's libc knows its own thread id (a
	 * raw clone would leave it the parent's, and raise() in the child
	 * would signal the parent), and there are no atfork handlers, nor
	 * the locks that fork takes for them, to bring in. */
	pid = _Fork();
	if (pid < 0)
		die(p->exec_fail, "fork:");
	if (pid == 0)
		run(p, name, cmd);
	if (waitpid(pid, &status, 0) < 0)
		die(p->exec_fail, "waitpid:");
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (p->signal_exits)
		xexit(1);
	return 128 + WTERMSIG(status);
}

/* cmd in each name of the run dir in turn, each in a child. With
 * all_status, 1 when a command failed. */
static int exec_all(const struct policy *p, char **cmd)
{
	struct nsdir d;
	const char *name;
	int r = 0;

	if (!*cmd) {
		msg("No command specified");
		return p->exec_fail;
	}
	if (netns_walk(&d) < 0)
		return p->exec_fail;
	while ((name = dir_next(&d))) {
		outf("\nnetns: %s\n", name);
		if (spawn(p, name, cmd))
			r = p->all_status;
	}
	dir_close(&d);
	return r;
}

/* args: NAME COMMAND [ARG]...; the command runs in place of this
 * process, or in a child with exec_child. With -a (G.all), args are the
 * command, run in every namespace. */
int netns_exec(const struct policy *p, char **args)
{
	if (G.all)
		return exec_all(p, args);
	if (!args[0]) {
		msg("No netns name specified");
		return p->exec_fail;
	}
	if (!args[1]) {
		msg("No command specified");
		return p->exec_fail;
	}
	if (p->exec_child)
		return spawn(p, args[0], args + 1);
	/* What stdout holds would be lost with this process. */
	if (!out_flush())
		xexit(p->exec_fail);
	run(p, args[0], args + 1);
}

int netns_exec_main(int argc, char **argv)
{
	char **ops = getflags(argv, "au:", -1);

	(void)argc;
	G.user = G.flag_arg;
	G.all = G.flags & 1;
	if (!G.all && ops[0] && ops[1] && netns_name_bad(ops[0]))
		die(125, "Invalid netns name \"%s\"", ops[0]);
	return netns_exec(&applet_policy, ops);
}
