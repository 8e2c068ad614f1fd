/* libbb-test - unit checks of libbb's parsers and formatters, built with the
 * system's compiler against libbb by testsuite/unit.bats. Each check prints
 * "ok NAME" or "FAIL NAME: detail", and the last line counts them ("checks N");
 * the exit status counts the failures. */
#include "libbb.h"
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

static int failures, checks;

/* What main.c gives the library in the binary. */
const char *applet_name = "libbb-test", *applet_usage = "";
struct globals G;
const struct policy applet_policy;

void usage_exit(int status)
{
	exit(status);
}

static void check(bool ok, const char *name, const char *detail)
{
	printf(ok ? "ok %s\n" : "FAIL %s: %s\n", name, detail);
	failures += !ok;
	checks++;
}

static void check_fmt(const char *want, const char *got, const char *name)
{
	check(strcmp(want, got) == 0, name, got);
}

/* Formats the compiler would check, given as data: fmt must not read an
 * argument for any of them. */
static const char unknown[] = "[%5d][%.3s][%p][%ls][%x][%zu][%u][%ld][%lu]",
	lone[] = "end%";

static void test_fmt(void)
{
	char b[64];

	fmt(b, sizeof(b), "%s|%d|%c|%d", "a", -12, 'z', 0);
	check_fmt("a|-12|z|0", b, "fmt: every conversion");
	fmt(b, sizeof(b), "%s", (char *)NULL);
	check_fmt("(null)", b, "fmt: NULL string as glibc prints it");
	check(fmt(b, 5, "%s", "abcdefgh") == 8, "fmt: returns the whole length",
	      "another length");
	check_fmt("abcd", b, "fmt: cut to the buffer, NUL-terminated");
	fmt(b, sizeof(b), "%d", -2147483647 - 1);
	check_fmt("-2147483648", b, "fmt: INT_MIN");
	fmt(b, sizeof(b), "%d", 2147483647);
	check_fmt("2147483647", b, "fmt: INT_MAX");
	fmt(b, sizeof(b), "100%% %s", "sure");
	check_fmt("100% sure", b, "fmt: %% reads no argument");
	/* Conversions fmt does not have print a mark, never a misread
	 * argument; lint.bats keeps them out of the sources. */
	fmt(b, sizeof(b), unknown);
	check_fmt("[%?5d][%?.3s][%?p][%?ls][%?x][%?zu][%?u][%?ld][%?lu]", b,
		  "fmt: unknown conversions are marked");
	fmt(b, sizeof(b), lone);
	check_fmt("end%?", b, "fmt: a lone % at the end");
}

static void test_get_int(void)
{
	static const struct {
		const char *s;
		bool ok;
		int v;
	} t[] = {
		{ "0", true, 0 }, { "42", true, 42 }, { "0x10", true, 16 },
		{ "010", true, 8 }, { " 5", true, 5 }, { "+7", true, 7 },
		{ "-1", true, -1 }, { "2147483647", true, 2147483647 },
		{ "-2147483648", true, -2147483647 - 1 }, { "", false, 0 },
		{ "5 ", false, 0 }, { "2147483648", false, 0 }, { "0x", false, 0 },
		{ "08", false, 0 }, { "x", false, 0 }, { "-", false, 0 },
		{ "99999999999999999999", false, 0 },
	};
	char name[64];

	for (size_t i = 0; i < ARRAY_SIZE(t); i++) {
		int v = -99;
		bool ok = get_int(t[i].s, &v);

		snprintf(name, sizeof(name), "get_int(\"%s\")", t[i].s);
		check(ok == t[i].ok && (!ok || v == t[i].v), name, ok ? "accepted" : "refused");
	}
}

/* The netns-* applets' numbers: every string that get_dec takes means the
 * same number in C notation. */
static void test_get_dec(void)
{
	static const struct {
		const char *s;
		bool ok;
		int v;
	} t[] = {
		{ "0", true, 0 }, { "42", true, 42 }, { "-7", true, -7 },
		{ "2147483647", true, 2147483647 },
		{ "-2147483648", true, -2147483647 - 1 }, { "010", false, 0 },
		{ "00", false, 0 }, { "0x10", false, 0 }, { "+7", false, 0 },
		{ " 5", false, 0 }, { "5 ", false, 0 }, { "", false, 0 },
		{ "-", false, 0 }, { "-010", false, 0 }, { "--1", false, 0 },
		{ "2147483648", false, 0 }, { "99999999999999999999", false, 0 },
	};
	char name[64];

	for (size_t i = 0; i < ARRAY_SIZE(t); i++) {
		int v = -99;
		bool ok = get_dec(t[i].s, &v);

		snprintf(name, sizeof(name), "get_dec(\"%s\")", t[i].s);
		check(ok == t[i].ok && (!ok || v == t[i].v), name, ok ? "accepted" : "refused");
	}
}

/* span against the C library's strspn and strcspn; all_digits. */
static void test_span(void)
{
	static const char *const s[] = {
		"", "a", " \t x", "abc:def", ":", "::x", "12ab", "\n", "x y\tz",
	};
	static const char *const sets[] = { "", ":", " \t", "0123456789",
					    "abc", "\n" };
	char name[64];

	for (size_t i = 0; i < ARRAY_SIZE(s); i++)
		for (size_t k = 0; k < ARRAY_SIZE(sets); k++) {
			snprintf(name, sizeof(name), "span(%zu, %zu)", i, k);
			check(span(s[i], true, sets[k]) == strspn(s[i], sets[k]) &&
			      span(s[i], false, sets[k]) ==
			      strcspn(s[i], sets[k]), name, "differs from libc");
		}
	check(all_digits("") && all_digits("0123456789") && !all_digits("1a") &&
	      !all_digits(" 1") && !all_digits("-1"), "all_digits", "wrong");
}

/* A message with one u32 attribute after a 4-byte family header. */
static struct nlmsghdr *message(void *buf)
{
	struct nlmsghdr *n = nl_put_header(buf, 88, 0);

	nl_put_extra(n, 64, 4);
	nl_put_u32(n, 64, 3, 0xdeadbeef);
	return n;
}

static void test_nl_parse(void)
{
	char buf[64] __attribute__((aligned(4)));
	const struct nlattr *tb[5];
	struct nlmsghdr *n = message(buf);
	struct nlattr *a = (struct nlattr *)(buf + NLMSG_HDRLEN + 4);
	uint32_t v = 0;

	check(nl_parse(n, 4, tb, 4) == 0 && nl_get_u32(tb[3], &v) && v == 0xdeadbeef,
	      "nl_parse: a well-formed attribute", "not read back");
	check(!nl_put_u32(n, n->nlmsg_len + 4, 4, 1), "nl_put_u32: refuses to overflow",
	      "wrote past the bound");
	a->nla_len = 3;
	errno = 0;
	check(nl_parse(n, 4, tb, 4) < 0 && errno == EPROTO,
	      "nl_parse: attribute shorter than its header is EPROTO", "accepted");
	a->nla_len = 12;
	errno = 0;
	check(nl_parse(n, 4, tb, 4) < 0 && errno == EPROTO,
	      "nl_parse: attribute past the message is EPROTO", "accepted");
	n = message(buf);
	n->nlmsg_len = NLMSG_HDRLEN + 2;
	errno = 0;
	check(nl_parse(n, 4, tb, 4) < 0 && errno == EPROTO,
	      "nl_parse: message shorter than its family header is EPROTO", "accepted");
	n = message(buf);
	a->nla_len = 6;
	check(nl_parse(n, 4, tb, 4) == 0 && !nl_get_u32(tb[3], &v),
	      "nl_get_u32: a 2-byte payload is not a u32", "read");
}

/* What iproute2 prints for each error netnsbox knows: glibc's words. The
 * names give this architecture's numbers (MIPS's EDQUOT is 1133). */
#define E(e, text) { e, #e, text }
static const struct {
	int e;
	const char *name, *text;
} errors[] = {
	E(EPERM, "Operation not permitted"),
	E(ENOENT, "No such file or directory"),
	E(ESRCH, "No such process"),
	E(EINTR, "Interrupted system call"),
	E(EIO, "Input/output error"),
	E(ENXIO, "No such device or address"),
	E(E2BIG, "Argument list too long"),
	E(ENOEXEC, "Exec format error"),
	E(EBADF, "Bad file descriptor"),
	E(EAGAIN, "Resource temporarily unavailable"),
	E(ENOMEM, "Cannot allocate memory"),
	E(EACCES, "Permission denied"),
	E(EBUSY, "Device or resource busy"),
	E(EEXIST, "File exists"),
	E(EXDEV, "Invalid cross-device link"),
	E(ENODEV, "No such device"),
	E(ENOTDIR, "Not a directory"),
	E(EISDIR, "Is a directory"),
	E(EINVAL, "Invalid argument"),
	E(ENFILE, "Too many open files in system"),
	E(EMFILE, "Too many open files"),
	E(ETXTBSY, "Text file busy"),
	E(ENOSPC, "No space left on device"),
	E(EROFS, "Read-only file system"),
	E(EMLINK, "Too many links"),
	E(EPIPE, "Broken pipe"),
	E(ENAMETOOLONG, "File name too long"),
	E(ENOSYS, "Function not implemented"),
	E(ENOTEMPTY, "Directory not empty"),
	E(ELOOP, "Too many levels of symbolic links"),
	E(EPROTO, "Protocol error"),
	E(EMSGSIZE, "Message too long"),
	E(EOPNOTSUPP, "Operation not supported"),
	E(ENOBUFS, "No buffer space available"),
	E(EDQUOT, "Disk quota exceeded"),
	E(ECANCELED, "Operation canceled"),
};

static const char *expected_text(int e)
{
	for (size_t i = 0; i < ARRAY_SIZE(errors); i++)
		if (errors[i].e == e)
			return errors[i].text;
	return NULL;
}

static void test_errstr(void)
{
	char name[64], unknown[32];
	int extra = 0;

	for (size_t i = 0; i < ARRAY_SIZE(errors); i++) {
		snprintf(name, sizeof(name), "errstr(%s = %d)", errors[i].name,
			 errors[i].e);
		check_fmt(errors[i].text, errstr(errors[i].e), name);
#ifdef __GLIBC__
		/* The expectations themselves, where glibc is at hand. */
		snprintf(name, sizeof(name), "strerror(%s) is the text expected",
			 errors[i].name);
		check_fmt(errors[i].text, strerror(errors[i].e), name);
#endif
	}
	/* Every errno the table has must be one checked above. */
	for (int e = 1; e < 4096; e++) {
		snprintf(unknown, sizeof(unknown), "Unknown error %d", e);
		if (!expected_text(e) && strcmp(errstr(e), unknown) != 0 && !extra)
			extra = e;
	}
	snprintf(name, sizeof(name), "errno %d has a text", extra);
	check(!extra, "errstr: no text for an errno left unchecked", name);
	check_fmt("Unknown error 4095", errstr(4095), "errstr: an unknown errno");
}

static void test_json(void)
{
	fflush(stdout);
	G.pretty = false;
	json_begin_list();
	json_begin_obj();
	json_str("name", "q\"b\\s\t\n\r\f\b\001\037\177\303\251");
	json_int("id", -3);
	json_end_obj();
	json_end_list();
	out_flush();
}

/* netns-monitor's names, its static functions: check is the monitor's
 * there, this file's everywhere else. */
#include "cfg/NETNS_RUN_DIR.h"
#define RUN_DIR_X CONFIG_NETNS_RUN_DIR "/x"
#define check monitor_check
#include "../../applets/netns-monitor.c"
#undef check

/* A name of n bytes of c, in the arena. */
static char *long_name(char c, size_t n)
{
	char *s = xzalloc(n + 1);

	memset(s, c, n);
	return s;
}

/* A getdents64 answer made by hand, as a FUSE run dir gives one, with
 * names longer than NAME_MAX; fd, an empty folder's, ends the walk. */
static void fake_dir(struct nsdir *d, int fd, char **names, int k)
{
	const size_t at = offsetof(struct dirent64, d_name);

	d->fd = fd;
	d->pos = d->len = 0;
	for (int i = 0; i < k; i++) {
		struct dirent64 *e = (struct dirent64 *)(d->buf + d->len);
		size_t n = strlen(names[i]) + 1;
		unsigned short rec = (at + n + 7) & ~7u;

		memset(e, 0, rec);
		e->d_ino = i + 1;
		e->d_off = i + 1;
		e->d_reclen = rec;
		e->d_type = DT_REG;
		memcpy((char *)e + at, names[i], n);
		d->len += rec;
	}
}

static char *seen[8];
static int nseen;

static void remember_name(const char *name, int nsid, void *arg)
{
	(void)arg;
	if (nsid == -1 && nseen < 8)
		seen[nseen++] = xstrdup(name);
}

/* Names over NAME_MAX bytes, whole through nsid_each (list, list-id),
 * scan_next (identify) and the monitor's names; dir is an empty folder of
 * the test's with a file "target" in it. */
static void test_long_names(const char *dir)
{
	char *names[4] = { long_name('a', 300), long_name('b', 1000), "short",
			   long_name('c', 1000) }, *canary;
	char path[PATH_MAX], *ok;
	struct nl nl = { .fd = -1 };
	struct nsdir d;
	struct scan sc;
	struct stat st;
	struct monitor m = { .live = NULL, .spare = NULL, .quiet = true };
	struct name *a, *b;
	int fd;

	snprintf(path, sizeof(path), "%s/empty", dir);
	fd = open(path, O_RDONLY | O_DIRECTORY);
	check(fd >= 0, "long names: the empty folder opens", path);
	fake_dir(&d, dup(fd), names, 4);
	nsid_each(&nl, &d, 0, remember_name, NULL);
	ok = nseen == 4 ? "" : "not four names";
	for (int i = 0; i < nseen && !*ok; i++)
		if (strcmp(seen[i], names[i]))
			ok = "a name changed";
	check(!*ok, "nsid_each: names over NAME_MAX come whole", ok);

	/* "./" 150 times, then target: 306 bytes that name a file. */
	names[0] = long_name('.', 306);
	for (int i = 1; i < 300; i += 2)
		names[0][i] = '/';
	memcpy(names[0] + 300, "target", 6);
	names[2] = "target";
	snprintf(path, sizeof(path), "%s/target", dir);
	check(stat(path, &st) == 0, "long names: the target exists", path);
	sc.dev = st.st_dev;
	sc.ino = st.st_ino;
	sc.suffix = "";
	snprintf(path, sizeof(path), "%s", dir);
	fake_dir(&sc.d, open(path, O_RDONLY | O_DIRECTORY), names, 3);
	/* The real folder's own answer follows: target once more. */
	ok = (char *)scan_next(&sc);
	check(ok && strcmp(ok, names[0]) == 0,
	      "scan_next: a name over NAME_MAX is looked up whole", ok ? ok : "none");
	ok = (char *)scan_next(&sc);
	check(ok && strcmp(ok, "target") == 0,
	      "scan_next: a name too long for the file system is no match",
	      ok ? ok : "none");
	sc.suffix = "/ns/net";
	fake_dir(&sc.d, dup(fd), names + 1, 1);
	check(!scan_next(&sc), "scan_next: a name too long for its suffix is passed over",
	      "matched");

	/* A spare entry is reused only by a name that fits in it. */
	a = new_name(&m, "short");
	canary = long_name('K', 63);
	m.spare = a;
	b = new_name(&m, names[3]);
	check(b != a && strcmp(b->s, names[3]) == 0 && m.spare == a &&
	      strspn(canary, "K") == 63,
	      "monitor: a name over NAME_MAX gets an entry of its size", "overflow");
	check(new_name(&m, "x") == a && !m.spare,
	      "monitor: a short name takes the spare entry", "not taken");
	close(fd);
	check(*netns_path(path, long_name('n', PATH_MAX)) == '\0',
	      "netns_path: a path that does not fit is empty, not cut", path);
	check(strcmp(netns_path(path, "x"), RUN_DIR_X) == 0,
	      "netns_path: RUN_DIR/NAME", path);
}

/* outf: a line of n bytes (from argv), whole with its newline, after
 * a short one, then another short one. */
static void test_outf(size_t n)
{
	outf("%s\n", "first");
	outf("%s\n", long_name('x', n));
	outf("%d\n", 42);
	out_flush();
}

/* Any process may send to a netlink socket's port. An error sent from
 * another socket, with the sequence number the next request will have,
 * is queued before the kernel's answer: it must not be taken for it. */
static int test_spoof(void)
{
	char buf[64] __attribute__((aligned(4)));
	struct sockaddr_nl to = { .nl_family = AF_NETLINK };
	struct {
		struct nlmsghdr n;
		struct nlmsgerr e;
	} fake;
	struct nlmsghdr *n;
	struct nl nl;
	int s;

	if (nl_open(&nl, true) < 0 ||
	    (s = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE)) < 0) {
		perror("netlink");
		return 2;
	}
	memset(&fake, 0, sizeof(fake));
	fake.n.nlmsg_len = sizeof(fake);
	fake.n.nlmsg_type = NLMSG_ERROR;
	fake.n.nlmsg_seq = nl.seq + 1;
	fake.n.nlmsg_pid = nl.portid;
	fake.e.error = -EPERM;
	to.nl_pid = nl.portid;
	if (sendto(s, &fake, sizeof(fake), 0, (struct sockaddr *)&to,
		   sizeof(to)) != sizeof(fake)) {
		perror("sendto");
		return 2;
	}
	n = nl_put_header(buf, RTM_GETNSID, NLM_F_DUMP);
	nl_put_extra(n, sizeof(buf), sizeof(struct rtgenmsg));
	if (nl_talk(&nl, n, NULL, NULL) < 0) {
		printf("taken for the answer: %s\n", strerror(errno));
		return 1;
	}
	printf("the kernel's answer\n");
	return 0;
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "spoof") == 0)
		return test_spoof();
	if (argc > 1 && strcmp(argv[1], "json") == 0) {
		test_json();
		return 0;
	}
	if (argc > 2 && strcmp(argv[1], "outf") == 0) {
		test_outf(strtoul(argv[2], NULL, 10));
		return 0;
	}
	if (argc > 2 && strcmp(argv[1], "long") == 0) {
		test_long_names(argv[2]);
		printf("checks %d\n", checks);
		return failures;
	}
	test_fmt();
	test_get_int();
	test_get_dec();
	test_span();
	test_nl_parse();
	test_errstr();
	printf("checks %d\n", checks);
	return failures;
}
