/* netns-list - list the named network namespaces */
//config:config NETNS_LIST
//config:	bool "netns-list"
//config:	default y
//applet:NETNS_LIST netns-list netns_list_main
//usage:netns-list [-j] [-p]
//usage:List the names in RUN_DIR in directory order, each followed by
//usage:" (id: N)" when this namespace has an nsid for it.
//usage:	-j	JSON output
//usage:	-p	pretty JSON, with -j

#include "libbb.h"

int netns_list_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	usage_exit(1);
}
