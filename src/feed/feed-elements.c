/*
 * What feed elements mean: the element table (namespace URI + local name,
 * never a prefix) and what each element does to the feed or the item being
 * read. The mapping follows DESIGN.md's --parse contract.
 */
#include "config.h"

#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "feed/feed-int.h"
#include "util/url.h"
#include "util/xmalloc.h"

static const struct {
	const char	*uri;
	size_t		 len;
	enum ns		 ns;
} ns_table[] = {
#define NS(uri, ns)	{ uri, sizeof(uri) - 1, ns }
	NS("http://backend.userland.com/rss", NS_RSS),
	NS("http://backend.userland.com/rss2", NS_RSS),
	NS("http://blogs.law.harvard.edu/tech/rss", NS_RSS),
	NS("http://purl.org/rss/1.0/", NS_RSS10),
	NS("http://my.netscape.com/rdf/simple/0.9/", NS_RSS090),
	NS("http://channel.netscape.com/rdf/simple/0.9/", NS_RSS090),
	NS("http://www.w3.org/1999/02/22-rdf-syntax-ns#", NS_RDF),
	NS("http://www.w3.org/2005/Atom", NS_ATOM10),
	NS("http://purl.org/atom/ns#", NS_ATOM03),
	NS("http://purl.org/dc/elements/1.1/", NS_DC),
	NS("http://purl.org/dc/terms/", NS_DCTERMS),
	NS("http://purl.org/rss/1.0/modules/content/", NS_CONTENT),
	NS("http://search.yahoo.com/mrss/", NS_MEDIA),
	NS("http://search.yahoo.com/mrss", NS_MEDIA),
	NS("http://www.itunes.com/dtds/podcast-1.0.dtd", NS_ITUNES),
	NS("http://www.w3.org/1999/xhtml", NS_XHTML),
	NS("http://www.w3.org/XML/1998/namespace", NS_XML),
#undef NS
};

enum ns
feed_elements_ns(const char *uri, size_t len)
{
	size_t	i;

	/* Userland used several, rss2.1 among them. */
	if (len > 31 && strncmp(uri, "http://backend.userland.com/rss", 31) == 0)
		return (NS_RSS);
	for (i = 0; i < sizeof ns_table / sizeof ns_table[0]; i++) {
		if (ns_table[i].len != len)
			continue;
		/* Apple's docs once spelled the iTunes URI with capitals. */
		if (ns_table[i].ns == NS_ITUNES ?
		    strncasecmp(uri, ns_table[i].uri, len) == 0 :
		    memcmp(uri, ns_table[i].uri, len) == 0)
			return (ns_table[i].ns);
	}
	return (NS_OTHER);
}

/* Namespace families, for the element table. */
#define F_RSS		0x001
#define F_ATOM		0x002
#define F_DC		0x004
#define F_DCT		0x008
#define F_CONTENT	0x010
#define F_MEDIA		0x020
#define F_ITUNES	0x040
#define F_XHTML		0x080
#define F_RDF		0x100

/* Sorted by local name (strcmp), for bsearch. */
static const struct el_row {
	const char	*local;
	unsigned	 fam;
	enum el		 el;
} el_table[] = {
	{ "RDF", F_RDF, EL_RDF },
	{ "author", F_RSS | F_ATOM, EL_AUTHOR },
	{ "author", F_ITUNES, EL_ITUNES_AUTHOR },
	{ "body", F_XHTML, EL_XHTML_BODY },
	{ "category", F_RSS | F_ATOM, EL_CATEGORY },
	{ "category", F_MEDIA, EL_MEDIA_CATEGORY },
	{ "category", F_ITUNES, EL_ITUNES_CATEGORY },
	{ "channel", F_RSS, EL_CHANNEL },
	{ "comments", F_RSS, EL_COMMENTS },
	{ "content", F_ATOM, EL_CONTENT },
	{ "content", F_MEDIA, EL_MEDIA_CONTENT },
	{ "created", F_ATOM, EL_CREATED },
	{ "created", F_DCT, EL_DCT_CREATED },
	{ "creator", F_DC, EL_DC_CREATOR },
	{ "date", F_DC, EL_DC_DATE },
	{ "description", F_RSS, EL_DESCRIPTION },
	{ "description", F_DC, EL_DC_DESCRIPTION },
	{ "description", F_MEDIA, EL_MEDIA_DESCRIPTION },
	{ "email", F_ATOM, EL_EMAIL },
	{ "enclosure", F_RSS, EL_ENCLOSURE },
	{ "encoded", F_CONTENT, EL_CONTENT_ENCODED },
	{ "entry", F_ATOM, EL_ENTRY },
	{ "feed", F_ATOM, EL_FEED },
	{ "fullitem", F_RSS, EL_FULLITEM },
	{ "generator", F_RSS | F_ATOM, EL_GENERATOR },
	{ "group", F_MEDIA, EL_MEDIA_GROUP },
	{ "guid", F_RSS, EL_GUID },
	{ "icon", F_ATOM, EL_ICON },
	{ "id", F_ATOM, EL_ID },
	{ "image", F_RSS, EL_IMAGE },
	{ "image", F_ITUNES, EL_ITUNES_IMAGE },
	{ "info", F_ATOM, EL_INFO },
	{ "issued", F_ATOM, EL_ISSUED },
	{ "issued", F_DCT, EL_DCT_ISSUED },
	{ "item", F_RSS, EL_ITEM },
	{ "language", F_RSS, EL_LANGUAGE },
	{ "language", F_DC, EL_DC_LANGUAGE },
	{ "lastBuildDate", F_RSS, EL_LASTBUILDDATE },
	{ "link", F_RSS | F_ATOM, EL_LINK },
	{ "logo", F_ATOM, EL_LOGO },
	{ "managingEditor", F_RSS, EL_MANAGINGEDITOR },
	{ "modified", F_ATOM, EL_MODIFIED },
	{ "modified", F_DCT, EL_DCT_MODIFIED },
	{ "name", F_ATOM, EL_NAME },
	{ "owner", F_ITUNES, EL_ITUNES_OWNER },
	{ "pubDate", F_RSS, EL_PUBDATE },
	{ "published", F_ATOM, EL_PUBLISHED },
	{ "rss", F_RSS, EL_RSS },
	{ "source", F_RSS | F_ATOM, EL_SOURCE },
	{ "subject", F_DC, EL_DC_SUBJECT },
	{ "subtitle", F_ATOM, EL_SUBTITLE },
	{ "subtitle", F_ITUNES, EL_ITUNES_SUBTITLE },
	{ "summary", F_ATOM, EL_SUMMARY },
	{ "summary", F_ITUNES, EL_ITUNES_SUMMARY },
	{ "tagline", F_ATOM, EL_TAGLINE },
	{ "textInput", F_RSS, EL_TEXTINPUT },
	{ "textinput", F_RSS, EL_TEXTINPUT },
	{ "title", F_RSS | F_ATOM, EL_TITLE },
	{ "title", F_DC, EL_DC_TITLE },
	{ "title", F_MEDIA, EL_MEDIA_TITLE },
	{ "ttl", F_RSS, EL_TTL },
	{ "updated", F_ATOM, EL_UPDATED },
	{ "url", F_RSS, EL_URL },
};
#define EL_TABLE_LEN	(sizeof el_table / sizeof el_table[0])

static unsigned
family(const struct feed_parser *p, enum ns ns)
{
	switch (ns) {
	case NS_NONE:
		return (p->atom_nons ? F_ATOM : F_RSS);
	case NS_RSS: case NS_RSS10: case NS_RSS090:
		return (F_RSS);
	case NS_ATOM10: case NS_ATOM03:
		return (F_ATOM);
	case NS_DC: return (F_DC);
	case NS_DCTERMS: return (F_DCT);
	case NS_CONTENT: return (F_CONTENT);
	case NS_MEDIA: return (F_MEDIA);
	case NS_ITUNES: return (F_ITUNES);
	case NS_XHTML: return (F_XHTML);
	case NS_RDF: return (F_RDF);
	default: return (0);
	}
}

static int
row_cmp(const void *key, const void *row)
{
	return (strcmp(key, ((const struct el_row *)row)->local));
}

static enum el
lookup_table(unsigned fam, const char *local)
{
	const struct el_row	*r;

	if ((r = bsearch(local, el_table, EL_TABLE_LEN, sizeof el_table[0],
	    row_cmp)) == NULL)
		return (EL_UNKNOWN);
	/* bsearch lands on any row of the name: look at all of them. */
	while (r > el_table && strcmp(r[-1].local, local) == 0)
		r--;
	for (; r < el_table + EL_TABLE_LEN && strcmp(r->local, local) == 0;
	    r++)
		if (r->fam & fam)
			return (r->el);
	return (EL_UNKNOWN);
}

/*
 * What an element is. A feed repeats the same dozen elements in every
 * item, so the answers are remembered in a small table indexed by a hash
 * of the name (its length and first, second and last bytes, with
 * multipliers that give the names of el_table and of common extensions
 * a slot each); a miss goes to the sorted table.
 */
static enum el
lookup(struct feed_parser *p, enum ns ns, const char *local)
{
	struct el_memo	*m;
	unsigned	 fam = family(p, ns);
	size_t		 n;
	enum el		 el;

	if (fam == 0)
		return (EL_UNKNOWN);
	n = strlen(local);
	if (n == 0 || n >= sizeof m->local)
		return (lookup_table(fam, local));
	m = &p->el_memo[(n * 5 + (unsigned char)local[0] * 17 +
	    (unsigned char)local[1] * 19 + (unsigned char)local[n - 1] * 21) %
	    EL_MEMO_SIZE];
	if (m->fam == fam && memcmp(m->local, local, n + 1) == 0)
		return (m->el);
	el = lookup_table(fam, local);
	memcpy(m->local, local, n + 1);
	m->fam = fam;
	m->el = el;
	return (el);
}

static bool
is_atom(const struct feed_parser *p, const struct frame *f)
{
	return (family(p, f->ns) == F_ATOM);
}

/* Where a field element sits: in the feed, in an item, or elsewhere. */
enum ctx { CTX_NONE, CTX_FEED, CTX_ITEM };

static enum ctx
context_of(const struct frame *parent)
{
	if (parent == NULL)
		return (CTX_NONE);
	switch (parent->el) {
	case EL_CHANNEL: case EL_FEED:
		return (CTX_FEED);
	case EL_ITEM: case EL_ENTRY:
		return (CTX_ITEM);
	default:
		return (CTX_NONE);
	}
}

/* Set *dst unless already set (the first occurrence wins); takes v. */
static void
set_first(char **dst, char *v)
{
	if (v == NULL)
		return;
	if (*dst == NULL)
		*dst = v;
	else
		free(v);
}

static void
set_last(char **dst, char *v)
{
	if (v == NULL)
		return;
	free(*dst);
	*dst = v;
}

/*
 * A short value (guid, id, language, e-mail, a type or term attribute),
 * trimmed and cleaned like any other text: "every string is UTF-8 with
 * control characters removed" (feed.h) holds for these too.
 */
static char *
trimmed(const char *s)
{
	if (s == NULL)
		return (NULL);
	return (feed_doc_clean_text(s, strlen(s), false));
}

/* A URL from the feed, made absolute against the element's base. */
static char *
url_of(const struct frame *f, const char *s)
{
	char	*t, *u, *clean;
	size_t	 len, i, n;

	if (s == NULL)
		return (NULL);
	while (isspace((unsigned char)*s))
		s++;
	len = strlen(s);
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	if (len == 0)
		return (NULL);
	/* Tabs and line breaks inside are dropped, as URL parsers do: a
	 * link wrapped in the XML is one link, not one with a blank. */
	t = xmalloc(len + 1);
	for (i = n = 0; i < len; i++)
		if (s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			t[n++] = s[i];
	t[n] = '\0';
	/* Absolute, or nothing to resolve against: only cleaned. */
	if (f->base == NULL || *f->base == '\0' || url_has_scheme(t)) {
		clean = feed_doc_clean_text(t, n, false);
		free(t);
		return (clean);
	}
	u = url_resolve(f->base, t);
	free(t);
	clean = feed_doc_clean_text(u, strlen(u), false);
	free(u);
	return (clean);
}

/* Plain text of a captured element (len bytes at text). */
static char *
plain_of(const struct frame *f, const char *text, size_t len)
{
	char	*h, *r;

	if (text == NULL)
		return (NULL);
	if (f->kind == TK_HTML || f->cap == CAP_MARKUP) {
		h = feed_html_to_text(text, len);
		r = feed_doc_clean_text(h, strlen(h), false);
		free(h);
		return (r);
	}
	if (f->cap == CAP_BASE64)	/* decoded: any bytes at all */
		return (feed_doc_clean_text(text, len, false));
	return (feed_doc_clean_xml(text, len, false));
}

/* HTML of a captured element (summary, content): escaped if text. */
static char *
html_of(const struct frame *f, const char *text, size_t len)
{
	char	*h = NULL, *s, *r;

	if (text == NULL)
		return (NULL);
	if (f->kind == TK_TEXT && f->cap != CAP_MARKUP) {
		h = feed_html_escape(text, len);
		text = h;
		len = strlen(h);
	}
	/* Relative links in the HTML follow an xml:base (Atom section 2,
	 * as feedparser does); without one the reader resolves them
	 * against the item's link. */
	if ((s = feed_html_sanitize(text, len, f->xml_base ? f->base : NULL)) !=
	    NULL) {
		r = feed_doc_clean_text(s, strlen(s), true);
		free(s);
	} else if (f->cap == CAP_BASE64)
		r = feed_doc_clean_text(text, len, true);
	else
		r = feed_doc_clean_xml(text, len, true);
	free(h);
	return (r);
}

static int64_t
date_of(const char *text)
{
	return (text != NULL ? feed_date_parse(text) : FEED_TIME_NONE);
}

static void
set_date(int64_t *dst, const char *text)
{
	int64_t	t = date_of(text);

	if (t != FEED_TIME_NONE && *dst == FEED_TIME_NONE)
		*dst = t;
}

/*
 * An RSS author: "me@example.com (Example editor)" gives the name,
 * "Name <me@example.com>" too; a bare address stays an address.
 */
static char *
author_name(const char *text)
{
	char		*t, *open, *close, *name;

	if ((t = feed_doc_clean_text(text, strlen(text), false)) == NULL)
		return (NULL);
	if ((open = strchr(t, '(')) != NULL &&
	    (close = strrchr(t, ')')) != NULL && close > open + 1) {
		/* The name is whichever side is not the address. */
		*close = '\0';
		if (strchr(open + 1, '@') != NULL && open > t) {
			*open = '\0';
			name = trimmed(t);
		} else
			name = trimmed(open + 1);
	} else if ((open = strchr(t, '<')) != NULL && open > t &&
	    strchr(open, '>') != NULL) {
		*open = '\0';
		name = trimmed(t);
	} else
		name = trimmed(t);
	free(t);
	return (name);
}

/* The name of a text construct, for messages. */
static const char *
local_of(enum el el)
{
	size_t	i;

	for (i = 0; i < EL_TABLE_LEN; i++)
		if (el_table[i].el == el)
			return (el_table[i].local);
	return ("?");
}

/*
 * Atom text constructs (RFC 4287 3.1) and Atom 0.3's type + mode: how the
 * content is to be read.
 */
static void
capture_text_construct(struct feed_parser *p, struct frame *f,
    const char **atts)
{
	const char	*type = feed_parser_attr(atts, NS_NONE, "type");
	const char	*mode = feed_parser_attr(atts, NS_NONE, "mode");

	if (f->ns == NS_ATOM10 && mode == NULL) {
		if (type == NULL || *type == '\0' ||
		    strcasecmp(type, "text") == 0 ||
		    strcasecmp(type, "text/plain") == 0)
			feed_parser_begin_capture(p, f, CAP_TEXT, TK_TEXT);
		else if (strcasecmp(type, "html") == 0 ||
		    strcasecmp(type, "text/html") == 0)
			feed_parser_begin_capture(p, f, CAP_HTML, TK_HTML);
		else if (strcasecmp(type, "xhtml") == 0) {
			feed_parser_begin_capture(p, f, CAP_MARKUP, TK_HTML);
			f->skip_div = true;
		} else if (strstr(type, "xml") != NULL)
			feed_parser_begin_capture(p, f, CAP_MARKUP, TK_HTML);
		else if (strncasecmp(type, "text/", 5) == 0)
			feed_parser_begin_capture(p, f, CAP_TEXT, TK_TEXT);
		else if (f->el == EL_CONTENT)	/* RFC 4287 4.1.3.3 */
			feed_parser_begin_capture(p, f, CAP_BASE64, TK_TEXT);
		else {
			/* Text constructs are text, html or xhtml (3.1):
			 * only atom:content carries other types, base64. */
			feed_parser_error(p, "<%s> of unknown type \"%.40s\": "
			    "read as text", local_of(f->el), type);
			feed_parser_begin_capture(p, f, CAP_TEXT, TK_TEXT);
		}
		return;
	}
	/* Atom 0.3 (or a mode attribute anywhere). */
	{
		bool html = type != NULL && (strcasestr(type, "html") != NULL ||
		    strcasestr(type, "xml") != NULL);

		if (mode != NULL && strcasecmp(mode, "escaped") == 0)
			feed_parser_begin_capture(p, f, CAP_HTML,
			    html ? TK_HTML : TK_TEXT);
		else if (mode != NULL && strcasecmp(mode, "base64") == 0)
			feed_parser_begin_capture(p, f, CAP_BASE64,
			    html ? TK_HTML : TK_TEXT);
		else if (html) {
			feed_parser_begin_capture(p, f, CAP_MARKUP, TK_HTML);
			f->skip_div = true;
		} else
			feed_parser_begin_capture(p, f, CAP_TEXT, TK_TEXT);
	}
}

static void
start_item(struct feed_parser *p, struct frame *f, const char **atts)
{
	const char	*about;

	if (p->cur != NULL) {	/* items do not nest */
		f->el = EL_UNKNOWN;
		return;
	}
	p->cur = xcalloc(1, sizeof *p->cur);
	p->cur->published = p->cur->updated = FEED_TIME_NONE;
	p->guid_permalink = false;
	/*
	 * An item past the limit is still read (its end reports the limit,
	 * and its text still counts against max_text), but nothing of it is
	 * cleaned or kept.
	 */
	p->cur_dropped = p->doc->nitems >= p->lim.max_items;
	if ((about = feed_parser_attr(atts, NS_RDF, "about")) != NULL)
		f->aux = xstrdup(about);
}

static bool
looks_like_url(const char *s)
{
	return (strncasecmp(s, "http://", 7) == 0 ||
	    strncasecmp(s, "https://", 8) == 0);
}

/* The item is complete: apply the rules between fields and keep it. */
void
feed_elements_finish_item(struct feed_parser *p)
{
	struct feed_item	*it = p->cur;
	struct feed_doc		*d = p->doc;

	p->cur = NULL;
	if (it == NULL)
		return;
	if (it->link == NULL && it->guid != NULL && p->guid_permalink &&
	    looks_like_url(it->guid))
		it->link = xstrdup(it->guid);
	if (it->title == NULL) {
		it->title = p->media_title;
		p->media_title = NULL;
	}
	free(p->media_title);
	p->media_title = NULL;
	if (it->author == NULL) {
		it->author = p->source_author;
		p->source_author = NULL;
	}
	free(p->source_author);
	p->source_author = NULL;
	if (it->content != NULL && it->content_type == FEED_CONTENT_NONE)
		it->content_type = FEED_CONTENT_HTML;
	if (d->nitems >= p->lim.max_items) {
		if (!p->too_many_items)
			feed_parser_error(p, "more than %zu items: the rest are "
			    "left out", p->lim.max_items);
		p->too_many_items = true;
		feed_doc_item_free(it);
		free(it);
		return;
	}
	d->items = xreallocarray(d->items, d->nitems + 1, sizeof *d->items);
	d->items[d->nitems++] = *it;
	free(it);
}

/*
 * The document is read: Atom entries without an author of their own (or
 * of their atom:source) have the feed's (RFC 4287 4.2.1), wherever in the
 * feed its author element stood.
 */
void
feed_elements_finish_doc(struct feed_parser *p)
{
	struct feed_doc	*d = p->doc;
	size_t		 i;

	if ((d->format != FEED_FORMAT_ATOM10 &&
	    d->format != FEED_FORMAT_ATOM03) || d->meta.author == NULL)
		return;
	for (i = 0; i < d->nitems; i++)
		if (d->items[i].author == NULL)
			d->items[i].author = xstrdup(d->meta.author);
}

static void
add_category(struct feed_item *it, char *c)
{
	if (it == NULL || c == NULL) {
		free(c);
		return;
	}
	it->categories = xreallocarray(it->categories, it->ncategories + 1,
	    sizeof *it->categories);
	it->categories[it->ncategories++] = c;
}

static void
add_enclosure(struct feed_parser *p, struct frame *f, const char *url,
    const char *type, const char *length)
{
	struct feed_item	*it = p->cur;
	struct feed_enclosure	*e;
	char			*u, *end;
	long long		 n;

	if (it == NULL || p->cur_dropped || url == NULL ||
	    (u = url_of(f, url)) == NULL)
		return;
	it->enclosures = xreallocarray(it->enclosures, it->nenclosures + 1,
	    sizeof *it->enclosures);
	e = &it->enclosures[it->nenclosures++];
	e->url = u;
	e->type = type != NULL ? trimmed(type) : NULL;
	e->length = -1;
	if (length != NULL) {
		n = strtoll(length, &end, 10);
		if (end != length && n >= 0)
			e->length = n;
	}
}

/* Atom <link>: alternate (or no rel) is the link; enclosure is one. */
static void
atom_link(struct feed_parser *p, struct frame *f, const char **atts,
    enum ctx ctx)
{
	const char	*rel = feed_parser_attr(atts, NS_NONE, "rel");
	const char	*href = feed_parser_attr(atts, NS_NONE, "href");

	if (href == NULL)
		return;
	if (rel == NULL || strcmp(rel, "alternate") == 0) {
		if (ctx == CTX_ITEM) {
			if (!p->cur_dropped)
				set_first(&p->cur->link, url_of(f, href));
		} else if (ctx == CTX_FEED)
			set_first(&p->doc->meta.link, url_of(f, href));
	} else if (strcmp(rel, "enclosure") == 0 && ctx == CTX_ITEM)
		add_enclosure(p, f, href, feed_parser_attr(atts, NS_NONE, "type"),
		    feed_parser_attr(atts, NS_NONE, "length"));
}

static void
start_root(struct feed_parser *p, struct frame *f, const char **atts)
{
	const char	*v;

	switch (f->el) {
	case EL_RSS:
		v = feed_parser_attr(atts, NS_NONE, "version");
		if (v != NULL && strncmp(v, "0.9", 3) == 0)
			p->doc->format = FEED_FORMAT_RSS09X;
		else
			p->doc->format = FEED_FORMAT_RSS20;
		break;
	case EL_RDF:
		/* RDF is not a feed by itself: an RSS namespace makes it
		 * one (declared here, or its channel's or items'). */
		if (p->saw_rss090)
			p->doc->format = FEED_FORMAT_RSS09X;
		else if (p->saw_rss10)
			p->doc->format = FEED_FORMAT_RSS10;
		break;
	case EL_FEED:
		p->doc->format = f->ns == NS_ATOM10 ? FEED_FORMAT_ATOM10 :
		    FEED_FORMAT_ATOM03;
		break;
	case EL_ENTRY:	/* a lone Atom entry document */
		p->doc->format = f->ns == NS_ATOM10 ? FEED_FORMAT_ATOM10 :
		    FEED_FORMAT_ATOM03;
		break;
	default:
		break;
	}
	if (p->doc->format != FEED_FORMAT_UNKNOWN && f->lang != NULL)
		set_first(&p->doc->meta.language, trimmed(f->lang));
}

/* A channel or item under rdf:RDF: its namespace says which RSS. */
static void
rdf_format(struct feed_parser *p, const struct frame *f)
{
	if (f->ns == NS_RSS090)
		p->doc->format = FEED_FORMAT_RSS09X;
	else if (p->doc->format == FEED_FORMAT_UNKNOWN)
		p->doc->format = FEED_FORMAT_RSS10;
}

void
feed_elements_start(struct feed_parser *p, struct frame *f, const char *local,
    const char **atts)
{
	struct frame	*parent = feed_parser_parent(p, 1);
	enum ctx	 ctx = context_of(parent);
	enum el		 pel = parent != NULL ? parent->el : EL_UNKNOWN;
	const char	*v;

	if (parent == NULL && f->ns == NS_NONE && strcmp(local, "feed") == 0)
		p->atom_nons = true;
	f->el = lookup(p, f->ns, local);
	if (parent == NULL) {
		start_root(p, f, atts);
		if (f->el == EL_ENTRY)
			start_item(p, f, atts);
		return;
	}

	switch (f->el) {
	case EL_CHANNEL:
		if (pel == EL_RDF)
			rdf_format(p, f);
		if (p->doc->format == FEED_FORMAT_UNKNOWN)
			p->doc->format = FEED_FORMAT_RSS20;
		if (f->lang != NULL)
			set_first(&p->doc->meta.language, trimmed(f->lang));
		return;
	case EL_ITEM:
		if (pel == EL_RDF)
			rdf_format(p, f);
		if (pel == EL_CHANNEL || pel == EL_RDF || pel == EL_RSS)
			start_item(p, f, atts);
		else
			f->el = EL_UNKNOWN;
		return;
	case EL_ENTRY:
		if (pel == EL_FEED)
			start_item(p, f, atts);
		else
			f->el = EL_UNKNOWN;
		return;
	case EL_IMAGE: case EL_TEXTINPUT: case EL_SOURCE: case EL_ITUNES_OWNER:
		return;		/* containers whose children are not ours */
	case EL_AUTHOR:
		/* An entry's atom:source: its author stands in for the
		 * entry's when the entry has none (RFC 4287 4.2.1). */
		if (pel == EL_SOURCE && is_atom(p, f) && p->cur != NULL &&
		    context_of(feed_parser_parent(p, 2)) == CTX_ITEM) {
			f->attr = 1;
			return;
		}
		break;
	case EL_MEDIA_GROUP:
		if (ctx != CTX_ITEM)
			f->el = EL_UNKNOWN;
		return;
	case EL_URL:
		if (pel == EL_IMAGE &&
		    context_of(feed_parser_parent(p, 2)) == CTX_FEED)
			feed_parser_begin_capture(p, f, CAP_TEXT, TK_TEXT);
		else if (pel == EL_IMAGE && feed_parser_parent(p, 2) != NULL &&
		    feed_parser_parent(p, 2)->el == EL_RDF)
			feed_parser_begin_capture(p, f, CAP_TEXT, TK_TEXT);
		return;
	case EL_NAME: case EL_EMAIL:
		if (pel == EL_AUTHOR &&
		    (context_of(feed_parser_parent(p, 2)) != CTX_NONE ||
		    parent->attr == 1))
			feed_parser_begin_capture(p, f, CAP_TEXT, TK_TEXT);
		return;
	case EL_ITUNES_CATEGORY:
		if (ctx != CTX_NONE || pel == EL_ITUNES_CATEGORY) {
			v = feed_parser_attr(atts, NS_NONE, "text");
			if (v != NULL && p->cur != NULL && !p->cur_dropped)
				add_category(p->cur, feed_doc_clean_text(v,
				    strlen(v), false));
		}
		return;
	default:
		break;
	}

	if (ctx == CTX_NONE && !(pel == EL_MEDIA_GROUP && p->cur != NULL)) {
		f->el = EL_UNKNOWN;
		return;
	}
	if (pel == EL_MEDIA_GROUP)
		ctx = CTX_ITEM;

	switch (f->el) {
	case EL_TITLE: case EL_SUBTITLE: case EL_TAGLINE: case EL_SUMMARY:
	case EL_CONTENT: case EL_INFO:
		if (is_atom(p, f))
			capture_text_construct(p, f, atts);
		else if (f->el == EL_TITLE)
			feed_parser_begin_capture(p, f, CAP_TEXT, TK_TEXT);
		else
			f->el = EL_UNKNOWN;
		return;
	case EL_LINK:
		if (is_atom(p, f))
			atom_link(p, f, atts, ctx);
		else
			feed_parser_begin_capture(p, f, CAP_TEXT, TK_TEXT);
		return;
	case EL_AUTHOR:
		if (!is_atom(p, f))
			feed_parser_begin_capture(p, f, CAP_TEXT, TK_TEXT);
		return;		/* Atom: name and email inside */
	case EL_CATEGORY:
		if (is_atom(p, f)) {
			v = feed_parser_attr(atts, NS_NONE, "term");
			if (v == NULL)
				v = feed_parser_attr(atts, NS_NONE, "label");
			if (v != NULL && ctx == CTX_ITEM && !p->cur_dropped)
				add_category(p->cur, trimmed(v));
		} else
			feed_parser_begin_capture(p, f, CAP_TEXT, TK_TEXT);
		return;
	case EL_ENCLOSURE:
		if (ctx == CTX_ITEM)
			add_enclosure(p, f, feed_parser_attr(atts, NS_NONE, "url"),
			    feed_parser_attr(atts, NS_NONE, "type"),
			    feed_parser_attr(atts, NS_NONE, "length"));
		return;
	case EL_GUID:
		v = feed_parser_attr(atts, NS_NONE, "isPermaLink");
		f->attr = v == NULL || strcasecmp(v, "false") != 0;
		feed_parser_begin_capture(p, f, CAP_TEXT, TK_TEXT);
		return;
	case EL_DESCRIPTION: case EL_CONTENT_ENCODED: case EL_FULLITEM:
		feed_parser_begin_capture(p, f, CAP_HTML, TK_HTML);
		return;
	case EL_XHTML_BODY:
		feed_parser_begin_capture(p, f, CAP_MARKUP, TK_HTML);
		return;
	case EL_ITUNES_IMAGE:
		if (ctx == CTX_FEED &&
		    (v = feed_parser_attr(atts, NS_NONE, "href")) != NULL)
			f->aux = url_of(f, v);
		return;
	case EL_MEDIA_CONTENT: case EL_MEDIA_THUMBNAIL: case EL_UNKNOWN:
	case EL_DC_CONTRIBUTOR:
		return;
	default:
		feed_parser_begin_capture(p, f, CAP_TEXT, TK_TEXT);
		return;
	}
}

/*
 * Decode base64 (atom:content of a non-text type, Atom 0.3's
 * mode="base64"): white space may break the lines, '=' pads the end only.
 * NULL when s is not base64, so that garbage is reported, not shown.
 */
static char *
base64_decode(const char *s)
{
	static const char	 tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789+/";
	char			*out, *o;
	const char		*c;
	unsigned		 acc = 0;
	int			 bits = 0, pad = 0;
	size_t			 n = 0;

	out = o = xmalloc(strlen(s) + 1);
	for (; *s != '\0'; s++) {
		if (isspace((unsigned char)*s))
			continue;
		if (*s == '=') {
			pad++;
			continue;
		}
		if (pad > 0 || (c = strchr(tab, *s)) == NULL)
			goto bad;
		n++;
		acc = (acc << 6) | (unsigned)(c - tab);
		if ((bits += 6) >= 8) {
			bits -= 8;
			*o++ = (char)((acc >> bits) & 0xff);
		}
	}
	/* A lone sixth of a byte left over, or padding past a quantum. */
	if (n % 4 == 1 || pad > 2 || (pad > 0 && (n + pad) % 4 != 0))
		goto bad;
	*o = '\0';
	return (out);
bad:
	free(out);
	return (NULL);
}

/*
 * Where an element's text goes, in an item or in the feed: a row per
 * element, read by end_field(). What a row cannot say (a guid's
 * isPermaLink, content's type, categories, ttl) is the FR_OWN case of
 * end_item_own() and end_feed_own().
 */
enum fr_read {
	FR_NONE,	/* not a field here */
	FR_PLAIN,	/* text (or HTML) as plain text */
	FR_URL,		/* a URL, made absolute */
	FR_TRIM,	/* trimmed text */
	FR_AUTHOR,	/* "email (Name)" as a name */
	FR_HTML,	/* HTML */
	FR_DATE,	/* a date, into an int64_t */
	FR_OWN		/* handled by code of its own */
};

struct field_rule {
	unsigned char	 read;		/* enum fr_read */
	unsigned char	 last;		/* the last one wins, not the first */
	unsigned short	 off;		/* of the field in the struct */
};

#define FI(r, f)	{ (r), 0, offsetof(struct feed_item, f) }
#define FI_LAST(r, f)	{ (r), 1, offsetof(struct feed_item, f) }
#define FI_OWN		{ FR_OWN, 0, 0 }
static const struct field_rule item_rules[EL_INSIDE + 1] = {
	[EL_TITLE] = FI(FR_PLAIN, title),
	[EL_DC_TITLE] = FI(FR_PLAIN, title),
	[EL_MEDIA_TITLE] = FI_OWN,	/* only when the item has no title */
	/* RSS <link> always wins over a guid or an atom:link. */
	[EL_LINK] = FI_LAST(FR_URL, link),
	[EL_GUID] = FI_OWN,
	[EL_ID] = FI(FR_TRIM, guid),
	[EL_AUTHOR] = FI(FR_AUTHOR, author),
	[EL_DC_CREATOR] = FI(FR_AUTHOR, author),
	[EL_ITUNES_AUTHOR] = FI(FR_AUTHOR, author),
	[EL_NAME] = FI(FR_PLAIN, author),
	[EL_EMAIL] = FI_OWN,
	[EL_PUBDATE] = FI(FR_DATE, published),
	[EL_PUBLISHED] = FI(FR_DATE, published),
	[EL_ISSUED] = FI(FR_DATE, published),
	[EL_DCT_ISSUED] = FI(FR_DATE, published),
	[EL_CREATED] = FI(FR_DATE, published),
	[EL_DCT_CREATED] = FI(FR_DATE, published),
	[EL_UPDATED] = FI(FR_DATE, updated),
	[EL_MODIFIED] = FI(FR_DATE, updated),
	[EL_DC_DATE] = FI(FR_DATE, updated),
	[EL_DCT_MODIFIED] = FI(FR_DATE, updated),
	[EL_DESCRIPTION] = FI(FR_HTML, summary),
	[EL_DC_DESCRIPTION] = FI(FR_HTML, summary),
	[EL_SUMMARY] = FI(FR_HTML, summary),
	[EL_ITUNES_SUMMARY] = FI(FR_HTML, summary),
	[EL_MEDIA_DESCRIPTION] = FI(FR_HTML, summary),
	[EL_CONTENT] = FI_OWN,
	[EL_CONTENT_ENCODED] = FI_OWN,
	[EL_XHTML_BODY] = FI_OWN,
	[EL_FULLITEM] = FI_OWN,
	[EL_CATEGORY] = FI_OWN,
	[EL_DC_SUBJECT] = FI_OWN,
	[EL_MEDIA_CATEGORY] = FI_OWN,
	[EL_COMMENTS] = FI(FR_URL, comments),
};

#define FM(r, f)	{ (r), 0, offsetof(struct feed_meta, f) }
#define FM_LAST(r, f)	{ (r), 1, offsetof(struct feed_meta, f) }
#define FM_OWN		{ FR_OWN, 0, 0 }
static const struct field_rule feed_rules[EL_INSIDE + 1] = {
	[EL_TITLE] = FM(FR_PLAIN, title),
	[EL_DC_TITLE] = FM(FR_PLAIN, title),
	[EL_LINK] = FM_LAST(FR_URL, link),
	[EL_DESCRIPTION] = FM_OWN,	/* RSS: HTML, whatever it says */
	[EL_SUBTITLE] = FM(FR_PLAIN, description),
	[EL_TAGLINE] = FM(FR_PLAIN, description),
	[EL_DC_DESCRIPTION] = FM(FR_PLAIN, description),
	[EL_ITUNES_SUMMARY] = FM(FR_PLAIN, description),
	[EL_ITUNES_SUBTITLE] = FM(FR_PLAIN, description),
	[EL_LANGUAGE] = FM(FR_TRIM, language),
	[EL_DC_LANGUAGE] = FM(FR_TRIM, language),
	/* RSS's date of the last change wins over any other. */
	[EL_LASTBUILDDATE] = FM_LAST(FR_DATE, updated),
	[EL_UPDATED] = FM(FR_DATE, updated),
	[EL_MODIFIED] = FM(FR_DATE, updated),
	[EL_DC_DATE] = FM(FR_DATE, updated),
	[EL_DCT_MODIFIED] = FM(FR_DATE, updated),
	[EL_PUBDATE] = FM(FR_DATE, published),
	[EL_PUBLISHED] = FM(FR_DATE, published),
	[EL_ISSUED] = FM(FR_DATE, published),
	[EL_DCT_ISSUED] = FM(FR_DATE, published),
	[EL_AUTHOR] = FM(FR_AUTHOR, author),
	[EL_MANAGINGEDITOR] = FM(FR_AUTHOR, author),
	[EL_DC_CREATOR] = FM(FR_AUTHOR, author),
	[EL_ITUNES_AUTHOR] = FM(FR_AUTHOR, author),
	[EL_NAME] = FM(FR_PLAIN, author),
	[EL_EMAIL] = FM_OWN,
	[EL_GENERATOR] = FM(FR_PLAIN, generator),
	[EL_URL] = FM(FR_URL, image),
	[EL_LOGO] = FM(FR_URL, image),
	[EL_ICON] = FM(FR_URL, image),
	[EL_TTL] = FM_OWN,
};

/* Store the element's text as its row says; 1 when the row is FR_OWN. */
static int
end_field(const struct field_rule *rule, void *base, struct frame *f,
    const char *text, size_t len)
{
	char	*v, **dst;

	switch ((enum fr_read)rule->read) {
	case FR_NONE:
		return (0);
	case FR_OWN:
		return (1);
	case FR_DATE:
		if (rule->last && date_of(text) != FEED_TIME_NONE)
			*(int64_t *)(void *)((char *)base + rule->off) =
			    FEED_TIME_NONE;
		set_date((int64_t *)(void *)((char *)base + rule->off), text);
		return (0);
	case FR_PLAIN:
		v = plain_of(f, text, len);
		break;
	case FR_URL:
		v = url_of(f, text);
		break;
	case FR_TRIM:
		v = trimmed(text);
		break;
	case FR_AUTHOR:
		v = author_name(text);
		break;
	case FR_HTML:
		v = html_of(f, text, len);
		break;
	default:
		return (0);
	}
	dst = (char **)(void *)((char *)base + rule->off);
	if (rule->last)
		set_last(dst, v);
	else
		set_first(dst, v);
	return (0);
}

static void
end_item_own(struct feed_parser *p, struct frame *f, const char *text,
    size_t len)
{
	struct feed_item	*it = p->cur;

	switch (f->el) {
	case EL_MEDIA_TITLE:
		set_first(&p->media_title, plain_of(f, text, len));
		break;
	case EL_GUID:
		if (it->guid == NULL && (it->guid = trimmed(text)) != NULL)
			p->guid_permalink = f->attr;
		break;
	case EL_EMAIL:
		if (it->author == NULL)
			it->author = trimmed(text);
		break;
	case EL_CONTENT: case EL_CONTENT_ENCODED: case EL_XHTML_BODY:
	case EL_FULLITEM:
		if (it->content == NULL) {
			it->content = html_of(f, text, len);
			it->content_type = f->kind == TK_TEXT &&
			    f->cap != CAP_MARKUP ? FEED_CONTENT_TEXT :
			    FEED_CONTENT_HTML;
		}
		break;
	case EL_CATEGORY: case EL_DC_SUBJECT: case EL_MEDIA_CATEGORY:
		add_category(it, plain_of(f, text, len));
		break;
	default:
		break;
	}
}

static void
end_item_field(struct feed_parser *p, struct frame *f, const char *text,
    size_t len)
{
	if (p->cur_dropped)
		return;
	if (end_field(&item_rules[f->el], p->cur, f, text, len))
		end_item_own(p, f, text, len);
}

static void
end_feed_own(struct feed_parser *p, struct frame *f, const char *text,
    size_t len)
{
	struct feed_meta	*m = &p->doc->meta;
	char			*t;

	switch (f->el) {
	case EL_DESCRIPTION:
		f->kind = TK_HTML;
		set_first(&m->description, plain_of(f, text, len));
		break;
	case EL_EMAIL:
		if (m->author == NULL)
			m->author = trimmed(text);
		break;
	case EL_TTL:
		if ((t = trimmed(text)) != NULL) {
			m->ttl = atoi(t);
			free(t);
		}
		break;
	default:
		break;
	}
}

static void
end_feed_field(struct feed_parser *p, struct frame *f, const char *text,
    size_t len)
{
	if (end_field(&feed_rules[f->el], &p->doc->meta, f, text, len))
		end_feed_own(p, f, text, len);
}

/*
 * The element ends; text is what it captured (len bytes, borrowed), or
 * NULL.
 */
void
feed_elements_end(struct feed_parser *p, struct frame *f, const char *text,
    size_t len)
{
	struct frame	*parent = feed_parser_parent(p, 1);
	enum ctx	 ctx = context_of(parent);
	char		*dec = NULL;

	if (f->cap == CAP_BASE64 && text != NULL) {
		if ((text = dec = base64_decode(text)) == NULL)
			feed_parser_error(p, "<%s> is not valid base64: left out",
			    local_of(f->el));
		else
			len = strlen(dec);	/* it ends at a decoded NUL */
	}
	switch (f->el) {
	case EL_ITEM: case EL_ENTRY:
		if (p->cur != NULL && f->aux != NULL && p->cur->guid == NULL)
			p->cur->guid = feed_doc_clean_text(f->aux,
			    strlen(f->aux), false);
		feed_elements_finish_item(p);
		break;
	case EL_ITUNES_IMAGE:
		if (f->aux != NULL) {
			set_first(&p->doc->meta.image, f->aux);
			f->aux = NULL;
		}
		break;
	case EL_NAME: case EL_EMAIL:
		if (parent != NULL && parent->el == EL_AUTHOR &&
		    parent->attr == 1 && text != NULL && !p->cur_dropped) {
			/* The author of an entry's atom:source. */
			if (f->el == EL_NAME)
				set_last(&p->source_author,
				    plain_of(f, text, len));
			else if (p->source_author == NULL)
				p->source_author = trimmed(text);
			break;
		}
		ctx = context_of(feed_parser_parent(p, 2));
		/* FALLTHROUGH */
	default:
		if (text == NULL)
			break;
		if (f->el == EL_URL)
			ctx = CTX_FEED;
		if (parent != NULL && parent->el == EL_MEDIA_GROUP)
			ctx = CTX_ITEM;
		if (f->el == EL_TITLE && !is_atom(p, f) &&
		    feed_html_looks_like_html(text))
			f->kind = TK_HTML;
		if (ctx == CTX_ITEM && p->cur != NULL)
			end_item_field(p, f, text, len);
		else if (ctx == CTX_FEED)
			end_feed_field(p, f, text, len);
		break;
	}
	free(dec);
}
