/*
 * The curl multi driver: a queue of transfers, at most max-connections of
 * them handed to curl at a time (so memory does not grow with the number
 * of feeds), and one loop that runs them and reports each as it ends.
 */
#include "config.h"

#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "net/net-int.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

struct net *
net_new(const struct net_limits *l, char **cause)
{
	struct net	*net;

	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		*cause = xstrdup(_("cannot initialise libcurl"));
		return (NULL);
	}
	net = xcalloc(1, sizeof *net);
	net->limits = *l;
	if (net->limits.max_conns < 1)
		net->limits.max_conns = 1;
	if (l->proxy != NULL && *l->proxy != '\0')
		net->proxy = xstrdup(l->proxy);
	if (l->proxy_auth != NULL && *l->proxy_auth != '\0')
		net->proxy_auth = xstrdup(l->proxy_auth);
	net->limits.proxy = net->proxy;
	net->limits.proxy_auth = net->proxy_auth;
	if ((net->multi = curl_multi_init()) == NULL) {
		*cause = xstrdup(_("cannot initialise libcurl"));
		free(net);
		curl_global_cleanup();
		return (NULL);
	}
	curl_multi_setopt(net->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS,
	    (long)net->limits.max_conns);
	curl_multi_setopt(net->multi, CURLMOPT_MAXCONNECTS,
	    (long)net->limits.max_conns);
	curl_multi_setopt(net->multi, CURLMOPT_PIPELINING,
	    (long)CURLPIPE_MULTIPLEX);
	return (net);
}

void
net_free(struct net *net)
{
	struct net_xfer	*x;

	if (net == NULL)
		return;
	while ((x = net->active) != NULL) {
		net->active = x->next;
		curl_multi_remove_handle(net->multi, x->easy);
		net_xfer_free(x);
	}
	while ((x = net->pending) != NULL) {
		net->pending = x->next;
		net_xfer_free(x);
	}
	curl_multi_cleanup(net->multi);
	free(net->proxy);
	free(net->proxy_auth);
	free(net);
	curl_global_cleanup();
}

void
net_add(struct net *net, const struct net_request *req)
{
	struct net_xfer	*x;

	x = net_xfer_new(net, req);
	if (net->pending_tail != NULL)
		net->pending_tail->next = x;
	else
		net->pending = x;
	net->pending_tail = x;
}

size_t
net_requests(const struct net *net)
{
	return (net->requests);
}

/* A transfer that never reached curl (or was cut short) fails. */
static void
net_fail(struct net_xfer *x, const char *why)
{
	struct net_result	r;

	memset(&r, 0, sizeof r);
	r.error = why;
	if (x->req.done != NULL)
		x->req.done(x->req.arg, &r);
	net_xfer_free(x);
}

/* Whether two URLs name the same scheme://authority. */
static int
same_host(const char *a, const char *b)
{
	const char	*pa = strstr(a, "://"), *pb = strstr(b, "://");
	size_t		 la, lb;

	if (pa == NULL || pb == NULL)
		return (pa == pb);
	pa += 3;
	pb += 3;
	la = (size_t)(pa - a) + strcspn(pa, "/?#");
	lb = (size_t)(pb - b) + strcspn(pb, "/?#");
	return (la == lb && strncasecmp(a, b, la) == 0);
}

static size_t
running_on_host(struct net *net, const char *url)
{
	struct net_xfer	*x;
	size_t		 n = 0;

	for (x = net->active; x != NULL; x = x->next)
		if (same_host(x->url, url))
			n++;
	return (n);
}

/*
 * Move queued transfers to curl while there is room, in total and on
 * their host. The per-host cap is ours rather than curl's
 * (CURLMOPT_MAX_HOST_CONNECTIONS): a transfer that curl holds back still
 * runs down its timeout, so a big refresh of one host would time out
 * feeds that never got a connection.
 */
static void
net_start_more(struct net *net)
{
	struct net_xfer	*x, **p, *prev;
	char		*cause = NULL;

	p = &net->pending;
	prev = NULL;
	while (net->running < (size_t)net->limits.max_conns &&
	    (x = *p) != NULL) {
		if (net->limits.max_host_conns > 0 &&
		    running_on_host(net, x->url) >=
		    (size_t)net->limits.max_host_conns) {
			prev = x;
			p = &x->next;
			continue;
		}
		*p = x->next;
		if (net->pending_tail == x)
			net->pending_tail = prev;
		x->next = NULL;
		if (net_xfer_start(x, &cause) != 0 ||
		    curl_multi_add_handle(net->multi, x->easy) != CURLM_OK) {
			net_fail(x, cause != NULL ? cause :
			    _("cannot start the transfer"));
			free(cause);
			cause = NULL;
			continue;
		}
		x->next = net->active;
		net->active = x;
		net->running++;
		net->requests++;
	}
}

static void
net_unlink(struct net *net, struct net_xfer *x)
{
	struct net_xfer	**p;

	for (p = &net->active; *p != NULL; p = &(*p)->next) {
		if (*p == x) {
			*p = x->next;
			break;
		}
	}
	net->running--;
}

int
net_run(struct net *net, volatile int *cancel, char **cause)
{
	struct net_xfer	*x;
	CURLMsg		*msg;
	CURLMcode	 mc;
	int		 still, left;

	net_start_more(net);
	while (net->running > 0) {
		if (cancel != NULL && *cancel)
			break;
		if ((mc = curl_multi_perform(net->multi, &still)) != CURLM_OK) {
			*cause = xstrdup(curl_multi_strerror(mc));
			return (-1);
		}
		while ((msg = curl_multi_info_read(net->multi, &left)) != NULL) {
			if (msg->msg != CURLMSG_DONE)
				continue;
			curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE,
			    (char **)&x);
			curl_multi_remove_handle(net->multi, x->easy);
			net_unlink(net, x);
			net_xfer_finish(x, msg->data.result);
			net_xfer_free(x);
			net_start_more(net);
		}
		if (net->running > 0 && still > 0)
			curl_multi_poll(net->multi, NULL, 0, 200, NULL);
	}
	/* Cancelled: what is left fails. */
	while ((x = net->active) != NULL) {
		net->active = x->next;
		net->running--;
		curl_multi_remove_handle(net->multi, x->easy);
		net_fail(x, _("cancelled"));
	}
	while ((x = net->pending) != NULL) {
		net->pending = x->next;
		net_fail(x, _("cancelled"));
	}
	net->pending_tail = NULL;
	return (0);
}

/* For --version: the libcurl the program runs with. */
const char *
net_curl_version(void)
{
	return (curl_version_info(CURLVERSION_NOW)->version);
}
