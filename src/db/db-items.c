/*
 * Queries on the items table: storing a parsed document (insert new items,
 * update changed ones in place keeping their marks, leave unchanged ones
 * alone), retention, and the read/starred marks.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db-int.h"
#include "feed/feed.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* A tombstone seen again in the feed is refreshed at most this often. */
#define DB_GONE_TOUCH	(24 * 3600)
/* Tombstones not seen in the feed for this long are dropped. */
#define DB_GONE_KEEP	(90 * 24 * 3600)

/* FNV-1a, 64 bits: a fingerprint, not a defence (the data is ours). */
static uint64_t
db_items_fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char	*s = p;

	while (n-- > 0) {
		h ^= *s++;
		h *= 0x100000001b3ULL;
	}
	return (h);
}

static uint64_t
db_items_fnvs(uint64_t h, const char *s)
{
	/* A NULL and an empty string differ, and fields are delimited. */
	if (s == NULL)
		return (db_items_fnv(h, "\1", 1));
	return (db_items_fnv(h, s, strlen(s) + 1));
}

char *
db_items_ident(const char *guid, const char *link, const char *title,
    int64_t date)
{
	uint64_t	h = 0xcbf29ce484222325ULL;

	if (guid != NULL && *guid != '\0')
		return (xasprintf("g:%s", guid));
	if (link != NULL && *link != '\0')
		return (xasprintf("l:%s", link));
	h = db_items_fnvs(h, title);
	h = db_items_fnv(h, &date, sizeof date);
	return (xasprintf("h:%016llx", (unsigned long long)h));
}

/* Categories and enclosures as the text columns of db.h. */
static char *
db_items_lists(const struct feed_item *it, int enclosures)
{
	struct buf	b;
	size_t		i;

	if (enclosures ? it->nenclosures == 0 : it->ncategories == 0)
		return (NULL);
	buf_init(&b, 0);
	if (enclosures) {
		for (i = 0; i < it->nenclosures; i++)
			buf_printf(&b, "%s%s\t%s\t%lld", i > 0 ? "\n" : "",
			    it->enclosures[i].url != NULL ?
			    it->enclosures[i].url : "",
			    it->enclosures[i].type != NULL ?
			    it->enclosures[i].type : "",
			    (long long)it->enclosures[i].length);
	} else {
		for (i = 0; i < it->ncategories; i++)
			buf_printf(&b, "%s%s", i > 0 ? "\n" : "",
			    it->categories[i]);
	}
	return (buf_detach(&b));
}

/*
 * The change fingerprint hashes every stored field of every item of a
 * fetched feed, so it goes a word at a time (a multiply-xorshift mix);
 * FNV's byte loop showed in profiles.
 */
static uint64_t
db_items_mix(uint64_t h, const void *p, size_t n)
{
	const unsigned char	*s = p;
	uint64_t		 w;

	h ^= n;
	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
		h ^= h >> 29;
	}
	w = 0;
	memcpy(&w, s, n);
	h = (h ^ w ^ ((uint64_t)n << 56)) * 0x9e3779b97f4a7c15ULL;
	return (h ^ (h >> 32));
}

static uint64_t
db_items_mixs(uint64_t h, const char *s)
{
	if (s == NULL)
		return (db_items_mix(h, "\1", 1) + 1);
	return (db_items_mix(h, s, strlen(s)));
}

static uint64_t
db_items_hash(const struct feed_item *it, const char *cats, const char *encl)
{
	uint64_t	h = 0xcbf29ce484222325ULL;

	h = db_items_mixs(h, it->guid);
	h = db_items_mixs(h, it->title);
	h = db_items_mixs(h, it->link);
	h = db_items_mixs(h, it->author);
	h = db_items_mix(h, &it->published, sizeof it->published);
	h = db_items_mix(h, &it->updated, sizeof it->updated);
	h = db_items_mixs(h, it->summary);
	h = db_items_mixs(h, it->content);
	h = db_items_mixs(h, cats);
	h = db_items_mixs(h, encl);
	h = db_items_mixs(h, it->comments);
	return (h);
}

enum {
	ST_FIND,
	ST_GONE,
	ST_TOUCH,
	ST_INSERT,
	ST_UPDATE,
	ST_PENDING,
	ST_COUNT
};

static const char *const db_items_sql[ST_COUNT] = {
	[ST_FIND] = "SELECT id, hash FROM items WHERE feed_id = ? AND "
	    "ident = ?",
	[ST_GONE] = "SELECT gone_at FROM items_gone WHERE feed_id = ? AND "
	    "ident = ?",
	[ST_TOUCH] = "UPDATE items_gone SET gone_at = ?3 WHERE feed_id = ?1 "
	    "AND ident = ?2",
	/* ?1 feed or id, ?2 ident, ?3 now, ?4.. the fields. */
	[ST_INSERT] = "INSERT INTO items (feed_id, ident, first_seen, guid, "
	    "title, link, author, published, updated, summary, content, "
	    "categories, enclosures, comments, hash, date) VALUES (?1, ?2, "
	    "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
	    "coalesce(?8, ?9, ?3))",
	[ST_UPDATE] = "UPDATE items SET guid = ?4, title = ?5, link = ?6, "
	    "author = ?7, published = ?8, updated = ?9, summary = ?10, "
	    "content = ?11, categories = ?12, enclosures = ?13, "
	    "comments = ?14, hash = ?15, date = coalesce(?8, ?9, first_seen) "
	    "WHERE id = ?1",
	[ST_PENDING] = "INSERT OR IGNORE INTO fts_pending (id) VALUES (?)",
};

static void
db_items_bind(sqlite3_stmt *st, const struct feed_item *it, const char *cats,
    const char *encl, int64_t hash)
{
	db_bind_text(st, 4, it->guid);
	db_bind_text(st, 5, it->title);
	db_bind_text(st, 6, it->link);
	db_bind_text(st, 7, it->author);
	if (it->published != FEED_TIME_NONE)
		sqlite3_bind_int64(st, 8, it->published);
	if (it->updated != FEED_TIME_NONE)
		sqlite3_bind_int64(st, 9, it->updated);
	db_bind_text(st, 10, it->summary);
	db_bind_text(st, 11, it->content);
	db_bind_text(st, 12, cats);
	db_bind_text(st, 13, encl);
	db_bind_text(st, 14, it->comments);
	sqlite3_bind_int64(st, 15, hash);
}

/* What storing an item needs beyond its fields. */
struct db_item_prep {
	char	*ident;
	char	*cats;
	char	*encl;
	int64_t	 hash;
};

struct db_doc_prep {
	size_t			n;
	struct db_item_prep	items[];
};

static void
db_items_prep(const struct feed_item *it, struct db_item_prep *p)
{
	int64_t	date;

	date = it->published != FEED_TIME_NONE ? it->published : it->updated;
	p->ident = db_items_ident(it->guid, it->link, it->title, date);
	p->cats = db_items_lists(it, 0);
	p->encl = db_items_lists(it, 1);
	p->hash = (int64_t)db_items_hash(it, p->cats, p->encl);
}

static void
db_items_prep_fini(struct db_item_prep *p)
{
	free(p->ident);
	free(p->cats);
	free(p->encl);
}

struct db_doc_prep *
db_items_doc_prepare(const struct feed_doc *doc)
{
	struct db_doc_prep	*dp;
	size_t			 i;

	dp = xmalloc(sizeof *dp + doc->nitems * sizeof dp->items[0]);
	dp->n = doc->nitems;
	for (i = 0; i < doc->nitems; i++)
		db_items_prep(&doc->items[i], &dp->items[i]);
	return (dp);
}

void
db_items_doc_prep_free(struct db_doc_prep *dp)
{
	size_t	i;

	if (dp == NULL)
		return;
	for (i = 0; i < dp->n; i++)
		db_items_prep_fini(&dp->items[i]);
	free(dp);
}

/* Store one item; returns 1 new, 2 updated, 0 unchanged, -1 error. */
static int
db_items_one(struct db *db, sqlite3_stmt **st, int64_t feed_id,
    const struct feed_item *it, const struct db_item_prep *p, int64_t now,
    char **cause)
{
	const char	*ident = p->ident, *cats = p->cats, *encl = p->encl;
	int64_t		 hash = p->hash, id;
	int		 rc, ret = -1;

	sqlite3_bind_int64(st[ST_FIND], 1, feed_id);
	db_bind_text(st[ST_FIND], 2, ident);
	rc = sqlite3_step(st[ST_FIND]);
	if (rc == SQLITE_ROW) {
		id = sqlite3_column_int64(st[ST_FIND], 0);
		if (sqlite3_column_int64(st[ST_FIND], 1) == hash) {
			ret = 0;
			goto out;
		}
		/* Changed upstream: out of the index, then rewritten in
		 * place so read and starred stay as they were. */
		sqlite3_reset(st[ST_FIND]);
		if (db_fts_forget(db, id, cause) != 0)
			goto out;
		sqlite3_bind_int64(st[ST_UPDATE], 1, id);
		db_items_bind(st[ST_UPDATE], it, cats, encl, hash);
		if (sqlite3_step(st[ST_UPDATE]) != SQLITE_DONE)
			goto fail;
		sqlite3_bind_int64(st[ST_PENDING], 1, id);
		if (sqlite3_step(st[ST_PENDING]) != SQLITE_DONE)
			goto fail;
		ret = 2;
		goto out;
	}
	if (rc != SQLITE_DONE)
		goto fail;

	sqlite3_bind_int64(st[ST_GONE], 1, feed_id);
	db_bind_text(st[ST_GONE], 2, ident);
	rc = sqlite3_step(st[ST_GONE]);
	if (rc == SQLITE_ROW) {
		/* Removed by retention but still in the document. */
		if (sqlite3_column_int64(st[ST_GONE], 0) < now - DB_GONE_TOUCH) {
			sqlite3_bind_int64(st[ST_TOUCH], 1, feed_id);
			db_bind_text(st[ST_TOUCH], 2, ident);
			sqlite3_bind_int64(st[ST_TOUCH], 3, now);
			if (sqlite3_step(st[ST_TOUCH]) != SQLITE_DONE)
				goto fail;
		}
		ret = 0;
		goto out;
	}
	if (rc != SQLITE_DONE)
		goto fail;

	sqlite3_bind_int64(st[ST_INSERT], 1, feed_id);
	db_bind_text(st[ST_INSERT], 2, ident);
	sqlite3_bind_int64(st[ST_INSERT], 3, now);
	db_items_bind(st[ST_INSERT], it, cats, encl, hash);
	if (sqlite3_step(st[ST_INSERT]) != SQLITE_DONE)
		goto fail;
	sqlite3_bind_int64(st[ST_PENDING], 1, sqlite3_last_insert_rowid(
	    db->sq));
	if (sqlite3_step(st[ST_PENDING]) != SQLITE_DONE)
		goto fail;
	ret = 1;
	goto out;
fail:
	*cause = db_errmsg(db, _("cannot store an item"));
out:
	for (rc = 0; rc < ST_COUNT; rc++) {
		sqlite3_reset(st[rc]);
		sqlite3_clear_bindings(st[rc]);
	}
	return (ret);
}

int
db_items_store(struct db *db, int64_t feed_id, const struct feed_doc *doc,
    const struct db_doc_prep *dp, int64_t now, struct db_store_stats *stats,
    char **cause)
{
	sqlite3_stmt		*st[ST_COUNT] = { NULL };
	struct db_doc_prep	*own = NULL;
	size_t			 i;
	int			 k, rc = -1;

	if (dp == NULL || dp->n != doc->nitems)
		dp = own = db_items_doc_prepare(doc);
	for (k = 0; k < ST_COUNT; k++)
		if (db_prepare(db, db_items_sql[k], &st[k], cause) != 0)
			goto out;
	/*
	 * Last item first: items that tie on the sort key (undated ones
	 * all take the time they were first seen) are listed by id,
	 * highest first, so the feed's first item gets the highest id and
	 * the list keeps the feed's own order.
	 */
	for (i = doc->nitems; i-- > 0;) {
		switch (db_items_one(db, st, feed_id, &doc->items[i],
		    &dp->items[i], now, cause)) {
		case -1:
			goto out;
		case 1:
			stats->new_items++;
			break;
		case 2:
			stats->updated_items++;
			break;
		}
	}
	rc = 0;
out:
	for (k = 0; k < ST_COUNT; k++)
		sqlite3_finalize(st[k]);
	db_items_doc_prep_free(own);
	return (rc);
}

/*
 * Retention: past max_items (newest first) or older than keep_days, items
 * go, except starred ones and, with keep_unread, unread ones; so do those
 * the killfile names, unless starred. Each leaves a tombstone so that it
 * does not come back from the feed as new.
 */
int
db_items_retain(struct db *db, int64_t feed_id, const struct db_retention *k,
    int64_t now, struct db_store_stats *stats, char **cause)
{
	sqlite3_stmt	*sel = NULL, *gone = NULL, *del = NULL, *pend = NULL;
	int64_t		 id;
	char		*sql;
	int		 rc, ret = -1;

	if (k->max_items <= 0 && k->keep_days <= 0 && k->ignore == NULL)
		return (0);
	sql = xasprintf("SELECT id, ident FROM items WHERE feed_id = ?1 "
	    "AND starred = 0 AND (((read = 1 OR ?2 = 0) AND ("
	    "(?3 > 0 AND id NOT IN (SELECT id FROM items WHERE feed_id = ?1 "
	    "ORDER BY date DESC, id DESC LIMIT ?3)) OR "
	    "(?4 > 0 AND date < ?5 - ?4 * 86400))) OR (%s))",
	    k->ignore != NULL ? k->ignore : "0");
	rc = db_prepare(db, sql, &sel, cause);
	free(sql);
	if (rc != 0 ||
	    db_prepare(db, "INSERT OR REPLACE INTO items_gone (feed_id, ident, "
	    "gone_at) VALUES (?, ?, ?)", &gone, cause) != 0 ||
	    db_prepare(db, "DELETE FROM items WHERE id = ?", &del, cause) != 0 ||
	    db_prepare(db, "DELETE FROM fts_pending WHERE id = ?", &pend,
	    cause) != 0)
		goto out;
	sqlite3_bind_int64(sel, 1, feed_id);
	sqlite3_bind_int(sel, 2, k->keep_unread);
	sqlite3_bind_int(sel, 3, k->max_items);
	sqlite3_bind_int(sel, 4, k->keep_days);
	sqlite3_bind_int64(sel, 5, now);
	while ((rc = sqlite3_step(sel)) == SQLITE_ROW) {
		id = sqlite3_column_int64(sel, 0);
		if (db_fts_forget(db, id, cause) != 0)
			goto out;
		sqlite3_bind_int64(gone, 1, feed_id);
		sqlite3_bind_value(gone, 2, sqlite3_column_value(sel, 1));
		sqlite3_bind_int64(gone, 3, now);
		sqlite3_bind_int64(del, 1, id);
		sqlite3_bind_int64(pend, 1, id);
		if (sqlite3_step(gone) != SQLITE_DONE ||
		    sqlite3_step(del) != SQLITE_DONE ||
		    sqlite3_step(pend) != SQLITE_DONE) {
			*cause = db_errmsg(db, _("cannot remove old items"));
			goto out;
		}
		sqlite3_reset(gone);
		sqlite3_reset(del);
		sqlite3_reset(pend);
		stats->deleted_items++;
	}
	if (rc != SQLITE_DONE) {
		*cause = db_errmsg(db, _("cannot remove old items"));
		goto out;
	}
	sqlite3_finalize(del);
	del = NULL;
	if (db_prepare(db, "DELETE FROM items_gone WHERE feed_id = ? AND "
	    "gone_at < ?", &del, cause) != 0)
		goto out;
	sqlite3_bind_int64(del, 1, feed_id);
	sqlite3_bind_int64(del, 2, now - DB_GONE_KEEP);
	if (sqlite3_step(del) != SQLITE_DONE) {
		*cause = db_errmsg(db, _("cannot remove old items"));
		goto out;
	}
	ret = 0;
out:
	sqlite3_finalize(sel);
	sqlite3_finalize(gone);
	sqlite3_finalize(del);
	sqlite3_finalize(pend);
	return (ret);
}

/* One UPDATE in its own write transaction. */
static int
db_items_mark(struct db *db, const char *sql, int64_t id, int val,
    char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (db_begin(db, cause) != 0)
		return (-1);
	if (db_prepare(db, sql, &st, cause) != 0) {
		db_rollback(db);
		return (-1);
	}
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, val);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		*cause = db_errmsg(db, _("cannot store a mark"));
		db_rollback(db);
		return (-1);
	}
	return (db_commit(db, cause));
}

int
db_items_set_read(struct db *db, int64_t id, int read, char **cause)
{
	return (db_items_mark(db, "UPDATE items SET read = ?2 WHERE id = ?1",
	    id, read != 0, cause));
}

int
db_items_set_starred(struct db *db, int64_t id, int starred, char **cause)
{
	return (db_items_mark(db, "UPDATE items SET starred = ?2 WHERE "
	    "id = ?1", id, starred != 0, cause));
}

int
db_items_feed_set_read(struct db *db, int64_t feed_id, char **cause)
{
	return (db_items_mark(db, "UPDATE items SET read = ?2 WHERE "
	    "feed_id = ?1 AND read = 0", feed_id, 1, cause));
}
