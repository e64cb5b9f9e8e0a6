/*
 * The reader's side of the download queue: enqueue (e) from the article
 * list and the article, and downloads started from the podcasts view on
 * a thread of their own, with their own cache connection. The view sees
 * their progress in the cache (each running file's row is written every
 * second, which moves data_version); the thread's end comes down the
 * notify pipe as UI_NOTIFY_PODCAST.
 */
#include "config.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/db.h"
#include "net/net.h"
#include "podcast/podcast.h"
#include "poll/poll.h"
#include "ui/ui-int.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

struct ui_podcast_bg {
	pthread_t		 th;
	int			 started;	/* not joined yet */
	atomic_int		 finished;
	volatile int		 cancel;
	_Atomic int64_t		 cancel_id;
	int64_t			*ids;		/* NULL: the whole queue */
	size_t			 nids;
	const struct config	*conf;
	const char		*cache_path;
	int			 notify_fd;
	struct podcast_stats	 st;
	char			*cause;
	int			 rc;
};

/* One reader a process: one background run at a time. */
static struct ui_podcast_bg ui_podcast_bg;

void
ui_podcast_enqueue(struct ui *ui, int64_t item_id)
{
	struct db_podcast_item	 it;
	size_t			 added;
	char			*cause = NULL;

	if (db_podcast_item(ui->cfg.db, item_id, &it, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return;
	}
	if (it.enclosures == NULL) {
		db_podcast_item_fini(&it);
		ui_message(ui, 1, "%s", _("This article has no enclosure."));
		return;
	}
	db_podcast_item_fini(&it);
	if (podcast_queue_item(ui->cfg.db, ui->cfg.conf, item_id, 0, &added,
	    &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return;
	}
	if (added == 0)
		ui_message(ui, 0, "%s", _("Already in the download queue."));
	else
		ui_message(ui, 0, ngettext("Queued %zu enclosure for download "
		    "(tidings --download).", "Queued %zu enclosures for "
		    "download (tidings --download).", added), added);
}

static void *
ui_podcast_main(void *arg)
{
	struct ui_podcast_bg	*bg = arg;
	struct net_limits	 l;
	struct podcast_opts	 o;
	struct db		*db;
	int64_t			 done = UI_NOTIFY_PODCAST;

	if (db_open(bg->cache_path, &db, &bg->cause) != DB_OK)
		bg->rc = -1;
	else {
		poll_limits_get(bg->conf, &l);
		memset(&o, 0, sizeof o);
		o.config = bg->conf;
		o.limits = &l;
		o.ids = bg->ids;
		o.nids = bg->nids;
		o.cancel = &bg->cancel;
		o.cancel_id = &bg->cancel_id;
		bg->rc = podcast_fetch_run(db, &o, &bg->st, &bg->cause);
		db_close(db);
	}
	atomic_store(&bg->finished, 1);
	(void)!write(bg->notify_fd, &done, sizeof done);
	return (NULL);
}

int
ui_podcast_running(void)
{
	return (ui_podcast_bg.started && !atomic_load(&ui_podcast_bg.finished));
}

void
ui_podcast_start(struct ui *ui, const int64_t *ids, size_t n)
{
	struct ui_podcast_bg	*bg = &ui_podcast_bg;

	if (bg->started) {
		ui_message(ui, 1, "%s", _("Downloads are running: wait for "
		    "them, or cancel one (c)."));
		return;
	}
	memset(bg, 0, sizeof *bg);
	if (ids != NULL) {
		bg->ids = xreallocarray(NULL, n, sizeof *ids);
		memcpy(bg->ids, ids, n * sizeof *ids);
		bg->nids = n;
	}
	bg->conf = ui->cfg.conf;
	bg->cache_path = ui->cfg.cache_path;
	bg->notify_fd = ui->notify[1];
	if (pthread_create(&bg->th, NULL, ui_podcast_main, bg) != 0) {
		free(bg->ids);
		bg->ids = NULL;
		ui_message(ui, 1, "%s", _("cannot start the downloads"));
		return;
	}
	bg->started = 1;
	ui_message(ui, 0, "%s", _("Downloading..."));
}

void
ui_podcast_cancel(int64_t id)
{
	if (ui_podcast_running())
		atomic_store(&ui_podcast_bg.cancel_id, id);
}

/* The run ended: join it and say how it went. */
void
ui_podcast_finished(struct ui *ui)
{
	struct ui_podcast_bg	*bg = &ui_podcast_bg;

	if (!bg->started || !atomic_load(&bg->finished))
		return;
	pthread_join(bg->th, NULL);
	bg->started = 0;
	if (bg->rc != 0)
		ui_message(ui, 1, "%s", bg->cause != NULL ? bg->cause : "?");
	else if (bg->st.failed > 0)
		ui_message(ui, 1, ngettext("Downloads: %zu done, %zu failed "
		    "or cancelled (see the list).", "Downloads: %zu done, %zu "
		    "failed or cancelled (see the list).", bg->st.done),
		    bg->st.done, bg->st.failed);
	else
		ui_message(ui, 0, ngettext("Downloads: %zu done.",
		    "Downloads: %zu done.", bg->st.done), bg->st.done);
	free(bg->cause);
	free(bg->ids);
	bg->cause = NULL;
	bg->ids = NULL;
	ui_reload_all(ui, 0);
}

void
ui_podcast_stop(void)
{
	struct ui_podcast_bg	*bg = &ui_podcast_bg;

	if (!bg->started)
		return;
	bg->cancel = 1;
	pthread_join(bg->th, NULL);
	bg->started = 0;
	free(bg->cause);
	free(bg->ids);
	bg->cause = NULL;
	bg->ids = NULL;
}
