/*
 * tidings with no mode option: the reader. Reads the configuration (its
 * key and colour lines go to the UI's tables, which check them), brings
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
#include "main-modes.h"
#include "poll/poll.h"
#include "ui/ui.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* One bind-key, unbind-key or color line into the UI's tables. */
static int
cmd_ui_apply(const char *what, const struct conf_cmd *c, char **cause)
{
	if (strcmp(what, "bind-key") == 0) {
		if (c->argc > 3) {
			*cause = xstrdup(_("bind-key takes KEY ACTION "
			    "[CONTEXT]"));
			return (-1);
		}
		return (conf_keys_bind(c->argv[0], c->argv[1], c->argc > 2 ?
		    c->argv[2] : NULL, cause));
	}
	if (strcmp(what, "unbind-key") == 0) {
		if (c->argc > 2) {
			*cause = xstrdup(_("unbind-key takes KEY [CONTEXT]"));
			return (-1);
		}
		return (conf_keys_unbind(c->argv[0], c->argc > 1 ? c->argv[1] :
		    NULL, cause));
	}
	return (conf_colour_set(c->argv[0], c->argv[1], c->argv[2],
	    (const char *const *)c->argv + 3, (size_t)c->argc - 3, cause));
}

/*
 * The key and colour lines, in the order they were written (bind and
 * unbind of one key must apply as the user ordered them). Errors are
 * reported as FILE:LINE: message; returns how many there were.
 */
static int
cmd_ui_keys(const struct config *conf)
{
	const struct conf_cmds	*lists[3] = { &conf->bind_keys,
				    &conf->unbind_keys, &conf->colors };
	static const char *const names[3] = { "bind-key", "unbind-key",
				    "color" };
	const struct conf_cmd	*c;
	size_t			 next[3] = { 0, 0, 0 };
	char			*cause = NULL;
	int			 errors = 0, i, best;

	for (;;) {
		best = -1;
		for (i = 0; i < 3; i++) {
			if (next[i] >= lists[i]->n)
				continue;
			if (best == -1 || lists[i]->v[next[i]].line <
			    lists[best]->v[next[best]].line)
				best = i;
		}
		if (best == -1)
			break;
		c = &lists[best]->v[next[best]++];
		if (cmd_ui_apply(names[best], c, &cause) != 0) {
			fprintf(stderr, "%s: %s:%d: %s\n", PACKAGE, c->file,
			    c->line, cause);
			free(cause);
			cause = NULL;
			errors++;
		}
	}
	return (errors);
}

int
cmd_ui(const struct cmd_opts *co)
{
	struct conf_paths	 paths;
	struct config		 conf;
	struct conf_urls	 urls;
	struct ui_config	 cfg;
	struct ui_poller	*poller = NULL;
	struct stat		 sb;
	struct db		*db = NULL;
	char			*cause = NULL;
	int			 ex;

	if ((ex = cmd_setup_config(co, &paths, &conf)) != 0)
		return (ex);
	memset(&urls, 0, sizeof urls);
	if (cmd_ui_keys(&conf) != 0) {
		ex = EXIT_USAGE;
		goto out;
	}
	memset(&cfg, 0, sizeof cfg);
	cfg.urls_path = paths.urls;
	cfg.cache_path = paths.cache;
	cfg.first_start = stat(paths.urls, &sb) != 0;
	if (conf_urls_load(paths.urls, &urls, &cause) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
		free(cause);
		ex = EXIT_USAGE;
		goto out;
	}
	if (conf_paths_mkdir_parent(paths.cache, &cause) != 0 ||
	    db_open(paths.cache, &db, &cause) != DB_OK ||
	    (!cfg.first_start && poll_sync(db, &urls, &cause) != 0)) {
		fprintf(stderr, "%s: %s: %s\n", PACKAGE, paths.cache, cause);
		free(cause);
		ex = EXIT_CACHE;
		goto out;
	}
	cfg.db = db;
	cfg.conf = &conf;
	cfg.browser = conf_file_str(&conf, CONF_BROWSER);
	cfg.refresh_on_startup =
	    conf_file_int(&conf, CONF_REFRESH_ON_STARTUP) != 0;
	cfg.reload_minutes = (int)conf_file_int(&conf, CONF_RELOAD_TIME);
	cfg.show_read_feeds = conf_file_int(&conf, CONF_SHOW_READ_FEEDS) != 0;
	poller = ui_poller_new(&conf, paths.cache);
	cfg.poller = &ui_poller_ops;
	cfg.poller_arg = poller;

	if (ui_run(&cfg, &cause) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
		free(cause);
		ex = EXIT_USAGE;
	}
out:
	conf_keys_free();
	ui_poller_free(poller);
	db_close(db);
	conf_urls_fini(&urls);
	conf_file_fini(&conf);
	conf_paths_fini(&paths);
	return (ex);
}
