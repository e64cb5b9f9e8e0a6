/*
 * A refresh from a sync server (urls-source other than local): the
 * server fetched the feeds; the sync engine (src/sync) brings its state
 * into the cache, then the search index catches up as after a refresh.
 */
#include "config.h"

#include <string.h>

#include "db/db.h"
#include "net/net.h"
#include "poll/poll-int.h"
#include "sync/sync.h"

/* Items indexed per transaction, as poll-refresh.c does. */
#define POLL_REMOTE_INDEX_BATCH	2000

int
poll_remote(const char *cache_path, const struct poll_opts *opts,
    struct poll_stats *stats, char **cause)
{
	struct poll_progress	 pg;
	struct net_limits	 lim;
	struct sync_stats	 ss;
	struct db		*db;
	size_t			 done, left;
	int			 rc;

	memset(stats, 0, sizeof *stats);
	if (db_open(cache_path, &db, cause) != DB_OK)
		return (POLL_ERR_CACHE);
	poll_limits_get(opts->config, &lim);
	rc = sync_run(db, opts->config, &lim, opts->cancel, &ss, cause);
	stats->feeds = ss.feeds;
	stats->new_items = ss.new_items;
	stats->requests = ss.requests;
	if (rc == SYNC_OK && !opts->skip_index) {
		do {
			if (opts->cancel != NULL && *opts->cancel)
				break;
			if (db_fts_catch_up(db, POLL_REMOTE_INDEX_BATCH, &done,
			    &left, cause) != 0) {
				rc = SYNC_ERR_CACHE;
				break;
			}
			stats->indexed += done;
		} while (left > 0 && done > 0);
	}
	db_close(db);
	if (rc == SYNC_OK && opts->progress != NULL) {
		memset(&pg, 0, sizeof pg);
		pg.done = pg.total = ss.feeds;
		pg.new_items = ss.new_items;
		opts->progress(opts->arg, &pg);
	}
	return (rc == SYNC_OK ? POLL_OK : rc == SYNC_ERR_CACHE ?
	    POLL_ERR_CACHE : POLL_ERR);
}
