/* netns-identify - name the network namespace of a process */
//config:config NETNS_IDENTIFY
//config:	bool "netns-identify"
//config:	default y
//applet:NETNS_IDENTIFY netns-identify netns_identify_main
//usage:netns-identify [-j] [PID]
//usage:Print each name of PID's namespace (default: this process's).
//usage:	-j	JSON output

#include "libbb.h"
#include "cfg/FEATURE_JSON.h"
#include <limits.h>

/* Prints name: in JSON, as an object of the list; else, without
 * last_only, on a line of its own. */
static void show(const struct policy *p, const char *name)
{
	if (JSON) {
		json_begin_obj();
		json_str("name", name);
		json_end_obj();
	} else if (!p->last_only) {
		outf("%s\n", name);
	}
}

int netns_identify(const struct policy *p, char **args)
{
	struct scan s;
	char path[PATH_MAX], *last = "";
	const char *pid = args[0] ? args[0] : "self", *name;
	bool found = false;

	if (args[0] && args[1]) {
		msg("extra arguments specified");
		return 1;
	}
	if (args[0] && !all_digits(pid)) {
		msg("Specified string '%s' is not a pid", pid);
		return 1;
	}
	/* The PID as given, as iproute2 opens it: 007 is no process. */
	fmt(path, sizeof(path), "/proc/%s/ns/net", pid);
	if (scan_ns(&s, path, "") < 0)
		return 1;
	if (dir_open(&s.d, run_dir) < 0 && errno != ENOENT) {
		msg("Failed to open directory %s:%s", run_dir, errstr(errno));
		return 1;
	}
	if (JSON)
		json_begin_list();
	while ((name = scan_next(&s))) {
		show(p, name);
		found = true;
		last = xstrdup(name);
	}
	if (JSON)
		json_end_list();
	/* An empty line when no name is bound to it, as iproute2; with
	 * last_only, the last name. */
	else if (p->last_only || !found)
		outf("%s\n", last);
	return 0;
}

int netns_identify_main(int argc, char **argv)
{
	char **ops = getflags(argv, ENABLE_FEATURE_JSON ? "j" : "", -1);

	(void)argc;
	G.json = G.flags & 1;
	return netns_identify(&applet_policy, ops);
}
