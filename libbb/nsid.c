/* nsid.c - the nsids of the named namespaces */
#include "libbb.h"
#include <sys/socket.h>
#include <linux/net_namespace.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

/* How many names are asked about in one send: their fds stay open until
 * the kernel has read the requests, and the answers must fit in the
 * socket's receive queue. */
#define BATCH 64
#define REQ_SIZE NLMSG_ALIGN(NLMSG_HDRLEN + NLMSG_ALIGN(sizeof(struct rtgenmsg)) + NLA_HDRLEN + 4)

/* A request of type with its family header, in buf of size bytes; NULL
 * (ENOBUFS) when they do not fit. */
struct nlmsghdr *nsid_request(void *buf, size_t size, uint16_t type,
			      uint16_t flags)
{
	struct nlmsghdr *n = nl_put_header(buf, type, flags);
	struct rtgenmsg *g = nl_put_extra(n, size, sizeof(*g));

	if (!g) {
		errno = ENOBUFS;
		return NULL;
	}
	g->rtgen_family = AF_UNSPEC;
	return n;
}

/* The names of a batch are copied one after another into copy, which ends
 * the batch early when the next one does not fit (it holds 64 names of 31
 * bytes): a few pages of stack, not the 16 KiB of 64 names of NAME_MAX.
 * One longer than copy itself (FUSE makes names of up to 1024 bytes, a
 * name may be longer still) is kept in the arena. */
struct batch {
	uint32_t first;
	int reports;
	int nsid[BATCH];
	unsigned char type[BATCH];
	const char *name[BATCH];
	char copy[2048];
};

static int nsid_of(const struct nlmsghdr *n, int *nsid)
{
	const struct nlattr *tb[NETNSA_MAX + 1];
	uint32_t v;

	if (n->nlmsg_type != RTM_NEWNSID ||
	    nl_parse(n, sizeof(struct rtgenmsg), tb, NETNSA_MAX) < 0)
		return -1;
	if (nl_get_u32(tb[NETNSA_NSID], &v))
		*nsid = (int32_t)v;
	return 0;
}

static int on_answer(const struct nlmsghdr *n, void *arg)
{
	struct batch *b = arg;
	uint32_t i = n->nlmsg_seq - b->first;

	if (i < BATCH)
		nsid_of(n, &b->nsid[i]);
	return 0;
}

/* iproute2 reports each entry that is not a namespace as it asks. */
static void on_error(int err, const char *ext, void *arg)
{
	const struct batch *b = arg;

	for (int k = 0; k < b->reports; k++)
		nl_perror(err, ext);
}

static int on_any(const struct nlmsghdr *n, void *arg)
{
	(void)n;
	*(bool *)arg = true;
	return 0;
}

/* Does this namespace have any nsid? One dump answers for every name. */
static bool any_nsid(struct nl *nl)
{
	char buf[NLMSG_HDRLEN + 4] __attribute__((aligned(4)));
	struct nlmsghdr *n = nsid_request(buf, sizeof(buf), RTM_GETNSID,
					  NLM_F_DUMP);
	bool any = false;

	return !n || nl_talk(nl, n, on_any, &any) < 0 || any;
}

/* Asks for the nsids of b's k names in one send and waits for them all.
 * The names are opened relative to the run dir (dirfd): no path walk from
 * the root, and openat, unlike musl's open, costs no extra fcntl. Any
 * entry may be there: netns_open_at opens no device and no FIFO. */
static void ask(struct nl *nl, struct batch *b, int k, int dirfd)
{
	static char buf[BATCH * REQ_SIZE] __attribute__((aligned(4)));
	int fd[BATCH];
	size_t len = 0;

	b->first = nl->seq + 1;
	for (int i = 0; i < k; i++) {
		struct nlmsghdr *n = nsid_request(buf + len, REQ_SIZE,
						 RTM_GETNSID, 0);

		/* As iproute2 asks: the answer, or an error, is the only
		 * message, and not two for each name. */
		if (n)
			n->nlmsg_flags &= ~NLM_F_ACK;
		b->nsid[i] = -1;
		fd[i] = netns_open_at(dirfd, b->name[i], b->type[i]);
		/* A name that cannot be opened is not asked about, as
		 * iproute2; its number is skipped to keep the others'. The
		 * buffer holds BATCH requests of REQ_SIZE: n and the
		 * attribute always fit. */
		if (fd[i] < 0 || !n || !nl_put_u32(n, REQ_SIZE, NETNSA_FD, fd[i])) {
			nl->seq++;
			continue;
		}
		nl_number(nl, n);
		len += n->nlmsg_len;
	}
	if (len && nl_send(nl, buf, len) < 0)
		nl->pending = 0;
	for (int i = 0; i < k; i++)
		if (fd[i] >= 0)
			close(fd[i]);
	/* A name that is not a namespace just has no nsid: the answer of
	 * the wait is in b, name by name. */
	nl->on_error = on_error;
	nl->acked = false;
	nl_wait(nl, on_answer, b);
	nl->acked = true;
	nl->on_error = NULL;
}

/* Without netlink (nl->fd < 0), every name without an nsid. Closes d. */
void nsid_each(struct nl *nl, struct nsdir *d, int reports,
	       void (*fn)(const char *name, int nsid, void *arg), void *arg)
{
	struct batch b;
	const char *name;
	bool any;
	int k = 0;
	size_t used = 0;

	b.reports = reports;
	/* iproute2 asks for every name and reports those that are not
	 * namespaces; without reports, a namespace with no nsid at all
	 * needs no question per name. */
	any = nl->fd >= 0 && (reports || any_nsid(nl));
	for (;;) {
		size_t len;

		name = dir_next(d);
		len = name ? strlen(name) + 1 : 0;
		/* The batch is asked about when it is full, when the next
		 * name does not fit in copy, and at the end. */
		if (k && (!name || k == BATCH || used + len > sizeof(b.copy))) {
			if (any)
				ask(nl, &b, k, d->fd);
			for (int i = 0; i < k; i++)
				fn(b.name[i], b.nsid[i], arg);
			k = 0;
			used = 0;
		}
		if (!name)
			break;
		b.type[k] = d->type;
		if (len > sizeof(b.copy)) {
			b.name[k] = xstrdup(name);
		} else {
			b.name[k] = memcpy(b.copy + used, name, len);
			used += len;
		}
		b.nsid[k++] = -1;
	}
	dir_close(d);
}
