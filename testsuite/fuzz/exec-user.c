/* exec-user.c - fuzz target: netns-exec -u USER[:GROUP] over hostile
 * /etc/passwd and /etc/group files (applets/netns-exec.c), the namespace
 * switch and the id changes faked. Input: the passwd file, a NUL byte, the
 * group file, a NUL byte, then USER[:GROUP]. */
#include "libbb.h"
#include "harness.h"

/* The next part of the input, up to a NUL byte or its end. */
static size_t part(const uint8_t **p, size_t *n)
{
	const uint8_t *end = memchr(*p, 0, *n);
	size_t k = end ? (size_t)(end - *p) : *n;

	*p += k + (end != NULL);
	*n -= k + (end != NULL);
	return k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *passwd = data, *group, *spec;
	size_t np = part(&data, &size), ng, ns;
	struct fake_file f[2];
	char user[256];
	int r;

	group = data;
	ng = part(&data, &size);
	spec = data;
	ns = part(&data, &size);
	if (ns >= sizeof(user))
		ns = sizeof(user) - 1;
	memcpy(user, spec, ns);
	user[ns] = '\0';
	f[0] = (struct fake_file){ "/etc/passwd", passwd, np };
	f[1] = (struct fake_file){ "/etc/group", group, ng };
	fake_files(f, 2);
	fake_name("x");
	r = fuzz_run(netns_exec_main, (const char *const[]){
		"netns-exec", "-u", user, "x", "true", NULL });
	/* An unknown user or group, or the command not found after the
	 * switch: nothing else can happen here. */
	if (r != 125 && r != 127)
		abort();
	return 0;
}
