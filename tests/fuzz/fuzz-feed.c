/*
 * libFuzzer harness for the feed parser: the whole document at once, then
 * the same bytes pushed in uneven chunks; both must give the same number
 * of items, neither may crash, leak or hang, and every string that comes
 * out must be clean (well-formed UTF-8 without controls but tab and
 * newline: the general scan checks what the parser's fast paths let by).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "feed/feed.h"
#include "util/sanitize.h"
#include "fuzz-doc.h"

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

	a = feed_parser_parse_buffer(data, size, "http://fuzz.example/feed/", NULL,
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
	check_doc(a);
	check_doc(b);
	if ((devnull = fopen("/dev/null", "w")) != NULL) {
		feed_json_write(a, devnull);
		fclose(devnull);
	}
	feed_doc_free(a);
	feed_doc_free(b);
	return (0);
}
