/*
 * Unit tests for search (src/db/db-search.c, db-terms.c, db-fold.c) on a
 * real SQLite file: items stored and indexed as a refresh does, then
 * found by what a user types at the prompt: parts of words, CJK text,
 * any case, with or without diacritics; and the vocabulary of a cache
 * migrated from schema 5.
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
#include "db/db-search.h"
#include "db/db-terms.h"
#include "db/db-view.h"

static char		 tmpdir[64];
static char		 path[128];
static struct db	*db;

static void
exec(const char *sql)
{
	char	*err = NULL;

	if (sqlite3_exec(db_sqlite(db), sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", sql, err);
}

/* An item stored and waiting for the index, as db_items_store leaves it. */
static void
item(int id, const char *title, const char *summary)
{
	sqlite3_stmt	*st;

	assert_int_equal(sqlite3_prepare_v2(db_sqlite(db), "INSERT INTO "
	    "items(id, feed_id, ident, title, author, date, first_seen, hash, "
	    "summary) VALUES (?1, 1, 'i' || ?1, ?2, 'Ann', ?1, 0, 0, ?3)", -1,
	    &st, NULL), SQLITE_OK);
	sqlite3_bind_int(st, 1, id);
	sqlite3_bind_text(st, 2, title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, summary, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(db), "INSERT INTO "
	    "fts_pending(id) VALUES (?1)", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_int(st, 1, id);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
}

static int
setup(void **state)
{
	char	*cause = NULL, title[64], body[64];
	size_t	 done, left;
	int	 i;

	(void)state;
	strcpy(tmpdir, "/tmp/test-db-search.XXXXXX");
	if (mkdtemp(tmpdir) == NULL)
		return (-1);
	snprintf(path, sizeof path, "%s/cache.db", tmpdir);
	if (db_open(path, &db, &cause) != DB_OK)
		return (-1);
	exec("INSERT INTO feeds(id, url, position, title) VALUES "
	    "(1, 'http://a/', 0, 'Feed A')");
	item(1, "Episode 1: the pilot", "<p>First of many.</p>");
	item(2, "東京タワーの夜景", "<p>日本語の記事です。</p>");
	item(3, "Un café à Zürich", "<p>Crème brûlée &amp; more</p>");
	item(4, "Someone else", "<p>nobody here</p>");
	item(5, "Only one left", "<p>the last</p>");
	/* 300 words that contain "zq", one of them "zq" itself. */
	for (i = 0; i < 300; i++) {
		snprintf(title, sizeof title, "Filler %d", i);
		snprintf(body, sizeof body, "<p>zq%03dx word</p>", i);
		item(100 + i, title, body);
	}
	item(999, "Plain", "<p>zq</p>");
	if (db_fts_catch_up(db, 10000, &done, &left, &cause) != 0)
		fail_msg("catch up: %s", cause);
	assert_int_equal(done, 306);
	assert_int_equal(left, 0);
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

/* The ids a search finds, newest first, joined by ' ' ("" for none). */
static char *
found(const char *query)
{
	static char		 out[4096];
	struct db_view_sel	 sel = { DB_VIEW_SEARCH, 0, NULL, NULL };
	struct db_view_item	*w;
	size_t			 n, count, i;
	char			*cause = NULL;

	sel.query = query;
	if (db_view_items_count(db, &sel, &count, &cause) != 0)
		fail_msg("count %s: %s", query, cause);
	if (db_view_items(db, &sel, 0, 1000, count, &w, &n, &cause) != 0)
		fail_msg("items %s: %s", query, cause);
	assert_int_equal(n, count);
	out[0] = '\0';
	for (i = 0; i < n && i < 100; i++)
		snprintf(out + strlen(out), sizeof out - strlen(out), "%s%lld",
		    i > 0 ? " " : "", (long long)w[i].id);
	db_view_items_free(w, n);
	return (out);
}

static void
test_substrings(void **state)
{
	(void)state;
	assert_string_equal(found("episo"), "1");
	assert_string_equal(found("pisod"), "1");
	assert_string_equal(found("ilot"), "1");
	assert_string_equal(found("episode"), "1");
	/* Every word is required. */
	assert_string_equal(found("episo pil"), "1");
	assert_string_equal(found("episo zürich"), "");
}

static void
test_case_and_diacritics(void **state)
{
	(void)state;
	assert_string_equal(found("EPISO"), "1");
	assert_string_equal(found("cafe"), "3");
	assert_string_equal(found("CAFÉ"), "3");
	assert_string_equal(found("zurich"), "3");
	assert_string_equal(found("ZÜR"), "3");
	assert_string_equal(found("brulee"), "3");
	assert_string_equal(found("rème"), "3");
}

static void
test_cjk(void **state)
{
	(void)state;
	/* unicode61 keeps "東京タワーの夜景" as one term. */
	assert_string_equal(found("東京"), "2");
	assert_string_equal(found("夜景"), "2");
	assert_string_equal(found("記事"), "2");
	assert_string_equal(found("大阪"), "");
}

static void
test_word_inside_others(void **state)
{
	char	**l;
	size_t	  n;
	int	  more;
	char	 *cause = NULL;

	(void)state;
	/* "one" alone and inside "someone". */
	assert_string_equal(found("one"), "5 4");
	/* 301 terms contain "zq": the shortest DB_SEARCH_MAX_TERMS are
	 * searched, the word itself first. */
	assert_int_equal(db_terms_containing(db, "zq", 2, DB_SEARCH_MAX_TERMS,
	    &l, &n, &more, &cause), 0);
	assert_int_equal(n, DB_SEARCH_MAX_TERMS);
	assert_true(more);
	assert_string_equal(l[0], "zq");
	assert_string_equal(l[1], "zq000x");
	assert_string_equal(l[n - 1], "zq030x");
	db_terms_list_free(l, n);
	assert_non_null(strstr(found("zq"), "999"));
	assert_string_equal(found("zq299x"), "399");
}

static void
test_no_match_and_syntax(void **state)
{
	static const char *const typed[] = {
		"\"AND OR (", "NEAR(a b)", "title:episo", "-episo", "^epi",
		"*", "\"", "\"\"", "a\"b", "epi*so", "(", ")", "OR", "NOT x",
		"{title}: x", "+", "'", "\\", "%", "_", "   ",
	};
	size_t	i;

	(void)state;
	assert_string_equal(found("xyzzy"), "");
	assert_string_equal(found("episodes"), "");
	for (i = 0; i < sizeof typed / sizeof typed[0]; i++)
		(void)found(typed[i]);
	/* Punctuation around a word is no syntax, only a separator. */
	assert_string_equal(found("(episo)"), "1");
	assert_string_equal(found("-episo"), "1");
	assert_string_equal(found("title:episo"), "");
}

static void
test_prefix_and_phrase(void **state)
{
	(void)state;
	/* A trailing '*' is a prefix, as before: not found inside. */
	assert_string_equal(found("epis*"), "1");
	assert_string_equal(found("pisode*"), "");
	/* A quoted phrase: whole words, in that order. */
	assert_string_equal(found("\"only one\""), "5");
	assert_string_equal(found("\"one only\""), "");
	assert_string_equal(found("\"onl\""), "");
	assert_string_equal(found("\"only on*\""), "5");
	/* Every word there but not in a row, or not in one column. */
	assert_string_equal(found("\"only left\""), "");
	assert_string_equal(found("\"left the\""), "");
	/* Folded as the index folds, in the text of the summary. */
	assert_string_equal(found("\"CREME brulee\""), "3");
	/* Two phrases, one in the title, one in the text. */
	assert_string_equal(found("\"only one\" \"the last\""), "5");
	assert_string_equal(found("\"only one\" \"the first\""), "");
	/* Punctuation between the words is no gap, digits are words. */
	assert_string_equal(found("\"episode 1 the\""), "1");
	assert_string_equal(found("\"episode 1 pilot\""), "");
	/* A word the tokenizer splits is a phrase too. */
	assert_string_equal(found("one-left"), "5");
	assert_string_equal(found("left-one"), "");
}

/* The terms of texts, in order, from a connection's unicode61. */
static char *
terms_of(sqlite3 *sq, const char *const *texts, size_t n)
{
	sqlite3_stmt	*st;
	char		*out;
	size_t		 i;

	assert_int_equal(sqlite3_exec(sq, "DROP TABLE IF EXISTS temp.tv;"
	    "DROP TABLE IF EXISTS temp.tt; CREATE VIRTUAL TABLE temp.tt USING "
	    "fts5(x, tokenize='unicode61 remove_diacritics 2');"
	    "CREATE VIRTUAL TABLE temp.tv USING fts5vocab(temp, tt, "
	    "'instance')", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(sq, "INSERT INTO temp.tt(rowid, x) "
	    "VALUES (?, ?)", -1, &st, NULL), SQLITE_OK);
	for (i = 0; i < n; i++) {
		sqlite3_bind_int64(st, 1, (sqlite3_int64)i + 1);
		sqlite3_bind_text(st, 2, texts[i], -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(st), SQLITE_DONE);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	assert_int_equal(sqlite3_prepare_v2(sq, "SELECT group_concat(doc || "
	    "':' || offset || '=' || term, ' ') FROM (SELECT * FROM temp.tv "
	    "ORDER BY doc, offset)", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	out = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return (out);
}

/*
 * The index's tokenizer stands in front of unicode61 to collect the
 * vocabulary: its terms must be exactly those of FTS5's own unicode61 (a
 * connection opened without tidings' registration), on ASCII and beyond,
 * or a search would miss what the index holds.
 */
static void
test_terms_as_fts5_makes_them(void **state)
{
	static const char *const texts[] = {
		"Hello, World! It's 3.14 o'clock; x86_64 ABC123 a+b=c",
		"CAF\xc3\x89 d\xc3\xa9j\xc3\xa0-vu na\xc3\xafve don\xe2\x80\x99" "t "
		    "\xe2\x80\x9cquoted\xe2\x80\x9d em\xe2\x80\x94" "dash",
		"\xe6\x9d\xb1\xe4\xba\xac\xe3\x82\xbf\xe3\x83\xaf\xe3\x83\xbc"
		    "Tokyo\xe6\x9d\xb1 Stra\xc3\x9f" "e \xce\xa3\xce\x8a\xce\xa3",
		"tab\there\nnew line  __under_score__ ~tilde^ `tick` |pipe|",
		"\xef\xac\x81" "ligature ANGSTR\xc3\x96M \xc2\xa0nbsp\xc2\xa0x "
		    "\xf0\x9f\x98\x80" "emoji\xf0\x9f\x98\x80 \xc3\xa9\xc3\xa9",
		"",
		"   ",
	};
	sqlite3	*plain;
	char	*ours, *fts5;

	(void)state;
	ours = terms_of(db_sqlite(db), texts, sizeof texts / sizeof texts[0]);
	assert_int_equal(sqlite3_open(":memory:", &plain), SQLITE_OK);
	fts5 = terms_of(plain, texts, sizeof texts / sizeof texts[0]);
	sqlite3_close(plain);
	assert_string_equal(ours, fts5);
	/* And there are terms to compare. */
	assert_non_null(strstr(ours, "=hello 1:1=world"));
	free(ours);
	free(fts5);
}

/* Every (term, item, column) of an index, in order, through fts5vocab. */
static char *
index_listing(sqlite3 *sq, const char *schema, const char *table)
{
	sqlite3_stmt	*st;
	char		 sql[512];
	char		*out;

	snprintf(sql, sizeof sql, "DROP TABLE IF EXISTS temp.iv; CREATE "
	    "VIRTUAL TABLE temp.iv USING fts5vocab(%s, %s, 'instance')",
	    schema, table);
	assert_int_equal(sqlite3_exec(sq, sql, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(sq, "SELECT group_concat(term || "
	    "'/' || doc || '/' || col, ' ') FROM (SELECT * FROM temp.iv ORDER "
	    "BY term, doc, col)", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	out = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return (out);
}

/* The index FTS5 alone makes of the items as they are now: a table like
 * items_fts on a connection without tidings' tokenizer. */
static char *
index_by_fts5(void)
{
	sqlite3		*plain;
	sqlite3_stmt	*row, *ins;
	char		*text, *out;

	assert_int_equal(sqlite3_open(":memory:", &plain), SQLITE_OK);
	assert_int_equal(sqlite3_exec(plain, "CREATE VIRTUAL TABLE t USING "
	    "fts5(title, author, text, content='', detail=column, "
	    "tokenize='unicode61 remove_diacritics 2')", NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(db), "SELECT i.id, "
	    "i.title, i.author, i.summary, i.content, t.html FROM items i LEFT "
	    "JOIN fulltext t ON t.id = i.id", -1, &row, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(plain, "INSERT INTO t(rowid, "
	    "title, author, text) VALUES (?, ?, ?, ?)", -1, &ins, NULL),
	    SQLITE_OK);
	while (sqlite3_step(row) == SQLITE_ROW) {
		text = db_fts_text((const char *)sqlite3_column_text(row, 3),
		    (const char *)sqlite3_column_text(row, 4),
		    (const char *)sqlite3_column_text(row, 5));
		sqlite3_bind_int64(ins, 1, sqlite3_column_int64(row, 0));
		sqlite3_bind_text(ins, 2, (const char *)sqlite3_column_text(row,
		    1), -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins, 3, (const char *)sqlite3_column_text(row,
		    2), -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins, 4, text, -1, SQLITE_TRANSIENT);
		assert_int_equal(sqlite3_step(ins), SQLITE_DONE);
		sqlite3_reset(ins);
		free(text);
	}
	sqlite3_finalize(row);
	sqlite3_finalize(ins);
	out = index_listing(plain, "main", "t");
	sqlite3_close(plain);
	return (out);
}

/* items_fts holds what FTS5 alone would make of the items now, and
 * holds want (one "term/item/column" of the listing). */
static void
index_as_fts5(const char *want)
{
	char	*ours, *fts5;

	ours = index_listing(db_sqlite(db), "main", "items_fts");
	fts5 = index_by_fts5();
	assert_string_equal(ours, fts5);
	assert_non_null(strstr(ours, want));
	free(ours);
	free(fts5);
}

/*
 * The index's tokenizer hands FTS5 each term of a column once (repeats
 * add nothing with detail=column): the index must hold exactly what
 * FTS5's own would, for every article, after an article changed (its old
 * terms taken out with the same once-each tokens) and for words that
 * repeat; phrases of repeated words are still found.
 */
static void
test_repeats_indexed_once(void **state)
{
	char	*cause = NULL;
	size_t	 done, left;

	(void)state;
	item(2001, "ka ri ka ri ka", "<p>ka ka ka ri ri zeta ka</p><p>ka</p>");
	item(2002, "Ka Ka", "<p>ka KA k\xc3\xa1 ri omega omega</p>");
	if (db_fts_catch_up(db, 100, &done, &left, &cause) != 0)
		fail_msg("catch up: %s", cause);
	assert_string_equal(found("zeta"), "2001");
	assert_string_equal(found("omega"), "2002");
	assert_string_equal(found("\"ka ka ka\""), "2002 2001");
	assert_string_equal(found("\"ri ka ri\""), "2001");
	assert_string_equal(found("\"ka ka ri\""), "2002 2001");
	assert_string_equal(found("\"omega omega\""), "2002");
	assert_string_equal(found("\"zeta zeta\""), "");
	index_as_fts5("ka/2001/text");

	/* The article changes as a refresh changes it. */
	if (db_fts_forget(db, 2001, &cause) != 0)
		fail_msg("forget: %s", cause);
	exec("UPDATE items SET title = 'sigma sigma', summary = '<p>ka "
	    "tau tau</p>' WHERE id = 2001");
	exec("INSERT INTO fts_pending(id) VALUES (2001)");
	if (db_fts_catch_up(db, 100, &done, &left, &cause) != 0)
		fail_msg("catch up: %s", cause);
	assert_string_equal(found("zeta"), "");
	assert_string_equal(found("\"ka ka ka\""), "2002");
	assert_string_equal(found("\"ri ka ri\""), "");
	assert_string_equal(found("sigma"), "2001");
	assert_string_equal(found("tau"), "2001");
	index_as_fts5("sigma/2001/title");
	exec("INSERT INTO items_fts(items_fts) VALUES ('integrity-check')");
}

/*
 * The matches a list keeps between its queries are those of the index as
 * it is now: an article indexed since, by this connection or by another
 * (the poller's, a cron refresh), is found by the same words again.
 */
static void
test_results_follow_the_index(void **state)
{
	struct db	*other;
	struct db	*mine = db;
	char		*cause = NULL;
	size_t		 done, left;

	(void)state;
	assert_string_equal(found("wombat"), "");
	item(1001, "Wombats at night", "<p>a wombat</p>");
	if (db_fts_catch_up(db, 100, &done, &left, &cause) != 0)
		fail_msg("catch up: %s", cause);
	assert_string_equal(found("wombat"), "1001");
	if (db_open(path, &other, &cause) != DB_OK)
		fail_msg("db_open: %s", cause);
	db = other;
	item(1002, "More wombats", "<p>wombat burrows</p>");
	if (db_fts_catch_up(db, 100, &done, &left, &cause) != 0)
		fail_msg("catch up: %s", cause);
	db = mine;
	db_close(other);
	assert_string_equal(found("wombat"), "1002 1001");
	assert_string_equal(found("wombats"), "1002 1001");
}

/*
 * A schema 5 cache: marks kept, its index's terms listed for search, and
 * every article indexed again (schema 10) when the refresh catches up.
 */
static void
test_migrate_v5(void **state)
{
	struct db	*old;
	sqlite3		*sq;
	char		 p5[160], *cause = NULL;
	int		 i;

	(void)state;
	snprintf(p5, sizeof p5, "%s/v5.db", tmpdir);
	assert_int_equal(sqlite3_open(p5, &sq), SQLITE_OK);
	for (i = 0; i < 5; i++)
		assert_int_equal(sqlite3_exec(sq, db_schema_migrations[i],
		    NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(sq, "INSERT INTO feeds (id, url, "
	    "position) VALUES (1, 'http://a/', 0); INSERT INTO items (id, "
	    "feed_id, ident, date, first_seen, hash, title, read, starred) "
	    "VALUES (1, 1, 'g:1', 1, 1, 0, 'Episode 7', 1, 0), (2, 1, 'g:2', "
	    "2, 1, 0, 'Tōkyō 東京都', 0, 1), (3, 1, 'g:3', 3, 1, 0, 'x', 1, 1);"
	    "INSERT INTO items_fts(rowid, title, author, text) VALUES "
	    "(1, 'Episode 7', '', ''), (2, 'Tōkyō 東京都', '', ''), "
	    "(3, 'x', '', '');"
	    "PRAGMA user_version = 5", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(sq);
	if (db_open(p5, &old, &cause) != DB_OK)
		fail_msg("db_open: %s", cause);
	sq = db_sqlite(old);
	{
		sqlite3_stmt	*st;

		assert_int_equal(sqlite3_prepare_v2(sq, "SELECT "
		    "group_concat(id || ':' || read || starred, ' ') FROM "
		    "(SELECT * FROM items ORDER BY id)", -1, &st, NULL),
		    SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_string_equal((const char *)sqlite3_column_text(st, 0),
		    "1:10 2:01 3:11");
		sqlite3_finalize(st);
	}
	{
		sqlite3_stmt	*st;

		/* The vocabulary from the old index (schema 9); every
		 * article waiting for the new one (schema 10). */
		assert_int_equal(sqlite3_prepare_v2(sq, "SELECT (SELECT "
		    "count(*) FROM search_terms WHERE term IN ('episode', "
		    "'tokyo', '東京都')), (SELECT count(*) FROM fts_pending)",
		    -1, &st, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(st, 0), 3);
		assert_int_equal(sqlite3_column_int(st, 1), 3);
		sqlite3_finalize(st);
	}
	db_close(db);
	db = old;
	{
		size_t	done, left;

		if (db_fts_catch_up(db, 100, &done, &left, &cause) != 0)
			fail_msg("catch up: %s", cause);
		assert_int_equal(done, 3);
	}
	assert_string_equal(found("episo"), "1");
	assert_string_equal(found("tokyo"), "2");
	assert_string_equal(found("京都"), "2");
	assert_string_equal(found("\"episode 7\""), "1");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_substrings),
		cmocka_unit_test(test_case_and_diacritics),
		cmocka_unit_test(test_cjk),
		cmocka_unit_test(test_word_inside_others),
		cmocka_unit_test(test_no_match_and_syntax),
		cmocka_unit_test(test_prefix_and_phrase),
		cmocka_unit_test(test_results_follow_the_index),
		cmocka_unit_test(test_terms_as_fts5_makes_them),
		cmocka_unit_test(test_repeats_indexed_once),
		cmocka_unit_test(test_migrate_v5),
	};

	return (cmocka_run_group_tests(tests, setup, teardown));
}
