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
	(void)argc;
	(void)argv;
	usage_exit(1);
}
