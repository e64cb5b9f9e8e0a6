/* Unit tests for src/net: header helpers, and local-file transfers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "net/net.h"

static const struct {
	const char	*in;
	const char	*out;
} charset_cases[] = {
	{ "text/xml; charset=ISO-8859-1", "iso-8859-1" },
	{ "application/rss+xml;charset=\"utf-8\"", "utf-8" },
	{ "text/xml; foo=bar; charset=koi8-r ; x=y", "koi8-r" },
	{ "text/xml", NULL },
	{ NULL, NULL },
	{ "text/xml; charset=\"", NULL },
};

static void
test_charset(void **state)
{
	char	*cs;
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof charset_cases / sizeof charset_cases[0]; i++) {
		cs = net_header_charset(charset_cases[i].in);
		if (charset_cases[i].out == NULL)
			assert_null(cs);
		else
			assert_string_equal(cs, charset_cases[i].out);
		free(cs);
	}
}

static const struct {
	const char	*in;
	int64_t		 out;
} max_age_cases[] = {
	{ "max-age=300", 300 },
	{ "public, max-age=60, must-revalidate", 60 },
	{ "no-cache", 0 },
	{ "public", -1 },
	{ NULL, -1 },
};

static const struct {
	const char	*in;
	int64_t		 out;	/* now = 1000 */
} retry_cases[] = {
	{ "120", 1120 },
	{ "Thu, 01 Jan 1970 00:20:00 GMT", 1200 },
	{ "soon", 0 },
	{ NULL, 0 },
};

static void
test_cache_headers(void **state)
{
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof max_age_cases / sizeof max_age_cases[0]; i++)
		assert_int_equal(net_header_max_age(max_age_cases[i].in),
		    max_age_cases[i].out);
	for (i = 0; i < sizeof retry_cases / sizeof retry_cases[0]; i++)
		assert_int_equal(net_header_retry_after(retry_cases[i].in,
		    1000), retry_cases[i].out);
}

struct got {
	int	 began, done;
	size_t	 bytes;
	char	*error;
	char	*url;
};

static void
got_begin(void *arg, const char *url, const char *charset)
{
	struct got	*g = arg;

	(void)charset;
	g->began++;
	g->url = strdup(url);
}

static int
got_data(void *arg, const void *p, size_t n)
{
	struct got	*g = arg;

	(void)p;
	g->bytes += n;
	return (0);
}

static void
got_done(void *arg, const struct net_result *r)
{
	struct got	*g = arg;

	g->done++;
	g->error = r->error != NULL ? strdup(r->error) : NULL;
}

static void
test_local_files(void **state)
{
	struct net_limits	 l = { 2, 0, 100000, 5, 5, 10, 0, NULL, NULL,
				    NET_PROXY_HTTP };
	struct net_request	 req;
	struct got		 small, big, missing;
	struct net		*net;
	char			 dir[] = "/tmp/test-net.XXXXXX", path[128];
	char			 bigpath[128], *cause = NULL, *buf;
	FILE			*f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/a feed.xml", dir);
	f = fopen(path, "w");
	fputs("<rss/>", f);
	fclose(f);
	snprintf(bigpath, sizeof bigpath, "%s/big.xml", dir);
	f = fopen(bigpath, "w");
	buf = calloc(1, 200000);
	fwrite(buf, 1, 200000, f);
	free(buf);
	fclose(f);

	memset(&small, 0, sizeof small);
	memset(&big, 0, sizeof big);
	memset(&missing, 0, sizeof missing);
	net = net_new(&l, &cause);
	assert_non_null(net);
	memset(&req, 0, sizeof req);
	req.begin = got_begin;
	req.data = got_data;
	req.done = got_done;
	req.url = path;		/* a plain path, with a space */
	req.arg = &small;
	net_add(net, &req);
	req.url = bigpath;
	req.arg = &big;
	net_add(net, &req);
	req.url = "file:///nonexistent/feed.xml";
	req.arg = &missing;
	net_add(net, &req);
	assert_int_equal(net_run(net, NULL, &cause), 0);
	net_free(net);

	assert_int_equal(small.done, 1);
	assert_null(small.error);
	assert_int_equal(small.bytes, 6);
	assert_non_null(strstr(small.url, "a%20feed.xml"));
	assert_int_equal(big.done, 1);
	assert_non_null(big.error);
	assert_non_null(strstr(big.error, "download-max-size"));
	assert_int_equal(missing.done, 1);
	assert_non_null(missing.error);
	free(small.url);
	free(big.url);
	free(big.error);
	free(missing.error);
	unlink(path);
	unlink(bigpath);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_charset),
		cmocka_unit_test(test_cache_headers),
		cmocka_unit_test(test_local_files),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
