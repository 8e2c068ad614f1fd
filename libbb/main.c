/* main.c - dispatch by name, and netnsbox's own options */
#include "libbb.h"
#include <sys/auxv.h>
#include <sys/stat.h>
#include <limits.h>
#include "cfg/FEATURE_INSTALLER.h"

struct applet {
	const char *name;
	int (*main)(int argc, char **argv);
	const char *usage;
};

/* Sorted by name, the order of --list; the empty last entry ends the
 * walks (and keeps the table from being empty in a build with no applet). */
static const struct applet applets[] = {
#include "applet-table.h"
	{ NULL, NULL, NULL }
};

const char *applet_name = "netnsbox";
const char *applet_usage = "";
struct globals G;

void cmd_reset(void)
{
	memset(&G, 0, sizeof(G));
}

/* netnsbox's own front end: statuses as env(1)'s for exec, every name
 * acted on and reported, a failure shown in the status. */
const struct policy applet_policy = {
	.exec_fail = 125,
	.exec_setup = 125,
	.exec_errno = true,
	.all_status = true,
	.pid_names = true,
	.ns_only = true,
	.strict = true,
};

/* A dozen names: a walk is as quick as a search, and smaller. */
static const struct applet *find_applet(const char *name)
{
	for (const struct applet *a = applets; a->name; a++)
		if (strcmp(name, a->name) == 0)
			return a;
	return NULL;
}

void show_usage(int fd)
{
	if (fd == 1) {
		out_str(applet_usage);
		out_flush();
	} else {
		out_flush();
		write_all(fd, applet_usage, strlen(applet_usage));
	}
}

/* Bad arguments to an applet: its usage on stderr, as iproute2 does. */
void usage_exit(int status)
{
	show_usage(2);
	xexit(status);
}

static void netnsbox_help(void)
{
	outf("netnsbox %s: named network namespaces, as ip netns does them\n"
	     "Usage: netnsbox APPLET [ARGS]...  or  APPLET [ARGS]... by a link\n"
	     "       netnsbox --list | --install [-s] DIR | --help\n"
	     "Applets:\n", NETNSBOX_VERSION);
	for (const struct applet *a = applets; a->name; a++)
		outf("%s%s", a == applets ? "\t" : ", ", a->name);
	out_str(applets->name ? "\n" : "\t(none)\n");
}

/* An existing DIR/NAME may be replaced only when it is this binary already:
 * a hard link to it or a symbolic link that resolves to it. */
static bool is_self(const char *path, const struct stat *self)
{
	struct stat st;

	return stat(path, &st) == 0 && st.st_dev == self->st_dev &&
	       st.st_ino == self->st_ino;
}

static int install(int argc, char **argv)
{
	char exe[PATH_MAX], path[PATH_MAX];
	bool sym = argc == 4 && strcmp(argv[2], "-s") == 0;
	struct stat self;
	ssize_t n;

	if (argc != 3 + sym)
		die(1, "Usage: netnsbox --install [-s] DIR");
	/* A path that fills exe may have been cut. */
	errno = ENAMETOOLONG;
	n = readlink("/proc/self/exe", exe, sizeof(exe));
	if (n < 0 || n == sizeof(exe) || stat("/proc/self/exe", &self) < 0)
		die(1, "netnsbox: cannot find its own file (is /proc mounted?):");
	exe[n] = '\0';
	/* Check every name before changing any, so that a refusal leaves DIR
	 * as it was. */
	for (int pass = 0; pass < 2; pass++) {
		for (const struct applet *a = applets; a->name; a++) {
			/* A path cut short would name another file: DIR/netns-att,
			 * or one in an ancestor of a DIR over PATH_MAX. */
			if (fmt(path, sizeof(path), "%s/%s", argv[2 + sym],
				a->name) >= sizeof(path)) {
				errno = ENAMETOOLONG;
				die(1, "netnsbox: cannot link %s/%s:", argv[2 + sym],
				    a->name);
			}
			if (pass == 0) {
				struct stat st;

				/* The rule of netnsbox(8), INSTALLATION: a
				 * dangling link is not this binary either. */
				if (lstat(path, &st) == 0 && !is_self(path, &self))
					die(1, "netnsbox: %s exists and is not a link to netnsbox",
					    path);
				continue;
			}
			if (unlink(path) < 0 && errno != ENOENT)
				die(1, "netnsbox: cannot remove %s:", path);
			if ((sym ? symlink(exe, path) : link(exe, path)) < 0)
				die(1, "netnsbox: cannot link %s:", path);
		}
	}
	return 0;
}

static int run(const struct applet *a, int argc, char **argv)
{
	applet_name = a->name;
	applet_usage = a->usage;
	cmd_reset();
	/* ip keeps iproute2's answer to --help, which is its usage on stderr. */
	if (argc == 2 && strcmp(argv[1], "--help") == 0 &&
	    strcmp(a->name, "ip") != 0) {
		show_usage(1);
		return 0;
	}
	return a->main(argc, argv);
}

int main(int argc, char **argv)
{
	const char *base = argv[0] ? strrchr(argv[0], '/') : NULL;
	const struct applet *a;

	/* Installed setuid, setgid or with file capabilities, netnsbox would
	 * let anybody create namespaces and run commands with that privilege. */
	if (getauxval(AT_SECURE))
		die(1, "netnsbox: refusing to run with more privilege than its caller (setuid, setgid or file capabilities)");
	if (argc < 1)
		return 127;
	base = base ? base + 1 : argv[0];
	a = find_applet(base);
	if (!a) {
		if (argc < 2 || strcmp(argv[1], "--help") == 0) {
			netnsbox_help();
			xexit(0);
		}
		if (strcmp(argv[1], "--list") == 0) {
			for (const struct applet *l = applets; l->name; l++)
				outf("%s\n", l->name);
			xexit(0);
		}
		if (ENABLE_FEATURE_INSTALLER && strcmp(argv[1], "--install") == 0)
			return install(argc, argv);
		a = find_applet(argv[1]);
		if (!a)
			die(127, "netnsbox: applet not found: %s", argv[1]);
		argc--;
		argv++;
	}
	xexit(run(a, argc, argv));
}

/* argv run as this binary started with it would run it, from main, in
 * this process: ip.c's exec_self. */
void main_again(char **argv)
{
	int argc = 0;

	while (argv[argc])
		argc++;
	errno = 0;
	xexit(main(argc, argv));
}
