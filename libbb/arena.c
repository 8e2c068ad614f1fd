/* arena.c - memory that lives until arena_reset: no malloc, so that the
 * static binary carries no general-purpose allocator */
#include "libbb.h"
#include <sys/mman.h>

/* The checking builds show the arena to their checker: each allocation is
 * a block of its own, followed by a gap that may not be touched, and what
 * no allocation holds may not be touched either. POOL_FREE opens the whole
 * chunk again. */
#if defined(ARENA_ASAN)		/* SANITIZE=1 */
#include <sanitizer/asan_interface.h>
#define GAP 16
#define POOL_NEW(c, head) \
	ASAN_POISON_MEMORY_REGION((char *)(c) + (head), (c)->size - (head))
#define POOL_ALLOC(c, p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#define POOL_FREE(c) ASAN_UNPOISON_MEMORY_REGION(c, (c)->size)
#elif defined(ARENA_VALGRIND)	/* VALGRIND=1 */
#include <memcheck.h>
#define GAP 16
#define POOL_NEW(c, head) do { \
	VALGRIND_CREATE_MEMPOOL(c, 0, 1); \
	VALGRIND_MAKE_MEM_NOACCESS((char *)(c) + (head), (c)->size - (head)); \
} while (0)
#define POOL_ALLOC(c, p, n) VALGRIND_MEMPOOL_ALLOC(c, p, n)
#define POOL_FREE(c) do { \
	VALGRIND_DESTROY_MEMPOOL(c); \
	VALGRIND_MAKE_MEM_DEFINED(c, (c)->size); \
} while (0)
#else
#define GAP 0
#define POOL_NEW(c, head) ((void)0)
#define POOL_ALLOC(c, p, n) ((void)(n))
#define POOL_FREE(c) ((void)0)
#endif

struct chunk {
	struct chunk *next;
	size_t size, used;
};

static struct chunk *chunks;

void *xzalloc(size_t n)
{
	const size_t head = (sizeof(struct chunk) + 15) & ~(size_t)15;
	struct chunk *c = chunks;
	size_t want = n;
	char *p;

	n = ((n + 15) & ~(size_t)15) + GAP;
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
		POOL_NEW(c, head);
	}
	c->used += n;
	p = (char *)c + c->used - n;
	POOL_ALLOC(c, p, want);
	return p;
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
		POOL_FREE(c);
		munmap(c, c->size);
	}
	if (chunks) {
		const size_t head = (sizeof(struct chunk) + 15) & ~(size_t)15;

		POOL_FREE(chunks);
		memset((char *)chunks + head, 0, chunks->used - head);
		chunks->used = head;
		POOL_NEW(chunks, head);
	}
}
