/* harness.c - runs an applet's main for a fuzz target, as netnsbox's main
 * would, with its exits (xexit, die, usage) turned back into returns, and
 * stands in for the applets that are not under test. */
#include "libbb.h"
#include "harness.h"
#include <setjmp.h>
#include <stdio.h>

static jmp_buf back;
static bool running;
static int status;
bool fuzz_verbose;
/* Where lengths go so that the reads that made them are not optimised out. */
volatile size_t fuzz_sink;

/* _exit, in the code under test. */
void fake_exit(int s)
{
	if (!running)
		abort();
	status = s;
	longjmp(back, 1);
}

/* ip.c's state, where a target holds ip.c (ip-state.c). */
__attribute__((weak)) void ip_reset(void)
{
}

int fuzz_run(int (*main_fn)(int argc, char **argv), const char *const *argv)
{
	static int null = -1;
	char *args[64], *own[64];
	int argc = 0;

	/* ip -b - reads the standard input, and ip -b FILE makes FILE the
	 * standard input: let each run start with an empty one. */
	if (null < 0 && (null = open("/dev/null", O_RDONLY | O_CLOEXEC)) < 0)
		abort();
	if (dup2(null, 0) < 0)
		abort();
	/* Writable copies, outside the arena, which the code may empty;
	 * the code may also reorder args (ip gathers its options). */
	for (; argv[argc]; argc++) {
		if (argc + 1 >= (int)ARRAY_LEN(args))
			abort();
		args[argc] = own[argc] = strdup(argv[argc]);
	}
	args[argc] = NULL;
	applet_name = args[0];
	applet_usage = "";
	cmd_reset();
	ip_reset();
	running = true;
	if (!setjmp(back))
		status = main_fn(argc, args);
	running = false;
	out_flush();
	arena_reset();
	fake_reset();
	for (int i = 0; i < argc; i++)
		free(own[i]);
	return status;
}

/* An applet or a core that is not under test: its arguments must be
 * whole strings and end with NULL. It fails when they are odd in number,
 * so that the callers' ways after a failure are taken too. */
static int stub(const char *name, char **argv)
{
	size_t n = 0;
	int argc = 0;

	for (; argv[argc]; argc++)
		n += strlen(argv[argc]);
	fuzz_sink = n;
	if (fuzz_verbose) {
		out_str("[");
		out_str(name);
		for (int i = 0; i < argc; i++) {
			out_str("|");
			out_str(argv[i]);
		}
		out_str("]\n");
	}
	return argc & 1;
}

int fuzz_main_stub(const char *name, int argc, char **argv)
{
	if (argv[argc])
		abort();
	return stub(name, argv + 1);
}

int fuzz_core_stub(const char *name, const struct policy *p, char **args)
{
	if (!p)
		abort();
	return stub(name, args);
}

int fuzz_last_status(void)
{
	return status;
}
