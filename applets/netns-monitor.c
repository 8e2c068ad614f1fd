/* netns-monitor - report named network namespaces as they come and go */
//config:config NETNS_MONITOR
//config:	bool "netns-monitor"
//config:	default y
//applet:NETNS_MONITOR netns-monitor netns_monitor_main
//usage:netns-monitor [-j]
//usage:Print "add NAME" and "delete NAME" as names come and go.
//usage:	-j	one JSON object a line

#include "libbb.h"
#include "cfg/FEATURE_JSON.h"
#include <limits.h>
#include <poll.h>
#include <sys/inotify.h>
#include <sys/stat.h>

/* The names reported by "add" and not yet by "delete". */
struct name {
	struct name *next;
	size_t size;	/* of s */
	bool seen;
	char s[];
};

/* Without the mount table to watch (no /proc), the run dir is read again
 * every POLL_MS after a name is made, up to POLLS times with no event in
 * between: add binds the namespace moments after it makes the file.
 * iproute2 reports every name that inotify shows. */
#define POLL_MS 10
#define POLLS 500

/* spare: the entries of names gone, for names to come: the arena never
 * frees, and a monitor runs for ever. */
struct monitor {
	struct name *live, *spare;
	struct nsdir d;
	bool quiet;	/* the first scan reports nothing */
	bool polling;	/* no mount table to watch */
	unsigned polls;	/* left */
};

/* Each event is written at once: a reader in a pipe acts on it now. */
static void report(const struct monitor *m, const char *event,
		   const char *name)
{
	if (m->quiet)
		return;
	if (JSON) {
		json_begin_obj();
		json_str("event", event);
		json_str("name", name);
		json_end_obj();
		out_str("\n");
	} else {
		outf("%s %s\n", event, name);
	}
	if (!out_flush())
		xexit(1);
}

static struct name **find(struct monitor *m, const char *s)
{
	struct name **pp = &m->live;

	while (*pp && strcmp((*pp)->s, s))
		pp = &(*pp)->next;
	return pp;
}

/* An entry for s, a spare one if one is large enough. Any name up to
 * NAME_MAX bytes fits any entry; a longer one (FUSE) gets its own. */
static struct name *new_name(struct monitor *m, const char *s)
{
	size_t len = strlen(s) + 1;
	struct name **pp = &m->spare, *n;

	while (*pp && (*pp)->size < len)
		pp = &(*pp)->next;
	if ((n = *pp)) {
		*pp = n->next;
	} else {
		size_t size = len > NAME_MAX + 1 ? len : NAME_MAX + 1;

		n = xzalloc(sizeof(*n) + size);
		n->size = size;
	}
	n->next = NULL;
	memcpy(n->s, s, len);
	return n;
}

/* A name is added when a namespace is mounted on it, not when its file
 * appears: add creates the file first, then binds the namespace. The
 * run dir's handle is that of the last rescan: one opened before the run
 * dir was bound on itself would not see the mounts in it, but that bind
 * is a mount change, which rescans with a new handle. */
static void check(struct monitor *m, const char *s)
{
	struct name **pp = find(m, s), *n = *pp;

	if (!netns_mounted_at(m->d.fd, s))
		return;
	if (!n) {
		n = new_name(m, s);
		*pp = n;
		report(m, "add", s);
	}
	n->seen = true;
}

static void forget(struct monitor *m, struct name **pp)
{
	struct name *n = *pp;

	report(m, "delete", n->s);
	*pp = n->next;
	n->next = m->spare;
	m->spare = n;
}

/* The run dir against the names known: at the start, after a mount
 * change, when the event queue overflowed, while polling. */
static void rescan(struct monitor *m)
{
	const char *e;

	for (struct name *n = m->live; n; n = n->next)
		n->seen = false;
	dir_close(&m->d);
	dir_open(&m->d, run_dir);
	while ((e = dir_next(&m->d)))
		check(m, e);
	for (struct name **pp = &m->live; *pp;) {
		if ((*pp)->seen)
			pp = &(*pp)->next;
		else
			forget(m, pp);
	}
}

static void on_event(struct monitor *m, const struct inotify_event *ev)
{
	struct name **pp;

	if (ev->mask & IN_Q_OVERFLOW)
		rescan(m);
	else if (ev->mask & (IN_CREATE | IN_MOVED_TO) && m->polling)
		m->polls = POLLS;
	else if (ev->mask & (IN_CREATE | IN_MOVED_TO))
		check(m, ev->name);
	else if (ev->len && *(pp = find(m, ev->name)))
		forget(m, pp);
}

/* inotify gives the names in the order they come; a change of the mount
 * table (POLLPRI on mountinfo) the bind mount that makes a name usable
 * and the unmount that ends it, or without /proc a poll after a name is
 * made. Returns only on failure. */
int netns_monitor(const struct policy *p, char **args)
{
	char buf[4096] __attribute__((aligned(8)));
	struct monitor m = { .live = NULL, .spare = NULL, .quiet = true };
	struct pollfd pf[2];
	ssize_t n;
	int r;

	(void)p;
	(void)args;
	m.d.fd = -1;
	pf[0].fd = inotify_init1(IN_CLOEXEC);
	if (pf[0].fd < 0) {
		msg("inotify_init failed:");
		return 1;
	}
	if (netns_mkdir() < 0)
		goto fail;
	if (inotify_add_watch(pf[0].fd, run_dir, IN_CREATE | IN_DELETE |
			      IN_MOVED_FROM | IN_MOVED_TO) < 0) {
		msg("inotify_add_watch failed:");
		goto fail;
	}
	pf[1].fd = openat(AT_FDCWD, "/proc/self/mountinfo", O_RDONLY | O_CLOEXEC);
	m.polling = pf[1].fd < 0;
	pf[0].events = POLLIN;
	pf[1].events = POLLPRI;
	rescan(&m);
	m.quiet = false;
	for (;;) {
		r = poll(pf, 2, m.polls ? POLL_MS : -1);
		if (r < 0)
			continue;
		m.polls -= r == 0;
		n = pf[0].revents ? read(pf[0].fd, buf, sizeof(buf)) : 0;
		if (n < 0 && errno != EINTR) {
			msg("read failed:");
			close(pf[1].fd);
			goto fail;
		}
		for (char *q = buf; q < buf + n;
		     q += sizeof(struct inotify_event) + ((struct inotify_event *)q)->len)
			on_event(&m, (struct inotify_event *)q);
		/* A new handle each time: the first add binds the run dir
		 * on itself, and only the new one sees the mounts in it. */
		if (pf[1].revents || m.polls)
			rescan(&m);
	}
fail:
	/* A batch goes on with -force: nothing of this run may stay. */
	close(pf[0].fd);
	dir_close(&m.d);
	return 1;
}

int netns_monitor_main(int argc, char **argv)
{
	char **ops = getflags(argv, ENABLE_FEATURE_JSON ? "j" : "", 0);

	(void)argc;
	G.json = G.flags & 1;
	return netns_monitor(&applet_policy, ops);
}
