/* die.c - messages to stderr and the ways out */
#include "libbb.h"

/* The texts of the errors netnsbox can meet, as glibc words them: iproute2
 * ends its messages with them, and the ip applet prints what iproute2
 * prints. Written out here rather than taken from the C library, whose
 * texts differ (musl's) and whose table is twice the size. Keyed by the
 * E* names, whose numbers differ between architectures (EDQUOT is 122 on
 * x86 and ARM, 1133 on MIPS); every Linux errno fits 16 bits. The list is
 * expanded twice, into the codes and into one string of the texts. */
#define ERRORS(X) \
	X(EPERM, "Operation not permitted") \
	X(ENOENT, "No such file or directory") \
	X(ESRCH, "No such process") \
	X(EINTR, "Interrupted system call") \
	X(EIO, "Input/output error") \
	X(ENXIO, "No such device or address") \
	X(E2BIG, "Argument list too long") \
	X(ENOEXEC, "Exec format error") \
	X(EBADF, "Bad file descriptor") \
	X(EAGAIN, "Resource temporarily unavailable") \
	X(ENOMEM, "Cannot allocate memory") \
	X(EACCES, "Permission denied") \
	X(EBUSY, "Device or resource busy") \
	X(EEXIST, "File exists") \
	X(EXDEV, "Invalid cross-device link") \
	X(ENODEV, "No such device") \
	X(ENOTDIR, "Not a directory") \
	X(EISDIR, "Is a directory") \
	X(EINVAL, "Invalid argument") \
	X(ENFILE, "Too many open files in system") \
	X(EMFILE, "Too many open files") \
	X(ETXTBSY, "Text file busy") \
	X(ENOSPC, "No space left on device") \
	X(EROFS, "Read-only file system") \
	X(EMLINK, "Too many links") \
	X(EPIPE, "Broken pipe") \
	X(ENAMETOOLONG, "File name too long") \
	X(ENOSYS, "Function not implemented") \
	X(ENOTEMPTY, "Directory not empty") \
	X(ELOOP, "Too many levels of symbolic links") \
	X(EPROTO, "Protocol error") \
	X(EMSGSIZE, "Message too long") \
	X(EOPNOTSUPP, "Operation not supported") \
	X(ENOBUFS, "No buffer space available") \
	X(EDQUOT, "Disk quota exceeded") \
	X(ECANCELED, "Operation canceled")

#define CODE(e, text) e,
#define TEXT(e, text) text "\0"
static const unsigned short codes[] = { ERRORS(CODE) };
static const char texts[] = ERRORS(TEXT);

const char *errstr(int e)
{
	static char unknown[24];
	const char *t = texts;

	for (size_t i = 0; i < ARRAY_SIZE(codes); i++, t += strlen(t) + 1)
		if (codes[i] == e)
			return t;
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

/* Every way out: what stdout could not take is a failure, said once. */
void xexit(int status)
{
	if (!out_flush()) {
		msg("%s: write error:", applet_name);
		status = 1;
	}
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
