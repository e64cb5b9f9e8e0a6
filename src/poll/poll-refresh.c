/*
 * One refresh: the due feeds go to the fetcher, each body streams into
 * its own parser on the parser thread (poll-parse.c), and each finished
 * feed goes to the writer thread (poll-store.c), which stores it at once
 * in one transaction (so a kill loses at most the feeds in flight). The
 * search index catches up in small batches whenever the writer waits for
 * feeds, and what is left afterwards, off the fetching path.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "conf/conf.h"
#include "db/db.h"
#include "feed/feed.h"
#include "net/net.h"
#include "podcast/podcast.h"
#include "poll/poll-int.h"
#include "sync/sync.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

/* Items indexed per transaction: short enough for the TUI's writes to
 * get in between. */
#define POLL_INDEX_BATCH	2000

static double
poll_clock(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec + ts.tv_nsec / 1e9);
}

char *
poll_refresh_url_display(const char *url)
{
	const char	*s, *at, *colon, *slash;

	if ((s = strstr(url, "://")) == NULL)
		return (sanitize_text(url, strlen(url), 0));
	s += 3;
	slash = s + strcspn(s, "/?#");
	at = memchr(s, '@', slash - s);
	colon = at != NULL ? memchr(s, ':', at - s) : NULL;
	if (colon == NULL)
		return (sanitize_text(url, strlen(url), 0));
	char *shown = xasprintf("%.*s:***%s", (int)(colon - url), url, at);
	char *clean = sanitize_text(shown, strlen(shown), 0);
	free(shown);
	return (clean);
}

static void
poll_begin(void *arg, const char *url, const char *charset)
{
	poll_parse_job_begin(arg, url, charset);
}

static int
poll_admit(void *arg)
{
	return (poll_parse_job_admit(arg));
}

static int
poll_data(void *arg, const void *p, size_t n)
{
	poll_parse_job_data(arg, p, n);
	return (0);
}

/* The earliest polite next fetch, from what the server said (the feed's
 * <ttl> is added once it is parsed, poll-parse.c). */
static int64_t
poll_next_fetch(const struct poll_run *run, const struct net_result *r)
{
	int64_t	next = run->now;

	if (r->fresh_until > next)
		next = r->fresh_until;
	if (r->retry_after > next)
		next = r->retry_after;
	return (next);
}

static char *
poll_strdup(const char *s)
{
	return (s != NULL ? xstrdup(s) : NULL);
}

/* A transfer ended: what it came to goes to the parser thread, which
 * finishes the document and hands it to the writer. */
static void
poll_done(void *arg, const struct net_result *r)
{
	struct poll_job		*j = arg;
	struct poll_run		*run = poll_parse_job_run(j);
	struct poll_result	*res;

	res = xcalloc(1, sizeof *res);
	res->feed_id = poll_parse_job_feed(j);
	res->display = xstrdup(poll_parse_job_display(j));
	res->error = poll_strdup(r->error);
	res->etag = poll_strdup(r->etag);
	res->last_modified = poll_strdup(r->last_modified);
	res->new_url = poll_strdup(r->new_url);
	res->fetch.fetched_at = run->now;
	res->fetch.status = r->status;
	res->fetch.not_modified = r->not_modified;
	res->fetch.error = res->error;
	res->fetch.etag = res->etag;
	res->fetch.last_modified = res->last_modified;
	res->fetch.new_url = res->new_url;
	res->fetch.next_fetch = poll_next_fetch(run, r);
	poll_parse_job_done(j, res);
}

/*
 * The pages of the new articles of the feeds set to `fulltext yes`, after
 * the feeds: through the same fetcher and its limits, stored as they come.
 * Unread articles without a full text yet are new enough: what was read
 * needs none, and one that failed is not tried again until asked.
 */
static int
poll_fulltext_phase(struct poll_run *run, struct net *net,
    const struct db_feed *feeds, size_t n, char **cause)
{
	const struct poll_opts	*opts = run->opts;
	struct db_fulltext_job	*jobs;
	struct poll_ft		 ft;
	size_t			 i, k, nj;
	char			*fail = NULL;
	int			 rc = 0;

	memset(&ft, 0, sizeof ft);
	ft.db = run->db;
	ft.cancel = opts->cancel;
	ft.notify_fd = -1;
	for (i = 0; i < n; i++) {
		if (conf_file_fulltext(opts->config, feeds[i].url,
		    feeds[i].tags) != CONF_FULLTEXT_YES)
			continue;
		/* On failure, what was queued still runs: its callbacks
		 * use ft, which must outlive them. */
		if (db_fulltext_todo(run->db, feeds[i].id, POLL_FULLTEXT_MAX,
		    run->now, &jobs, &nj, cause) != 0) {
			rc = -1;
			break;
		}
		for (k = 0; k < nj; k++)
			poll_fulltext_add(&ft, net, &jobs[k]);
		db_fulltext_jobs_free(jobs, nj);
	}
	if (net_run(net, opts->cancel, &fail) != 0) {
		if (rc == 0)
			*cause = fail;
		else
			free(fail);
		rc = -1;
	} else if (rc == 0 && ft.db_error != NULL) {
		*cause = ft.db_error;
		ft.db_error = NULL;
		rc = -1;
	}
	free(ft.db_error);
	run->stats->fulltext += ft.fetched;
	run->stats->fulltext_failed += ft.failed;
	return (rc);
}

/* Index what waits, batch by batch, until done or cancelled; *done
 * counts the articles. 0, or -1 with *cause. */
static int
poll_index_all(struct db *db, volatile int *cancel, size_t *done,
    char **cause)
{
	size_t	n, left;

	do {
		if (cancel != NULL && *cancel)
			break;
		if (db_fts_catch_up(db, POLL_INDEX_BATCH, &n, &left,
		    cause) != 0)
			return (-1);
		*done += n;
	} while (left > 0 && n > 0);
	return (0);
}

/* Index what the refresh stored. */
static int
poll_index(struct poll_run *run, char **cause)
{
	double	t0 = poll_clock();
	int	rc;

	rc = poll_index_all(run->db, run->opts->cancel, &run->stats->indexed,
	    cause);
	run->stats->index_secs += poll_clock() - t0;
	return (rc);
}

int
poll_index_pending(const char *cache_path, volatile int *cancel,
    size_t *done, char **cause)
{
	struct db	*db;
	int		 rc;

	*done = 0;
	if (db_open(cache_path, &db, cause) != DB_OK)
		return (POLL_ERR_CACHE);
	rc = poll_index_all(db, cancel, done, cause) == 0 ? POLL_OK :
	    POLL_ERR_CACHE;
	db_close(db);
	return (rc);
}

static int
poll_wanted(const struct poll_opts *opts, int64_t id)
{
	size_t	i;

	if (opts->only == NULL)
		return (1);
	for (i = 0; i < opts->nonly; i++)
		if (opts->only[i] == id)
			return (1);
	return (0);
}

int
poll_refresh(const char *cache_path, const struct conf_urls *urls,
    const struct poll_opts *opts, struct poll_stats *stats, char **cause)
{
	struct poll_run		 run;
	struct net_limits	 lim;
	struct net_request	 req;
	struct db_feed		*feeds = NULL;
	struct poll_job		*j;
	struct poll_cmd		*cmds = NULL;
	struct net		*net = NULL;
	size_t			 n = 0, i, k, pruned;
	double			 t0 = poll_clock();
	char			*fail = NULL;
	int			 rc = POLL_ERR;

	/* A sync server is the source: the urls file is not. */
	if (sync_backend(opts->config) != NULL)
		return (poll_remote(cache_path, opts, stats, cause));
	memset(stats, 0, sizeof *stats);
	memset(&run, 0, sizeof run);
	run.opts = opts;
	run.stats = stats;
	run.now = (int64_t)time(NULL);
	run.keep.max_items = (int)conf_file_int(opts->config, CONF_MAX_ITEMS);
	run.keep.keep_days = (int)conf_file_int(opts->config,
	    CONF_KEEP_ARTICLES_DAYS);
	run.keep.keep_unread = (int)conf_file_int(opts->config,
	    CONF_KEEP_UNREAD);
	/* The killfile in download mode: such articles are never kept. */
	if (conf_file_int(opts->config, CONF_IGNORE_MODE) ==
	    CONF_IGNORE_DOWNLOAD)
		run.keep.ignore = conf_filter_ignore_sql(opts->config);
	if (db_open(cache_path, &run.db, cause) != DB_OK) {
		free(run.keep.ignore);
		return (POLL_ERR_CACHE);
	}
	if (db_checkpoint_start(run.db, DB_CKPT_START,
	    DB_CKPT_LIMIT, cause) != 0) {
		rc = POLL_ERR_CACHE;
		goto out;
	}
	if (urls != NULL && poll_sync(run.db, urls, cause) != 0) {
		rc = POLL_ERR_CACHE;
		goto out;
	}
	/* Feeds long gone from the urls file leave the cache. */
	if (db_prune_feeds(run.db, run.now, &pruned, cause) != 0) {
		rc = POLL_ERR_CACHE;
		goto out;
	}
	if (db_feeds_list(run.db, opts->force || opts->only != NULL ?
	    INT64_MAX : run.now, &feeds, &n, cause) != 0) {
		rc = POLL_ERR_CACHE;
		goto out;
	}
	poll_limits_get(opts->config, &lim);
	if ((net = net_new(&lim, cause)) == NULL)
		goto out;
	run.idle_index = !opts->skip_index;
	if (poll_store_start(&run, cause) != 0)
		goto out;
	if (poll_parse_start(&run, cause) != 0) {
		poll_store_finish(&run);
		goto out;
	}
	if (opts->only != NULL || opts->only_feed > 0) {
		for (i = k = 0; i < n; i++) {
			if (poll_wanted(opts, feeds[i].id) &&
			    (opts->only_feed <= 0 ||
			    feeds[i].id == opts->only_feed))
				feeds[k++] = feeds[i];
			else
				db_feeds_fini(&feeds[i]);
		}
		n = k;
	}
	run.total = n;
	for (i = 0; i < n; i++) {
		if (poll_cmd_is(feeds[i].url)) {
			poll_cmd_add(&cmds, net, &feeds[i]);
			continue;
		}
		j = poll_parse_job_new(&run, feeds[i].id,
		    poll_refresh_url_display(feeds[i].url));
		memset(&req, 0, sizeof req);
		req.url = feeds[i].location != NULL ? feeds[i].location :
		    feeds[i].url;
		req.etag = feeds[i].etag;
		req.last_modified = feeds[i].last_modified;
		req.arg = j;
		req.begin = poll_begin;
		req.data = poll_data;
		req.admit = poll_admit;
		req.done = poll_done;
		net_add(net, &req);
	}
	if (net_run(net, opts->cancel, &fail) != 0) {
		/* Whatever was queued is still stored. */
		poll_parse_finish(&run);
		poll_store_finish(&run);
		*cause = fail;
		goto out;
	}
	poll_cmd_run_all(cmds, &run, &lim);
	poll_parse_finish(&run);
	poll_store_finish(&run);
	stats->fetch_secs = poll_clock() - t0;
	if (run.db_error != NULL) {
		*cause = run.db_error;
		run.db_error = NULL;
		rc = POLL_ERR_CACHE;
		goto out;
	}
	if (poll_fulltext_phase(&run, net, feeds, n, cause) != 0) {
		rc = POLL_ERR_CACHE;
		goto out;
	}
	/* podcast-auto-enqueue: what this refresh brought. */
	if (podcast_queue_new(run.db, opts->config, run.now,
	    &stats->enqueued, cause) != 0) {
		rc = POLL_ERR_CACHE;
		goto out;
	}
	stats->requests = net_requests(net);
	if (!opts->skip_index && poll_index(&run, cause) != 0) {
		rc = POLL_ERR_CACHE;
		goto out;
	}
	rc = POLL_OK;
out:
	poll_cmd_free(cmds);
	net_free(net);
	db_feeds_free(feeds, n);
	free(run.db_error);
	free(run.keep.ignore);
	db_close(run.db);
	return (rc);
}
