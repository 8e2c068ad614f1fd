/* netns-list - list the named network namespaces */
//config:config NETNS_LIST
//config:	bool "netns-list"
//config:	default y
//applet:NETNS_LIST netns-list netns_list_main
//usage:netns-list [-j] [-p]
//usage:List the names in RUN_DIR in directory order, each followed by
//usage:" (id: N)" when this namespace has an nsid for it.
//usage:	-j	JSON output
//usage:	-p	pretty JSON, with -j

#include "libbb.h"
#include "cfg/FEATURE_JSON.h"

static void show(const char *name, int nsid, void *arg)
{
	(void)arg;
	if (JSON) {
		json_begin_obj();
		json_str("name", name);
		if (nsid >= 0)
			json_int("id", nsid);
		json_end_obj();
	} else if (nsid >= 0) {
		outf("%s (id: %d)\n", name, nsid);
	} else {
		outf("%s\n", name);
	}
}

int netns_list_main(int argc, char **argv)
{
	struct nl nl;
	int i, fd;

	if (!ip_mode) {
		unsigned f = getflags(argv, JSON_FLAGS, NULL, &i);

		opt_json = f & 1;
		opt_pretty = f & 2;
		if (i < argc)
			usage_exit(1);
	}
	/* No run dir, or one that is not a directory: nothing at all, as
	 * iproute2, not even an empty list. */
	fd = openat(AT_FDCWD, run_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	close(fd);
	nl_open(&nl);	/* without netlink, the names without ids */
	/* iproute2 looks every name up twice and reports each failure. */
	nl.echo = ip_mode ? 2 : 0;
	if (JSON)
		json_begin_list();
	nsid_each(&nl, show, NULL);
	if (JSON)
		json_end_list();
	nl_close(&nl);
	return 0;
}
