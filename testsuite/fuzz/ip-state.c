/* ip-state.c - applets/ip.c for the fuzz targets, with ip_reset: ip.c's
 * own state as a process starts with it, since in a fuzzer the runs follow
 * one another in one process. The one file that knows ip.c's statics. */
#include "../../applets/ip.c"
#include "harness.h"

void ip_reset(void)
{
	memset(&ip, 0, sizeof(ip));
	ip.policy = &ip_policy;
	memset(&in, 0, sizeof(in));
	memset(&line, 0, sizeof(line));
}
