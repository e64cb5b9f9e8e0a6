/* Queries on the feeds table, and storing one fetch result. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "db/db-int.h"
#include "feed/feed.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

#define DB_FEED_COLUMNS \
	"id, url, location, position, tags, custom_title, title, " \
	"site_link, etag, last_modified, last_fetch, last_status, " \
	"last_error, next_fetch"

static void
db_feeds_row(sqlite3_stmt *st, struct db_feed *f)
{
	f->id = sqlite3_column_int64(st, 0);
	f->url = db_column_strdup(st, 1);
	f->location = db_column_strdup(st, 2);
	f->position = sqlite3_column_int(st, 3);
	f->tags = db_column_strdup(st, 4);
	f->custom_title = db_column_strdup(st, 5);
	f->title = db_column_strdup(st, 6);
	f->site_link = db_column_strdup(st, 7);
	f->etag = db_column_strdup(st, 8);
	f->last_modified = db_column_strdup(st, 9);
	f->last_fetch = sqlite3_column_int64(st, 10);
	f->last_status = sqlite3_column_int(st, 11);
	f->last_error = db_column_strdup(st, 12);
	f->next_fetch = sqlite3_column_int64(st, 13);
}

void
db_feeds_fini(struct db_feed *f)
{
	free(f->url);
	free(f->location);
	free(f->tags);
	free(f->custom_title);
	free(f->title);
	free(f->site_link);
	free(f->etag);
	free(f->last_modified);
	free(f->last_error);
	memset(f, 0, sizeof *f);
}

void
db_feeds_free(struct db_feed *f, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		db_feeds_fini(&f[i]);
	free(f);
}

/*
 * Make the subscribed feeds those of the urls file, in its order. Feeds
 * that left the file keep their items but get position -1 and the time
 * they left (db_prune_feeds deletes them later). Rows that did not change
 * are not written.
 */
int
db_feeds_sync(struct db *db, const struct db_sub *subs, size_t n,
    char **cause)
{
	sqlite3_stmt	*up = NULL, *mark = NULL;
	size_t		 i;

	if (db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS sync_urls "
	    "(url TEXT PRIMARY KEY); DELETE FROM temp.sync_urls", cause) != 0)
		return (-1);
	if (db_begin(db, cause) != 0)
		return (-1);
	if (db_prepare(db, "INSERT INTO feeds (url, position, tags, "
	    "custom_title) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (url) DO "
	    "UPDATE SET position = excluded.position, tags = excluded.tags, "
	    "custom_title = excluded.custom_title, removed_at = NULL "
	    "WHERE position IS NOT "
	    "excluded.position OR tags IS NOT excluded.tags OR custom_title "
	    "IS NOT excluded.custom_title", &up, cause) != 0)
		goto fail;
	if (db_prepare(db, "INSERT OR IGNORE INTO temp.sync_urls VALUES (?)",
	    &mark, cause) != 0)
		goto fail;
	for (i = 0; i < n; i++) {
		db_bind_text(up, 1, subs[i].url);
		sqlite3_bind_int64(up, 2, (int64_t)i);
		db_bind_text(up, 3, subs[i].tags != NULL ? subs[i].tags : "");
		db_bind_text(up, 4, subs[i].custom_title);
		db_bind_text(mark, 1, subs[i].url);
		if (sqlite3_step(up) != SQLITE_DONE ||
		    sqlite3_step(mark) != SQLITE_DONE) {
			*cause = db_errmsg(db, _("cannot store the feed list"));
			goto fail;
		}
		sqlite3_reset(up);
		sqlite3_reset(mark);
	}
	if (db_exec(db, "UPDATE feeds SET position = -1, removed_at = "
	    "CAST(strftime('%s', 'now') AS INTEGER) WHERE position >= 0 "
	    "AND url NOT IN (SELECT url FROM temp.sync_urls)", cause) != 0)
		goto fail;
	sqlite3_finalize(up);
	sqlite3_finalize(mark);
	return (db_commit(db, cause));
fail:
	sqlite3_finalize(up);
	sqlite3_finalize(mark);
	db_rollback(db);
	return (-1);
}

/* Subscribed feeds whose next fetch is due before the given time. */
int
db_feeds_list(struct db *db, int64_t due_before, struct db_feed **out,
    size_t *n, char **cause)
{
	sqlite3_stmt	*st;
	struct db_feed	*v = NULL;
	size_t		 len = 0, cap = 0;
	int		 rc;

	if (db_prepare(db, "SELECT " DB_FEED_COLUMNS " FROM feeds WHERE "
	    "position >= 0 AND next_fetch <= ? ORDER BY position", &st,
	    cause) != 0)
		return (-1);
	sqlite3_bind_int64(st, 1, due_before);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (len == cap) {
			cap = cap == 0 ? 64 : cap * 2;
			v = xreallocarray(v, cap, sizeof *v);
		}
		db_feeds_row(st, &v[len++]);
	}
	if (rc != SQLITE_DONE) {
		*cause = db_errmsg(db, _("cannot read the feed list"));
		sqlite3_finalize(st);
		db_feeds_free(v, len);
		return (-1);
	}
	sqlite3_finalize(st);
	*out = v;
	*n = len;
	return (0);
}

int
db_feeds_get(struct db *db, int64_t id, struct db_feed *f, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (db_prepare(db, "SELECT " DB_FEED_COLUMNS " FROM feeds WHERE "
	    "id = ?", &st, cause) != 0)
		return (-1);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_feeds_row(st, f);
	else
		*cause = rc == SQLITE_DONE ? xasprintf(_("no feed %lld"),
		    (long long)id) : db_errmsg(db, _("cannot read a feed"));
	sqlite3_finalize(st);
	return (rc == SQLITE_ROW ? 0 : -1);
}

/* The feed row's part of a fetch result. */
static int
db_feeds_state(struct db *db, int64_t id, const struct db_fetch *r,
    const struct feed_doc *doc, char **cause)
{
	sqlite3_stmt	*st;
	const char	*sql;
	int		 rc;

	if (r->error != NULL)
		sql = "UPDATE feeds SET last_fetch = ?2, last_status = ?3, "
		    "last_error = ?4, next_fetch = ?5 WHERE id = ?1";
	else if (r->not_modified)
		sql = "UPDATE feeds SET last_fetch = ?2, last_status = ?3, "
		    "last_error = NULL, next_fetch = ?5, "
		    "etag = coalesce(?6, etag), "
		    "last_modified = coalesce(?7, last_modified) WHERE id = ?1";
	else
		sql = "UPDATE feeds SET last_fetch = ?2, last_status = ?3, "
		    "last_error = NULL, next_fetch = ?5, etag = ?6, "
		    "last_modified = ?7, title = coalesce(?8, title), "
		    "site_link = coalesce(?9, site_link) WHERE id = ?1";
	if (db_prepare(db, sql, &st, cause) != 0)
		return (-1);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, r->fetched_at);
	sqlite3_bind_int(st, 3, r->status);
	if (r->error != NULL)
		db_bind_text(st, 4, r->error);
	sqlite3_bind_int64(st, 5, r->next_fetch);
	if (r->error == NULL) {
		db_bind_text(st, 6, r->etag);
		db_bind_text(st, 7, r->last_modified);
	}
	if (r->error == NULL && !r->not_modified && doc != NULL) {
		db_bind_text(st, 8, doc->meta.title);
		db_bind_text(st, 9, doc->meta.link);
	}
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		*cause = db_errmsg(db, _("cannot store the feed state"));
		return (-1);
	}
	if (r->new_url != NULL) {
		if (db_prepare(db, "UPDATE feeds SET location = ? WHERE id = ?",
		    &st, cause) != 0)
			return (-1);
		db_bind_text(st, 1, r->new_url);
		sqlite3_bind_int64(st, 2, id);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE) {
			*cause = db_errmsg(db, _("cannot store the feed state"));
			return (-1);
		}
	}
	return (0);
}

int
db_feeds_store(struct db *db, int64_t id, const struct db_fetch *r,
    const struct feed_doc *doc, const struct db_doc_prep *dp,
    const struct db_retention *keep, struct db_store_stats *stats,
    char **cause)
{
	struct db_store_stats	 dummy;

	if (stats == NULL)
		stats = &dummy;
	memset(stats, 0, sizeof *stats);
	if (db_begin(db, cause) != 0)
		return (-1);
	if (db_feeds_state(db, id, r, doc, cause) != 0)
		goto fail;
	if (r->error == NULL && !r->not_modified && doc != NULL) {
		if (db_items_store(db, id, doc, dp, r->fetched_at, stats,
		    cause) != 0)
			goto fail;
		if (keep != NULL && db_items_retain(db, id, keep,
		    r->fetched_at, stats, cause) != 0)
			goto fail;
	}
	return (db_commit(db, cause));
fail:
	db_rollback(db);
	return (-1);
}
