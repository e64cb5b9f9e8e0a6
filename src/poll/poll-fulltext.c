/*
 * Full text: fetch the web pages of articles through the same fetcher as
 * the feeds (limits, User-Agent, compression, proxy), extract each
 * article (src/render) and store it, or why it failed, with the item
 * (db-fulltext.c). The refresh runs it for the new articles of the feeds
 * set to `fulltext yes`, after the feeds themselves; the reader runs it on
 * a thread of its own for the article being read.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "conf/conf.h"
#include "db/db.h"
#include "net/net.h"
#include "poll/poll-int.h"
#include "render/render.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* Items a reader's fetch indexes besides its own (see poll_fulltext). */
#define POLL_FT_INDEX_BATCH	500
/* After a failure that may pass, the page is tried again this much later
 * (by a refresh, or on opening the article). */
#define POLL_FT_RETRY		(6 * 3600)

struct poll_ft_fetch {
	struct poll_ft		*ft;
	int64_t			 item_id;
	struct buf		 body;
	char			*url;		/* after redirects */
	char			*charset;	/* of the Content-Type */
};

static int
poll_ft_local(const char *url)
{
	return (url[0] == '/' || strncasecmp(url, "file://", 7) == 0);
}

/*
 * Which links may be fetched: web pages, and local files only for a feed
 * that is itself a local file (the demo feeds). A feed from the network
 * must not make us read the user's files into the cache.
 */
const char *
poll_fulltext_refuse(const char *link, const char *feed_url)
{
	if (link == NULL || *link == '\0')
		return (_("the article has no link"));
	if (strncasecmp(link, "http://", 7) == 0 ||
	    strncasecmp(link, "https://", 8) == 0)
		return (NULL);
	if (poll_ft_local(link) && feed_url != NULL && poll_ft_local(feed_url))
		return (NULL);
	return (_("the link is not a web page"));
}

/* The reader waits for this id: retry while the pipe is full. */
static void
poll_ft_notify(struct poll_ft *ft, int64_t item_id)
{
	struct timespec	ts = { 0, 10 * 1000 * 1000 };
	int64_t		v = -item_id;

	if (ft->notify_fd < 0)
		return;
	while (write(ft->notify_fd, &v, sizeof v) == -1 &&
	    (errno == EAGAIN || errno == EINTR) &&
	    (ft->cancel == NULL || !*ft->cancel))
		nanosleep(&ts, NULL);
}

static void
poll_ft_store(struct poll_ft *ft, int64_t item_id, const char *html,
    const char *error, int64_t retry_at)
{
	char	*cause = NULL;

	if (db_fulltext_store(ft->db, item_id, (int64_t)time(NULL), html,
	    error, retry_at, &cause) != 0) {
		if (ft->db_error == NULL)
			ft->db_error = cause;
		else
			free(cause);
	}
	if (error != NULL)
		ft->failed++;
	else
		ft->fetched++;
	poll_ft_notify(ft, item_id);
}

/*
 * When a failed fetch is worth another try: the network or the server
 * (no answer, 408, 429, 5xx), not a page that is gone, too big or holds
 * no article. 0: not by itself (r in the article still asks).
 */
static int64_t
poll_ft_retry_at(const struct net_result *r)
{
	int64_t	at = (int64_t)time(NULL) + POLL_FT_RETRY;

	if (r->status != 0 && r->status != 408 && r->status != 429 &&
	    r->status < 500)
		return (0);
	return (r->retry_after > at ? r->retry_after : at);
}

static void
poll_ft_begin(void *arg, const char *url, const char *charset)
{
	struct poll_ft_fetch	*f = arg;

	free(f->url);
	f->url = xstrdup(url);
	free(f->charset);
	f->charset = charset != NULL ? xstrdup(charset) : NULL;
	buf_reset(&f->body);
}

static int
poll_ft_data(void *arg, const void *p, size_t n)
{
	struct poll_ft_fetch	*f = arg;

	/* The fetcher caps the size (download-max-size). */
	buf_add(&f->body, p, n);
	return (0);
}

static void
poll_ft_done(void *arg, const struct net_result *r)
{
	struct poll_ft_fetch	*f = arg;
	struct render_article	*a = NULL;
	char			*cause = NULL, *why;

	if (f->ft->cancel != NULL && *f->ft->cancel)
		;	/* Not a failure of the page: try again next time. */
	else if (r->error != NULL)
		poll_ft_store(f->ft, f->item_id, NULL, r->error,
		    poll_ft_retry_at(r));
	else if (extract_page_article(f->body.data != NULL ? f->body.data : "",
	    f->body.len, f->charset, f->url, &a, &cause) != 0) {
		why = cause != NULL ? cause : xstrdup(_("no article found"));
		poll_ft_store(f->ft, f->item_id, NULL, why, 0);
		free(why);
	} else {
		poll_ft_store(f->ft, f->item_id, a->html, NULL, 0);
		extract_article_free(a);
	}
	buf_fini(&f->body);
	free(f->url);
	free(f->charset);
	free(f);
}

void
poll_fulltext_add(struct poll_ft *ft, struct net *net,
    const struct db_fulltext_job *j)
{
	struct poll_ft_fetch	*f;
	struct net_request	 req;
	const char		*why;

	if ((why = poll_fulltext_refuse(j->link, j->feed_url)) != NULL) {
		poll_ft_store(ft, j->item_id, NULL, why, 0);
		return;
	}
	f = xcalloc(1, sizeof *f);
	f->ft = ft;
	f->item_id = j->item_id;
	f->url = xstrdup(j->link);
	buf_init(&f->body, 0);
	memset(&req, 0, sizeof req);
	req.url = j->link;
	req.arg = f;
	req.begin = poll_ft_begin;
	req.data = poll_ft_data;
	req.done = poll_ft_done;
	net_add(net, &req);
}

int
poll_fulltext(const char *cache_path, const struct config *conf,
    const int64_t *items, size_t n, volatile int *cancel, int notify_fd,
    struct poll_ft_stats *stats, char **cause)
{
	struct db_fulltext_job	 j;
	struct net_limits	 lim;
	struct poll_ft		 ft;
	struct net		*net = NULL;
	char			*fail = NULL;
	size_t			 i;
	int			 rc = POLL_ERR;

	memset(stats, 0, sizeof *stats);
	memset(&ft, 0, sizeof ft);
	ft.cancel = cancel;
	ft.notify_fd = notify_fd;
	if (db_open(cache_path, &ft.db, cause) != DB_OK) {
		rc = POLL_ERR_CACHE;
		goto out_unheard;
	}
	poll_limits_get(conf, &lim);
	if ((net = net_new(&lim, cause)) == NULL)
		goto out_unheard;
	for (i = 0; i < n; i++) {
		if (db_fulltext_job(ft.db, items[i], &j, &fail) != 0) {
			/* Gone meanwhile: nothing to fetch, but the reader
			 * still hears that it is over. */
			free(fail);
			fail = NULL;
			poll_ft_notify(&ft, items[i]);
			continue;
		}
		poll_fulltext_add(&ft, net, &j);
		free(j.link);
		free(j.feed_url);
	}
	if (net_run(net, cancel, &fail) != 0) {
		*cause = fail;
		goto out;
	}
	if (ft.db_error != NULL) {
		*cause = ft.db_error;
		ft.db_error = NULL;
		rc = POLL_ERR_CACHE;
		goto out;
	}
	/* Searchable at once, not after the next refresh: a few items, and
	 * whatever else waits, in one batch. */
	if (db_fts_catch_up(ft.db, n + POLL_FT_INDEX_BATCH, NULL, NULL,
	    cause) != 0) {
		rc = POLL_ERR_CACHE;
		goto out;
	}
	rc = POLL_OK;
	goto out;
out_unheard:
	/* Nothing was tried: the reader must not wait on these. */
	for (i = 0; i < n; i++)
		poll_ft_notify(&ft, items[i]);
out:
	stats->fetched = ft.fetched;
	stats->failed = ft.failed;
	net_free(net);
	free(ft.db_error);
	db_close(ft.db);
	return (rc);
}
