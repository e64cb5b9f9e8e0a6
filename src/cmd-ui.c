/*
 * tidings with no mode option: the reader. Reads the configuration (its
 * key and colour lines into conf's tables, checked as every mode checks
 * them), brings
 * the cache's feed list in line with the urls file, and runs the UI with
 * the poller thread behind it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "conf/conf.h"
#include "db/db.h"
#include "db/db-view.h"
#include "main-modes.h"
#include "poll/poll.h"
#include "sync/sync.h"
#include "ui/ui.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

static int	cmd_ui_run(const struct cmd_opts *, int);

int
cmd_ui(const struct cmd_opts *co)
{
	return (cmd_ui_run(co, 0));
}

/* tidings --podcasts: the reader, in its download queue. */
int
cmd_podcasts(const struct cmd_opts *co)
{
	return (cmd_ui_run(co, 1));
}

static int
cmd_ui_run(const struct cmd_opts *co, int podcasts)
{
	struct conf_paths	 paths;
	struct config		 conf;
	struct conf_urls	 urls;
	struct ui_config	 cfg;
	struct ui_poller	*poller = NULL;
	struct stat		 sb;
	struct db		*db = NULL;
	char			*cause = NULL;
	int			 ex, remote;

	if ((ex = cmd_setup_config(co, &paths, &conf)) != 0)
		return (ex);
	memset(&urls, 0, sizeof urls);
	memset(&cfg, 0, sizeof cfg);
	cfg.urls_path = paths.urls;
	cfg.cache_path = paths.cache;
	/* From a sync server, the urls file is neither needed nor read
	 * into the feed list. */
	remote = sync_backend(&conf) != NULL;
	cfg.first_start = !remote && stat(paths.urls, &sb) != 0;
	cfg.remote = remote;
	cfg.podcasts = podcasts;
	if (conf_urls_load(paths.urls, &urls, &cause) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
		free(cause);
		ex = EXIT_USAGE;
		goto out;
	}
	if (conf_paths_mkdir_parent(paths.cache, &cause) != 0 ||
	    db_open(paths.cache, &db, &cause) != DB_OK ||
	    (!cfg.first_start && !remote &&
	    poll_sync(db, &urls, &cause) != 0)) {
		fprintf(stderr, "%s: %s: %s\n", PACKAGE, paths.cache, cause);
		free(cause);
		ex = EXIT_CACHE;
		goto out;
	}
	cfg.db = db;
	/* The killfile in display mode: stored, never shown nor counted. */
	if (conf_file_int(&conf, CONF_IGNORE_MODE) == CONF_IGNORE_DISPLAY) {
		char	*hidden = conf_filter_ignore_sql(&conf);

		db_view_set_hidden(db, hidden);
		free(hidden);
	}
	cfg.conf = &conf;
	cfg.urls = &urls;
	cfg.browser = conf_file_str(&conf, CONF_BROWSER);
	cfg.open_schemes = conf_file_str(&conf, CONF_OPEN_URL_SCHEMES);
	cfg.refresh_on_startup =
	    conf_file_int(&conf, CONF_REFRESH_ON_STARTUP) != 0;
	cfg.reload_minutes = conf_file_int(&conf, CONF_AUTO_RELOAD) ?
	    (int)conf_file_int(&conf, CONF_RELOAD_TIME) : 0;
	cfg.show_read_feeds = conf_file_int(&conf, CONF_SHOW_READ_FEEDS) != 0;
	poller = ui_poller_new(&conf, paths.cache);
	cfg.poller = &ui_poller_ops;
	cfg.poller_arg = poller;

	if (ui_run(&cfg, &cause) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
		free(cause);
		ex = EXIT_USAGE;
	} else
		cmd_setup_warnings(&conf);
out:
	conf_keys_free();
	ui_poller_free(poller);
	db_close(db);
	conf_urls_fini(&urls);
	conf_file_fini(&conf);
	conf_paths_fini(&paths);
	return (ex);
}
