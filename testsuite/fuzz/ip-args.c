/* ip-args.c - fuzz target: the ip front end's options and commands
 * (applets/ip.c: option matching and values, -n, -b, objects, netns
 * command prefixes, link set, the fallback), with every netns core a stub
 * that checks what it is given. Input: the arguments after "ip", each
 * ended by a NUL byte. */
#include "libbb.h"
#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *argv[32] = { "ip" };
	char *copy = malloc(size + 1);
	size_t argc = 1;

	memcpy(copy, data, size);
	copy[size] = '\0';
	for (char *p = copy; p < copy + size && argc < ARRAY_LEN(argv) - 1;
	     p += strlen(p) + 1)
		argv[argc++] = p;
	argv[argc] = NULL;
	fuzz_run(ip_main, argv);
	free(copy);
	return 0;
}
