/*
 * HTML inside feeds, through gumbo (a real HTML5 parser): the plain text
 * of an HTML title, and summaries and content with dangerous elements
 * removed (DESIGN.md: script, style, iframe, object, embed, applet, frame,
 * meta, link and blink). Both take a fast path when the text cannot hold
 * anything to change, so that ordinary feeds never pay for a parse.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <gumbo.h>

#include "feed/feed-int.h"
#include "html/html.h"
#include "util/url.h"
#include "util/xmalloc.h"

/*
 * What the feed's HTML goes through, by tag: the sanitiser's policy, and
 * where a title's plain text breaks its lines. An iframe's or object's
 * fallback text is harmless text (as feedparser keeps it), so those are
 * unwrapped rather than dropped. The lines break at a fixed set of
 * elements and at <br>, narrower than html/'s blocks: titles are stored,
 * and widening it would change them.
 */
#define FH_DROP		0x1	/* removed with everything inside */
#define FH_UNWRAP	0x2	/* its tags go, its content stays */
#define FH_NEWLINE	0x4	/* a title's text breaks a line after it */

static const unsigned char fh_tags[GUMBO_TAG_LAST + 1] = {
	[GUMBO_TAG_SCRIPT] = FH_DROP, [GUMBO_TAG_STYLE] = FH_DROP,
	[GUMBO_TAG_APPLET] = FH_DROP, [GUMBO_TAG_EMBED] = FH_DROP,
	[GUMBO_TAG_FRAME] = FH_DROP, [GUMBO_TAG_META] = FH_DROP,
	[GUMBO_TAG_LINK] = FH_DROP, [GUMBO_TAG_BASE] = FH_DROP,
	[GUMBO_TAG_HEAD] = FH_DROP, [GUMBO_TAG_TITLE] = FH_DROP,

	[GUMBO_TAG_BLINK] = FH_UNWRAP, [GUMBO_TAG_HTML] = FH_UNWRAP,
	[GUMBO_TAG_BODY] = FH_UNWRAP, [GUMBO_TAG_IFRAME] = FH_UNWRAP,
	[GUMBO_TAG_OBJECT] = FH_UNWRAP, [GUMBO_TAG_FRAMESET] = FH_UNWRAP,
	[GUMBO_TAG_NOFRAMES] = FH_UNWRAP,

	[GUMBO_TAG_P] = FH_NEWLINE, [GUMBO_TAG_DIV] = FH_NEWLINE,
	[GUMBO_TAG_BR] = FH_NEWLINE, [GUMBO_TAG_LI] = FH_NEWLINE,
	[GUMBO_TAG_TR] = FH_NEWLINE, [GUMBO_TAG_H1] = FH_NEWLINE,
	[GUMBO_TAG_H2] = FH_NEWLINE, [GUMBO_TAG_H3] = FH_NEWLINE,
	[GUMBO_TAG_H4] = FH_NEWLINE, [GUMBO_TAG_H5] = FH_NEWLINE,
	[GUMBO_TAG_H6] = FH_NEWLINE, [GUMBO_TAG_BLOCKQUOTE] = FH_NEWLINE,
	[GUMBO_TAG_PRE] = FH_NEWLINE, [GUMBO_TAG_UL] = FH_NEWLINE,
	[GUMBO_TAG_OL] = FH_NEWLINE, [GUMBO_TAG_TABLE] = FH_NEWLINE,
	[GUMBO_TAG_HR] = FH_NEWLINE,
};

/* Elements dropped with everything inside them. */
static bool
is_dropped(GumboTag t)
{
	return ((fh_tags[t] & FH_DROP) != 0);
}

/* Elements whose tags go but whose text stays. */
static bool
is_unwrapped(const GumboElement *e)
{
	if (fh_tags[e->tag] & FH_UNWRAP)
		return (true);
	/* gumbo knows no <blink>; its name is then only in the source. */
	return (e->tag == GUMBO_TAG_UNKNOWN && e->original_tag.length >= 6 &&
	    strncasecmp(e->original_tag.data + 1, "blink", 5) == 0);
}

static bool
is_newline(GumboTag t)
{
	return ((fh_tags[t] & FH_NEWLINE) != 0);
}

static GumboOutput *
parse_fragment(const char *s, size_t len)
{
	GumboOptions	opts = kGumboDefaultOptions;

	opts.fragment_context = GUMBO_TAG_DIV;
	opts.fragment_namespace = GUMBO_NAMESPACE_HTML;
	opts.max_errors = 0;
	return (gumbo_parse_with_options(&opts, s, len));
}

/*
 * Feeds write <iframe .../> and <object .../> as XML. To an HTML parser
 * those open an element that swallows the rest of the text, so close such
 * tags explicitly first.
 */
static char *
close_selfclosing(const char *s, size_t len, size_t *outlen)
{
	static const char *const names[] = { "iframe", "object", "applet",
	    "script", "style", "noframes", "title", "frameset" };
	struct buf	 b;
	const char	*p = s, *end = s + len, *lt, *gt;
	size_t		 i, n;

	buf_init(&b, 0);
	buf_add(&b, "", 0);
	while ((lt = memchr(p, '<', (size_t)(end - p))) != NULL &&
	    (gt = memchr(lt, '>', (size_t)(end - lt))) != NULL) {
		buf_add(&b, p, (size_t)(gt + 1 - p));
		p = gt + 1;
		if (gt[-1] != '/')
			continue;
		for (i = 0; i < sizeof names / sizeof names[0]; i++) {
			n = strlen(names[i]);
			if ((size_t)(gt - lt) > n &&
			    strncasecmp(lt + 1, names[i], n) == 0 &&
			    !isalnum((unsigned char)lt[1 + n])) {
				buf_printf(&b, "</%s>", names[i]);
				break;
			}
		}
	}
	buf_add(&b, p, (size_t)(end - p));
	*outlen = b.len;
	return (buf_detach(&b));
}

static void
text_walk(const GumboNode *n, struct buf *b)
{
	const GumboVector	*kids;
	size_t			 i;

	switch (n->type) {
	case GUMBO_NODE_TEXT: case GUMBO_NODE_CDATA: case GUMBO_NODE_WHITESPACE:
		buf_adds(b, n->v.text.text);
		return;
	case GUMBO_NODE_ELEMENT: case GUMBO_NODE_TEMPLATE:
		if (is_dropped(n->v.element.tag))
			return;
		kids = &n->v.element.children;
		for (i = 0; i < kids->length; i++)
			text_walk(kids->data[i], b);
		if (is_newline(n->v.element.tag))
			buf_addc(b, '\n');
		return;
	case GUMBO_NODE_DOCUMENT:
		kids = &n->v.document.children;
		for (i = 0; i < kids->length; i++)
			text_walk(kids->data[i], b);
		return;
	default:
		return;
	}
}

char *
feed_html_to_text(const char *s, size_t len)
{
	GumboOutput	*out;
	struct buf	 b;

	char		*fixed;
	size_t		 flen;

	if (memchr(s, '<', len) == NULL && memchr(s, '&', len) == NULL)
		return (xstrndup(s, len));
	fixed = close_selfclosing(s, len, &flen);
	out = parse_fragment(fixed, flen);
	buf_init(&b, 0);
	buf_add(&b, "", 0);
	text_walk(out->root, &b);
	gumbo_destroy_output(&kGumboDefaultOptions, out);
	free(fixed);
	return (buf_detach(&b));
}

char *
feed_html_escape(const char *s, size_t len)
{
	struct buf	 b;

	buf_init(&b, 0);
	buf_add(&b, "", 0);
	/* Stop at a NUL, as the old NUL-terminated escaper did. */
	html_escape_add(&b, s, strnlen(s, len), 0);
	return (buf_detach(&b));
}

/*
 * Elements written without an end tag. base, embed, link and meta are void
 * in HTML too but have always been written with one here; they are kept
 * so, as changing that would change stored content.
 */
static bool
is_void(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_BASE: case GUMBO_TAG_EMBED: case GUMBO_TAG_LINK:
	case GUMBO_TAG_META:
		return (false);
	default:
		return ((html_tags_flags(t) & HTML_TAG_VOID) != 0);
	}
}

/* Attributes that run script: on* handlers and javascript: URLs. */
static bool
is_unsafe_attr(const GumboAttribute *a)
{
	const char	*v = a->value;

	if (strncasecmp(a->name, "on", 2) == 0)
		return (true);
	while (isspace((unsigned char)*v))
		v++;
	return (strncasecmp(v, "javascript:", 11) == 0 ||
	    strncasecmp(v, "vbscript:", 9) == 0);
}

/* Attributes that hold a URL, resolved against an xml:base. */
static bool
is_uri_attr(const char *name, size_t n)
{
	static const char *const names[] = { "href", "src", "cite",
	    "poster", "background", "longdesc", "usemap", "action",
	    "codebase", "data" };
	size_t	i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strlen(names[i]) == n && strncasecmp(name, names[i], n) == 0)
			return (true);
	return (false);
}

/* Whether a URL attribute's value is relative (and not empty). */
static bool
is_relative(const char *v)
{
	while (isspace((unsigned char)*v))
		v++;
	return (*v != '\0' && *v != '"' && *v != '\'' && !url_has_scheme(v));
}

/* The sanitiser's policy for the serialiser: which elements stay. */
static int
sanitize_element(void *arg, const GumboNode *n, const char **name,
    size_t *nkids)
{
	const GumboElement	*e = &n->v.element;

	(void)arg;
	(void)name;
	(void)nkids;
	if (is_dropped(e->tag))
		return (HTML_SERIALISE_SKIP);
	if (is_unwrapped(e))
		return (HTML_SERIALISE_CONTENT);
	return (is_void(e->tag) ? HTML_SERIALISE_VOID :
	    HTML_SERIALISE_ELEMENT);
}

/* Every attribute but the unsafe, URLs resolved against the base (arg). */
static void
sanitize_attrs(void *arg, struct buf *b, const GumboNode *n)
{
	const GumboElement	*e = &n->v.element;
	const GumboAttribute	*a;
	const char		*base = arg;
	char			*u;
	size_t			 i;

	for (i = 0; i < e->attributes.length; i++) {
		a = e->attributes.data[i];
		if (is_unsafe_attr(a))
			continue;
		if (base != NULL && is_uri_attr(a->name, strlen(a->name)) &&
		    is_relative(a->value)) {
			u = url_resolve(base, a->value);
			html_serialise_attr(b, a->name, u);
			free(u);
		} else
			html_serialise_attr(b, a->name, a->value);
	}
}

/*
 * Whether the n bytes at name are a tag that feed_html_sanitize drops: the
 * names of each length, back to back.
 */
static bool
is_bad_name(const char *name, size_t n)
{
	static const char *const by_len[] = {
		[4] = "metalinkbasehead",
		[5] = "styleembedframeblinktitle",
		[6] = "scriptiframeobjectapplet",
		[8] = "framesetnoframes",
	};
	const char	*c;

	if (n >= sizeof by_len / sizeof by_len[0] || by_len[n] == NULL)
		return (false);
	for (c = by_len[n]; *c != '\0'; c += n)
		if (memcmp(name, c, n) == 0)
			return (true);
	return (false);
}

/*
 * Whether s may hold an element or attribute that feed_html_sanitize drops:
 * a cheap scan, so that clean HTML (nearly all of it) is not parsed.
 * Inside a tag, a table skips the bytes that cannot start "on...",
 * "javascript:" or "vbscript:", or end the tag.
 */
static bool
needs_sanitizing(const char *s, size_t len)
{
	static const unsigned char stop[256] = {
		['o'] = 1, ['O'] = 1, ['j'] = 1, ['J'] = 1, ['v'] = 1,
		['V'] = 1, ['>'] = 1, ['<'] = 1, ['\0'] = 1
	};
	const char	*p = s, *end = s + len, *lt;
	char		 name[10];
	size_t		 n;

	while ((lt = memchr(p, '<', (size_t)(end - p))) != NULL) {
		p = lt + 1;
		if (p < end && *p == '/')
			p++;
		for (n = 0; p < end && n < sizeof name - 1 &&
		    isalpha((unsigned char)*p); n++, p++)
			name[n] = (char)tolower((unsigned char)*p);
		if (n > 0 && is_bad_name(name, n))
			return (true);
		/* An on* handler or a javascript: URL in this tag. */
		for (; p < end && *p != '>' && *p != '<'; p++) {
			/* The text is NUL-terminated: the table stops there. */
			while (!stop[(unsigned char)*p])
				p++;
			if (p >= end || *p == '>' || *p == '<')
				break;
			if ((p[0] == 'o' || p[0] == 'O') &&
			    (p[1] == 'n' || p[1] == 'N') && p > lt + 1 &&
			    (isspace((unsigned char)p[-1]) || p[-1] == '/'))
				return (true);
			if ((p[0] == 'j' || p[0] == 'J' || p[0] == 'v' ||
			    p[0] == 'V') && end - p > 9 &&
			    (strncasecmp(p, "javascript:", 11) == 0 ||
			    strncasecmp(p, "vbscript:", 9) == 0))
				return (true);
		}
	}
	return (false);
}

/*
 * Whether a tag in s has a URL attribute with a relative value: only
 * asked with an xml:base in effect, which few feeds have.
 */
static bool
has_relative_uri(const char *s, size_t len)
{
	const char	*p = s, *end = s + len, *lt, *eq, *name;

	while ((lt = memchr(p, '<', (size_t)(end - p))) != NULL) {
		for (p = lt + 1; p < end && *p != '>' && *p != '<'; p++) {
			if (*p != '=')
				continue;
			eq = p;
			for (name = eq; name > lt + 1 && isspace((unsigned char)
			    name[-1]); name--)
				;
			eq = name;
			while (name > lt + 1 && isalpha((unsigned char)name[-1]))
				name--;
			if (!is_uri_attr(name, (size_t)(eq - name)))
				continue;
			for (p++; p < end && isspace((unsigned char)*p); p++)
				;
			if (p < end && (*p == '"' || *p == '\''))
				p++;
			if (p < end && is_relative(p))
				return (true);
			p--;
		}
	}
	return (false);
}

char *
feed_html_sanitize(const char *s, size_t len, const char *base)
{
	GumboOutput		*out;
	struct buf		 b;
	const GumboNode		*root;
	struct html_serialise	 pol;
	char			*fixed;
	size_t			 i, flen;

	if (base != NULL && *base == '\0')
		base = NULL;
	if (!needs_sanitizing(s, len) && (base == NULL ||
	    !has_relative_uri(s, len)))
		return (NULL);
	fixed = close_selfclosing(s, len, &flen);
	out = parse_fragment(fixed, flen);
	buf_init(&b, 0);
	buf_add(&b, "", 0);
	memset(&pol, 0, sizeof pol);
	pol.element = sanitize_element;
	pol.attrs = sanitize_attrs;
	pol.arg = (void *)base;
	root = out->root;
	if (root->type == GUMBO_NODE_ELEMENT)
		for (i = 0; i < root->v.element.children.length; i++)
			html_serialise_node(&b,
			    root->v.element.children.data[i], &pol);
	gumbo_destroy_output(&kGumboDefaultOptions, out);
	free(fixed);
	return (buf_detach(&b));
}

/*
 * Whether an RSS title is HTML rather than text, as feedparser guesses:
 * it holds a closing tag or an entity or character reference.
 */
bool
feed_html_looks_like_html(const char *s)
{
	const char	*p;

	for (p = s; (p = strchr(p, '<')) != NULL; p++)
		if (p[1] == '/' && isalpha((unsigned char)p[2]) &&
		    strchr(p, '>') != NULL)
			return (true);
	for (p = s; (p = strchr(p, '&')) != NULL; p++) {
		const char *q = p + 1;

		if (*q == '#')
			q++;
		while (isalnum((unsigned char)*q))
			q++;
		if (*q == ';' && q > p + 1)
			return (true);
	}
	return (false);
}

/* For --version: the gumbo the program was built with. */
const char *
feed_html_gumbo_version(void)
{
	return (GUMBO_VERSION_STRING);
}
