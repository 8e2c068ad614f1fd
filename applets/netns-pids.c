/* netns-pids - list the processes in a named network namespace */
//config:config NETNS_PIDS
//config:	bool "netns-pids"
//config:	default y
//applet:NETNS_PIDS netns-pids netns_pids_main
//usage:netns-pids [-j] NAME
//usage:Print the PIDs of the processes in namespace NAME.
//usage:	-j	JSON output

#include "libbb.h"
#include "cfg/FEATURE_JSON.h"
#include <limits.h>

int netns_pids(const struct policy *p, char **args)
{
	struct scan s;
	char path[PATH_MAX];
	const char *pid;
	int n;

	if (!args[0] || args[1]) {
		msg(args[0] ? "extra arguments specified" :
		    "No netns name specified");
		return 1;
	}
	if (scan_ns(&s, netns_path(path, args[0]), "/ns/net") < 0)
		return 1;
	if (p->ns_only && !netns_mounted_at(AT_FDCWD, path)) {
		msg("Cannot open network namespace: %s is not a network namespace",
		    path);
		return 1;
	}
	if (dir_open(&s.d, "/proc") < 0) {
		msg("Open of /proc failed:");
		return 1;
	}
	if (JSON)
		json_begin_list();
	while ((pid = scan_next(&s))) {
		/* /proc/self is this process, a second time. */
		if (!all_digits(pid) || !get_int(pid, &n))
			continue;
		if (JSON) {
			json_begin_obj();
			json_int("pid", n);
			json_end_obj();
		} else {
			outf("%s\n", pid);
		}
	}
	if (JSON)
		json_end_list();
	return 0;
}

int netns_pids_main(int argc, char **argv)
{
	char **ops = getflags(argv, ENABLE_FEATURE_JSON ? "j" : "", -1);

	(void)argc;
	G.json = G.flags & 1;
	if (ops[0] && !ops[1])
		netns_check_name(ops[0]);
	return netns_pids(&applet_policy, ops);
}
