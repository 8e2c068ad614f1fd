/* netns-pids - list the processes in a named network namespace */
//config:config NETNS_PIDS
//config:	bool "netns-pids"
//config:	default y
//applet:NETNS_PIDS netns-pids netns_pids_main
//usage:netns-pids [-j] NAME
//usage:Print the PID of every process in namespace NAME, one a line.
//usage:	-j	JSON output

#include "libbb.h"

int netns_pids_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	usage_exit(1);
}
