/* netns-delete - remove named network namespaces */
//config:config NETNS_DELETE
//config:	bool "netns-delete"
//config:	default y
//applet:NETNS_DELETE netns-delete netns_delete_main
//applet:NETNS_DELETE netns-del netns_delete_main
//usage:netns-delete [-a] NAME...
//usage:Unmount and remove each RUN_DIR/NAME; the namespace lives on while
//usage:a process or open file holds it.
//usage:	-a	remove every name in RUN_DIR

#include "libbb.h"

int netns_delete_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	usage_exit(1);
}
