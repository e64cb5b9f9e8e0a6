/*
 * Unit tests for src/html/: the one escaper, the tag table that the feed
 * sanitiser, the renderer and the extractor share, and the serialiser
 * under a caller's policy.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <gumbo.h>

#include "html/html.h"
#include "util/buf.h"

static char *
escaped(const char *s, int flags)
{
	struct buf	b;

	buf_init(&b, 0);
	assert_int_equal(html_escape_add(&b, s, strlen(s), flags), 0);
	buf_add(&b, "", 0);
	return (buf_detach(&b));
}

static void
test_escape(void **state)
{
	char	*s;

	(void)state;
	s = escaped("a<b> & \"c\" 'd'", 0);
	assert_string_equal(s, "a&lt;b&gt; &amp; \"c\" 'd'");
	free(s);
	s = escaped("a<b> & \"c\"", HTML_ESCAPE_ATTR);
	assert_string_equal(s, "a&lt;b&gt; &amp; &quot;c&quot;");
	free(s);
	/* Already escaped text is escaped again: it is text, not markup. */
	s = escaped("&amp;", 0);
	assert_string_equal(s, "&amp;amp;");
	free(s);
	s = escaped("", 0);
	assert_string_equal(s, "");
	free(s);
}

static void
test_tags(void **state)
{
	static const struct {
		const char	*name;
		int		 flags;
	} t[] = {
		/* The void elements of the HTML standard, all of them. */
		{ "area", HTML_TAG_VOID }, { "base", HTML_TAG_VOID },
		{ "br", HTML_TAG_VOID }, { "col", HTML_TAG_VOID },
		{ "embed", HTML_TAG_VOID }, { "hr", HTML_TAG_VOID },
		{ "img", HTML_TAG_VOID }, { "input", HTML_TAG_VOID },
		{ "link", HTML_TAG_VOID }, { "meta", HTML_TAG_VOID },
		{ "source", HTML_TAG_VOID }, { "track", HTML_TAG_VOID },
		{ "wbr", HTML_TAG_VOID },
		{ "p", HTML_TAG_BLOCK }, { "div", HTML_TAG_BLOCK },
		{ "blockquote", HTML_TAG_BLOCK },
		{ "h1", HTML_TAG_HEADING | HTML_TAG_BLOCK },
		{ "h6", HTML_TAG_HEADING | HTML_TAG_BLOCK },
		{ "ul", HTML_TAG_LIST | HTML_TAG_BLOCK },
		{ "ol", HTML_TAG_LIST | HTML_TAG_BLOCK },
		{ "pre", HTML_TAG_PRE | HTML_TAG_BLOCK },
		{ "span", 0 }, { "a", 0 }, { "em", 0 },
	};
	size_t	i;
	int	f;

	(void)state;
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		f = html_tags_name_flags(t[i].name);
		/* The flags named must be there; void never goes with
		 * block, and a plain inline element has none. */
		if (t[i].flags == 0)
			assert_int_equal(f, 0);
		else
			assert_int_equal(f & t[i].flags, t[i].flags);
		if (f & HTML_TAG_VOID)
			assert_false(f & (HTML_TAG_HEADING | HTML_TAG_LIST));
		assert_int_equal(html_tags_flags(gumbo_tag_enum(t[i].name)),
		    f);
	}
	/* XHTML in a feed is case-sensitive: BR is no br. */
	assert_int_equal(html_tags_name_flags("BR"), 0);
	assert_int_equal(html_tags_name_flags("no-such-element"), 0);
	assert_int_equal(html_tags_flags(GUMBO_TAG_UNKNOWN), 0);
	assert_int_equal(html_tags_flags(GUMBO_TAG_LAST), 0);
	assert_int_equal(html_tags_flags((GumboTag)-1), 0);
}

/* A policy: scripts out, <font> only its content, <b> written as
 * <strong>, void elements alone, lists cut to their first item. */
static int
policy_element(void *arg, const GumboNode *n, const char **name,
    size_t *nkids)
{
	GumboTag	t = n->v.element.tag;

	(void)arg;
	if (t == GUMBO_TAG_SCRIPT)
		return (HTML_SERIALISE_SKIP);
	if (t == GUMBO_TAG_FONT || t == GUMBO_TAG_HTML ||
	    t == GUMBO_TAG_HEAD || t == GUMBO_TAG_BODY)
		return (HTML_SERIALISE_CONTENT);
	if (t == GUMBO_TAG_B)
		*name = "strong";
	if (t == GUMBO_TAG_UL && *nkids > 1)
		*nkids = 1;
	if (html_tags_flags(t) & HTML_TAG_VOID)
		return (HTML_SERIALISE_VOID);
	return (HTML_SERIALISE_ELEMENT);
}

static void
policy_attrs(void *arg, struct buf *b, const GumboNode *n)
{
	const GumboAttribute	*a;

	(void)arg;
	if ((a = gumbo_get_attribute(&n->v.element.attributes,
	    "title")) != NULL)
		html_serialise_attr(b, "title", a->value);
}

static char *
serialised(const char *html, int max_depth)
{
	struct html_serialise	 s = { policy_element, policy_attrs,
	    max_depth, NULL };
	struct buf		 b;
	GumboOutput		*out;

	out = gumbo_parse(html);
	buf_init(&b, 0);
	html_serialise_node(&b, out->root, &s);
	buf_add(&b, "", 0);
	gumbo_destroy_output(&kGumboDefaultOptions, out);
	return (buf_detach(&b));
}

static void
test_serialise(void **state)
{
	char	*s;

	(void)state;
	s = serialised("<p title='a \"q\" &amp; b' onclick=x>1 &lt; 2"
	    "<script>evil()</script><br><font>f</font><b>bold</b></p>", 0);
	assert_string_equal(s, "<p title=\"a &quot;q&quot; &amp; b\">1 "
	    "&lt; 2<br>f<strong>bold</strong></p>");
	free(s);
	s = serialised("<ul><li>one</li><li>two</li></ul>", 0);
	assert_string_equal(s, "<ul><li>one</li></ul>");
	free(s);
	/* An element gumbo does not know keeps the name it was given. */
	s = serialised("<my-Card>x</my-Card>", 0);
	assert_string_equal(s, "<my-card>x</my-card>");
	free(s);
	/* Past max_depth, elements are left out (html, body count). */
	s = serialised("<div><div><div>deep</div></div>top</div>", 3);
	assert_string_equal(s, "<div><div></div>top</div>");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_tags),
		cmocka_unit_test(test_serialise),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
