/* netns-attach - name the network namespace of a process */
//config:config NETNS_ATTACH
//config:	bool "netns-attach"
//config:	default y
//applet:NETNS_ATTACH netns-attach netns_attach_main
//usage:netns-attach NAME PID
//usage:Bind the network namespace of process PID at RUN_DIR/NAME.

#include "libbb.h"

int netns_attach_main(int argc, char **argv)
{
	int i, pid;

	getflags(argv, "", NULL, &i);
	if (i + 2 > argc) {
		msg("No netns name and PID specified");
		return 1;
	}
	if (!ip_mode && i + 2 < argc)
		usage_exit(1);
	netns_check_name(argv[i]);
	if (!get_int(argv[i + 1], &pid) || !pid) {
		msg("Invalid PID: %s", argv[i + 1]);
		return 1;
	}
	return netns_bind(argv[i], pid) < 0 ? 1 : 0;
}
