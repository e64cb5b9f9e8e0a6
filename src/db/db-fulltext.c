/*
 * The fulltext table: which items still want their web page fetched, and
 * storing what the extraction gave (or why it failed). An item's entry in
 * items_fts includes its full text (db-fts.c), so a change here takes the
 * old entry out first and queues the item to be indexed again.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "db/db-int.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

#define DB_FT_COLUMNS \
	"i.id, i.link, coalesce(f.location, f.url) FROM items i " \
	"JOIN feeds f ON f.id = i.feed_id "

static void
db_fulltext_row(sqlite3_stmt *st, struct db_fulltext_job *j)
{
	j->item_id = sqlite3_column_int64(st, 0);
	j->link = db_column_strdup(st, 1);
	j->feed_url = db_column_strdup(st, 2);
}

int
db_fulltext_todo(struct db *db, int64_t feed_id, size_t max, int64_t now,
    struct db_fulltext_job **out, size_t *n, char **cause)
{
	sqlite3_stmt		*st;
	struct db_fulltext_job	*v = NULL;
	size_t			 k = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	if (db_prepare(db, "SELECT " DB_FT_COLUMNS
	    "WHERE i.feed_id = ?1 AND i.read = 0 AND i.link IS NOT NULL AND "
	    "i.link != '' "
	    "AND NOT EXISTS (SELECT 1 FROM fulltext t WHERE t.id = i.id AND "
	    "(t.retry_at IS NULL OR t.retry_at > ?3)) "
	    "ORDER BY i.date DESC, i.id DESC LIMIT ?2", &st, cause) != 0)
		return (-1);
	sqlite3_bind_int64(st, 1, feed_id);
	sqlite3_bind_int64(st, 2, (int64_t)max);
	sqlite3_bind_int64(st, 3, now);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xreallocarray(v, k + 1, sizeof *v);
		db_fulltext_row(st, &v[k++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_fulltext_jobs_free(v, k);
		*cause = db_errmsg(db, _("cannot read the cache"));
		return (-1);
	}
	*out = v;
	*n = k;
	return (0);
}

int
db_fulltext_job(struct db *db, int64_t item_id, struct db_fulltext_job *j,
    char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	memset(j, 0, sizeof *j);
	if (db_prepare(db, "SELECT " DB_FT_COLUMNS "WHERE i.id = ?1", &st,
	    cause) != 0)
		return (-1);
	sqlite3_bind_int64(st, 1, item_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_fulltext_row(st, j);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return (0);
	*cause = rc == SQLITE_DONE ? xstrdup(_("no such article")) :
	    db_errmsg(db, _("cannot read the cache"));
	return (-1);
}

void
db_fulltext_jobs_free(struct db_fulltext_job *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(v[i].link);
		free(v[i].feed_url);
	}
	free(v);
}

int
db_fulltext_store(struct db *db, int64_t item_id, int64_t now,
    const char *html, const char *error, int64_t retry_at, char **cause)
{
	sqlite3_stmt	*st = NULL;

	if (db_begin(db, cause) != 0)
		return (-1);
	/* The item may have gone (retention) while its page was fetched. */
	if (db_prepare(db, "SELECT 1 FROM items WHERE id = ?", &st,
	    cause) != 0)
		goto fail;
	sqlite3_bind_int64(st, 1, item_id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		db_rollback(db);
		return (0);
	}
	sqlite3_finalize(st);
	st = NULL;
	if (db_fts_forget(db, item_id, cause) != 0)
		goto fail;
	if (db_prepare(db, "INSERT OR REPLACE INTO fulltext (id, fetched_at, "
	    "html, error, retry_at) VALUES (?, ?, ?, ?, ?)", &st, cause) != 0)
		goto fail;
	sqlite3_bind_int64(st, 1, item_id);
	sqlite3_bind_int64(st, 2, now);
	db_bind_text(st, 3, html);
	db_bind_text(st, 4, error);
	if (error != NULL && retry_at > 0)
		sqlite3_bind_int64(st, 5, retry_at);
	if (sqlite3_step(st) != SQLITE_DONE) {
		*cause = db_errmsg(db, _("cannot store the article"));
		goto fail;
	}
	sqlite3_finalize(st);
	if (db_prepare(db, "INSERT OR IGNORE INTO fts_pending (id) VALUES (?)",
	    &st, cause) != 0)
		goto fail;
	sqlite3_bind_int64(st, 1, item_id);
	if (sqlite3_step(st) != SQLITE_DONE) {
		*cause = db_errmsg(db, _("cannot update the search index"));
		goto fail;
	}
	sqlite3_finalize(st);
	return (db_commit(db, cause));
fail:
	sqlite3_finalize(st);
	db_rollback(db);
	return (-1);
}
