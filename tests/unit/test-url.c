/* Unit tests for src/util/url.c: reference resolution, RFC 3986 5.2. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util/url.h"

#define RFC_BASE	"http://a/b/c/d;p?q"

static const struct {
	const char	*base;
	const char	*ref;
	const char	*out;
} url_cases[] = {
	/* RFC 3986 5.4.1, normal examples. */
	{ RFC_BASE, "g:h", "g:h" },
	{ RFC_BASE, "g", "http://a/b/c/g" },
	{ RFC_BASE, "./g", "http://a/b/c/g" },
	{ RFC_BASE, "g/", "http://a/b/c/g/" },
	{ RFC_BASE, "/g", "http://a/g" },
	{ RFC_BASE, "//g", "http://g" },
	{ RFC_BASE, "?y", "http://a/b/c/d;p?y" },
	{ RFC_BASE, "g?y", "http://a/b/c/g?y" },
	{ RFC_BASE, "#s", "http://a/b/c/d;p?q#s" },
	{ RFC_BASE, "g#s", "http://a/b/c/g#s" },
	{ RFC_BASE, "g?y#s", "http://a/b/c/g?y#s" },
	{ RFC_BASE, ";x", "http://a/b/c/;x" },
	{ RFC_BASE, "g;x", "http://a/b/c/g;x" },
	{ RFC_BASE, "g;x?y#s", "http://a/b/c/g;x?y#s" },
	{ RFC_BASE, "", "http://a/b/c/d;p?q" },
	{ RFC_BASE, ".", "http://a/b/c/" },
	{ RFC_BASE, "./", "http://a/b/c/" },
	{ RFC_BASE, "..", "http://a/b/" },
	{ RFC_BASE, "../", "http://a/b/" },
	{ RFC_BASE, "../g", "http://a/b/g" },
	{ RFC_BASE, "../..", "http://a/" },
	{ RFC_BASE, "../../", "http://a/" },
	{ RFC_BASE, "../../g", "http://a/g" },
	/* RFC 3986 5.4.2, abnormal examples (strict parser: "http:g"). */
	{ RFC_BASE, "../../../g", "http://a/g" },
	{ RFC_BASE, "../../../../g", "http://a/g" },
	{ RFC_BASE, "/./g", "http://a/g" },
	{ RFC_BASE, "/../g", "http://a/g" },
	{ RFC_BASE, "g.", "http://a/b/c/g." },
	{ RFC_BASE, ".g", "http://a/b/c/.g" },
	{ RFC_BASE, "g..", "http://a/b/c/g.." },
	{ RFC_BASE, "..g", "http://a/b/c/..g" },
	{ RFC_BASE, "./../g", "http://a/b/g" },
	{ RFC_BASE, "./g/.", "http://a/b/c/g/" },
	{ RFC_BASE, "g/./h", "http://a/b/c/g/h" },
	{ RFC_BASE, "g/../h", "http://a/b/c/h" },
	{ RFC_BASE, "g;x=1/./y", "http://a/b/c/g;x=1/y" },
	{ RFC_BASE, "g;x=1/../y", "http://a/b/c/y" },
	{ RFC_BASE, "g?y/./x", "http://a/b/c/g?y/./x" },
	{ RFC_BASE, "g?y/../x", "http://a/b/c/g?y/../x" },
	{ RFC_BASE, "g#s/./x", "http://a/b/c/g#s/./x" },
	{ RFC_BASE, "g#s/../x", "http://a/b/c/g#s/../x" },
	{ RFC_BASE, "http:g", "http:g" },
	/* The base's fragment never survives; an empty base path gets "/"
	 * (5.2.3); scheme-relative keeps the base's scheme. */
	{ "http://a/b/c/d;p?q#f", "", "http://a/b/c/d;p?q" },
	{ "http://a/b/c/d;p?q#f", "#g", "http://a/b/c/d;p?q#g" },
	{ "http://a", "g", "http://a/g" },
	{ "http://a?x", "g", "http://a/g" },
	{ "http://a/b", "?q", "http://a/b?q" },
	{ "https://a/b/c", "//h/p", "https://h/p" },
	/* Absolute references come back as they are, whatever the case. */
	{ RFC_BASE, "HTTPS://Example.COM/A/../B", "HTTPS://Example.COM/A/../B" },
	{ RFC_BASE, "mailto:someone@example.org", "mailto:someone@example.org" },
	/* Hosts keep their case and percent-escapes are left alone. */
	{ "http://Ex.COM/%7Euser/x", "y%2F", "http://Ex.COM/%7Euser/y%2F" },
	{ "http://Ex.COM/a/", "%2E%2E/b", "http://Ex.COM/a/%2E%2E/b" },
	/* A feed read from a file: its path is the base. */
	{ "tests/data/x.xml", "y.html", "tests/data/y.html" },
	{ "tests/data/x.xml", "../y.html", "tests/y.html" },
	{ "tests/data/x.xml", "/y.html", "/y.html" },
	{ "tests/data/x.xml", "#top", "tests/data/x.xml#top" },
	{ "/abs/path/feed.xml", "a/b", "/abs/path/a/b" },
	{ "/abs/path/feed.xml", "../../../../x", "/x" },
	{ "feed.xml", "a", "a" },
	{ "file:///home/u/feed.xml", "img.png", "file:///home/u/img.png" },
	{ "urn:x:y", "z", "urn:z" },
	/* No base: a copy of the reference. */
	{ NULL, "rel/x", "rel/x" },
	{ "", "rel/x", "rel/x" },
	{ NULL, "", "" },
};

static void
test_url_table(void **state)
{
	size_t	 i;
	int	 failed = 0;
	char	*s;

	(void)state;
	for (i = 0; i < sizeof url_cases / sizeof url_cases[0]; i++) {
		s = url_resolve(url_cases[i].base, url_cases[i].ref);
		if (strcmp(s, url_cases[i].out) != 0) {
			print_error("base %s, ref \"%s\": got %s, want %s\n",
			    url_cases[i].base != NULL ? url_cases[i].base :
			    "(null)", url_cases[i].ref, s, url_cases[i].out);
			failed++;
		}
		free(s);
	}
	assert_int_equal(failed, 0);
}

/* Every result is a new string, even when it equals the reference. */
static void
test_url_new_string(void **state)
{
	const char	*ref = "http://x/y";
	char		*s;

	(void)state;
	s = url_resolve(RFC_BASE, ref);
	assert_ptr_not_equal(s, ref);
	assert_string_equal(s, ref);
	free(s);
}

/* What reaches the browser: no control character, no bare blank. */
static const struct {
	const char	*in, *out;
} clean_cases[] = {
	{ "http://x/a\nb", "http://x/ab" },
	{ "http://x/a\r\n\tb", "http://x/ab" },
	{ "  http://x/  \n", "http://x/" },
	{ "http://x/a b", "http://x/a b" },
	{ "http://x/\x1b[31m", "http://x/%1B[31m" },
	{ "http://x/\x7f", "http://x/%7F" },
	/* C1 controls (U+009B is CSI) and bytes that are not UTF-8. */
	{ "http://x/\xc2\x9b" "2J", "http://x/%C2%9B2J" },
	{ "http://x/\xff\xfe", "http://x/%FF%FE" },
	{ "http://x/\xe2\x82", "http://x/%E2%82" },
	/* Real UTF-8 stays as it is. */
	{ "http://x/caf\xc3\xa9/\xe6\x9d\xb1", "http://x/caf\xc3\xa9/\xe6\x9d\xb1" },
	{ "", "" },
};

static void
test_url_clean(void **state)
{
	size_t	 i;
	int	 failed = 0;
	char	*s;

	(void)state;
	for (i = 0; i < sizeof clean_cases / sizeof clean_cases[0]; i++) {
		s = url_clean(clean_cases[i].in);
		if (strcmp(s, clean_cases[i].out) != 0) {
			print_error("case %zu: got %s, want %s\n", i, s,
			    clean_cases[i].out);
			failed++;
		}
		free(s);
	}
	assert_int_equal(failed, 0);
}

static void
test_url_scheme_in(void **state)
{
	char	*s;

	(void)state;
	assert_true(url_scheme_in("http://x/", "http https"));
	assert_true(url_scheme_in("HTTPS://x/", "http https"));
	assert_true(url_scheme_in("gemini://x/", "http,gemini"));
	assert_false(url_scheme_in("javascript:alert(1)", "http https"));
	assert_false(url_scheme_in("file:///etc/passwd", "http https"));
	/* A prefix of an allowed scheme is not that scheme. */
	assert_false(url_scheme_in("http+x://x/", "http"));
	assert_false(url_scheme_in("htt://x/", "http"));
	assert_false(url_scheme_in("/etc/passwd", "http https"));
	assert_false(url_scheme_in("x/y", "http"));
	assert_false(url_scheme_in("http://x/", ""));
	s = url_scheme("JavaScript:x");
	assert_string_equal(s, "JavaScript");
	free(s);
	assert_null(url_scheme("/a/b"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_url_table),
		cmocka_unit_test(test_url_new_string),
		cmocka_unit_test(test_url_clean),
		cmocka_unit_test(test_url_scheme_in),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
