/* die.c - messages to stderr and the ways out */
#include "libbb.h"

/* Where musl's texts differ from glibc's, use glibc's: iproute2's messages
 * end with them, and the ip applet prints what iproute2 prints. */
static const struct {
	unsigned char no;
	char text[40];
} glibc_texts[] = {
	{ EIO, "Input/output error" },
	{ ECHILD, "No child processes" },
	{ ENOMEM, "Cannot allocate memory" },
	{ EBUSY, "Device or resource busy" },
	{ EXDEV, "Invalid cross-device link" },
	{ EMFILE, "Too many open files" },
	{ ENOTTY, "Inappropriate ioctl for device" },
	{ ERANGE, "Numerical result out of range" },
	{ ENAMETOOLONG, "File name too long" },
	{ ELOOP, "Too many levels of symbolic links" },
	{ EOVERFLOW, "Value too large for defined data type" },
	{ ENOTSOCK, "Socket operation on non-socket" },
	{ EMSGSIZE, "Message too long" },
	{ EOPNOTSUPP, "Operation not supported" },
	{ ETIMEDOUT, "Connection timed out" },
	{ EDQUOT, "Disk quota exceeded" },
};

const char *errstr(int e)
{
	for (size_t i = 0; i < ARRAY_SIZE(glibc_texts); i++)
		if (glibc_texts[i].no == e)
			return glibc_texts[i].text;
	return strerror(e);
}

/* A format that ends with ':' gets " " and the text of errno. The line is
 * written with one write(2) so that parallel processes do not mix lines. */
void msg_v(const char *f, va_list ap)
{
	char buf[1024];
	int e = errno;
	size_t n = fmt_v(buf, sizeof(buf) - 1, f, ap);

	if (*f && f[strlen(f) - 1] == ':')
		n += fmt(buf + n, sizeof(buf) - 1 - n, " %s", errstr(e));
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
