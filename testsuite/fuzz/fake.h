/* fake.h - the seam of the fuzz builds: included before every source file
 * (-include), it turns each call that would reach the kernel into a call of
 * fake.c, which serves the fuzz input instead (or of record.c, which makes
 * the real call and writes down the answer). No source file of netnsbox
 * knows about it. */
#ifndef FAKE_H
#define FAKE_H

#include <fcntl.h>
#include <sched.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int fake_socket(int domain, int type, int protocol);
int fake_setsockopt(int fd, int level, int name, const void *v,
		    socklen_t len);
int fake_bind(int fd, const struct sockaddr *sa, socklen_t len);
int fake_getsockname(int fd, struct sockaddr *sa, socklen_t *len);
ssize_t fake_sendto(int fd, const void *buf, size_t len, int flags,
		    const struct sockaddr *sa, socklen_t salen);
ssize_t fake_recv(int fd, void *buf, size_t len, int flags);
ssize_t fake_recvfrom(int fd, void *buf, size_t len, int flags,
		      struct sockaddr *sa, socklen_t *salen);
int fake_openat(int dirfd, const char *path, int flags, ...);
int fake_close(int fd);
int fake_setns(int fd, int type);
int fake_unshare(int flags);
int fake_mount(const char *src, const char *dst, const char *type,
	       unsigned long flags, const void *data);
int fake_umount2(const char *path, int flags);
long fake_syscall(long nr, ...);
int fake_execve(const char *path, char *const argv[], char *const envp[]);
pid_t fake_fork(void);
pid_t fake_waitpid(pid_t pid, int *status, int flags);
__attribute__((noreturn)) void fake_exit(int status);

#define socket fake_socket
#define setsockopt fake_setsockopt
#define bind fake_bind
#define getsockname fake_getsockname
#define sendto fake_sendto
#define recv fake_recv
#define recvfrom fake_recvfrom
#define openat fake_openat
#define close fake_close
#define setns fake_setns
#define unshare fake_unshare
#define mount fake_mount
#define umount2 fake_umount2
#define syscall fake_syscall
#define execve fake_execve
#define _Fork fake_fork
#define waitpid fake_waitpid
#define _exit fake_exit

#endif
