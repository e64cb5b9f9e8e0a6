/*
 * libFuzzer harness for the feed parser: the whole document at once, then
 * the same bytes pushed in uneven chunks; both must give the same number
 * of items, and neither may crash, leak or hang.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "feed/feed.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct feed_limits	 lim = { .max_text = 4096, .max_items = 64,
				    .max_depth = 64 };
	struct feed_parser	*p;
	struct feed_doc		*a, *b;
	size_t			 off, n;
	FILE			*devnull;

	a = feed_parse_buffer(data, size, "http://fuzz.example/feed/", NULL,
	    &lim);
	p = feed_parser_new("http://fuzz.example/feed/", NULL, &lim);
	for (off = 0; off < size; off += n) {
		n = 1 + (off * 7) % 13;
		if (n > size - off)
			n = size - off;
		feed_parser_push(p, data + off, n);
	}
	b = feed_parser_finish(p);
	if (a->nitems != b->nitems || a->format != b->format)
		abort();
	if ((devnull = fopen("/dev/null", "w")) != NULL) {
		feed_doc_write_json(a, devnull);
		fclose(devnull);
	}
	feed_doc_free(a);
	feed_doc_free(b);
	return (0);
}
