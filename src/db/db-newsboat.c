/*
 * A Newsboat cache (cache.db) into ours: the titles of the feeds we also
 * subscribe to, their articles, and what was read or flagged. Newsboat's
 * schema (2.x): rss_feed(rssurl, url, title, ...) and rss_item(guid,
 * title, author, url, feedurl, pubDate, content, unread, enclosure_url,
 * enclosure_type, flags, deleted, ...). It is read through its own
 * read-only connection and never written.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/db-int.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

/* Articles taken from one Newsboat feed at most (a runaway cache). */
#define DB_NB_MAX_ITEMS	1000000

enum {
	NB_FEEDS,
	NB_ITEMS,
	ST_FEED_ID,
	ST_FEED_TITLE,
	ST_FIND,
	ST_MARKS,
	ST_ITEM,
	ST_PENDING,
	NB_NSTMT
};

/* A column as sanitized text, or NULL when empty or NULL. */
static char *
db_nb_text(sqlite3_stmt *st, int col, int flags)
{
	const char	*s = (const char *)sqlite3_column_text(st, col);

	if (s == NULL || *s == '\0')
		return (NULL);
	return (sanitize_text(s, strlen(s), flags));
}

/*
 * An article we already have keeps its text and gains Newsboat's marks;
 * returns 1 when there was one, 0 when not, -1 on error.
 */
static int
db_nb_marks(struct db *db, sqlite3_stmt **st, int64_t feed_id,
    const char *ident, int read, int starred, char **cause)
{
	int64_t	id;

	sqlite3_reset(st[ST_FIND]);
	sqlite3_bind_int64(st[ST_FIND], 1, feed_id);
	db_bind_text(st[ST_FIND], 2, ident);
	if (sqlite3_step(st[ST_FIND]) != SQLITE_ROW)
		return (0);
	id = sqlite3_column_int64(st[ST_FIND], 0);
	sqlite3_reset(st[ST_MARKS]);
	sqlite3_bind_int64(st[ST_MARKS], 1, id);
	sqlite3_bind_int(st[ST_MARKS], 2, read);
	sqlite3_bind_int(st[ST_MARKS], 3, starred);
	if (sqlite3_step(st[ST_MARKS]) != SQLITE_DONE) {
		*cause = db_errmsg(db, _("cannot store a mark"));
		return (-1);
	}
	return (1);
}

/* One Newsboat item into feed_id; adds to the counts. */
static int
db_nb_item(struct db *db, sqlite3_stmt *from, sqlite3_stmt **st,
    int64_t feed_id, int64_t now, struct db_nb_stats *stats, char **cause)
{
	sqlite3_stmt	*ins = st[ST_ITEM];
	char		*guid, *title, *author, *link, *content, *encl = NULL;
	char		*etype, *eurl, *ident;
	const char	*flags;
	int64_t		 pub;
	int		 read, starred, rc;

	guid = db_nb_text(from, 0, 0);
	title = db_nb_text(from, 1, 0);
	author = db_nb_text(from, 2, 0);
	link = db_nb_text(from, 3, 0);
	pub = sqlite3_column_int64(from, 4);
	content = db_nb_text(from, 5, SANITIZE_KEEP_NEWLINES);
	read = sqlite3_column_int(from, 6) == 0;
	flags = (const char *)sqlite3_column_text(from, 7);
	/* Newsboat's flags are letters the user gives meaning to; "s" is
	 * the one its documentation and most configs use for starred. */
	starred = flags != NULL && strchr(flags, 's') != NULL;
	eurl = db_nb_text(from, 8, 0);
	etype = db_nb_text(from, 9, 0);
	if (eurl != NULL)
		encl = xasprintf("%s\t%s\t-1", eurl, etype ? etype : "");

	/* Newsboat uses the link as guid when a feed gives none; so would
	 * our identity, as "l:" and not "g:", or the next refresh would
	 * store the article again. */
	ident = db_items_ident(guid != NULL && link != NULL &&
	    strcmp(guid, link) == 0 ? NULL : guid, link, title,
	    pub > 0 ? pub : 0);

	if ((rc = db_nb_marks(db, st, feed_id, ident, read, starred,
	    cause)) != 0)
		goto done;
	sqlite3_reset(ins);
	sqlite3_bind_int64(ins, 1, feed_id);
	db_bind_text(ins, 2, ident);
	db_bind_text(ins, 3, guid);
	db_bind_text(ins, 4, title);
	db_bind_text(ins, 5, link);
	db_bind_text(ins, 6, author);
	if (pub > 0)
		sqlite3_bind_int64(ins, 7, pub);
	else
		sqlite3_bind_null(ins, 7);
	sqlite3_bind_int64(ins, 8, pub > 0 ? pub : now);
	db_bind_text(ins, 9, content);
	db_bind_text(ins, 10, encl);
	sqlite3_bind_int(ins, 11, read);
	sqlite3_bind_int(ins, 12, starred);
	sqlite3_bind_int64(ins, 13, now);
	if (sqlite3_step(ins) != SQLITE_DONE) {
		*cause = db_errmsg(db, _("cannot store an item"));
		rc = -1;
		goto done;
	}
	/* Schema 2 and later list the articles the index waits for. */
	if (st[ST_PENDING] != NULL) {
		sqlite3_reset(st[ST_PENDING]);
		sqlite3_bind_int64(st[ST_PENDING], 1,
		    sqlite3_last_insert_rowid(db_sqlite(db)));
		if (sqlite3_step(st[ST_PENDING]) != SQLITE_DONE) {
			*cause = db_errmsg(db, _("cannot store an item"));
			rc = -1;
			goto done;
		}
	}
	rc = 1;
done:
	if (rc == 1) {
		stats->items++;
		stats->read += read;
		stats->starred += starred;
	}
	free(guid);
	free(title);
	free(author);
	free(link);
	free(content);
	free(eurl);
	free(etype);
	free(encl);
	free(ident);
	return (rc < 0 ? -1 : 0);
}

int
db_newsboat_import(struct db *db, const char *path,
    struct db_nb_stats *stats, char **cause)
{
	static const char *const sql[NB_NSTMT] = {
		[NB_FEEDS] = "SELECT rssurl, url, title FROM rss_feed",
		[NB_ITEMS] = "SELECT guid, title, author, url, pubDate, "
		    "content, unread, flags, enclosure_url, enclosure_type "
		    "FROM rss_item WHERE feedurl = ?1 AND deleted = 0 "
		    "ORDER BY id",
		[ST_FEED_ID] = "SELECT id FROM feeds WHERE url = ?1",
		[ST_FEED_TITLE] = "UPDATE feeds SET title = coalesce(title, "
		    "?2), site_link = coalesce(site_link, ?3) WHERE id = ?1",
		[ST_FIND] = "SELECT id FROM items WHERE feed_id = ?1 AND "
		    "ident = ?2",
		/* Newsboat's marks only where they add to ours. */
		[ST_MARKS] = "UPDATE items SET read = max(read, ?2), "
		    "starred = max(starred, ?3) WHERE id = ?1",
		/* hash 0 matches no document: the next refresh rewrites
		 * the upstream fields and keeps the marks. */
		[ST_ITEM] = "INSERT INTO items (feed_id, ident, guid, title, "
		    "link, author, published, date, content, enclosures, "
		    "read, starred, first_seen, hash) VALUES (?1, ?2, ?3, ?4, "
		    "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 0)",
		[ST_PENDING] = "INSERT OR IGNORE INTO fts_pending (id) "
		    "VALUES (?1)",
	};
	sqlite3		*nb = NULL;
	sqlite3_stmt	*st[NB_NSTMT] = { NULL };
	char		*title, *site;
	const char	*rssurl;
	int64_t		 feed_id, now = (int64_t)time(NULL);
	size_t		 n;
	int		 i, rc = -1, txn = 0;

	memset(stats, 0, sizeof *stats);
	if (sqlite3_open_v2(path, &nb, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		*cause = xasprintf("%s: %s", path, nb != NULL ?
		    sqlite3_errmsg(nb) : _("cannot open"));
		goto out;
	}
	sqlite3_busy_timeout(nb, 5000);
	for (i = NB_FEEDS; i <= NB_ITEMS; i++)
		if (sqlite3_prepare_v2(nb, sql[i], -1, &st[i], NULL) !=
		    SQLITE_OK) {
			*cause = xasprintf(_("%s: not a Newsboat cache (%s)"),
			    path, sqlite3_errmsg(nb));
			goto out;
		}
	for (i = ST_FEED_ID; i < ST_PENDING; i++)
		if (db_prepare(db, sql[i], &st[i], cause) != 0)
			goto out;
	/* Absent before schema 2: there, new items wait with indexed = 0. */
	if (sqlite3_prepare_v2(db_sqlite(db), sql[ST_PENDING], -1,
	    &st[ST_PENDING], NULL) != SQLITE_OK)
		st[ST_PENDING] = NULL;
	if (db_begin(db, cause) != 0)
		goto out;
	txn = 1;
	while ((rc = sqlite3_step(st[NB_FEEDS])) == SQLITE_ROW) {
		rssurl = (const char *)sqlite3_column_text(st[NB_FEEDS], 0);
		if (rssurl == NULL)
			continue;
		sqlite3_reset(st[ST_FEED_ID]);
		db_bind_text(st[ST_FEED_ID], 1, rssurl);
		if (sqlite3_step(st[ST_FEED_ID]) != SQLITE_ROW) {
			/* In Newsboat's cache, no longer subscribed. */
			stats->skipped_feeds++;
			continue;
		}
		feed_id = sqlite3_column_int64(st[ST_FEED_ID], 0);
		stats->feeds++;
		site = db_nb_text(st[NB_FEEDS], 1, 0);
		title = db_nb_text(st[NB_FEEDS], 2, 0);
		sqlite3_reset(st[ST_FEED_TITLE]);
		sqlite3_bind_int64(st[ST_FEED_TITLE], 1, feed_id);
		db_bind_text(st[ST_FEED_TITLE], 2, title);
		db_bind_text(st[ST_FEED_TITLE], 3, site);
		rc = sqlite3_step(st[ST_FEED_TITLE]);
		free(title);
		free(site);
		if (rc != SQLITE_DONE) {
			*cause = db_errmsg(db, _("cannot store the feed state"));
			goto fail;
		}
		sqlite3_reset(st[NB_ITEMS]);
		sqlite3_bind_text(st[NB_ITEMS], 1, rssurl, -1,
		    SQLITE_TRANSIENT);
		n = 0;
		while ((rc = sqlite3_step(st[NB_ITEMS])) == SQLITE_ROW &&
		    n++ < DB_NB_MAX_ITEMS)
			if (db_nb_item(db, st[NB_ITEMS], st, feed_id, now,
			    stats, cause) != 0)
				goto fail;
		if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
			*cause = xasprintf("%s: %s", path, sqlite3_errmsg(nb));
			goto fail;
		}
	}
	if (rc != SQLITE_DONE) {
		*cause = xasprintf("%s: %s", path, sqlite3_errmsg(nb));
		goto fail;
	}
	txn = 0;
	rc = db_commit(db, cause) == 0 ? 0 : -1;
	goto out;
fail:
	rc = -1;
out:
	if (txn)
		db_rollback(db);
	for (i = 0; i < NB_NSTMT; i++)
		sqlite3_finalize(st[i]);
	sqlite3_close(nb);
	return (rc);
}
