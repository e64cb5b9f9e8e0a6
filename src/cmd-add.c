/*
 * tidings --add=URL [TAG...]: subscribe. A feed's URL is added as it is;
 * a web page's feeds are found in its <link rel="alternate"> elements,
 * else at the usual places of its site (/feed, /rss.xml, /atom.xml,
 * /index.xml), and the first is added, the others listed. A feed already
 * in the urls file is not added again.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "conf/conf.h"
#include "feed/feed.h"
#include "main-modes.h"
#include "net/net.h"
#include "poll/poll.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/url.h"
#include "util/xmalloc.h"

static const char *const add_places[] = {
	"/feed", "/rss.xml", "/atom.xml", "/index.xml"
};

/* "tidings: WHAT: message", WHAT scrubbed (it may come from a page). */
static void
add_error(const char *what, const char *msg)
{
	char	*w = sanitize_text(what, strlen(what), 0);

	fprintf(stderr, "%s: %s: %s\n", PACKAGE, w, msg);
	free(w);
}

struct add_fetch {
	struct buf	 body;
	char		*url;		/* after redirects */
	char		*charset;
	char		*error;
};

static void
add_begin(void *arg, const char *url, const char *charset)
{
	struct add_fetch	*f = arg;

	free(f->url);
	f->url = xstrdup(url);
	free(f->charset);
	f->charset = charset != NULL ? xstrdup(charset) : NULL;
}

static int
add_data(void *arg, const void *p, size_t n)
{
	return (buf_add(&((struct add_fetch *)arg)->body, p, n));
}

static void
add_done(void *arg, const struct net_result *r)
{
	struct add_fetch	*f = arg;

	if (r->error != NULL)
		f->error = xstrdup(r->error);
}

/* One document through the shared fetcher; 0, or -1 with *cause. */
static int
add_get(const struct net_limits *lim, const char *url, struct add_fetch *f,
    char **cause)
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
	req.begin = add_begin;
	req.data = add_data;
	req.done = add_done;
	net_add(n, &req);
	if (net_run(n, NULL, cause) != 0) {
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
add_fetch_fini(struct add_fetch *f)
{
	buf_fini(&f->body);
	free(f->url);
	free(f->charset);
	free(f->error);
}

/* Whether the fetched document is a feed tidings reads. */
static int
add_is_feed(const struct add_fetch *f)
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
add_is_web(const char *url)
{
	return (strncasecmp(url, "http://", 7) == 0 ||
	    strncasecmp(url, "https://", 8) == 0);
}

/*
 * The page's feed links that may be subscribed: a page on the web names
 * only web feeds (never a file: URL of this machine, nor another scheme).
 */
static size_t
add_links(const struct add_fetch *f, char ***v)
{
	size_t	n, i, k;

	n = feed_discover_links(f->body.data, f->body.len, f->url, v);
	for (i = k = 0; i < n; i++) {
		if (add_is_web((*v)[i]) || (!add_is_web(f->url) &&
		    conf_urls_fetchable((*v)[i])))
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
static int
add_discover(const struct net_limits *lim, const char *url, char ***v,
    size_t *n, char **cause)
{
	struct add_fetch	 f, g;
	char			*u, *ignore = NULL;
	size_t			 i;

	*v = NULL;
	*n = 0;
	if (add_get(lim, url, &f, cause) != 0) {
		add_fetch_fini(&f);
		return (-1);
	}
	if (add_is_feed(&f)) {
		*v = xcalloc(1, sizeof **v);
		(*v)[(*n)++] = xstrdup(url);
	} else if ((*n = add_links(&f, v)) == 0 && add_is_web(f.url)) {
		for (i = 0; i < sizeof add_places / sizeof add_places[0]; i++) {
			u = url_resolve(f.url, add_places[i]);
			if (add_get(lim, u, &g, &ignore) == 0 &&
			    add_is_feed(&g)) {
				*v = xcalloc(1, sizeof **v);
				(*v)[(*n)++] = u;
				add_fetch_fini(&g);
				break;
			}
			free(ignore);
			ignore = NULL;
			add_fetch_fini(&g);
			free(u);
		}
	}
	add_fetch_fini(&f);
	return (0);
}

int
cmd_add(const struct cmd_opts *co)
{
	struct conf_paths	 paths;
	struct config		 conf;
	struct conf_urls	 have, add;
	struct net_limits	 lim;
	char			**found = NULL, **tags, *cause = NULL;
	const char		*title = NULL;
	size_t			 nfound = 0, ntags = 0, added, i;
	int			 ex;

	if (!conf_urls_fetchable(co->arg)) {
		add_error(co->arg, _("not an http, https or file URL"));
		return (EXIT_USAGE);
	}
	if ((ex = cmd_setup_config(co, &paths, &conf)) != 0)
		return (ex);
	memset(&add, 0, sizeof add);
	tags = xcalloc((size_t)co->nwords + 1, sizeof *tags);
	if (conf_urls_load(paths.urls, &have, &cause) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
		free(cause);
		ex = EXIT_USAGE;
		goto out;
	}
	/* The words after the URL, as on a urls line: "~Title" and tags. */
	for (i = 0; i < (size_t)co->nwords; i++) {
		if (co->words[i][0] == '~')
			title = co->words[i] + 1;
		else if (co->words[i][0] != '\0')
			tags[ntags++] = (char *)co->words[i];
	}
	if (conf_urls_find(&have, co->arg) != NULL) {
		printf(_("Already subscribed: %s\n"), co->arg);
		goto done;
	}
	poll_limits_get(&conf, &lim);
	lim.max_conns = 1;
	if (add_discover(&lim, co->arg, &found, &nfound, &cause) != 0) {
		add_error(co->arg, cause);
		free(cause);
		ex = EXIT_PARTIAL;
		goto done;
	}
	if (nfound == 0) {
		add_error(co->arg, _("no feed found: the page links to none, "
		    "and none is at /feed, /rss.xml, /atom.xml or /index.xml"));
		ex = EXIT_PARTIAL;
		goto done;
	}
	if (conf_urls_find(&have, found[0]) != NULL)
		printf(_("Already subscribed: %s\n"), found[0]);
	else {
		conf_urls_add(&add, found[0], tags, ntags, title);
		if (conf_urls_append(paths.urls, &add, &added, &cause) != 0) {
			fprintf(stderr, "%s: %s\n", PACKAGE, cause);
			free(cause);
			ex = EXIT_USAGE;
			goto done;
		}
		printf(_("Added %s to %s.\n"), found[0], paths.urls);
	}
	if (nfound > 1) {
		printf(ngettext("The page names %zu other feed:\n",
		    "The page names %zu other feeds:\n", nfound - 1),
		    nfound - 1);
		for (i = 1; i < nfound; i++)
			printf("  %s\n", found[i]);
	}
done:
	conf_urls_fini(&have);
out:
	for (i = 0; i < nfound; i++)
		free(found[i]);
	free(found);
	free(tags);
	conf_urls_fini(&add);
	conf_file_fini(&conf);
	conf_paths_fini(&paths);
	return (ex);
}
