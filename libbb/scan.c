/* scan.c - the names of a namespace and the processes in it */
#include "libbb.h"
#include <limits.h>
#include <sys/stat.h>

/* NS is not opened: a FIFO must not block, a device must not be opened.
 * A socket is what open(2), iproute2's, cannot open: ENXIO. */
int scan_ns(struct scan *s, const char *ns, const char *suffix)
{
	struct stat st;

	if (stat(ns, &st) < 0 || (S_ISSOCK(st.st_mode) && (errno = ENXIO))) {
		msg("Cannot open network namespace:");
		return -1;
	}
	s->dev = st.st_dev;
	s->ino = st.st_ino;
	s->suffix = suffix;
	return 0;
}

/* A stat relative to the folder's handle: no path walk from the root for
 * each of thousands of processes. A name is taken whole, however long
 * (FUSE has names of up to 1024 bytes); one too long for its suffix is no
 * process. */
const char *scan_next(struct scan *s)
{
	char path[NAME_MAX + 8];
	struct stat st;
	const char *e, *p;

	while ((e = dir_next(&s->d))) {
		p = e;
		if (*s->suffix) {
			if (fmt(path, sizeof(path), "%s%s", e, s->suffix) >=
			    sizeof(path))
				continue;
			p = path;
		}
		if (fstatat(s->d.fd, p, &st, 0) == 0 &&
		    st.st_dev == s->dev && st.st_ino == s->ino)
			return e;
	}
	dir_close(&s->d);
	return NULL;
}
