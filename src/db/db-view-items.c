/*
 * The reader's headline queries: a screenful at a time with LIMIT/OFFSET
 * over the (published, id) order, which the items index serves, so a list
 * of a million rows costs what its visible part costs. Search goes through
 * the FTS5 index (db-search.c).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db-int.h"
#include "db/db-search.h"
#include "db/db-view.h"
#include "db/db-view-int.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* The WHERE clause of a selection; parameters ?1 (feed or query). */
static const char *
db_view_where(const struct db_view_sel *sel)
{
	switch (sel->kind) {
	case DB_VIEW_FEED:
		return (DB_VIEW_SQL_WHERE_FEED);
	case DB_VIEW_UNREAD:
		return (DB_VIEW_SQL_WHERE_UNREAD);
	case DB_VIEW_STARRED:
		return (DB_VIEW_SQL_WHERE_STARRED);
	case DB_VIEW_SEARCH:
		return (DB_VIEW_SQL_WHERE_SEARCH);
	case DB_VIEW_QUERY:
		return (sel->query != NULL ? sel->query : "0");
	}
	return ("0");
}

/* Prepare "prefix WHERE <sel> suffix" and bind the selection's ?1. */
static sqlite3_stmt *
db_view_prepare_sel(struct db *db, const struct db_view_sel *sel,
    const char *prefix, const char *suffix, char **cause)
{
	sqlite3_stmt	*st;
	char		*sql;

	/* The table the search's SQL reads, filled before it is prepared. */
	if (sel->kind == DB_VIEW_SEARCH && db_search_hits(db,
	    sel->query != NULL ? sel->query : "", cause) != 0)
		return (NULL);
	sql = xasprintf("%s WHERE (%s)%s%s%s%s%s%s%s %s", prefix,
	    db_view_where(sel),
	    sel->kind == DB_VIEW_QUERY ? " AND " DB_VIEW_SQL_SUBSCRIBED : "",
	    db->hidden != NULL ? " AND NOT (" : "",
	    db->hidden != NULL ? db->hidden : "",
	    db->hidden != NULL ? ")" : "",
	    sel->filter != NULL ? " AND (" : "",
	    sel->filter != NULL ? sel->filter : "",
	    sel->filter != NULL ? ")" : "", suffix);
	if (db_prepare(db, sql, &st, cause) != 0) {
		free(sql);
		return (NULL);
	}
	free(sql);
	if (sel->kind == DB_VIEW_FEED)
		sqlite3_bind_int64(st, 1, sel->feed_id);
	return (st);
}

const char *
db_view_search_capped(struct db *db)
{
	return (db_search_capped(db));
}

int
db_view_items_count(struct db *db, const struct db_view_sel *sel, size_t *n,
    char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	*n = 0;
	/* Lists of whole feeds are counted by the triggers, not here
	 * (unless articles are hidden from them). */
	if (db->hidden != NULL || sel->filter != NULL)
		st = db_view_prepare_sel(db, sel, "SELECT count(*) FROM items",
		    "", cause);
	else if (sel->kind == DB_VIEW_FEED) {
		if (db_prepare(db, DB_VIEW_SQL_COUNT_FEED, &st, cause) != 0)
			return (-1);
		sqlite3_bind_int64(st, 1, sel->feed_id);
	} else if (sel->kind == DB_VIEW_UNREAD)
		(void)db_prepare(db, DB_VIEW_SQL_COUNT_SUM("unread"), &st,
		    cause);
	else if (sel->kind == DB_VIEW_STARRED)
		(void)db_prepare(db, DB_VIEW_SQL_COUNT_SUM("starred"), &st,
		    cause);
	else
		st = db_view_prepare_sel(db, sel, "SELECT count(*) FROM items",
		    "", cause);
	if (st == NULL)
		return (-1);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*n = (size_t)sqlite3_column_int64(st, 0);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*cause = db_errmsg(db, _("cannot read the cache"));
		sqlite3_finalize(st);
		return (-1);
	}
	sqlite3_finalize(st);
	return (0);
}

static void
db_view_item_read(sqlite3_stmt *st, struct db_view_item *it)
{
	it->id = sqlite3_column_int64(st, 0);
	it->feed_id = sqlite3_column_int64(st, 1);
	it->published = sqlite3_column_int64(st, 2);
	it->unread = sqlite3_column_int(st, 3);
	it->starred = sqlite3_column_int(st, 4);
	it->title = db_column_strdup(st, 5);
	it->author = db_column_strdup(st, 6);
	it->link = db_column_strdup(st, 7);
}

/*
 * Whether a query feed's window is read along the date index rather than
 * found by the filter's own index and sorted: when its articles are
 * dense enough that walking the dates meets `want` of them before it
 * would have sorted `total` (the planner, which knows no density, sorts).
 */
static int
db_view_items_by_date(struct db *db, const struct db_view_sel *sel,
    size_t want, size_t total)
{
	sqlite3_stmt	*st;
	char		*cause = NULL;
	double		 all = 0;

	if (sel->kind != DB_VIEW_QUERY || total == 0)
		return (0);
	if (db_prepare(db, "SELECT coalesce(sum(total), 0) FROM feed_counts",
	    &st, &cause) != 0) {
		free(cause);
		return (0);
	}
	if (sqlite3_step(st) == SQLITE_ROW)
		all = (double)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return ((double)want * all < (double)total * (double)total);
}

int
db_view_items(struct db *db, const struct db_view_sel *sel, size_t offset,
    size_t limit, size_t total, struct db_view_item **out, size_t *n,
    char **cause)
{
	struct db_view_item	 tmp;
	sqlite3_stmt		*st;
	char			*suffix;
	size_t			 i, skip = offset;
	int			 rc = SQLITE_DONE, backwards = 0;

	*out = NULL;
	*n = 0;
	/* In the second half, skip from the end instead. */
	if (total > 0 && offset < total && offset > total / 2) {
		backwards = 1;
		if (offset + limit > total)
			limit = total - offset;
		skip = total - offset - limit;
	}
	suffix = xasprintf("ORDER BY %s LIMIT %zu OFFSET %zu", backwards ?
	    DB_VIEW_SQL_ORDER_REV : DB_VIEW_SQL_ORDER, limit, skip);
	st = db_view_prepare_sel(db, sel, db_view_items_by_date(db, sel,
	    skip + limit, total) ? "SELECT " DB_VIEW_SQL_ITEM_COLS " FROM items "
	    "INDEXED BY items_date" : "SELECT " DB_VIEW_SQL_ITEM_COLS
	    " FROM items", suffix, cause);
	free(suffix);
	if (st == NULL)
		return (-1);
	*out = xreallocarray(NULL, limit > 0 ? limit : 1, sizeof **out);
	while (*n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW)
		db_view_item_read(st, &(*out)[(*n)++]);
	if (*n < limit && rc != SQLITE_DONE) {
		*cause = db_errmsg(db, _("cannot read the cache"));
		sqlite3_finalize(st);
		db_view_items_free(*out, *n);
		*out = NULL;
		*n = 0;
		return (-1);
	}
	sqlite3_finalize(st);
	if (backwards)
		for (i = 0; i < *n / 2; i++) {
			tmp = (*out)[i];
			(*out)[i] = (*out)[*n - 1 - i];
			(*out)[*n - 1 - i] = tmp;
		}
	return (0);
}

void
db_view_items_free(struct db_view_item *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(v[i].title);
		free(v[i].author);
		free(v[i].link);
	}
	free(v);
}

/* Rows before `it` in the list's order; -1 when it left the list. */
int
db_view_items_position(struct db *db, const struct db_view_sel *sel,
    const struct db_view_item *it, size_t *pos)
{
	sqlite3_stmt	*st;
	char		*cause = NULL;
	int		 in = 0;

	st = db_view_prepare_sel(db, sel, "SELECT count(*) FROM items",
	    "AND id = ?2", &cause);
	if (st == NULL) {
		free(cause);
		return (-1);
	}
	sqlite3_bind_int64(st, 2, it->id);
	if (sqlite3_step(st) == SQLITE_ROW)
		in = sqlite3_column_int(st, 0) > 0;
	sqlite3_finalize(st);
	if (!in)
		return (-1);
	st = db_view_prepare_sel(db, sel, "SELECT count(*) FROM items",
	    "AND " DB_VIEW_SQL_BEFORE, &cause);
	if (st == NULL) {
		free(cause);
		return (-1);
	}
	sqlite3_bind_int64(st, 2, it->published);
	sqlite3_bind_int64(st, 3, it->id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return (-1);
	}
	*pos = (size_t)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return (0);
}

int
db_view_items_next_unread(struct db *db, const struct db_view_sel *sel,
    const struct db_view_item *from, int dir, size_t *pos)
{
	struct db_view_item	 it;
	sqlite3_stmt		*st;
	char			*cause = NULL;
	const char		*suffix;

	if (from == NULL)
		suffix = dir > 0 ? "AND " DB_VIEW_SQL_UNREAD " ORDER BY "
		    DB_VIEW_SQL_ORDER " LIMIT 1" : "AND " DB_VIEW_SQL_UNREAD
		    " ORDER BY " DB_VIEW_SQL_ORDER_REV " LIMIT 1";
	else
		suffix = dir > 0 ? "AND " DB_VIEW_SQL_UNREAD " AND "
		    DB_VIEW_SQL_AFTER " ORDER BY " DB_VIEW_SQL_ORDER
		    " LIMIT 1" : "AND " DB_VIEW_SQL_UNREAD " AND "
		    DB_VIEW_SQL_BEFORE " ORDER BY " DB_VIEW_SQL_ORDER_REV
		    " LIMIT 1";
	st = db_view_prepare_sel(db, sel, "SELECT " DB_VIEW_SQL_ITEM_COLS
	    " FROM items", suffix, &cause);
	if (st == NULL) {
		free(cause);
		return (-1);
	}
	if (from != NULL) {
		sqlite3_bind_int64(st, 2, from->published);
		sqlite3_bind_int64(st, 3, from->id);
	}
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return (-1);
	}
	db_view_item_read(st, &it);
	sqlite3_finalize(st);
	if (db_view_items_position(db, sel, &it, pos) != 0) {
		free(it.title);
		free(it.author);
		free(it.link);
		return (-1);
	}
	free(it.title);
	free(it.author);
	free(it.link);
	return (0);
}

int
db_view_items_mark_read(struct db *db, const struct db_view_sel *sel, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	/* A whole feed read is also one change for a sync server. */
	if (db_begin(db, cause) != 0)
		return (-1);
	st = db_view_prepare_sel(db, sel, "UPDATE items SET "
	    DB_VIEW_SQL_SET_READ, "AND " DB_VIEW_SQL_UNREAD, cause);
	if (st == NULL) {
		db_rollback(db);
		return (-1);
	}
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		*cause = db_errmsg(db, _("cannot store a mark"));
		db_rollback(db);
		return (-1);
	}
	if (sel->kind == DB_VIEW_FEED &&
	    db_sync_queue_catchup(db, sel->feed_id, cause) != 0) {
		db_rollback(db);
		return (-1);
	}
	return (db_commit(db, cause));
}
