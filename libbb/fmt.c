/* fmt.c - a small printf: %s %c %d %u, %ld %lu, and %% */
#include "libbb.h"

/* The argument of %d or %u (l: of %ld or %lu) as a magnitude and a sign. */
static unsigned long int_arg(va_list *ap, char c, bool l, bool *neg)
{
	long v;

	*neg = false;
	if (c == 'u')
		return l ? va_arg(*ap, unsigned long) : va_arg(*ap, unsigned);
	v = l ? va_arg(*ap, long) : va_arg(*ap, int);
	*neg = v < 0;
	return v < 0 ? -(unsigned long)v : (unsigned long)v;
}

/* Formats into buf, which always ends with a NUL (size > 0); returns the
 * whole length, as vsnprintf does: a result >= size was cut. */
size_t fmt_v(char *buf, size_t size, const char *f, va_list ap)
{
	char num[24];
	size_t len = 0;
	va_list args;

	/* A copy of our own, whose address int_arg may take: ap itself may
	 * be an array that decayed to a pointer. */
	va_copy(args, ap);
	for (; *f; f++) {
		const char *p = f, *pct = f;
		size_t n = 1;

		if (*f == '%') {
			bool l = f[1] == 'l', neg;
			char c = *(f += 1 + l);

			if (c == 's' && !l) {
				p = va_arg(args, const char *);
				p = p ? p : "(null)";
				n = strlen(p);
			} else if (c == 'c' && !l) {
				num[0] = (char)va_arg(args, int);
				p = num;
			} else if (c == 'd' || c == 'u') {
				unsigned long u = int_arg(&args, c, l, &neg);
				char *d = num + sizeof(num);

				do
					*--d = '0' + u % 10;
				while (u /= 10);
				if (neg)
					*--d = '-';
				p = d;
				n = num + sizeof(num) - d;
			} else if (c == '%' && !l) {
				p = "%";
			} else {
				/* Not a conversion of fmt's, which lint.bats
				 * keeps out of the sources: marked, and the
				 * rest of it printed as it is. */
				p = "%?";
				n = 2;
				f = pct;
			}
		}
		for (size_t i = 0; i < n; i++, len++)
			if (len + 1 < size)
				buf[len] = p[i];
	}
	va_end(args);
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
