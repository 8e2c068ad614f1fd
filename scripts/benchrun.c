/* benchrun - run a command many times and report its cost.
 *
 *   benchrun N COMMAND [ARG]...   runs COMMAND N times, stdout to /dev/null,
 *                                 and prints "MEAN_US MIN_US MAXRSS_KB"
 *   benchrun spawn N              forks N children that wait for a signal,
 *                                 prints "ready", and waits for them
 *   benchrun floor DIR            the floor: reads DIR and exits, which is
 *                                 the least any listing program must do
 *
 * Built with the system's compiler by scripts/bench.sh; not part of netnsbox.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

static int run(int n, char **cmd)
{
	long long total = 0, min = -1;
	long maxrss = 0;

	for (int i = 0; i < n; i++) {
		long long t = now_us();
		struct rusage ru;
		int status;
		pid_t pid = fork();

		if (pid == 0) {
			int fd = open("/dev/null", O_WRONLY);

			dup2(fd, 1);
			execvp(cmd[0], cmd);
			_exit(127);
		}
		if (pid < 0 || wait4(pid, &status, 0, &ru) < 0)
			return perror("benchrun"), 1;
		if (!WIFEXITED(status) || WEXITSTATUS(status))
			return fprintf(stderr, "benchrun: %s failed\n", cmd[0]), 1;
		t = now_us() - t;
		total += t;
		if (min < 0 || t < min)
			min = t;
		if (ru.ru_maxrss > maxrss)
			maxrss = ru.ru_maxrss;
	}
	printf("%lld %lld %ld\n", total / n, min, maxrss);
	return 0;
}

static int spawn(int n)
{
	for (int i = 0; i < n; i++) {
		pid_t pid = fork();

		if (pid == 0) {
			pause();
			_exit(0);
		}
		if (pid < 0)
			return perror("benchrun spawn"), 1;
	}
	printf("ready\n");
	fflush(stdout);
	while (wait(NULL) > 0)
		;
	return 0;
}

static int floor_list(const char *dir)
{
	DIR *d = opendir(dir);
	int n = 0;

	if (!d)
		return 1;
	while (readdir(d))
		n++;
	closedir(d);
	return n < 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "spawn") == 0)
		return spawn(atoi(argv[2]));
	if (argc == 3 && strcmp(argv[1], "floor") == 0)
		return floor_list(argv[2]);
	if (argc >= 3 && atoi(argv[1]) > 0)
		return run(atoi(argv[1]), argv + 2);
	fprintf(stderr, "usage: benchrun N COMMAND [ARG]... | spawn N | floor DIR\n");
	return 2;
}
