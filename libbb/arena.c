/* arena.c - memory that lives until arena_reset: no malloc, so that the
 * static binary carries no general-purpose allocator */
#include "libbb.h"
#include <sys/mman.h>

struct chunk {
	struct chunk *next;
	size_t size, used;
};

static struct chunk *chunks;

void *xzalloc(size_t n)
{
	const size_t head = (sizeof(struct chunk) + 15) & ~(size_t)15;
	struct chunk *c = chunks;

	n = (n + 15) & ~(size_t)15;
	if (!c || c->size - c->used < n) {
		size_t size = n + head > 65536 ? n + head : 65536;

		c = mmap(NULL, size, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (c == MAP_FAILED)
			die(1, "Out of memory");
		c->next = chunks;
		c->size = size;
		c->used = head;
		chunks = c;
	}
	c->used += n;
	return (char *)c + c->used - n;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xzalloc(n), s, n);
}

/* Frees everything: batch mode calls it between commands. The first
 * chunk is kept, emptied, for the next command: a batch line would
 * otherwise map and unmap it again. */
void arena_reset(void)
{
	while (chunks && chunks->next) {
		struct chunk *c = chunks;

		chunks = c->next;
		munmap(c, c->size);
	}
	if (chunks) {
		const size_t head = (sizeof(struct chunk) + 15) & ~(size_t)15;

		memset((char *)chunks + head, 0, chunks->used - head);
		chunks->used = head;
	}
}
