/*
 * One transfer: the curl easy handle with our limits, the header and body
 * callbacks, and turning what happened into a struct net_result.
 */
#include "config.h"

#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "net/net-int.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

static const long net_proxy_types[] = {
	[NET_PROXY_HTTP] = CURLPROXY_HTTP,
	[NET_PROXY_SOCKS4] = CURLPROXY_SOCKS4,
	[NET_PROXY_SOCKS4A] = CURLPROXY_SOCKS4A,
	[NET_PROXY_SOCKS5] = CURLPROXY_SOCKS5,
	[NET_PROXY_SOCKS5H] = CURLPROXY_SOCKS5_HOSTNAME,
};

/*
 * A plain local path as a file:// URL. Hand-written because
 * curl_easy_escape() would also encode the slashes.
 */
static char *
net_xfer_file_url(const char *path)
{
	static const char	 hex[] = "0123456789ABCDEF";
	const unsigned char	*p;
	char			*out, *o;

	out = o = xmalloc(strlen("file://") + 3 * strlen(path) + 1);
	o += sprintf(o, "file://");
	for (p = (const unsigned char *)path; *p != '\0'; p++) {
		if (isalnum(*p) || strchr("-._~/", *p) != NULL)
			*o++ = (char)*p;
		else {
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
		}
	}
	*o = '\0';
	return (out);
}

struct net_xfer *
net_xfer_new(struct net *net, const struct net_request *req)
{
	struct net_xfer	*x;

	x = xcalloc(1, sizeof *x);
	x->net = net;
	x->req = *req;
	x->req.url = x->req_url = xstrdup(req->url);
	x->req.etag = x->req_etag = req->etag != NULL ?
	    xstrdup(req->etag) : NULL;
	x->req.last_modified = x->req_last_modified =
	    req->last_modified != NULL ? xstrdup(req->last_modified) : NULL;
	if (req->post != NULL) {
		x->req.post = x->req_post = xmalloc(req->post_len + 1);
		memcpy(x->req_post, req->post, req->post_len);
		x->req_post[req->post_len] = '\0';
		x->req.post_type = x->req_post_type = xstrdup(
		    req->post_type != NULL ? req->post_type :
		    "application/octet-stream");
	}
	x->url = req->url[0] == '/' ? net_xfer_file_url(req->url) :
	    xstrdup(req->url);
	x->permanent = 1;
	return (x);
}

void
net_xfer_free(struct net_xfer *x)
{
	if (x == NULL)
		return;
	if (x->easy != NULL)
		curl_easy_cleanup(x->easy);
	curl_slist_free_all(x->headers);
	free(x->req_url);
	free(x->req_etag);
	free(x->req_last_modified);
	free(x->req_post);
	free(x->req_post_type);
	free(x->url);
	free(x->etag);
	free(x->last_modified);
	free(x->cache_control);
	free(x->expires);
	free(x->retry_after);
	free(x->content_encoding);
	net_decode_free(x->decode);
	free(x);
}

/* The headers we keep, by name. */
static char **
net_xfer_slot(struct net_xfer *x, const char *name, size_t len)
{
	static const struct {
		const char	*name;
		size_t		 off;
	} slots[] = {
		{ "etag", offsetof(struct net_xfer, etag) },
		{ "last-modified", offsetof(struct net_xfer, last_modified) },
		{ "cache-control", offsetof(struct net_xfer, cache_control) },
		{ "expires", offsetof(struct net_xfer, expires) },
		{ "retry-after", offsetof(struct net_xfer, retry_after) },
		{ "content-encoding", offsetof(struct net_xfer,
		    content_encoding) },
	};
	size_t	i;

	for (i = 0; i < sizeof slots / sizeof slots[0]; i++)
		if (strlen(slots[i].name) == len &&
		    strncasecmp(slots[i].name, name, len) == 0)
			return ((char **)((char *)x + slots[i].off));
	return (NULL);
}

/*
 * Each response of a redirect chain starts with its status line: start
 * its headers afresh, and note whether every redirect was permanent.
 */
static size_t
net_xfer_header(char *b, size_t size, size_t n, void *arg)
{
	struct net_xfer	 *x = arg;
	size_t		  len = size * n, nlen;
	const char	 *colon, *v, *end;
	char		**slot;
	int		  code;

	if (len > 5 && strncmp(b, "HTTP/", 5) == 0) {
		v = memchr(b, ' ', len);
		code = v != NULL ? atoi(v + 1) : 0;
		if (code >= 100 && code < 200)
			return (len);
		if (x->status == 301 || x->status == 302 || x->status == 303 ||
		    x->status == 307 || x->status == 308) {
			x->redirects++;
			if (x->status != 301 && x->status != 308)
				x->permanent = 0;
		}
		x->status = code;
		free(x->etag);
		free(x->last_modified);
		free(x->cache_control);
		free(x->expires);
		free(x->retry_after);
		free(x->content_encoding);
		x->etag = x->last_modified = x->cache_control = NULL;
		x->expires = x->retry_after = x->content_encoding = NULL;
		return (len);
	}
	if (len > NET_HEADER_MAX || (colon = memchr(b, ':', len)) == NULL)
		return (len);
	nlen = colon - b;
	if ((slot = net_xfer_slot(x, b, nlen)) == NULL)
		return (len);
	for (v = colon + 1; v < b + len && (*v == ' ' || *v == '\t'); v++)
		;
	for (end = b + len; end > v && isspace((unsigned char)end[-1]); end--)
		;
	free(*slot);
	*slot = xstrndup(v, end - v);
	return (len);
}

static void
net_xfer_begin(struct net_xfer *x)
{
	char	*eff = NULL, *ct = NULL, *charset;

	x->began = 1;
	if (x->req.begin == NULL)
		return;
	curl_easy_getinfo(x->easy, CURLINFO_EFFECTIVE_URL, &eff);
	curl_easy_getinfo(x->easy, CURLINFO_CONTENT_TYPE, &ct);
	charset = net_headers_charset(ct);
	x->req.begin(x->req.arg, eff != NULL ? eff : x->url, charset);
	free(charset);
}

/* Decoded body bytes: counted against the cap, then handed on. */
static int
net_xfer_deliver(void *arg, const char *b, size_t len)
{
	struct net_xfer	*x = arg;

	if (!x->req.media &&
	    (int64_t)len > x->net->limits.max_size - x->bytes) {
		x->stop = NET_STOP_SIZE;
		return (-1);
	}
	x->bytes += len;
	if (x->req.data != NULL && x->req.data(x->req.arg, b, len) != 0) {
		x->stop = NET_STOP_CALLER;
		return (-1);
	}
	return (0);
}

/* The first body bytes of the final response: 0 to go on, 1 to pause,
 * -1 to stop. */
static int
net_xfer_body(struct net_xfer *x)
{
	enum net_coding	coding;
	long		code = 0;

	curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &code);
	if (code != 0 && (code < 200 || code >= 300)) {
		x->stop = NET_STOP_STATUS;
		return (-1);
	}
	/* A local file has no socket to leave its bytes in. */
	if (!x->admitted && code != 0 && x->req.admit != NULL &&
	    !x->req.admit(x->req.arg)) {
		x->paused = 1;
		x->net->paused++;
		return (1);
	}
	x->admitted = 1;
	if (x->req.head != NULL) {
		curl_off_t	len = -1;

		curl_easy_getinfo(x->easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T,
		    &len);
		x->req.head(x->req.arg, (int)code, (int64_t)len);
	}
	if (x->req.media) {
		/* The bytes as served: a .gz stays a .gz. */
		net_xfer_begin(x);
		return (0);
	}
	coding = net_decode_coding(x->content_encoding);
	if (coding == NET_CODING_REFUSED) {
		x->stop = NET_STOP_DECODE;
		x->decode_err = _("a compression that was not asked for");
		return (-1);
	}
	x->decode = net_decode_new(coding, NET_INFLATE_BEST);
	net_xfer_begin(x);
	return (0);
}

/* Body bytes as they arrive (compressed, if the server did). */
static size_t
net_xfer_write(char *b, size_t size, size_t n, void *arg)
{
	struct net_xfer	*x = arg;
	size_t		 len = size * n;
	int		 rc;

	if (!x->began && (rc = net_xfer_body(x)) != 0)
		return (rc > 0 ? CURL_WRITEFUNC_PAUSE : 0);
	if (x->decode == NULL)
		return (net_xfer_deliver(x, b, len) == 0 ? len : 0);
	rc = net_decode_feed(x->decode, b, len, net_xfer_deliver, x,
	    &x->decode_err);
	if (rc < 0)
		x->stop = NET_STOP_DECODE;
	return (rc == 0 ? len : 0);
}

int
net_xfer_start(struct net_xfer *x, char **cause)
{
	const struct net_limits	*l = &x->net->limits;
	CURL			*e;
	char			*h;

	if ((e = x->easy = curl_easy_init()) == NULL) {
		*cause = xstrdup(_("cannot create a transfer"));
		return (-1);
	}
	curl_easy_setopt(e, CURLOPT_URL, x->url);
	curl_easy_setopt(e, CURLOPT_PRIVATE, x);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, x->errbuf);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	if (x->net->share != NULL)
		curl_easy_setopt(e, CURLOPT_SHARE, x->net->share);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, net_xfer_write);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, x);
	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, net_xfer_header);
	curl_easy_setopt(e, CURLOPT_HEADERDATA, x);
	curl_easy_setopt(e, CURLOPT_USERAGENT, PACKAGE "/" VERSION);
	/* Decoded by us, faster (net-decode.c); media never. */
	if (!x->req.media)
		curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "gzip, deflate");
	curl_easy_setopt(e, CURLOPT_HTTP_CONTENT_DECODING, 0L);
	curl_easy_setopt(e, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_2TLS);
	/*
	 * Over https, a host's second transfer waits for the first's TLS
	 * handshake to learn whether HTTP/2 can carry both on one
	 * connection. Plain http gives no such answer before the first
	 * response: waiting would put a slow host's feeds one behind another.
	 */
	if (strncasecmp(x->url, "https:", 6) == 0)
		curl_easy_setopt(e, CURLOPT_PIPEWAIT, 1L);
	/* A feed may only redirect to the web, never to a local file. */
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https,file");
	curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(e, CURLOPT_MAXREDIRS, l->max_redirects);
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT, l->connect_timeout);
	/* An hour-long episode takes what it takes on a slow line. */
	if (!x->req.media)
		curl_easy_setopt(e, CURLOPT_TIMEOUT, l->total_timeout);
	if (l->low_speed_time > 0) {
		curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, 10L);
		curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, l->low_speed_time);
	}
	/* Refuses early when the size is announced; the write callback
	 * counts the decompressed bytes in every case. */
	if (!x->req.media)
		curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE,
		    (curl_off_t)l->max_size);
	if (x->req.range_from > 0) {
		h = xasprintf("%lld-", (long long)x->req.range_from);
		curl_easy_setopt(e, CURLOPT_RANGE, h);
		free(h);
	}
	if (x->net->ca_file != NULL)
		curl_easy_setopt(e, CURLOPT_CAINFO, x->net->ca_file);
	if (x->net->proxy != NULL) {
		curl_easy_setopt(e, CURLOPT_PROXY, x->net->proxy);
		curl_easy_setopt(e, CURLOPT_PROXYTYPE,
		    net_proxy_types[l->proxy_type]);
		if (x->net->proxy_auth != NULL)
			curl_easy_setopt(e, CURLOPT_PROXYUSERPWD,
			    x->net->proxy_auth);
	}
	/* RFC 9110 13.1.2/13.1.3: with both, servers use If-None-Match. */
	if (x->req.etag != NULL) {
		h = xasprintf("If-None-Match: %s", x->req.etag);
		x->headers = curl_slist_append(x->headers, h);
		free(h);
	}
	if (x->req.last_modified != NULL) {
		h = xasprintf("If-Modified-Since: %s", x->req.last_modified);
		x->headers = curl_slist_append(x->headers, h);
		free(h);
	}
	/* The body stays ours (no copy by curl); it may hold a password,
	 * which thus never reaches a URL or an argv. */
	if (x->req.post != NULL) {
		curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE,
		    (curl_off_t)x->req.post_len);
		curl_easy_setopt(e, CURLOPT_POSTFIELDS, x->req_post);
		/* An API call answers where it was asked; a POST is not
		 * replayed elsewhere. */
		curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
		h = xasprintf("Content-Type: %s", x->req.post_type);
		x->headers = curl_slist_append(x->headers, h);
		free(h);
	}
	if (x->headers != NULL)
		curl_easy_setopt(e, CURLOPT_HTTPHEADER, x->headers);
	return (0);
}

/* Report the transfer to its caller. */
void
net_xfer_finish(struct net_xfer *x, CURLcode rc)
{
	struct net_result	 r;
	char			*err = NULL, *eff = NULL;
	long			 code = 0;
	int64_t			 now = (int64_t)time(NULL), age;
	time_t			 t;

	memset(&r, 0, sizeof r);
	if (x->easy != NULL) {
		curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &code);
		curl_easy_getinfo(x->easy, CURLINFO_EFFECTIVE_URL, &eff);
	}
	/* A body that ended before its compressed stream did. */
	if (rc == CURLE_OK && x->stop == 0 && x->decode != NULL &&
	    net_decode_end(x->decode, &x->decode_err) != 0)
		x->stop = NET_STOP_DECODE;
	r.status = (int)code;
	r.bytes = x->bytes;
	if (x->stop == NET_STOP_SIZE || rc == CURLE_FILESIZE_EXCEEDED)
		err = xasprintf(_("larger than download-max-size (%lld "
		    "bytes)"), (long long)x->net->limits.max_size);
	else if (x->stop == NET_STOP_STATUS || (rc == CURLE_OK &&
	    code >= 300 && code != 304)) {
		err = xasprintf(_("HTTP status %ld"), code);
		if (code == 429 || code == 503)
			r.retry_after = net_headers_retry_after(x->retry_after,
			    now);
	} else if (x->stop == NET_STOP_CALLER)
		err = xstrdup(_("aborted"));
	else if (x->stop == NET_STOP_DECODE)
		err = xasprintf(_("cannot decode the body (Content-Encoding "
		    "%s): %s"), x->content_encoding != NULL ?
		    x->content_encoding : "?", x->decode_err);
	else if (rc != CURLE_OK)
		err = xstrdup(x->errbuf[0] != '\0' ? x->errbuf :
		    curl_easy_strerror(rc));
	else if (code == 304)
		r.not_modified = 1;
	else if (!x->began)
		net_xfer_begin(x);	/* an empty body */
	r.error = err;
	if (err == NULL) {
		r.etag = x->etag;
		r.last_modified = x->last_modified;
		if (x->redirects > 0 && x->permanent && eff != NULL &&
		    strcmp(eff, x->url) != 0)
			r.new_url = eff;
		if ((age = net_headers_max_age(x->cache_control)) >= 0)
			r.fresh_until = now + age;
		else if (x->expires != NULL &&
		    (t = curl_getdate(x->expires, NULL)) != -1)
			r.fresh_until = (int64_t)t;
	}
	if (x->req.done != NULL)
		x->req.done(x->req.arg, &r);
	free(err);
}
