/*
 * libFuzzer harness for the filter language: any expression either fails
 * with a column inside it and a message, or compiles to SQL that SQLite
 * accepts over the cache's tables (the quoting holds).
 */
#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "filter/filter.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static sqlite3	*fuzz_sq;

static void
fuzz_regexp(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_int(ctx, 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct filter_err	 err;
	struct filter		*f;
	sqlite3_stmt		*st;
	char			*s, *sql, *q;
	int			 feed_only;

	if (fuzz_sq == NULL) {
		if (sqlite3_open(":memory:", &fuzz_sq) != SQLITE_OK ||
		    sqlite3_exec(fuzz_sq, "CREATE TABLE feeds (id INTEGER "
		    "PRIMARY KEY, url, position, tags, custom_title, title, "
		    "site_link); CREATE TABLE items (id INTEGER PRIMARY KEY, "
		    "feed_id, guid, title, link, author, date, summary, "
		    "content, enclosures, read, starred); CREATE TABLE "
		    "feed_counts (feed_id INTEGER PRIMARY KEY, total, unread, "
		    "starred)", NULL, NULL,
		    NULL) != SQLITE_OK ||
		    sqlite3_create_function(fuzz_sq, "regexp", 2, SQLITE_UTF8,
		    NULL, fuzz_regexp, NULL, NULL) != SQLITE_OK)
			abort();
	}
	s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	if (filter_parse(s, &f, &err) != 0) {
		if (err.msg == NULL || err.col < 1 ||
		    err.col > strlen(s) + 1)
			abort();
		filter_err_fini(&err);
	} else {
		sql = filter_sql(f);
		feed_only = filter_feed_only(f);
		filter_free(f);
		q = sqlite3_mprintf("SELECT id FROM items WHERE (%s)", sql);
		if (sqlite3_prepare_v2(fuzz_sq, q, -1, &st, NULL) != SQLITE_OK)
			abort();
		sqlite3_finalize(st);
		sqlite3_free(q);
		/* As highlight-feed asks it of a feed by itself. */
		if (feed_only) {
			q = sqlite3_mprintf("SELECT 1 FROM (SELECT 1 AS "
			    "feed_id) WHERE (%s)", sql);
			if (sqlite3_prepare_v2(fuzz_sq, q, -1, &st, NULL) !=
			    SQLITE_OK)
				abort();
			sqlite3_finalize(st);
			sqlite3_free(q);
		}
		free(sql);
	}
	free(s);
	return (0);
}
