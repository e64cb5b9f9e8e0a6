/*
 * The cache's side of syncing with a server (src/sync): the change queue,
 * the map between local and remote ids, and applying what the server
 * says. Local marks reach the queue through triggers, in the same
 * transaction as the mark itself; what the sync applies sets
 * sync_meta.applying for the length of its transaction, so that it is
 * never queued (other connections never see the flag set: they wait for
 * the write lock, and see it cleared at commit).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/db-int.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/*
 * The schema step (db-schema.c lists it): remote ids of feeds and items,
 * the queue (one row per item and field, the latest value wins, so a
 * mark toggled twice is one row), a little state (session, since_id).
 */
const char db_sync_schema[] =
	"CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT)"
	"  WITHOUT ROWID;"
	"CREATE TABLE sync_meta (applying INTEGER NOT NULL,"
	"  seq INTEGER NOT NULL);"
	"INSERT INTO sync_meta VALUES (0, 0);"
	"CREATE TABLE sync_feeds ("
	"  feed_id INTEGER PRIMARY KEY REFERENCES feeds(id) ON DELETE CASCADE,"
	"  remote_id INTEGER NOT NULL UNIQUE);"
	"CREATE TABLE sync_items ("
	"  item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,"
	"  remote_id INTEGER NOT NULL UNIQUE);"
	"CREATE TABLE sync_queue ("
	"  field INTEGER NOT NULL,"
	"  remote_id INTEGER NOT NULL,"
	"  value INTEGER NOT NULL,"
	"  seq INTEGER NOT NULL,"
	"  PRIMARY KEY (field, remote_id)) WITHOUT ROWID;"
#define DB_SYNC_TRIGGER(name, col, field)				\
	"CREATE TRIGGER " name " AFTER UPDATE OF " col " ON items"	\
	"  WHEN OLD." col " <> NEW." col				\
	"  AND (SELECT applying FROM sync_meta) = 0 BEGIN"		\
	"  UPDATE sync_meta SET seq = seq + 1 WHERE EXISTS"		\
	"    (SELECT 1 FROM sync_items WHERE item_id = NEW.id);"	\
	"  INSERT INTO sync_queue (field, remote_id, value, seq)"	\
	"    SELECT " field ", remote_id, NEW." col ","			\
	"    (SELECT seq FROM sync_meta)"				\
	"    FROM sync_items WHERE item_id = NEW.id"			\
	"    ON CONFLICT (field, remote_id) DO UPDATE"			\
	"    SET value = excluded.value, seq = excluded.seq;"		\
	"END;"
	DB_SYNC_TRIGGER("sync_queue_read", "read", "0")
	DB_SYNC_TRIGGER("sync_queue_starred", "starred", "1");

/* A statement that returns no row, with its error as cause. */
static int
db_sync_run(struct db *db, sqlite3_stmt *st, char **cause)
{
	int	rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		*cause = db_errmsg(db, _("cannot write the sync state"));
		return (-1);
	}
	return (0);
}

static int
db_sync_applying(struct db *db, int on, char **cause)
{
	return (db_exec(db, on ? "UPDATE sync_meta SET applying = 1" :
	    "UPDATE sync_meta SET applying = 0", cause));
}

int
db_sync_state_get(struct db *db, const char *key, char **value, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	*value = NULL;
	if (db_prepare(db, "SELECT value FROM sync_state WHERE key = ?", &st,
	    cause) != 0)
		return (-1);
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*value = db_column_strdup(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*cause = db_errmsg(db, _("cannot read the cache"));
		return (-1);
	}
	return (0);
}

/* In the caller's transaction (value NULL: forget it). */
static int
db_sync_state_put(struct db *db, const char *key, const char *value,
    char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (db_prepare(db, value != NULL ? "INSERT OR REPLACE INTO sync_state "
	    "(key, value) VALUES (?1, ?2)" : "DELETE FROM sync_state WHERE "
	    "key = ?1", &st, cause) != 0)
		return (-1);
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (value != NULL)
		sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	rc = db_sync_run(db, st, cause);
	sqlite3_finalize(st);
	return (rc);
}

int
db_sync_state_set(struct db *db, const char *key, const char *value,
    char **cause)
{
	if (db_begin(db, cause) != 0)
		return (-1);
	if (db_sync_state_put(db, key, value, cause) != 0) {
		db_rollback(db);
		return (-1);
	}
	return (db_commit(db, cause));
}

int
db_sync_queue_list(struct db *db, struct db_sync_change **out, size_t *n,
    char **cause)
{
	struct db_sync_change	*v = NULL;
	sqlite3_stmt		*st;
	size_t			 cap = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	if (db_prepare(db, "SELECT field, remote_id, value, seq FROM "
	    "sync_queue ORDER BY seq", &st, cause) != 0)
		return (-1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap == 0 ? 64 : cap * 2;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[*n].field = sqlite3_column_int(st, 0);
		v[*n].remote_id = sqlite3_column_int64(st, 1);
		v[*n].value = sqlite3_column_int(st, 2);
		v[*n].seq = sqlite3_column_int64(st, 3);
		(*n)++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(v);
		*n = 0;
		*cause = db_errmsg(db, _("cannot read the cache"));
		return (-1);
	}
	*out = v;
	return (0);
}

/* Sent: forget the changes, unless one was made again meanwhile. */
int
db_sync_queue_done(struct db *db, const struct db_sync_change *v, size_t n,
    char **cause)
{
	sqlite3_stmt	*st;
	size_t		 i;

	if (n == 0)
		return (0);
	if (db_begin(db, cause) != 0)
		return (-1);
	if (db_prepare(db, "DELETE FROM sync_queue WHERE field = ? AND "
	    "remote_id = ? AND seq = ?", &st, cause) != 0) {
		db_rollback(db);
		return (-1);
	}
	for (i = 0; i < n; i++) {
		sqlite3_bind_int(st, 1, v[i].field);
		sqlite3_bind_int64(st, 2, v[i].remote_id);
		sqlite3_bind_int64(st, 3, v[i].seq);
		if (db_sync_run(db, st, cause) != 0) {
			sqlite3_finalize(st);
			db_rollback(db);
			return (-1);
		}
	}
	sqlite3_finalize(st);
	return (db_commit(db, cause));
}

int
db_sync_queue_catchup(struct db *db, int64_t feed_id, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (db_exec(db, "UPDATE sync_meta SET seq = seq + 1", cause) != 0)
		return (-1);
	if (db_prepare(db, "INSERT INTO sync_queue (field, remote_id, value, "
	    "seq) SELECT " DB_STR(DB_SYNC_CATCHUP) ", remote_id, 1, "
	    "(SELECT seq FROM sync_meta) FROM sync_feeds WHERE feed_id = ? "
	    "ON CONFLICT (field, remote_id) DO UPDATE SET seq = excluded.seq",
	    &st, cause) != 0)
		return (-1);
	sqlite3_bind_int64(st, 1, feed_id);
	rc = db_sync_run(db, st, cause);
	sqlite3_finalize(st);
	return (rc);
}

/* The subscription tree: feeds by remote id, the rest hidden. */
int
db_sync_apply_feeds(struct db *db, const struct db_sync_feed *v, size_t n,
    char **cause)
{
	enum { S_BY_REMOTE, S_INSERT, S_BY_URL, S_UPDATE, S_MAP, S_SEEN,
	    S_COUNT };
	static const char *const sql[S_COUNT] = {
		[S_BY_REMOTE] = "SELECT feed_id FROM sync_feeds WHERE "
		    "remote_id = ?",
		[S_INSERT] = "INSERT OR IGNORE INTO feeds (url, position) "
		    "VALUES (?, 0)",
		[S_BY_URL] = "SELECT id FROM feeds WHERE url = ?",
		/* Only what differs: a warm sync writes nothing. */
		[S_UPDATE] = "UPDATE feeds SET position = ?2, tags = ?3, "
		    "title = ?4, custom_title = NULL WHERE id = ?1 AND "
		    "(position IS NOT ?2 OR tags IS NOT ?3 OR title IS NOT ?4 "
		    "OR custom_title IS NOT NULL)",
		[S_MAP] = "INSERT OR REPLACE INTO sync_feeds (feed_id, "
		    "remote_id) VALUES (?, ?)",
		[S_SEEN] = "INSERT OR IGNORE INTO temp.sync_seen (id) "
		    "VALUES (?)",
	};
	sqlite3_stmt	*st[S_COUNT] = { NULL };
	int64_t		 id;
	size_t		 i;
	int		 k, rc, ret = -1;

	if (db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS sync_seen "
	    "(id INTEGER PRIMARY KEY); DELETE FROM temp.sync_seen", cause) != 0)
		return (-1);
	if (db_begin(db, cause) != 0)
		return (-1);
	for (k = 0; k < S_COUNT; k++)
		if (db_prepare(db, sql[k], &st[k], cause) != 0)
			goto out;
	for (i = 0; i < n; i++) {
		id = 0;
		sqlite3_bind_int64(st[S_BY_REMOTE], 1, v[i].remote_id);
		if ((rc = sqlite3_step(st[S_BY_REMOTE])) == SQLITE_ROW)
			id = sqlite3_column_int64(st[S_BY_REMOTE], 0);
		sqlite3_reset(st[S_BY_REMOTE]);
		if (id == 0) {
			db_bind_text(st[S_INSERT], 1, v[i].url);
			if (db_sync_run(db, st[S_INSERT], cause) != 0)
				goto out;
			db_bind_text(st[S_BY_URL], 1, v[i].url);
			if (sqlite3_step(st[S_BY_URL]) == SQLITE_ROW)
				id = sqlite3_column_int64(st[S_BY_URL], 0);
			sqlite3_reset(st[S_BY_URL]);
			if (id == 0) {
				*cause = db_errmsg(db, _("cannot store a "
				    "feed"));
				goto out;
			}
			sqlite3_bind_int64(st[S_MAP], 1, id);
			sqlite3_bind_int64(st[S_MAP], 2, v[i].remote_id);
			if (db_sync_run(db, st[S_MAP], cause) != 0)
				goto out;
		}
		sqlite3_bind_int64(st[S_UPDATE], 1, id);
		sqlite3_bind_int(st[S_UPDATE], 2, (int)i);
		db_bind_text(st[S_UPDATE], 3, v[i].tags != NULL ? v[i].tags :
		    "");
		db_bind_text(st[S_UPDATE], 4, v[i].title);
		if (db_sync_run(db, st[S_UPDATE], cause) != 0)
			goto out;
		sqlite3_bind_int64(st[S_SEEN], 1, id);
		if (db_sync_run(db, st[S_SEEN], cause) != 0)
			goto out;
	}
	/* The server is the source: feeds it does not list are hidden (their
	 * articles stay in the cache). */
	if (db_exec(db, "UPDATE feeds SET position = -1 WHERE position >= 0 "
	    "AND id NOT IN (SELECT id FROM temp.sync_seen)", cause) != 0)
		goto out;
	ret = 0;
out:
	for (k = 0; k < S_COUNT; k++)
		sqlite3_finalize(st[k]);
	if (ret == 0)
		return (db_commit(db, cause));
	db_rollback(db);
	return (-1);
}

/*
 * New articles, in one transaction with the since_id they bring; those
 * already stored are left as they are (their marks come with the id
 * sets).
 */
int
db_sync_store_items(struct db *db, const struct db_sync_item *v, size_t n,
    const char *since_key, int64_t since, size_t *added, char **cause)
{
	enum { S_KNOWN, S_FEED, S_INSERT, S_MAP, S_PENDING, S_COUNT };
	static const char *const sql[S_COUNT] = {
		[S_KNOWN] = "SELECT 1 FROM sync_items WHERE remote_id = ?",
		[S_FEED] = "SELECT feed_id FROM sync_feeds WHERE remote_id = ?",
		[S_INSERT] = "INSERT OR IGNORE INTO items (feed_id, ident, "
		    "first_seen, guid, title, link, author, updated, content, "
		    "comments, read, starred, hash, date) VALUES (?1, ?2, ?3, "
		    "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 0, "
		    "coalesce(?8, ?3))",
		[S_MAP] = "INSERT OR REPLACE INTO sync_items (item_id, "
		    "remote_id) SELECT id, ?2 FROM items WHERE feed_id = ?1 "
		    "AND ident = ?3",
		[S_PENDING] = "INSERT OR IGNORE INTO fts_pending (id) SELECT "
		    "item_id FROM sync_items WHERE remote_id = ?",
	};
	sqlite3_stmt	*st[S_COUNT] = { NULL };
	int64_t		 feed, now = (int64_t)time(NULL);
	char		*ident, num[32];
	size_t		 i;
	int		 k, rc, ret = -1;

	*added = 0;
	if (db_begin(db, cause) != 0)
		return (-1);
	for (k = 0; k < S_COUNT; k++)
		if (db_prepare(db, sql[k], &st[k], cause) != 0)
			goto out;
	for (i = 0; i < n; i++) {
		sqlite3_bind_int64(st[S_KNOWN], 1, v[i].remote_id);
		rc = sqlite3_step(st[S_KNOWN]);
		sqlite3_reset(st[S_KNOWN]);
		if (rc == SQLITE_ROW)
			continue;
		sqlite3_bind_int64(st[S_FEED], 1, v[i].remote_feed);
		feed = 0;
		if (sqlite3_step(st[S_FEED]) == SQLITE_ROW)
			feed = sqlite3_column_int64(st[S_FEED], 0);
		sqlite3_reset(st[S_FEED]);
		if (feed == 0)
			continue;	/* a feed the tree did not list */
		ident = xasprintf("r:%lld", (long long)v[i].remote_id);
		sqlite3_bind_int64(st[S_INSERT], 1, feed);
		sqlite3_bind_text(st[S_INSERT], 2, ident, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st[S_INSERT], 3, now);
		db_bind_text(st[S_INSERT], 4, v[i].guid);
		db_bind_text(st[S_INSERT], 5, v[i].title);
		db_bind_text(st[S_INSERT], 6, v[i].link);
		db_bind_text(st[S_INSERT], 7, v[i].author);
		if (v[i].updated > 0)
			sqlite3_bind_int64(st[S_INSERT], 8, v[i].updated);
		else
			sqlite3_bind_null(st[S_INSERT], 8);
		db_bind_text(st[S_INSERT], 9, v[i].content);
		db_bind_text(st[S_INSERT], 10, v[i].comments);
		sqlite3_bind_int(st[S_INSERT], 11, v[i].read != 0);
		sqlite3_bind_int(st[S_INSERT], 12, v[i].starred != 0);
		rc = db_sync_run(db, st[S_INSERT], cause);
		if (rc == 0) {
			sqlite3_bind_int64(st[S_MAP], 1, feed);
			sqlite3_bind_int64(st[S_MAP], 2, v[i].remote_id);
			sqlite3_bind_text(st[S_MAP], 3, ident, -1,
			    SQLITE_STATIC);
			rc = db_sync_run(db, st[S_MAP], cause);
		}
		if (rc == 0) {
			sqlite3_bind_int64(st[S_PENDING], 1, v[i].remote_id);
			rc = db_sync_run(db, st[S_PENDING], cause);
		}
		free(ident);
		if (rc != 0)
			goto out;
		(*added)++;
	}
	snprintf(num, sizeof num, "%lld", (long long)since);
	if (since_key != NULL && db_sync_state_put(db, since_key, num,
	    cause) != 0)
		goto out;
	ret = 0;
out:
	for (k = 0; k < S_COUNT; k++)
		sqlite3_finalize(st[k]);
	if (ret == 0)
		return (db_commit(db, cause));
	db_rollback(db);
	return (-1);
}

/*
 * The server's set of unread (or starred) ids: every synced item takes
 * its mark from it, except those with a change still queued (and, for
 * read, those of a feed whose mark-as-read is queued). Not queued
 * itself: sync_meta.applying is set meanwhile.
 */
int
db_sync_apply_set(struct db *db, int field, const int64_t *ids, size_t n,
    size_t *changed, char **cause)
{
	sqlite3_stmt	*st;
	const char	*upd;
	size_t		 i;
	int		 ret = -1;

	*changed = 0;
	if (db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS sync_set "
	    "(id INTEGER PRIMARY KEY)", cause) != 0)
		return (-1);
	if (db_begin(db, cause) != 0)
		return (-1);
	if (db_exec(db, "DELETE FROM temp.sync_set", cause) != 0 ||
	    db_sync_applying(db, 1, cause) != 0)
		goto out;
	if (db_prepare(db, "INSERT OR IGNORE INTO temp.sync_set (id) "
	    "VALUES (?)", &st, cause) != 0)
		goto out;
	for (i = 0; i < n; i++) {
		sqlite3_bind_int64(st, 1, ids[i]);
		if (db_sync_run(db, st, cause) != 0) {
			sqlite3_finalize(st);
			goto out;
		}
	}
	sqlite3_finalize(st);
	if (field == DB_SYNC_READ)
		upd = "UPDATE items SET read = x.v FROM (SELECT si.item_id, "
		    "si.remote_id, s.id IS NULL AS v FROM sync_items si "
		    "LEFT JOIN temp.sync_set s ON s.id = si.remote_id) AS x "
		    "WHERE x.item_id = items.id AND items.read <> x.v "
		    "AND NOT EXISTS (SELECT 1 FROM sync_queue q WHERE "
		    "q.field = 0 AND q.remote_id = x.remote_id) "
		    "AND NOT EXISTS (SELECT 1 FROM sync_queue q JOIN sync_feeds f "
		    "ON q.remote_id = f.remote_id WHERE q.field = "
		    DB_STR(DB_SYNC_CATCHUP) " AND f.feed_id = items.feed_id)";
	else
		upd = "UPDATE items SET starred = x.v FROM (SELECT si.item_id, "
		    "si.remote_id, s.id IS NOT NULL AS v FROM sync_items si "
		    "LEFT JOIN temp.sync_set s ON s.id = si.remote_id) AS x "
		    "WHERE x.item_id = items.id AND items.starred <> x.v "
		    "AND NOT EXISTS (SELECT 1 FROM sync_queue q WHERE "
		    "q.field = 1 AND q.remote_id = x.remote_id)";
	if (db_exec(db, upd, cause) != 0)
		goto out;
	*changed = (size_t)sqlite3_changes(db_sqlite(db));
	if (db_sync_applying(db, 0, cause) != 0)
		goto out;
	ret = 0;
out:
	if (ret == 0)
		return (db_commit(db, cause));
	db_rollback(db);
	return (-1);
}
