/* netns-list - list the named network namespaces */
//config:config NETNS_LIST
//config:	bool "netns-list"
//config:	default y
//applet:NETNS_LIST netns-list netns_list_main
//usage:netns-list [-j] [-p]
//usage:List the names in RUN_DIR, with their nsids.
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

int netns_list(const struct policy *p, char **args)
{
	struct nsdir d;
	struct nl nl;

	(void)args;
	/* No run dir, or one that is not a directory: nothing at all, as
	 * iproute2, not even an empty list. */
	if (dir_open(&d, run_dir) < 0)
		return 0;
	/* Without netlink, the names without ids. */
	nl_open(&nl, p->strict);
	if (JSON)
		json_begin_list();
	nsid_each(&nl, &d, p->list_reports, show, NULL);
	if (JSON)
		json_end_list();
	nl_close(&nl);
	return 0;
}

int netns_list_main(int argc, char **argv)
{
	char **ops = getflags(argv, JSON_FLAGS, 0);

	(void)argc;
	G.json = G.flags & 1;
	G.pretty = G.flags & 2;
	return netns_list(&applet_policy, ops);
}
