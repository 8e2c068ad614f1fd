/* netns-attach - name the network namespace of a process */
//config:config NETNS_ATTACH
//config:	bool "netns-attach"
//config:	default y
//applet:NETNS_ATTACH netns-attach netns_attach_main
//usage:netns-attach NAME PID
//usage:Bind the network namespace of process PID at RUN_DIR/NAME.

#include "libbb.h"

int netns_attach(const struct policy *p, char **args)
{
	int pid;

	if (!args[0] || !args[1]) {
		msg("No netns name and PID specified");
		return 1;
	}
	if (!get_number(p, args[1], &pid) || !pid) {
		msg("Invalid PID: %s", args[1]);
		return 1;
	}
	return netns_bind(args[0], pid, false) < 0 ? 1 : 0;
}

int netns_attach_main(int argc, char **argv)
{
	(void)argc;
	return netns_pair_main(argv, netns_attach);
}
