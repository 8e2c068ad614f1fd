/* netns-set - assign an nsid to a named network namespace */
//config:config NETNS_SET
//config:	bool "netns-set"
//config:	default y
//applet:NETNS_SET netns-set netns_set_main
//usage:netns-set NAME NSID|auto
//usage:Give namespace NAME (or a PID) NSID, or the next free one.

#include "libbb.h"
#include <linux/net_namespace.h>
#include <linux/rtnetlink.h>

/* With pid_names, a NAME not in the run dir but a number is a PID, in
 * decimal as /proc names them: "010" is no PID, not process 8. */
static int open_target(const struct policy *p, const char *name)
{
	int fd = netns_open(name), pid;

	if (fd < 0 && errno == ENOENT && p->pid_names && get_dec(name, &pid) &&
	    pid > 0)
		fd = netns_open_pid(pid);
	return fd;
}

/* RTM_NEWNSID for the namespace at fd; 2 after the kernel's refusal. */
static int set_nsid(const struct policy *p, int fd, int nsid)
{
	char buf[64] __attribute__((aligned(4)));
	struct nlmsghdr *n = nsid_request(buf, sizeof(buf), RTM_NEWNSID, 0);
	struct nl nl;
	int r;

	if (nl_open(&nl, p->strict) < 0) {
		msg("Cannot open rtnetlink:");
		return 1;
	}
	r = n && nl_put_u32(n, sizeof(buf), NETNSA_FD, fd) &&
	    nl_put_u32(n, sizeof(buf), NETNSA_NSID, nsid) ?
	    nl_talk(&nl, n, NULL, NULL) : (errno = ENOBUFS, -1);
	if (r < 0)
		nl_perror(errno, nl.ext);
	nl_close(&nl);
	return r < 0 ? 2 : 0;
}

int netns_set(const struct policy *p, char **args)
{
	int fd, nsid, r;

	if (!args[0]) {
		msg("No netns name specified");
		return 1;
	}
	if (!args[1]) {
		msg("No nsid specified");
		return 1;
	}
	/* A negative nsid asks the kernel to choose one. */
	if (strcmp(args[1], "auto") == 0)
		nsid = -1;
	else if (!get_number(p, args[1], &nsid))
		invarg("Invalid \"netnsid\" value", args[1]);
	else if (nsid < 0)
		invarg("\"netnsid\" value should be >= 0", args[1]);
	fd = open_target(p, args[0]);
	if (fd < 0) {
		msg("Cannot open network namespace \"%s\":", args[0]);
		return 1;
	}
	r = set_nsid(p, fd, nsid);
	close(fd);
	return r;
}

int netns_set_main(int argc, char **argv)
{
	(void)argc;
	return netns_pair_main(argv, netns_set);
}
