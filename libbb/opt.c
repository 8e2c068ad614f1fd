/* opt.c - flags of the netns-* applets, and numbers */
#include "libbb.h"
#include <limits.h>

/* Parses the flags before the first operand by spec, e.g. "ajp" or "u:":
 * sets bit i of G.flags for spec letter i, and G.flag_arg to the argument
 * of a letter with ':' (one such letter a spec). "--" ends the flags.
 * Returns the operands, the words after the flags; more than max of them
 * (max < 0: any number), an unknown flag or a missing argument print the
 * usage and exit 1. */
char **getflags(char **argv, const char *spec, int max)
{
	unsigned bits = 0;
	int i = 1;

	for (; argv[i] && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		for (const char *c = argv[i] + 1; *c; c++) {
			const char *s = strchr(spec, *c);

			if (!s || *c == ':') {
				msg("%s: unknown option -%c", applet_name, *c);
				usage_exit(1);
			}
			bits |= 1u << (s - spec);
			if (s[1] == ':') {
				G.flag_arg = c[1] ? (char *)c + 1 : argv[++i];
				if (!G.flag_arg) {
					msg("%s: option -%c needs an argument", applet_name, *c);
					usage_exit(1);
				}
				break;
			}
		}
	}
	G.flags = bits;
	argv += i;
	for (i = 0; argv[i]; i++)
		if (i == max)
			usage_exit(1);
	return argv;
}

/* attach and set: NAME and one more operand. The name is checked when
 * both are there; a missing one is the core's message. */
int netns_pair_main(char **argv, netns_core *core)
{
	char **ops = getflags(argv, "", 2);

	if (ops[0] && ops[1])
		netns_check_name(ops[0]);
	return core(&applet_policy, ops);
}

/* The value of a hex digit, 99 for anything else. */
static unsigned digit(char c)
{
	unsigned lc = c | 0x20;

	return c >= '0' && c <= '9' ? (unsigned)(c - '0') :
	       lc >= 'a' && lc <= 'f' ? lc - 'a' + 10 : 99;
}

/* A number as strtol(s, &end, 0) reads it, all of s: blanks, a sign,
 * then 0x for hex or 0 for octal; NO_NUM for none. Values past 2^40 are
 * refused, so NO_NUM is never a number. */
#define NO_NUM LLONG_MIN
static long long get_num(const char *s)
{
	unsigned long long r = 0;
	unsigned base = 10;
	const char *p = s, *digits;
	bool neg = false;

	if (!s || !*s)
		return NO_NUM;
	while (*p == ' ' || (*p >= '\t' && *p <= '\r'))
		p++;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	if (p[0] == '0' && (p[1] | 0x20) == 'x' && digit(p[2]) < 16)
		base = 16, p += 2;
	else if (p[0] == '0')
		base = 8;
	for (digits = p; *p; p++) {
		unsigned d = digit(*p);

		if (d >= base || r > (1ULL << 40))
			return NO_NUM;
		r = r * base + d;
	}
	if (p == digits)
		return NO_NUM;
	return neg ? -(long long)r : (long long)r;
}

/* A PID as /proc names them: decimal digits only (so "010" is no PID and
 * "" is none), iproute2's is_pid. */
bool all_digits(const char *s)
{
	while (*s >= '0' && *s <= '9')
		s++;
	return !*s;
}

/* iproute2's get_integer (and get_s32): an int in C notation. */
bool get_int(const char *s, int *v)
{
	long long r = get_num(s);

	if (r < INT32_MIN || r > INT32_MAX)
		return false;
	*v = (int)r;
	return true;
}

/* The netns-* applets' numbers: decimal, as /proc names processes, with
 * no blank, no '+' and no leading zero, so that no number they take means
 * another in C notation (0777 is not 777 here and 511 in ip); a '-' may
 * come first, for the messages about negative values. */
bool get_dec(const char *s, int *v)
{
	const char *d = s + (*s == '-');

	return *d && all_digits(d) && (d[0] != '0' || !d[1]) && get_int(s, v);
}

/* A number as the front end reads them: C notation (iproute2's) with
 * c_numbers, else decimal. */
bool get_number(const struct policy *p, const char *s, int *v)
{
	return p->c_numbers ? get_int(s, v) : get_dec(s, v);
}

/* iproute2's get_unsigned. */
bool get_uint(const char *s, unsigned *v)
{
	long long r = get_num(s);

	if (r < 0 || r > UINT32_MAX)
		return false;
	*v = (unsigned)r;
	return true;
}
