/* fmt.c - a small printf: %s, %c, %d and %ld, all netnsbox prints */
#include "libbb.h"

/* Formats into buf, which always ends with a NUL (size > 0); returns the
 * whole length, as vsnprintf does: a result >= size was cut. */
size_t fmt_v(char *buf, size_t size, const char *f, va_list ap)
{
	char num[24];
	size_t len = 0;

	for (; *f; f++) {
		const char *p = f;
		size_t n = 1;

		if (*f == '%') {
			bool lng = *++f == 'l';
			long v;

			f += lng;
			if (*f == 's') {
				p = va_arg(ap, const char *);
				p = p ? p : "(null)";
				n = strlen(p);
			} else if (*f == 'c') {
				num[0] = (char)va_arg(ap, int);
				p = num;
			} else {
				unsigned long u;

				v = lng ? va_arg(ap, long) : va_arg(ap, int);
				u = v < 0 ? -(unsigned long)v : (unsigned long)v;
				p = num + sizeof(num);
				do
					*(char *)--p = '0' + u % 10;
				while (u /= 10);
				if (v < 0)
					*(char *)--p = '-';
				n = num + sizeof(num) - p;
			}
		}
		for (size_t i = 0; i < n; i++, len++)
			if (len + 1 < size)
				buf[len] = p[i];
	}
	buf[len < size ? len : size - 1] = '\0';
	return len;
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
