/*
 * For the feed harnesses: every string a parsed document holds must be
 * clean (well-formed UTF-8 without controls but tab and newline).
 */
#ifndef TIDINGS_FUZZ_DOC_H
#define TIDINGS_FUZZ_DOC_H

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

#endif
