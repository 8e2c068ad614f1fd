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

struct row {
	struct row *next;
	int nsid, cur;	/* cur: the nsid in this namespace, with target-nsid */
	char *name;	/* or a name of the run dir with nsid */
};

/* The answers of the dump, and the names of the run dir with an nsid. */
struct rows {
	struct row *rows, **tail, *names, **names_tail;
};

static struct row *append(struct row ***end)
{
	struct row *r = xzalloc(sizeof(*r));

	**end = r;
	*end = &r->next;
	return r;
}

/* The names with an nsid, in run dir order. */
static void remember(const char *name, int nsid, void *arg)
{
	struct rows *t = arg;
	struct row *r;

	if (nsid < 0)
		return;
	r = append(&t->names_tail);
	r->nsid = nsid;
	r->name = xstrdup(name);
}

/* The name of an nsid of this namespace: the first in the run dir. */
static const char *name_of(const struct rows *t, int nsid)
{
	for (struct row *r = t->names; nsid >= 0 && r; r = r->next)
		if (r->nsid == nsid)
			return r->name;
	return NULL;
}

static int on_nsid(const struct nlmsghdr *n, void *arg)
{
	const struct nlattr *tb[NETNSA_MAX + 1];
	struct rows *t = arg;
	struct row *r;
	uint32_t v;

	if (n->nlmsg_type != RTM_NEWNSID ||
	    nl_parse(n, sizeof(struct rtgenmsg), tb, NETNSA_MAX) < 0)
		return 0;
	r = append(&t->tail);
	r->nsid = nl_get_u32(tb[NETNSA_NSID], &v) ? (int32_t)v : -1;
	r->cur = nl_get_u32(tb[NETNSA_CURRENT_NSID], &v) ? (int32_t)v : -2;
	return 0;
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

static void show(const struct rows *t, const struct row *r)
{
	const char *name = name_of(t, r->cur != -2 ? r->cur : r->nsid);

	if (JSON)
		json_begin_obj();
	show_nsid("nsid", r->nsid);
	if (r->cur != -2)
		show_nsid("current-nsid", r->cur);
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

/* The dump (or the one nsid asked for) into t; 2 or 1 after a failure. */
static int get_rows(struct nl *nl, struct rows *t, int target, int nsid)
{
	char buf[64] __attribute__((aligned(4)));
	struct nlmsghdr *n = nsid_request(buf, sizeof(buf), RTM_GETNSID,
					  nsid >= 0 ? 0 : NLM_F_DUMP);
	bool ok = n && (target < 0 ||
			nl_put_u32(n, sizeof(buf), NETNSA_TARGET_NSID, target)) &&
		  (nsid < 0 || nl_put_u32(n, sizeof(buf), NETNSA_NSID, nsid));

	if (ok && nl_talk(nl, n, on_nsid, t) == 0)
		return 0;
	nl_perror(ok ? errno : ENOBUFS, nl->ext);
	if (nsid >= 0)
		return 2;
	msg("Dump terminated");
	/* iproute2 has opened its JSON list before the dump. */
	if (JSON) {
		json_begin_list();
		json_end_list();
	}
	return 1;
}

int netns_list_id(const struct policy *p, char **args)
{
	struct rows t = { NULL, &t.rows, NULL, &t.names };
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
	if (r)
		return r;
	if (JSON)
		json_begin_list();
	for (struct row *w = t.rows; w; w = w->next)
		show(&t, w);
	if (JSON)
		json_end_list();
	return 0;
}

int netns_list_id_main(int argc, char **argv)
{
	char **ops = getflags(argv, JSON_FLAGS, -1);

	(void)argc;
	G.json = G.flags & 1;
	G.pretty = G.flags & 2;
	return netns_list_id(&applet_policy, ops);
}
