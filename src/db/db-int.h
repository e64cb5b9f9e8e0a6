/* Private to src/db. */
#ifndef TIDINGS_DB_DB_INT_H
#define TIDINGS_DB_DB_INT_H

#include <sqlite3.h>

#include "db/db.h"

/* Waits for another connection's lock (then db_begin retries). */
#define DB_BUSY_TIMEOUT_MS	5000
/* Attempts at BEGIN IMMEDIATE (and at switching to WAL) before giving up
 * (about a minute in all). */
#define DB_BEGIN_TRIES		12
/* SQLite's own checkpoints: every 32 MB of WAL. */
#define DB_AUTOCHECKPOINT	8192
#define DB_STR(x)		DB_STR1(x)
#define DB_STR1(x)		#x

struct db_ckpt;
struct db_terms;
struct db_search;

struct db {
	sqlite3		*sq;
	char		*path;
	int		 in_txn;
	struct db_ckpt	*ckpt;		/* NULL: SQLite's own checkpoints */
	char		*hidden;	/* db_view_set_hidden(), or NULL */
	struct db_terms	*terms;		/* the indexer's vocabulary, or NULL */
	struct db_search *search;	/* the last search's query, or NULL */
	unsigned long	 fts_gen;	/* counts this connection's changes
					 * to the index */
};

/* db-schema.c: migrations[i] takes the schema from version i to i + 1. */
extern const char *const	db_schema_migrations[];
extern const int		db_schema_nmigrations;
/* db-schema-podcast.c: the download queue's step. */
extern const char		db_schema_podcast[];
/* db-sync.c: its schema step. */
extern const char		db_sync_schema[];

/* db-open.c */
char	*db_errmsg(struct db *, const char *what);
int	 db_exec(struct db *, const char *sql, char **cause);
int	 db_prepare(struct db *, const char *sql, sqlite3_stmt **,
	    char **cause);
int	 db_step_done(struct db *, sqlite3_stmt *, char **cause);
/* Bind a string or NULL. */
int	 db_bind_text(sqlite3_stmt *, int, const char *);
char	*db_column_strdup(sqlite3_stmt *, int);

/* db-items.c */
int	 db_items_store(struct db *, int64_t feed_id, const struct feed_doc *,
	    const struct db_doc_prep *, int64_t now, struct db_store_stats *,
	    char **cause);
int	 db_items_retain(struct db *, int64_t feed_id,
	    const struct db_retention *, int64_t now, struct db_store_stats *,
	    char **cause);

/* db-fts.c */
char	*db_fts_text(const char *summary, const char *content,
	    const char *fulltext);
int	 db_fts_forget(struct db *, int64_t id, char **cause);

/* db-regexp.c: REGEXP (POSIX ERE, any case) on this connection. */
int	 db_regexp_register(struct db *, char **cause);

/* The raw connection, for the queries of src/db (and its unit tests). */
sqlite3	*db_sqlite(struct db *);
/* FTS5's API on db's connection; NULL without FTS5. */
fts5_api *db_fts5(struct db *);

#endif
