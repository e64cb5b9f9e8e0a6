/*
 * What the feed, render and conf modules share about HTML: escaping text
 * and attribute values for serialised markup.
 */
#ifndef TIDINGS_HTML_HTML_H
#define TIDINGS_HTML_HTML_H

#include <stddef.h>

struct buf;

/* Also escape '"', for text inside a double-quoted attribute value. */
#define HTML_ESCAPE_ATTR	0x1

int	 html_escape_add(struct buf *, const char *, size_t, int);

#endif
