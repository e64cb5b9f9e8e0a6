/*
 * tidings with no mode option: the reader. Opens the cache, applies the
 * configuration's key and colour lines to the UI's tables, and runs it.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db/db.h"
#include "main-modes.h"
#include "ui/ui.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* $XDG_x_HOME/tidings/name, or ~/fallback/tidings/name. */
static char *
cmd_ui_path(const char *given, const char *xdg, const char *fallback,
    const char *name)
{
	const char	*dir = getenv(xdg), *home = getenv("HOME");

	if (given != NULL)
		return (xstrdup(given));
	if (dir != NULL && *dir == '/')
		return (xasprintf("%s/%s/%s", dir, PACKAGE, name));
	return (xasprintf("%s/%s/%s/%s", home != NULL ? home : ".", fallback,
	    PACKAGE, name));
}

/* mkdir -p of the directories above path (the cache's, at first start). */
static void
cmd_ui_mkdirs(const char *path)
{
	char	*p = xstrdup(path), *s;

	for (s = p + 1; (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		(void)mkdir(p, 0700);
		*s = '/';
	}
	free(p);
}

int
cmd_ui(const struct cmd_opts *co)
{
	struct ui_config	 cfg;
	struct stat		 sb;
	struct db		*db = NULL;
	char			*urls, *cache, *cause = NULL;
	int			 rc = EXIT_OK;

	memset(&cfg, 0, sizeof cfg);
	urls = cmd_ui_path(co->urls_path, "XDG_CONFIG_HOME", ".config",
	    "urls");
	cache = cmd_ui_path(co->cache_path, "XDG_DATA_HOME", ".local/share",
	    "cache.db");
	cfg.urls_path = urls;
	cfg.cache_path = cache;
	cfg.first_start = stat(urls, &sb) != 0;
	cfg.show_read_feeds = 1;

	cmd_ui_mkdirs(cache);
	if (db_open(cache, &db, &cause) != DB_OK) {
		fprintf(stderr, "%s: %s: %s\n", PACKAGE, cache, cause);
		free(cause);
		rc = EXIT_CACHE;
		goto out;
	}
	cfg.db = db_sqlite(db);

	if (ui_run(&cfg, &cause) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
		free(cause);
		rc = EXIT_USAGE;
	}
out:
	db_close(db);
	free(urls);
	free(cache);
	return (rc);
}
