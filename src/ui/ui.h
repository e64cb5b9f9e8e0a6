/*
 * The terminal user interface: the front door used by src/cmd-ui.c.
 * Only src/ui/ includes curses; the key and colour tables it reads are
 * conf's (conf/conf.h).
 */
#ifndef TIDINGS_UI_UI_H
#define TIDINGS_UI_UI_H

#include <stddef.h>

struct config;
struct conf_urls;
struct db;
struct ui_poller_ops;

/* What the caller hands the UI; every pointer is borrowed. */
struct ui_config {
	const char	*cache_path;	/* for the poller's own connection */
	const char	*urls_path;
	const char	*browser;	/* `browser` option, or NULL */
	const char	*open_schemes;	/* `open-url-schemes` */
	int		 refresh_on_startup;
	int		 reload_minutes; /* `reload-time`; 0: never */
	int		 show_read_feeds; /* start with read feeds shown */
	int		 first_start;	/* no urls file: show the welcome */
	int		 remote;	/* feeds from a sync server: no urls file */
	int		 podcasts;	/* start in the download queue */
	/* Started with the UI's database connection and the poller's
	 * callbacks (NULL when no poller is built in). */
	struct db	*db;
	/* The whole configuration, for per-feed settings (fulltext); the
	 * command line's set and source change it while no refresh runs. */
	struct config	*conf;
	/* The urls file as read at start (its query feeds), or NULL. */
	const struct conf_urls *urls;
	const struct ui_poller_ops *poller;
	void		*poller_arg;
};

/*
 * A background refresher as the UI sees it (ui-poller.c implements it
 * over src/poll; tests may give another): start() runs a refresh (of one
 * feed, or all when feed_id is 0) on another thread and returns at once;
 * that thread writes the int64_t id of each feed it changed to notify_fd,
 * and a 0 when the run is over, after which the UI calls finish().
 */
struct ui_poller_ops {
	int	(*start)(void *arg, long long feed_id, int notify_fd,
		    char **cause);
	/* Progress for the status line: feeds done and to do. */
	void	(*progress)(void *arg, size_t *done, size_t *total);
	/* Join the finished run; returns 0 or -1, with a summary (or
	 * the error) in *msg. */
	int	(*finish)(void *arg, char **msg);
	/* Cancel a run and join it (at exit). */
	void	(*stop)(void *arg);
	/*
	 * Fetch the full text of an article from its web page, on a thread
	 * of its own (a refresh may be running), and write -item_id to
	 * notify_fd once it is stored, or failed. May be NULL.
	 */
	int	(*fulltext)(void *arg, long long item_id, int notify_fd,
		    char **cause);
	/* Whether a thread of its own is running (and reads the config).
	 * May be NULL. */
	int	(*busy)(void *arg);
	/* Bring the search index up to date on a thread of its own (after
	 * a schema step that rebuilds it); stopped by stop(). May be NULL. */
	void	(*index)(void *arg);
};

/* The poller of ui-poller.c: refreshes cache_path with conf (borrowed,
 * must outlive it) on a thread with its own database connection, and
 * fetches full texts on another. */
struct ui_poller;
struct ui_poller	*ui_poller_new(const struct config *,
			    const char *cache_path);
void			 ui_poller_free(struct ui_poller *);
extern const struct ui_poller_ops ui_poller_ops;

/* Run the reader until the user quits; returns 0 or -1 with *cause. */
int	ui_run(const struct ui_config *, char **cause);

/* The library's version, for --version. */
const char	*ui_curses_version(void);

#endif
