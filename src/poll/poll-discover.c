/*
 * The feeds of an address, for tidings --add and the reader's add-feed:
 * a feed's URL is itself; a web page's feeds are found in its
 * <link rel="alternate"> elements, else at the usual places of its site
 * (/feed, /rss.xml, /atom.xml, /index.xml).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "conf/conf.h"
#include "feed/feed.h"
#include "net/net.h"
#include "poll/poll.h"
#include "util/buf.h"
#include "util/url.h"
#include "util/xmalloc.h"

static const char *const poll_discover_places[] = {
	"/feed", "/rss.xml", "/atom.xml", "/index.xml"
};

struct poll_discover_fetch {
	struct buf	 body;
	char		*url;		/* after redirects */
	char		*charset;
	char		*error;
};

static void
poll_discover_begin(void *arg, const char *url, const char *charset)
{
	struct poll_discover_fetch	*f = arg;

	free(f->url);
	f->url = xstrdup(url);
	free(f->charset);
	f->charset = charset != NULL ? xstrdup(charset) : NULL;
}

static int
poll_discover_data(void *arg, const void *p, size_t n)
{
	return (buf_add(&((struct poll_discover_fetch *)arg)->body, p, n));
}

static void
poll_discover_done(void *arg, const struct net_result *r)
{
	struct poll_discover_fetch	*f = arg;

	if (r->error != NULL)
		f->error = xstrdup(r->error);
}

/* One document through the shared fetcher; 0, or -1 with *cause. */
static int
poll_discover_get(const struct net_limits *lim, const char *url,
    struct poll_discover_fetch *f, volatile int *cancel, char **cause)
{
	struct net_request	 req;
	struct net		*n;

	memset(f, 0, sizeof *f);
	buf_init(&f->body, 0);
	buf_add(&f->body, "", 0);
	if ((n = net_new(lim, cause)) == NULL)
		return (-1);
	memset(&req, 0, sizeof req);
	req.url = url;
	req.arg = f;
	req.begin = poll_discover_begin;
	req.data = poll_discover_data;
	req.done = poll_discover_done;
	net_add(n, &req);
	if (net_run(n, cancel, cause) != 0) {
		net_free(n);
		return (-1);
	}
	net_free(n);
	if (f->error != NULL) {
		*cause = f->error;
		f->error = NULL;
		return (-1);
	}
	if (f->url == NULL)
		f->url = xstrdup(url);
	return (0);
}

static void
poll_discover_fetch_fini(struct poll_discover_fetch *f)
{
	buf_fini(&f->body);
	free(f->url);
	free(f->charset);
	free(f->error);
}

/* Whether the fetched document is a feed tidings reads. */
static int
poll_discover_is_feed(const struct poll_discover_fetch *f)
{
	struct feed_doc	*d;
	int		 yes;

	d = feed_parser_parse_buffer(f->body.data, f->body.len, f->url,
	    f->charset, NULL);
	yes = d->format != FEED_FORMAT_UNKNOWN;
	feed_doc_free(d);
	return (yes);
}

static int
poll_discover_is_web(const char *url)
{
	return (strncasecmp(url, "http://", 7) == 0 ||
	    strncasecmp(url, "https://", 8) == 0);
}

/* No blank or control character: a link goes into the urls file as one
 * word, and a line break there would start a line of the page's own. */
static int
poll_discover_plain(const char *url)
{
	const unsigned char	*p;

	for (p = (const unsigned char *)url; *p != '\0'; p++)
		if (*p <= ' ' || *p == 0x7f)
			return (0);
	return (1);
}

/*
 * The page's feed links that may be subscribed: a page on the web names
 * only web feeds (never a file: URL of this machine, nor another scheme).
 */
static size_t
poll_discover_links(const struct poll_discover_fetch *f, char ***v)
{
	size_t	n, i, k;

	n = feed_discover_links(f->body.data, f->body.len, f->url, v);
	for (i = k = 0; i < n; i++) {
		if (poll_discover_plain((*v)[i]) &&
		    (poll_discover_is_web((*v)[i]) ||
		    (!poll_discover_is_web(f->url) &&
		    conf_urls_fetchable((*v)[i]))))
			(*v)[k++] = (*v)[i];
		else
			free((*v)[i]);
	}
	return (k);
}

/*
 * The feeds for url: itself when it is one, else the page's links, else
 * the first of the usual places that is a feed. 0 and the list (maybe
 * empty), or -1 when url itself cannot be fetched.
 */
int
poll_discover(const struct config *conf, const char *url, char ***v,
    size_t *n, volatile int *cancel, char **cause)
{
	struct net_limits	 limits, *lim = &limits;
	struct poll_discover_fetch	 f, g;
	char			*u, *ignore = NULL;
	size_t			 i;

	poll_limits_get(conf, &limits);
	limits.max_conns = 1;
	*v = NULL;
	*n = 0;
	if (poll_discover_get(lim, url, &f, cancel, cause) != 0) {
		poll_discover_fetch_fini(&f);
		return (-1);
	}
	if (poll_discover_is_feed(&f)) {
		*v = xcalloc(1, sizeof **v);
		(*v)[(*n)++] = xstrdup(url);
	} else if ((*n = poll_discover_links(&f, v)) == 0 &&
	    poll_discover_is_web(f.url)) {
		for (i = 0; i < sizeof poll_discover_places /
		    sizeof poll_discover_places[0]; i++) {
			u = url_resolve(f.url, poll_discover_places[i]);
			if (poll_discover_get(lim, u, &g, cancel,
			    &ignore) == 0 && poll_discover_is_feed(&g)) {
				*v = xcalloc(1, sizeof **v);
				(*v)[(*n)++] = u;
				poll_discover_fetch_fini(&g);
				break;
			}
			free(ignore);
			ignore = NULL;
			poll_discover_fetch_fini(&g);
			free(u);
		}
	}
	poll_discover_fetch_fini(&f);
	return (0);
}
