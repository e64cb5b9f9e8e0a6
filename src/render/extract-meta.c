/*
 * The article's metadata: headline, author, date and site name. JSON-LD
 * (schema.org Article and its kinds, parsed with jansson) comes first, then
 * og:/article: meta tags, then the page's own <h1> and <title>.
 */
#include "config.h"

#include <gumbo.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "render/extract-int.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

struct meta {
	char	*ld_title, *ld_author, *ld_date;
	char	*og_title, *og_site, *og_date, *og_author, *og_type;
	char	*name_author, *name_date, *h1, *title;
	int	 nh1;
	int	 ld_article;
};

static const char *article_types[] = {
	"Article", "NewsArticle", "BlogPosting", "Report", "TechArticle",
	"ScholarlyArticle", "ReportageNewsArticle", "AnalysisNewsArticle",
	"OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle",
	"LiveBlogPosting", "SocialMediaPosting", "Review", "Recipe",
	"AdvertiserContentArticle", "SatiricalArticle", "MedicalScholarlyArticle",
};

/* Sanitised, collapsed copy of a string from the page. */
static char *
meta_clean(const char *s)
{
	char	*c, *p, *q;

	if (s == NULL)
		return (NULL);
	c = sanitize_text(s, strlen(s), 0);
	for (p = q = c; *p != '\0'; p++) {
		if (*p == ' ' && (q == c || q[-1] == ' '))
			continue;
		*q++ = *p;
	}
	while (q > c && q[-1] == ' ')
		q--;
	*q = '\0';
	if (*c == '\0') {
		free(c);
		return (NULL);
	}
	return (c);
}

static void
meta_set(char **dst, const char *s)
{
	if (*dst == NULL)
		*dst = meta_clean(s);
}

static int
meta_is_article(json_t *type)
{
	size_t	 i, k;
	json_t	*t;

	if (json_is_string(type)) {
		for (k = 0; k < sizeof article_types /
		    sizeof article_types[0]; k++)
			if (strcmp(json_string_value(type),
			    article_types[k]) == 0)
				return (1);
		return (0);
	}
	if (json_is_array(type))
		json_array_foreach(type, i, t)
			if (meta_is_article(t))
				return (1);
	return (0);
}

/* An author is a string, a Person ({"name": ...}) or a list of them. */
static const char *
meta_ld_author(json_t *a)
{
	if (json_is_string(a))
		return (json_string_value(a));
	if (json_is_object(a))
		return (json_string_value(json_object_get(a, "name")));
	if (json_is_array(a) && json_array_size(a) > 0)
		return (meta_ld_author(json_array_get(a, 0)));
	return (NULL);
}

static void
meta_ld_walk(struct meta *m, json_t *j, int depth)
{
	size_t	 i;
	json_t	*v;

	if (depth > 8)
		return;
	if (json_is_array(j)) {
		json_array_foreach(j, i, v)
			meta_ld_walk(m, v, depth + 1);
		return;
	}
	if (!json_is_object(j))
		return;
	if (meta_is_article(json_object_get(j, "@type"))) {
		m->ld_article = 1;
		v = json_object_get(j, "headline");
		if (!json_is_string(v))
			v = json_object_get(j, "name");
		meta_set(&m->ld_title, json_string_value(v));
		meta_set(&m->ld_author,
		    meta_ld_author(json_object_get(j, "author")));
		meta_set(&m->ld_date, json_string_value(json_object_get(j,
		    "datePublished")));
	}
	if ((v = json_object_get(j, "@graph")) != NULL)
		meta_ld_walk(m, v, depth + 1);
}

static void
meta_element(struct xdoc *xd, struct meta *m, const GumboNode *g)
{
	const char	*k, *c;
	GumboNode	*t;
	json_t		*j;
	char		*s;

	switch (g->v.element.tag) {
	case GUMBO_TAG_META:
		if ((c = extract_tree_attr(g, "content")) == NULL)
			return;
		if ((k = extract_tree_attr(g, "property")) == NULL &&
		    (k = extract_tree_attr(g, "name")) == NULL)
			return;
		if (strcasecmp(k, "og:title") == 0 ||
		    strcasecmp(k, "twitter:title") == 0)
			meta_set(&m->og_title, c);
		else if (strcasecmp(k, "og:site_name") == 0)
			meta_set(&m->og_site, c);
		else if (strcasecmp(k, "og:type") == 0)
			meta_set(&m->og_type, c);
		else if (strcasecmp(k, "article:published_time") == 0)
			meta_set(&m->og_date, c);
		else if (strcasecmp(k, "article:author") == 0 &&
		    strstr(c, "://") == NULL)
			meta_set(&m->og_author, c);
		else if (strcasecmp(k, "author") == 0)
			meta_set(&m->name_author, c);
		else if (strcasecmp(k, "date") == 0 ||
		    strcasecmp(k, "dc.date") == 0 ||
		    strcasecmp(k, "dcterms.created") == 0)
			meta_set(&m->name_date, c);
		return;
	case GUMBO_TAG_SCRIPT:
		if ((c = extract_tree_attr(g, "type")) == NULL ||
		    strcasecmp(c, "application/ld+json") != 0 ||
		    g->v.element.children.length != 1)
			return;
		t = g->v.element.children.data[0];
		if (t->type != GUMBO_NODE_TEXT && t->type != GUMBO_NODE_CDATA &&
		    t->type != GUMBO_NODE_WHITESPACE)
			return;
		j = json_loads(t->v.text.text, JSON_DECODE_ANY, NULL);
		if (j != NULL) {
			meta_ld_walk(m, j, 0);
			json_decref(j);
		}
		return;
	case GUMBO_TAG_TITLE:
		s = extract_tree_text(g);
		if (m->title == NULL && *s != '\0')
			m->title = s;
		else
			free(s);
		return;
	case GUMBO_TAG_H1:
		m->nh1++;
		s = extract_tree_text(g);
		if (m->h1 == NULL && *s != '\0')
			m->h1 = s;
		else
			free(s);
		return;
	default:
		return;
	}
	(void)xd;
}

/* Walk the whole tree (head included) for metadata; bounded depth. */
static void
meta_walk(struct xdoc *xd, struct meta *m, const GumboNode *g, int depth)
{
	size_t	i;

	if (g->type != GUMBO_NODE_ELEMENT || depth > 64)
		return;
	meta_element(xd, m, g);
	for (i = 0; i < g->v.element.children.length; i++)
		meta_walk(xd, m, g->v.element.children.data[i], depth + 1);
}

/*
 * "Headline | Site" or "Headline - Site": cut the site part off t (in
 * place) and return it, or NULL when t has none.
 */
static const char *
meta_strip_site(char *t, const char *site)
{
	static const char	*seps[] = { " | ", " - ", " \xe2\x80\x93 ",
	    " \xe2\x80\x94 ", " :: ", " \xc2\xbb " };
	char			*best = NULL, *p;
	size_t			 i;

	for (i = 0; i < sizeof seps / sizeof seps[0]; i++) {
		p = t;
		while ((p = strstr(p, seps[i])) != NULL) {
			if (best == NULL || p > best)
				best = p;
			p++;
		}
	}
	if (best == NULL)
		return (NULL);
	p = best + strcspn(best + 1, " ") + 2;
	/* Only when the tail is the site's name, or short like one. */
	if ((site != NULL && extract_tree_same(p, site)) ||
	    (site == NULL && strlen(p) < (size_t)(best - t))) {
		*best = '\0';
		return (p);
	}
	return (NULL);
}

void
extract_meta_collect(struct xdoc *xd)
{
	struct meta	 m;
	const char	*site;
	int		 h1_site;

	memset(&m, 0, sizeof m);
	if (xd->out->root != NULL)
		meta_walk(xd, &m, xd->out->root, 0);
	site = m.title != NULL ? meta_strip_site(m.title, m.og_site) : NULL;
	/* An only <h1> is the headline, unless it is the site's name. */
	h1_site = m.h1 != NULL && ((site != NULL &&
	    extract_tree_same(m.h1, site)) || (m.og_site != NULL &&
	    extract_tree_same(m.h1, m.og_site)));
	if (m.ld_title != NULL)
		xd->title = xstrdup(m.ld_title);
	else if (m.og_title != NULL) {
		meta_strip_site(m.og_title, m.og_site);
		xd->title = xstrdup(m.og_title);
	} else if (m.h1 != NULL && m.nh1 == 1 && !h1_site)
		xd->title = xstrdup(m.h1);
	else if (m.title != NULL)
		xd->title = xstrdup(m.title);
	else if (m.h1 != NULL)
		xd->title = xstrdup(m.h1);
	if (m.ld_author != NULL)
		xd->author = xstrdup(m.ld_author);
	else if (m.og_author != NULL)
		xd->author = xstrdup(m.og_author);
	else if (m.name_author != NULL)
		xd->author = xstrdup(m.name_author);
	if (m.ld_date != NULL)
		xd->published = xstrdup(m.ld_date);
	else if (m.og_date != NULL)
		xd->published = xstrdup(m.og_date);
	else if (m.name_date != NULL)
		xd->published = xstrdup(m.name_date);
	if (m.og_site != NULL)
		xd->site_name = xstrdup(m.og_site);
	xd->ld_article = m.ld_article || (m.og_type != NULL &&
	    strcasecmp(m.og_type, "article") == 0);
	free(m.ld_title);
	free(m.ld_author);
	free(m.ld_date);
	free(m.og_title);
	free(m.og_site);
	free(m.og_date);
	free(m.og_author);
	free(m.og_type);
	free(m.name_author);
	free(m.name_date);
	free(m.h1);
	free(m.title);
}
