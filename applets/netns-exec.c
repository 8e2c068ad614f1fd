/* netns-exec - run a command in a named network namespace */
//config:config NETNS_EXEC
//config:	bool "netns-exec"
//config:	default y
//applet:NETNS_EXEC netns-exec netns_exec_main
//usage:netns-exec [-a] [-u USER[:GROUP]] NAME COMMAND [ARG]...
//usage:Run COMMAND in namespace NAME with its own mount namespace: a sysfs
//usage:of NAME at /sys and each entry of ETC_DIR/NAME bound over /etc.
//usage:Exits with COMMAND's status, or 125 when the switch failed, 126 when
//usage:COMMAND cannot run, 127 when it is not found.
//usage:	-a	run COMMAND in every named namespace in turn (no NAME)
//usage:	-u USER[:GROUP]	run as USER (name or number), with its groups

#include "libbb.h"

int netns_exec_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	usage_exit(1);
}
