/*
 * For the feed harnesses: every string a parsed document holds must be
 * clean (well-formed UTF-8 without controls but tab and newline).
 */
#ifndef TIDINGS_FUZZ_DOC_H
#define TIDINGS_FUZZ_DOC_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "feed/feed.h"
#include "util/sanitize.h"

static void
check_clean(const char *s)
{
	size_t	len;

	if (s == NULL)
		return;
	len = strlen(s);
	if (sanitize_clean_len(s, len, SANITIZE_KEEP_NEWLINES) != len)
		abort();
}

static void
check_doc(const struct feed_doc *d)
{
	const struct feed_meta	*m = &d->meta;
	const struct feed_item	*it;
	size_t			 i, j;

	check_clean(m->title);
	check_clean(m->link);
	check_clean(m->description);
	check_clean(m->language);
	check_clean(m->author);
	check_clean(m->generator);
	check_clean(m->image);
	for (i = 0; i < d->nitems; i++) {
		it = &d->items[i];
		check_clean(it->guid);
		check_clean(it->title);
		check_clean(it->link);
		check_clean(it->author);
		check_clean(it->summary);
		check_clean(it->content);
		check_clean(it->comments);
		for (j = 0; j < it->ncategories; j++)
			check_clean(it->categories[j]);
		for (j = 0; j < it->nenclosures; j++) {
			check_clean(it->enclosures[j].url);
			check_clean(it->enclosures[j].type);
		}
	}
	for (i = 0; i < d->nerrors; i++)
		check_clean(d->errors[i]);
}

/*
 * Parse the document whole, then pushed in uneven chunks: both must give
 * the same result (same_errors: the same number of errors too), and every
 * string either holds must be clean. Aborts otherwise.
 */
static void
fuzz_doc_run(const uint8_t *data, size_t size, int same_errors)
{
	struct feed_limits	 lim = { .max_text = 4096, .max_items = 64,
				    .max_depth = 64 };
	struct feed_parser	*p;
	struct feed_doc		*a, *b;
	size_t			 off, n;
	FILE			*devnull;

	a = feed_parser_parse_buffer(data, size, "http://fuzz.example/feed/",
	    NULL, &lim);
	p = feed_parser_new("http://fuzz.example/feed/", NULL, &lim);
	for (off = 0; off < size; off += n) {
		n = 1 + (off * 7) % 13;
		if (n > size - off)
			n = size - off;
		feed_parser_push(p, data + off, n);
	}
	b = feed_parser_finish(p);
	if (a->nitems != b->nitems || a->format != b->format ||
	    (same_errors && a->nerrors != b->nerrors))
		abort();
	check_doc(a);
	check_doc(b);
	if ((devnull = fopen("/dev/null", "w")) != NULL) {
		feed_json_write(a, devnull);
		fclose(devnull);
	}
	feed_doc_free(a);
	feed_doc_free(b);
}

#endif
