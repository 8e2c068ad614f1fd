/* fmt.c - a small printf: %s %c %d and %% */
#include "libbb.h"

/* Formats into buf, which always ends with a NUL (size > 0); returns the
 * whole length, as vsnprintf does: a result >= size was cut. */
size_t fmt_v(char *buf, size_t size, const char *f, va_list ap)
{
	char num[16];
	size_t len = 0;

	for (; *f; f++) {
		const char *p = f;
		size_t n = 1;

		if (*f == '%') {
			char c = *++f;

			if (c == 's') {
				p = va_arg(ap, const char *);
				p = p ? p : "(null)";
				n = strlen(p);
			} else if (c == 'c') {
				num[0] = (char)va_arg(ap, int);
				p = num;
			} else if (c == 'd') {
				int v = va_arg(ap, int);
				unsigned u = v < 0 ? -(unsigned)v : (unsigned)v;
				char *d = num + sizeof(num);

				do
					*--d = '0' + u % 10;
				while (u /= 10);
				if (v < 0)
					*--d = '-';
				p = d;
				n = num + sizeof(num) - d;
			} else if (c != '%') {
				/* Not a conversion of fmt's, which lint.bats
				 * keeps out of the sources: marked, and the
				 * rest of it printed as it is. */
				p = "%?";
				n = 2;
				f--;
			}
		}
		for (size_t i = 0; i < n; i++, len++)
			if (len + 1 < size)
				buf[len] = p[i];
	}
	buf[len < size ? len : size - 1] = '\0';
	return len;
}

/* strspn (in) and strcspn (!in) in a few bytes: libc's are made for long
 * strings, and netnsbox scans only short ones. */
size_t span(const char *s, bool in, const char *set)
{
	size_t n = 0;

	while (s[n] && !strchr(set, s[n]) != in)
		n++;
	return n;
}

size_t fmt(char *buf, size_t size, const char *f, ...)
{
	va_list ap;
	size_t n;

	va_start(ap, f);
	n = fmt_v(buf, size, f, ap);
	va_end(ap);
	return n;
}
