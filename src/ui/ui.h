/*
 * The terminal user interface: the front door used by src/cmd-ui.c.
 * Only src/ui/ includes curses.
 */
#ifndef TIDINGS_UI_UI_H
#define TIDINGS_UI_UI_H

#include <stddef.h>

struct sqlite3;
struct ui_poller_ops;

/* What the caller hands the UI; every pointer is borrowed. */
struct ui_config {
	const char	*cache_path;	/* for the poller's own connection */
	const char	*urls_path;
	const char	*browser;	/* `browser` option, or NULL */
	int		 refresh_on_startup;
	int		 reload_minutes; /* `reload-time`; 0: never */
	int		 show_read_feeds; /* start with read feeds shown */
	int		 first_start;	/* no urls file: show the welcome */
	/* Started with the UI's database connection and the poller's
	 * callbacks (NULL when no poller is built in). */
	struct sqlite3	*db;
	const struct ui_poller_ops *poller;
	void		*poller_arg;
};

/*
 * A background refresher as the UI sees it: start() runs a refresh of
 * the given feeds (NULL/0: all) in another thread and returns at once;
 * the thread writes feed ids (int64_t, native byte order) to notify_fd as
 * each feed is stored, and a 0 id when the whole run is done.
 */
struct ui_poller_ops {
	int	(*start)(void *arg, const long long *feed_ids, size_t n,
		    int notify_fd, char **cause);
	/* Progress for the status line: feeds done and to do. */
	void	(*progress)(void *arg, size_t *done, size_t *total);
	/* Stop and join the thread (called once, at exit). */
	void	(*stop)(void *arg);
};

/* Validate and apply the configuration's key and colour lines before
 * ui_run(); each returns 0 or -1 with *cause set. */
int	ui_bind_key(const char *key, const char *action, const char *context,
	    char **cause);
int	ui_unbind_key(const char *key, const char *context, char **cause);
int	ui_color(const char *element, const char *fg, const char *bg,
	    const char *const *attrs, size_t nattrs, char **cause);

/* Run the reader until the user quits; returns 0 or -1 with *cause. */
int	ui_run(const struct ui_config *, char **cause);

#endif
