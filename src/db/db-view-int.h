/*
 * Private to the reader's queries: the SQL pieces that depend on the
 * schema, in one place, and small helpers.
 */
#ifndef TIDINGS_DB_DB_VIEW_INT_H
#define TIDINGS_DB_DB_VIEW_INT_H

struct sqlite3;
struct sqlite3_stmt;

/*
 * Headline order: newest first by the schema's sort key `date` (published,
 * else updated, else first seen; never NULL), ties by id so that the order
 * is total; items_feed_date(feed_id, date) serves it.
 */
#define DB_VIEW_SQL_PUB		"date"
#define DB_VIEW_SQL_ORDER	DB_VIEW_SQL_PUB " DESC, id DESC"
#define DB_VIEW_SQL_ORDER_REV	DB_VIEW_SQL_PUB " ASC, id ASC"
/* Rows before / after (?2 published, ?3 id) in that order. */
#define DB_VIEW_SQL_BEFORE	"(" DB_VIEW_SQL_PUB " > ?2 OR (" \
	DB_VIEW_SQL_PUB " = ?2 AND id > ?3))"
#define DB_VIEW_SQL_AFTER	"(" DB_VIEW_SQL_PUB " < ?2 OR (" \
	DB_VIEW_SQL_PUB " = ?2 AND id < ?3))"

#define DB_VIEW_SQL_UNREAD	"read = 0"
#define DB_VIEW_SQL_SET_READ	"read = 1"
#define DB_VIEW_SQL_WHERE_FEED	"feed_id = ?1"
#define DB_VIEW_SQL_WHERE_UNREAD "read = 0"
#define DB_VIEW_SQL_WHERE_STARRED "starred = 1"
#define DB_VIEW_SQL_WHERE_SEARCH \
	"id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?1)"

/* Columns read into a struct db_view_item, in its order. */
#define DB_VIEW_SQL_ITEM_COLS \
	"id, feed_id, " DB_VIEW_SQL_PUB ", 1 - read, starred, title, " \
	"author, link"

struct sqlite3_stmt *db_view_prepare(struct sqlite3 *, const char *,
	    char **cause);
char	*db_view_error(struct sqlite3 *);
char	*db_view_column_text(struct sqlite3_stmt *, int);

#endif
