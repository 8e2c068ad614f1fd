/* netns-monitor - report named network namespaces as they come and go */
//config:config NETNS_MONITOR
//config:	bool "netns-monitor"
//config:	default y
//applet:NETNS_MONITOR netns-monitor netns_monitor_main
//usage:netns-monitor [-j]
//usage:Print "add NAME" when a namespace is bound at RUN_DIR/NAME and
//usage:"delete NAME" when the name goes, one flushed line per event.
//usage:	-j	one JSON object a line

#include "libbb.h"

int netns_monitor_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	usage_exit(1);
}
