/* netlink.c - fuzz target: the netlink answers, dumps and ACKs that list,
 * list-id and set read, as the netns-* applets and as ip (libbb/nl.c,
 * nsid.c and the cores' callbacks), and run-dir names of any length a
 * kernel can give.
 * Input: one byte that picks the command (modes below), then the records
 * of fake_load: datagrams, from the kernel or another port, and names. */
#include "libbb.h"
#include "harness.h"

/* The first byte of the seeds and past failures says which: add modes at
 * the end, never change one. */
static const struct mode {
	int (*main)(int argc, char **argv);
	const char *argv[5];
} modes[] = {
	{ netns_list_main, { "netns-list" } },
	{ netns_list_main, { "netns-list", "-j", "-p" } },
	{ ip_main, { "ip", "netns", "list" } },
	{ netns_list_id_main, { "netns-list-id" } },
	{ netns_list_id_main, { "netns-list-id", "-j" } },
	{ ip_main, { "ip", "netns", "list-id" } },
	{ netns_list_id_main, { "netns-list-id", "nsid", "5" } },
	{ netns_list_id_main, { "netns-list-id", "target-nsid", "5" } },
	{ netns_set_main, { "netns-set", "x", "7" } },
};

/* Runs the command of mode m against what the kernel (fake or real) has
 * been given; its exit status. */
int netlink_run(unsigned m);
int netlink_run(unsigned m)
{
	const struct mode *c = &modes[m % ARRAY_LEN(modes)];

	if (c->main == netns_set_main)
		fake_name("x");
	return fuzz_run(c->main, c->argv);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	fake_load(data + 1, size - 1);
	netlink_run(data[0]);
	return 0;
}
