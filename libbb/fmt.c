/* fmt.c - a small printf: %s %c %d %u %x %%, with l and z for longs */
#include "libbb.h"

struct sink {
	char *p;
	size_t n, size;	/* n counts what did not fit too */
};

static void put(struct sink *s, const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++, s->n++)
		if (s->n + 1 < s->size)
			s->p[s->n] = p[i];
}

static void put_num(struct sink *s, unsigned long v, unsigned base, int neg)
{
	char b[24], *e = b + sizeof(b), *p = e;

	do
		*--p = "0123456789abcdef"[v % base];
	while (v /= base);
	if (neg)
		*--p = '-';
	put(s, p, e - p);
}

/* Formats into buf, which always ends with a NUL (size > 0); returns the
 * whole length, as vsnprintf does: a result >= size was cut. */
size_t fmt_v(char *buf, size_t size, const char *f, va_list ap)
{
	struct sink s = { buf, 0, size };
	const char *str;
	long v;
	char c;

	for (; *f; f++) {
		if (*f != '%') {
			put(&s, f, 1);
			continue;
		}
		int lng = 0;
		while (*++f == 'l' || *f == 'z')
			lng = 1;
		switch (*f) {
		case 's':
			str = va_arg(ap, const char *);
			if (!str)
				str = "(null)";
			put(&s, str, strlen(str));
			break;
		case 'c':
			c = (char)va_arg(ap, int);
			put(&s, &c, 1);
			break;
		case 'd':
			v = lng ? va_arg(ap, long) : va_arg(ap, int);
			put_num(&s, v < 0 ? -(unsigned long)v : (unsigned long)v,
				10, v < 0);
			break;
		case 'u':
		case 'x':
			put_num(&s, lng ? va_arg(ap, unsigned long)
				: va_arg(ap, unsigned), *f == 'u' ? 10 : 16, 0);
			break;
		default:
			put(&s, "%", 1);
			if (!*f)
				f--;
			else if (*f != '%')
				put(&s, f, 1);
		}
	}
	buf[s.n < size ? s.n : size - 1] = '\0';
	return s.n;
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
