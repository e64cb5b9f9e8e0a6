/*
 * The refresh engine: fetch the feeds that are due, parse them as they
 * stream in, store each feed's result in one transaction, then bring the
 * search index up to date. It owns its curl handles, parsers and SQLite
 * connection, so the TUI may run it on a thread of its own:
 *
 *	- *cancel (polled) stops it early; what was stored stays stored;
 *	- progress() is called after each feed is stored, from the
 *	  engine's writer thread (never the caller's);
 *	- opts and the config it points to are read by those threads until
 *	  poll_refresh() returns: do not change them meanwhile;
 *	- notify_fd, when >= 0, gets the int64_t id of each stored feed
 *	  (write(2) of 8 bytes; a full pipe drops the id, never blocks).
 */
#ifndef TIDINGS_POLL_POLL_H
#define TIDINGS_POLL_POLL_H

#include <stddef.h>
#include <stdint.h>

struct config;
struct conf_urls;
struct db;

struct poll_progress {
	size_t		 done;		/* feeds finished */
	size_t		 total;
	size_t		 new_items;	/* so far */
	size_t		 failed;
	int64_t		 feed_id;	/* the one that just finished */
	const char	*url;		/* for messages (no password) */
	const char	*error;		/* NULL when it went well */
};

struct poll_opts {
	const struct config	*config;
	int			 force;		/* ignore next_fetch */
	const int64_t		*only;		/* just these feeds (forced), */
	size_t			 nonly;		/* or NULL, 0: all due ones */
	volatile int		*cancel;	/* or NULL */
	void			(*progress)(void *,
				    const struct poll_progress *);
	void			*arg;
	int			 notify_fd;	/* -1: none */
	int			 skip_index;	/* leave FTS for later */
	int64_t			 only_feed;	/* >0: that feed alone (the
						   reader's `r`) */
};

struct poll_stats {
	size_t	feeds;		/* due, fetched */
	size_t	failed;
	size_t	not_modified;
	size_t	new_items;
	size_t	updated_items;
	size_t	deleted_items;
	size_t	requests;
	size_t	indexed;	/* items added to the search index */
	size_t	fulltext;	/* articles fetched from their pages */
	size_t	fulltext_failed;
	size_t	enqueued;	/* enclosures queued (podcast-auto-enqueue) */
	double	fetch_secs;	/* wall time: fetch + parse + store */
	double	index_secs;	/* wall time: search index catch-up */
};

#define POLL_OK		0
#define POLL_ERR	-1	/* cause says why */
#define POLL_ERR_CACHE	-3	/* the cache cannot be used */

/* Make the cache's feed list that of the urls file (fetchable ones). */
int	poll_sync(struct db *, const struct conf_urls *, char **cause);
/*
 * Refresh the feeds due in the cache at cache_path; urls (may be NULL)
 * is synced first. Per-feed failures are not errors: they are counted in
 * stats and reported through progress.
 */
int	poll_refresh(const char *cache_path, const struct conf_urls *urls,
	    const struct poll_opts *, struct poll_stats *, char **cause);
/*
 * Full text (poll-fulltext.c): fetch the web pages of these items, extract
 * their articles and store them (or why that failed) in the cache at
 * cache_path. notify_fd (when >= 0) gets -item_id for every item as it is
 * done, failures included; writes are retried while the pipe is full,
 * until *cancel. The refresh does the same on its own for the new
 * articles of the feeds set to `fulltext yes` (up to POLL_FULLTEXT_MAX a
 * feed per refresh, newest first).
 */
#define POLL_FULLTEXT_MAX	50
struct poll_ft_stats {
	size_t	fetched;
	size_t	failed;
};
int	poll_fulltext(const char *cache_path, const struct config *,
	    const int64_t *items, size_t n, volatile int *cancel,
	    int notify_fd, struct poll_ft_stats *, char **cause);

/*
 * Index what waits for the search index (every article after a schema
 * step that rebuilds it, what a refresh cut short left), in batches,
 * until nothing waits or *cancel is set; *done counts the articles. For
 * the reader, on a thread of its own: search finds more as it goes.
 */
int	poll_index_pending(const char *cache_path, volatile int *cancel,
	    size_t *done, char **cause);

/* Why the page at link may not be fetched for an article of the feed at
 * feed_url (NULL: it may: a web page, or a local file of a local feed). */
const char *poll_fulltext_refuse(const char *link, const char *feed_url);

/* The fetcher's limits from the configuration (poll-limits.c). */
struct net_limits;
void	poll_limits_get(const struct config *, struct net_limits *);

/*
 * The feeds of url (poll-discover.c): itself when it is one, else the
 * feed links of its page, else the first of the site's usual places that
 * is a feed. 0 and the list (maybe empty, the caller frees), or -1 when
 * url cannot be fetched. Blocks: call it off the UI thread.
 */
int	poll_discover(const struct config *, const char *url, char ***found,
	    size_t *n, volatile int *cancel, char **cause);

/* A URL fit for messages: the password of user:password@ hidden. */
char	*poll_refresh_url_display(const char *);

#endif
