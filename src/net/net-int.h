/* Private to src/net. */
#ifndef TIDINGS_NET_NET_INT_H
#define TIDINGS_NET_NET_INT_H

#include <curl/curl.h>

#include "net/net.h"
#include "net/net-decode.h"

/* Longest response header kept (validators, Cache-Control...). */
#define NET_HEADER_MAX	4096

/* One transfer. */
struct net_xfer {
	struct net		*net;
	struct net_request	 req;		/* strings: the copies below */
	char			*req_url;
	char			*req_etag;
	char			*req_last_modified;
	char			*req_post;
	char			*req_post_type;
	char			*url;		/* what curl fetches */
	CURL			*easy;
	struct curl_slist	*headers;
	char			 errbuf[CURL_ERROR_SIZE];

	int			 status;	/* of the current response */
	int			 permanent;	/* every redirect so far was */
	int			 redirects;
	int			 began;
	int			 admitted;	/* its body may come */
	int			 paused;	/* waiting for admission */
	int			 stop;		/* why we aborted the body */
#define NET_STOP_SIZE	1
#define NET_STOP_STATUS	2
#define NET_STOP_CALLER	3
#define NET_STOP_DECODE	4
	const char		*decode_err;	/* static, with NET_STOP_DECODE */
	struct net_decode	*decode;	/* NULL: the body as it comes */
	int64_t			 bytes;		/* decoded */
	char			*etag;
	char			*last_modified;
	char			*cache_control;
	char			*expires;
	char			*retry_after;
	char			*content_encoding;
	struct net_host		*host;
	struct net_xfer		*next;		/* host's queue or running */
};

/*
 * One scheme://authority: its queue of transfers not yet started and how
 * many of its transfers run. A host is on the ready list while it has a
 * queue and room under the per-host cap.
 */
struct net_host {
	char			*key;		/* lower case */
	size_t			 running;
	struct net_xfer		*pending, *pending_tail;
	int			 ready;
	struct net_host		*chain;		/* same hash bucket */
	struct net_host		*rnext;		/* ready list */
};

#define NET_HOST_BUCKETS	1024

struct net {
	struct net_limits	 limits;
	char			*proxy;
	char			*proxy_auth;
	char			*ca_file;
	CURLM			*multi;
	CURLSH			*share;
	struct net_host		*buckets[NET_HOST_BUCKETS];
	struct net_host		*ready, *ready_tail;
	struct net_xfer		*active;
	size_t			 running;
	size_t			 paused;	/* waiting for admission */
	size_t			 requests;
};

/* net-xfer.c */
struct net_xfer	*net_xfer_new(struct net *, const struct net_request *);
int		 net_xfer_start(struct net_xfer *, char **cause);
void		 net_xfer_finish(struct net_xfer *, CURLcode);
void		 net_xfer_free(struct net_xfer *);

#endif
