/*
 * libFuzzer harness for the Content-Encoding decoder (src/net/
 * net-decode.c): the first byte picks gzip or deflate and how the rest is
 * cut into chunks, as the network would; the rest is the body. Each
 * inflater built in decodes it; when zlib and ISA-L both take the whole
 * body without an error, they must give the same bytes.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "net/net-decode.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Decoded bytes kept, at most this many (a bomb stops there). */
#define KEEP	(1 << 20)

struct out {
	unsigned char	*buf;
	size_t		 len;
};

static int
take(void *arg, const char *p, size_t n)
{
	struct out	*o = arg;

	if (n == 0)
		abort();	/* the decoder never hands on nothing */
	if (o->len + n > KEEP)
		return (1);
	memcpy(o->buf + o->len, p, n);
	o->len += n;
	return (0);
}

/* 0: all decoded, 1: stopped or failed. */
static int
decode(enum net_coding coding, enum net_inflater lib, const uint8_t *p,
    size_t n, size_t step, struct out *o)
{
	struct net_decode	*d;
	const char		*err = NULL;
	size_t			 off, k;
	int			 rc = 0;

	if ((d = net_decode_new(coding, lib)) == NULL)
		return (-1);
	for (off = 0; off < n && rc == 0; off += k) {
		k = n - off < step ? n - off : step;
		rc = net_decode_feed(d, p + off, k, take, o, &err);
		if (rc < 0 && err == NULL)
			abort();	/* an error always says why */
	}
	if (rc == 0 && net_decode_end(d, &err) != 0) {
		if (err == NULL)
			abort();
		rc = 1;
	}
	net_decode_free(d);
	return (rc != 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static unsigned char	 a[KEEP], b[KEEP];
	static const size_t	 steps[] = { 1, 3, 17, 512, 4096, 65536 };
	struct out		 oz = { a, 0 }, oi = { b, 0 };
	enum net_coding		 coding;
	size_t			 step;
	int			 rz, ri;

	if (size < 1)
		return (0);
	coding = data[0] & 1 ? NET_CODING_DEFLATE : NET_CODING_GZIP;
	step = steps[(data[0] >> 1) % (sizeof steps / sizeof steps[0])];
	rz = decode(coding, NET_INFLATE_ZLIB, data + 1, size - 1, step, &oz);
	ri = decode(coding, NET_INFLATE_ISAL, data + 1, size - 1, step, &oi);
	if (rz == 0 && ri == 0 && (oz.len != oi.len ||
	    memcmp(oz.buf, oi.buf, oz.len) != 0))
		abort();
	return (0);
}
