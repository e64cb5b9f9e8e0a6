/*
 * Unit tests for src/poll, the engine the reader runs on its own thread:
 * local feed files, a real SQLite cache, the notify pipe, "only these
 * feeds" and cancellation.
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

#include "conf/conf.h"
#include "db/db.h"
#include "poll/poll-int.h"

static char	tmpdir[64];
static char	cache[128];

static int
setup(void **state)
{
	struct conf_urls	 urls;
	struct db		*db;
	char			 path[128], *cause = NULL;
	FILE			*f;
	int			 i;

	(void)state;
	strcpy(tmpdir, "/tmp/test-poll.XXXXXX");
	if (mkdtemp(tmpdir) == NULL)
		return (-1);
	snprintf(cache, sizeof cache, "%s/cache.db", tmpdir);
	memset(&urls, 0, sizeof urls);
	for (i = 0; i < 3; i++) {
		snprintf(path, sizeof path, "%s/f%d.xml", tmpdir, i);
		f = fopen(path, "w");
		fprintf(f, "<rss version=\"2.0\"><channel><title>F%d</title>"
		    "<item><guid>a%d</guid><title>one</title></item>"
		    "<item><guid>b%d</guid><title>two</title></item>"
		    "</channel></rss>\n", i, i, i);
		fclose(f);
		conf_urls_add(&urls, path, NULL, 0, NULL);
	}
	if (db_open(cache, &db, &cause) != DB_OK ||
	    poll_sync(db, &urls, &cause) != 0)
		return (-1);
	db_close(db);
	conf_urls_fini(&urls);
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
count(const char *sql)
{
	sqlite3		*sq;
	sqlite3_stmt	*st;
	int64_t		 v = -1;

	assert_int_equal(sqlite3_open(cache, &sq), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(sq, sql, -1, &st, NULL),
	    SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(sq);
	return (v);
}

struct seen {
	size_t	calls;
	size_t	last_done, last_total;
};

static void
progress(void *arg, const struct poll_progress *pg)
{
	struct seen	*s = arg;

	s->calls++;
	s->last_done = pg->done;
	s->last_total = pg->total;
}

static void
test_only_and_notify(void **state)
{
	struct config		 conf;
	struct poll_opts	 po;
	struct poll_stats	 st;
	struct seen		 seen;
	int64_t			 only = 2, got;
	char			*cause = NULL;
	int			 fds[2];

	(void)state;
	conf_file_init(&conf);
	assert_int_equal(pipe(fds), 0);
	memset(&po, 0, sizeof po);
	memset(&seen, 0, sizeof seen);
	po.config = &conf;
	po.only = &only;
	po.nonly = 1;
	po.notify_fd = fds[1];
	po.progress = progress;
	po.arg = &seen;
	assert_int_equal(poll_refresh(cache, NULL, &po, &st, &cause), POLL_OK);
	assert_int_equal(st.feeds, 1);
	assert_int_equal(st.new_items, 2);
	assert_int_equal(seen.calls, 1);
	assert_int_equal(seen.last_total, 1);
	assert_int_equal(read(fds[0], &got, sizeof got), sizeof got);
	assert_int_equal(got, 2);
	assert_int_equal(count("SELECT count(*) FROM items"), 2);
	assert_int_equal(count("SELECT count(*) FROM items WHERE "
	    "feed_id <> 2"), 0);
	assert_int_equal(st.indexed, 2);

	/* Then all that are due: the other two. */
	po.only = NULL;
	po.nonly = 0;
	assert_int_equal(poll_refresh(cache, NULL, &po, &st, &cause), POLL_OK);
	assert_int_equal(st.feeds, 3);
	assert_int_equal(st.new_items, 4);
	assert_int_equal(count("SELECT count(*) FROM items"), 6);
	close(fds[0]);
	close(fds[1]);
	conf_file_fini(&conf);
}

static void
test_cancel(void **state)
{
	struct config		 conf;
	struct poll_opts	 po;
	struct poll_stats	 st;
	volatile int		 cancel = 1;
	char			*cause = NULL;

	(void)state;
	conf_file_init(&conf);
	memset(&po, 0, sizeof po);
	po.config = &conf;
	po.cancel = &cancel;
	po.notify_fd = -1;
	assert_int_equal(poll_refresh(cache, NULL, &po, &st, &cause), POLL_OK);
	/* Every feed is reported (as cancelled), none stored. */
	assert_int_equal(st.feeds, 3);
	assert_int_equal(st.failed, 3);
	assert_int_equal(count("SELECT count(*) FROM items"), 0);
	conf_file_fini(&conf);
}

static void
test_url_display(void **state)
{
	static const struct {
		const char	*in, *out;
	} cases[] = {
		{ "http://u:pw@h/x", "http://u:***@h/x" },
		{ "https://h/x?a=b:c@d", "https://h/x?a=b:c@d" },
		{ "http://u@h/", "http://u@h/" },
		{ "/a/path", "/a/path" },
		{ "http://h/\033[31m", "http://h/" },
	};
	size_t	 i;
	char	*s;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		s = poll_refresh_url_display(cases[i].in);
		assert_string_equal(s, cases[i].out);
		free(s);
	}
}

/* Command feeds as Newsboat reads them: filter:'s command ends at the
 * first colon. */
static void
test_cmd_split(void **state)
{
	static const struct {
		const char	*in, *cmd, *url;
		int		 rc;
	} cases[] = {
		{ "exec:echo a:b", "echo a:b", NULL, 0 },
		{ "filter:sed s/a/b/:https://x/f?a=1",
		    "sed s/a/b/", "https://x/f?a=1", 0 },
		{ "filter:~/bin/f:file:///tmp/f.xml", "~/bin/f",
		    "file:///tmp/f.xml", 0 },
		{ "exec:", NULL, NULL, -1 },
		{ "filter:cmd", NULL, NULL, -1 },
		{ "filter::http://x/", NULL, NULL, -1 },
		{ "filter:cmd:", NULL, NULL, -1 },
		{ "https://x/", NULL, NULL, -1 },
	};
	char	*cmd, *url;
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(poll_cmd_split(cases[i].in, &cmd, &url),
		    cases[i].rc);
		if (cases[i].rc == 0) {
			assert_string_equal(cmd, cases[i].cmd);
			if (cases[i].url == NULL)
				assert_null(url);
			else
				assert_string_equal(url, cases[i].url);
		}
		assert_int_equal(poll_cmd_is(cases[i].in),
		    strncmp(cases[i].in, "http", 4) != 0);
		free(cmd);
		free(url);
	}
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test_setup_teardown(test_only_and_notify, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_cancel, setup, teardown),
		cmocka_unit_test(test_url_display),
		cmocka_unit_test(test_cmd_split),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
