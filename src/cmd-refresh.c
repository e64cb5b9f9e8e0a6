/*
 * tidings --refresh: fetch every feed due, store, exit. For cron: silent
 * unless something failed; on a terminal, one progress line.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "conf/conf.h"
#include "main-modes.h"
#include "poll/poll.h"
#include "sync/sync.h"
#include "util/i18n.h"
#include "util/sanitize.h"

struct refresh_tty {
	int	tty;
	int	drawn;
};

static void
refresh_progress(void *arg, const struct poll_progress *pg)
{
	struct refresh_tty	*t = arg;
	char			*why;

	if (pg->error != NULL) {
		if (t->drawn) {
			fputs("\r\033[K", stdout);
			fflush(stdout);
		}
		why = sanitize_text(pg->error, strlen(pg->error), 0);
		fprintf(stderr, "%s: %s: %s\n", PACKAGE, pg->url, why);
		free(why);
	}
	if (t->tty) {
		/* The escape stays out of the message: translators need not
		 * copy it, and msgfmt warns about \r in messages. */
		fputs("\r\033[K", stdout);
		printf(ngettext("Refreshing: %zu/%zu feed", "Refreshing: "
		    "%zu/%zu feeds", pg->total), pg->done, pg->total);
		printf(ngettext(", %zu new article", ", %zu new articles",
		    pg->new_items), pg->new_items);
		printf(ngettext(", %zu failed", ", %zu failed", pg->failed),
		    pg->failed);
		fflush(stdout);
		t->drawn = 1;
	}
}

int
cmd_refresh(const struct cmd_opts *co)
{
	struct conf_paths	 paths;
	struct config		 conf;
	struct conf_urls	 urls;
	struct poll_opts	 po;
	struct poll_stats	 st;
	struct refresh_tty	 t;
	struct stat		 sb;
	char			*cause = NULL;
	int			 rc, ex;

	if ((ex = cmd_setup_config(co, &paths, &conf)) != 0)
		return (ex);
	/* From a sync server, the urls file may be absent. */
	if (sync_backend(&conf) == NULL && stat(paths.urls, &sb) != 0) {
		fprintf(stderr, _("%s: %s: no urls file (add feeds to it, or "
		    "import OPML with -i)\n"), PACKAGE, paths.urls);
		ex = EXIT_USAGE;
		goto out;
	}
	if (conf_urls_load(paths.urls, &urls, &cause) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
		ex = EXIT_USAGE;
		goto out;
	}
	if (conf_paths_mkdir_parent(paths.cache, &cause) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
		ex = EXIT_CACHE;
		goto out_urls;
	}
	memset(&t, 0, sizeof t);
	t.tty = isatty(STDOUT_FILENO);
	memset(&po, 0, sizeof po);
	po.config = &conf;
	po.progress = refresh_progress;
	po.arg = &t;
	po.notify_fd = -1;
	rc = poll_refresh(paths.cache, &urls, &po, &st, &cause);
	if (t.drawn)
		fputc('\n', stdout);
	if (rc != POLL_OK) {
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
		ex = rc == POLL_ERR_CACHE ? EXIT_CACHE : EXIT_PARTIAL;
		goto out_urls;
	}
	ex = st.failed > 0 ? EXIT_PARTIAL : EXIT_OK;
	/* Pages that gave no article are no failure of the refresh: a word
	 * on a terminal, nothing for cron. */
	if (t.tty && st.fulltext + st.fulltext_failed > 0)
		printf(ngettext("Full text: %zu article fetched, %zu "
		    "without.\n", "Full text: %zu articles fetched, %zu "
		    "without.\n", st.fulltext), st.fulltext,
		    st.fulltext_failed);
	if (getenv("TIDINGS_REFRESH_STATS") != NULL)
		fprintf(stderr, "stats: feeds %zu failed %zu not_modified %zu "
		    "new %zu updated %zu deleted %zu requests %zu indexed %zu "
		    "fetch_secs %.3f index_secs %.3f fulltext %zu "
		    "fulltext_failed %zu\n", st.feeds, st.failed,
		    st.not_modified, st.new_items, st.updated_items,
		    st.deleted_items, st.requests, st.indexed, st.fetch_secs,
		    st.index_secs, st.fulltext, st.fulltext_failed);
out_urls:
	conf_urls_fini(&urls);
out:
	free(cause);
	conf_file_fini(&conf);
	conf_paths_fini(&paths);
	return (ex);
}
