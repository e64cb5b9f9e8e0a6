/*
 * Unit tests for what syncing does locally: the change queue in a real
 * SQLite cache (coalescing, marks never queued twice or by the sync
 * itself, a pull that never reverts a queued change) and the tt-rss
 * backend's reading of API answers on canned bytes.
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
#include <jansson.h>
#include <sqlite3.h>

#include "db/db.h"
#include "db/db-int.h"
#include "db/db-view.h"
#include "sync/sync.h"

static char	tmpdir[64];
static char	dbpath[128];

static int
setup(void **state)
{
	(void)state;
	strcpy(tmpdir, "/tmp/test-sync.XXXXXX");
	if (mkdtemp(tmpdir) == NULL)
		return (-1);
	snprintf(dbpath, sizeof dbpath, "%s/cache.db", tmpdir);
	return (0);
}

static int
teardown(void **state)
{
	char	cmd[160];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	return (system(cmd) == 0 ? 0 : -1);
}

static int64_t
q(struct db *db, const char *sql)
{
	sqlite3_stmt	*st;
	int64_t		 v = -1;

	assert_int_equal(sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL),
	    SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return (v);
}

static void
x(struct db *db, const char *sql)
{
	assert_int_equal(sqlite3_exec(db_sqlite(db), sql, NULL, NULL, NULL),
	    SQLITE_OK);
}

/* A synced feed (remote 7) with items 1-3 (remote 101-103), and a local
 * feed with item 4, as a pull would store them. */
static struct db *
open_synced(void)
{
	struct db_sync_feed	 f = { 7, "http://127.0.0.1/f.xml", "F", "News" };
	struct db_sync_item	 it[3];
	struct db		*db;
	char			*cause = NULL;
	size_t			 added, i;

	assert_int_equal(db_open(dbpath, &db, &cause), DB_OK);
	assert_int_equal(db_sync_apply_feeds(db, &f, 1, &cause), 0);
	memset(it, 0, sizeof it);
	for (i = 0; i < 3; i++) {
		it[i].remote_id = 101 + (int64_t)i;
		it[i].remote_feed = 7;
		it[i].title = "t";
	}
	it[2].read = 1;
	assert_int_equal(db_sync_store_items(db, it, 3, "t.since_id", 103,
	    &added, &cause), 0);
	assert_int_equal(added, 3);
	x(db, "INSERT INTO feeds (url, position) VALUES ('http://l/x', 1);"
	    "INSERT INTO items (feed_id, ident, first_seen, hash, date) "
	    "SELECT id, 'g:l', 0, 0, 0 FROM feeds WHERE url = 'http://l/x'");
	return (db);
}

static int64_t
item_of(struct db *db, int remote)
{
	char	sql[128];

	snprintf(sql, sizeof sql, "SELECT item_id FROM sync_items WHERE "
	    "remote_id = %d", remote);
	return (q(db, sql));
}

static void
test_pull_stores_nothing_queued(void **state)
{
	struct db	*db = open_synced();
	char		*v = NULL, *cause = NULL;

	(void)state;
	assert_int_equal(q(db, "SELECT count(*) FROM sync_queue"), 0);
	assert_int_equal(q(db, "SELECT tags FROM feeds WHERE url = "
	    "'http://127.0.0.1/f.xml' AND tags = 'News'") != -1, 1);
	assert_int_equal(db_sync_state_get(db, "t.since_id", &v, &cause), 0);
	assert_string_equal(v, "103");
	free(v);
	db_close(db);
}

static void
test_queue_coalesces(void **state)
{
	struct db		*db = open_synced();
	struct db_sync_change	*c;
	size_t			 n;
	char			*cause = NULL;
	int64_t			 id = item_of(db, 101);

	(void)state;
	assert_int_equal(db_items_set_read(db, id, 1, &cause), 0);
	assert_int_equal(db_items_set_starred(db, id, 1, &cause), 0);
	assert_int_equal(db_items_set_read(db, id, 0, &cause), 0);
	assert_int_equal(db_items_set_read(db, id, 1, &cause), 0);
	/* Setting what is already set is no change. */
	assert_int_equal(db_items_set_read(db, id, 1, &cause), 0);
	assert_int_equal(db_sync_queue_list(db, &c, &n, &cause), 0);
	assert_int_equal(n, 2);
	assert_int_equal(c[0].field, DB_SYNC_STARRED);
	assert_int_equal(c[1].field, DB_SYNC_READ);
	assert_int_equal(c[1].remote_id, 101);
	assert_int_equal(c[1].value, 1);
	assert_true(c[1].seq > c[0].seq);
	free(c);
	/* A local feed's article is nobody's business. */
	assert_int_equal(db_items_set_read(db, q(db, "SELECT id FROM items "
	    "WHERE ident = 'g:l'"), 1, &cause), 0);
	assert_int_equal(q(db, "SELECT count(*) FROM sync_queue"), 2);
	db_close(db);
}

static void
test_done_keeps_newer_change(void **state)
{
	struct db		*db = open_synced();
	struct db_sync_change	*c;
	size_t			 n;
	char			*cause = NULL;
	int64_t			 id = item_of(db, 102);

	(void)state;
	assert_int_equal(db_items_set_read(db, id, 1, &cause), 0);
	assert_int_equal(db_sync_queue_list(db, &c, &n, &cause), 0);
	assert_int_equal(n, 1);
	/* Changed again while the first was being sent. */
	assert_int_equal(db_items_set_read(db, id, 0, &cause), 0);
	assert_int_equal(db_sync_queue_done(db, c, n, &cause), 0);
	free(c);
	assert_int_equal(q(db, "SELECT value FROM sync_queue WHERE "
	    "remote_id = 102"), 0);
	assert_int_equal(db_sync_queue_list(db, &c, &n, &cause), 0);
	assert_int_equal(db_sync_queue_done(db, c, n, &cause), 0);
	free(c);
	assert_int_equal(q(db, "SELECT count(*) FROM sync_queue"), 0);
	db_close(db);
}

static void
test_apply_never_reverts_queued(void **state)
{
	struct db	*db = open_synced();
	int64_t		 unread[] = { 101, 102, 103 }, starred[] = { 103 };
	size_t		 changed;
	char		*cause = NULL;

	(void)state;
	/* 101 read here, queued; the server still says unread. */
	assert_int_equal(db_items_set_read(db, item_of(db, 101), 1, &cause),
	    0);
	assert_int_equal(db_sync_apply_set(db, DB_SYNC_READ, unread, 3,
	    &changed, &cause), 0);
	assert_int_equal(changed, 1);	/* 103 unread, from elsewhere */
	assert_int_equal(q(db, "SELECT read FROM items i JOIN sync_items s ON "
	    "s.item_id = i.id WHERE remote_id = 101"), 1);
	assert_int_equal(q(db, "SELECT read FROM items i JOIN sync_items s ON "
	    "s.item_id = i.id WHERE remote_id = 103"), 0);
	assert_int_equal(db_sync_apply_set(db, DB_SYNC_STARRED, starred, 1,
	    &changed, &cause), 0);
	assert_int_equal(changed, 1);
	/* What the server said is not queued back to it. */
	assert_int_equal(q(db, "SELECT count(*) FROM sync_queue"), 1);
	assert_int_equal(q(db, "SELECT applying FROM sync_meta"), 0);
	db_close(db);
}

static void
test_feed_read_is_one_change(void **state)
{
	struct db		*db = open_synced();
	struct db_view_sel	 sel;
	int64_t			 unread[] = { 101, 102 };
	size_t			 changed;
	char			*cause = NULL;

	(void)state;
	memset(&sel, 0, sizeof sel);
	sel.kind = DB_VIEW_FEED;
	sel.feed_id = q(db, "SELECT feed_id FROM sync_feeds WHERE "
	    "remote_id = 7");
	assert_int_equal(db_view_items_mark_read(db, &sel, &cause), 0);
	assert_int_equal(q(db, "SELECT count(*) FROM sync_queue WHERE "
	    "field = 2 AND remote_id = 7"), 1);
	/* The server has not heard of it yet: nothing of the feed reverts. */
	assert_int_equal(db_sync_apply_set(db, DB_SYNC_READ, unread, 2,
	    &changed, &cause), 0);
	assert_int_equal(changed, 0);
	assert_int_equal(q(db, "SELECT count(*) FROM items WHERE read = 0 "
	    "AND ident <> 'g:l'"), 0);
	db_close(db);
}

static void
test_answer_ok(void **state)
{
	const char	*b = "{\"seq\":0,\"status\":0,\"content\":"
	    "{\"session_id\":\"abc\",\"api_level\":15}}";
	char		*err, *cause;
	json_t		*c;

	(void)state;
	c = sync_ttrss_answer(b, strlen(b), &err, &cause);
	assert_non_null(c);
	assert_null(err);
	assert_string_equal(json_string_value(json_object_get(c,
	    "session_id")), "abc");
	json_decref(c);
}

static void
test_answer_error(void **state)
{
	const char	*b = "{\"seq\":0,\"status\":1,\"content\":"
	    "{\"error\":\"NOT_LOGGED_IN\"}}";
	char		*err, *cause;

	(void)state;
	assert_null(sync_ttrss_answer(b, strlen(b), &err, &cause));
	assert_string_equal(err, "NOT_LOGGED_IN");
	assert_null(cause);
	free(err);
}

static void
test_answer_bad(void **state)
{
	static const char *const bad[] = {
		"  <!DOCTYPE html><html><body>Sign in</body></html>",
		"{\"seq\":0,\"status\":0,\"content\":[{\"id\":",
		"[1, 2, 3]",
		"{\"status\":0}",
		"",
		"{\"seq\":0,\"status\":0,\"content\":\"\x1b[2J\"}x",
	};
	char	*err, *cause;
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_null(sync_ttrss_answer(bad[i], strlen(bad[i]), &err,
		    &cause));
		assert_null(err);
		assert_non_null(cause);
		if (i == 0)
			assert_non_null(strstr(cause, "HTML"));
		free(cause);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_pull_stores_nothing_queued,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_queue_coalesces, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_done_keeps_newer_change,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_apply_never_reverts_queued,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_feed_read_is_one_change,
		    setup, teardown),
		cmocka_unit_test(test_answer_ok),
		cmocka_unit_test(test_answer_error),
		cmocka_unit_test(test_answer_bad),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
