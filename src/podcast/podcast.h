/*
 * Podcasts: the enclosures of articles queued in the cache (db-podcast.c),
 * their file names, and the downloads themselves through the fetcher
 * (src/net) with resume. Used by tidings --download, --podcasts, the
 * reader and, for podcast-auto-enqueue, the refresh.
 */
#ifndef TIDINGS_PODCAST_PODCAST_H
#define TIDINGS_PODCAST_PODCAST_H

#include <stddef.h>
#include <stdint.h>

struct config;
struct db;
struct db_podcast;
struct net_limits;

/* Longest file name made (bytes, before ".part"). */
#define PODCAST_NAME_MAX	200

/*
 * File names (podcast-name.c). podcast_name_clean() makes one path
 * component of any text: control characters gone, '/' and '\\' as '_',
 * no leading dots or blanks (so never "." or ".."), at most max bytes
 * cut on a character boundary, keeping a short extension; "" gives "".
 */
char	*podcast_name_clean(const char *s, size_t max);
/* The URL's own name: its last path segment, percent-decoded, raw. */
char	*podcast_name_of_url(const char *url);
/*
 * download-filename-format expanded and cleaned: %n feed title, %t article
 * title, %u the URL's own name, %e its extension, %h the URL's host,
 * %Y %m %d %H %M %S the article's date (local time), %F for %Y-%m-%d,
 * %% a %. Never
 * empty: "download" when nothing is left.
 */
char	*podcast_name_format(const char *fmt, const char *feed_title,
	    const char *title, int64_t date, const char *url);
/*
 * A path in dir for name that taken() does not refuse and that exists
 * neither as itself nor as NAME.part: NAME, then "STEM (2).EXT" and so on.
 */
char	*podcast_name_unique(const char *dir, const char *name,
	    int (*taken)(void *, const char *), void *arg);

/* download-path: the option, else $XDG_DOWNLOAD_DIR/tidings, else
 * ~/Downloads/tidings. *is_default tells which. */
char	*podcast_dir(const struct config *, int *is_default);

/*
 * The queue (podcast-queue.c). Queue the enclosures of an article (only
 * audio and video ones when media_only); *added gets how many were new.
 */
int	 podcast_queue_item(struct db *, const struct config *,
	    int64_t item_id, int media_only, size_t *added, char **cause);
/* podcast-auto-enqueue: the audio and video of items first stored at or
 * after since, of the feeds where it is on. */
int	 podcast_queue_new(struct db *, const struct config *, int64_t since,
	    size_t *added, char **cause);
/* Whether the feed (url, tags) has podcast-auto-enqueue on. */
int	 podcast_queue_auto(const struct config *, const char *url,
	    const char *tags);

/* Downloading (podcast-fetch.c). */
struct podcast_file {
	const struct db_podcast	*p;
	int64_t			 bytes;
	int64_t			 size;		/* -1: unknown */
	int			 running;
	int			 done;		/* 1 ok, -1 failed */
	const char		*error;
};
struct podcast_progress {
	const struct podcast_file	*files;
	size_t				 nfiles;
	size_t				 done, failed;
	int				 finished;	/* files[changed] */
	size_t				 changed;
};
struct podcast_opts {
	const struct config	*config;
	const struct net_limits	*limits;
	const int64_t		*ids;		/* NULL: all the queue's */
	size_t			 nids;
	void			(*progress)(void *,
				    const struct podcast_progress *);
	void			*arg;
	volatile int		*cancel;
	/* A download to stop (its row's id; 0: none), or NULL. */
	_Atomic int64_t		*cancel_id;
};
struct podcast_stats {
	size_t	files;
	size_t	done;
	size_t	failed;
};
/* -1 (with *cause) when nothing could start: download-path unusable. */
int	 podcast_fetch_run(struct db *, const struct podcast_opts *,
	    struct podcast_stats *, char **cause);

#endif
