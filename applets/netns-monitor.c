/* netns-monitor - report named network namespaces as they come and go */
//config:config NETNS_MONITOR
//config:	bool "netns-monitor"
//config:	default y
//applet:NETNS_MONITOR netns-monitor netns_monitor_main
//usage:netns-monitor [-j]
//usage:Print "add NAME" when a namespace is bound at RUN_DIR/NAME and
//usage:"delete NAME" when the name goes, one flushed line per event.
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
	bool seen;
	char s[NAME_MAX + 1];
};

static struct name *live, *spare;
static struct nsdir d;
static bool json, quiet;

/* Each event is written at once: a reader in a pipe acts on it now. */
static void report(const char *event, const char *name)
{
	if (quiet)
		return;
	if (json) {
		json_begin_obj();
		json_str("event", event);
		json_str("name", name);
		json_end_obj();
		out_str("\n");
	} else {
		outf("%s %s\n", event, name);
	}
	if (!out_flush())
		die(1, "%s: write error:", applet_name);
}

static __attribute__((noinline)) struct name **find(const char *s)
{
	struct name **pp = &live;

	while (*pp && strcmp((*pp)->s, s))
		pp = &(*pp)->next;
	return pp;
}

/* A name is added when a namespace is mounted on it, not when its file
 * appears: add creates the file first, then binds the namespace. The
 * run dir's handle is that of the last rescan: one opened before the run
 * dir was bound on itself would not see the mounts in it, but that bind
 * is a mount change, which rescans with a new handle. */
static void check(const char *s)
{
	struct name **pp = find(s), *n = *pp;

	if (!netns_mounted_at(d.fd, s))
		return;
	if (!n) {
		n = spare ? spare : xzalloc(sizeof(*n));
		spare = n == spare ? n->next : spare;
		n->next = NULL;
		strcpy(n->s, s);
		*pp = n;
		report("add", s);
	}
	n->seen = true;
}

static void forget(struct name **pp)
{
	struct name *n = *pp;

	report("delete", n->s);
	*pp = n->next;
	n->next = spare;
	spare = n;
}

/* The run dir against the names known: at the start, after a mount
 * change, when the event queue overflowed. */
static void rescan(void)
{
	const char *e;

	for (struct name *n = live; n; n = n->next)
		n->seen = false;
	dir_close(&d);
	dir_open(&d, run_dir);
	while ((e = dir_next(&d)))
		check(e);
	for (struct name **pp = &live; *pp;) {
		if ((*pp)->seen)
			pp = &(*pp)->next;
		else
			forget(pp);
	}
}

static void on_event(const struct inotify_event *ev)
{
	struct name **pp;

	if (ev->mask & IN_Q_OVERFLOW)
		rescan();
	else if (ev->mask & (IN_CREATE | IN_MOVED_TO))
		check(ev->name);
	else if (ev->len && *(pp = find(ev->name)))
		forget(pp);
}

/* inotify gives the names in the order they come; a change of the mount
 * table (POLLPRI on mountinfo) the bind mount that makes a name usable
 * and the unmount that ends it. */
int netns_monitor_main(int argc, char **argv)
{
	static char buf[4096] __attribute__((aligned(8)));
	struct pollfd p[2];
	ssize_t n;
	int i;

	live = spare = NULL;	/* the arena was emptied since a former run */
	d.fd = -1;
	json = getflags(argv, ENABLE_FEATURE_JSON ? "j" : "", NULL, &i) &&
	       ENABLE_FEATURE_JSON;
	if (!ip_mode && i < argc)
		usage_exit(1);
	p[0].fd = inotify_init1(IN_CLOEXEC);
	if (p[0].fd < 0) {
		msg("inotify_init failed:");
		return 1;
	}
	if (netns_mkdir() < 0)
		goto fail;
	if (inotify_add_watch(p[0].fd, run_dir, IN_CREATE | IN_DELETE |
			      IN_MOVED_FROM | IN_MOVED_TO) < 0) {
		msg("inotify_add_watch failed:");
		goto fail;
	}
	p[1].fd = openat(AT_FDCWD, "/proc/self/mountinfo", O_RDONLY | O_CLOEXEC);
	p[0].events = POLLIN;
	p[1].events = POLLPRI;
	quiet = true;
	rescan();
	quiet = false;
	for (;;) {
		if (poll(p, 2, -1) < 0)
			continue;
		n = p[0].revents ? read(p[0].fd, buf, sizeof(buf)) : 0;
		if (n < 0 && errno != EINTR) {
			msg("read failed:");
			close(p[1].fd);
			goto fail;
		}
		for (char *q = buf; q < buf + n;
		     q += sizeof(struct inotify_event) + ((struct inotify_event *)q)->len)
			on_event((struct inotify_event *)q);
		if (p[1].revents)
			rescan();
	}
fail:
	/* A batch goes on with -force: nothing of this run may stay. */
	close(p[0].fd);
	dir_close(&d);
	return 1;
}
