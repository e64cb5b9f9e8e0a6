/*
 * What the feed, render and conf modules share about HTML: escaping text
 * and attribute values for serialised markup, and a table of elements.
 */
#ifndef TIDINGS_HTML_HTML_H
#define TIDINGS_HTML_HTML_H

#include <gumbo.h>
#include <stddef.h>

struct buf;

/* Also escape '"', for text inside a double-quoted attribute value. */
#define HTML_ESCAPE_ATTR	0x1

int	 html_escape_add(struct buf *, const char *, size_t, int);

/* html-tags.c */
#define HTML_TAG_VOID		0x01	/* no content and no end tag */
#define HTML_TAG_BLOCK		0x02	/* laid out as a block of its own */
#define HTML_TAG_HEADING	0x04	/* h1 to h6 */
#define HTML_TAG_LIST		0x08	/* holds list items: ul, ol, dir, menu */
#define HTML_TAG_PRE		0x10	/* keeps its white space and lines */

int	 html_tags_flags(GumboTag);
int	 html_tags_name_flags(const char *);

#endif
