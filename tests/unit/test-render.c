/* Unit tests for src/render: HTML in, wrapped text out (tables of cases). */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "render/render.h"
#include "util/url.h"

#define LL	RENDER_WRAP_LINKLIST
#define PL	RENDER_WRAP_PLAIN

static const struct {
	const char	*name;
	const char	*html;
	int		 width;
	int		 flags;
	const char	*out;
} wrap_cases[] = {
	{ "paragraphs", "<p>One.</p><p>Two.</p>", 40, 0,
	  "One.\n\nTwo.\n" },
	{ "whitespace collapsed", "<p>  a \n\t b  <b> c </b>d </p>", 40, 0,
	  "a b c d\n" },
	{ "entities decoded", "<p>caf&eacute; &amp; &lt;tag&gt; &#8220;q&#8221;"
	  "&nbsp;x</p>", 40, 0,
	  "caf\xc3\xa9 & <tag> \xe2\x80\x9cq\xe2\x80\x9d\xc2\xa0x\n" },
	{ "wrap at width", "<p>the quick brown fox jumps over the lazy dog</p>",
	  10, 0, "the quick\nbrown fox\njumps over\nthe lazy\ndog\n" },
	{ "long word cut", "<p>abcdefghijkl mn</p>", 5, 0,
	  "abcde\nfghij\nkl mn\n" },
	{ "no width: no wrap", "<p>the quick brown fox</p>", 0, 0,
	  "the quick brown fox\n" },
	{ "cjk two columns", "<p>\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae"
	  "\xe6\x96\x87</p>", 6, 0,
	  "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\n\xe3\x81\xae\xe6\x96\x87\n" },
	{ "emoji two columns", "<p>ab \xf0\x9f\x98\x80\xf0\x9f\x98\x80 cd</p>",
	  4, 0, "ab\n\xf0\x9f\x98\x80\xf0\x9f\x98\x80\ncd\n" },
	{ "combining marks zero width", "<p>e\xcc\x81" "e\xcc\x81" "e\xcc\x81 xy</p>",
	  6, 0, "e\xcc\x81" "e\xcc\x81" "e\xcc\x81 xy\n" },
	{ "headings", "<h1>Title</h1><p>Body text.</p><h2>Sub</h2><p>More.</p>",
	  40, 0, "Title\n\nBody text.\n\nSub\n\nMore.\n" },
	{ "unordered list", "<p>Intro</p><ul><li>one</li><li>two</li></ul>"
	  "<p>After</p>", 40, 0, "Intro\n\n* one\n* two\n\nAfter\n" },
	{ "ordered list with start", "<ol start=\"3\"><li>c</li><li>d</li></ol>",
	  40, 0, "3. c\n4. d\n" },
	{ "nested lists", "<ul><li>a<ul><li>a1</li><li>a2<ol><li>x</li></ol>"
	  "</li></ul></li><li>b</li></ul>", 40, 0,
	  "* a\n  - a1\n  - a2\n    1. x\n* b\n" },
	{ "list item wraps under its text", "<ul><li>one two three four</li>"
	  "</ul>", 10, 0, "* one two\n  three\n  four\n" },
	{ "ten items align", "<ol start=9><li>nine</li><li>ten ten</li></ol>",
	  8, 0, "9. nine\n10. ten\n    ten\n" },
	{ "blockquote", "<p>He said:</p><blockquote><p>First.</p><p>Second "
	  "line here.</p></blockquote><p>End.</p>", 12, 0,
	  "He said:\n\n> First.\n>\n> Second\n> line here.\n\nEnd.\n" },
	{ "nested blockquote", "<blockquote>a<blockquote>b</blockquote>"
	  "</blockquote>", 40, 0, "> a\n>\n> > b\n" },
	{ "pre verbatim", "<p>Code:</p><pre>  if (x)\n\ty = 1;\n</pre><p>ok</p>",
	  40, 0, "Code:\n\n  if (x)\n        y = 1;\n\nok\n" },
	{ "pre cut at width", "<pre>0123456789</pre>", 4, 0,
	  "0123\n4567\n89\n" },
	{ "table", "<table><tr><th>Name</th><th>Age</th></tr>"
	  "<tr><td>Ann</td><td>31</td></tr><tr><td><p>Bob</p></td>"
	  "<td>4<br>5</td></tr></table>", 40, 0,
	  "Name | Age\nAnn | 31\nBob | 4 5\n" },
	{ "images", "<p>See <img src=a.png alt=\"a cat\"> and <img src=b.png>"
	  "<img src=t.gif width=1 height=1></p>", 40, 0,
	  "See [image: a cat] and [image]\n" },
	{ "links numbered and listed", "<p>Read <a href=\"x\">this</a> and "
	  "<a href=\"http://b.example/\">that</a>, <a href=\"x\">again</a>"
	  ".</p>", 60, LL,
	  "Read this[1] and that[2], again[1].\n\nLinks:\n"
	  "[1]: http://a.example/dir/x\n[2]: http://b.example/\n" },
	{ "useless links unnumbered", "<p><a href=\"#top\">top</a> "
	  "<a href=\"javascript:void(0)\">js</a> <a href=\"/e\"></a>end</p>",
	  40, LL, "top js end\n" },
	{ "br breaks", "<p>line one<br>line two<br/>  three</p>", 40, 0,
	  "line one\nline two\nthree\n" },
	{ "scripts and styles hidden", "<style>p{}</style><p>a<script>x()"
	  "</script>b</p><div hidden>no</div><div style=\"display:none\">no"
	  "</div><span aria-hidden=true>no</span>", 40, 0, "ab\n" },
	{ "hr", "<p>a</p><hr><p>b</p>", 5, 0, "a\n\n-----\n\nb\n" },
	{ "divs are lines", "<div>a</div><div>b</div>", 40, 0, "a\nb\n" },
	{ "plain: divs are paragraphs", "<div>a</div><div>b</div>", 0, PL,
	  "a\n\nb\n" },
	{ "plain: no markers", "<p>Read <a href=\"/x\">this</a> <img alt=i "
	  "src=i.png> now.</p><p><img src=a.png alt=solo></p><p>End</p>", 0,
	  PL | LL, "Read this now.\n\nEnd\n" },
	{ "dl", "<dl><dt>Term</dt><dd>Meaning of it</dd></dl>", 40, 0,
	  "Term\n    Meaning of it\n" },
	{ "q", "<p>He said <q>hi</q>.</p>", 40, 0, "He said \"hi\".\n" },
	{ "empty", "", 40, 0, "" },
};

static void
test_wrap_table(void **state)
{
	struct render_doc	*doc;
	struct render_lines	*rl;
	char			*got, *cause = NULL;
	size_t			 i;
	int			 bad = 0;

	(void)state;
	for (i = 0; i < sizeof wrap_cases / sizeof wrap_cases[0]; i++) {
		if (render_doc_new(wrap_cases[i].html,
		    strlen(wrap_cases[i].html), "http://a.example/dir/page",
		    NULL, &doc, &cause) != 0)
			fail_msg("%s: %s", wrap_cases[i].name, cause);
		rl = render_wrap_doc(doc, wrap_cases[i].width,
		    wrap_cases[i].flags);
		got = render_wrap_lines_join(rl);
		if (strcmp(got, wrap_cases[i].out) != 0) {
			print_error("case \"%s\":\n--- got\n%s--- want\n%s---\n",
			    wrap_cases[i].name, got, wrap_cases[i].out);
			bad++;
		}
		free(got);
		render_wrap_lines_free(rl);
		render_doc_free(doc);
	}
	assert_int_equal(bad, 0);
}

/* Nothing hostile reaches the output: no C0, DEL, C1 or escapes. */
static void
test_no_controls(void **state)
{
	static const char	*inputs[] = {
		"<p>a\033[31mred\033[0m\x07 b&#27;c&#x9b;d&#x85;e\r\nf</p>",
		"<pre>\033]0;title\007x\x01\ty</pre>",
		"<img alt=\"\033[2Jx\x08\"><a href=\"\x1b[1mu\">l</a>",
		"<table><tr><td>\x1b</td><td>\x9b</td></tr></table>",
		"<p><![CDATA[\x1b[5m]]>\xc2\x9b" "1m</p>",
	};
	struct render_doc	*doc;
	struct render_lines	*rl;
	const unsigned char	*p;
	char			*got, *cause = NULL;
	size_t			 i, j;

	(void)state;
	for (i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
		assert_int_equal(render_doc_new(inputs[i], strlen(inputs[i]),
		    NULL, NULL, &doc, &cause), 0);
		rl = render_wrap_doc(doc, 30, RENDER_WRAP_LINKLIST);
		got = render_wrap_lines_join(rl);
		for (p = (const unsigned char *)got; *p != '\0'; p++) {
			if ((*p < 0x20 && *p != '\n') || *p == 0x7f ||
			    (p[0] == 0xc2 && p[1] >= 0x80 && p[1] < 0xa0))
				fail_msg("input %zu: control 0x%02x in \"%s\"",
				    i, *p, got);
		}
		for (j = 0; j < render_doc_nlinks(doc); j++)
			assert_null(strchr(render_doc_link(doc, j)->url, 0x1b));
		free(got);
		render_wrap_lines_free(rl);
		render_doc_free(doc);
	}
}

/* RFC 3986 section 5.4 examples. */
static const struct {
	const char	*ref;
	const char	*out;
} url_cases[] = {
	{ "g:h", "g:h" }, { "g", "http://a/b/c/g" }, { "./g", "http://a/b/c/g" },
	{ "g/", "http://a/b/c/g/" }, { "/g", "http://a/g" },
	{ "//g", "http://g" }, { "?y", "http://a/b/c/d;p?y" },
	{ "g?y", "http://a/b/c/g?y" }, { "#s", "http://a/b/c/d;p?q#s" },
	{ "g#s", "http://a/b/c/g#s" }, { ";x", "http://a/b/c/;x" },
	{ "", "http://a/b/c/d;p?q" }, { ".", "http://a/b/c/" },
	{ "./", "http://a/b/c/" }, { "..", "http://a/b/" },
	{ "../", "http://a/b/" }, { "../g", "http://a/b/g" },
	{ "../..", "http://a/" }, { "../../g", "http://a/g" },
	{ "../../../g", "http://a/g" }, { "/./g", "http://a/g" },
	{ "/../g", "http://a/g" }, { "g.", "http://a/b/c/g." },
	{ "..g", "http://a/b/c/..g" }, { "./../g", "http://a/b/g" },
	{ "./g/.", "http://a/b/c/g/" }, { "g/./h", "http://a/b/c/g/h" },
	{ "g/../h", "http://a/b/c/h" }, { "g;x=1/./y", "http://a/b/c/g;x=1/y" },
	{ "g;x=1/../y", "http://a/b/c/y" },
};

static void
test_url_resolve(void **state)
{
	size_t	 i;
	char	*s;

	(void)state;
	for (i = 0; i < sizeof url_cases / sizeof url_cases[0]; i++) {
		s = url_resolve("http://a/b/c/d;p?q", url_cases[i].ref);
		if (strcmp(s, url_cases[i].out) != 0)
			fail_msg("\"%s\": got %s want %s", url_cases[i].ref, s,
			    url_cases[i].out);
		free(s);
	}
	s = url_resolve("examples/feed.xml", "article.html");
	assert_string_equal(s, "examples/article.html");
	free(s);
	s = url_resolve(NULL, "x");
	assert_string_equal(s, "x");
	free(s);
}

/* extract_article(): metadata from JSON-LD first, links made absolute. */
static void
test_extract_api(void **state)
{
	static const char	*page =
	    "<html><head><title>Wrong | Site</title>"
	    "<meta property=\"og:title\" content=\"Also wrong\">"
	    "<meta property=\"article:published_time\" content=\"2020-01-01\">"
	    "<script type=\"application/ld+json\">[{\"@type\":\"WebPage\"},"
	    "{\"@type\":\"NewsArticle\",\"headline\":\"The \\u201cright\\u201d "
	    "one\",\"author\":{\"name\":\"A. Writer\"},"
	    "\"datePublished\":\"2024-05-06T07:08:09Z\"}]</script></head>"
	    "<body><nav><a href=/>Home</a></nav><article><h1>The right one</h1>"
	    "<p>First paragraph, long enough to count as prose in an article "
	    "body, with a <a href=\"../more.html\">link</a> inside.</p>"
	    "<p>Second paragraph, also long enough, because the extractor "
	    "wants a few hundred characters before it believes a page.</p>"
	    "<p>Third paragraph: sentences, commas, and the rest of what makes "
	    "text look like text, rather than a menu or a list of links.</p>"
	    "</article></body></html>";
	struct render_article	*a;
	char			*cause = NULL;

	(void)state;
	if (extract_article(page, strlen(page), "http://x.example/a/b.html",
	    &a, &cause) != 0)
		fail_msg("declined: %s", cause);
	assert_string_equal(a->title,
	    "The \xe2\x80\x9cright\xe2\x80\x9d one");
	assert_string_equal(a->author, "A. Writer");
	assert_string_equal(a->published, "2024-05-06T07:08:09Z");
	assert_non_null(strstr(a->html,
	    "href=\"http://x.example/more.html\""));
	assert_null(strstr(a->html, "Home"));
	assert_null(strstr(a->html, "<h1>"));
	assert_true(strncmp(a->text, "The \xe2\x80\x9cright\xe2\x80\x9d one"
	    "\n\nFirst paragraph, long", 40) == 0);
	extract_article_free(a);
	/* Not HTML at all, or nothing in it: declined with a cause. */
	assert_int_equal(extract_article("", 0, NULL, &a, &cause), -1);
	assert_null(a);
	assert_non_null(cause);
	free(cause);
}

/* extract_page_article(): the page as fetched, in its charset. */
static void
test_extract_page(void **state)
{
	static const char	*body =
	    "<article><h1>Caf\xe9 news</h1>"
	    "<p>First paragraph, long enough to count as prose in an article "
	    "body, \x93quoted\x94 in windows-1252 by the server.</p>"
	    "<p>Second paragraph, also long enough, because the extractor "
	    "wants a few hundred characters before it believes a page.</p>"
	    "<p>Third paragraph: sentences, commas, and the rest of what makes "
	    "text look like text, rather than a menu or a list of links.</p>"
	    "</article>";
	struct render_article	*a;
	char			*cause = NULL, *page;

	(void)state;
	/* The Content-Type's charset (Latin-1 read as windows-1252). */
	if (extract_page_article(body, strlen(body), "ISO-8859-1",
	    "http://x.example/", &a, &cause) != 0)
		fail_msg("declined: %s", cause);
	assert_non_null(strstr(a->text, "Caf\xc3\xa9 news"));
	assert_non_null(strstr(a->text, "\xe2\x80\x9cquoted\xe2\x80\x9d"));
	extract_article_free(a);
	/* A charset iconv does not know: read as UTF-8, not lost. */
	page = malloc(strlen(body) + 64);
	strcpy(page, "<meta charset=\"utf8mb4\">");
	strcat(page, "<article><h1>Plain</h1>");
	strcat(page, strstr(body, "<p>"));
	if (extract_page_article(page, strlen(page), NULL, NULL, &a,
	    &cause) != 0)
		fail_msg("declined: %s", cause);
	assert_non_null(strstr(a->text, "Second paragraph"));
	extract_article_free(a);
	free(page);
	/* Not HTML: a clear cause. */
	assert_int_equal(extract_page_article("{\"json\": 1}", 11, NULL, NULL,
	    &a, &cause), -1);
	assert_string_equal(cause, "not an HTML page");
	free(cause);
}

static void
test_charset(void **state)
{
	static const struct {
		const char	*html;
		const char	*cs;
	} cases[] = {
		{ "<meta charset=\"ISO-8859-1\">", "ISO-8859-1" },
		{ "<META CHARSET=utf-8>", "utf-8" },
		{ "<meta http-equiv=\"Content-Type\" content=\"text/html; "
		  "charset=windows-1251\">", "windows-1251" },
		{ "\xef\xbb\xbf<p>bom</p>", "UTF-8" },
		{ "<p>charset=koi8-r is text, not a meta</p>", NULL },
	};
	size_t	 i, len;
	char	*cs, *cause = NULL, *u;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cs = render_charset_html(cases[i].html, strlen(cases[i].html));
		if (cases[i].cs == NULL)
			assert_null(cs);
		else
			assert_string_equal(cs, cases[i].cs);
		free(cs);
	}
	/* Latin-1 is read as windows-1252: 0x93 is a curly quote. */
	u = render_charset_to_utf8("caf\xe9 \x93q\x94", 8, "iso-8859-1", &len, &cause);
	assert_string_equal(u, "caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d");
	free(u);
	assert_null(render_charset_to_utf8("x", 1, "no-such-charset", &len, &cause));
	assert_non_null(cause);
	free(cause);
}

/* Headings are bold lines; links carry spans; resize re-wraps the same doc. */
static void
test_attrs_and_rewrap(void **state)
{
	struct render_doc	*doc;
	struct render_lines	*rl;
	const char		*html = "<h2>Head</h2><p>x <b>bold</b> "
	    "<a href=\"u\">link</a></p>";
	char			*cause = NULL;
	size_t			 w;

	(void)state;
	assert_int_equal(render_doc_new(html, strlen(html), NULL, NULL, &doc,
	    &cause), 0);
	rl = render_wrap_doc(doc, 40, 0);
	assert_int_equal(rl->nlines, 3);
	assert_true(rl->lines[0].attr & RENDER_ATTR_HEADING);
	assert_true(rl->lines[0].attr & RENDER_ATTR_BOLD);
	assert_string_equal(rl->lines[2].text, "x bold link[1]");
	assert_int_equal(rl->lines[2].nspans, 3);
	assert_int_equal(rl->lines[2].spans[0].off, 2);
	assert_int_equal(rl->lines[2].spans[0].len, 4);
	assert_int_equal(rl->lines[2].spans[0].attr, RENDER_ATTR_BOLD);
	assert_int_equal(rl->lines[2].spans[1].off, 7);
	assert_int_equal(rl->lines[2].spans[1].attr, RENDER_ATTR_LINK);
	assert_int_equal(rl->lines[2].spans[2].off, 11);
	assert_int_equal(rl->lines[2].spans[2].len, 3);
	render_wrap_lines_free(rl);
	assert_int_equal(render_doc_nlinks(doc), 1);
	assert_string_equal(render_doc_link(doc, 0)->url, "u");
	assert_string_equal(render_doc_link(doc, 0)->text, "link");
	assert_null(render_doc_link(doc, 1));
	/* Narrower: every line fits. */
	for (w = 3; w < 12; w++) {
		size_t	i;

		rl = render_wrap_doc(doc, (int)w, RENDER_WRAP_LINKLIST);
		for (i = 0; i < rl->nlines; i++)
			assert_true(render_wrap_text_width(rl->lines[i].text,
			    strlen(rl->lines[i].text)) <= w);
		render_wrap_lines_free(rl);
	}
	render_doc_free(doc);
}

/* Ceilings are reported (an error, or a note), never silent cuts. */
static void
test_limits(void **state)
{
	struct render_limits	 lim = { 10, 1, 0 };
	struct render_doc	*doc;
	struct render_lines	*rl;
	char			*cause = NULL, *got;
	const char		*big = "<p>0123456789abc</p>";
	const char		*links = "<a href=a>a</a><a href=b>b</a>";

	(void)state;
	assert_int_equal(render_doc_new(big, strlen(big), NULL, &lim, &doc,
	    &cause), -1);
	assert_non_null(cause);
	free(cause);
	cause = NULL;
	lim.max_text = 0;
	assert_int_equal(render_doc_new(links, strlen(links), NULL, &lim, &doc,
	    &cause), 0);
	assert_int_equal(render_doc_nlinks(doc), 1);
	rl = render_wrap_doc(doc, 80, RENDER_WRAP_LINKLIST);
	got = render_wrap_lines_join(rl);
	assert_string_equal(got, "a[1]b\n\nLinks:\n[1]: a\n"
	    "(links past the limit of 1, with no number: 1)\n");
	free(got);
	render_wrap_lines_free(rl);
	render_doc_free(doc);
}

/*
 * A page with NUL bytes: all len bytes come back (fuzz-extract found the
 * copy cut at the first NUL while *outlen said len, and gumbo read past
 * the end).
 */
static void
test_to_utf8_nul(void **state)
{
	static const char	 page[] = "<p>a\0b</p>\0\0<p>c</p>";
	const char		*cs[] = { NULL, "utf-8", "iso-8859-1" };
	char			*out, *cause = NULL;
	size_t			 i, len;

	(void)state;
	for (i = 0; i < sizeof cs / sizeof cs[0]; i++) {
		out = render_charset_to_utf8(page, sizeof page - 1, cs[i], &len,
		    &cause);
		assert_non_null(out);
		assert_int_equal(len, sizeof page - 1);
		assert_memory_equal(out, page, len);
		assert_int_equal(out[len], '\0');
		free(out);
	}
}

/*
 * A line break inside a link stays out of the link list's text (fuzz-render
 * found "one\ntwo"; render.h promises no control characters).
 */
static void
test_link_text_one_line(void **state)
{
	const char		*html[] = {
		"<p><a href=\"x\">one<br>two</a></p>",
		"<pre><a href=\"x\">one\ntwo</a></pre>",
	};
	struct render_doc	*doc;
	char			*cause = NULL;
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof html / sizeof html[0]; i++) {
		assert_int_equal(render_doc_new(html[i], strlen(html[i]),
		    "http://a.example/", NULL, &doc, &cause), 0);
		assert_int_equal(render_doc_nlinks(doc), 1);
		assert_string_equal(render_doc_link(doc, 0)->text, "one two");
		render_doc_free(doc);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wrap_table),
		cmocka_unit_test(test_attrs_and_rewrap),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_no_controls),
		cmocka_unit_test(test_url_resolve),
		cmocka_unit_test(test_extract_api),
		cmocka_unit_test(test_extract_page),
		cmocka_unit_test(test_charset),
		cmocka_unit_test(test_to_utf8_nul),
		cmocka_unit_test(test_link_text_one_line),
	};

	/* wcwidth needs a UTF-8 locale. */
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		setlocale(LC_CTYPE, "en_US.UTF-8");
	return (cmocka_run_group_tests(tests, NULL, NULL));
}
