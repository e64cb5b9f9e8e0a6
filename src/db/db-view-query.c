/*
 * Query feeds in the feed list: rows made from the urls file's
 * "query:" lines, counted live over the cache with the filter's SQL, so
 * that marks made anywhere and every refresh show in them at once.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db-int.h"
#include "db/db-view.h"
#include "db/db-view-int.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/tags.h"
#include "util/xmalloc.h"

static int
db_view_query_count(struct db *db, const char *where, const char *extra,
    int64_t *n, char **cause)
{
	sqlite3_stmt	*st;
	char		*sql;
	int		 rc;

	sql = xasprintf("SELECT count(*) FROM items WHERE (%s) AND "
	    DB_VIEW_SQL_SUBSCRIBED "%s%s%s%s", where, extra,
	    db->hidden != NULL ? " AND NOT (" : "",
	    db->hidden != NULL ? db->hidden : "",
	    db->hidden != NULL ? ")" : "");
	rc = db_prepare(db, sql, &st, cause);
	free(sql);
	if (rc != 0)
		return (-1);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW) {
		*cause = db_errmsg(db, _("cannot read the cache"));
		return (-1);
	}
	return (0);
}

int
db_view_feeds_queries(struct db *db, const struct db_view_query *q,
    size_t nq, const char *tag, int hide_read, struct db_view_feed **feeds,
    size_t *n, char **cause)
{
	struct db_view_feed	*out, f;
	size_t			 i, j = 0, k = 0;

	if (nq == 0)
		return (0);
	out = xreallocarray(NULL, *n + nq, sizeof *out);
	for (i = 0; i <= nq; i++) {
		/* The feeds before this query (all of them after the last). */
		while (j < *n && (i == nq || (*feeds)[j].position <
		    q[i].position))
			out[k++] = (*feeds)[j++];
		if (i == nq)
			break;
		if (tag != NULL && (q[i].tags == NULL ||
		    !tags_has(q[i].tags, tag)))
			continue;
		memset(&f, 0, sizeof f);
		if (db_view_query_count(db, q[i].where, "", &f.total,
		    cause) != 0 || db_view_query_count(db, q[i].where,
		    " AND " DB_VIEW_SQL_UNREAD, &f.unread, cause) != 0) {
			while (j < *n)
				out[k++] = (*feeds)[j++];
			free(*feeds);
			*feeds = out;
			*n = k;
			return (-1);
		}
		if (hide_read && f.unread == 0)
			continue;
		f.id = -1 - (int64_t)i;
		f.title = xstrdup(q[i].title);
		f.url = xasprintf("query:%s", q[i].title);
		f.tags = q[i].tags != NULL && *q[i].tags != '\0' ?
		    xstrdup(q[i].tags) : NULL;
		f.position = q[i].position;
		f.query = xstrdup(q[i].where);
		out[k++] = f;
	}
	free(*feeds);
	*feeds = out;
	*n = k;
	return (0);
}

void
db_view_set_hidden(struct db *db, const char *where)
{
	free(db->hidden);
	db->hidden = where != NULL ? xstrdup(where) : NULL;
}

/*
 * What the hidden articles take from the trigger-kept counts: per feed
 * (feed_id 0: the subscribed feeds together) their total, unread and
 * starred numbers.
 */
int
db_view_hidden_counts(struct db *db, int64_t feed_id, int64_t *total,
    int64_t *unread, int64_t *starred)
{
	sqlite3_stmt	*st;
	char		*sql, *cause = NULL;
	int		 rc;

	*total = *unread = *starred = 0;
	if (db->hidden == NULL)
		return (0);
	sql = xasprintf("SELECT count(*), coalesce(sum(read = 0), 0), "
	    "coalesce(sum(starred = 1), 0) FROM items WHERE (%s) AND %s",
	    db->hidden, feed_id != 0 ? "feed_id = ?1" :
	    DB_VIEW_SQL_SUBSCRIBED);
	rc = db_prepare(db, sql, &st, &cause);
	free(sql);
	if (rc != 0) {
		free(cause);
		return (-1);
	}
	if (feed_id != 0)
		sqlite3_bind_int64(st, 1, feed_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*total = sqlite3_column_int64(st, 0);
		*unread = sqlite3_column_int64(st, 1);
		*starred = sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	return (0);
}

int
db_view_feed_matches(struct db *db, int64_t feed_id, const char *where,
    int feed_only, const char *filter, char **cause)
{
	sqlite3_stmt	*st;
	char		*sql;
	int		 rc;

	/* The fragment reads only feed_id: one row stands for the feed. */
	if (feed_only && where == NULL)
		sql = xasprintf("SELECT EXISTS (SELECT 1 FROM (SELECT ?1 AS "
		    "feed_id) WHERE (%s))", filter);
	else
		sql = xasprintf("SELECT EXISTS (SELECT 1 FROM items WHERE "
		    "%s%s%s AND (%s)%s%s%s)", where != NULL ? "(" :
		    "feed_id = ?1", where != NULL ? where : "",
		    where != NULL ? ") AND " DB_VIEW_SQL_SUBSCRIBED : "",
		    filter, db->hidden != NULL ? " AND NOT (" : "",
		    db->hidden != NULL ? db->hidden : "",
		    db->hidden != NULL ? ")" : "");
	rc = db_prepare(db, sql, &st, cause);
	free(sql);
	if (rc != 0)
		return (-1);
	if (where == NULL)
		sqlite3_bind_int64(st, 1, feed_id);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		*cause = db_errmsg(db, _("cannot read the cache"));
		sqlite3_finalize(st);
		return (-1);
	}
	rc = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return (rc);
}

int
db_view_items_match(struct db *db, const struct db_view_item *it, size_t n,
    const char *where, unsigned char *out, char **cause)
{
	sqlite3_stmt	*st;
	struct buf	 b;
	int64_t		 id;
	size_t		 i;
	int		 rc;

	memset(out, 0, n);
	if (n == 0)
		return (0);
	buf_init(&b, 0);
	buf_adds(&b, "SELECT id FROM items WHERE id IN (");
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%lld", i > 0 ? "," : "",
		    (long long)it[i].id);
	buf_printf(&b, ") AND (%s)", where);
	rc = db_prepare(db, buf_str(&b), &st, cause);
	buf_fini(&b);
	if (rc != 0)
		return (-1);
	while (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		for (i = 0; i < n; i++)
			if (it[i].id == id)
				out[i] = 1;
	}
	sqlite3_finalize(st);
	return (0);
}
