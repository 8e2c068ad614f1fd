/* netns-set - assign an nsid to a named network namespace */
//config:config NETNS_SET
//config:	bool "netns-set"
//config:	default y
//applet:NETNS_SET netns-set netns_set_main
//usage:netns-set NAME NSID|auto
//usage:Assign NSID (or the next free one, with auto) to namespace NAME in
//usage:this namespace. A NAME not in RUN_DIR but numeric is taken as a PID.

#include "libbb.h"

int netns_set_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	usage_exit(1);
}
