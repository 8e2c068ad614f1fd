/* netns-add - create a named network namespace */
//config:config NETNS_ADD
//config:	bool "netns-add"
//config:	default y
//applet:NETNS_ADD netns-add netns_add_main
//usage:netns-add NAME
//usage:Create a network namespace and bind it at RUN_DIR/NAME.
//usage:On failure nothing is left behind.

#include "libbb.h"

int netns_add_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	usage_exit(1);
}
