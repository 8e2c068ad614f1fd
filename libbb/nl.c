/* nl.c - a small rtnetlink client, shaped like libmnl */
#include "libbb.h"
#include <sys/socket.h>
#include <linux/netlink.h>

#ifndef NETLINK_EXT_ACK
#define NETLINK_EXT_ACK 11
#endif
#ifndef NETLINK_GET_STRICT_CHK
#define NETLINK_GET_STRICT_CHK 12
#endif

/* strict: the kernel checks requests strictly and honours the filters of a
 * dump (target-nsid). iproute2's batch mode does not ask for it, so there
 * the kernel ignores them. */
int nl_open(struct nl *nl, bool strict)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	socklen_t len = sizeof(sa);
	int one = 1;

	memset(nl, 0, sizeof(*nl));
	nl->fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (nl->fd < 0)
		return -1;
	/* Extended ACKs carry the kernel's reason; capped ACKs do not echo
	 * the request back. */
	setsockopt(nl->fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	setsockopt(nl->fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));
	if (strict)
		setsockopt(nl->fd, SOL_NETLINK, NETLINK_GET_STRICT_CHK, &one,
			   sizeof(one));
	if (bind(nl->fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 ||
	    getsockname(nl->fd, (struct sockaddr *)&sa, &len) < 0) {
		close(nl->fd);
		nl->fd = -1;
		return -1;
	}
	nl->portid = sa.nl_pid;
	nl->acked = true;
	nl->seq = nl->base = 1;
	return 0;
}

void nl_close(struct nl *nl)
{
	if (nl->fd >= 0)
		close(nl->fd);
	nl->fd = -1;
}

/* A request header at buf, which must hold NLMSG_HDRLEN bytes and be
 * aligned. Dumps get NLM_F_DUMP; every other request asks for an ACK. */
struct nlmsghdr *nl_put_header(void *buf, uint16_t type, uint16_t flags)
{
	struct nlmsghdr *n = buf;

	memset(n, 0, NLMSG_HDRLEN);
	n->nlmsg_len = NLMSG_HDRLEN;
	n->nlmsg_type = type;
	n->nlmsg_flags = NLM_F_REQUEST | flags;
	if (!(flags & NLM_F_DUMP))
		n->nlmsg_flags |= NLM_F_ACK;
	return n;
}

/* Appends len zeroed bytes (a family header) to n; NULL if size is short. */
void *nl_put_extra(struct nlmsghdr *n, size_t size, size_t len)
{
	char *p = (char *)n + n->nlmsg_len;

	if (n->nlmsg_len + NLMSG_ALIGN(len) > size)
		return NULL;
	memset(p, 0, NLMSG_ALIGN(len));
	n->nlmsg_len += NLMSG_ALIGN(len);
	return p;
}

bool nl_put_attr(struct nlmsghdr *n, size_t size, uint16_t type,
		 const void *data, size_t len)
{
	struct nlattr *a = (struct nlattr *)((char *)n + n->nlmsg_len);

	if (n->nlmsg_len + NLA_ALIGN(NLA_HDRLEN + len) > size ||
	    NLA_HDRLEN + len > 0xffff)
		return false;
	a->nla_type = type;
	a->nla_len = NLA_HDRLEN + len;
	memcpy((char *)a + NLA_HDRLEN, data, len);
	memset((char *)a + a->nla_len, 0, NLA_ALIGN(a->nla_len) - a->nla_len);
	n->nlmsg_len += NLA_ALIGN(a->nla_len);
	return true;
}

bool nl_put_u32(struct nlmsghdr *n, size_t size, uint16_t type, uint32_t v)
{
	return nl_put_attr(n, size, type, &v, sizeof(v));
}

/* Numbers the request that ends the batch at buf and counts it; several
 * requests may be built one after another and sent in one nl_send. */
uint32_t nl_number(struct nl *nl, struct nlmsghdr *n)
{
	nl->pending++;
	n->nlmsg_seq = ++nl->seq;
	n->nlmsg_pid = 0;
	return n->nlmsg_seq;
}

int nl_send(struct nl *nl, const void *buf, size_t len)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };

	for (;;) {
		ssize_t k = sendto(nl->fd, buf, len, 0, (struct sockaddr *)&sa,
				   sizeof(sa));
		if (k == (ssize_t)len)
			return 0;
		if (k < 0 && errno == EINTR)
			continue;
		if (k >= 0)
			errno = EMSGSIZE;
		return -1;
	}
}

/* Validates every attribute of n after off bytes of payload and stores
 * them by type in tb[0..max]; a truncated or malformed message is EPROTO,
 * never a read past its end. */
int nl_parse(const struct nlmsghdr *n, size_t off, const struct nlattr **tb,
	     int max)
{
	size_t pos = NLMSG_HDRLEN + NLMSG_ALIGN(off);

	memset(tb, 0, sizeof(*tb) * (max + 1));
	if (n->nlmsg_len < pos)
		goto bad;
	while (pos + NLA_HDRLEN <= n->nlmsg_len) {
		const struct nlattr *a = (const void *)((const char *)n + pos);
		int type = a->nla_type & NLA_TYPE_MASK;

		if (a->nla_len < NLA_HDRLEN || pos + a->nla_len > n->nlmsg_len)
			goto bad;
		if (type <= max)
			tb[type] = a;
		pos += NLA_ALIGN(a->nla_len);
	}
	return 0;
bad:
	errno = EPROTO;
	return -1;
}

/* The attribute's payload as a u32 (false when it is shorter). */
bool nl_get_u32(const struct nlattr *a, uint32_t *v)
{
	if (!a || a->nla_len < NLA_HDRLEN + sizeof(*v))
		return false;
	memcpy(v, (const char *)a + NLA_HDRLEN, sizeof(*v));
	return true;
}

/* The end of a request: an ACK or error (struct nlmsgerr, the request
 * not echoed since the socket asks for capped ACKs) or the end of a dump
 * (an int). Returns its errno, 0 for success, EPROTO for an error number
 * the kernel cannot send, with the extended ACK text in ext (of size
 * sizeof(nl->ext)), "" when there is none. */
static int ack(const struct nlmsghdr *n, char *ext)
{
	size_t off = n->nlmsg_type == NLMSG_DONE ? sizeof(int) :
		     sizeof(struct nlmsgerr);
	const struct nlattr *tb[NLMSGERR_ATTR_MAX + 1];
	const struct nlattr *m;
	int error;

	ext[0] = '\0';
	if (n->nlmsg_len < NLMSG_HDRLEN + off)
		return n->nlmsg_type == NLMSG_DONE ? 0 : EPROTO;
	memcpy(&error, NLMSG_DATA(n), sizeof(error));
	/* The kernel's errors are -1 to -4095: anything else is malformed
	 * (and -INT_MIN would overflow). */
	if (error > 0 || error < -4095)
		return EPROTO;
	if (error && (n->nlmsg_flags & NLM_F_ACK_TLVS) &&
	    (off == sizeof(int) || (n->nlmsg_flags & NLM_F_CAPPED)) &&
	    nl_parse(n, off, tb, NLMSGERR_ATTR_MAX) == 0 &&
	    (m = tb[NLMSGERR_ATTR_MSG]) && m->nla_len > NLA_HDRLEN) {
		size_t k = m->nla_len - NLA_HDRLEN;

		if (k >= sizeof(((struct nl *)0)->ext))
			k = sizeof(((struct nl *)0)->ext) - 1;
		memcpy(ext, (const char *)m + NLA_HDRLEN, k);
		ext[k] = '\0';
	}
	return -error;
}

/* Receives answers until every request numbered so far has ended (with an
 * ACK, an error or, for a dump, NLMSG_DONE), calling cb for each data
 * message. Returns 0, or -1 with errno set to the first error: the
 * kernel's, EPROTO for a malformed or truncated answer, EINTR for a dump
 * that changed while it was read (NLM_F_DUMP_INTR). Datagrams that do not
 * come from the kernel, and answers to other sequence numbers or ports,
 * are ignored. */
int nl_wait(struct nl *nl, nl_cb cb, void *arg)
{
	static union {
		struct nlmsghdr n;
		char b[16384];
	} u;
	int err = 0;

	nl->ext[0] = '\0';
	while (nl->pending) {
		struct sockaddr_nl sa;
		socklen_t salen = sizeof(sa);
		ssize_t len = recvfrom(nl->fd, u.b, sizeof(u.b), MSG_TRUNC,
				       (struct sockaddr *)&sa, &salen);
		const struct nlmsghdr *n = &u.n;

		if (len < 0 && errno == EINTR)
			continue;
		if (len < 0)
			goto fail;
		/* Any process may send to this port: only the kernel's
		 * datagrams are answers, as iproute2's rtnl_talk checks. */
		if (salen != sizeof(sa) || sa.nl_pid != 0)
			continue;
		if ((size_t)len > sizeof(u.b) || !NLMSG_OK(n, len)) {
			errno = EPROTO;
			goto fail;
		}
		for (; NLMSG_OK(n, len); n = NLMSG_NEXT(n, len)) {
			int e = 0;

			if (n->nlmsg_pid != nl->portid || n->nlmsg_seq <= nl->base ||
			    n->nlmsg_seq > nl->seq)
				continue;
			if (n->nlmsg_flags & NLM_F_DUMP_INTR)
				e = EINTR;
			if (n->nlmsg_type == NLMSG_ERROR || n->nlmsg_type == NLMSG_DONE) {
				char ext[sizeof(nl->ext)];
				int a = ack(n, ext);

				if (a && nl->on_error)
					nl->on_error(a, ext, arg);
				if (a && !err)
					memcpy(nl->ext, ext, sizeof(ext));
				if (a)
					e = a;
				nl->pending--;
			} else {
				if (cb && cb(n, arg) < 0)
					e = errno;
				/* A request without NLM_F_ACK ends with its
				 * one answer. */
				if (!(n->nlmsg_flags & NLM_F_MULTI) && !nl->acked)
					nl->pending--;
			}
			if (e && !err)
				err = e;
		}
	}
	nl->base = nl->seq;
	if (err) {
		errno = err;
		return -1;
	}
	return 0;
fail:
	/* Whatever still comes for these requests is stale from now on. */
	nl->pending = 0;
	nl->base = nl->seq;
	return -1;
}

/* Sends the one request n and waits for its end. */
int nl_talk(struct nl *nl, struct nlmsghdr *n, nl_cb cb, void *arg)
{
	nl_number(nl, n);
	if (nl_send(nl, n, n->nlmsg_len) < 0)
		return -1;
	return nl_wait(nl, cb, arg);
}
