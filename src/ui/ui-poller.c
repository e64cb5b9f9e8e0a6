/*
 * The poller thread: runs the refresh engine of src/poll on a thread of
 * its own, with its own database connection (poll_refresh opens one), and
 * tells the UI thread through the notify pipe. The threads share only the
 * progress counters, under a mutex, and the cancel flag. A second thread
 * fetches the full text of articles the reader asks for (poll_fulltext),
 * so that reading one never waits for a refresh, nor a refresh for it.
 */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "poll/poll.h"
#include "ui/ui.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

struct ui_poller {
	const struct config	*conf;
	char			*cache_path;
	pthread_t		 thread;
	int			 running;	/* a thread to join */
	volatile int		 cancel;
	int			 notify_fd;
	int64_t			 only_feed;
	pthread_mutex_t		 mu;		/* guards what follows */
	size_t			 done;
	size_t			 total;
	int			 rc;
	char			*cause;
	struct poll_stats	 stats;
	/* The full-text thread and the articles it is to fetch. */
	pthread_t		 ft_thread;
	int			 ft_joinable;
	int			 ft_running;
	volatile int		 ft_cancel;
	int			 ft_notify_fd;
	int64_t			*ft_queue;
	size_t			 ft_nqueue;
	/* The search index's catch-up thread. */
	pthread_t		 ix_thread;
	int			 ix_joinable;
	volatile int		 ix_cancel;
};

/* Articles asked for but not fetched yet: a ceiling on the queue. */
#define UI_POLLER_FT_MAX	256

static void
ui_poller_progress_cb(void *arg, const struct poll_progress *pg)
{
	struct ui_poller	*p = arg;

	pthread_mutex_lock(&p->mu);
	p->done = pg->done;
	p->total = pg->total;
	pthread_mutex_unlock(&p->mu);
}

/* The last word of a run must arrive: retry while the pipe is full. */
static void
ui_poller_say_done(struct ui_poller *p)
{
	struct timespec	ts = { 0, 10 * 1000 * 1000 };
	int64_t		zero = 0;

	while (write(p->notify_fd, &zero, sizeof zero) == -1 &&
	    (errno == EAGAIN || errno == EINTR) && !p->cancel)
		nanosleep(&ts, NULL);
}

static void *
ui_poller_main(void *arg)
{
	struct ui_poller	*p = arg;
	struct poll_opts	 po;
	struct poll_stats	 st;
	char			*cause = NULL;
	int			 rc;

	memset(&po, 0, sizeof po);
	po.config = p->conf;
	po.force = 1;		/* asked for: not only the feeds due */
	po.cancel = &p->cancel;
	po.progress = ui_poller_progress_cb;
	po.arg = p;
	po.notify_fd = p->notify_fd;
	po.only_feed = p->only_feed;
	rc = poll_refresh(p->cache_path, NULL, &po, &st, &cause);
	pthread_mutex_lock(&p->mu);
	p->rc = rc;
	p->cause = cause;
	p->stats = st;
	pthread_mutex_unlock(&p->mu);
	ui_poller_say_done(p);
	return (NULL);
}

static int
ui_poller_start(void *arg, long long feed_id, int notify_fd, char **cause)
{
	struct ui_poller	*p = arg;
	int			 e;

	if (p->running) {
		*cause = xstrdup(_("A refresh is already running."));
		return (-1);
	}
	p->cancel = 0;
	p->notify_fd = notify_fd;
	p->only_feed = feed_id;
	p->done = p->total = 0;
	p->rc = POLL_OK;
	free(p->cause);
	p->cause = NULL;
	if ((e = pthread_create(&p->thread, NULL, ui_poller_main, p)) != 0) {
		*cause = xasprintf(_("cannot start the poller: %s"),
		    strerror(e));
		return (-1);
	}
	p->running = 1;
	return (0);
}

static void
ui_poller_progress(void *arg, size_t *done, size_t *total)
{
	struct ui_poller	*p = arg;

	pthread_mutex_lock(&p->mu);
	*done = p->done;
	*total = p->total;
	pthread_mutex_unlock(&p->mu);
}

static int
ui_poller_finish(void *arg, char **msg)
{
	struct ui_poller	*p = arg;
	char			*feeds, *items;
	int			 rc = 0;

	if (!p->running) {
		*msg = xstrdup("");
		return (0);
	}
	pthread_join(p->thread, NULL);
	p->running = 0;
	if (p->rc != POLL_OK) {
		*msg = xstrdup(p->cause != NULL ? p->cause : _("refresh failed"));
		return (-1);
	}
	/* One count per message, for the plural forms of each. */
	feeds = xasprintf(ngettext("Refreshed %zu feed", "Refreshed %zu feeds",
	    p->stats.feeds), p->stats.feeds);
	items = xasprintf(ngettext("%zu new article", "%zu new articles",
	    p->stats.new_items), p->stats.new_items);
	if (p->stats.failed > 0) {
		/* TRANSLATORS: "Refreshed 3 feeds: 5 new articles, 1 failed
		 * (e on a feed shows why)." */
		*msg = xasprintf(ngettext("%s: %s, %zu failed (e on a feed "
		    "shows why).", "%s: %s, %zu failed (e on a feed shows "
		    "why).", p->stats.failed), feeds, items, p->stats.failed);
		rc = -1;
	} else
		/* TRANSLATORS: "Refreshed 3 feeds: 5 new articles." */
		*msg = xasprintf(_("%s: %s."), feeds, items);
	free(feeds);
	free(items);
	return (rc);
}

static void ui_poller_ft_stop(struct ui_poller *);

/* At exit: every thread ends before the notify pipe is closed. */
static void
ui_poller_stop(void *arg)
{
	struct ui_poller	*p = arg;

	if (p->ix_joinable) {
		p->ix_cancel = 1;
		pthread_join(p->ix_thread, NULL);
		p->ix_joinable = 0;
	}
	ui_poller_ft_stop(p);
	if (!p->running)
		return;
	p->cancel = 1;
	pthread_join(p->thread, NULL);
	p->running = 0;
}

/* The full-text thread: fetch what is queued until the queue is empty. */
static void *
ui_poller_ft_main(void *arg)
{
	struct ui_poller	*p = arg;
	struct poll_ft_stats	 st;
	int64_t			*ids;
	size_t			 n;
	char			*cause = NULL;

	for (;;) {
		pthread_mutex_lock(&p->mu);
		ids = p->ft_queue;
		n = p->ft_nqueue;
		p->ft_queue = NULL;
		p->ft_nqueue = 0;
		if (n == 0 || p->ft_cancel) {
			p->ft_running = 0;
			pthread_mutex_unlock(&p->mu);
			free(ids);
			return (NULL);
		}
		pthread_mutex_unlock(&p->mu);
		/* Failures of a page are stored with the article; what is
		 * left is a cache problem, which the next read shows. */
		if (poll_fulltext(p->cache_path, p->conf, ids, n,
		    &p->ft_cancel, p->ft_notify_fd, &st, &cause) != POLL_OK) {
			free(cause);
			cause = NULL;
		}
		free(ids);
	}
}

static int
ui_poller_fulltext(void *arg, long long item_id, int notify_fd,
    char **cause)
{
	struct ui_poller	*p = arg;
	size_t			 i;
	int			 e, rc = 0;

	pthread_mutex_lock(&p->mu);
	for (i = 0; i < p->ft_nqueue; i++)
		if (p->ft_queue[i] == item_id)
			goto out;
	if (p->ft_nqueue >= UI_POLLER_FT_MAX) {
		*cause = xstrdup(_("Too many articles are being fetched."));
		rc = -1;
		goto out;
	}
	p->ft_queue = xreallocarray(p->ft_queue, p->ft_nqueue + 1,
	    sizeof *p->ft_queue);
	p->ft_queue[p->ft_nqueue++] = item_id;
	p->ft_notify_fd = notify_fd;
	if (p->ft_running)
		goto out;
	/* The last thread has said it is ending: wait for it. */
	if (p->ft_joinable)
		pthread_join(p->ft_thread, NULL);
	p->ft_joinable = 0;
	p->ft_cancel = 0;
	if ((e = pthread_create(&p->ft_thread, NULL, ui_poller_ft_main,
	    p)) != 0) {
		p->ft_nqueue = 0;
		*cause = xasprintf(_("cannot start the poller: %s"),
		    strerror(e));
		rc = -1;
		goto out;
	}
	p->ft_joinable = p->ft_running = 1;
out:
	pthread_mutex_unlock(&p->mu);
	return (rc);
}

static void
ui_poller_ft_stop(struct ui_poller *p)
{
	int	joinable;

	pthread_mutex_lock(&p->mu);
	p->ft_cancel = 1;
	joinable = p->ft_joinable;
	p->ft_joinable = 0;
	pthread_mutex_unlock(&p->mu);
	if (joinable)
		pthread_join(p->ft_thread, NULL);
	free(p->ft_queue);
	p->ft_queue = NULL;
	p->ft_nqueue = 0;
}

static int
ui_poller_busy(void *arg)
{
	struct ui_poller	*p = arg;
	int			 busy;

	pthread_mutex_lock(&p->mu);
	busy = p->running || p->ft_running;
	pthread_mutex_unlock(&p->mu);
	return (busy);
}

/* A cache problem here shows in the next refresh; nothing to say now. */
static void *
ui_poller_ix_main(void *arg)
{
	struct ui_poller	*p = arg;
	size_t			 done;
	char			*cause = NULL;

	if (poll_index_pending(p->cache_path, &p->ix_cancel, &done,
	    &cause) != POLL_OK)
		free(cause);
	return (NULL);
}

static void
ui_poller_index(void *arg)
{
	struct ui_poller	*p = arg;

	if (p->ix_joinable)
		return;
	p->ix_cancel = 0;
	if (pthread_create(&p->ix_thread, NULL, ui_poller_ix_main, p) == 0)
		p->ix_joinable = 1;
}

const struct ui_poller_ops ui_poller_ops = {
	ui_poller_start, ui_poller_progress, ui_poller_finish, ui_poller_stop,
	ui_poller_fulltext, ui_poller_busy, ui_poller_index
};

struct ui_poller *
ui_poller_new(const struct config *conf, const char *cache_path)
{
	struct ui_poller	*p;

	p = xcalloc(1, sizeof *p);
	p->conf = conf;
	p->cache_path = xstrdup(cache_path);
	p->notify_fd = -1;
	pthread_mutex_init(&p->mu, NULL);
	return (p);
}

void
ui_poller_free(struct ui_poller *p)
{
	if (p == NULL)
		return;
	ui_poller_stop(p);
	pthread_mutex_destroy(&p->mu);
	free(p->cause);
	free(p->cache_path);
	free(p);
}
