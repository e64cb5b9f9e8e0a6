/*
 * Private to the reader's queries: the SQL pieces that depend on the
 * schema, in one place, and small helpers.
 */
#ifndef TIDINGS_DB_DB_VIEW_INT_H
#define TIDINGS_DB_DB_VIEW_INT_H

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
/* Only the feeds still in the urls file count outside a feed's own list. */
#define DB_VIEW_SQL_SUBSCRIBED \
	"feed_id IN (SELECT id FROM feeds WHERE position >= 0)"
#define DB_VIEW_SQL_WHERE_FEED	"feed_id = ?1"
#define DB_VIEW_SQL_WHERE_UNREAD "read = 0 AND " DB_VIEW_SQL_SUBSCRIBED
#define DB_VIEW_SQL_WHERE_STARRED "starred = 1 AND " DB_VIEW_SQL_SUBSCRIBED
/* Search: the matches db_search_hits() keeps. */
#define DB_VIEW_SQL_WHERE_SEARCH \
	"id IN (SELECT id FROM temp.search_hits) AND " DB_VIEW_SQL_SUBSCRIBED

/* Counts from the trigger-kept feed_counts table (schema 2). */
#define DB_VIEW_SQL_COUNT_FEED \
	"SELECT coalesce((SELECT total FROM feed_counts WHERE feed_id = ?1), 0)"
#define DB_VIEW_SQL_COUNT_SUM(col) \
	"SELECT coalesce(sum(c." col "), 0) FROM feed_counts c JOIN feeds f " \
	"ON f.id = c.feed_id WHERE f.position >= 0"

/* Columns read into a struct db_view_item, in its order. */
#define DB_VIEW_SQL_ITEM_COLS \
	"id, feed_id, " DB_VIEW_SQL_PUB ", 1 - read, starred, title, " \
	"author, link"


/* db-view-query.c: what hidden articles (display-mode killfile) take
 * from the counts of a feed, or of all subscribed ones (feed_id 0). */
int	db_view_hidden_counts(struct db *, int64_t feed_id, int64_t *total,
	    int64_t *unread, int64_t *starred);

#endif
