/*
 * Memory for expat. Given a whole document at once (feed_parser_parse_buffer),
 * expat copies it into one buffer of its own: tens of MiB for a large
 * feed, which faulting in 4 KiB at a time costs about a tenth of expat's
 * time. Blocks that large are mapped here, with transparent huge pages
 * asked for (MADV_HUGEPAGE, where there is such a thing); the rest, and
 * everything where mmap fails, comes from malloc.
 *
 * Each block carries a header: the size of its mapping (0 for malloc),
 * then the size asked for.
 */
#include "config.h"

#include <sys/mman.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "feed/feed-int.h"

#define BIG_BLOCK	((size_t)4 << 20)

struct hdr {
	size_t	mapped;
	size_t	size;
};
#define HDR	sizeof(struct hdr)	/* 16: keeps malloc's alignment */

static void *
xmlmem_malloc(size_t n)
{
	struct hdr	 hd = { 0, n };
	char		*h = NULL;

	if (n > SIZE_MAX / 2)
		return (NULL);
	if (n >= BIG_BLOCK) {
		hd.mapped = n + HDR;
		h = mmap(NULL, hd.mapped, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (h == MAP_FAILED)
			h = NULL;
#ifdef MADV_HUGEPAGE
		else
			(void)madvise(h, hd.mapped, MADV_HUGEPAGE);
#endif
	}
	if (h == NULL) {
		hd.mapped = 0;
		if ((h = malloc(n + HDR)) == NULL)
			return (NULL);
	}
	memcpy(h, &hd, HDR);
	return (h + HDR);
}

static void
xmlmem_free(void *p)
{
	struct hdr	 hd;
	char		*h;

	if (p == NULL)
		return;
	h = (char *)p - HDR;
	memcpy(&hd, h, HDR);
	if (hd.mapped != 0)
		munmap(h, hd.mapped);
	else
		free(h);
}

static void *
xmlmem_realloc(void *p, size_t n)
{
	struct hdr	 hd;
	char		*h, *np;

	if (p == NULL)
		return (xmlmem_malloc(n));
	h = (char *)p - HDR;
	memcpy(&hd, h, HDR);
	if (hd.mapped == 0 && n < BIG_BLOCK) {
		if ((h = realloc(h, n + HDR)) == NULL)
			return (NULL);
		hd.size = n;
		memcpy(h, &hd, HDR);
		return (h + HDR);
	}
	/* Into, out of or between mappings: copy (expat seldom does). */
	if ((np = xmlmem_malloc(n)) == NULL)
		return (NULL);
	memcpy(np, p, hd.size < n ? hd.size : n);
	xmlmem_free(p);
	return (np);
}

const XML_Memory_Handling_Suite feed_xmlmem_suite = {
	xmlmem_malloc, xmlmem_realloc, xmlmem_free
};
