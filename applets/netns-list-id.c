/* netns-list-id - list the nsids of this network namespace */
//config:config NETNS_LIST_ID
//config:	bool "netns-list-id"
//config:	default y
//applet:NETNS_LIST_ID netns-list-id netns_list_id_main
//usage:netns-list-id [-j] [-p] [target-nsid NSID] [nsid NSID]
//usage:List the nsids this namespace has assigned, with the name of each
//usage:namespace in RUN_DIR. target-nsid lists those of the namespace with
//usage:that nsid instead; nsid shows that one only.
//usage:	-j	JSON output
//usage:	-p	pretty JSON, with -j

#include "libbb.h"

int netns_list_id_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	usage_exit(1);
}
