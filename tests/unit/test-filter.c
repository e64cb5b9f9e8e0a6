/*
 * Unit tests for the filter language (src/filter) on a real SQLite cache
 * made by db_open(): a table of expressions against a table of articles
 * (what each selects, through the SQL it compiles to and the REGEXP
 * function of src/db), the SQL itself where an index depends on its
 * shape, literals that try to leave their quotes, and every error with
 * its column.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "db/db.h"
#include "db/db-int.h"
#include "db/db-view.h"
#include "filter/filter.h"

static char		 tmpdir[64];
static struct db	*db;
static sqlite3		*sq;

static void
exec(const char *sql)
{
	char	*err = NULL;

	if (sqlite3_exec(sq, sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", sql, err);
}

/*
 * Feed 1 "Feed A" (tags news, tech), feed 2 titled "Bee" by the urls
 * file (tag fun). Items:
 *	1 A "Rust 1.80 released"	Alice, a day old, unread, enclosure
 *	2 A "Linux kernel news"	Bob, 10 days, read, starred
 *	3 B "Cat's day"		Carol, 100 days, unread
 *	4 B "RUST in space"		2024-01-31 12:00 UTC, unread
 */
static int
setup(void **state)
{
	char		path[128], *cause = NULL, sql[2048];
	long long	now = (long long)time(NULL);

	(void)state;
	strcpy(tmpdir, "/tmp/test-filter.XXXXXX");
	if (mkdtemp(tmpdir) == NULL)
		return (-1);
	snprintf(path, sizeof path, "%s/cache.db", tmpdir);
	if (db_open(path, &db, &cause) != DB_OK)
		return (-1);
	sq = db_sqlite(db);
	exec("INSERT INTO feeds(id, url, position, tags, title, site_link, "
	    "custom_title) VALUES "
	    "(1, 'http://a/', 0, 'news\ttech', 'Feed A', "
	    "'http://a.example/', NULL), "
	    "(2, 'http://b/', 1, 'fun', 'Feed B', NULL, 'Bee')");
	snprintf(sql, sizeof sql, "INSERT INTO items(id, feed_id, ident, "
	    "guid, title, link, author, date, read, starred, summary, content, "
	    "enclosures, first_seen, hash) VALUES "
	    "(1, 1, 'g:g1', 'g1', 'Rust 1.80 released', 'http://a/rust', "
	    "'Alice', %lld, 0, 0, 'systems', '<p>memory safety</p>', "
	    "'http://a/r.mp3' || char(9) || 'audio/mpeg' || char(9) || '123',"
	    " 0, 0), "
	    "(2, 1, 'l:k', NULL, 'Linux kernel news', 'http://a/k', 'Bob', "
	    "%lld, 1, 1, NULL, NULL, NULL, 0, 0), "
	    "(3, 2, 'l:c', NULL, 'Cat''s day', 'http://b/c', 'Carol', %lld, "
	    "0, 0, NULL, NULL, NULL, 0, 0), "
	    "(4, 2, 'l:s', NULL, 'RUST in space', 'http://b/s', 'Dan', "
	    "1706702400, 0, 0, NULL, NULL, NULL, 0, 0)",
	    now - 86400 - 100, now - 10 * 86400 - 100,
	    now - 100 * 86400 - 100);
	exec(sql);
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

/* The ids an expression selects, as "1,3", or "" for none. */
static void
select_ids(const char *expr, char *out, size_t len)
{
	struct filter_err	 err;
	sqlite3_stmt		*st;
	char			*where, *sql;
	size_t			 n = 0;

	where = filter_compile(expr, &err);
	if (where == NULL)
		fail_msg("%s: column %zu: %s", expr, err.col, err.msg);
	if (asprintf(&sql, "SELECT id FROM items WHERE (%s) ORDER BY id",
	    where) < 0)
		fail();
	if (sqlite3_prepare_v2(sq, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s: %s", expr, sql, sqlite3_errmsg(sq));
	out[0] = '\0';
	while (sqlite3_step(st) == SQLITE_ROW)
		n += (size_t)snprintf(out + n, len - n, "%s%lld",
		    n > 0 ? "," : "", (long long)sqlite3_column_int64(st, 0));
	sqlite3_finalize(st);
	free(sql);
	free(where);
}

static const struct {
	const char	*expr;
	const char	*ids;
} cases[] = {
	{ "title =~ \"rust\"", "1,4" },
	{ "title !~ \"rust\"", "2,3" },
	{ "title =~ \"1\\.80\"", "1" },
	{ "title =~ \"^(linux|cat)\"", "2,3" },
	{ "title = \"Linux kernel news\"", "2" },
	{ "title == \"Linux kernel news\"", "2" },
	{ "title != \"Linux kernel news\"", "1,3,4" },
	{ "title = \"Cat's day\"", "3" },
	{ "title =~ \"cat's\"", "3" },
	{ "title = \"x' OR 1=1 --\"", "" },
	{ "title = \"x') OR (1=1\"", "" },
	{ "title =~ \"x'\\\\) OR \\\\(1=1\"", "" },
	{ "unread = \"yes\"", "1,3,4" },
	{ "unread = \"no\"", "2" },
	{ "unread != \"yes\"", "2" },
	{ "tags # \"news\"", "1,2" },
	{ "tags # \"new\"", "" },
	{ "tags !# \"news\"", "3,4" },
	{ "tags = \"news tech\"", "1,2" },
	{ "tags =~ \"^fun$\"", "3,4" },
	{ "flags # \"s\"", "2" },
	{ "flags !# \"s\"", "1,3,4" },
	{ "author = \"Alice\" or author = \"Carol\"", "1,3" },
	{ "(author = \"Alice\" or author = \"Bob\") and unread = \"yes\"",
	    "1" },
	/* and binds tighter than or */
	{ "author = \"Alice\" or author = \"Bob\" and unread = \"yes\"",
	    "1" },
	{ "author = \"Bob\" or author = \"Alice\" and unread = \"no\"", "2" },
	{ "((((author = \"Dan\"))))", "4" },
	{ "age < 2", "1" },
	{ "age <= 1", "1" },
	{ "age = 1", "1" },
	{ "age != 1", "2,3,4" },
	{ "age > 5", "2,3,4" },
	{ "age >= 100", "3,4" },
	{ "age between 5:20", "2" },
	{ "age between 0:10", "1,2" },
	{ "date = \"2024-01-31\"", "4" },
	{ "date < \"2024-02-01\"", "4" },
	{ "date > \"2024-01-31\"", "1,2,3" },
	{ "date >= \"2024-01-31 12:00\"", "1,2,3,4" },
	{ "date > \"2024-01-31 12:00:00\"", "1,2,3" },
	{ "date between \"2024-01-01\":\"2024-01-31\"", "4" },
	{ "date = 1706702400", "4" },
	{ "feedtitle = \"Bee\"", "3,4" },
	{ "feedtitle =~ \"^feed a$\"", "1,2" },
	{ "feedurl = \"http://a/\"", "1,2" },
	{ "feedlink =~ \"example\"", "1,2" },
	{ "enclosure_url = \"http://a/r.mp3\"", "1" },
	{ "enclosure_type =~ \"^audio/\"", "1" },
	{ "enclosure_type = \"\"", "2,3,4" },
	{ "content =~ \"memory\"", "1" },
	{ "description = \"systems\"", "1" },
	{ "guid = \"g1\"", "1" },
	{ "link =~ \"rust$\"", "1" },
	{ "articleindex = 1", "1,3" },
	{ "articleindex between 2:2", "2,4" },
	{ "articleindex > 1", "2,4" },
	{ "author # \"Bob\"", "2" },
	/* A feed's counts: A has 1 unread of 2, B 2 of 2. */
	{ "unread_count = 2", "3,4" },
	{ "unread_count > 1", "3,4" },
	{ "unread_count between 1:1", "1,2" },
	{ "total_count = 2", "1,2,3,4" },
	{ "total_count != 2", "" },
	{ "TITLE =~ \"RUST\" AND Unread = \"YES\"", "1,4" },
};

static void
test_filter_select(void **state)
{
	char	got[256];
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		select_ids(cases[i].expr, got, sizeof got);
		if (strcmp(got, cases[i].ids) != 0)
			fail_msg("%s: got \"%s\", want \"%s\"", cases[i].expr,
			    got, cases[i].ids);
	}
}

/* An expression's SQL, and whether it reads only feed attributes. */
static char *
feed_where(const char *expr, int *feed_only)
{
	struct filter_err	 err;
	char			*where;

	if ((where = filter_compile_feed(expr, feed_only, &err)) == NULL)
		fail_msg("%s: %s", expr, err.msg);
	return (where);
}

/* Whether feed id matches where (asked of the feed itself when
 * feed_only is set, else of its articles); a failure fails the test. */
static int
feed_matches(int64_t id, int feed_only, const char *where)
{
	char	*cause = NULL;
	int	 rc;

	if ((rc = db_view_feed_matches(db, id, NULL, feed_only, where,
	    &cause)) < 0)
		fail_msg("feed %lld: %s", (long long)id, cause);
	return (rc);
}

/*
 * highlight-feed over feed attributes only: a feed matches by itself,
 * with no articles too; an expression about articles needs one.
 */
static void
test_filter_feed_only(void **state)
{
	struct filter		*f;
	struct filter_err	 err;
	char			*where;
	int			 only;

	(void)state;
	exec("INSERT INTO feeds(id, url, position, title) VALUES "
	    "(3, 'http://c/', 2, 'Empty')");
	where = feed_where("unread_count = 0 and feedtitle = \"Empty\"",
	    &only);
	assert_true(only);
	assert_int_equal(feed_matches(3, 1, where), 1);
	assert_int_equal(feed_matches(3, 0, where), 0);
	assert_int_equal(feed_matches(1, 1, where), 0);
	free(where);
	where = feed_where("tags # \"fun\" or unread_count > 1", &only);
	assert_true(only);
	assert_int_equal(feed_matches(2, 1, where), 1);
	assert_int_equal(feed_matches(1, 1, where), 0);
	free(where);
	where = feed_where("title =~ \"rust\" and unread_count > 0", &only);
	assert_false(only);
	free(where);
	assert_int_equal(filter_parse("unread_count = \"many\"", &f, &err),
	    -1);
	filter_err_fini(&err);
	exec("DELETE FROM feeds WHERE id = 3");
}

/* The shapes the indexes depend on, and quotes doubled. */
static void
test_filter_sql(void **state)
{
	struct filter_err	 err;
	char			*sql;

	(void)state;
	sql = filter_compile("unread = \"yes\"", &err);
	assert_string_equal(sql, "(read = 0)");
	free(sql);
	sql = filter_compile("tags # \"a'b\" and title =~ \"x\"", &err);
	assert_string_equal(sql, "((feed_id IN (SELECT id FROM feeds WHERE "
	    "(instr(char(9) || tags || char(9), char(9) || 'a''b' || "
	    "char(9)) > 0))) AND ((coalesce(title, '') REGEXP 'x')))");
	free(sql);
	sql = filter_compile("age < 7", &err);
	assert_string_equal(sql, "(date > CAST(strftime('%s', 'now') AS "
	    "INTEGER) - 604800)");
	free(sql);
}

static const struct {
	const char	*expr;
	size_t		 col;
	const char	*msg;
} errors[] = {
	{ "title = \"abc", 9, "unterminated string \"abc" },
	{ "title =", 8, "no value after the operator '='" },
	{ "title = and", 9, "expected a \"string\" or a number, not 'and'" },
	{ "title ~= \"x\"", 7, "unknown operator '~='" },
	{ "title like \"x\"", 7, "unknown operator 'like'" },
	{ "titel = \"x\"", 1, "unknown attribute 'titel'" },
	{ "title", 6, "no operator after the attribute" },
	{ "title = \"x\" and", 16, "expected an attribute at the end" },
	{ "title = \"x\" foo", 13, "expected 'and' or 'or', not 'foo'" },
	{ "(title = \"x\"", 1, "'(' is never closed" },
	{ "(title = \"x\" title", 14,
	    "expected ')', 'and' or 'or', not 'title'" },
	{ "title = \"x\")", 12, "')' without '('" },
	{ "age < \"abc\"", 7, "expected a number, not \"abc\"" },
	{ "title =~ \"(\"", 10, "bad regular expression \"(\"" },
	{ "unread = \"maybe\"", 10, "unread is \"yes\" or \"no\"" },
	{ "age between 1", 13, "between takes a range A:B, not '1'" },
	{ "age between 1:", 15, "no value after the operator ':'" },
	{ "date > \"2024-13-01\"", 8, "not a date" },
	{ "", 1, "empty expression" },
	{ "   ", 1, "empty expression" },
	{ "title = \"x\" and @", 17, "expected an attribute, not '@'" },
	{ "age < 99999999999999999999", 7, "number out of range" },
};

static void
test_filter_errors(void **state)
{
	struct filter_err	 err;
	char			*sql, *s;
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof errors / sizeof errors[0]; i++) {
		sql = filter_compile(errors[i].expr, &err);
		if (sql != NULL)
			fail_msg("%s: compiled to %s", errors[i].expr, sql);
		if (err.col != errors[i].col ||
		    strstr(err.msg, errors[i].msg) == NULL)
			fail_msg("%s: column %zu: %s; want column %zu: %s",
			    errors[i].expr, err.col, err.msg, errors[i].col,
			    errors[i].msg);
		s = filter_err_str(&err);
		assert_non_null(strstr(s, "column "));
		free(s);
		filter_err_fini(&err);
	}
}

/* Deep nesting is an error, not a stack overflow. */
static void
test_filter_deep(void **state)
{
	struct filter_err	 err;
	char			 expr[1024];
	size_t			 i;

	(void)state;
	for (i = 0; i < 200; i++)
		expr[i] = '(';
	strcpy(expr + i, "age < 1");
	assert_null(filter_compile(expr, &err));
	assert_int_equal(err.col, FILTER_MAX_DEPTH + 1);
	filter_err_fini(&err);
}

/* The longest and deepest expressions accepted are ones SQLite takes
 * (its parser stack and expression depth are bounded); one more
 * condition is an error naming where. */
static void
test_filter_long(void **state)
{
	struct filter_err	 err;
	char			*expr, got[256];
	size_t			 i, n = 0, cap = 64 * 1024;

	(void)state;
	expr = malloc(cap);
	for (i = 0; i < FILTER_MAX_CONDS; i++)
		n += (size_t)snprintf(expr + n, cap - n, "%sguid != \"x%zu\"",
		    i > 0 ? (i % 3 == 0 ? " or " : " and ") : "", i);
	select_ids(expr, got, sizeof got);
	assert_string_equal(got, "1,2,3,4");
	snprintf(expr + n, cap - n, " and guid != \"last\"");
	assert_null(filter_compile(expr, &err));
	assert_int_equal(err.col, n + 6);
	assert_non_null(strstr(err.msg, "more than 256 conditions"));
	filter_err_fini(&err);
	/* Parentheses as deep as allowed, each holding a chain. */
	n = 0;
	for (i = 0; i < FILTER_MAX_DEPTH; i++)
		n += (size_t)snprintf(expr + n, cap - n, "(guid != \"a\" and ");
	n += (size_t)snprintf(expr + n, cap - n, "guid != \"b\"");
	for (i = 0; i < FILTER_MAX_DEPTH; i++)
		expr[n++] = ')';
	expr[n] = '\0';
	select_ids(expr, got, sizeof got);
	assert_string_equal(got, "1,2,3,4");
	free(expr);
}

/* Patterns that would make regcomp take memory without bound are refused
 * before it sees them; ordinary ones pass. */
static void
test_filter_regex(void **state)
{
	static const char *const good[] = {
		"rust", "a+b*c?", "x{2,5}", "x{3}", "x{2,}", "[+*?]+",
		"\\++", "(a+)+", "[]+]+", "[[:alpha:]]+", "a|b+", "{", "a{",
	};
	static const char *const bad[] = {
		"a++", "a*+", "a+?", "x{2}{3}", "x*{2}", "a{300}", "a{1,256}",
	};
	char	big[FILTER_REGEX_MAX + 2];
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof good / sizeof good[0]; i++)
		if (filter_regex_check(good[i]) != NULL)
			fail_msg("%s refused: %s", good[i],
			    filter_regex_check(good[i]));
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (filter_regex_check(bad[i]) == NULL)
			fail_msg("%s accepted", bad[i]);
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_non_null(filter_regex_check(big));
	big[FILTER_REGEX_MAX] = '\0';
	assert_null(filter_regex_check(big));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_filter_select),
		cmocka_unit_test(test_filter_feed_only),
		cmocka_unit_test(test_filter_sql),
		cmocka_unit_test(test_filter_errors),
		cmocka_unit_test(test_filter_deep),
		cmocka_unit_test(test_filter_long),
		cmocka_unit_test(test_filter_regex),
	};

	return (cmocka_run_group_tests(tests, setup, teardown));
}
