/* sstrip FILE - drop what an ELF executable does not need to run: the
 * section header table and everything after the last byte a program
 * header maps. The kernel loads programs by their program headers only.
 * Built with the build machine's compiler; reads 32- and 64-bit ELF of
 * either byte order, so it works on cross builds too. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static unsigned char h[64];
static int big, wide;

static unsigned long long get(const unsigned char *p, int n)
{
	unsigned long long v = 0;

	for (int i = 0; i < n; i++)
		v |= (unsigned long long)p[big ? n - 1 - i : i] << (8 * i);
	return v;
}

static void put(unsigned char *p, int n, unsigned long long v)
{
	for (int i = 0; i < n; i++)
		p[big ? n - 1 - i : i] = v >> (8 * i);
}

int main(int argc, char **argv)
{
	unsigned long long phoff, end, e;
	unsigned char ph[56];
	int fd, phnum, phsize, w;

	if (argc != 2 || (fd = open(argv[1], O_RDWR)) < 0)
		return fprintf(stderr, "usage: sstrip FILE (a writable ELF file)\n"), 1;
	if (pread(fd, h, sizeof(h), 0) != sizeof(h) || memcmp(h, "\177ELF", 4))
		return fprintf(stderr, "sstrip: %s: not ELF\n", argv[1]), 1;
	wide = h[4] == 2;
	big = h[5] == 2;
	w = wide ? 8 : 4;
	phoff = get(h + (wide ? 32 : 28), w);
	phsize = get(h + (wide ? 54 : 42), 2);
	phnum = get(h + (wide ? 56 : 44), 2);
	if (phsize > (int)sizeof(ph))
		return fprintf(stderr, "sstrip: %s: odd program headers\n", argv[1]), 1;
	end = phoff + (unsigned long long)phsize * phnum;
	for (int i = 0; i < phnum; i++) {
		if (pread(fd, ph, phsize, phoff + i * phsize) != phsize)
			return fprintf(stderr, "sstrip: %s: short file\n", argv[1]), 1;
		/* p_offset + p_filesz */
		e = wide ? get(ph + 8, 8) + get(ph + 32, 8) : get(ph + 4, 4) + get(ph + 16, 4);
		if (e > end)
			end = e;
	}
	put(h + (wide ? 40 : 32), w, 0);		/* e_shoff */
	put(h + (wide ? 58 : 46), 2, 0);		/* e_shentsize */
	put(h + (wide ? 60 : 48), 2, 0);		/* e_shnum */
	put(h + (wide ? 62 : 50), 2, 0);		/* e_shstrndx */
	if (pwrite(fd, h, sizeof(h), 0) != sizeof(h) || ftruncate(fd, end) < 0)
		return perror("sstrip"), 1;
	return close(fd) < 0;
}
