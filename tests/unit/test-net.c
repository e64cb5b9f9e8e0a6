/*
 * Unit tests for src/net: header helpers, local-file transfers, and the
 * Content-Encoding decoder with each inflater built in.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <zlib.h>

#include "net/net.h"
#include "net/net-decode.h"

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
		cs = net_headers_charset(charset_cases[i].in);
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
		assert_int_equal(net_headers_max_age(max_age_cases[i].in),
		    max_age_cases[i].out);
	for (i = 0; i < sizeof retry_cases / sizeof retry_cases[0]; i++)
		assert_int_equal(net_headers_retry_after(retry_cases[i].in,
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
				    NET_PROXY_HTTP, NULL };
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


static void
test_coding(void **state)
{
	(void)state;
	assert_int_equal(net_decode_coding(NULL), NET_CODING_IDENTITY);
	assert_int_equal(net_decode_coding("gzip"), NET_CODING_GZIP);
	assert_int_equal(net_decode_coding(" X-GZip \r\n"), NET_CODING_GZIP);
	assert_int_equal(net_decode_coding("Deflate"), NET_CODING_DEFLATE);
	assert_int_equal(net_decode_coding("identity"), NET_CODING_IDENTITY);
	/* A charset sent by mistake: the body is taken as it is. */
	assert_int_equal(net_decode_coding("utf-8"), NET_CODING_IDENTITY);
	assert_int_equal(net_decode_coding("br"), NET_CODING_REFUSED);
	assert_int_equal(net_decode_coding("zstd"), NET_CODING_REFUSED);
	assert_int_equal(net_decode_coding("gzip, gzip"), NET_CODING_REFUSED);
}

/* What a decoder gave, and when to stop it. */
struct sink {
	unsigned char	*buf;
	size_t		 len;
	size_t		 cap;
	size_t		 calls;
	size_t		 stop_after;	/* 0: never */
};

static int
sink_out(void *arg, const char *p, size_t n)
{
	struct sink	*k = arg;

	if (k->len + n > k->cap) {
		k->cap = (k->len + n) * 2;
		k->buf = realloc(k->buf, k->cap);
		assert_non_null(k->buf);
	}
	memcpy(k->buf + k->len, p, n);
	k->len += n;
	k->calls++;
	return (k->stop_after != 0 && k->calls >= k->stop_after);
}

/* 200 KB of text that compresses as feeds do, not to nothing. */
static unsigned char *
sample(size_t *len)
{
	unsigned char	*p;
	size_t		 i, n = 200 * 1000;
	uint32_t	 x = 12345;

	p = malloc(n);
	assert_non_null(p);
	for (i = 0; i < n; i++) {
		x = x * 1103515245 + 12345;
		p[i] = (x >> 16) % 7 == 0 ? ' ' : (unsigned char)('a' +
		    (x >> 16) % 26);
	}
	*len = n;
	return (p);
}

/* Compress with zlib: bits 31 gzip, 15 zlib, -15 raw deflate. */
static unsigned char *
squeeze(const unsigned char *in, size_t n, int bits, size_t *outlen)
{
	z_stream	 z;
	unsigned char	*out;
	size_t		 cap = n + n / 10 + 1024;

	memset(&z, 0, sizeof z);
	assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, bits, 8,
	    Z_DEFAULT_STRATEGY), Z_OK);
	out = malloc(cap);
	assert_non_null(out);
	z.next_in = (unsigned char *)in;
	z.avail_in = (uInt)n;
	z.next_out = out;
	z.avail_out = (uInt)cap;
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	*outlen = cap - z.avail_out;
	deflateEnd(&z);
	return (out);
}

/* A gzip member whose header carries a file name and a comment. */
static unsigned char *
gzip_named(const unsigned char *in, size_t n, size_t *outlen)
{
	static const unsigned char head[] = { 0x1f, 0x8b, 8, 8 | 16, 0, 0, 0,
	    0, 0, 3, 'f', 'e', 'e', 'd', '.', 'x', 'm', 'l', 0, 'h', 'i', 0 };
	unsigned char	*raw, *out;
	size_t		 rawlen, k;
	uLong		 crc;

	raw = squeeze(in, n, -15, &rawlen);
	out = malloc(sizeof head + rawlen + 8);
	assert_non_null(out);
	memcpy(out, head, sizeof head);
	memcpy(out + sizeof head, raw, rawlen);
	k = sizeof head + rawlen;
	crc = crc32(0, in, (uInt)n);
	out[k++] = crc & 255; out[k++] = (crc >> 8) & 255;
	out[k++] = (crc >> 16) & 255; out[k++] = (crc >> 24) & 255;
	out[k++] = n & 255; out[k++] = (n >> 8) & 255;
	out[k++] = (n >> 16) & 255; out[k++] = (n >> 24) & 255;
	free(raw);
	*outlen = k;
	return (out);
}

/* Feed z in pieces of step bytes; the return of the last feed. */
static int
feed_all(struct net_decode *d, const unsigned char *z, size_t n, size_t step,
    struct sink *k, const char **err)
{
	size_t	off, take;
	int	rc = 0;

	for (off = 0; off < n && rc == 0; off += take) {
		take = n - off < step ? n - off : step;
		rc = net_decode_feed(d, z + off, take, sink_out, k, err);
	}
	return (rc);
}

static const enum net_inflater	inflaters[] = { NET_INFLATE_ZLIB,
    NET_INFLATE_ISAL };

static void
test_decode(void **state)
{
	static const size_t	 steps[] = { 1, 7, 16384, (size_t)-1 };
	static const struct {
		enum net_coding	coding;
		int		bits;	/* 0: gzip with a name */
	} forms[] = {
		{ NET_CODING_GZIP, 31 },
		{ NET_CODING_GZIP, 0 },
		{ NET_CODING_DEFLATE, 15 },	/* zlib, as the standard says */
		{ NET_CODING_DEFLATE, -15 },	/* raw, as some servers send */
	};
	unsigned char		*plain, *z;
	size_t			 n, zn, f, i, s;
	struct net_decode	*d;
	struct sink		 k;
	const char		*err = NULL;

	(void)state;
	plain = sample(&n);
	for (i = 0; i < sizeof inflaters / sizeof inflaters[0]; i++) {
		d = net_decode_new(NET_CODING_GZIP, inflaters[i]);
#ifdef HAVE_ISAL
		assert_non_null(d);
#else
		if (inflaters[i] == NET_INFLATE_ISAL) {
			assert_null(d);
			continue;
		}
#endif
		net_decode_free(d);
		for (f = 0; f < sizeof forms / sizeof forms[0]; f++) {
			z = forms[f].bits != 0 ? squeeze(plain, n,
			    forms[f].bits, &zn) : gzip_named(plain, n, &zn);
			for (s = 0; s < sizeof steps / sizeof steps[0]; s++) {
				memset(&k, 0, sizeof k);
				d = net_decode_new(forms[f].coding,
				    inflaters[i]);
				if (feed_all(d, z, zn, steps[s], &k, &err) != 0)
					fail_msg("inflater %zu form %zu step "
					    "%zu: %s", i, f, s, err);
				assert_int_equal(net_decode_end(d, &err), 0);
				assert_int_equal(k.len, n);
				assert_memory_equal(k.buf, plain, n);
				/* Bytes after the stream change nothing. */
				assert_int_equal(net_decode_feed(d, "junk", 4,
				    sink_out, &k, &err), 0);
				assert_int_equal(k.len, n);
				net_decode_free(d);
				free(k.buf);
			}
			free(z);
		}
	}
	free(plain);
}

static void
test_decode_bad(void **state)
{
	static const unsigned char	 bad[] = "\x1f\x8b\x08\x00\0\0\0\0\0\3"
	    "this is not deflate data, this is not deflate data";
	unsigned char			*plain, *z;
	size_t				 n, zn, i;
	struct net_decode		*d;
	struct sink			 k;
	const char			*err;

	(void)state;
	plain = sample(&n);
	z = squeeze(plain, n, 31, &zn);
	for (i = 0; i < sizeof inflaters / sizeof inflaters[0]; i++) {
		if ((d = net_decode_new(NET_CODING_GZIP, inflaters[i])) ==
		    NULL)
			continue;
		/* Not deflate data: an error, not garbage passed on. */
		memset(&k, 0, sizeof k);
		err = NULL;
		assert_int_equal(net_decode_feed(d, bad, sizeof bad - 1,
		    sink_out, &k, &err), -1);
		assert_non_null(err);
		net_decode_free(d);
		free(k.buf);

		/* Cut short: all that came is passed on, and the end says
		 * so. */
		memset(&k, 0, sizeof k);
		err = NULL;
		d = net_decode_new(NET_CODING_GZIP, inflaters[i]);
		assert_int_equal(feed_all(d, z, zn / 2, 4096, &k, &err), 0);
		assert_true(k.len > 0 && k.len < n);
		assert_memory_equal(k.buf, plain, k.len);
		assert_int_equal(net_decode_end(d, &err), -1);
		assert_non_null(err);
		net_decode_free(d);
		free(k.buf);

		/* A wrong checksum in the trailer. */
		memset(&k, 0, sizeof k);
		err = NULL;
		z[zn - 8] ^= 1;
		d = net_decode_new(NET_CODING_GZIP, inflaters[i]);
		assert_int_equal(feed_all(d, z, zn, 65536, &k, &err), -1);
		assert_non_null(err);
		z[zn - 8] ^= 1;
		net_decode_free(d);
		free(k.buf);

		/* The receiver stops it: no more output after that. */
		memset(&k, 0, sizeof k);
		k.stop_after = 1;
		d = net_decode_new(NET_CODING_GZIP, inflaters[i]);
		assert_int_equal(net_decode_feed(d, z, zn, sink_out, &k,
		    &err), 1);
		assert_int_equal(k.calls, 1);
		net_decode_free(d);
		free(k.buf);

		/* Nothing at all came: not an error here (an empty body
		 * is the parser's to report). */
		d = net_decode_new(NET_CODING_DEFLATE, inflaters[i]);
		assert_int_equal(net_decode_end(d, &err), 0);
		net_decode_free(d);
	}
	free(z);
	free(plain);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_charset),
		cmocka_unit_test(test_cache_headers),
		cmocka_unit_test(test_local_files),
		cmocka_unit_test(test_coding),
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_decode_bad),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
