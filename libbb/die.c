/* die.c - messages to stderr and the ways out */
#include "libbb.h"

/* The texts of the errors netnsbox can meet, as glibc words them: iproute2
 * ends its messages with them, and the ip applet prints what iproute2
 * prints. Each starts with its number as one byte. Written out here rather
 * than taken from the C library, whose texts differ (musl's) and whose
 * table is twice the size. */
static const char texts[] =
	"\001Operation not permitted\0"
	"\002No such file or directory\0"
	"\003No such process\0"
	"\004Interrupted system call\0"
	"\005Input/output error\0"
	"\006No such device or address\0"
	"\007Argument list too long\0"
	"\010Exec format error\0"
	"\011Bad file descriptor\0"
	"\013Resource temporarily unavailable\0"
	"\014Cannot allocate memory\0"
	"\015Permission denied\0"
	"\020Device or resource busy\0"
	"\021File exists\0"
	"\022Invalid cross-device link\0"
	"\023No such device\0"
	"\024Not a directory\0"
	"\025Is a directory\0"
	"\026Invalid argument\0"
	"\027Too many open files in system\0"
	"\030Too many open files\0"
	"\032Text file busy\0"
	"\034No space left on device\0"
	"\036Read-only file system\0"
	"\037Too many links\0"
	"\040Broken pipe\0"
	"\044File name too long\0"
	"\046Function not implemented\0"
	"\047Directory not empty\0"
	"\050Too many levels of symbolic links\0"
	"\107Protocol error\0"
	"\132Message too long\0"
	"\137Operation not supported\0"
	"\151No buffer space available\0"
	"\172Disk quota exceeded\0"
	"\175Operation canceled\0";

const char *errstr(int e)
{
	static char unknown[24];

	for (const char *p = texts; *p; p += strlen(p) + 1)
		if ((unsigned char)*p == e)
			return p + 1;
	fmt(unknown, sizeof(unknown), "Unknown error %d", e);
	return unknown;
}

/* A format that ends with ':' gets " " and the text of errno. The line is
 * written with one write(2) so that parallel processes do not mix lines. */
void msg_v(const char *f, va_list ap)
{
	int e = errno;
	const char *t = *f && f[strlen(f) - 1] == ':' ? errstr(e) : NULL;
	size_t n, tn = t ? strlen(t) + 1 : 0;
	char small[512], *buf = small;
	va_list again;

	va_copy(again, ap);
	n = fmt_v(small, sizeof(small), f, ap);
	if (n + tn + 2 > sizeof(small)) {
		/* A long name in the message: iproute2 prints it whole. */
		buf = xzalloc(n + tn + 2);
		fmt_v(buf, n + 1, f, again);
	}
	va_end(again);
	if (t) {
		buf[n] = ' ';
		memcpy(buf + n + 1, t, tn - 1);
		n += tn;
	}
	buf[n++] = '\n';
	out_flush();
	write_all(2, buf, n);
	errno = e;
}

void msg(const char *f, ...)
{
	va_list ap;

	va_start(ap, f);
	msg_v(f, ap);
	va_end(ap);
}

void die(int status, const char *f, ...)
{
	va_list ap;

	va_start(ap, f);
	msg_v(f, ap);
	va_end(ap);
	xexit(status);
}

/* iproute2's complaint about a bad value. */
void invarg(const char *what, const char *arg)
{
	die(255, "Error: argument \"%s\" is wrong: %s", arg, what);
}

/* iproute2's report of a kernel error: the extended ACK text, or the
 * errno's. */
void nl_perror(int err, const char *ext)
{
	size_t k = strlen(ext);

	errno = err;
	if (k)
		msg("Error: %s%s", ext, ext[k - 1] == '.' ? "" : ".");
	else
		msg("RTNETLINK answers:");
}

void xexit(int status)
{
	out_flush();
	_exit(status);
}

bool write_all(int fd, const void *p, size_t n)
{
	while (n) {
		ssize_t k = write(fd, p, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return false;
		p = (const char *)p + k;
		n -= k;
	}
	return true;
}
