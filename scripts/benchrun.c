/* benchrun - run several programs side by side and report what each costs.
 *
 *   benchrun ROUNDS SPEC   SPEC holds one step a line:
 *                              IMPL STEP [@kill=MS] COMMAND [ARG]...
 *                          ('#' starts a comment line). Each round runs
 *                          every IMPL once, in an order that turns by one
 *                          each round, and each IMPL runs its steps in
 *                          order, timed one by one. One more round first
 *                          warms the caches and is not counted. Prints one
 *                          line per step:
 *                 IMPL STEP MEDIAN_US MIN_US MAX_US RSS_KB ALL_KB WAIT_KB
 *                          or IMPL STEP fail when a step did not exit 0
 *                          (the IMPL's later rounds are then skipped).
 *                          RSS_KB is the peak resident set of the program
 *                          itself, before it execs another one, and
 *                          ALL_KB that of the whole run including what it
 *                          execs: VmHWM of /proc/PID/status, read in one
 *                          more run under ptrace at each execve and at the
 *                          exit. WAIT_KB is ru_maxrss of wait4, for
 *                          comparison (see below).
 *                          @kill=MS stops the command with SIGTERM after
 *                          MS ms (a monitor) and takes that as success.
 *                          A STEP whose name starts with '_' is run in its
 *                          place but neither timed nor reported (to let the
 *                          kernel settle, say).
 *   benchrun spawn N       forks N children that wait for a signal,
 *                          prints "ready", and waits for them
 *
 * Why not ru_maxrss alone: the kernel keeps a process's page counts per
 * CPU (percpu_counter) and ru_maxrss reads them without the per-CPU
 * parts, up to 32 pages each, so a small static program reads as 0 KiB.
 * /proc/PID/status sums them. ru_maxrss also counts the pages of the
 * process before its execve (the forked runner): the runner is static and
 * small (musl) so that this part is the same few pages for every command.
 * Commands run with stdout on /dev/null and stdin from /dev/null.
 * Built by scripts/bench.sh; not part of netnsbox.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_STEPS 256
#define MAX_ARGS 64

struct step {
	char *impl, *name;
	char *argv[MAX_ARGS];
	int kill_ms, impl_no, failed;
	long long *us;
	long maxrss, self_kb, all_kb;
};

static struct step steps[MAX_STEPS];
static int nsteps, nimpls;

static long long now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

static void parse(FILE *f, int rounds)
{
	static char line[4096];

	while (fgets(line, sizeof(line), f)) {
		struct step *s = &steps[nsteps];
		char *w = strtok(line, " \t\n");
		int n = 0;

		if (!w || *w == '#')
			continue;
		if (nsteps == MAX_STEPS) {
			fprintf(stderr, "benchrun: too many steps\n");
			exit(2);
		}
		s->impl = strdup(w);
		s->name = strdup(strtok(NULL, " \t\n") ? : "?");
		while ((w = strtok(NULL, " \t\n")) && n < MAX_ARGS - 1) {
			if (n == 0 && strncmp(w, "@kill=", 6) == 0)
				s->kill_ms = atoi(w + 6);
			else
				s->argv[n++] = strdup(w);
		}
		if (!n) {
			fprintf(stderr, "benchrun: %s %s: no command\n",
				s->impl, s->name);
			exit(2);
		}
		s->impl_no = -1;
		for (int i = 0; i < nsteps; i++)
			if (strcmp(steps[i].impl, s->impl) == 0)
				s->impl_no = steps[i].impl_no;
		if (s->impl_no < 0)
			s->impl_no = nimpls++;
		s->us = calloc(rounds, sizeof(*s->us));
		nsteps++;
	}
}

/* One run of s: its wall time in µs, or -1 when it failed. */
static long long run_step(struct step *s)
{
	struct rusage ru;
	int status;
	long long t = now_us();
	pid_t pid = fork();

	if (pid == 0) {
		int out = open("/dev/null", O_RDWR);

		dup2(out, 0);
		dup2(out, 1);
		close(out);
		execvp(s->argv[0], s->argv);
		_exit(127);
	}
	if (pid < 0)
		return perror("benchrun: fork"), -1;
	if (s->kill_ms) {
		struct timespec ts = { s->kill_ms / 1000,
				       s->kill_ms % 1000 * 1000000L };

		nanosleep(&ts, NULL);
		kill(pid, SIGTERM);
	}
	while (wait4(pid, &status, 0, &ru) < 0)
		if (errno != EINTR)
			return perror("benchrun: wait4"), -1;
	t = now_us() - t;
	if (ru.ru_maxrss > s->maxrss)
		s->maxrss = ru.ru_maxrss;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return t;
	if (s->kill_ms && WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM)
		return t;
	fprintf(stderr, "benchrun: %s %s: %s failed (status %#x)\n",
		s->impl, s->name, s->argv[0], status);
	return -1;
}

/* VmHWM of process pid in KiB, 0 when it cannot be read. */
static long hwm_kb(pid_t pid)
{
	char path[64], buf[4096], *p;
	long kb = 0;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n > 0) {
		buf[n] = '\0';
		if ((p = strstr(buf, "VmHWM:")))
			kb = atol(p + 6);
	}
	return kb;
}

static void on_alarm(int sig)
{
	(void)sig;
}

/* One more run of s under ptrace, stopping at each system call, for the
 * peak resident set at each execve and at the exit. */
static void rss_run(struct step *s)
{
	struct sigaction sa = { .sa_handler = on_alarm };
	struct itimerval it = { { 0, 0 }, { s->kill_ms / 1000,
					    s->kill_ms % 1000 * 1000 } };
	int status, first = 1, killed = 0;
	pid_t pid = fork();

	if (pid == 0) {
		int out = open("/dev/null", O_RDWR);

		dup2(out, 0);
		dup2(out, 1);
		close(out);
		ptrace(PTRACE_TRACEME, 0, 0, 0);
		execvp(s->argv[0], s->argv);
		_exit(127);
	}
	if (pid < 0)
		return;
	sigaction(SIGALRM, &sa, NULL);
	if (s->kill_ms)
		setitimer(ITIMER_REAL, &it, NULL);
	for (;;) {
		int sig = 0;

		if (waitpid(pid, &status, 0) < 0) {
			if (errno == EINTR && !killed++) {
				kill(pid, SIGTERM);
				continue;
			}
			if (errno == EINTR)
				continue;
			break;
		}
		if (!WIFSTOPPED(status))
			break;
		if (first) {
			/* The stop after the runner's own execvp. */
			ptrace(PTRACE_SETOPTIONS, pid, 0,
			       PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXIT |
			       PTRACE_O_EXITKILL);
			first = 0;
		} else if (WSTOPSIG(status) == (SIGTRAP | 0x80)) {
			struct __ptrace_syscall_info si;

			if (ptrace(PTRACE_GET_SYSCALL_INFO, pid, sizeof(si),
				   &si) > 0 &&
			    si.op == PTRACE_SYSCALL_INFO_ENTRY &&
			    (si.entry.nr == SYS_execve
#ifdef SYS_execveat
			     || si.entry.nr == SYS_execveat
#endif
			    )) {
				long kb = hwm_kb(pid);

				if (!s->self_kb)
					s->self_kb = kb;
				if (kb > s->all_kb)
					s->all_kb = kb;
			}
		} else if (status >> 8 == (SIGTRAP | PTRACE_EVENT_EXIT << 8)) {
			long kb = hwm_kb(pid);

			if (!s->self_kb)
				s->self_kb = kb;
			if (kb > s->all_kb)
				s->all_kb = kb;
		} else if (WSTOPSIG(status) != SIGTRAP) {
			sig = WSTOPSIG(status);
		}
		ptrace(PTRACE_SYSCALL, pid, 0, sig);
	}
	memset(&it, 0, sizeof(it));
	setitimer(ITIMER_REAL, &it, NULL);
}

/* Every step of impl k, in order; the first failure ends the impl. */
static void run_impl(int k, int round)
{
	for (int i = 0; i < nsteps; i++) {
		struct step *s = &steps[i];
		long long t;

		if (s->impl_no != k)
			continue;
		if (s->failed)
			return;
		t = run_step(s);
		if (t < 0) {
			for (int j = 0; j < nsteps; j++)
				if (steps[j].impl_no == k)
					steps[j].failed = 1;
			return;
		}
		if (round >= 0)
			s->us[round] = t;
	}
}

static int cmp_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return (x > y) - (x < y);
}

static int bench(int rounds, const char *spec)
{
	FILE *f = fopen(spec, "r");

	if (!f)
		return perror(spec), 2;
	parse(f, rounds);
	fclose(f);
	for (int r = -1; r < rounds; r++)
		for (int i = 0; i < nimpls; i++)
			run_impl((i + (r < 0 ? 0 : r)) % nimpls, r);
	/* In the order of the rounds, so that the state each step needs
	 * (a name to delete) is there. */
	for (int i = 0; i < nimpls; i++)
		for (int j = 0; j < nsteps; j++)
			if (steps[j].impl_no == i && !steps[j].failed)
				rss_run(&steps[j]);
	for (int i = 0; i < nsteps; i++) {
		struct step *s = &steps[i];
		long long *t = s->us;

		if (s->name[0] == '_')
			continue;
		if (s->failed) {
			printf("%s %s fail\n", s->impl, s->name);
			continue;
		}
		qsort(t, rounds, sizeof(*t), cmp_ll);
		printf("%s %s %lld %lld %lld %ld %ld %ld\n", s->impl, s->name,
		       rounds % 2 ? t[rounds / 2] :
		       (t[rounds / 2 - 1] + t[rounds / 2]) / 2,
		       t[0], t[rounds - 1], s->self_kb, s->all_kb, s->maxrss);
	}
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

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "spawn") == 0)
		return spawn(atoi(argv[2]));
	if (argc == 3 && atoi(argv[1]) > 0)
		return bench(atoi(argv[1]), argv[2]);
	fprintf(stderr, "usage: benchrun ROUNDS SPEC | spawn N\n");
	return 2;
}
