/* out.c - buffered standard output */
#include "libbb.h"

static char obuf[4096];
static size_t olen;
static int oerr;	/* errno of the first failed write, else 0 */

static void out_write(const char *p, size_t n)
{
	if (!write_all(1, p, n) && !oerr)
		oerr = errno ? errno : EIO;
}

/* False, with errno, once any write to stdout has failed. */
bool out_flush(void)
{
	if (olen)
		out_write(obuf, olen);
	olen = 0;
	if (oerr)
		errno = oerr;
	return !oerr;
}

void out_mem(const char *p, size_t n)
{
	if (olen + n > sizeof(obuf))
		out_flush();
	if (n > sizeof(obuf)) {
		out_write(p, n);
		return;
	}
	memcpy(obuf + olen, p, n);
	olen += n;
}

void out_str(const char *s)
{
	out_mem(s, strlen(s));
}

/* Formatted into the buffer; a line that does not fit in what is left is
 * formatted again, whole, in the arena: a long name never loses the end
 * of its line. */
void outf(const char *f, ...)
{
	va_list ap, again;
	size_t n, room;
	char *p;

	if (olen == sizeof(obuf))
		out_flush();
	room = sizeof(obuf) - olen;
	va_start(ap, f);
	va_copy(again, ap);
	n = fmt_v(obuf + olen, room, f, ap);
	va_end(ap);
	if (n < room) {
		olen += n;
	} else {
		p = xzalloc(n + 1);
		fmt_v(p, n + 1, f, again);
		out_mem(p, n);
	}
	va_end(again);
}

/* JSON in iproute2's layouts: compact, or pretty (-p) with members on lines
 * of their own. Strings escape what iproute2 escapes, and every other
 * control character as \u00XX, so that any name is valid JSON. */
static unsigned nelem, nkey;
static bool in_list;

static void json_string(const char *s)
{
	static const char hex[] = "0123456789abcdef";

	out_mem("\"", 1);
	for (; *s; s++) {
		unsigned char c = *s;
		const char *e = NULL;

		switch (c) {
		case '"': e = "\\\""; break;
		case '\\': e = "\\\\"; break;
		case '\b': e = "\\b"; break;
		case '\f': e = "\\f"; break;
		case '\n': e = "\\n"; break;
		case '\r': e = "\\r"; break;
		case '\t': e = "\\t"; break;
		default:
			if (c < 0x20) {
				out_str("\\u00");
				out_mem(hex + (c >> 4), 1);
				out_mem(hex + (c & 15), 1);
				continue;
			}
		}
		if (e)
			out_str(e);
		else
			out_mem(s, 1);
	}
	out_mem("\"", 1);
}

void json_begin_list(void)
{
	out_str("[");
	in_list = true;
	nelem = 0;
}

void json_end_list(void)
{
	out_str(G.pretty ? " ]\n" : "]\n");
	in_list = false;
}

void json_begin_obj(void)
{
	if (in_list)
		out_str(nelem++ ? "," : G.pretty ? " " : "");
	out_str("{");
	nkey = 0;
}

void json_end_obj(void)
{
	out_str(G.pretty && nkey ? "\n    }" : "}");
}

static void json_key(const char *k)
{
	if (nkey++)
		out_str(",");
	if (G.pretty)
		out_str("\n        ");
	json_string(k);
	out_str(G.pretty ? ": " : ":");
}

void json_str(const char *k, const char *v)
{
	json_key(k);
	json_string(v);
}

void json_int(const char *k, int v)
{
	json_key(k);
	outf("%d", v);
}
