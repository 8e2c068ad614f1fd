/* ip-batch.c - fuzz target: ip -force -batch FILE (applets/ip.c: lines of
 * any length, comments, continuation lines, quotes, NUL bytes, CRLF), with
 * every netns core a stub that checks what it is given. Input: FILE. */
#include "libbb.h"
#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const argv[] = { "ip", "-force", "-batch", "/batch",
					    NULL };
	const struct fake_file f = { "/batch", data, size };

	fake_files(&f, 1);
	fuzz_run(ip_main, argv);
	return 0;
}
