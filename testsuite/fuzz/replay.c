/* replay.c - the main of a fuzz target built without libFuzzer: runs each
 * FILE through it, as libFuzzer replays a crash; -v prints what the
 * applets not under test were asked, and each input's exit status. */
#include "harness.h"
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int i = 1;

	if (argc > 1 && strcmp(argv[1], "-v") == 0) {
		fuzz_verbose = true;
		i++;
	}
	for (; i < argc; i++) {
		int fd = open(argv[i], O_RDONLY | O_CLOEXEC);
		struct stat st;
		uint8_t *p;

		if (fd < 0 || fstat(fd, &st) < 0) {
			perror(argv[i]);
			return 2;
		}
		/* Exactly as long as the input, as libFuzzer gives it. */
		p = malloc(st.st_size ? st.st_size : 1);
		if (read(fd, p, st.st_size) != st.st_size) {
			perror(argv[i]);
			return 2;
		}
		close(fd);
		LLVMFuzzerTestOneInput(p, st.st_size);
		free(p);
		if (fuzz_verbose)
			printf("status %d\n", fuzz_last_status());
		fflush(stdout);
	}
	return 0;
}
