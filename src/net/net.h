/*
 * The fetcher: a libcurl multi driver that runs many transfers in
 * parallel and hands each body to its caller as it streams in. It knows
 * nothing of feeds: the caller gets begin/data/done callbacks.
 *
 *	struct net *n = net_new(&limits, &cause);
 *	net_add(n, &req);	(as many as needed)
 *	net_run(n, &cancel);	(returns when all are done or cancelled)
 *	net_free(n);
 */
#ifndef TIDINGS_NET_NET_H
#define TIDINGS_NET_NET_H

#include <stddef.h>
#include <stdint.h>

enum net_proxy_type {
	NET_PROXY_HTTP,
	NET_PROXY_SOCKS4,
	NET_PROXY_SOCKS4A,
	NET_PROXY_SOCKS5,
	NET_PROXY_SOCKS5H
};

struct net_limits {
	int			 max_conns;	/* transfers at once */
	int			 max_host_conns; /* 0: no cap of its own */
	int64_t			 max_size;	/* bytes, after decompression */
	long			 max_redirects;
	long			 connect_timeout; /* seconds */
	long			 total_timeout;
	long			 low_speed_time; /* 0: off */
	const char		*proxy;		/* NULL or "": environment */
	const char		*proxy_auth;	/* "user:password" or NULL */
	enum net_proxy_type	 proxy_type;
	const char		*ca_file;	/* NULL or "": the system's */
};

/* What one transfer came to; valid during the done callback only. */
struct net_result {
	int		 status;	/* HTTP status; 0 for file:// */
	int		 not_modified;	/* 304 */
	const char	*error;		/* NULL on success */
	const char	*etag;		/* response validators, or NULL */
	const char	*last_modified;
	const char	*new_url;	/* every redirect was permanent */
	int64_t		 retry_after;	/* Unix time (429/503), or 0 */
	int64_t		 fresh_until;	/* Cache-Control max-age / Expires */
	int64_t		 bytes;		/* body bytes, decompressed */
};

struct net_request {
	const char	*url;		/* http(s)://, file:// or a path */
	const char	*etag;		/* conditional GET, or NULL */
	const char	*last_modified;
	/* A POST of these bytes (copied), or NULL for a GET. */
	const char	*post;
	size_t		 post_len;
	const char	*post_type;	/* its Content-Type */
	void		*arg;		/* handed to the callbacks */
	/* The body begins (2xx only): the final URL and the charset of the
	 * Content-Type (or NULL). */
	void		(*begin)(void *arg, const char *url,
			    const char *charset);
	/* A chunk of body; return -1 to abort the transfer. */
	int		(*data)(void *arg, const void *, size_t);
	/*
	 * May the body begin now (HTTP 2xx, before begin)? 0 pauses the
	 * transfer, its bytes left in the kernel's socket buffer, and it
	 * asks again as the fetcher runs (at least every 200 ms), until it
	 * gets 1. NULL: always.
	 */
	int		(*admit)(void *arg);
	/* Always called once, last. */
	void		(*done)(void *arg, const struct net_result *);
	/*
	 * Media (enclosures): the body exactly as served, no
	 * Accept-Encoding and no decoding, no download-max-size and no
	 * total timeout (low-speed-time still ends a stalled one), and,
	 * when range_from > 0, a Range request for the bytes from there.
	 * head, if set, hears the status and Content-Length (-1: none) of
	 * the final response before its first body byte.
	 */
	int		 media;
	int64_t		 range_from;
	void		(*head)(void *arg, int status, int64_t length);
};

struct net;

struct net	*net_new(const struct net_limits *, char **cause);
void		 net_free(struct net *);
/* Queue a transfer (the request is copied). */
void		 net_add(struct net *, const struct net_request *);
/*
 * Run until every queued transfer is done (0) or *cancel becomes
 * non-zero (the rest are reported done with an error). Callbacks run
 * in this thread.
 */
int		 net_run(struct net *, volatile int *cancel, char **cause);
/* Requests made so far (for the progress line and the benchmark). */
size_t		 net_requests(const struct net *);

/* Header helpers (net-headers.c), exposed for tests. */
char		*net_headers_charset(const char *content_type);
int64_t		 net_headers_max_age(const char *cache_control);
int64_t		 net_headers_retry_after(const char *value, int64_t now);

/* The libraries' versions, for --version. */
const char	*net_curl_version(void);

#endif
