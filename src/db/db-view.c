/*
 * The reader's feed-level queries and marks: the feed list with its
 * counts, tags, totals, one article, and the read and starred marks.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db-int.h"
#include "db/db-view.h"
#include "db/db-view-int.h"
#include "util/i18n.h"
#include "util/tags.h"
#include "util/xmalloc.h"

/* Ceilings: a feed list or tag list past these is cut with an error. */
#define DB_VIEW_MAX_FEEDS	100000
#define DB_VIEW_MAX_TAGS	10000
#define DB_VIEW_MAX_ENCLOSURES	64

int
db_view_feeds(struct db *db, const char *tag, int hide_read,
    struct db_view_feed **out, size_t *n, char **cause)
{
	static const char sql[] =
	    "SELECT f.id, coalesce(nullif(f.custom_title, ''), "
	    "nullif(f.title, ''), f.url), f.url, f.tags, f.last_error, "
	    "coalesce(c.unread, 0), coalesce(c.total, 0), f.site_link, "
	    "f.position "
	    "FROM feeds f LEFT JOIN feed_counts c ON c.feed_id = f.id "
	    "WHERE f.position >= 0 ORDER BY f.position, f.id";
	sqlite3_stmt		*st;
	struct db_view_feed	 f;
	size_t			 cap = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	if (db_prepare(db, sql, &st, cause) != 0)
		return (-1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&f, 0, sizeof f);
		f.id = sqlite3_column_int64(st, 0);
		f.tags = db_column_strdup(st, 3);
		f.unread = sqlite3_column_int64(st, 5);
		f.total = sqlite3_column_int64(st, 6);
		if (db->hidden != NULL) {
			int64_t	ht, hu, hs;

			if (db_view_hidden_counts(db, f.id, &ht, &hu,
			    &hs) == 0) {
				f.total -= ht;
				f.unread -= hu;
			}
		}
		if ((tag != NULL && (f.tags == NULL ||
		    !tags_has(f.tags, tag))) ||
		    (hide_read && f.unread == 0)) {
			free(f.tags);
			continue;
		}
		if (*n == DB_VIEW_MAX_FEEDS) {
			free(f.tags);
			*cause = xasprintf(_("more than %d feeds"),
			    DB_VIEW_MAX_FEEDS);
			sqlite3_finalize(st);
			return (-1);
		}
		f.title = db_column_strdup(st, 1);
		f.url = db_column_strdup(st, 2);
		f.error = db_column_strdup(st, 4);
		f.site_link = db_column_strdup(st, 7);
		f.position = sqlite3_column_int(st, 8);
		if (f.title == NULL)
			f.title = xstrdup("");
		if (*n == cap) {
			cap = cap ? cap * 2 : 32;
			*out = xreallocarray(*out, cap, sizeof **out);
		}
		(*out)[(*n)++] = f;
	}
	if (rc != SQLITE_DONE) {
		*cause = db_errmsg(db, _("cannot read the cache"));
		sqlite3_finalize(st);
		return (-1);
	}
	sqlite3_finalize(st);
	return (0);
}

void
db_view_feeds_free_one(struct db_view_feed *f)
{
	free(f->title);
	free(f->url);
	free(f->site_link);
	free(f->tags);
	free(f->error);
	free(f->query);
}

void
db_view_feeds_free(struct db_view_feed *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		db_view_feeds_free_one(&v[i]);
	free(v);
}

static int
db_view_strcmp(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

int
db_view_tags(struct db *db, char ***out, size_t *n, char **cause)
{
	sqlite3_stmt	*st;
	const char	*tags, *p, *end;
	char		*t;
	size_t		 i;
	int		 dup;

	*out = NULL;
	*n = 0;
	if (db_prepare(db, "SELECT tags FROM feeds WHERE tags "
	    "<> '' AND position >= 0", &st, cause) != 0)
		return (-1);
	while (sqlite3_step(st) == SQLITE_ROW) {
		tags = (const char *)sqlite3_column_text(st, 0);
		for (p = tags; p != NULL && *p != '\0'; p = end) {
			while (*p == '\t')
				p++;
			if (*p == '\0')
				break;
			if ((end = strchr(p, '\t')) == NULL)
				end = p + strlen(p);
			t = xstrndup(p, (size_t)(end - p));
			for (dup = 0, i = 0; i < *n && !dup; i++)
				dup = strcmp((*out)[i], t) == 0;
			if (dup || *n == DB_VIEW_MAX_TAGS) {
				free(t);
				continue;
			}
			*out = xreallocarray(*out, *n + 1, sizeof **out);
			(*out)[(*n)++] = t;
		}
	}
	sqlite3_finalize(st);
	if (*n > 0)
		qsort(*out, *n, sizeof **out, db_view_strcmp);
	return (0);
}

void
db_view_tags_free(char **v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

int
db_view_totals(struct db *db, int64_t *unread, int64_t *starred, char **cause)
{
	sqlite3_stmt	*st;

	*unread = *starred = 0;
	/* From the trigger-kept counts of the subscribed feeds. */
	if (db_prepare(db, "SELECT coalesce(sum(c.unread), 0), "
	    "coalesce(sum(c.starred), 0) FROM feed_counts c JOIN feeds f ON "
	    "f.id = c.feed_id WHERE f.position >= 0", &st, cause) != 0)
		return (-1);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*unread = sqlite3_column_int64(st, 0);
		*starred = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (db->hidden != NULL) {
		int64_t	ht, hu, hs;

		if (db_view_hidden_counts(db, 0, &ht, &hu, &hs) == 0) {
			*unread -= hu;
			*starred -= hs;
		}
	}
	return (0);
}

/* The enclosures column: lines "URL\tTYPE\tLENGTH". */
static void
db_view_enclosures(const char *text, struct db_view_article *a)
{
	const char	*p = text, *eol, *tab, *tab2;
	char		*url, *type;

	while (p != NULL && *p != '\0' &&
	    a->nenclosures < DB_VIEW_MAX_ENCLOSURES) {
		if ((eol = strchr(p, '\n')) == NULL)
			eol = p + strlen(p);
		if ((tab = memchr(p, '\t', (size_t)(eol - p))) == NULL)
			tab = eol;
		url = xstrndup(p, (size_t)(tab - p));
		type = NULL;
		if (tab < eol) {
			if ((tab2 = memchr(tab + 1, '\t',
			    (size_t)(eol - tab - 1))) == NULL)
				tab2 = eol;
			if (tab2 > tab + 1)
				type = xstrndup(tab + 1,
				    (size_t)(tab2 - tab - 1));
		}
		if (*url != '\0') {
			a->enclosures = xreallocarray(a->enclosures,
			    a->nenclosures + 1, sizeof *a->enclosures);
			a->enclosures[a->nenclosures].url = url;
			a->enclosures[a->nenclosures++].type = type;
		} else {
			free(url);
			free(type);
		}
		p = *eol != '\0' ? eol + 1 : eol;
	}
}

int
db_view_article(struct db *db, int64_t id, struct db_view_article **out,
    char **cause)
{
	static const char sql[] =
	    "SELECT i.id, i.feed_id, i." DB_VIEW_SQL_PUB ", 1 - i.read, "
	    "i.starred, i.title, i.author, i.link, "
	    "coalesce(nullif(f.custom_title, ''), nullif(f.title, ''), "
	    "f.url), coalesce(nullif(i.content, ''), i.summary), f.url, "
	    "i.enclosures, f.tags, length(i.content), length(i.summary), "
	    "t.id IS NOT NULL AND (t.retry_at IS NULL OR "
	    "t.retry_at > CAST(strftime('%s', 'now') AS INTEGER)), "
	    "t.html, t.error "
	    "FROM items i JOIN feeds f ON f.id = i.feed_id "
	    "LEFT JOIN fulltext t ON t.id = i.id WHERE i.id = ?1";
	struct db_view_article	*a;
	sqlite3_stmt		*st;
	int			 rc;

	*out = NULL;
	if (db_prepare(db, sql, &st, cause) != 0)
		return (-1);
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		*cause = rc == SQLITE_DONE ? xstrdup(_("no such article")) :
		    db_errmsg(db, _("cannot read the cache"));
		sqlite3_finalize(st);
		return (-1);
	}
	a = xcalloc(1, sizeof *a);
	a->item.id = sqlite3_column_int64(st, 0);
	a->item.feed_id = sqlite3_column_int64(st, 1);
	a->item.published = sqlite3_column_int64(st, 2);
	a->item.unread = sqlite3_column_int(st, 3);
	a->item.starred = sqlite3_column_int(st, 4);
	a->item.title = db_column_strdup(st, 5);
	a->item.author = db_column_strdup(st, 6);
	a->item.link = db_column_strdup(st, 7);
	a->feed_title = db_column_strdup(st, 8);
	a->body = db_column_strdup(st, 9);
	a->base_url = db_column_strdup(st, 7);
	if (a->base_url == NULL)
		a->base_url = db_column_strdup(st, 10);
	db_view_enclosures((const char *)sqlite3_column_text(st, 11), a);
	a->feed_url = db_column_strdup(st, 10);
	a->feed_tags = db_column_strdup(st, 12);
	a->content_len = (size_t)sqlite3_column_int64(st, 13);
	a->summary_len = (size_t)sqlite3_column_int64(st, 14);
	a->fulltext_tried = sqlite3_column_int(st, 15);
	a->fulltext = db_column_strdup(st, 16);
	a->fulltext_error = db_column_strdup(st, 17);
	sqlite3_finalize(st);
	*out = a;
	return (0);
}

void
db_view_article_free(struct db_view_article *a)
{
	size_t	i;

	if (a == NULL)
		return;
	free(a->item.title);
	free(a->item.author);
	free(a->item.link);
	free(a->feed_title);
	free(a->feed_url);
	free(a->feed_tags);
	free(a->fulltext);
	free(a->fulltext_error);
	free(a->body);
	free(a->base_url);
	for (i = 0; i < a->nenclosures; i++) {
		free(a->enclosures[i].url);
		free(a->enclosures[i].type);
	}
	free(a->enclosures);
	free(a);
}

static int
db_view_set(struct db *db, const char *sql, int64_t id, int v, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (db_prepare(db, sql, &st, cause) != 0)
		return (-1);
	sqlite3_bind_int(st, 1, v);
	sqlite3_bind_int64(st, 2, id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		*cause = db_errmsg(db, _("cannot store a mark"));
		return (-1);
	}
	return (0);
}

int
db_view_set_unread(struct db *db, int64_t id, int unread, char **cause)
{
	return (db_view_set(db, "UPDATE items SET read = ?1 WHERE id = ?2",
	    id, unread == 0, cause));
}

int
db_view_set_starred(struct db *db, int64_t id, int starred, char **cause)
{
	return (db_view_set(db, "UPDATE items SET starred = ?1 WHERE id = ?2",
	    id, starred != 0, cause));
}
