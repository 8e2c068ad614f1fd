/* out.c - buffered standard output */
#include "libbb.h"

static char obuf[4096];
static size_t olen;
static bool ofail;

bool out_flush(void)
{
	if (olen && !write_all(1, obuf, olen))
		ofail = true;
	olen = 0;
	return !ofail;
}

void out_mem(const char *p, size_t n)
{
	if (olen + n > sizeof(obuf))
		out_flush();
	if (n > sizeof(obuf)) {
		if (!write_all(1, p, n))
			ofail = true;
		return;
	}
	memcpy(obuf + olen, p, n);
	olen += n;
}

void out_str(const char *s)
{
	out_mem(s, strlen(s));
}

void outf(const char *f, ...)
{
	char buf[1024];
	va_list ap;
	size_t n;

	va_start(ap, f);
	n = fmt_v(buf, sizeof(buf), f, ap);
	va_end(ap);
	out_mem(buf, n);
}
