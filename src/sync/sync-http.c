/*
 * A request to a sync server: one POST through the refresh's fetcher
 * (src/net: its timeouts, proxy, TLS settings, User-Agent), its answer
 * kept in memory up to a bound.
 */
#include "config.h"

#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>

#include "net/net.h"
#include "sync/sync.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

struct sync_http {
	struct buf	 body;
	int		 too_big;
	char		*error;
	int		 status;
};

char *
sync_http_hostport(const char *url)
{
	CURLU	*u;
	char	*host = NULL, *port = NULL, *out;

	if ((u = curl_url()) == NULL)
		return (xstrdup("?"));
	if (curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) !=
	    CURLUE_OK)
		out = sanitize_text(url, strlen(url), 0);
	else
		out = xasprintf("%s:%s", host, port);
	curl_free(host);
	curl_free(port);
	curl_url_cleanup(u);
	return (out);
}

static int
sync_http_data(void *arg, const void *p, size_t n)
{
	struct sync_http	*h = arg;

	if (buf_add(&h->body, p, n) != 0) {
		h->too_big = 1;
		return (-1);
	}
	return (0);
}

static void
sync_http_done(void *arg, const struct net_result *r)
{
	struct sync_http	*h = arg;

	h->status = r->status;
	if (r->error != NULL)
		h->error = xstrdup(r->error);
}

int
sync_http_post(struct net *net, const char *url, const char *type,
    const char *data, size_t len, size_t max, char **body, size_t *body_len,
    volatile int *cancel, char **cause)
{
	struct net_request	 req;
	struct sync_http	 h;
	char			*fail = NULL, *where;
	int			 rc = -1;

	*body = NULL;
	*body_len = 0;
	memset(&h, 0, sizeof h);
	buf_init(&h.body, max);
	memset(&req, 0, sizeof req);
	req.url = url;
	req.post = data;
	req.post_len = len;
	req.post_type = type;
	req.arg = &h;
	req.data = sync_http_data;
	req.done = sync_http_done;
	net_add(net, &req);
	where = sync_http_hostport(url);
	if (net_run(net, cancel, &fail) != 0) {
		*cause = xasprintf("%s: %s", where, fail);
		free(fail);
	} else if (h.too_big)
		*cause = xasprintf(_("%s: the answer is larger than %zu "
		    "bytes"), where, max);
	else if (h.error != NULL && h.status != 0)
		*cause = xasprintf(_("%s: %s (is ttrss-url the server's "
		    "address?)"), where, h.error);
	else if (h.error != NULL)
		*cause = xasprintf(_("%s: cannot reach the server: %s"),
		    where, h.error);
	else {
		*body_len = h.body.len;
		*body = h.body.data != NULL ? buf_detach(&h.body) :
		    xstrdup("");
		rc = 0;
	}
	free(where);
	free(h.error);
	buf_fini(&h.body);
	return (rc);
}
