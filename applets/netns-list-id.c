/* netns-list-id - list the nsids of this network namespace */
//config:config NETNS_LIST_ID
//config:	bool "netns-list-id"
//config:	default y
//applet:NETNS_LIST_ID netns-list-id netns_list_id_main
//usage:netns-list-id [-j] [-p] [target-nsid NSID] [nsid NSID]
//usage:List the nsids of this namespace, with their names.
//usage:	-j	JSON output
//usage:	-p	pretty JSON, with -j

#include "libbb.h"
#include "cfg/FEATURE_JSON.h"
#include <linux/net_namespace.h>
#include <linux/rtnetlink.h>

/* The names of the run dir with an nsid, in its order, packed in one
 * buffer that doubles as it fills: each the nsid (an int, copied in and
 * out as bytes: it need not be aligned), then the name and its NUL. The
 * dump is shown as it comes: it needs no room. */
struct names {
	char *p;
	size_t len, size;
	bool shown;	/* a row is out: JSON's list is open */
};

static void remember(const char *name, int nsid, void *arg)
{
	struct names *t = arg;
	size_t n = strlen(name) + 1;
	char *old = t->p;

	if (nsid < 0)
		return;
	if (t->size - t->len < sizeof(nsid) + n) {
		t->size = 2 * t->size + 4096 + n;
		t->p = xzalloc(t->size);
		if (t->len)
			memcpy(t->p, old, t->len);
	}
	memcpy(t->p + t->len, &nsid, sizeof(nsid));
	memcpy(t->p + t->len + sizeof(nsid), name, n);
	t->len += sizeof(nsid) + n;
}

/* The name of an nsid of this namespace: the first in the run dir. */
static const char *name_of(const struct names *t, int nsid)
{
	for (size_t i = 0; nsid >= 0 && i < t->len;) {
		const char *name = t->p + i + sizeof(nsid);
		int v;

		memcpy(&v, t->p + i, sizeof(v));
		if (v == nsid)
			return name;
		i += sizeof(nsid) + strlen(name) + 1;
	}
	return NULL;
}

static void show_nsid(const char *key, int v)
{
	if (JSON) {
		if (v >= 0)
			json_int(key, v);
	} else if (v >= 0) {
		outf("%s %d ", key, v);
	} else {
		outf("%s unassigned ", key);
	}
}

/* A row of the dump; cur is the nsid in this namespace, with
 * target-nsid, else -2. */
static void show(struct names *t, int nsid, int cur)
{
	const char *name = name_of(t, cur != -2 ? cur : nsid);

	if (JSON) {
		if (!t->shown)
			json_begin_list();
		json_begin_obj();
	}
	t->shown = true;
	show_nsid("nsid", nsid);
	if (cur != -2)
		show_nsid("current-nsid", cur);
	if (JSON) {
		if (name)
			json_str("name", name);
		json_end_obj();
	} else {
		if (name)
			outf("(iproute2 netns name: %s)", name);
		out_str("\n");
	}
}

static int on_nsid(const struct nlmsghdr *n, void *arg)
{
	const struct nlattr *tb[NETNSA_MAX + 1];
	uint32_t v;
	int nsid;

	if (n->nlmsg_type != RTM_NEWNSID ||
	    nl_parse(n, sizeof(struct rtgenmsg), tb, NETNSA_MAX) < 0)
		return 0;
	nsid = nl_get_u32(tb[NETNSA_NSID], &v) ? (int32_t)v : -1;
	show(arg, nsid,
	     nl_get_u32(tb[NETNSA_CURRENT_NSID], &v) ? (int32_t)v : -2);
	return 0;
}

/* Reads "KEY N" at argv[0..1] into *v, with iproute2's complaints. */
static void get_id(const struct policy *p, char **argv, const char *key,
		   int *v)
{
	char what[48];

	if (*v >= 0)
		die(255, "Error: duplicate \"%s\": \"%s\" is the second value.",
		    key, argv[0]);
	if (!argv[1])
		die(255, "Command line is not complete. Try option \"help\"");
	fmt(what, sizeof(what), "\"%s\" value is invalid", key);
	if (!get_number(p, argv[1], v))
		invarg(what, argv[1]);
	fmt(what, sizeof(what), "\"%s\" value should be >= 0", key);
	/* iproute2 names the word after the value here, or "(null)". */
	if (*v < 0)
		invarg(what, argv[2]);
}

/* The dump (or the one nsid asked for), shown as it comes; 2 or 1 after a
 * failure. */
static int get_rows(struct nl *nl, struct names *t, int target, int nsid)
{
	char buf[64] __attribute__((aligned(4)));
	struct nlmsghdr *n = nsid_request(buf, sizeof(buf), RTM_GETNSID,
					  nsid >= 0 ? 0 : NLM_F_DUMP);
	bool ok = n && (target < 0 ||
			nl_put_u32(n, sizeof(buf), NETNSA_TARGET_NSID, target)) &&
		  (nsid < 0 || nl_put_u32(n, sizeof(buf), NETNSA_NSID, nsid));

	int r = 0;

	if (!ok || nl_talk(nl, n, on_nsid, t) < 0) {
		nl_perror(ok ? errno : ENOBUFS, nl->ext);
		if (nsid >= 0)
			return 2;
		msg("Dump terminated");
		r = 1;
	}
	/* iproute2 opens its JSON list before the dump, and ends it after a
	 * failure too; here it is opened by the first row, so that nothing is
	 * on stdout before the messages of a dump that failed at once, as
	 * with iproute2's buffered stdout. */
	if (JSON) {
		if (!t->shown)
			json_begin_list();
		json_end_list();
	}
	return r;
}

int netns_list_id(const struct policy *p, char **args)
{
	struct names t = { NULL, 0, 0, false };
	int target = -1, nsid = -1, r;
	struct nsdir d;
	struct nl nl;

	if (nl_open(&nl, p->strict) < 0) {
		msg("Cannot open rtnetlink:");
		return 1;
	}
	/* As iproute2: the names and their nsids first, with a report of each
	 * entry that is not a namespace, then the arguments. A run dir that
	 * cannot be read holds no names. */
	if (dir_open(&d, run_dir) == 0)
		nsid_each(&nl, &d, p->list_id_reports, remember, &t);
	for (; *args; args += 2) {
		if (strcmp(args[0], "target-nsid") == 0)
			get_id(p, args, "target-nsid", &target);
		else if (strcmp(args[0], "nsid") == 0)
			get_id(p, args, "nsid", &nsid);
		else
			usage_exit(255);
	}
	r = get_rows(&nl, &t, target, nsid);
	nl_close(&nl);
	return r;
}

int netns_list_id_main(int argc, char **argv)
{
	char **ops = getflags(argv, JSON_FLAGS, -1);

	(void)argc;
	G.json = G.flags & 1;
	G.pretty = G.flags & 2;
	return netns_list_id(&applet_policy, ops);
}
