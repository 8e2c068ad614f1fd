/* netns-add - create a named network namespace */
//config:config NETNS_ADD
//config:	bool "netns-add"
//config:	default y
//applet:NETNS_ADD netns-add netns_add_main
//usage:netns-add [-l] NAME
//usage:Create a namespace bound at RUN_DIR/NAME; a failure leaves nothing.
//usage:	-l	bring its loopback up

#include "libbb.h"

int netns_add(const struct policy *p, char **args)
{
	(void)p;
	if (!args[0]) {
		msg("No netns name specified");
		return 1;
	}
	return netns_bind(args[0], 0, G.lo) < 0 ? 1 : 0;
}

int netns_add_main(int argc, char **argv)
{
	char **ops = getflags(argv, "l", 1);
	int r;

	(void)argc;
	G.lo = G.flags;
	if (ops[0])
		netns_check_name(ops[0]);
	r = netns_add(&applet_policy, ops);
	/* iproute2's "Cannot open init namespace" says nothing of /proc. */
	if (r && access("/proc/self/ns/net", F_OK) < 0)
		msg("%s: needs /proc/self/ns/net: is /proc mounted?", applet_name);
	return r;
}
