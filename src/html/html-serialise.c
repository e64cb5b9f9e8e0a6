/*
 * The one gumbo serialiser: a tree back to HTML text, escaped, under the
 * caller's policy. The caller says what becomes of each element (left
 * out, its content only, written whole or as a start tag alone, under
 * its own name or another) and writes the attributes it keeps; the feed
 * sanitiser and the article extractor keep different ones.
 */
#include <ctype.h>
#include <gumbo.h>
#include <stdlib.h>
#include <string.h>

#include "html/html.h"
#include "util/buf.h"
#include "util/xmalloc.h"

/* Write one attribute, name="value", its value escaped. */
void
html_serialise_attr(struct buf *b, const char *name, const char *value)
{
	buf_printf(b, " %s=\"", name);
	html_escape_add(b, value, strlen(value), HTML_ESCAPE_ATTR);
	buf_addc(b, '"');
}

/* The name gumbo does not know, lower-case, as the source spelt it. */
static char *
html_serialise_own_name(const GumboElement *e)
{
	GumboStringPiece	 piece = e->original_tag;
	char			*own;
	size_t			 i;

	gumbo_tag_from_original_text(&piece);
	own = xstrndup(piece.data, piece.length);
	for (i = 0; own[i] != '\0'; i++)
		own[i] = (char)tolower((unsigned char)own[i]);
	return (own);
}

static void
html_serialise_walk(struct buf *b, const GumboNode *n,
    const struct html_serialise *s, int depth)
{
	const GumboElement	*e;
	const char		*name = NULL;
	char			*own = NULL;
	size_t			 i, nkids;
	int			 how;

	switch (n->type) {
	case GUMBO_NODE_TEXT: case GUMBO_NODE_WHITESPACE:
	case GUMBO_NODE_CDATA:
		html_escape_add(b, n->v.text.text, strlen(n->v.text.text), 0);
		return;
	case GUMBO_NODE_ELEMENT: case GUMBO_NODE_TEMPLATE:
		break;
	default:
		return;
	}
	if (s->max_depth > 0 && depth > s->max_depth)
		return;
	e = &n->v.element;
	nkids = e->children.length;
	how = s->element(s->arg, n, &name, &nkids);
	if (nkids > e->children.length)
		nkids = e->children.length;
	if (how == HTML_SERIALISE_SKIP)
		return;
	if (how == HTML_SERIALISE_CONTENT) {
		for (i = 0; i < nkids; i++)
			html_serialise_walk(b, e->children.data[i], s,
			    depth + 1);
		return;
	}
	if (name == NULL) {
		if (e->tag == GUMBO_TAG_UNKNOWN)
			name = own = html_serialise_own_name(e);
		else
			name = gumbo_normalized_tagname(e->tag);
	}
	buf_addc(b, '<');
	buf_adds(b, name);
	if (s->attrs != NULL)
		s->attrs(s->arg, b, n);
	buf_addc(b, '>');
	if (how != HTML_SERIALISE_VOID) {
		for (i = 0; i < nkids; i++)
			html_serialise_walk(b, e->children.data[i], s,
			    depth + 1);
		buf_printf(b, "</%s>", name);
	}
	free(own);
}

/* Append node n (an element, a template or text) and what it holds. */
void
html_serialise_node(struct buf *b, const GumboNode *n,
    const struct html_serialise *s)
{
	html_serialise_walk(b, n, s, 0);
}
