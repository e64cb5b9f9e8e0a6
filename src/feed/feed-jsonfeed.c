/*
 * JSON Feed 1.0 and 1.1 (jsonfeed.org): the whole document is read with
 * jansson, then its fields are cleaned, sanitised and limited exactly like
 * those of an XML feed, into the same struct feed_doc.
 *
 * A document is taken for JSON when its first byte that is not white space
 * (after a UTF-8 byte order mark) is '{'. Pushed chunks are then kept
 * until the end, since jansson reads a whole document.
 */
#include "config.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "feed/feed-int.h"
#include "util/url.h"
#include "util/xmalloc.h"

#define JSONFEED_MAX	(64u << 20)	/* bytes of one document kept */
#define JSONFEED_V10	"https://jsonfeed.org/version/1"
#define JSONFEED_V11	"https://jsonfeed.org/version/1.1"

enum {
	JF_UNDECIDED,
	JF_JSON,
	JF_XML
};

struct jf {
	const struct feed_limits *lim;
	const char		*base;
	struct feed_doc		*doc;
	char			*feed_author;
	int			 cut;		/* a field was cut short */
};

/* Whether a byte may come before the document's first real byte. */
static int
feed_jsonfeed_is_lead(unsigned char c)
{
	return (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == 0xef || c == 0xbb || c == 0xbf);
}

int
feed_jsonfeed_detect(const void *data, size_t len)
{
	const unsigned char	*s = data;
	size_t			 i;

	for (i = 0; i < len && feed_jsonfeed_is_lead(s[i]); i++)
		/* nothing */;
	return (i < len && s[i] == '{');
}

/*
 * Returns 1 when the chunk is the JSON reader's (kept), 0 when it is the
 * XML parser's to read. Leading white space is kept here as well, so that
 * line numbers stay true.
 */
int
feed_jsonfeed_push(struct feed_parser *p, const void *data, size_t len,
    int *rc)
{
	const unsigned char	*s = data;
	size_t			 i;

	*rc = 0;
	if (p->json_state == JF_XML)
		return (0);
	if (p->json_state == JF_UNDECIDED) {
		for (i = 0; i < len && feed_jsonfeed_is_lead(s[i]); i++)
			/* nothing */;
		if (i == len) {
			if (p->json.max == 0)
				buf_init(&p->json, JSONFEED_MAX);
			if (buf_add(&p->json, data, len) != 0)
				p->json_state = JF_XML;
			return (0);	/* the XML parser gets it too */
		}
		p->json_state = s[i] == '{' ? JF_JSON : JF_XML;
		if (p->json_state == JF_XML) {
			buf_fini(&p->json);
			return (0);
		}
		if (p->json.max == 0)
			buf_init(&p->json, JSONFEED_MAX);
	}
	if (p->json_overflow)
		return (1);
	if (buf_add(&p->json, data, len) != 0) {
		p->json_overflow = true;
		buf_fini(&p->json);
		*rc = -1;
	}
	return (1);
}

int
feed_jsonfeed_active(const struct feed_parser *p)
{
	return (p->json_state == JF_JSON);
}

static void
feed_jsonfeed_error(struct jf *j, const char *fmt, const char *arg)
{
	feed_doc_add_error(j->doc, xasprintf(fmt, arg));
}

static const char *
feed_jsonfeed_str(json_t *o, const char *key)
{
	json_t	*v = json_object_get(o, key);

	return (json_is_string(v) ? json_string_value(v) : NULL);
}

/*
 * The length of s kept under the field limit, cut on a character
 * boundary; the first cut is reported, as the XML formats do.
 */
static size_t
feed_jsonfeed_len(struct jf *j, const char *s)
{
	size_t	len = strlen(s);

	if (len <= j->lim->max_text)
		return (len);
	len = j->lim->max_text;
	while (len > 0 && ((unsigned char)s[len] & 0xc0) == 0x80)
		len--;
	if (!j->cut) {
		j->cut = 1;
		feed_doc_add_error(j->doc, xasprintf("text longer than %zu "
		    "bytes cut short", j->lim->max_text));
	}
	return (len);
}

/* A short value, cleaned and cut to the field limit. */
static char *
feed_jsonfeed_text(struct jf *j, const char *s)
{
	size_t	len;

	if (s == NULL)
		return (NULL);
	len = feed_jsonfeed_len(j, s);
	return (feed_doc_clean_text(s, len, false));
}

/* Titles are plain text: any markup in them is removed. */
static char *
feed_jsonfeed_plain(struct jf *j, const char *s)
{
	char	*h, *r;
	size_t	 len;

	if (s == NULL)
		return (NULL);
	len = feed_jsonfeed_len(j, s);
	if (!feed_html_looks_like_html(s))
		return (feed_doc_clean_text(s, len, false));
	h = feed_html_to_text(s, len);
	r = feed_doc_clean_text(h, strlen(h), false);
	free(h);
	return (r);
}

static char *
feed_jsonfeed_url(struct jf *j, const char *s)
{
	char	*t, *u;

	if ((t = feed_jsonfeed_text(j, s)) == NULL)
		return (NULL);
	if (j->base == NULL || *j->base == '\0' || url_has_scheme(t))
		return (t);
	u = url_resolve(j->base, t);
	free(t);
	t = feed_doc_clean_text(u, strlen(u), false);
	free(u);
	return (t);
}

/* HTML, sanitised as an XML feed's is; text is escaped first. */
static char *
feed_jsonfeed_html(struct jf *j, const char *s, int is_text)
{
	char	*h = NULL, *z, *r;
	size_t	 len;

	if (s == NULL)
		return (NULL);
	len = feed_jsonfeed_len(j, s);
	if (is_text) {
		h = feed_html_escape(s, len);
		s = h;
		len = strlen(h);
	} else {
		h = xstrndup(s, len);	/* feed_html_sanitize wants a NUL */
		s = h;
	}
	if ((z = feed_html_sanitize(s, len, NULL)) != NULL) {
		r = feed_doc_clean_text(z, strlen(z), true);
		free(z);
	} else
		r = feed_doc_clean_text(s, len, true);
	free(h);
	return (r);
}

/* 1.1's authors array (the first with a name) or 1.0's author object. */
static char *
feed_jsonfeed_author(struct jf *j, json_t *o)
{
	json_t		*a, *v;
	const char	*name;
	size_t		 i;

	a = json_object_get(o, "authors");
	if (json_is_array(a)) {
		json_array_foreach(a, i, v) {
			if (json_is_object(v) &&
			    (name = feed_jsonfeed_str(v, "name")) != NULL &&
			    *name != '\0')
				return (feed_jsonfeed_text(j, name));
		}
	}
	a = json_object_get(o, "author");
	if (json_is_object(a) && (name = feed_jsonfeed_str(a, "name")) != NULL)
		return (feed_jsonfeed_text(j, name));
	return (NULL);
}

static int64_t
feed_jsonfeed_date(json_t *o, const char *key)
{
	const char	*s = feed_jsonfeed_str(o, key);

	return (s != NULL ? feed_date_parse(s) : FEED_TIME_NONE);
}

static void
feed_jsonfeed_tags(struct jf *j, struct feed_item *it, json_t *tags)
{
	json_t	*v;
	size_t	 i;
	char	*c;

	if (!json_is_array(tags))
		return;
	json_array_foreach(tags, i, v) {
		if (!json_is_string(v) ||
		    (c = feed_jsonfeed_text(j, json_string_value(v))) == NULL)
			continue;
		it->categories = xreallocarray(it->categories,
		    it->ncategories + 1, sizeof *it->categories);
		it->categories[it->ncategories++] = c;
	}
}

static void
feed_jsonfeed_attachments(struct jf *j, struct feed_item *it, json_t *atts)
{
	struct feed_enclosure	*e;
	json_t			*v, *size;
	size_t			 i;
	char			*u;

	if (!json_is_array(atts))
		return;
	json_array_foreach(atts, i, v) {
		if (!json_is_object(v) ||
		    (u = feed_jsonfeed_url(j, feed_jsonfeed_str(v, "url"))) ==
		    NULL)
			continue;
		it->enclosures = xreallocarray(it->enclosures,
		    it->nenclosures + 1, sizeof *it->enclosures);
		e = &it->enclosures[it->nenclosures++];
		e->url = u;
		e->type = feed_jsonfeed_text(j,
		    feed_jsonfeed_str(v, "mime_type"));
		e->length = -1;
		size = json_object_get(v, "size_in_bytes");
		if (json_is_integer(size) && json_integer_value(size) >= 0)
			e->length = json_integer_value(size);
		else if (json_is_real(size) && json_real_value(size) >= 0 &&
		    json_real_value(size) < 9e18)
			e->length = (int64_t)json_real_value(size);
	}
}

static void
feed_jsonfeed_item(struct jf *j, json_t *o)
{
	struct feed_doc		*d = j->doc;
	struct feed_item	*it;
	json_t			*id;
	const char		*s;

	d->items = xreallocarray(d->items, d->nitems + 1, sizeof *d->items);
	it = &d->items[d->nitems++];
	memset(it, 0, sizeof *it);
	id = json_object_get(o, "id");
	if (json_is_string(id))
		it->guid = feed_jsonfeed_text(j, json_string_value(id));
	else if (json_is_integer(id))	/* 1.0 feeds often give numbers */
		it->guid = xasprintf("%lld", (long long)json_integer_value(id));
	it->link = feed_jsonfeed_url(j, feed_jsonfeed_str(o, "url"));
	if (it->link == NULL)
		it->link = feed_jsonfeed_url(j,
		    feed_jsonfeed_str(o, "external_url"));
	it->title = feed_jsonfeed_plain(j, feed_jsonfeed_str(o, "title"));
	if ((s = feed_jsonfeed_str(o, "content_html")) != NULL) {
		it->content = feed_jsonfeed_html(j, s, 0);
		it->content_type = FEED_CONTENT_HTML;
	} else if ((s = feed_jsonfeed_str(o, "content_text")) != NULL) {
		it->content = feed_jsonfeed_html(j, s, 1);
		it->content_type = FEED_CONTENT_TEXT;
	}
	if (it->content == NULL)
		it->content_type = FEED_CONTENT_NONE;
	it->summary = feed_jsonfeed_html(j, feed_jsonfeed_str(o, "summary"),
	    1);
	it->published = feed_jsonfeed_date(o, "date_published");
	it->updated = feed_jsonfeed_date(o, "date_modified");
	it->author = feed_jsonfeed_author(j, o);
	if (it->author == NULL && j->feed_author != NULL)
		it->author = xstrdup(j->feed_author);
	feed_jsonfeed_tags(j, it, json_object_get(o, "tags"));
	feed_jsonfeed_attachments(j, it, json_object_get(o, "attachments"));
}

static void
feed_jsonfeed_read(struct jf *j, json_t *root)
{
	struct feed_doc	*d = j->doc;
	const char	*version;
	json_t		*items, *v;
	size_t		 i;

	version = feed_jsonfeed_str(root, "version");
	if (version == NULL) {
		feed_jsonfeed_error(j, "not a JSON Feed: %s",
		    "no \"version\"");
		return;
	}
	/* The version is a URL: http or https, a trailing slash or not. */
	if (strncmp(version, "http://", 7) == 0)
		version += 7;
	else if (strncmp(version, "https://", 8) == 0)
		version += 8;
	if (strcmp(version, JSONFEED_V10 + 8) == 0 ||
	    strcmp(version, JSONFEED_V10 "/" + 8) == 0)
		d->format = FEED_FORMAT_JSON10;
	else if (strcmp(version, JSONFEED_V11 + 8) == 0 ||
	    strcmp(version, JSONFEED_V11 "/" + 8) == 0)
		d->format = FEED_FORMAT_JSON11;
	else {
		feed_jsonfeed_error(j, "not a JSON Feed: unknown version "
		    "\"%s\"", feed_jsonfeed_str(root, "version"));
		return;
	}
	d->meta.title = feed_jsonfeed_plain(j, feed_jsonfeed_str(root,
	    "title"));
	d->meta.link = feed_jsonfeed_url(j, feed_jsonfeed_str(root,
	    "home_page_url"));
	if (d->meta.link == NULL)
		d->meta.link = feed_jsonfeed_url(j, feed_jsonfeed_str(root,
		    "feed_url"));
	d->meta.description = feed_jsonfeed_plain(j, feed_jsonfeed_str(root,
	    "description"));
	d->meta.language = feed_jsonfeed_text(j, feed_jsonfeed_str(root,
	    "language"));
	d->meta.image = feed_jsonfeed_url(j, feed_jsonfeed_str(root, "icon"));
	d->meta.author = feed_jsonfeed_author(j, root);
	j->feed_author = d->meta.author;
	items = json_object_get(root, "items");
	if (!json_is_array(items)) {
		if (items != NULL)
			feed_jsonfeed_error(j, "%s", "\"items\" is not an array");
		return;
	}
	json_array_foreach(items, i, v) {
		if (d->nitems >= j->lim->max_items) {
			feed_doc_add_error(d, xasprintf("more than %zu items: the "
			    "rest are left out", j->lim->max_items));
			break;
		}
		if (json_is_object(v))
			feed_jsonfeed_item(j, v);
	}
}

struct feed_doc *
feed_jsonfeed_parse(const void *data, size_t len, const char *base_url,
    const struct feed_limits *lim)
{
	struct feed_limits	 l = { 0, 0, 0 };
	struct feed_doc		*d;
	struct jf		 j;
	json_error_t		 err;
	json_t			*root;
	const unsigned char	*s = data;
	size_t			 off = 0;

	if (lim != NULL)
		l = *lim;
	if (l.max_text == 0)
		l.max_text = 1u << 20;
	if (l.max_items == 0)
		l.max_items = 10000;
	if (l.max_depth == 0)
		l.max_depth = 256;
	d = xcalloc(1, sizeof *d);
	d->meta.updated = d->meta.published = FEED_TIME_NONE;
	d->meta.ttl = -1;
	memset(&j, 0, sizeof j);
	j.lim = &l;
	j.base = base_url;
	j.doc = d;
	if (len >= 3 && s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf)
		off = 3;
	root = json_loadb((const char *)data + off, len - off,
	    0, &err);
	if (root == NULL) {
		feed_doc_add_error(d, xasprintf("line %d, column %d: not a valid "
		    "JSON document: %s", err.line, err.column, err.text));
		return (d);
	}
	if (!json_is_object(root))
		feed_doc_add_error(d, xstrdup("not a JSON Feed: not an object"));
	else
		feed_jsonfeed_read(&j, root);
	json_decref(root);
	return (d);
}

/* End of input for a pushed JSON document: the parser is freed. */
struct feed_doc *
feed_jsonfeed_finish(struct feed_parser *p)
{
	struct feed_doc	*d;

	if (p->json_overflow) {
		d = xcalloc(1, sizeof *d);
		d->meta.updated = d->meta.published = FEED_TIME_NONE;
		d->meta.ttl = -1;
		feed_doc_add_error(d, xasprintf("a JSON document larger than %u "
		    "bytes", JSONFEED_MAX));
	} else
		d = feed_jsonfeed_parse(p->json.data, p->json.len,
		    p->doc_base, &p->lim);
	feed_parser_free(p);
	return (d);
}
