/*
 * The cache's core: error messages, statements, and write transactions
 * that wait for other writers instead of failing with "database is
 * locked". Opening and migrations are in db-open.c.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/db-int.h"
#include "db/db-search.h"
#include "db/db-terms.h"
#include "util/i18n.h"
#include "util/xmalloc.h"
char *
db_errmsg(struct db *db, const char *what)
{
	return (xasprintf("%s: %s: %s", db->path, what,
	    sqlite3_errmsg(db->sq)));
}

int
db_exec(struct db *db, const char *sql, char **cause)
{
	char	*msg = NULL;

	if (sqlite3_exec(db->sq, sql, NULL, NULL, &msg) != SQLITE_OK) {
		*cause = xasprintf("%s: %s", db->path,
		    msg != NULL ? msg : sqlite3_errmsg(db->sq));
		sqlite3_free(msg);
		return (-1);
	}
	return (0);
}

int
db_prepare(struct db *db, const char *sql, sqlite3_stmt **st, char **cause)
{
	if (sqlite3_prepare_v2(db->sq, sql, -1, st, NULL) != SQLITE_OK) {
		*cause = db_errmsg(db, "prepare");
		*st = NULL;
		return (-1);
	}
	return (0);
}

/* Run a bound write statement to its end and finalize it: 0, or -1 with
 * *cause. */
int
db_step_done(struct db *db, sqlite3_stmt *st, char **cause)
{
	int	rc;

	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		*cause = db_errmsg(db, _("cannot write to the cache"));
		return (-1);
	}
	return (0);
}

int
db_bind_text(sqlite3_stmt *st, int col, const char *s)
{
	if (s == NULL)
		return (sqlite3_bind_null(st, col));
	return (sqlite3_bind_text(st, col, s, -1, SQLITE_STATIC));
}

char *
db_column_strdup(sqlite3_stmt *st, int col)
{
	const unsigned char	*s;

	s = sqlite3_column_text(st, col);
	return (s != NULL ? xstrdup((const char *)s) : NULL);
}
void
db_close(struct db *db)
{
	if (db == NULL)
		return;
	if (db->sq != NULL) {
		if (db->in_txn)
			db_rollback(db);
		db_checkpoint_stop(db);
		sqlite3_close(db->sq);
	}
	db_terms_free(db->terms);
	db_search_free(db->search);
	free(db->path);
	free(db->hidden);
	free(db);
}

struct sqlite3 *
db_sqlite(struct db *db)
{
	return (db->sq);
}

/* FTS5's entry points, from its registration function fts5(?1). */
fts5_api *
db_fts5(struct db *db)
{
	sqlite3_stmt	*st;
	fts5_api	*api = NULL;

	if (sqlite3_prepare_v2(db->sq, "SELECT fts5(?1)", -1, &st, NULL) !=
	    SQLITE_OK)
		return (NULL);
	sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", NULL);
	(void)sqlite3_step(st);
	sqlite3_finalize(st);
	return (api);
}

/*
 * BEGIN IMMEDIATE takes the write lock up front, so a transaction never
 * has to upgrade a read lock (which SQLite cannot wait for). The busy
 * timeout waits for the other writer; past it we retry a few times, since
 * a cron refresh and the TUI may both be storing many feeds.
 */
int
db_begin(struct db *db, char **cause)
{
	struct timespec	ts = { 0, 50 * 1000 * 1000 };
	int		i, rc = SQLITE_BUSY;

	for (i = 0; i < DB_BEGIN_TRIES; i++) {
		rc = sqlite3_exec(db->sq, "BEGIN IMMEDIATE", NULL, NULL, NULL);
		if (rc == SQLITE_OK) {
			db->in_txn = 1;
			return (0);
		}
		if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
			break;
		nanosleep(&ts, NULL);
	}
	*cause = db_errmsg(db, _("cannot start a transaction"));
	return (-1);
}

int
db_commit(struct db *db, char **cause)
{
	struct timespec	ts = { 0, 50 * 1000 * 1000 };
	int		i, rc = SQLITE_BUSY;

	/* COMMIT can be busy while readers finish with the WAL. */
	for (i = 0; i < DB_BEGIN_TRIES; i++) {
		rc = sqlite3_exec(db->sq, "COMMIT", NULL, NULL, NULL);
		if (rc != SQLITE_BUSY)
			break;
		nanosleep(&ts, NULL);
	}
	if (rc != SQLITE_OK) {
		*cause = db_errmsg(db, _("cannot commit"));
		db_rollback(db);
		return (-1);
	}
	db->in_txn = 0;
	return (0);
}

void
db_rollback(struct db *db)
{
	sqlite3_exec(db->sq, "ROLLBACK", NULL, NULL, NULL);
	db->in_txn = 0;
}

int
db_data_version(struct db *db, int64_t *out, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (db_prepare(db, "PRAGMA data_version", &st, cause) != 0)
		return (-1);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		*cause = db_errmsg(db, _("cannot read the cache"));
		sqlite3_finalize(st);
		return (-1);
	}
	*out = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return (0);
}

/* For --version: the SQLite the program runs with. */
const char *
db_sqlite_version(void)
{
	return (sqlite3_libversion());
}
