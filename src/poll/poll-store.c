/*
 * The writer: one thread that owns the refresh's SQLite connection and
 * stores each fetched feed in one transaction, while the fetching thread
 * goes on with curl and the parsers (after newsraft's inserter). On two
 * cores, parsing and storing overlap. The queue between them is bounded.
 * While the queue is empty (the network is the slow part) the writer
 * brings the search index up to date in small batches, so that less of
 * it is left for after the last feed; a feed that arrives waits at most
 * one batch.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "feed/feed.h"
#include "poll/poll-int.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* Items indexed in one go while the writer waits for feeds. */
#define POLL_IDLE_INDEX_BATCH	200

void
poll_store_result_free(struct poll_result *r)
{
	if (r == NULL)
		return;
	free(r->display);
	free(r->error);
	free(r->etag);
	free(r->last_modified);
	free(r->new_url);
	db_items_doc_prep_free(r->prep);
	feed_doc_free(r->doc);
	free(r);
}

static void
poll_store_one(struct poll_run *run, struct poll_result *r)
{
	const struct poll_opts	*opts = run->opts;
	struct poll_stats	*st = run->stats;
	struct poll_progress	 pg;
	struct db_store_stats	 ss;
	char			*cause = NULL;
	int64_t			 id = r->feed_id;

	memset(&ss, 0, sizeof ss);
	if (db_feeds_store(run->db, id, &r->fetch, r->doc, r->prep, &run->keep,
	    &ss, &cause) != 0) {
		if (run->db_error == NULL)
			run->db_error = cause;
		else
			free(cause);
		if (r->fetch.error == NULL)
			r->fetch.error = _("cannot store in the cache");
	}
	if (r->fetch.error != NULL)
		st->failed++;
	else {
		if (r->fetch.not_modified)
			st->not_modified++;
		st->new_items += ss.new_items;
		st->updated_items += ss.updated_items;
		st->deleted_items += ss.deleted_items;
		/* A full pipe drops the id: the reader re-reads anyway. */
		if (opts->notify_fd >= 0 && (ss.new_items > 0 ||
		    ss.updated_items > 0 || ss.deleted_items > 0))
			(void)!write(opts->notify_fd, &id, sizeof id);
	}
	st->feeds++;
	if (ss.new_items > 0 || ss.updated_items > 0)
		run->idle_index = !opts->skip_index;
	if (opts->progress != NULL) {
		memset(&pg, 0, sizeof pg);
		pg.done = st->feeds;
		pg.total = run->total;
		pg.new_items = st->new_items;
		pg.failed = st->failed;
		pg.feed_id = id;
		pg.url = r->display;
		pg.error = r->fetch.error;
		opts->progress(opts->arg, &pg);
	}
}

static double
poll_store_clock(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec + ts.tv_nsec / 1e9);
}

/* One batch of the search index, while there are no feeds to store. A
 * failure stops this; the catch-up after the feeds reports it. */
static void
poll_store_index_some(struct poll_run *run)
{
	size_t	done = 0, left = 0;
	double	t0 = poll_store_clock();
	char	*cause = NULL;

	if ((run->opts->cancel != NULL && *run->opts->cancel) ||
	    db_fts_catch_up(run->db, POLL_IDLE_INDEX_BATCH, &done, &left,
	    &cause) != 0) {
		free(cause);
		run->idle_index = 0;
		return;
	}
	run->stats->indexed += done;
	run->stats->index_secs += poll_store_clock() - t0;
	if (left == 0 || done == 0)
		run->idle_index = 0;
}

static void *
poll_store_main(void *arg)
{
	struct poll_run		*run = arg;
	struct poll_result	*r;

	for (;;) {
		pthread_mutex_lock(&run->lock);
		while (run->head == NULL && !run->closed) {
			if (run->idle_index) {
				pthread_mutex_unlock(&run->lock);
				poll_store_index_some(run);
				pthread_mutex_lock(&run->lock);
				continue;
			}
			pthread_cond_wait(&run->cond, &run->lock);
		}
		if ((r = run->head) == NULL) {
			pthread_mutex_unlock(&run->lock);
			break;
		}
		run->head = r->next;
		if (run->head == NULL)
			run->tail = NULL;
		run->queued--;
		pthread_cond_broadcast(&run->cond);
		pthread_mutex_unlock(&run->lock);

		poll_store_one(run, r);
		poll_store_result_free(r);
	}
	return (NULL);
}

int
poll_store_start(struct poll_run *run, char **cause)
{
	pthread_mutex_init(&run->lock, NULL);
	pthread_cond_init(&run->cond, NULL);
	if (pthread_create(&run->writer, NULL, poll_store_main, run) != 0) {
		*cause = xstrdup(_("cannot start the writer thread"));
		pthread_cond_destroy(&run->cond);
		pthread_mutex_destroy(&run->lock);
		return (-1);
	}
	return (0);
}

void
poll_store_push(struct poll_run *run, struct poll_result *r)
{
	/* The writer is the busier thread: the items' per-item work is done
	 * here, on the caller's (the parser's) thread, before the queue. */
	if (r->doc != NULL)
		r->prep = db_items_doc_prepare(r->doc);
	r->next = NULL;
	pthread_mutex_lock(&run->lock);
	while (run->queued >= POLL_QUEUE_MAX)
		pthread_cond_wait(&run->cond, &run->lock);
	if (run->tail != NULL)
		run->tail->next = r;
	else
		run->head = r;
	run->tail = r;
	run->queued++;
	pthread_cond_broadcast(&run->cond);
	pthread_mutex_unlock(&run->lock);
}

void
poll_store_finish(struct poll_run *run)
{
	pthread_mutex_lock(&run->lock);
	run->closed = 1;
	pthread_cond_broadcast(&run->cond);
	pthread_mutex_unlock(&run->lock);
	pthread_join(run->writer, NULL);
	pthread_cond_destroy(&run->cond);
	pthread_mutex_destroy(&run->lock);
}
