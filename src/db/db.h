/*
 * The cache: one SQLite file (WAL) holding feeds, items and a full-text
 * index. Every connection is a struct db; threads never share one.
 *
 * Schema (version DB_SCHEMA_VERSION, PRAGMA user_version; see
 * db-schema.c for the SQL, which is the reference):
 *
 * feeds	one row per feed ever subscribed.
 *   id		 INTEGER PRIMARY KEY
 *   url	 TEXT UNIQUE NOT NULL	as in the urls file
 *   location	 TEXT			where it moved to (301/308), or NULL;
 *					 fetches go there
 *   position	 INTEGER NOT NULL	order in the urls file; -1 when the
 *					 feed is no longer subscribed (hide it)
 *   tags	 TEXT NOT NULL		tags joined by '\t' ("" for none)
 *   custom_title TEXT			the urls file's "~title", or NULL
 *   title	 TEXT			the feed's own title, or NULL
 *   site_link	 TEXT			the feed's web site, or NULL
 *   etag, last_modified TEXT		validators for conditional GET
 *   last_fetch	 INTEGER NOT NULL	Unix time of the last attempt (0 never)
 *   last_status INTEGER NOT NULL	HTTP status of the last attempt (0: none
 *					 or not HTTP)
 *   last_error	 TEXT			why the last attempt failed, or NULL
 *   next_fetch	 INTEGER NOT NULL	earliest polite next fetch (Unix time)
 *   removed_at	 INTEGER		when it left the urls file (Unix
 *					 time), NULL while subscribed
 *
 * items	one row per stored article.
 *   id		 INTEGER PRIMARY KEY	also the rowid in items_fts
 *   feed_id	 INTEGER NOT NULL	REFERENCES feeds ON DELETE CASCADE
 *   ident	 TEXT NOT NULL		identity: "g:"guid, else "l:"link, else
 *					 "h:"hash of title and date;
 *					 UNIQUE(feed_id, ident)
 *   guid, title, link, author TEXT	plain text (title), absolute (link)
 *   published, updated INTEGER		Unix time, or NULL
 *   date	 INTEGER NOT NULL	published, else updated, else
 *					 first_seen: the sort key
 *   summary, content TEXT		HTML, or NULL
 *   categories	 TEXT			joined by '\n', or NULL
 *   enclosures	 TEXT			lines "URL\tTYPE\tLENGTH" joined by
 *					 '\n' (TYPE "" and LENGTH -1 when
 *					 absent), or NULL
 *   comments	 TEXT			URL of the comments page, or NULL
 *   read, starred INTEGER NOT NULL	0 or 1
 *   first_seen	 INTEGER NOT NULL	Unix time it was first stored
 *   hash	 INTEGER NOT NULL	of the upstream fields: unchanged items
 *					 are not rewritten
 *   Indexes: items_feed_date(feed_id, date), items_unread(feed_id) WHERE
 *   read = 0, items_date(date).
 *
 * fts_pending	(id INTEGER PRIMARY KEY): items stored or changed but not
 *		yet in items_fts.
 *
 * items_fts	FTS5, contentless (content=''), columns title, author, text
 *		(text: summary and content as plain text); from schema 10
 *		detail=column (no phrase queries: a phrase is checked with
 *		tidings_phrases(), db-phrase.c). Query with
 *		"SELECT rowid FROM items_fts WHERE items_fts MATCH ?" and join
 *		items on id. Brought up to date by db_fts_catch_up().
 *
 * feed_counts	(feed_id, total, unread, starred): per-feed counts of items,
 *		kept up to date by triggers on items (schema 2); the reader's
 *		feed list reads them instead of counting.
 *   Index (schema 2): items_starred(date) WHERE starred = 1.
 *
 * items_gone	(feed_id, ident, gone_at): items removed by retention, so that
 *		one still in the feed document is not stored again as new.
 *
 * fulltext	(schema 4) the article extracted from an item's web page:
 *   id		 INTEGER PRIMARY KEY	the item's (ON DELETE CASCADE)
 *   fetched_at	 INTEGER NOT NULL	Unix time of the fetch
 *   html	 TEXT			the article body as HTML (links
 *					 absolute), or NULL when it failed
 *   error	 TEXT			why it failed, or NULL
 *   retry_at	 INTEGER		(schema 5) after a failure that may
 *					 pass (network, HTTP 5xx, 429): when
 *					 to try again; NULL: never by itself
 *   Its html is part of the item's text in items_fts.
 *
 * downloads	(schema 7) the queue of enclosures to download (db-podcast.c):
 *   id		 INTEGER PRIMARY KEY
 *   url	 TEXT UNIQUE NOT NULL	the enclosure, absolute
 *   item_id	 INTEGER		the article (ON DELETE SET NULL)
 *   file	 TEXT UNIQUE NOT NULL	the final path, inside download-path;
 *					 NAME.part until complete
 *   state	 INTEGER NOT NULL	DB_PODCAST_* (0 queued)
 *   bytes	 INTEGER NOT NULL	bytes in the file so far
 *   size	 INTEGER NOT NULL	expected size, -1 when unknown
 *   error	 TEXT			why the last attempt failed, or NULL
 *   added	 INTEGER NOT NULL	Unix time it was queued
 *   Index: downloads_item(item_id).
 * sync_state	(schema 8) (key, value): a sync's own state (session id,
 *		the highest remote article id stored).
 * sync_meta	(applying, seq): one row; applying is 1 while a sync applies
 *		the server's state (nothing is queued then), seq numbers
 *		the queue's changes.
 * sync_feeds	(feed_id, remote_id), sync_items (item_id, remote_id): the
 *		server's ids of synced feeds and articles (ON DELETE
 *		CASCADE).
 * sync_queue	(field, remote_id, value, seq), PRIMARY KEY (field,
 *		remote_id): local changes not yet sent. field 0 read, 1
 *		starred (remote_id an article's, value the new mark), 2 a
 *		feed marked read (remote_id the feed's). Triggers on items
 *		fill it in the transaction of the mark.
 * search_terms	(schema 9) (term TEXT PRIMARY KEY) WITHOUT ROWID: every term
 *		items_fts was given, folded (lower case, no diacritics), so
 *		that the indexer knows which are new.
 * search_vocab	(schema 9) (id INTEGER PRIMARY KEY, terms TEXT NOT NULL): the
 *		same terms joined by '\n', in chunks of up to 64 KB, scanned
 *		for the terms that contain a word (db-terms.c). Terms of
 *		removed items stay in both.
 *
 * The reader's queries (db-view.h) take the same struct db; SQLite's
 * header and the raw connection (db_sqlite(), db-int.h) stay in src/db.
 */
#ifndef TIDINGS_DB_DB_H
#define TIDINGS_DB_DB_H

#include <stddef.h>
#include <stdint.h>

struct feed_doc;
struct sqlite3;

#define DB_SCHEMA_VERSION	10

struct db;

/* One subscription from the urls file. */
struct db_sub {
	const char	*url;
	const char	*tags;		/* joined by '\t', or NULL */
	const char	*custom_title;	/* or NULL */
};

struct db_feed {
	int64_t	 id;
	char	*url;
	char	*location;
	int	 position;
	char	*tags;
	char	*custom_title;
	char	*title;
	char	*site_link;
	char	*etag;
	char	*last_modified;
	int64_t	 last_fetch;
	int	 last_status;
	char	*last_error;
	int64_t	 next_fetch;
};

/* The outcome of one fetch, for db_feeds_store(). */
struct db_fetch {
	int64_t		 fetched_at;	/* Unix time */
	int		 status;	/* HTTP status, 0 when not HTTP */
	int		 not_modified;	/* 304: validators kept, no items */
	const char	*etag;		/* new validators, or NULL */
	const char	*last_modified;
	const char	*error;		/* NULL on success */
	int64_t		 next_fetch;	/* earliest next fetch */
	const char	*new_url;	/* after 301/308, or NULL */
};

/* Retention (config max-items, keep-articles-days); 0 means no limit. */
struct db_retention {
	int	max_items;
	int	keep_days;
	int	keep_unread;	/* unread items are kept (default 1) */
	/* The killfile: a filter's WHERE over items (src/filter) whose
	 * articles, starred ones apart, are removed as they are stored
	 * and not stored again; NULL for none. */
	char	*ignore;
};

struct db_store_stats {
	size_t	new_items;
	size_t	updated_items;
	size_t	deleted_items;
};

/*
 * Open (creating if need be) the cache and migrate it forward. Fails with
 * DB_ERR_NEWER when the file's schema is newer than this binary knows; the
 * file is then not modified.
 */
#define DB_OK		0
#define DB_ERR		-1
#define DB_ERR_NEWER	-2
int		 db_open(const char *path, struct db **, char **cause);
void		 db_close(struct db *);
/*
 * Checkpoint the WAL on a thread of its own from now on (db-checkpoint.c),
 * for a connection about to store a lot: a pass once `start` frames
 * (pages) wait to be copied; at `limit` frames of WAL, the writer waits
 * for one pass so that the WAL can start again. db_close() stops it, and
 * SQLite's automatic checkpoints take over again.
 */
#define DB_CKPT_START	4096	/* 16 MB */
#define DB_CKPT_LIMIT	16384	/* 64 MB: 128 MB measured no faster */
int		 db_checkpoint_start(struct db *, int start, int limit,
		    char **cause);
void		 db_checkpoint_stop(struct db *);

/*
 * A number that changes whenever another connection, in this process or
 * another, commits to the cache (PRAGMA data_version); this connection's
 * own commits leave it alone. Costs no more than reading the WAL index,
 * so a reader can ask every second whether to re-read its views.
 */
int		 db_data_version(struct db *, int64_t *, char **cause);

/* Write transactions: BEGIN IMMEDIATE, retried while another writer
 * holds the lock (busy timeout plus a bounded retry loop). */
int		 db_begin(struct db *, char **cause);
int		 db_commit(struct db *, char **cause);
void		 db_rollback(struct db *);

/*
 * Feeds out of the urls file for more than DB_PRUNE_KEEP_DAYS, deleted
 * with their articles (db-prune.c); *pruned gets how many.
 */
#define DB_PRUNE_KEEP_DAYS	30
int		 db_prune_feeds(struct db *, int64_t now, size_t *pruned,
		    char **cause);

/* Feeds (db-feeds.c). */
int		 db_feeds_sync(struct db *, const struct db_sub *, size_t,
		    char **cause);
int		 db_feeds_list(struct db *, int64_t due_before,
		    struct db_feed **, size_t *, char **cause);
void		 db_feeds_free(struct db_feed *, size_t);
int		 db_feeds_get(struct db *, int64_t id, struct db_feed *,
		    char **cause);
void		 db_feeds_fini(struct db_feed *);

/*
 * Store one fetch result in one transaction: the feed's state, its items
 * (doc may be NULL: a 304 or a failure) and retention. What the items
 * need besides their fields (identity, fingerprint, lists as text) can be
 * worked out beforehand by db_items_doc_prepare(), on another thread, so that
 * the writer only runs SQL; with NULL it is done here.
 */
struct db_doc_prep;
struct db_doc_prep *db_items_doc_prepare(const struct feed_doc *);
void		 db_items_doc_prep_free(struct db_doc_prep *);
int		 db_feeds_store(struct db *, int64_t feed_id,
		    const struct db_fetch *, const struct feed_doc *,
		    const struct db_doc_prep *, const struct db_retention *,
		    struct db_store_stats *, char **cause);

/* Marks (db-items.c). */
int		 db_items_set_read(struct db *, int64_t id, int, char **);
int		 db_items_set_starred(struct db *, int64_t id, int, char **);
int		 db_items_feed_set_read(struct db *, int64_t feed_id, char **);

/*
 * Full-text index (db-fts.c): index up to budget items not yet indexed,
 * in one transaction. *done gets how many were, *left how many remain
 * (0: up to date); either may be NULL.
 */
int		 db_fts_catch_up(struct db *, size_t budget, size_t *done,
		    size_t *left, char **cause);
/*
 * Full text (db-fulltext.c). An item wants its page fetched at refresh
 * time when it is unread, has a link and no fulltext row yet, or one whose
 * retry_at has come; db_fulltext_todo() lists up to max of a feed's,
 * newest first. db_fulltext_store() records an article (html) or a
 * failure (error, with retry_at or 0), replacing what was there, in one
 * transaction, and queues the item for the search index.
 */
struct db_fulltext_job {
	int64_t	 item_id;
	char	*link;		/* the page to fetch */
	char	*feed_url;	/* where the feed lives (for local links) */
};
int		 db_fulltext_todo(struct db *, int64_t feed_id, size_t max,
		    int64_t now, struct db_fulltext_job **, size_t *,
		    char **cause);
/* One item's job, whatever its state (NULL link: *out->link NULL). */
int		 db_fulltext_job(struct db *, int64_t item_id,
		    struct db_fulltext_job *, char **cause);
void		 db_fulltext_jobs_free(struct db_fulltext_job *, size_t);
int		 db_fulltext_store(struct db *, int64_t item_id, int64_t now,
		    const char *html, const char *error, int64_t retry_at,
		    char **cause);

/*
 * The download queue (db-podcast.c). A row is queued, downloading (or
 * left so by a killed process: both are taken up by the next run),
 * done, failed (retried by the next run), cancelled (kept, with its
 * partial file, until queued again) or deleted (its file, by the user).
 */
#define DB_PODCAST_QUEUED	0
#define DB_PODCAST_DOWNLOADING	1
#define DB_PODCAST_DONE		2
#define DB_PODCAST_FAILED	3
#define DB_PODCAST_CANCELLED	4
#define DB_PODCAST_DELETED	5	/* the file deleted by the user */
struct db_podcast {
	int64_t	 id;
	char	*url;
	int64_t	 item_id;	/* 0: the article is gone */
	char	*file;
	int	 state;
	int64_t	 bytes;
	int64_t	 size;		/* -1: unknown */
	char	*error;		/* or NULL */
	int64_t	 added;
};
/* What a file name is made of, and the enclosures, of one article. */
struct db_podcast_item {
	char	*feed_title;	/* custom, own or URL */
	char	*title;		/* or NULL */
	int64_t	 date;
	char	*enclosures;	/* the items column, or NULL */
	char	*base_url;	/* for relative enclosure URLs */
	char	*feed_url;	/* as in the urls file */
	char	*tags;
};
/* todo: only what --download takes (queued, downloading, failed). */
int		 db_podcast_list(struct db *, int todo, struct db_podcast **,
		    size_t *, char **cause);
void		 db_podcast_free(struct db_podcast *, size_t);
int		 db_podcast_get(struct db *, int64_t id, struct db_podcast *,
		    char **cause);
void		 db_podcast_fini(struct db_podcast *);
int		 db_podcast_queued(struct db *, const char *url, int *,
		    char **cause);
int		 db_podcast_file_taken(struct db *, const char *file, int *,
		    char **cause);
/* *added is 0 when the URL was queued already. */
int		 db_podcast_add(struct db *, const char *url, int64_t item_id,
		    const char *file, int64_t size, int *added, char **cause);
int		 db_podcast_set(struct db *, int64_t id, int state,
		    int64_t bytes, int64_t size, const char *error,
		    char **cause);
int		 db_podcast_remove(struct db *, int64_t id, char **cause);
int		 db_podcast_item(struct db *, int64_t item_id,
		    struct db_podcast_item *, char **cause);
void		 db_podcast_item_fini(struct db_podcast_item *);
/* Items first stored at or after since that have enclosures. */
int		 db_podcast_new_items(struct db *, int64_t since, int64_t **,
		    size_t *, char **cause);

/* Identity of an item (db-items.c); exposed for tests. */
char		*db_items_ident(const char *guid, const char *link,
		    const char *title, int64_t date);

/*
 * A Newsboat cache.db (db-newsboat.c): for each of its feeds that is in
 * our feeds table (by URL), the feed's title and its articles with their
 * read marks, and flag "s" as starred, in one transaction. Articles we
 * have already keep their text and gain Newsboat's marks.
 */
struct db_nb_stats {
	size_t	feeds;		/* imported */
	size_t	skipped_feeds;	/* in Newsboat's cache, not subscribed */
	size_t	items;
	size_t	read;
	size_t	starred;
};
int		 db_newsboat_import(struct db *, const char *path,
		    struct db_nb_stats *, char **cause);

/*
 * Syncing with a server (db-sync.c): the queue of local changes and the
 * server's state applied without queueing it.
 */
#define DB_SYNC_READ	0
#define DB_SYNC_STARRED	1
#define DB_SYNC_CATCHUP	2
struct db_sync_change {
	int	 field;		/* DB_SYNC_* */
	int64_t	 remote_id;	/* article, or feed for DB_SYNC_CATCHUP */
	int	 value;
	int64_t	 seq;
};
struct db_sync_feed {
	int64_t		 remote_id;
	const char	*url;
	const char	*title;
	const char	*tags;		/* joined by '\t', or NULL */
};
struct db_sync_item {
	int64_t		 remote_id;
	int64_t		 remote_feed;
	const char	*guid, *title, *link, *author, *content, *comments;
	int64_t		 updated;	/* Unix time, or 0 */
	int		 read;
	int		 starred;
};
int	db_sync_state_get(struct db *, const char *key, char **value,
	    char **cause);
int	db_sync_state_set(struct db *, const char *key, const char *value,
	    char **cause);
int	db_sync_queue_list(struct db *, struct db_sync_change **, size_t *,
	    char **cause);
int	db_sync_queue_done(struct db *, const struct db_sync_change *,
	    size_t, char **cause);
/* Queue "feed marked read", in the caller's transaction. */
int	db_sync_queue_catchup(struct db *, int64_t feed_id, char **cause);
int	db_sync_apply_feeds(struct db *, const struct db_sync_feed *, size_t,
	    char **cause);
int	db_sync_store_items(struct db *, const struct db_sync_item *, size_t,
	    const char *since_key, int64_t since, size_t *added,
	    char **cause);
int	db_sync_apply_set(struct db *, int field, const int64_t *ids,
	    size_t n, size_t *changed, char **cause);

/* The library's version, for --version. */
const char	*db_sqlite_version(void);

#endif
