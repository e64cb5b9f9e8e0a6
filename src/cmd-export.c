/* tidings -e: the subscriptions as OPML 2.0 on stdout. */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conf/conf.h"
#include "db/db.h"
#include "db/db-view.h"
#include "main-modes.h"
#include "sync/sync.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/*
 * The feeds' own titles from the cache, one per line of the urls file
 * (NULL where the cache has none). A missing cache is not made, and one
 * that cannot be read only costs the titles: the export goes on.
 */
static char **
cmd_export_names(const char *cache, const struct conf_urls *urls)
{
	struct db		*db;
	struct db_view_feed	*f;
	char			**names, *cause = NULL;
	size_t			 n, i, j;

	names = xcalloc(urls->n + 1, sizeof *names);
	if (access(cache, F_OK) != 0)
		return (names);
	if (db_open(cache, &db, &cause) != DB_OK) {
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
		free(cause);
		return (names);
	}
	if (db_view_feeds(db, NULL, 0, &f, &n, &cause) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
		free(cause);
		db_close(db);
		return (names);
	}
	for (i = 0; i < urls->n; i++)
		for (j = 0; j < n; j++)
			if (strcmp(f[j].url, urls->v[i].url) == 0 &&
			    strcmp(f[j].title, f[j].url) != 0) {
				names[i] = xstrdup(f[j].title);
				break;
			}
	db_view_feeds_free(f, n);
	db_close(db);
	return (names);
}

/*
 * From a sync server, the subscriptions are the cache's synced feeds,
 * with their tags (the server's categories) and titles.
 */
static int
cmd_export_synced(const char *cache, struct conf_urls *urls, char **cause)
{
	struct db	 *db;
	struct db_feed	 *f;
	char		**tags, *t, *p;
	size_t		  n, i, nt;

	memset(urls, 0, sizeof *urls);
	if (access(cache, F_OK) != 0)
		return (0);
	if (db_open(cache, &db, cause) != DB_OK)
		return (-1);
	if (db_feeds_list(db, INT64_MAX, &f, &n, cause) != 0) {
		db_close(db);
		return (-1);
	}
	for (i = 0; i < n; i++) {
		t = xstrdup(f[i].tags != NULL ? f[i].tags : "");
		tags = xreallocarray(NULL, strlen(t) / 2 + 2, sizeof *tags);
		nt = 0;
		for (p = strtok(t, "\t"); p != NULL; p = strtok(NULL, "\t"))
			tags[nt++] = p;
		conf_urls_add(urls, f[i].url, tags, nt, f[i].title);
		free(tags);
		free(t);
	}
	db_feeds_free(f, n);
	db_close(db);
	return (0);
}

int
cmd_export(const struct cmd_opts *co)
{
	struct conf_paths	 paths;
	struct config		 conf;
	struct conf_urls	 urls;
	char			*cause = NULL, **names;
	size_t			 i;
	int			 ex;

	if ((ex = cmd_setup_config(co, &paths, &conf)) != 0)
		return (ex);
	if (sync_backend(&conf) != NULL ?
	    cmd_export_synced(paths.cache, &urls, &cause) != 0 :
	    conf_urls_load(paths.urls, &urls, &cause) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
		free(cause);
		ex = EXIT_USAGE;
		goto out;
	}
	names = cmd_export_names(paths.cache, &urls);
	conf_opml_write(stdout, &urls, (const char *const *)names);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "%s: %s: %s\n", PACKAGE, _("standard output"),
		    strerror(errno));
		ex = EXIT_PARTIAL;
	}
	for (i = 0; names != NULL && i < urls.n; i++)
		free(names[i]);
	free(names);
	conf_urls_fini(&urls);
out:
	conf_file_fini(&conf);
	conf_paths_fini(&paths);
	return (ex);
}
