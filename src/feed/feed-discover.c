/*
 * Feed discovery: the feeds a web page names in its head, as
 * <link rel="alternate" type="application/rss+xml" href="...">
 * (RSS, Atom, RDF or JSON Feed types), made absolute against the page's
 * URL (or its <base href>). No I/O: the caller fetches the page.
 */
#include "config.h"

#include <gumbo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "feed/feed.h"
#include "util/sanitize.h"
#include "util/url.h"
#include "util/xmalloc.h"

/* A page names at most this many feeds that we keep. */
#define DISCOVER_MAX	32

static const char *const feed_types[] = {
	"application/rss+xml", "application/atom+xml", "application/rdf+xml",
	"application/feed+json", "application/json"
};

static const char *
attr(const GumboElement *e, const char *name)
{
	GumboAttribute	*a = gumbo_get_attribute(&e->attributes, name);

	return (a != NULL ? a->value : NULL);
}

/* Whether the blank-separated list has the word (case-insensitive). */
static int
has_word(const char *list, const char *word)
{
	size_t		 n = strlen(word);
	const char	*p = list;

	while (*p != '\0') {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
		    *p == '\f')
			p++;
		if (strncasecmp(p, word, n) == 0 && (p[n] == '\0' ||
		    strchr(" \t\n\r\f", p[n]) != NULL))
			return (1);
		while (*p != '\0' && strchr(" \t\n\r\f", *p) == NULL)
			p++;
	}
	return (0);
}

static int
is_feed_type(const char *type)
{
	size_t	i, n;

	while (*type == ' ')
		type++;
	for (i = 0; i < sizeof feed_types / sizeof feed_types[0]; i++) {
		n = strlen(feed_types[i]);
		if (strncasecmp(type, feed_types[i], n) == 0 &&
		    (type[n] == '\0' || type[n] == ';' || type[n] == ' '))
			return (1);
	}
	return (0);
}

struct found {
	char	**v;
	size_t	  n;
	char	 *base;		/* <base href>, resolved, or NULL */
	const char *page;
};

static void
walk(const GumboNode *node, struct found *f)
{
	const GumboElement	*e;
	const char		*rel, *type, *href;
	char			*u, *clean;
	size_t			 i;

	if (node->type != GUMBO_NODE_ELEMENT)
		return;
	e = &node->v.element;
	if (e->tag == GUMBO_TAG_BASE && f->base == NULL &&
	    (href = attr(e, "href")) != NULL)
		f->base = url_resolve(f->page, href);
	if ((e->tag == GUMBO_TAG_LINK || e->tag == GUMBO_TAG_A) &&
	    (rel = attr(e, "rel")) != NULL && has_word(rel, "alternate") &&
	    (type = attr(e, "type")) != NULL && is_feed_type(type) &&
	    (href = attr(e, "href")) != NULL && *href != '\0' &&
	    f->n < DISCOVER_MAX) {
		u = url_resolve(f->base != NULL ? f->base : f->page, href);
		clean = sanitize_text(u, strlen(u), 0);
		free(u);
		for (i = 0; i < f->n; i++)
			if (strcmp(f->v[i], clean) == 0)
				break;
		if (i < f->n || *clean == '\0')
			free(clean);
		else {
			f->v = xreallocarray(f->v, f->n + 1, sizeof *f->v);
			f->v[f->n++] = clean;
		}
	}
	for (i = 0; i < e->children.length; i++)
		walk(e->children.data[i], f);
}

size_t
feed_discover_links(const char *html, size_t len, const char *page_url,
    char ***out)
{
	GumboOutput	*g;
	struct found	 f;

	memset(&f, 0, sizeof f);
	f.page = page_url;
	g = gumbo_parse_with_options(&kGumboDefaultOptions, html, len);
	walk(g->root, &f);
	gumbo_destroy_output(&kGumboDefaultOptions, g);
	free(f.base);
	*out = f.v;
	return (f.n);
}
