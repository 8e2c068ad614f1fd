/* libbb-test - unit checks of libbb's parsers and formatters, built with the
 * system's compiler against libbb by testsuite/unit.bats. Each check prints
 * "ok NAME" or "FAIL NAME: detail", and the last line counts them ("checks N");
 * the exit status counts the failures. */
#include "libbb.h"
#include <limits.h>
#include <stdio.h>
#include <linux/netlink.h>

static int failures, checks;

/* What main.c gives the library in the binary. */
const char *applet_name = "libbb-test", *applet_usage = "";
struct globals G;

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
static const char unknown[] = "[%5d][%.3s][%p][%ls]", lone[] = "end%";

static void test_fmt(void)
{
	char b[64], want[64];

	/* LONG_MIN: long is 32 bits on the 32-bit ABIs. */
	fmt(b, sizeof(b), "%s|%d|%ld|%c|%d", "a", -12, LONG_MIN, 'z', 0);
	snprintf(want, sizeof(want), "a|-12|%ld|z|0", LONG_MIN);
	check_fmt(want, b, "fmt: every conversion");
	fmt(b, sizeof(b), "%s", (char *)NULL);
	check_fmt("(null)", b, "fmt: NULL string as glibc prints it");
	check(fmt(b, 5, "%s", "abcdefgh") == 8, "fmt: returns the whole length",
	      "another length");
	check_fmt("abcd", b, "fmt: cut to the buffer, NUL-terminated");
	fmt(b, sizeof(b), "%d", -2147483647 - 1);
	check_fmt("-2147483648", b, "fmt: INT_MIN");
	fmt(b, sizeof(b), "%u|%lu|%zu|%x|%lx|%zd", 3000000000u,
	    (unsigned long)-1 >> 1, (size_t)7, 0xbeefu, 0x1234abcdUL,
	    (ssize_t)-5);
	check_fmt(sizeof(long) == 8 ?
		  "3000000000|9223372036854775807|7|beef|1234abcd|-5" :
		  "3000000000|2147483647|7|beef|1234abcd|-5",
		  b, "fmt: unsigned, long, size_t and hex conversions");
	fmt(b, sizeof(b), "%ld|%ld", (long)-2147483647 - 1, 0L);
	check_fmt("-2147483648|0", b, "fmt: long");
	fmt(b, sizeof(b), "100%% %s", "sure");
	check_fmt("100% sure", b, "fmt: %% reads no argument");
	/* Conversions fmt does not have print a mark, never a misread
	 * argument; lint.bats keeps them out of the sources. */
	fmt(b, sizeof(b), unknown);
	check_fmt("[%?5d][%?.3s][%?p][%?ls]", b, "fmt: unknown conversions are marked");
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

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "json") == 0) {
		test_json();
		return 0;
	}
	test_fmt();
	test_get_int();
	test_get_dec();
	test_nl_parse();
	test_errstr();
	printf("checks %d\n", checks);
	return failures;
}
