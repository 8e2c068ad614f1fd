/* netns-delete - remove named network namespaces */
//config:config NETNS_DELETE
//config:	bool "netns-delete"
//config:	default y
//applet:NETNS_DELETE netns-delete netns_delete_main
//applet:NETNS_DELETE netns-del netns_delete_main
//usage:netns-delete [-a] NAME...
//usage:Unmount and remove each RUN_DIR/NAME (a namespace in use lives on).
//usage:	-a	remove every name in RUN_DIR

#include "libbb.h"

static int delete_all(void)
{
	static struct nsdir d;
	const char *name;
	int r = 0;

	switch (netns_walk(&d)) {
	case 0:
		return 0;
	case -1:
		return 1;	/* for ip too, as iproute2 */
	}
	/* ip -all netns delete stops at the first name it cannot remove and
	 * returns 0 all the same, as iproute2; netns-delete -a goes on. */
	while ((name = dir_next(&d)) && !(r && ip_mode))
		if (netns_unbind(name) < 0)
			r = 1;
	dir_close(&d);
	return ip_mode ? 0 : r;
}

int netns_delete_main(int argc, char **argv)
{
	int i, r = 0;

	if (!ip_mode)
		opt_all = getflags(argv, "a", NULL, &i);
	else
		i = 1;
	if (opt_all) {
		if (!ip_mode && i < argc)
			usage_exit(1);
		return delete_all();
	}
	if (i >= argc) {
		msg("No netns name specified");
		return 1;
	}
	/* Every name is checked before any is removed: a bad one in the list
	 * changes nothing. */
	for (int k = i; k < argc; k++)
		netns_check_name(argv[k]);
	/* ip deletes only the first name, as iproute2; netns-delete them all. */
	for (; i < argc; i++) {
		if (netns_unbind(argv[i]) < 0)
			r = 1;
		if (ip_mode)
			break;
	}
	return r;
}
