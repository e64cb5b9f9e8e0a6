/*
 * What the feed, render and conf modules share about HTML: escaping text
 * and attribute values for serialised markup, a table of elements, and
 * writing a gumbo tree back out as HTML.
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
#define HTML_TAG_LIST		0x08	/* ul, ol, dir, menu: holds items */
#define HTML_TAG_PRE		0x10	/* keeps its white space and lines */

int	 html_tags_flags(GumboTag);
int	 html_tags_name_flags(const char *);

/* html-serialise.c: what the element callback makes of an element. */
#define HTML_SERIALISE_SKIP	0	/* nothing of it */
#define HTML_SERIALISE_CONTENT	1	/* its content, without its tags */
#define HTML_SERIALISE_ELEMENT	2	/* start tag, content, end tag */
#define HTML_SERIALISE_VOID	3	/* a start tag alone */

struct html_serialise {
	/*
	 * What to write of an element (or template) node: an
	 * HTML_SERIALISE_* value. It may set *name to write the element
	 * under another name (left NULL: its own) and lower *nkids (its
	 * number of children) to write only the first ones. Called in
	 * document order, and not for the inside of what it skips.
	 */
	int	(*element)(void *, const GumboNode *, const char **, size_t *);
	/* Append the attributes kept, each with html_serialise_attr(). */
	void	(*attrs)(void *, struct buf *, const GumboNode *);
	int	  max_depth;	/* deeper elements are left out; 0: no limit */
	void	 *arg;
};

void	 html_serialise_node(struct buf *, const GumboNode *,
	    const struct html_serialise *);
void	 html_serialise_attr(struct buf *, const char *, const char *);

#endif
