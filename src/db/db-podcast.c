/*
 * The download queue (table downloads): enclosures to fetch, where each
 * goes, and how far it got. The queue is the cache's, so the reader and
 * a cron --download share it and it survives a crash: a row left
 * "downloading" by a killed process is simply taken up again.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/db-int.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

#define DB_PODCAST_COLUMNS \
	"id, url, item_id, file, state, bytes, size, error, added "

static void
db_podcast_row(sqlite3_stmt *st, struct db_podcast *p)
{
	p->id = sqlite3_column_int64(st, 0);
	p->url = db_column_strdup(st, 1);
	p->item_id = sqlite3_column_type(st, 2) == SQLITE_NULL ? 0 :
	    sqlite3_column_int64(st, 2);
	p->file = db_column_strdup(st, 3);
	p->state = sqlite3_column_int(st, 4);
	p->bytes = sqlite3_column_int64(st, 5);
	p->size = sqlite3_column_int64(st, 6);
	p->error = db_column_strdup(st, 7);
	p->added = sqlite3_column_int64(st, 8);
}

void
db_podcast_free(struct db_podcast *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(v[i].url);
		free(v[i].file);
		free(v[i].error);
	}
	free(v);
}

/* Rows of a query whose first parameter, if any, is bound to arg. */
static int
db_podcast_select(struct db *db, const char *where, int64_t arg,
    struct db_podcast **out, size_t *n, char **cause)
{
	sqlite3_stmt		*st;
	struct db_podcast	*v = NULL;
	size_t			 k = 0;
	char			*sql;
	int			 rc;

	*out = NULL;
	*n = 0;
	sql = xasprintf("SELECT " DB_PODCAST_COLUMNS "FROM downloads %s "
	    "ORDER BY added, id", where);
	rc = db_prepare(db, sql, &st, cause);
	free(sql);
	if (rc != 0)
		return (-1);
	if (sqlite3_bind_parameter_count(st) > 0)
		sqlite3_bind_int64(st, 1, arg);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xreallocarray(v, k + 1, sizeof *v);
		db_podcast_row(st, &v[k++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_podcast_free(v, k);
		*cause = db_errmsg(db, _("cannot read the cache"));
		return (-1);
	}
	*out = v;
	*n = k;
	return (0);
}

int
db_podcast_list(struct db *db, int todo, struct db_podcast **out, size_t *n,
    char **cause)
{
	return (db_podcast_select(db, todo ? "WHERE state IN ("
	    DB_STR(DB_PODCAST_QUEUED) ", " DB_STR(DB_PODCAST_DOWNLOADING) ", "
	    DB_STR(DB_PODCAST_FAILED) ")" : "", 0, out, n, cause));
}

int
db_podcast_get(struct db *db, int64_t id, struct db_podcast *p, char **cause)
{
	struct db_podcast	*v;
	size_t			 n;

	memset(p, 0, sizeof *p);
	if (db_podcast_select(db, "WHERE id = ?1", id, &v, &n, cause) != 0)
		return (-1);
	if (n == 0) {
		*cause = xstrdup(_("no such download"));
		return (-1);
	}
	*p = v[0];
	free(v);
	return (0);
}

void
db_podcast_fini(struct db_podcast *p)
{
	free(p->url);
	free(p->file);
	free(p->error);
	memset(p, 0, sizeof *p);
}

/* One integer answer, or -1. */
static int
db_podcast_count(struct db *db, const char *sql, const char *arg,
    int64_t *out, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (db_prepare(db, sql, &st, cause) != 0)
		return (-1);
	db_bind_text(st, 1, arg);
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW) {
		*cause = db_errmsg(db, _("cannot read the cache"));
		return (-1);
	}
	return (0);
}

int
db_podcast_queued(struct db *db, const char *url, int *queued, char **cause)
{
	int64_t	n;

	if (db_podcast_count(db, "SELECT count(*) FROM downloads WHERE "
	    "url = ?1", url, &n, cause) != 0)
		return (-1);
	*queued = n > 0;
	return (0);
}

int
db_podcast_file_taken(struct db *db, const char *file, int *taken,
    char **cause)
{
	int64_t	n;

	if (db_podcast_count(db, "SELECT count(*) FROM downloads WHERE "
	    "file = ?1", file, &n, cause) != 0)
		return (-1);
	*taken = n > 0;
	return (0);
}

int
db_podcast_add(struct db *db, const char *url, int64_t item_id,
    const char *file, int64_t size, int *added, char **cause)
{
	sqlite3_stmt	*st;

	*added = 0;
	/* A URL queued already is no error; a file taken is. */
	if (db_prepare(db, "INSERT INTO downloads (url, item_id, file, size, "
	    "added) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (url) DO NOTHING",
	    &st, cause) != 0)
		return (-1);
	sqlite3_bind_text(st, 1, url, -1, SQLITE_STATIC);
	if (item_id > 0)
		sqlite3_bind_int64(st, 2, item_id);
	else
		sqlite3_bind_null(st, 2);
	sqlite3_bind_text(st, 3, file, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, size);
	sqlite3_bind_int64(st, 5, (int64_t)time(NULL));
	if (db_step_done(db, st, cause) != 0)
		return (-1);
	*added = sqlite3_changes(db_sqlite(db)) > 0;
	return (0);
}

int
db_podcast_set(struct db *db, int64_t id, int state, int64_t bytes,
    int64_t size, const char *error, char **cause)
{
	sqlite3_stmt	*st;

	if (db_prepare(db, "UPDATE downloads SET state = ?2, bytes = ?3, "
	    "size = ?4, error = ?5 WHERE id = ?1", &st, cause) != 0)
		return (-1);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, state);
	sqlite3_bind_int64(st, 3, bytes);
	sqlite3_bind_int64(st, 4, size);
	db_bind_text(st, 5, error);
	return (db_step_done(db, st, cause));
}

int
db_podcast_remove(struct db *db, int64_t id, char **cause)
{
	sqlite3_stmt	*st;

	if (db_prepare(db, "DELETE FROM downloads WHERE id = ?1", &st,
	    cause) != 0)
		return (-1);
	sqlite3_bind_int64(st, 1, id);
	return (db_step_done(db, st, cause));
}

int
db_podcast_item(struct db *db, int64_t item_id, struct db_podcast_item *it,
    char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	memset(it, 0, sizeof *it);
	if (db_prepare(db, "SELECT coalesce(f.custom_title, f.title, f.url), "
	    "i.title, i.date, i.enclosures, coalesce(f.location, f.url), "
	    "f.url, f.tags FROM items i JOIN feeds f ON f.id = i.feed_id "
	    "WHERE i.id = ?1", &st, cause) != 0)
		return (-1);
	sqlite3_bind_int64(st, 1, item_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		it->feed_title = db_column_strdup(st, 0);
		it->title = db_column_strdup(st, 1);
		it->date = sqlite3_column_int64(st, 2);
		it->enclosures = db_column_strdup(st, 3);
		it->base_url = db_column_strdup(st, 4);
		it->feed_url = db_column_strdup(st, 5);
		it->tags = db_column_strdup(st, 6);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW) {
		*cause = rc == SQLITE_DONE ? xstrdup(_("no such article")) :
		    db_errmsg(db, _("cannot read the cache"));
		return (-1);
	}
	return (0);
}

void
db_podcast_item_fini(struct db_podcast_item *it)
{
	free(it->feed_title);
	free(it->title);
	free(it->enclosures);
	free(it->base_url);
	free(it->feed_url);
	free(it->tags);
	memset(it, 0, sizeof *it);
}

int
db_podcast_new_items(struct db *db, int64_t since, int64_t **out, size_t *n,
    char **cause)
{
	sqlite3_stmt	*st;
	int64_t		*v = NULL;
	size_t		 k = 0;
	int		 rc;

	*out = NULL;
	*n = 0;
	if (db_prepare(db, "SELECT id FROM items WHERE first_seen >= ?1 AND "
	    "enclosures IS NOT NULL ORDER BY id", &st, cause) != 0)
		return (-1);
	sqlite3_bind_int64(st, 1, since);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xreallocarray(v, k + 1, sizeof *v);
		v[k++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(v);
		*cause = db_errmsg(db, _("cannot read the cache"));
		return (-1);
	}
	*out = v;
	*n = k;
	return (0);
}
