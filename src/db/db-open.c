/*
 * Opening the cache: connection settings, schema version check and forward
 * migrations (the core helpers and write transactions are in db.c).
 */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/db-int.h"
#include "db/db-phrase.h"
#include "db/db-terms.h"
#include "util/i18n.h"
#include "util/xmalloc.h"


/*
 * Run sql, retrying while another connection holds the lock it needs.
 * Two processes opening a new cache at once (cron and the reader) both
 * want the exclusive lock that switching to WAL takes while holding a
 * shared one; SQLite answers one of them "locked" at once rather than
 * wait (the busy handler cannot break that deadlock), so we wait here.
 */
static int
db_exec_retry(struct db *db, const char *sql, char **cause)
{
	struct timespec	ts = { 0, 50 * 1000 * 1000 };
	int		i, rc = SQLITE_BUSY;

	for (i = 0; i < DB_BEGIN_TRIES; i++) {
		rc = sqlite3_exec(db->sq, sql, NULL, NULL, NULL);
		if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
			break;
		nanosleep(&ts, NULL);
	}
	if (rc != SQLITE_OK) {
		*cause = xasprintf("%s: %s", db->path, sqlite3_errmsg(db->sq));
		return (-1);
	}
	return (0);
}

/* The schema version, read without writing anything to the file. */
static int
db_open_version(struct db *db, int *version, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (db_prepare(db, "PRAGMA user_version", &st, cause) != 0)
		return (-1);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		*cause = db_errmsg(db, _("cannot read the schema version"));
		sqlite3_finalize(st);
		return (-1);
	}
	*version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return (0);
}

/* Bring the schema to DB_SCHEMA_VERSION, one step per transaction. */
static int
db_open_migrate(struct db *db, char **cause)
{
	char	*sql;
	int	 version;

	for (;;) {
		if (db_open_version(db, &version, cause) != 0)
			return (-1);
		if (version >= DB_SCHEMA_VERSION)
			return (0);
		if (db_begin(db, cause) != 0)
			return (-1);
		/* Re-read under the write lock: another process may have
		 * migrated since we looked. */
		if (db_open_version(db, &version, cause) != 0)
			goto fail;
		if (version >= DB_SCHEMA_VERSION)
			break;
		if (db_exec(db, db_schema_migrations[version], cause) != 0)
			goto fail;
		sql = xasprintf("PRAGMA user_version = %d", version + 1);
		if (db_exec(db, sql, cause) != 0) {
			free(sql);
			goto fail;
		}
		free(sql);
		if (db_commit(db, cause) != 0)
			return (-1);
	}
	db_rollback(db);
	return (0);
fail:
	db_rollback(db);
	return (-1);
}

/*
 * Before SQLite's first use: no memory statistics, which take a mutex on
 * every allocation (4% of the writer's time in a cold refresh). Too late
 * if something else initialised SQLite first, and harmless then.
 */
static void
db_open_once(void)
{
	(void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int
db_open(const char *path, struct db **out, char **cause)
{
	static pthread_once_t	 once = PTHREAD_ONCE_INIT;
	struct db		*db;
	int			 version, rc = DB_ERR;

	pthread_once(&once, db_open_once);
	*out = NULL;
	db = xcalloc(1, sizeof *db);
	db->path = xstrdup(path);
	if (sqlite3_open_v2(path, &db->sq, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		*cause = db->sq != NULL ? db_errmsg(db, _("cannot open")) :
		    xasprintf("%s: %s", path, _("cannot open"));
		goto out_close;
	}
	sqlite3_extended_result_codes(db->sq, 0);
	sqlite3_busy_timeout(db->sq, DB_BUSY_TIMEOUT_MS);
	if (db_regexp_register(db, cause) != 0 ||
	    db_phrase_register(db, cause) != 0)
		goto out_close;
	if (db_terms_register(db) != 0) {
		*cause = xstrdup(_("SQLite has no FTS5 unicode61 tokenizer"));
		goto out_close;
	}

	/* Look before touching: a newer schema is left as it is. */
	if (db_open_version(db, &version, cause) != 0)
		goto out_close;
	if (version > DB_SCHEMA_VERSION) {
		*cause = xasprintf(_("%s: the cache has schema version %d, "
		    "newer than this tidings knows (%d); use a newer tidings "
		    "or another cache file (-c)"), path, version,
		    DB_SCHEMA_VERSION);
		rc = DB_ERR_NEWER;
		goto out_close;
	}
	/*
	 * WAL lets readers (the TUI) go on while a writer stores; NORMAL
	 * sync is crash-safe in WAL mode (only a power cut may lose the
	 * last commits, never consistency). Checkpoints every 32 MB of WAL
	 * and an 8 MB page cache: fewer syncs and re-reads when a refresh
	 * stores and indexes hundreds of megabytes.
	 */
	if (db_exec_retry(db, "PRAGMA journal_mode = WAL", cause) != 0 ||
	    db_exec(db, "PRAGMA synchronous = NORMAL", cause) != 0 ||
	    db_exec(db, "PRAGMA wal_autocheckpoint = "
	    DB_STR(DB_AUTOCHECKPOINT), cause) != 0 ||
	    db_exec(db, "PRAGMA cache_size = -8192", cause) != 0 ||
	    db_exec(db, "PRAGMA foreign_keys = ON", cause) != 0)
		goto out_close;
	if (db_open_migrate(db, cause) != 0)
		goto out_close;
	*out = db;
	return (DB_OK);

out_close:
	db_close(db);
	return (rc);
}

