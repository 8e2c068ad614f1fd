/* netns-identify - name the network namespace of a process */
//config:config NETNS_IDENTIFY
//config:	bool "netns-identify"
//config:	default y
//applet:NETNS_IDENTIFY netns-identify netns_identify_main
//usage:netns-identify [-j] [PID]
//usage:Print every name in RUN_DIR bound to the network namespace of PID
//usage:(default: this process), one a line; an empty line when none is.
//usage:	-j	JSON output

#include "libbb.h"
#include "cfg/FEATURE_JSON.h"
#include <limits.h>

int netns_identify_main(int argc, char **argv)
{
	static struct scan s;
	char path[PATH_MAX], last[NAME_MAX + 1] = "";
	const char *pid, *name;
	int i, r;
	bool json = getflags(argv, ENABLE_FEATURE_JSON ? "j" : "", NULL, &i) &&
		    ENABLE_FEATURE_JSON;

	if (i + 1 < argc) {
		msg("extra arguments specified");
		return 1;
	}
	pid = i < argc ? argv[i] : "self";
	if (i < argc && !all_digits(pid)) {
		msg("Specified string '%s' is not a pid", pid);
		return 1;
	}
	/* The PID as given, as iproute2 opens it: 007 is no process. */
	fmt(path, sizeof(path), "/proc/%s/ns/net", pid);
	r = scan_open(&s, path, run_dir, "");
	if (r == -1 || (r == -2 && errno != ENOENT)) {
		if (r == -2)
			msg("Failed to open directory %s:%s", run_dir, errstr(errno));
		return 1;
	}
	if (json)
		json_begin_list();
	/* ip prints the last name only, as iproute2. */
	while ((name = scan_next(&s))) {
		if (json) {
			json_begin_obj();
			json_str("name", name);
			json_end_obj();
		} else if (!ip_mode) {
			outf("%s\n", name);
		}
		r = 1;
		strcpy(last, name);
	}
	if (json)
		json_end_list();
	else if (ip_mode || r != 1)
		outf("%s\n", last);
	return 0;
}
