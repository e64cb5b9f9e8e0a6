/*
 * Syncing with an aggregator server (urls-source): the server holds the
 * subscriptions and fetches the feeds; the cache mirrors it, and local
 * marks go through a persistent queue (db-sync.c). One engine (sync.c)
 * drives any server through a backend, a table of operations; tt-rss is
 * sync-ttrss.c. A backend never sees the cache, the engine never sees
 * the server's protocol.
 *
 *	sync_run(db, conf, &limits, cancel, &stats, &cause)
 *
 * pushes the queue first, then pulls the tree, the new articles and the
 * server's unread and starred id sets.
 */
#ifndef TIDINGS_SYNC_SYNC_H
#define TIDINGS_SYNC_SYNC_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"

struct config;
struct net;

/* What a backend gets: the server, the user, the transfers' limits. */
struct sync_cfg {
	const char	*url;		/* base URL (the user's) */
	const char	*login;
	const char	*password;	/* never printed */
	const struct config *config;
	struct net	*net;		/* shared by every request */
	volatile int	*cancel;
};

/* A page of articles; strings owned by the backend until the next call. */
struct sync_page {
	struct db_sync_item	*items;
	size_t			 n;
	size_t			 count;		/* articles the server sent */
	int64_t			 max_id;	/* highest id in the page */
	int			 last;		/* nothing after it */
};

struct sync_feeds {
	struct db_sync_feed	*feeds;
	size_t			 n;
};

/*
 * The operations. Each returns 0, or -1 with a message fit for the user
 * (naming the server's host and port, never the password). A session
 * (sid) saved from an earlier run may be handed to open; session()
 * says which one to save afterwards.
 */
struct sync_ops {
	const char	*name;		/* urls-source value */
	void		*(*open)(const struct sync_cfg *, const char *sid,
			    char **cause);
	void		 (*close)(void *);
	const char	*(*session)(void *);
	/* Set field (DB_SYNC_READ, DB_SYNC_STARRED) to value on n ids. */
	int		 (*mark)(void *, int field, int value,
			    const int64_t *ids, size_t n, char **cause);
	int		 (*catchup)(void *, int64_t feed, char **cause);
	int		 (*tree)(void *, struct sync_feeds *, char **cause);
	/* Articles after since_id, with content, a page at a time. */
	int		 (*articles)(void *, int64_t since_id, size_t skip,
			    struct sync_page *, char **cause);
	/* The ids of every unread (DB_SYNC_READ) or starred article. */
	int		 (*ids)(void *, int field, int64_t **, size_t *,
			    char **cause);
	/* Requests sent so far. */
	size_t		 (*requests)(void *);
};

extern const struct sync_ops	sync_ttrss_ops;

struct sync_stats {
	size_t	pushed;		/* changes sent */
	size_t	feeds;		/* in the tree */
	size_t	new_items;
	size_t	marks;		/* marks taken from the server */
	size_t	requests;
};

#define SYNC_OK		0
#define SYNC_ERR	-1	/* the server: cause says why */
#define SYNC_ERR_CACHE	-3

/* The backend of a config, or NULL when urls-source is local. */
const struct sync_ops *sync_backend(const struct config *);
struct net_limits;
int	sync_run(struct db *, const struct config *,
	    const struct net_limits *, volatile int *cancel,
	    struct sync_stats *, char **cause);

/* sync-http.c: one POST through the fetcher, its answer in *body (at
 * most max bytes, NUL-terminated). The cause names HOST:PORT. */
int	sync_http_post(struct net *, const char *url, const char *type,
	    const char *data, size_t len, size_t max, char **body,
	    size_t *body_len, volatile int *cancel, char **cause);
/* "HOST:PORT" of a URL, for messages. */
char	*sync_http_hostport(const char *url);

/* sync-pass.c: the password from ttrss-password, -passwordfile or
 * -passwordeval (first line), or NULL and a cause. */
char	*sync_pass_get(const char *password, const char *file,
	    const char *eval, char **cause);

/* sync-ttrss.c, for the unit tests: an API answer's content, or NULL
 * and *error (the API's code, e.g. NOT_LOGGED_IN) and/or a cause. */
struct json_t;
struct json_t *sync_ttrss_answer(const char *body, size_t len, char **error,
	    char **cause);

#endif
