/* link.c - an interface moved to another network namespace, raised or
 * brought down: one RTM_NEWLINK, as ip link set sends it */
#include "libbb.h"
#include <sys/socket.h>
#include <linux/if.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>

/* iproute2's check of an interface name given as a word: not empty, no
 * '/' and no blank; length is the kernel's to judge. */
bool link_name_bad(const char *dev)
{
	return !*dev || dev[span(dev, false, "/ \t\n\v\f\r")];
}

/* The request names the interface: the kernel finds it in the namespace
 * of the socket, so that the lookup and the change are one round trip. A
 * name too long for IFLA_IFNAME can only be an alternative name. */
static bool put_dev(struct nlmsghdr *n, size_t size, const char *dev)
{
	size_t len = strlen(dev) + 1;

	return nl_put_attr(n, size, len <= IFNAMSIZ ? IFLA_IFNAME :
			   IFLA_ALT_IFNAME, dev, len);
}

int link_set(struct nl *nl, const char *dev, const struct link_change *c)
{
	char buf[NLMSG_HDRLEN + sizeof(struct ifinfomsg) + 2 * NLA_HDRLEN +
		 128 + 8] __attribute__((aligned(4)));
	struct nlmsghdr *n = nl_put_header(buf, RTM_NEWLINK, 0);
	struct ifinfomsg *i = nl_put_extra(n, sizeof(buf), sizeof(*i));

	if (strlen(dev) >= 128) {
		errno = ENODEV;	/* longer than any name the kernel has */
		return -1;
	}
	if (!i || !put_dev(n, sizeof(buf), dev) ||
	    (c->nsfd >= 0 &&
	     !nl_put_u32(n, sizeof(buf), IFLA_NET_NS_FD, c->nsfd)) ||
	    (c->nsfd < 0 && c->pid_set &&
	     !nl_put_u32(n, sizeof(buf), IFLA_NET_NS_PID, c->pid))) {
		errno = ENOBUFS;
		return -1;
	}
	i->ifi_family = AF_UNSPEC;
	if (c->up >= 0) {
		i->ifi_change = IFF_UP;
		i->ifi_flags = c->up ? IFF_UP : 0;
	}
	return nl_talk(nl, n, NULL, NULL);
}
