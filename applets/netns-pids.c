/* netns-pids - list the processes in a named network namespace */
//config:config NETNS_PIDS
//config:	bool "netns-pids"
//config:	default y
//applet:NETNS_PIDS netns-pids netns_pids_main
//usage:netns-pids [-j] NAME
//usage:Print the PID of every process in namespace NAME, one a line.
//usage:	-j	JSON output

#include "libbb.h"
#include "cfg/FEATURE_JSON.h"
#include <limits.h>

int netns_pids_main(int argc, char **argv)
{
	static struct scan s;
	char path[PATH_MAX];
	const char *pid;
	int i, n;
	bool json = getflags(argv, ENABLE_FEATURE_JSON ? "j" : "", NULL, &i) &&
		    ENABLE_FEATURE_JSON;

	if (i >= argc || i + 1 < argc) {
		msg(i < argc ? "extra arguments specified" :
		    "No netns name specified");
		return 1;
	}
	netns_check_name(argv[i]);
	n = scan_open(&s, netns_path(path, argv[i]), "/proc", "/ns/net");
	if (n == -2)
		msg("Open of /proc failed:");
	if (n < 0)
		return 1;
	if (json)
		json_begin_list();
	while ((pid = scan_next(&s))) {
		/* /proc/self is this process, a second time. */
		if (!all_digits(pid) || !get_int(pid, &n))
			continue;
		if (json) {
			json_begin_obj();
			json_int("pid", n);
			json_end_obj();
		} else {
			outf("%s\n", pid);
		}
	}
	if (json)
		json_end_list();
	return 0;
}
