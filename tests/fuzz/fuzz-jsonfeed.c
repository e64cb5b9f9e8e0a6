/*
 * libFuzzer harness for JSON Feed: every input is read as JSON (a '{' is
 * put in front when it does not start with one), whole and then pushed in
 * uneven chunks; both must give the same items, neither may crash, leak
 * or hang, and every string that comes out must be clean (well-formed
 * UTF-8 without controls but tab and newline).
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
	uint8_t			*doc;
	FILE			*devnull;

	doc = malloc(size + 1);
	doc[0] = '{';
	memcpy(doc + 1, data, size);
	if (size > 0 && data[0] == '{')
		memmove(doc, doc + 1, size);
	else
		size++;
	a = feed_parser_parse_buffer(doc, size, "http://fuzz.example/feed/", NULL,
	    &lim);
	p = feed_parser_new("http://fuzz.example/feed/", NULL, &lim);
	for (off = 0; off < size; off += n) {
		n = 1 + (off * 7) % 13;
		if (n > size - off)
			n = size - off;
		feed_parser_push(p, doc + off, n);
	}
	b = feed_parser_finish(p);
	if (a->nitems != b->nitems || a->format != b->format ||
	    a->nerrors != b->nerrors)
		abort();
	check_doc(a);
	check_doc(b);
	if ((devnull = fopen("/dev/null", "w")) != NULL) {
		feed_json_write(a, devnull);
		fclose(devnull);
	}
	feed_doc_free(a);
	feed_doc_free(b);
	free(doc);
	return (0);
}
