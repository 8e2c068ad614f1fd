/* netns-set - assign an nsid to a named network namespace */
//config:config NETNS_SET
//config:	bool "netns-set"
//config:	default y
//applet:NETNS_SET netns-set netns_set_main
//usage:netns-set NAME NSID|auto
//usage:Assign NSID (or the next free one, with auto) to namespace NAME in
//usage:this namespace. A NAME not in RUN_DIR but numeric is taken as a PID.

#include "libbb.h"
#include <linux/net_namespace.h>
#include <linux/rtnetlink.h>

/* netns-set: a NAME not in the run dir but all digits is a PID. Decimal,
 * as /proc names them: "010" is no PID, not process 8. */
static int open_target(const char *name)
{
	int fd = netns_open(name), pid;

	if (fd < 0 && errno == ENOENT && !ip_mode && name[0] != '0' &&
	    all_digits(name) && get_int(name, &pid))
		fd = netns_open_pid(pid);
	return fd;
}

int netns_set_main(int argc, char **argv)
{
	char buf[64] __attribute__((aligned(4)));
	struct nlmsghdr *n;
	struct nl nl;
	int i, fd, nsid;

	getflags(argv, "", NULL, &i);
	if (i >= argc) {
		msg("No netns name specified");
		return 1;
	}
	if (i + 1 >= argc) {
		msg("No nsid specified");
		return 1;
	}
	if (!ip_mode && i + 2 < argc)
		usage_exit(1);
	netns_check_name(argv[i]);
	/* A negative nsid asks the kernel to choose one. */
	if (strcmp(argv[i + 1], "auto") == 0)
		nsid = -1;
	else if (!get_int(argv[i + 1], &nsid))
		invarg("Invalid \"netnsid\" value", argv[i + 1]);
	else if (nsid < 0)
		invarg("\"netnsid\" value should be >= 0", argv[i + 1]);
	fd = open_target(argv[i]);
	if (fd < 0) {
		msg("Cannot open network namespace \"%s\":", argv[i]);
		return 1;
	}
	if (nl_open(&nl) < 0) {
		msg("Cannot open rtnetlink:");
		close(fd);
		return 1;
	}
	n = nsid_request(buf, sizeof(buf), RTM_NEWNSID, 0);
	nl_put_u32(n, sizeof(buf), NETNSA_FD, fd);
	nl_put_u32(n, sizeof(buf), NETNSA_NSID, nsid);
	i = nl_talk(&nl, n, NULL, NULL);
	if (i < 0)
		nl_report(&nl);
	close(fd);
	nl_close(&nl);
	return i < 0 ? 2 : 0;
}
