/*
 * A response body's Content-Encoding (gzip or deflate), undone as the
 * bytes stream in. Private to src/net; exposed for its tests.
 *
 *	d = net_decode_new(NET_CODING_GZIP, NET_INFLATE_BEST);
 *	net_decode_feed(d, chunk, n, out, arg, &err);	(each chunk)
 *	net_decode_end(d, &err);			(the body ended)
 *	net_decode_free(d);
 */
#ifndef TIDINGS_NET_NET_DECODE_H
#define TIDINGS_NET_NET_DECODE_H

#include <stddef.h>

enum net_coding {
	NET_CODING_IDENTITY,	/* none, or one we pass through as is */
	NET_CODING_GZIP,
	NET_CODING_DEFLATE,	/* zlib-wrapped, or raw as some servers send */
	NET_CODING_REFUSED	/* a compression we never asked for */
};

/* The inflate library: ISA-L where built in (faster), else zlib. */
enum net_inflater {
	NET_INFLATE_BEST,
	NET_INFLATE_ZLIB,
	NET_INFLATE_ISAL
};

/* The value of a Content-Encoding header (NULL: none). */
enum net_coding	 net_decode_coding(const char *value);

struct net_decode;

/* NULL when that inflater is not built in. */
struct net_decode *net_decode_new(enum net_coding, enum net_inflater);
void		 net_decode_free(struct net_decode *);

/* Decoded bytes go to out as they come; out returns non-zero to stop. */
typedef int	 (*net_decode_out)(void *arg, const char *, size_t);

/*
 * Decode one chunk: 0 on success, 1 when out stopped it, -1 on corrupt
 * data (*err: a static message). Bytes after the end of the compressed
 * stream are ignored.
 */
int		 net_decode_feed(struct net_decode *, const void *, size_t,
		    net_decode_out, void *arg, const char **err);
/* The body ended: -1 (*err) when the compressed stream had not. */
int		 net_decode_end(struct net_decode *, const char **err);

#endif
