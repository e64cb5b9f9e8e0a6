/* Unit tests for src/db against a real SQLite file in a temp directory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "db/db.h"
#include "db/db-int.h"
#include "feed/feed.h"

static char	tmpdir[64];
static char	dbpath[128];

static int
setup(void **state)
{
	(void)state;
	strcpy(tmpdir, "/tmp/test-db.XXXXXX");
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

/* One integer from a query on the connection. */
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

static struct db *
open_ok(void)
{
	struct db	*db;
	char		*cause = NULL;

	if (db_open(dbpath, &db, &cause) != DB_OK)
		fail_msg("db_open: %s", cause);
	return (db);
}

static void
test_open_schema(void **state)
{
	struct db	*db;

	(void)state;
	db = open_ok();
	assert_int_equal(q(db, "PRAGMA user_version"), DB_SCHEMA_VERSION);
	assert_int_equal(q(db, "SELECT journal_mode = 'wal' FROM "
	    "pragma_journal_mode"), 1);
	assert_int_equal(q(db, "PRAGMA foreign_keys"), 1);
	db_close(db);
	/* Opening again migrates nothing and keeps the data. */
	db = open_ok();
	assert_int_equal(q(db, "PRAGMA user_version"), DB_SCHEMA_VERSION);
	db_close(db);
}

static void
test_open_newer(void **state)
{
	struct db	*db;
	struct stat	 a, b;
	sqlite3		*sq;
	char		*cause = NULL;

	(void)state;
	assert_int_equal(sqlite3_open(dbpath, &sq), SQLITE_OK);
	assert_int_equal(sqlite3_exec(sq, "PRAGMA user_version = 99", NULL,
	    NULL, NULL), SQLITE_OK);
	sqlite3_close(sq);
	assert_int_equal(stat(dbpath, &a), 0);
	assert_int_equal(db_open(dbpath, &db, &cause), DB_ERR_NEWER);
	assert_non_null(strstr(cause, "newer"));
	free(cause);
	assert_int_equal(stat(dbpath, &b), 0);
	assert_int_equal(a.st_size, b.st_size);
	assert_int_equal(a.st_mtim.tv_sec, b.st_mtim.tv_sec);
	assert_int_equal(a.st_mtim.tv_nsec, b.st_mtim.tv_nsec);
}

/* A version 1 cache (with an item not yet indexed) moves forward. */
static void
test_migrate_v1(void **state)
{
	struct db	*db;
	sqlite3		*sq;

	(void)state;
	assert_int_equal(sqlite3_open(dbpath, &sq), SQLITE_OK);
	assert_int_equal(sqlite3_exec(sq, db_schema_migrations[0], NULL, NULL,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(sq, "INSERT INTO feeds (url) VALUES "
	    "('http://a/'); INSERT INTO items (feed_id, ident, date, "
	    "first_seen, hash, title) VALUES (1, 'g:1', 1, 1, 0, 'kept'); "
	    "PRAGMA user_version = 1", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(sq);
	db = open_ok();
	assert_int_equal(q(db, "PRAGMA user_version"), DB_SCHEMA_VERSION);
	assert_int_equal(q(db, "SELECT count(*) FROM fts_pending"), 1);
	assert_int_equal(q(db, "SELECT count(*) FROM items WHERE title = "
	    "'kept'"), 1);
	db_close(db);
}

/*
 * A version 5 cache (the one before the download queue) keeps its feeds,
 * items and marks, and gains an empty queue.
 */
static void
test_migrate_v5_podcast(void **state)
{
	struct db		*db;
	struct db_podcast	*v;
	sqlite3			*sq;
	size_t			 n;
	int			 i, added;
	char			*cause = NULL;

	(void)state;
	assert_int_equal(sqlite3_open(dbpath, &sq), SQLITE_OK);
	for (i = 0; i < 5; i++)
		assert_int_equal(sqlite3_exec(sq, db_schema_migrations[i],
		    NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(sq, "INSERT INTO feeds (url, title) "
	    "VALUES ('http://a/', 'A'); INSERT INTO items (feed_id, ident, "
	    "date, first_seen, hash, title, starred, enclosures) VALUES "
	    "(1, 'g:1', 1, 1, 0, 'kept', 1, 'http://a/1.mp3\taudio/mpeg"
	    "\t10'); PRAGMA user_version = 5", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(sq);
	db = open_ok();
	assert_int_equal(q(db, "PRAGMA user_version"), DB_SCHEMA_VERSION);
	assert_int_equal(q(db, "SELECT count(*) FROM items WHERE title = "
	    "'kept' AND starred = 1"), 1);
	assert_int_equal(q(db, "SELECT starred FROM feed_counts"), 1);
	assert_int_equal(q(db, "SELECT count(*) FROM downloads"), 0);

	/* The queue: one row per URL, one URL per file. */
	assert_int_equal(db_podcast_add(db, "http://a/1.mp3", 1, "/d/1.mp3",
	    10, &added, &cause), 0);
	assert_int_equal(added, 1);
	assert_int_equal(db_podcast_add(db, "http://a/1.mp3", 1, "/d/2.mp3",
	    10, &added, &cause), 0);
	assert_int_equal(added, 0);
	/* Never two entries on one file. */
	assert_int_equal(db_podcast_add(db, "http://a/other.mp3", 1,
	    "/d/1.mp3", 10, &added, &cause), -1);
	free(cause);
	cause = NULL;
	assert_int_equal(db_podcast_file_taken(db, "/d/1.mp3", &added,
	    &cause), 0);
	assert_int_equal(added, 1);
	assert_int_equal(db_podcast_list(db, 1, &v, &n, &cause), 0);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].url, "http://a/1.mp3");
	assert_string_equal(v[0].file, "/d/1.mp3");
	assert_int_equal(v[0].item_id, 1);
	assert_int_equal(v[0].state, DB_PODCAST_QUEUED);
	assert_int_equal(db_podcast_set(db, v[0].id, DB_PODCAST_DONE, 10, 10,
	    NULL, &cause), 0);
	db_podcast_free(v, n);
	assert_int_equal(db_podcast_list(db, 1, &v, &n, &cause), 0);
	assert_int_equal(n, 0);
	assert_int_equal(db_podcast_list(db, 0, &v, &n, &cause), 0);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].state, DB_PODCAST_DONE);
	/* The article goes; its download stays. */
	assert_int_equal(db_exec(db, "DELETE FROM items", &cause), 0);
	db_podcast_free(v, n);
	assert_int_equal(db_podcast_list(db, 0, &v, &n, &cause), 0);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].item_id, 0);
	assert_int_equal(db_podcast_remove(db, v[0].id, &cause), 0);
	db_podcast_free(v, n);
	assert_int_equal(q(db, "SELECT count(*) FROM downloads"), 0);
	db_close(db);
}

static void
test_open_garbage(void **state)
{
	struct db	*db;
	FILE		*f;
	char		*cause = NULL;

	(void)state;
	f = fopen(dbpath, "w");
	fputs("this is not a database, just a text file long enough....\n", f);
	fclose(f);
	assert_int_equal(db_open(dbpath, &db, &cause), DB_ERR);
	assert_non_null(cause);
	free(cause);
}

static const struct {
	const char	*guid, *link, *title;
	int64_t		 date;
	const char	*prefix;
} ident_cases[] = {
	{ "urn:1", "http://a/1", "t", 1, "g:urn:1" },
	{ "", "http://a/1", "t", 1, "l:http://a/1" },
	{ NULL, "http://a/1", "t", 1, "l:http://a/1" },
	{ NULL, NULL, "t", 1, "h:" },
	{ NULL, NULL, NULL, FEED_TIME_NONE, "h:" },
};

static void
test_ident(void **state)
{
	size_t	 i;
	char	*a, *b;

	(void)state;
	for (i = 0; i < sizeof ident_cases / sizeof ident_cases[0]; i++) {
		a = db_items_ident(ident_cases[i].guid, ident_cases[i].link,
		    ident_cases[i].title, ident_cases[i].date);
		assert_memory_equal(a, ident_cases[i].prefix,
		    strlen(ident_cases[i].prefix));
		free(a);
	}
	/* The hash depends on the title and on the date. */
	a = db_items_ident(NULL, NULL, "t", 1);
	b = db_items_ident(NULL, NULL, "t", 2);
	assert_string_not_equal(a, b);
	free(b);
	b = db_items_ident(NULL, NULL, "u", 1);
	assert_string_not_equal(a, b);
	free(a);
	free(b);
}

static int64_t
sync_one(struct db *db, const char *url)
{
	struct db_sub	 sub = { url, "news\ttech", NULL };
	struct db_feed	*f;
	size_t		 n;
	char		*cause = NULL;
	int64_t		 id;

	assert_int_equal(db_feeds_sync(db, &sub, 1, &cause), 0);
	assert_int_equal(db_feeds_list(db, INT64_MAX, &f, &n, &cause), 0);
	assert_int_equal(n, 1);
	id = f[0].id;
	db_feeds_free(f, n);
	return (id);
}

static void
test_feeds_sync(void **state)
{
	struct db	*db;
	struct db_sub	 subs[] = {
		{ "http://a/feed", "x", NULL },
		{ "http://b/feed", NULL, "B" },
	};
	struct db_feed	*f;
	size_t		 n;
	char		*cause = NULL;

	(void)state;
	db = open_ok();
	assert_int_equal(db_feeds_sync(db, subs, 2, &cause), 0);
	assert_int_equal(db_feeds_list(db, INT64_MAX, &f, &n, &cause), 0);
	assert_int_equal(n, 2);
	assert_string_equal(f[0].url, "http://a/feed");
	assert_string_equal(f[0].tags, "x");
	assert_string_equal(f[1].custom_title, "B");
	db_feeds_free(f, n);
	/* b leaves the urls file: no longer listed, but kept. */
	assert_int_equal(db_feeds_sync(db, subs, 1, &cause), 0);
	assert_int_equal(db_feeds_list(db, INT64_MAX, &f, &n, &cause), 0);
	assert_int_equal(n, 1);
	db_feeds_free(f, n);
	assert_int_equal(q(db, "SELECT count(*) FROM feeds"), 2);
	/* Not due yet: not listed. */
	assert_int_equal(db_feeds_list(db, -1, &f, &n, &cause), 0);
	assert_int_equal(n, 0);
	db_feeds_free(f, n);
	db_close(db);
}

static void
test_feed_state(void **state)
{
	struct db	*db;
	struct db_feed	 f;
	struct db_fetch	 ok = { 100, 200, 0, "\"e1\"", "Mon", NULL, 200, NULL };
	struct db_fetch	 nm = { 300, 304, 1, NULL, NULL, NULL, 400, NULL };
	struct db_fetch	 bad = { 500, 500, 0, NULL, NULL, "HTTP 500", 600,
			    "http://new/feed" };
	char		*cause = NULL;
	int64_t		 id;

	(void)state;
	db = open_ok();
	id = sync_one(db, "http://a/feed");
	assert_int_equal(db_feeds_store(db, id, &ok, NULL, NULL, NULL, NULL,
	    &cause), 0);
	assert_int_equal(db_feeds_store(db, id, &nm, NULL, NULL, NULL, NULL,
	    &cause), 0);
	assert_int_equal(db_feeds_get(db, id, &f, &cause), 0);
	assert_string_equal(f.etag, "\"e1\"");
	assert_int_equal(f.last_status, 304);
	assert_int_equal(f.next_fetch, 400);
	assert_null(f.last_error);
	db_feeds_fini(&f);
	assert_int_equal(db_feeds_store(db, id, &bad, NULL, NULL, NULL, NULL,
	    &cause), 0);
	assert_int_equal(db_feeds_get(db, id, &f, &cause), 0);
	assert_string_equal(f.etag, "\"e1\"");
	assert_string_equal(f.last_error, "HTTP 500");
	assert_string_equal(f.location, "http://new/feed");
	db_feeds_fini(&f);
	db_close(db);
}

static struct feed_item
item(const char *guid, const char *title, const char *summary, int64_t date)
{
	struct feed_item	it;

	memset(&it, 0, sizeof it);
	it.guid = (char *)guid;
	it.title = (char *)title;
	it.summary = (char *)summary;
	it.published = date;
	it.updated = FEED_TIME_NONE;
	return (it);
}

static void
test_items_upsert(void **state)
{
	struct db		*db;
	struct feed_item	 items[3];
	struct feed_doc		 doc;
	struct db_fetch		 ok = { 1000, 200, 0, NULL, NULL, NULL, 0,
				    NULL };
	struct db_store_stats	 st;
	struct db_doc_prep	*prep;
	char			*cause = NULL;
	int64_t			 id;

	(void)state;
	db = open_ok();
	id = sync_one(db, "http://a/feed");
	items[0] = item("g1", "One", "<p>alpha &amp; beta</p>", 10);
	items[1] = item(NULL, "Two", "gamma", 20);
	items[1].link = (char *)"http://a/2";
	items[2] = item(NULL, "Three", "delta", FEED_TIME_NONE);
	memset(&doc, 0, sizeof doc);
	doc.items = items;
	doc.nitems = 3;
	assert_int_equal(db_feeds_store(db, id, &ok, &doc, NULL, NULL, &st,
	    &cause), 0);
	assert_int_equal(st.new_items, 3);
	assert_int_equal(q(db, "SELECT date FROM items WHERE title = "
	    "'Three'"), 1000);
	/* The same document again writes nothing, prepared beforehand (as
	 * the refresh does, on its parser thread) or not. */
	prep = db_items_doc_prepare(&doc);
	assert_int_equal(db_feeds_store(db, id, &ok, &doc, prep, NULL, &st,
	    &cause), 0);
	db_items_doc_prep_free(prep);
	assert_int_equal(st.new_items + st.updated_items, 0);
	/* An item read here and changed upstream keeps its read mark. */
	assert_int_equal(db_items_set_read(db, q(db, "SELECT id FROM items "
	    "WHERE guid = 'g1'"), 1, &cause), 0);
	items[0].title = (char *)"One, corrected";
	prep = db_items_doc_prepare(&doc);
	assert_int_equal(db_feeds_store(db, id, &ok, &doc, prep, NULL, &st,
	    &cause), 0);
	db_items_doc_prep_free(prep);
	assert_int_equal(st.updated_items, 1);
	assert_int_equal(st.new_items, 0);
	assert_int_equal(q(db, "SELECT read FROM items WHERE title = "
	    "'One, corrected'"), 1);
	assert_int_equal(q(db, "SELECT count(*) FROM items"), 3);
	db_close(db);
}

static void
test_fts(void **state)
{
	struct db		*db;
	struct feed_item	 items[2];
	struct feed_doc		 doc;
	struct db_fetch		 ok = { 1000, 200, 0, NULL, NULL, NULL, 0,
				    NULL };
	char			*cause = NULL;
	size_t			 left;
	int64_t			 id;

	(void)state;
	db = open_ok();
	id = sync_one(db, "http://a/feed");
	items[0] = item("g1", "Zebra news", "<b>striped</b> &#x263A; horses",
	    10);
	items[1] = item("g2", "Other", "nothing", 20);
	memset(&doc, 0, sizeof doc);
	doc.items = items;
	doc.nitems = 2;
	assert_int_equal(db_feeds_store(db, id, &ok, &doc, NULL, NULL, NULL,
	    &cause),
	    0);
	/* Stored but not yet indexed. */
	assert_int_equal(q(db, "SELECT count(*) FROM items_fts WHERE "
	    "items_fts MATCH 'striped'"), 0);
	assert_int_equal(db_fts_catch_up(db, 1, NULL, &left, &cause), 0);
	assert_int_equal(left, 1);
	assert_int_equal(db_fts_catch_up(db, 100, NULL, &left, &cause), 0);
	assert_int_equal(left, 0);
	assert_int_equal(q(db, "SELECT rowid FROM items_fts WHERE "
	    "items_fts MATCH 'striped'"), q(db, "SELECT id FROM items WHERE "
	    "guid = 'g1'"));
	assert_int_equal(q(db, "SELECT count(*) FROM items_fts WHERE "
	    "items_fts MATCH 'b'"), 0);
	/* Upstream change: the old words leave the index. */
	items[0].summary = (char *)"spotted horses";
	assert_int_equal(db_feeds_store(db, id, &ok, &doc, NULL, NULL, NULL,
	    &cause),
	    0);
	assert_int_equal(db_fts_catch_up(db, 100, NULL, &left, &cause), 0);
	assert_int_equal(q(db, "SELECT count(*) FROM items_fts WHERE "
	    "items_fts MATCH 'striped'"), 0);
	assert_int_equal(q(db, "SELECT count(*) FROM items_fts WHERE "
	    "items_fts MATCH 'spotted'"), 1);
	assert_int_equal(q(db, "SELECT count(*) FROM items_fts WHERE "
	    "items_fts MATCH 'zebra'"), 1);
	db_close(db);
}

/*
 * Full text: which items want their page, storing an article and a
 * failure, the index following the stored text, retention taking the
 * full text along.
 */
static void
test_fulltext(void **state)
{
	struct db		*db;
	struct feed_item	 items[3];
	struct feed_doc		 doc;
	struct db_fetch		 ok = { 1000, 200, 0, NULL, NULL, NULL, 0,
				    NULL };
	struct db_retention	 keep = { 1, 0, 0, NULL };
	struct db_fulltext_job	*jobs, one;
	char			*cause = NULL;
	size_t			 n, left;
	int64_t			 id, a, b;

	(void)state;
	db = open_ok();
	id = sync_one(db, "http://a/feed");
	items[0] = item("g1", "Teaser", "a short teaser", 10);
	items[0].link = (char *)"http://a/1";
	items[1] = item("g2", "Other", "another teaser", 20);
	items[1].link = (char *)"http://a/2";
	items[2] = item("g3", "No link", "nothing to fetch", 30);
	memset(&doc, 0, sizeof doc);
	doc.items = items;
	doc.nitems = 3;
	assert_int_equal(db_feeds_store(db, id, &ok, &doc, NULL, NULL, NULL,
	    &cause),
	    0);
	a = q(db, "SELECT id FROM items WHERE guid = 'g1'");
	b = q(db, "SELECT id FROM items WHERE guid = 'g2'");
	/* Newest first, only those with a link. */
	assert_int_equal(db_fulltext_todo(db, id, 10, 5000, &jobs, &n,
	    &cause), 0);
	assert_int_equal(n, 2);
	assert_int_equal(jobs[0].item_id, b);
	assert_string_equal(jobs[1].link, "http://a/1");
	assert_string_equal(jobs[1].feed_url, "http://a/feed");
	db_fulltext_jobs_free(jobs, n);
	assert_int_equal(db_fulltext_todo(db, id, 1, 5000, &jobs, &n,
	    &cause), 0);
	assert_int_equal(n, 1);
	db_fulltext_jobs_free(jobs, n);
	/* What was read needs no page. */
	assert_int_equal(db_items_set_read(db, b, 1, &cause), 0);
	assert_int_equal(db_fulltext_todo(db, id, 10, 5000, &jobs, &n,
	    &cause), 0);
	assert_int_equal(n, 1);
	assert_int_equal(jobs[0].item_id, a);
	db_fulltext_jobs_free(jobs, n);
	assert_int_equal(db_items_set_read(db, b, 0, &cause), 0);

	assert_int_equal(db_fts_catch_up(db, 100, NULL, &left, &cause), 0);
	assert_int_equal(db_fulltext_store(db, a, 2000, "<p>pangolins "
	    "everywhere</p>", NULL, 0, &cause), 0);
	/* A failure that may pass comes back when its time has come. */
	assert_int_equal(db_fulltext_store(db, b, 2000, NULL, "HTTP 503",
	    6000, &cause), 0);
	assert_int_equal(db_fulltext_todo(db, id, 10, 5999, &jobs, &n,
	    &cause), 0);
	assert_int_equal(n, 0);
	free(jobs);
	assert_int_equal(db_fulltext_todo(db, id, 10, 6000, &jobs, &n,
	    &cause), 0);
	assert_int_equal(n, 1);
	assert_int_equal(jobs[0].item_id, b);
	db_fulltext_jobs_free(jobs, n);
	/* One that will not, never by itself. */
	assert_int_equal(db_fulltext_store(db, b, 2000, NULL, "HTTP 404", 0,
	    &cause), 0);
	assert_int_equal(q(db, "SELECT count(*) FROM fulltext WHERE "
	    "retry_at IS NOT NULL"), 0);
	assert_int_equal(db_fulltext_todo(db, id, 10, 5000, &jobs, &n,
	    &cause), 0);
	assert_int_equal(n, 0);
	free(jobs);
	assert_int_equal(db_fulltext_job(db, a, &one, &cause), 0);
	assert_string_equal(one.link, "http://a/1");
	free(one.link);
	free(one.feed_url);
	/* The article's words are found once the index caught up, with
	 * the feed's own words still there. */
	assert_int_equal(db_fts_catch_up(db, 100, NULL, &left, &cause), 0);
	assert_int_equal(q(db, "SELECT rowid FROM items_fts WHERE items_fts "
	    "MATCH 'pangolins'"), a);
	assert_int_equal(q(db, "SELECT rowid FROM items_fts WHERE items_fts "
	    "MATCH 'short'"), a);
	/* A new article replaces the old one in the index too. */
	assert_int_equal(db_fulltext_store(db, a, 3000, "<p>armadillos</p>",
	    NULL, 0, &cause), 0);
	assert_int_equal(db_fts_catch_up(db, 100, NULL, &left, &cause), 0);
	assert_int_equal(q(db, "SELECT count(*) FROM items_fts WHERE "
	    "items_fts MATCH 'pangolins'"), 0);
	assert_int_equal(q(db, "SELECT count(*) FROM items_fts WHERE "
	    "items_fts MATCH 'armadillos'"), 1);
	assert_int_equal(q(db, "SELECT fetched_at FROM fulltext WHERE id = "
	    "(SELECT id FROM items WHERE guid = 'g1')"), 3000);
	/* An item gone meanwhile: nothing stored, no error. */
	assert_int_equal(db_fulltext_store(db, 999999, 1, "<p>x</p>", NULL, 0,
	    &cause), 0);
	assert_int_equal(q(db, "SELECT count(*) FROM fulltext"), 2);
	/* Retention takes the article out of the index and the table. */
	assert_int_equal(db_items_feed_set_read(db, id, &cause), 0);
	assert_int_equal(db_feeds_store(db, id, &ok, &doc, NULL, &keep, NULL,
	    &cause), 0);
	assert_int_equal(q(db, "SELECT count(*) FROM items"), 1);
	assert_int_equal(q(db, "SELECT count(*) FROM fulltext"), 0);
	assert_int_equal(q(db, "SELECT count(*) FROM items_fts WHERE "
	    "items_fts MATCH 'armadillos'"), 0);
	db_close(db);
}

/* Size of the cache's WAL file, 0 when there is none. */
static off_t
wal_size(void)
{
	struct stat	sb;
	char		path[160];

	snprintf(path, sizeof path, "%s-wal", dbpath);
	return (stat(path, &sb) == 0 ? sb.st_size : 0);
}

/* n transactions of one row with a 5,000-byte value each (two pages). */
static void
write_rows(struct db *db, int n)
{
	char	*cause = NULL;
	int	 i;

	for (i = 0; i < n; i++) {
		if (db_begin(db, &cause) != 0 || db_exec(db, "INSERT INTO t "
		    "(v) VALUES (randomblob(5000))", &cause) != 0 ||
		    db_commit(db, &cause) != 0)
			fail_msg("write: %s", cause);
	}
}

/*
 * The background checkpointer keeps the WAL bounded while one writer
 * commits without pause, loses nothing, and does not stall the writer
 * while a reader's snapshot holds the WAL back.
 */
static void
test_checkpointer(void **state)
{
	struct db	*db;
	sqlite3		*rd;
	sqlite3_stmt	*st;
	char		*cause = NULL;
	/* A WAL frame is a 24-byte header and a page. */
	const off_t	 frame = 4096 + 24, limit = 64;

	(void)state;
	db = open_ok();
	if (db_exec(db, "CREATE TABLE t (v BLOB)", &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(db_checkpoint_start(db, 16, (int)limit, &cause), 0);
	/* About 1,000 frames: SQLite's own checkpoints (every 8,192
	 * frames) or none would leave a WAL of all of them. */
	write_rows(db, 500);
	assert_true(wal_size() > 0);
	assert_true(wal_size() <= 2 * limit * frame + 32);

	/* A reader's snapshot: the WAL may grow, the writer goes on. */
	assert_int_equal(sqlite3_open(dbpath, &rd), SQLITE_OK);
	assert_int_equal(sqlite3_exec(rd, "BEGIN", NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(rd, "SELECT count(*) FROM t", -1,
	    &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 500);
	sqlite3_finalize(st);
	write_rows(db, 200);
	assert_int_equal(sqlite3_exec(rd, "COMMIT", NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(rd);
	assert_int_equal(q(db, "SELECT count(*) FROM t"), 700);
	db_close(db);

	/* Everything is in the database file once the WAL is gone. */
	assert_int_equal(wal_size(), 0);
	db = open_ok();
	assert_int_equal(q(db, "SELECT count(*) FROM t"), 700);
	db_close(db);
}

static void
test_retention(void **state)
{
	struct db		*db;
	struct feed_item	 items[4];
	struct feed_doc		 doc;
	struct db_fetch		 ok = { 100000000, 200, 0, NULL, NULL, NULL,
				    0, NULL };
	struct db_retention	 keep = { 2, 0, 1, NULL };
	struct db_store_stats	 st;
	char			*cause = NULL;
	int64_t			 id;

	(void)state;
	db = open_ok();
	id = sync_one(db, "http://a/feed");
	items[0] = item("g1", "a", NULL, 10);
	items[1] = item("g2", "b", NULL, 20);
	items[2] = item("g3", "c", NULL, 30);
	items[3] = item("g4", "d", NULL, 40);
	memset(&doc, 0, sizeof doc);
	doc.items = items;
	doc.nitems = 4;
	/* All unread: all kept. */
	assert_int_equal(db_feeds_store(db, id, &ok, &doc, NULL, &keep, &st,
	    &cause),
	    0);
	assert_int_equal(st.deleted_items, 0);
	assert_int_equal(db_items_feed_set_read(db, id, &cause), 0);
	assert_int_equal(db_items_set_starred(db, q(db, "SELECT id FROM items "
	    "WHERE guid = 'g1'"), 1, &cause), 0);
	assert_int_equal(db_feeds_store(db, id, &ok, &doc, NULL, &keep, &st,
	    &cause),
	    0);
	/* g4, g3 newest; g1 starred; g2 goes. */
	assert_int_equal(st.deleted_items, 1);
	assert_int_equal(q(db, "SELECT count(*) FROM items WHERE guid = "
	    "'g2'"), 0);
	/* Still in the document, but it does not come back. */
	assert_int_equal(db_feeds_store(db, id, &ok, &doc, NULL, &keep, &st,
	    &cause),
	    0);
	assert_int_equal(st.new_items, 0);
	assert_int_equal(q(db, "SELECT count(*) FROM items"), 3);
	/* Age: everything older than a day goes, except starred. */
	keep.max_items = 0;
	keep.keep_days = 1;
	assert_int_equal(db_feeds_store(db, id, &ok, &doc, NULL, &keep, &st,
	    &cause),
	    0);
	assert_int_equal(q(db, "SELECT count(*) FROM items"), 1);
	db_close(db);
}

/* The data version moves with another connection's commits only. */
static void
test_data_version(void **state)
{
	struct db	*reader, *writer;
	int64_t		 v0, v1, v2;
	char		*cause = NULL;

	(void)state;
	reader = open_ok();
	writer = open_ok();
	assert_int_equal(db_data_version(reader, &v0, &cause), 0);
	assert_int_equal(db_exec(writer, "CREATE TABLE t (v INTEGER)",
	    &cause), 0);
	assert_int_equal(db_data_version(reader, &v1, &cause), 0);
	assert_true(v1 != v0);
	/* Its own writes do not move it: the reader knows of those. */
	assert_int_equal(db_exec(reader, "INSERT INTO t VALUES (1)", &cause),
	    0);
	assert_int_equal(db_data_version(reader, &v2, &cause), 0);
	assert_true(v2 == v1);
	assert_int_equal(db_exec(writer, "INSERT INTO t VALUES (2)", &cause),
	    0);
	assert_int_equal(db_data_version(reader, &v2, &cause), 0);
	assert_true(v2 != v1);
	db_close(writer);
	db_close(reader);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test_setup_teardown(test_open_schema, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_open_newer, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_migrate_v1, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_migrate_v5_podcast, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_open_garbage, setup,
		    teardown),
		cmocka_unit_test(test_ident),
		cmocka_unit_test_setup_teardown(test_feeds_sync, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_feed_state, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_items_upsert, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_fts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fulltext, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_checkpointer, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_retention, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_data_version, setup,
		    teardown),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
