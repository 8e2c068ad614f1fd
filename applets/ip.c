/* ip - the iproute2-compatible front end */
//config:config IP
//config:	bool "ip"
//config:	default y
//applet:IP ip ip_main
//usage:ip [OPTIONS] netns [COMMAND [ARG]...]
//usage:The ip netns commands with iproute2's arguments, output, messages
//usage:and exit statuses. OPTIONS: -all -n NAME -j -p -b FILE -force -V -h

#include "libbb.h"

int ip_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	usage_exit(1);
}
