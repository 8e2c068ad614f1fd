/* ip - the iproute2-compatible front end */
//config:config IP
//config:	bool "ip"
//config:	default y
//applet:IP ip ip_main own-usage
//usage:ip [OPTIONS] netns [COMMAND [ARG]...]
//usage:iproute2's ip netns and ip link set ... netns; other objects run a fallback ip.
//usage:OPTIONS: -all -n NAME -j -p -b FILE -force -V -h

#include "libbb.h"
#include <limits.h>
#include <poll.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "cfg/FEATURE_JSON.h"
#include "cfg/IP_FALLBACK.h"
#include "cfg/IP_LINK.h"

static const char ip_usage[] =
"Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n"
"       ip [ -force ] -batch filename\n"
"where  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp |\n"
"                   link | macsec | maddress | monitor | mptcp | mroute | mrule |\n"
"                   neighbor | neighbour | netconf | netns | nexthop | ntable |\n"
"                   ntbl | route | rule | sr | tap | tcpmetrics |\n"
"                   token | tunnel | tuntap | vrf | xfrm }\n"
"       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |\n"
"                    -h[uman-readable] | -iec | -j[son] | -p[retty] |\n"
"                    -f[amily] { inet | inet6 | mpls | bridge | link } |\n"
"                    -4 | -6 | -M | -B | -0 |\n"
"                    -l[oops] { maximum-addr-flush-attempts } | -br[ief] |\n"
"                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |\n"
"                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |\n"
"                    -c[olor]}\n";

static const char netns_usage[] =
"Usage:\tip netns list\n"
"\tip netns add NAME\n"
"\tip netns attach NAME PID\n"
"\tip netns set NAME NETNSID\n"
"\tip [-all] netns delete [NAME]\n"
"\tip netns identify [PID]\n"
"\tip netns pids NAME\n"
"\tip [-all] netns exec [NAME] cmd ...\n"
"\tip netns monitor\n"
"\tip netns list-id [target-nsid POSITIVE-INT] [nsid POSITIVE-INT]\n"
"NETNSID := auto | POSITIVE-INT\n";

/* What iproute2 6.1's ip netns does that netnsbox's applets do not, as
 * data for the cores (see struct policy in libbb.h). */
#define IP_POLICY \
	.exec_fail = 1,		/* ipnetns.c on_netns_exec: return -1 */ \
	.exec_setup = 255,	/* netns_switch failed: exit(-1) */ \
	.exec_errno = false,	/* cmd_exec: exit(1) after execvp */ \
	.signal_exits = true,	/* cmd_exec: a signalled child exits 1 */ \
	.all_status = false,	/* netns_foreach returns 0 */ \
	.all_stop = true,	/* on_netns_del's -1 ends netns_foreach */ \
	.all_any = true,	/* on_netns_del removes every entry */ \
	.first_only = true,	/* netns_delete reads argv[0] only */ \
	.last_only = true,	/* netns_identify keeps the last match */ \
	.pid_names = false,	/* netns_set opens the name only */ \
	.c_numbers = true,	/* get_integer, get_s32: strtol base 0 */ \
	.ns_only = false,	/* netns_pids scans /proc for any file */ \
	.list_reports = 2,	/* get_netnsid_from_name, twice a name */ \
	.list_id_reports = 1	/* netns_map_init, once a name */

static void exec_self(const char *path, char **cmd);

static const struct policy ip_policy = {
	IP_POLICY,
	.strict = true,
	.exec_self = exec_self,
};

/* ip -b: iproute2 asks no strict checking in batch mode, and runs exec's
 * command in a child so that the batch goes on. exec_self never runs
 * there: the words of its command are in the batch's buffers, which an
 * inner ip -b would fill again. */
static const struct policy ip_batch_policy = {
	IP_POLICY,
	.exec_child = true,
	.strict = false,
};

/* ip's state for the whole run: its options apply to every command of a
 * batch, each of which starts from a zeroed G. */
static struct {
	const struct policy *policy;
	bool batch, force, all, json, pretty;
	char **opts;	/* the options the fallback gets: all but -n NAME,
			 * -b FILE and -force, which ip has done */
	int nopts;
	const char *fallback;	/* its path, once found */
} ip = { .policy = &ip_policy };

/* Apart from ip: a buffer in ip's initialised data would be stored in
 * the binary. */
static char fallback_buf[PATH_MAX];

/* iproute2's matches(): a non-empty prefix of word. strncmp stops at the
 * end of word, where a longer p differs. */
static bool is_prefix(const char *p, const char *word)
{
	return *p && *p == *word && strncmp(p, word, strlen(p)) == 0;
}

static NORETURN void usage_of(const char *text)
{
	applet_usage = text;
	usage_exit(255);
}

/* The netns commands in iproute2's order of matching: "s" is show, not
 * set; "a" is add, not attach. A NULL core is iproute2's usage. -all
 * (G.all) is for delete and exec, which read it, to act on every name.
 * identify, pids and monitor print text whatever -j says, as iproute2
 * 6.1. keep: in a batch, add, attach and delete may find the run dir's
 * lock and the signals still held from the line before (netns_release);
 * every other line lets go of them first, so that none writes, waits or
 * runs anything under them. */
static const struct {
	const char *name;
	netns_core *core;
	bool text, keep;
} commands[] = {
	{ "list", netns_list, false, false },
	{ "show", netns_list, false, false },
	{ "lst", netns_list, false, false },
	{ "list-id", netns_list_id, false, false },
	{ "help", NULL, false, false },
	{ "add", netns_add, false, true },
	{ "set", netns_set, false, false },
	{ "delete", netns_delete, false, true },
	{ "identify", netns_identify, true, false },
	{ "pids", netns_pids, true, false },
	{ "exec", netns_exec, false, false },
	{ "monitor", netns_monitor, true, false },
	{ "attach", netns_attach, false, true },
};

static int do_netns(int argc, char **argv)
{
	if (argc < 1) {
		netns_release();
		return netns_list(ip.policy, argv);
	}
	if (!G.all && argc > 1 && netns_name_bad(argv[1]))
		die(255, "Invalid netns name \"%s\"", argv[1]);
	for (size_t i = 0; i < ARRAY_SIZE(commands); i++) {
		netns_core *core = commands[i].core;

		if (!is_prefix(argv[0], commands[i].name))
			continue;
		if (!core)
			usage_of(netns_usage);
		applet_usage = netns_usage;
		if (commands[i].text)
			G.json = false;
		if (!commands[i].keep)
			netns_release();
		return core(ip.policy, argv + 1);
	}
	die(255, "Command \"%s\" is unknown, try \"ip netns help\".", argv[0]);
}

/* Set in the environment of a fallback: a netnsbox that finds it was run
 * as another one's fallback (a copy of netnsbox in the list, which is no
 * link to this file) runs none itself, so that two copies never run each
 * other for ever. */
#define FALLBACK_MARK "NETNSBOX_FALLBACK=1"

/* 1 when path is this very binary, through any link (the file of
 * /proc/self/exe, or of AT_EXECFN without /proc), 0 when it is another
 * file that can be run; -1 when it is neither, or when this process cannot
 * tell which file it is. access with X_OK sees a noexec mount too. */
static int which_file(const char *path)
{
	const char *exe = (const char *)getauxval(AT_EXECFN);
	struct stat self, st;

	if (stat(path, &st) < 0 || !S_ISREG(st.st_mode) ||
	    access(path, X_OK) < 0 || (stat("/proc/self/exe", &self) < 0 &&
				      (!exe || stat(exe, &self) < 0)))
		return -1;
	return st.st_dev == self.st_dev && st.st_ino == self.st_ino;
}

/* The first program of CONFIG_IP_FALLBACK that is a file that can be run
 * and not netnsbox itself (on a busybox system /sbin/ip may be either), or
 * NULL. When this process cannot tell which file it is, it runs none: an
 * ip that runs itself would never end. */
static const char *fallback_path(void)
{
	const char *p = CONFIG_IP_FALLBACK;

	if (!*CONFIG_IP_FALLBACK)
		return NULL;
	if (ip.fallback || getenv("NETNSBOX_FALLBACK"))
		return ip.fallback;
	for (; *p; p += *p == ':') {
		size_t n = span(p, false, ":");

		if (n && n < sizeof(fallback_buf)) {
			memcpy(fallback_buf, p, n);
			fallback_buf[n] = '\0';
			if (which_file(fallback_buf) == 0)
				return ip.fallback = fallback_buf;
		}
		p += n;
	}
	return NULL;
}

/* Runs the fallback as "ip" with ip's options and words (an object and
 * its arguments): in place of this process, or in a child in a batch,
 * whose status it returns. -1 when there is no fallback. Its argv and
 * environment are built in vec, not in the arena, whose first allocation
 * maps 64 KiB, and only in the process that runs it. More words than vec
 * holds, far more than any ip command line and environment, fail as an
 * execve over the kernel's limits does. */
static int fallback(char **words)
{
	extern char **environ;
	static char *vec[4096];
	const char *path = fallback_path();
	int n = 0, e = 0, status;
	pid_t pid = 0;

	if (!path)
		return -1;
	while (words[n])
		n++;
	while (environ[e])
		e++;
	out_flush();
	if (ip.batch && (pid = _Fork()) < 0)
		die(1, "fork:");
	if (pid == 0) {
		char **env = vec + ip.nopts + n + 2;

		errno = E2BIG;
		if (ip.nopts + n + e + 4 <= (int)ARRAY_SIZE(vec)) {
			vec[0] = "ip";
			memcpy(vec + 1, ip.opts, ip.nopts * sizeof(*vec));
			memcpy(vec + 1 + ip.nopts, words,
			       (n + 1) * sizeof(*vec));
			memcpy(env, environ, e * sizeof(*env));
			env[e] = FALLBACK_MARK;
			env[e + 1] = NULL;
			execve(path, vec, env);
		}
		die(ip.batch ? 127 : 1, "exec of \"%s\" failed:", path);
	}
	if (waitpid(pid, &status, 0) < 0)
		die(1, "waitpid:");
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

/* ip netns exec's command when the file found for it is this very binary
 * and it would run ip (named "ip", or "netnsbox ip"): main again, in this
 * process, one exec fewer, from the state of a new process: ip's options,
 * the origin of a switch and errno forgotten, stdout flushed without
 * error. Once a process, which keeps the stack of the one before. Returns
 * when it runs nothing. */
static void exec_self(const char *path, char **cmd)
{
	static bool again;
	const char *base = strrchr(cmd[0], '/');

	base = base ? base + 1 : cmd[0];
	if (strcmp(base, "netnsbox") == 0 && cmd[1])
		base = cmd[1];
	if (again || strcmp(base, "ip") != 0 || which_file(path) != 1 ||
	    !out_flush())
		return;
	again = true;
	memset(&ip, 0, sizeof(ip));
	ip.policy = &ip_policy;
	origin_forget();
	main_again(cmd);
}

/* The namespace of ip link set's netns word, in iproute2's order: a name
 * in the run dir (a word with a '/' is a path), else a PID in C notation.
 * Whatever the file is: a FIFO must not block. */
static void link_netns(const char *word, struct link_change *c)
{
	char buf[PATH_MAX];
	const char *path = strchr(word, '/') ? word : netns_path(buf, word);

	c->nsfd = openat(AT_FDCWD, path, O_RDONLY | O_CLOEXEC | O_NONBLOCK |
			 O_NOCTTY);
	if (c->nsfd >= 0)
		return;
	if (!get_int(word, &c->pid))
		invarg("Invalid \"netns\" value\n", word);
	c->pid_set = true;
}

static NORETURN void incomplete(void)
{
	die(255, "Command line is not complete. Try option \"help\"");
}

static NORETURN void garbage(const char *word)
{
	die(255, "Error: either \"dev\" is duplicate, or \"%s\" is a garbage.",
	    word);
}

/* ip link set|change with the words netnsbox knows: [dev] IFNAME, up,
 * down, netns NAME|PID; the checks and messages in iproute2's order. Any
 * other word is the fallback's (-1), or, without one, garbage. */
static int link_cmd(char **argv)
{
	struct link_change c = { .nsfd = -1, .up = -1 };
	const char *dev = NULL, *ns = NULL;
	struct nl nl;
	int r;

	for (; *argv; argv++) {
		const char *w = *argv;

		if (strcmp(w, "up") == 0 || strcmp(w, "down") == 0) {
			c.up = w[0] == 'u';
			continue;
		}
		if (strcmp(w, "netns") == 0 || strcmp(w, "dev") == 0) {
			if (!*++argv)
				incomplete();
			if (w[0] == 'n') {
				if (ns)
					die(255, "Error: duplicate \"netns\": \"%s\" is the second value.",
					    *argv);
				link_netns(ns = *argv, &c);
				continue;
			}
			if (dev)
				garbage(*argv);
		} else if (dev || is_prefix(w, "help")) {
			if (fallback_path())
				return -1;
			garbage(w);
		}
		if (link_name_bad(*argv))
			invarg("\"dev\" not a valid ifname", *argv);
		dev = *argv;
	}
	if (!dev)
		die(255, "Not enough information: \"dev\" argument is required.");
	if (nl_open(&nl, ip.policy->strict) < 0) {
		msg("Cannot open netlink socket:");
		return 1;
	}
	r = link_set(&nl, dev, &c);
	if (r < 0 && errno == ENODEV && !nl.ext[0]) {
		msg("Cannot find device \"%s\"", dev);
		r = 1;
	} else if (r < 0) {
		nl_perror(errno, nl.ext);
		r = 2;
	}
	nl_close(&nl);
	if (c.nsfd >= 0)
		close(c.nsfd);
	return r;
}

/* iproute2's objects in its order of matching: "n" is neighbor, "net" is
 * netns. This ip holds netns only. One string: no table of pointers. */
static const char objects[] =
	"address\0addrlabel\0maddress\0route\0rule\0neighbor\0neighbour\0"
	"ntable\0ntbl\0link\0l2tp\0fou\0ila\0macsec\0tunnel\0tunl\0tuntap\0"
	"tap\0token\0tcpmetrics\0tcp_metrics\0monitor\0xfrm\0mroute\0mrule\0"
	"netns\0netconf\0vrf\0sr\0nexthop\0mptcp\0ioam\0stats\0help\0";

/* netns, and link set without anything but its netns and up or down, are
 * netnsbox's; everything else is the fallback's: help too, but in a batch,
 * where iproute2's help ends the batch. A first word that the fallback
 * would read as an option is no object (ip -- -j, or a batch line). With
 * no fallback, iproute2's answer for an object it does not have. */
static int do_cmd(int argc, char **argv)
{
	const char *o = objects;
	int r;

	while (*o && !is_prefix(argv[0], o))
		o += strlen(o) + 1;
	if (strcmp(o, "netns") == 0)
		return do_netns(argc - 1, argv + 1);
	netns_release();
	if (ENABLE_IP_LINK && strcmp(o, "link") == 0 && argc > 1 &&
	    (is_prefix(argv[1], "set") || is_prefix(argv[1], "change")) &&
	    (r = link_cmd(argv + 2)) >= 0)
		return r;
	if (strcmp(o, "help") == 0 && ip.batch)
		usage_of(ip_usage);
	if (argv[0][0] != '-' && (r = fallback(argv)) >= 0)
		return r;
	if (strcmp(o, "help") == 0)
		usage_of(ip_usage);
	msg("Object \"%s\" is unknown, try \"ip help\".", argv[0]);
	return 1;
}

static struct {
	struct pollfd p;	/* fd 0 */
	size_t pos, len;
	char buf[4096];
} in;

/* The batch line, as long as the input makes it: iproute2 has no limit. */
static struct {
	char *p;
	size_t size;
} line;

/* In the arena, which batch() empties after each line. */
static void grow_line(size_t n)
{
	char *p;

	if (n <= line.size)
		return;
	line.size = line.size ? line.size * 2 : 4096;
	p = xzalloc(line.size);
	if (line.p)
		memcpy(p, line.p, line.size / 2);
	line.p = p;
}

/* Appends one line of input, with its newline, to the line at *n; false at
 * the end of the input. */
static bool read_line(size_t *n)
{
	size_t start = *n;

	for (;;) {
		if (in.pos == in.len) {
			ssize_t k;

			/* A read that would wait holds neither the lock,
			 * which others' adds would wait for, nor the
			 * signals, which must still end the batch. */
			if (poll(&in.p, 1, 0) < 1)
				netns_release();
			k = read(in.p.fd, in.buf, sizeof(in.buf));
			if (k < 0 && errno == EINTR)
				continue;
			if (k <= 0)
				return *n > start;
			in.pos = 0;
			in.len = k;
		}
		grow_line(*n + 2);
		line.p[(*n)++] = in.buf[in.pos];
		line.p[*n] = '\0';
		if (in.buf[in.pos++] == '\n')
			return true;
	}
}

/* A batch line: '#' starts a comment anywhere, a backslash at the end
 * joins the next line. */
static bool get_line(int *lineno)
{
	size_t start = 0, n = 0;
	char *p;

	/* What the former line and its command took: blank and comment
	 * lines too, or a long batch of them would grow without end. */
	arena_reset();
	line.p = NULL;
	line.size = 0;
	if (!read_line(&n))
		return false;
	for (;;) {
		++*lineno;
		if ((p = strchr(line.p + start, '#')))
			*p = '\0';
		n = strlen(line.p);
		if (n < 2 || line.p[n - 2] != '\\' || line.p[n - 1] != '\n')
			return true;
		start = n -= 2;
		line.p[n] = '\0';
		if (!read_line(&n)) {
			msg("Missing continuation line");
			return false;
		}
	}
}

/* Splits a line into words at blanks; a word may be quoted with ' or "
 * (no escapes inside). */
static int split(char *p, char **argv, int max)
{
	static const char ws[] = " \t\r\n";
	int argc = 0;

	while (*(p += span(p, true, ws))) {
		if (argc >= max - 1)
			die(1, "Too many arguments to command");
		if (*p == '\'' || *p == '"') {
			char q = *p++;

			argv[argc++] = p;
			if (!(p = strchr(p, q)))
				die(1, "Unterminated quoted string");
		} else {
			argv[argc++] = p;
			p += span(p, false, ws);
			if (!*p)
				break;
		}
		*p++ = '\0';
	}
	argv[argc] = NULL;
	return argc;
}

/* A command with ip's options, from a zeroed state. */
static int run_cmd(int argc, char **argv)
{
	cmd_reset();
	G.all = ip.all;
	G.json = ip.json;
	G.pretty = ip.pretty;
	return do_cmd(argc, argv);
}

/* Every line runs in this process, as iproute2; a failed one stops the
 * batch unless -force. */
static int batch(const char *file)
{
	static char *args[512];
	int lineno = 0, r = 0;

	ip.policy = &ip_batch_policy;
	ip.batch = true;
	/* The file becomes stdin, as iproute2's freopen makes it: the command
	 * of an exec line, run in a child, reads on from where ip's reads
	 * have come, as it does under iproute2. */
	if (strcmp(file, "-") != 0) {
		int fd = openat(AT_FDCWD, file, O_RDONLY);

		if (fd < 0) {
			msg("Cannot open file \"%s\" for reading:", file);
			return 1;
		}
		if (fd != 0) {
			dup2(fd, 0);
			close(fd);
		}
	}
	in.p.events = POLLIN;
	netns_batch();
	while (get_line(&lineno)) {
		int argc = split(line.p, args, ARRAY_SIZE(args));

		if (argc == 0)
			continue;
		if (run_cmd(argc, args)) {
			msg("Command failed %s:%d", file, lineno);
			r = 1;
			if (!ip.force)
				break;
		}
	}
	/* A signal held off until now ends ip here. */
	netns_release();
	return r;
}

/* iproute2's options in its order of matching, each a kind and a name:
 * = must match whole; . means nothing to netns; v takes a value; the
 * others are handled below. A prefix matches, so "-h" is -human, "-b" is
 * -batch, "-" is -loops. */
static const char options[] =
	"v-loops\0f-family\0=-4\0=-6\0=-0\0=-M\0=-B\0.-human\0.-human-readable\0"
	".-iec\0.-stats\0.-statistics\0.-details\0.-resolve\0.-oneline\0"
	".-timestamp\0.-tshort\0V-Version\0F-force\0b-batch\0.-brief\0j-json\0"
	"p-pretty\0r-rcvbuf\0c-color\0h-help\0n-netns\0.-Numeric\0a-all\0=-echo\0";

/* -color[=always|auto|never]: the name before '=' matches as a prefix. */
static bool is_color(const char *opt, const char *name)
{
	const char *eq = strchrnul(opt, '=');

	return eq - opt <= 6 && strncmp(opt, name, eq - opt) == 0 && eq > opt &&
	       (!*eq || !eq[1] || strcmp(eq + 1, "always") == 0 ||
		strcmp(eq + 1, "auto") == 0 || strcmp(eq + 1, "never") == 0);
}

static char option_kind(const char *opt)
{
	for (const char *o = options; *o; o += strlen(o) + 1) {
		const char *name = o + 1;

		if (*o == '=' ? strcmp(opt, name) == 0 :
		    *o == 'c' ? is_color(opt, name) : is_prefix(opt, name))
			return *o;
	}
	return 0;
}

/* An option's value is checked, as iproute2 does, then ignored. */
static void check_value(char kind, const char *v)
{
	static const char families[] = "inet\0inet6\0link\0mpls\0bridge\0";
	unsigned u;

	if (!v)
		usage_of(ip_usage);
	if (kind == 'f') {
		if (strcmp(v, "help") == 0)
			usage_of(ip_usage);
		for (const char *f = families; *f; f += strlen(f) + 1)
			if (strcmp(v, f) == 0)
				return;
		invarg("invalid protocol family", v);
	}
	if (kind == 'r' && !get_uint(v, &u))
		die(255, "Invalid rcvbuf size '%s'", v);
}

/* One option of kind at argv[0] (its value, if any, at argv[1]); returns
 * how many words it took. Sets *file for -b. */
static int option(char kind, char **argv, const char **file)
{
	switch (kind) {
	case 'v': case 'f': case 'r':
		check_value(kind, argv[1]);
		return 2;
	case 'V':
		outf("ip utility, iproute2-6.1.0, netnsbox %s\n", NETNSBOX_VERSION);
		xexit(0);
	case 'F':
		ip.force = true;
		break;
	case 'b':
		if (!(*file = argv[1]))
			usage_of(ip_usage);
		return 2;
	case 'j':
		ip.json = true;
		break;
	case 'p':
		ip.pretty = true;
		break;
	case 'h':
		usage_of(ip_usage);
	case 'n':
		/* iproute2 takes the next word even when there is none. */
		origin_keep();
		if (netns_switch(argv[1] ? argv[1] : "(null)") < 0)
			xexit(255);
		return argv[1] ? 2 : 1;
	case 'a':
		ip.all = true;
		break;
	}
	return 1;
}

/* The options, in iproute2's order of checks. Those the fallback gets (all
 * but -n NAME, -b FILE and -force, which ip does itself) are gathered at
 * the start of argv, never past the word being read. */
int ip_main(int argc, char **argv)
{
	const char *file = NULL;
	char **keep = argv + 1;
	int n;

	ip.opts = keep;
	for (; argc > 1 && argv[1][0] == '-'; argc -= n, argv += n) {
		const char *opt = argv[1];
		char kind;

		if (strcmp(opt, "--") == 0) {
			argc--, argv++;
			break;
		}
		if (opt[1] == '-')
			opt++;
		kind = option_kind(opt);
		if (!ENABLE_FEATURE_JSON && (kind == 'j' || kind == 'p'))
			kind = 0;
		if (!kind)
			die(255, "Option \"%s\" is unknown, try \"ip -help\".", opt);
		n = option(kind, argv + 1, &file);
		if (!strchr("Fbn", kind))
			for (int k = 1; k <= n; k++)
				*keep++ = argv[k];
	}
	ip.nopts = keep - ip.opts;
	if (file)
		return batch(file);
	if (argc > 1)
		return run_cmd(argc - 1, argv + 1);
	usage_of(ip_usage);
}
