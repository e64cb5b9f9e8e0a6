/*
 * Feeds that left the urls file are hidden, their articles and marks
 * kept, so that adding one back brings it back as it was. After
 * DB_PRUNE_KEEP_DAYS out of the file a feed is deleted with its
 * articles (and their search index entries), one feed a transaction.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "db/db-int.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* One feed and its items, in the caller's transaction. */
static int
db_prune_one(struct db *db, int64_t feed_id, char **cause)
{
	sqlite3_stmt	*items = NULL, *del = NULL;
	int		 rc, ret = -1;

	if (db_prepare(db, "SELECT id FROM items WHERE feed_id = ?", &items,
	    cause) != 0)
		return (-1);
	sqlite3_bind_int64(items, 1, feed_id);
	while ((rc = sqlite3_step(items)) == SQLITE_ROW)
		if (db_fts_forget(db, sqlite3_column_int64(items, 0),
		    cause) != 0)
			goto out;
	if (rc != SQLITE_DONE) {
		*cause = db_errmsg(db, _("cannot remove old feeds"));
		goto out;
	}
	if (db_prepare(db, "DELETE FROM fts_pending WHERE id IN (SELECT id "
	    "FROM items WHERE feed_id = ?)", &del, cause) != 0)
		goto out;
	sqlite3_bind_int64(del, 1, feed_id);
	if (sqlite3_step(del) != SQLITE_DONE)
		goto fail;
	sqlite3_finalize(del);
	/* The rest goes with the feed: ON DELETE CASCADE. */
	if (db_prepare(db, "DELETE FROM feeds WHERE id = ?", &del,
	    cause) != 0)
		goto out;
	sqlite3_bind_int64(del, 1, feed_id);
	if (sqlite3_step(del) != SQLITE_DONE)
		goto fail;
	ret = 0;
	goto out;
fail:
	*cause = db_errmsg(db, _("cannot remove old feeds"));
out:
	sqlite3_finalize(items);
	sqlite3_finalize(del);
	return (ret);
}

int
db_prune_feeds(struct db *db, int64_t now, size_t *pruned, char **cause)
{
	sqlite3_stmt	*sel = NULL;
	int64_t		*ids = NULL;
	size_t		 n = 0, i;
	int		 rc;

	*pruned = 0;
	if (db_prepare(db, "SELECT id FROM feeds WHERE position < 0 AND "
	    "removed_at IS NOT NULL AND removed_at < ?", &sel, cause) != 0)
		return (-1);
	sqlite3_bind_int64(sel, 1, now - (int64_t)DB_PRUNE_KEEP_DAYS * 86400);
	while ((rc = sqlite3_step(sel)) == SQLITE_ROW) {
		ids = xreallocarray(ids, n + 1, sizeof *ids);
		ids[n++] = sqlite3_column_int64(sel, 0);
	}
	sqlite3_finalize(sel);
	if (rc != SQLITE_DONE) {
		*cause = db_errmsg(db, _("cannot remove old feeds"));
		free(ids);
		return (-1);
	}
	for (i = 0; i < n; i++) {
		if (db_begin(db, cause) != 0)
			goto fail;
		if (db_prune_one(db, ids[i], cause) != 0) {
			db_rollback(db);
			goto fail;
		}
		if (db_commit(db, cause) != 0)
			goto fail;
		(*pruned)++;
	}
	free(ids);
	return (0);
fail:
	free(ids);
	return (-1);
}
