/*
 * The poller thread: runs the refresh engine of src/poll on a thread of
 * its own, with its own database connection (poll_refresh opens one), and
 * tells the UI thread through the notify pipe. The threads share only the
 * progress counters, under a mutex, and the cancel flag.
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
};

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
	if (p->stats.failed > 0) {
		*msg = xasprintf(_("Refreshed %zu feeds: %zu new articles, %zu "
		    "failed (e on a feed shows why)."), p->stats.feeds,
		    p->stats.new_items, p->stats.failed);
		return (-1);
	}
	*msg = xasprintf(_("Refreshed %zu feeds: %zu new articles."),
	    p->stats.feeds, p->stats.new_items);
	return (0);
}

static void
ui_poller_stop(void *arg)
{
	struct ui_poller	*p = arg;

	if (!p->running)
		return;
	p->cancel = 1;
	pthread_join(p->thread, NULL);
	p->running = 0;
}

const struct ui_poller_ops ui_poller_ops = {
	ui_poller_start, ui_poller_progress, ui_poller_finish, ui_poller_stop
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
