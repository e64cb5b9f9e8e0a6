/*
 * Unit tests for the reader's queries (src/db/db-view*.c) on a real
 * SQLite file made by db_open(): windows read forwards and backwards
 * agree, positions, next unread, trigger-kept counts, marks, search.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "db/db.h"
#include "db/db-int.h"
#include "feed/feed.h"
#include "db/db-view.h"

#define NITEMS	50

static char		 tmpdir[64];
static struct db	*db;
static sqlite3		*sq;

static void
exec(const char *sql)
{
	assert_int_equal(sqlite3_exec(sq, sql, NULL, NULL, NULL), SQLITE_OK);
}

/* Feed 1 (tags a, b) holds NITEMS items; item i is dated 1000 - i (two
 * share a date so that id breaks the tie), every third one read. */
static int
setup(void **state)
{
	char	path[128], *cause = NULL, sql[512];
	int	i;

	(void)state;
	strcpy(tmpdir, "/tmp/test-db-view.XXXXXX");
	if (mkdtemp(tmpdir) == NULL)
		return (-1);
	snprintf(path, sizeof path, "%s/cache.db", tmpdir);
	if (db_open(path, &db, &cause) != DB_OK)
		return (-1);
	sq = db_sqlite(db);
	exec("INSERT INTO feeds(id, url, position, tags, title) VALUES "
	    "(1, 'http://a/', 0, 'a\tb', 'Feed A'), "
	    "(2, 'http://b/', 1, '', 'Feed B'), "
	    "(3, 'http://gone/', -1, '', 'Unsubscribed')");
	for (i = 0; i < NITEMS; i++) {
		snprintf(sql, sizeof sql, "INSERT INTO items(id, feed_id, "
		    "ident, title, date, read, first_seen, hash, summary) "
		    "VALUES (%d, 1, 'i%d', 'Item %d', %d, %d, 0, 0, "
		    "'<p>x</p>')", i + 1, i, i, i == 10 ? 1000 - 9 :
		    1000 - i, i % 3 == 0);
		exec(sql);
	}
	exec("INSERT INTO items(id, feed_id, ident, title, date, first_seen, "
	    "hash, starred) VALUES (100, 2, 'b', 'B one', 5000, 0, 0, 1), "
	    "(200, 3, 'g', 'Gone one', 6000, 0, 0, 0)");
	exec("INSERT INTO items_fts(rowid, title, author, text) VALUES "
	    "(100, 'B one', '', 'a quokka here'), (5, 'Item 4', '', "
	    "'no animal'), (200, 'Gone one', '', 'quokka too')");
	return (0);
}

static int
teardown(void **state)
{
	char	cmd[160];

	(void)state;
	db_close(db);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	return (system(cmd) == 0 ? 0 : -1);
}

static void
test_windows(void **state)
{
	struct db_view_sel	 sel = { DB_VIEW_FEED, 1, NULL, NULL };
	struct db_view_item	*all, *w;
	size_t			 n, nw, count, off, i;
	char			*cause = NULL;

	(void)state;
	assert_int_equal(db_view_items_count(db, &sel, &count, &cause), 0);
	assert_int_equal(count, NITEMS);
	/* Everything in one read: newest first, ties by id, descending. */
	assert_int_equal(db_view_items(db, &sel, 0, NITEMS, 0, &all, &n,
	    &cause), 0);
	assert_int_equal(n, NITEMS);
	for (i = 1; i < n; i++)
		assert_true(all[i - 1].published > all[i].published ||
		    (all[i - 1].published == all[i].published &&
		    all[i - 1].id > all[i].id));
	/* Every window, front half or back half, is the same slice. */
	for (off = 0; off < NITEMS; off += 7) {
		assert_int_equal(db_view_items(db, &sel, off, 10, count, &w,
		    &nw, &cause), 0);
		assert_int_equal(nw, off + 10 > NITEMS ? NITEMS - off : 10);
		for (i = 0; i < nw; i++)
			assert_int_equal(w[i].id, all[off + i].id);
		db_view_items_free(w, nw);
	}
	/* Positions: rows before an item. */
	assert_int_equal(db_view_items_position(db, &sel, &all[17], &i), 0);
	assert_int_equal(i, 17);
	db_view_items_free(all, n);
}

static void
test_unread_and_marks(void **state)
{
	struct db_view_sel	 sel = { DB_VIEW_FEED, 1, NULL, NULL };
	struct db_view_sel	 unread = { DB_VIEW_UNREAD, 0, NULL, NULL };
	struct db_view_item	*w;
	struct db_view_feed	*f;
	size_t			 n, pos, count;
	int64_t			 u, s;
	char			*cause = NULL;

	(void)state;
	/* Row 0 is item 0, read; the first unread is row 1. */
	assert_int_equal(db_view_items_next_unread(db, &sel, NULL, 1, &pos),
	    0);
	assert_int_equal(pos, 1);
	assert_int_equal(db_view_items(db, &sel, 1, 1, 0, &w, &n, &cause), 0);
	assert_int_equal(db_view_items_next_unread(db, &sel, &w[0], 1, &pos),
	    0);
	assert_int_equal(pos, 2);
	assert_int_equal(db_view_items_next_unread(db, &sel, &w[0], -1,
	    &pos), -1);
	/* Marks move the trigger-kept counts. */
	assert_int_equal(db_view_set_unread(db, w[0].id, 0, &cause), 0);
	db_view_items_free(w, n);
	assert_int_equal(db_view_feeds(db, NULL, 0, &f, &n, &cause), 0);
	assert_int_equal(n, 2);		/* the unsubscribed one is hidden */
	assert_string_equal(f[0].title, "Feed A");
	assert_string_equal(f[0].tags, "a\tb");
	assert_int_equal(f[0].total, NITEMS);
	assert_int_equal(f[0].unread, NITEMS - (NITEMS + 2) / 3 - 1);
	db_view_feeds_free(f, n);
	assert_int_equal(db_view_feeds(db, "b", 0, &f, &n, &cause), 0);
	assert_int_equal(n, 1);
	db_view_feeds_free(f, n);
	assert_int_equal(db_view_totals(db, &u, &s, &cause), 0);
	assert_int_equal(u, NITEMS - (NITEMS + 2) / 3 - 1 + 1);
	assert_int_equal(s, 1);
	assert_int_equal(db_view_items_count(db, &unread, &count, &cause), 0);
	assert_int_equal(count, (size_t)u);
	/* Marking a list read. */
	assert_int_equal(db_view_items_mark_read(db, &sel, &cause), 0);
	assert_int_equal(db_view_totals(db, &u, &s, &cause), 0);
	assert_int_equal(u, 1);
}

static void
test_search(void **state)
{
	struct db_view_sel	 sel = { DB_VIEW_SEARCH, 0, "quokka", NULL };
	struct db_view_sel	 bad = { DB_VIEW_SEARCH, 0, "\"AND OR (", NULL };
	struct db_view_item	*w;
	size_t			 n, count;
	char			*cause = NULL;

	(void)state;
	/* Whole words; the unsubscribed feed's article is left out. */
	assert_int_equal(db_view_items_count(db, &sel, &count, &cause), 0);
	assert_int_equal(count, 1);
	assert_int_equal(db_view_items(db, &sel, 0, 10, count, &w, &n,
	    &cause), 0);
	assert_int_equal(n, 1);
	assert_int_equal(w[0].id, 100);
	db_view_items_free(w, n);
	sel.query = "quok*";
	assert_int_equal(db_view_items_count(db, &sel, &count, &cause), 0);
	assert_int_equal(count, 1);
	/* Parts of words: test-db-search.c (these rows were put in the
	 * index by hand, past the indexer's vocabulary). */
	/* FTS syntax typed by the user is only words. */
	assert_int_equal(db_view_items_count(db, &bad, &count, &cause), 0);
	assert_int_equal(count, 0);
}

static struct feed_item
undated(const char *guid, int64_t date)
{
	struct feed_item	it;

	memset(&it, 0, sizeof it);
	it.guid = it.title = (char *)guid;
	it.published = date;
	it.updated = FEED_TIME_NONE;
	return (it);
}

/* The titles of feed 4's list, top to bottom, joined by blanks. */
static void
list_of(char *out, size_t len)
{
	struct db_view_sel	 sel = { DB_VIEW_FEED, 4, NULL, NULL };
	struct db_view_item	*w;
	size_t			 n, i;
	char			*cause = NULL;

	assert_int_equal(db_view_items(db, &sel, 0, 20, 0, &w, &n, &cause),
	    0);
	*out = '\0';
	for (i = 0; i < n; i++) {
		if (i > 0)
			strncat(out, " ", len - strlen(out) - 1);
		strncat(out, w[i].title, len - strlen(out) - 1);
	}
	db_view_items_free(w, n);
}

/*
 * Undated items keep the feed's order (first item on top), refresh after
 * refresh, and sort among dated ones by the time they were first seen.
 */
static void
test_undated_order(void **state)
{
	struct feed_item	 items[5];
	struct feed_doc		 doc;
	struct db_fetch		 r = { 7000, 200, 0, NULL, NULL, NULL, 0,
				    NULL };
	char			*cause = NULL, list[128];

	(void)state;
	exec("INSERT INTO feeds(id, url, position, tags, title) VALUES "
	    "(4, 'http://undated/', 2, '', 'Undated')");
	items[0] = undated("a", FEED_TIME_NONE);
	items[1] = undated("b", FEED_TIME_NONE);
	items[2] = undated("old", 100);
	items[3] = undated("c", FEED_TIME_NONE);
	items[4] = undated("new", 9000);
	memset(&doc, 0, sizeof doc);
	doc.items = items;
	doc.nitems = 5;
	assert_int_equal(db_feeds_store(db, 4, &r, &doc, NULL, NULL, NULL,
	    &cause), 0);
	list_of(list, sizeof list);
	assert_string_equal(list, "new a b c old");
	/* Two new ones on top of the feed, a refresh later. */
	items[0] = undated("y", FEED_TIME_NONE);
	items[1] = undated("z", FEED_TIME_NONE);
	items[2] = undated("a", FEED_TIME_NONE);
	items[3] = undated("b", FEED_TIME_NONE);
	items[4] = undated("c", FEED_TIME_NONE);
	r.fetched_at = 8000;
	assert_int_equal(db_feeds_store(db, 4, &r, &doc, NULL, NULL, NULL,
	    &cause), 0);
	list_of(list, sizeof list);
	assert_string_equal(list, "new y z a b c old");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_windows),
		cmocka_unit_test(test_unread_and_marks),
		cmocka_unit_test(test_search),
		cmocka_unit_test(test_undated_order),
	};

	return (cmocka_run_group_tests(tests, setup, teardown));
}
