/* netns-delete - remove named network namespaces */
//config:config NETNS_DELETE
//config:	bool "netns-delete"
//config:	default y
//applet:NETNS_DELETE netns-delete netns_delete_main
//applet:NETNS_DELETE netns-del netns_delete_main
//usage:netns-delete [-a] NAME...
//usage:Unmount and remove each RUN_DIR/NAME.
//usage:	-a	remove every namespace in RUN_DIR

#include "libbb.h"

/* Every namespace of the run dir, every entry with all_any; with
 * all_stop, up to the first that cannot be removed. */
static int delete_all(const struct policy *p)
{
	struct nsdir d;
	const char *name;
	int r = 0;

	if (netns_walk(&d) < 0)
		return 1;
	while ((name = dir_next(&d)) && !(r && p->all_stop))
		if (netns_unbind(name, p->all_any) < 0)
			r = 1;
	dir_close(&d);
	return p->all_status ? r : 0;
}

/* Each name, checked by the front end; with first_only, the first. With
 * -a (G.all), every namespace, whatever the names. */
int netns_delete(const struct policy *p, char **names)
{
	int r = 0;

	if (G.all)
		return delete_all(p);
	if (!*names) {
		msg("No netns name specified");
		return 1;
	}
	for (; *names; names++) {
		if (netns_unbind(*names, true) < 0)
			r = 1;
		if (p->first_only)
			break;
	}
	return r;
}

int netns_delete_main(int argc, char **argv)
{
	char **ops = getflags(argv, "a", -1);

	(void)argc;
	G.all = G.flags;
	if (G.all && ops[0])
		usage_exit(1);
	/* Every name is checked before any is removed: a bad one in the list
	 * changes nothing. */
	for (char **n = ops; *n; n++)
		netns_check_name(*n);
	return netns_delete(&applet_policy, ops);
}
