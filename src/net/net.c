/*
 * The curl multi driver. Transfers wait in one queue per host
 * (scheme://authority); a transfer is handed to curl only when there is
 * room both in total (max-connections) and on its host
 * (max-connections-per-host), so memory does not grow with the number of
 * feeds and no server gets more than its share, while many hosts are
 * fetched at once. One loop runs them and reports each as it ends.
 */
#include "config.h"

#include <ctype.h>
#include <curl/curl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
	if (l->ca_file != NULL && *l->ca_file != '\0')
		net->ca_file = strncmp(l->ca_file, "~/", 2) == 0 &&
		    getenv("HOME") != NULL ? xasprintf("%s%s", getenv("HOME"),
		    l->ca_file + 1) : xstrdup(l->ca_file);
	net->limits.proxy = net->proxy;
	net->limits.proxy_auth = net->proxy_auth;
	net->limits.ca_file = net->ca_file;
	if ((net->multi = curl_multi_init()) == NULL) {
		*cause = xstrdup(_("cannot initialise libcurl"));
		free(net->proxy);
		free(net->proxy_auth);
		free(net->ca_file);
		free(net);
		curl_global_cleanup();
		return (NULL);
	}
	/*
	 * Connections (kept open for the next transfer to their host) and
	 * the DNS cache are the multi handle's, shared by every transfer on
	 * it; TLS sessions are kept per easy handle, so a share resumes
	 * them across transfers (one round trip less per new connection to
	 * a host already seen). One thread: no lock functions.
	 */
	if ((net->share = curl_share_init()) != NULL) {
		curl_share_setopt(net->share, CURLSHOPT_SHARE,
		    CURL_LOCK_DATA_DNS);
		curl_share_setopt(net->share, CURLSHOPT_SHARE,
		    CURL_LOCK_DATA_SSL_SESSION);
	}
	curl_multi_setopt(net->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS,
	    (long)net->limits.max_conns);
	curl_multi_setopt(net->multi, CURLMOPT_MAXCONNECTS,
	    (long)net->limits.max_conns);
	/* HTTP/2 where offered: a host's transfers share one connection. */
	curl_multi_setopt(net->multi, CURLMOPT_PIPELINING,
	    (long)CURLPIPE_MULTIPLEX);
	return (net);
}

/* The queue of url's host, made on first sight. */
static struct net_host *
net_host_get(struct net *net, const char *url)
{
	struct net_host	*h;
	const char	*p;
	size_t		 len, i;
	uint32_t	 hash = 2166136261u;
	char		*key;

	/* scheme://authority, or the whole of a URL without "//". */
	if ((p = strstr(url, "://")) != NULL)
		len = (size_t)(p + 3 - url) + strcspn(p + 3, "/?#");
	else
		len = strlen(url);
	key = xstrndup(url, len);
	for (i = 0; i < len; i++) {
		key[i] = (char)tolower((unsigned char)key[i]);
		hash = (hash ^ (unsigned char)key[i]) * 16777619u;
	}
	hash %= NET_HOST_BUCKETS;
	for (h = net->buckets[hash]; h != NULL; h = h->chain) {
		if (strcmp(h->key, key) == 0) {
			free(key);
			return (h);
		}
	}
	h = xcalloc(1, sizeof *h);
	h->key = key;
	h->chain = net->buckets[hash];
	net->buckets[hash] = h;
	return (h);
}

/* Whether h may start one more transfer. */
static int
net_host_room(const struct net *net, const struct net_host *h)
{
	return (net->limits.max_host_conns <= 0 ||
	    h->running < (size_t)net->limits.max_host_conns);
}

/*
 * Put h on the ready list if it has work and room: at the front when a
 * transfer of its own just ended, so that the next one takes over the
 * connection left open, warm, instead of another host's opening one.
 */
static void
net_host_wake(struct net *net, struct net_host *h, int front)
{
	if (h->ready || h->pending == NULL || !net_host_room(net, h))
		return;
	h->ready = 1;
	if (net->ready == NULL) {
		h->rnext = NULL;
		net->ready = net->ready_tail = h;
	} else if (front) {
		h->rnext = net->ready;
		net->ready = h;
	} else {
		h->rnext = NULL;
		net->ready_tail->rnext = h;
		net->ready_tail = h;
	}
}

/* The first host on the ready list, taken off it. */
static struct net_host *
net_host_next(struct net *net)
{
	struct net_host	*h;

	if ((h = net->ready) == NULL)
		return (NULL);
	net->ready = h->rnext;
	if (net->ready == NULL)
		net->ready_tail = NULL;
	h->rnext = NULL;
	h->ready = 0;
	return (h);
}

/* The first transfer of h's queue, taken off it. */
static struct net_xfer *
net_host_pop(struct net_host *h)
{
	struct net_xfer	*x;

	if ((x = h->pending) == NULL)
		return (NULL);
	h->pending = x->next;
	if (h->pending == NULL)
		h->pending_tail = NULL;
	x->next = NULL;
	return (x);
}

void
net_free(struct net *net)
{
	struct net_host	*h;
	struct net_xfer	*x;
	size_t		 i;

	if (net == NULL)
		return;
	while ((x = net->active) != NULL) {
		net->active = x->next;
		curl_multi_remove_handle(net->multi, x->easy);
		net_xfer_free(x);
	}
	for (i = 0; i < NET_HOST_BUCKETS; i++) {
		while ((h = net->buckets[i]) != NULL) {
			net->buckets[i] = h->chain;
			while ((x = net_host_pop(h)) != NULL)
				net_xfer_free(x);
			free(h->key);
			free(h);
		}
	}
	curl_multi_cleanup(net->multi);
	if (net->share != NULL)
		curl_share_cleanup(net->share);
	free(net->proxy);
	free(net->proxy_auth);
	free(net->ca_file);
	free(net);
	curl_global_cleanup();
}

void
net_add(struct net *net, const struct net_request *req)
{
	struct net_xfer	*x;
	struct net_host	*h;

	x = net_xfer_new(net, req);
	h = x->host = net_host_get(net, x->url);
	if (h->pending_tail != NULL)
		h->pending_tail->next = x;
	else
		h->pending = x;
	h->pending_tail = x;
	net_host_wake(net, h, 0);
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

/*
 * Hand queued transfers to curl while there is room in total, host by
 * host in turn. The per-host cap is ours rather than curl's
 * (CURLMOPT_MAX_HOST_CONNECTIONS): a transfer that curl holds back still
 * runs down its timeout, so a big refresh of one host would time out
 * feeds that never got a connection. For the same reason the total is
 * ours too (curl's CURLMOPT_MAX_TOTAL_CONNECTIONS equals it, and is
 * never reached first).
 */
static void
net_start_more(struct net *net)
{
	struct net_host	*h;
	struct net_xfer	*x;
	char		*cause = NULL;

	while (net->running < (size_t)net->limits.max_conns &&
	    (h = net_host_next(net)) != NULL) {
		x = net_host_pop(h);
		if (net_xfer_start(x, &cause) != 0 ||
		    curl_multi_add_handle(net->multi, x->easy) != CURLM_OK) {
			net_fail(x, cause != NULL ? cause :
			    _("cannot start the transfer"));
			free(cause);
			cause = NULL;
			net_host_wake(net, h, 1);
			continue;
		}
		x->next = net->active;
		net->active = x;
		net->running++;
		net->requests++;
		h->running++;
		/* Its turn again after every other ready host's. */
		net_host_wake(net, h, 0);
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
	x->host->running--;
	net_host_wake(net, x->host, 1);
}

/* Paused transfers that may now go on. Unpausing may call the write
 * callback at once, which does not change the list of active ones. */
static void
net_resume(struct net *net)
{
	struct net_xfer	*x;

	for (x = net->active; x != NULL && net->paused > 0; x = x->next) {
		if (!x->paused || !x->req.admit(x->req.arg))
			continue;
		x->paused = 0;
		x->admitted = 1;
		net->paused--;
		curl_easy_pause(x->easy, CURLPAUSE_CONT);
	}
}

int
net_run(struct net *net, volatile int *cancel, char **cause)
{
	struct net_host	*h;
	struct net_xfer	*x;
	CURLMsg		*msg;
	CURLMcode	 mc;
	size_t		 i;
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
			if (x->paused)
				net->paused--;
			net_unlink(net, x);
			net_xfer_finish(x, msg->data.result);
			net_xfer_free(x);
			net_start_more(net);
		}
		if (net->paused > 0)
			net_resume(net);
		if (net->running > 0 && still > 0)
			curl_multi_poll(net->multi, NULL, 0, 200, NULL);
	}
	/* Cancelled: what is left fails. */
	net->paused = 0;
	while ((x = net->active) != NULL) {
		net->active = x->next;
		net->running--;
		x->host->running--;
		curl_multi_remove_handle(net->multi, x->easy);
		net_fail(x, _("cancelled"));
	}
	while (net_host_next(net) != NULL)
		;
	for (i = 0; i < NET_HOST_BUCKETS; i++)
		for (h = net->buckets[i]; h != NULL; h = h->chain)
			while ((x = net_host_pop(h)) != NULL)
				net_fail(x, _("cancelled"));
	return (0);
}

/* For --version: the libcurl the program runs with. */
const char *
net_curl_version(void)
{
	return (curl_version_info(CURLVERSION_NOW)->version);
}
