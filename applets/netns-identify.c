/* netns-identify - name the network namespace of a process */
//config:config NETNS_IDENTIFY
//config:	bool "netns-identify"
//config:	default y
//applet:NETNS_IDENTIFY netns-identify netns_identify_main
//usage:netns-identify [-j] [PID]
//usage:Print every name in RUN_DIR bound to the network namespace of PID
//usage:(default: this process), one a line; an empty line when none is.
//usage:	-j	JSON output

#include "libbb.h"

int netns_identify_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	usage_exit(1);
}
