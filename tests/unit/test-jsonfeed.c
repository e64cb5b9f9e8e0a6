/*
 * Unit tests for JSON Feed 1.0 and 1.1 (src/feed/feed-jsonfeed.c): a table
 * of documents and the fields expected of them, broken and foreign
 * documents, limits, and the same result whole or pushed in chunks.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "feed/feed.h"

#define BASE	"http://example.com/dir/feed.json"

struct jf_case {
	const char	*doc;
	enum feed_format format;
	const char	*feed_title;
	const char	*feed_link;
	const char	*feed_author;
	size_t		 nitems;
	/* The first item. */
	const char	*guid;
	const char	*link;
	const char	*title;
	const char	*author;
	const char	*content;
	enum feed_content_type content_type;
	const char	*summary;
	int64_t		 published;
	int64_t		 updated;
	const char	*category;	/* the last one */
	const char	*enc_url;
	const char	*enc_type;
	int64_t		 enc_length;
};

static const struct jf_case cases[] = {
	/* 1.0: the author object, inherited by the item. */
	{ "{\"version\": \"https://jsonfeed.org/version/1\","
	  " \"title\": \"One\", \"home_page_url\": \"http://h.example/\","
	  " \"author\": {\"name\": \"Carl\"},"
	  " \"items\": [{\"id\": \"a\", \"url\": \"/x\","
	  " \"content_text\": \"1 < 2 & 3\"}]}",
	  FEED_FORMAT_JSON10, "One", "http://h.example/", "Carl", 1,
	  "a", "http://example.com/x", NULL, "Carl", "1 &lt; 2 &amp; 3",
	  FEED_CONTENT_TEXT, NULL, FEED_TIME_NONE, FEED_TIME_NONE, NULL,
	  NULL, NULL, 0 },
	/* 1.1: the authors array; content_html sanitised; dates in UTC. */
	{ "\xef\xbb\xbf \n{\"version\": \"https://jsonfeed.org/version/1.1\","
	  " \"title\": \"Two\", \"feed_url\": \"http://f.example/f.json\","
	  " \"authors\": [{\"url\": \"x\"}, {\"name\": \"Ann\"}],"
	  " \"items\": [{\"id\": \"b\", \"url\": \"http://i.example/b\","
	  " \"title\": \"T\\u0007itle\","
	  " \"content_html\": \"<p>Hi<script>alert(1)</script></p>\","
	  " \"summary\": \"S <b>\","
	  " \"date_published\": \"2024-01-02T03:04:05+01:00\","
	  " \"date_modified\": \"2024-01-03T00:00:00Z\","
	  " \"tags\": [\"one\", 2, \"two\"],"
	  " \"attachments\": [{\"url\": \"http://i.example/a.mp3\","
	  " \"mime_type\": \"audio/mpeg\", \"size_in_bytes\": 1234}]}]}",
	  FEED_FORMAT_JSON11, "Two", "http://f.example/f.json", "Ann", 1,
	  "b", "http://i.example/b", "Title", "Ann", "<p>Hi</p>",
	  FEED_CONTENT_HTML, "S &lt;b&gt;", 1704161045, 1704240000, "two",
	  "http://i.example/a.mp3", "audio/mpeg", 1234 },
	/* external_url when there is no url; an item's own author wins. */
	{ "{\"version\": \"https://jsonfeed.org/version/1.1\","
	  " \"authors\": [{\"name\": \"Feed\"}],"
	  " \"items\": [{\"id\": 5, \"external_url\": \"http://e.example/\","
	  " \"authors\": [{\"name\": \"Own\"}]}, {\"id\": \"6\"}]}",
	  FEED_FORMAT_JSON11, NULL, NULL, "Feed", 2,
	  "5", "http://e.example/", NULL, "Own", NULL, FEED_CONTENT_NONE,
	  NULL, FEED_TIME_NONE, FEED_TIME_NONE, NULL, NULL, NULL, 0 },
};

static void
assert_str(const char *want, const char *got)
{
	if (want == NULL)
		assert_null(got);
	else {
		assert_non_null(got);
		assert_string_equal(want, got);
	}
}

static void
check_case(const struct jf_case *c, const struct feed_doc *d)
{
	const struct feed_item	*it;

	assert_int_equal(d->format, c->format);
	assert_int_equal(d->nerrors, 0);
	assert_str(c->feed_title, d->meta.title);
	assert_str(c->feed_link, d->meta.link);
	assert_str(c->feed_author, d->meta.author);
	assert_int_equal(d->nitems, c->nitems);
	it = &d->items[0];
	assert_str(c->guid, it->guid);
	assert_str(c->link, it->link);
	assert_str(c->title, it->title);
	assert_str(c->author, it->author);
	assert_str(c->content, it->content);
	assert_int_equal(it->content_type, c->content_type);
	assert_str(c->summary, it->summary);
	assert_true(it->published == c->published);
	assert_true(it->updated == c->updated);
	if (c->category != NULL) {
		assert_true(it->ncategories > 0);
		assert_string_equal(it->categories[it->ncategories - 1],
		    c->category);
	} else
		assert_int_equal(it->ncategories, 0);
	if (c->enc_url != NULL) {
		assert_int_equal(it->nenclosures, 1);
		assert_string_equal(it->enclosures[0].url, c->enc_url);
		assert_str(c->enc_type, it->enclosures[0].type);
		assert_true(it->enclosures[0].length == c->enc_length);
	} else
		assert_int_equal(it->nenclosures, 0);
	if (c->nitems > 1)	/* the feed's author is inherited */
		assert_str(c->feed_author, d->items[1].author);
}

static void
test_table(void **state)
{
	struct feed_doc		*d;
	struct feed_parser	*p;
	size_t			 i, k, len;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		len = strlen(cases[i].doc);
		d = feed_parser_parse_buffer(cases[i].doc, len, BASE, NULL, NULL);
		check_case(&cases[i], d);
		feed_doc_free(d);
		/* Pushed a byte at a time, as the fetcher would. */
		p = feed_parser_new(BASE, NULL, NULL);
		for (k = 0; k < len; k++)
			feed_parser_push(p, cases[i].doc + k, 1);
		d = feed_parser_finish(p);
		check_case(&cases[i], d);
		feed_doc_free(d);
	}
}

static void
test_errors(void **state)
{
	static const char *const not_feeds[] = {
		"{\"title\": \"no version\", \"items\": []}",
		"{\"version\": \"https://jsonfeed.org/version/2\"}",
		"{\"version\": \"https://example.com/\", \"items\": []}",
		"{\"version\": 1.1}",
	};
	static const char broken[] =
	    "{\n \"version\": \"https://jsonfeed.org/version/1.1\",\n"
	    " \"items\": [\n    oops\n]}";
	struct feed_doc	*d;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof not_feeds / sizeof not_feeds[0]; i++) {
		d = feed_parser_parse_buffer(not_feeds[i], strlen(not_feeds[i]),
		    NULL, NULL, NULL);
		assert_int_equal(d->format, FEED_FORMAT_UNKNOWN);
		assert_int_equal(d->nerrors, 1);
		assert_non_null(strstr(d->errors[0], "not a JSON Feed"));
		feed_doc_free(d);
	}
	d = feed_parser_parse_buffer(broken, sizeof broken - 1, NULL, NULL, NULL);
	assert_int_equal(d->format, FEED_FORMAT_UNKNOWN);
	assert_int_equal(d->nerrors, 1);
	assert_non_null(strstr(d->errors[0], "line 4, column "));
	feed_doc_free(d);
	/* Cut short. */
	d = feed_parser_parse_buffer(broken, 40, NULL, NULL, NULL);
	assert_int_equal(d->format, FEED_FORMAT_UNKNOWN);
	assert_non_null(strstr(d->errors[0], "line 2, column "));
	feed_doc_free(d);
}

static void
test_limits(void **state)
{
	static const char many[] =
	    "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": ["
	    "{\"id\": \"1\"}, {\"id\": \"2\"}, {\"id\": \"3\"}, {\"id\": \"4\"}]}";
	struct feed_limits	 lim = { 8, 3, 0 };
	struct feed_doc		*d;
	static const char big[] =
	    "{\"version\": \"https://jsonfeed.org/version/1.1\","
	    " \"title\": \"0123456789abcdef\", \"items\": []}";
	static const char cut[] =
	    "{\"version\": \"https://jsonfeed.org/version/1.1\","
	    " \"title\": \"0123456\u00e9f\", \"items\": []}";

	(void)state;
	d = feed_parser_parse_buffer(many, sizeof many - 1, NULL, NULL, &lim);
	assert_int_equal(d->format, FEED_FORMAT_JSON11);
	assert_int_equal(d->nitems, 3);
	assert_int_equal(d->nerrors, 1);
	assert_non_null(strstr(d->errors[0], "more than 3 items"));
	feed_doc_free(d);
	d = feed_parser_parse_buffer(big, sizeof big - 1, NULL, NULL, &lim);
	assert_string_equal(d->meta.title, "01234567");
	assert_int_equal(d->nerrors, 1);
	assert_non_null(strstr(d->errors[0], "longer than 8 bytes"));
	feed_doc_free(d);
	/* A cut never splits a character: "0123456" and half an e-acute
	 * would be 8 bytes. */
	d = feed_parser_parse_buffer(cut, sizeof cut - 1, NULL, NULL, &lim);
	assert_string_equal(d->meta.title, "0123456");
	feed_doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_limits),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
