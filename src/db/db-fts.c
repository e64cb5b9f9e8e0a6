/*
 * The full-text index. items_fts is contentless (the text is already in
 * items and fulltext), so an entry is removed by handing FTS5 the same values again;
 * db_fts_text() must therefore be a pure function of the stored row, and
 * changing what it returns needs a schema step that rebuilds items_fts.
 * Indexing is kept off the refresh's critical path: stored and changed
 * items are listed in fts_pending, and db_fts_catch_up() indexes them in
 * batches afterwards. (A flag column would rewrite the whole row, article
 * text and all, just to mark it indexed.)
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "db/db-int.h"
#include "db/db-terms.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

static const struct {
	const char	*name;
	const char	*text;
} db_fts_entities[] = {
	{ "amp;", "&" }, { "lt;", "<" }, { "gt;", ">" }, { "quot;", "\"" },
	{ "apos;", "'" }, { "nbsp;", " " },
};

/*
 * HTML to words for the index. Hand-written rather than gumbo: the index
 * only needs the words (tags become spaces, common entities decoded), and a
 * full HTML5 parse of every item would cost more than the indexing itself.
 */
static void
db_fts_strip(struct buf *b, const char *s)
{
	char		*end;
	char		 u[4];
	unsigned long	 cp;
	size_t		 i, n;

	while (*s != '\0') {
		if (*s == '<') {
			s = strchr(s, '>');
			if (s == NULL)
				return;
			s++;
			buf_addc(b, ' ');
			continue;
		}
		if (*s != '&') {
			/* Copy the run of plain text in one go. */
			n = strcspn(s, "<&");
			buf_add(b, s, n);
			s += n;
			continue;
		}
		s++;
		if (*s == '#') {
			if (s[1] == 'x' || s[1] == 'X')
				cp = strtoul(s + 2, &end, 16);
			else
				cp = strtoul(s + 1, &end, 10);
			if (*end == ';' && cp > 0 && cp < 0x110000) {
				n = sanitize_utf8_encode((unsigned int)cp, u);
				buf_add(b, u, n);
				s = end + 1;
			} else
				buf_addc(b, '&');
			continue;
		}
		for (i = 0; i < sizeof db_fts_entities /
		    sizeof db_fts_entities[0]; i++) {
			n = strlen(db_fts_entities[i].name);
			if (strncmp(s, db_fts_entities[i].name, n) == 0) {
				buf_adds(b, db_fts_entities[i].text);
				s += n;
				break;
			}
		}
		if (i == sizeof db_fts_entities / sizeof db_fts_entities[0])
			buf_addc(b, '&');
	}
}

char *
db_fts_text(const char *summary, const char *content, const char *fulltext)
{
	struct buf	b;

	buf_init(&b, 0);
	if (summary != NULL)
		db_fts_strip(&b, summary);
	/* Many feeds repeat the summary as the content. */
	if (content != NULL && (summary == NULL ||
	    strcmp(summary, content) != 0)) {
		buf_addc(&b, ' ');
		db_fts_strip(&b, content);
	}
	/* The article fetched from the item's page (schema 4); NULL for
	 * every item indexed before, so their entries stay valid. */
	if (fulltext != NULL) {
		buf_addc(&b, ' ');
		db_fts_strip(&b, fulltext);
	}
	return (buf_detach(&b));
}

/* The FTS5 row for item id, inserted (its terms into terms) or
 * ('delete', terms NULL) removed. */
static int
db_fts_put(struct db *db, sqlite3_stmt *ins, sqlite3_stmt *row,
    struct db_terms *terms, char **cause)
{
	struct db_terms	*once;
	int		 del = terms == NULL;
	char		*text;
	int		 rc;

	text = db_fts_text((const char *)sqlite3_column_text(row, 3),
	    (const char *)sqlite3_column_text(row, 4),
	    (const char *)sqlite3_column_text(row, 5));
	if (del)
		sqlite3_bind_text(ins, 1, "delete", -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(ins, 1);
	sqlite3_bind_int64(ins, 2, sqlite3_column_int64(row, 0));
	sqlite3_bind_value(ins, 3, sqlite3_column_value(row, 1));
	sqlite3_bind_value(ins, 4, sqlite3_column_value(row, 2));
	sqlite3_bind_text(ins, 5, text, -1, SQLITE_STATIC);
	/* Deletes as well: the same terms once each, as they went in. */
	if ((once = terms) == NULL &&
	    (once = db_terms_get(db, cause)) == NULL) {
		free(text);
		return (-1);
	}
	db_terms_collect(once, del ? DB_TERMS_ONCE : DB_TERMS_COLLECT);
	db->fts_gen++;		/* kept search results are out of date */
	rc = sqlite3_step(ins);
	db_terms_collect(once, 0);
	sqlite3_reset(ins);
	free(text);
	if (rc != SQLITE_DONE) {
		*cause = db_errmsg(db, _("cannot update the search index"));
		return (-1);
	}
	return (0);
}

#define DB_FTS_INSERT \
	"INSERT INTO items_fts (items_fts, rowid, title, author, text) " \
	"VALUES (?, ?, ?, ?, ?)"

/* Take an item out of the index (if it is in), before it changes. */
int
db_fts_forget(struct db *db, int64_t id, char **cause)
{
	sqlite3_stmt	*row = NULL, *ins = NULL;
	int		 rc = -1;

	if (db_prepare(db, "SELECT i.id, i.title, i.author, i.summary, "
	    "i.content, t.html FROM items i LEFT JOIN fulltext t ON t.id = "
	    "i.id WHERE i.id = ?1 AND i.id NOT IN (SELECT id FROM fts_pending "
	    "WHERE id = ?1)", &row, cause) != 0)
		return (-1);
	sqlite3_bind_int64(row, 1, id);
	switch (sqlite3_step(row)) {
	case SQLITE_DONE:
		rc = 0;
		break;
	case SQLITE_ROW:
		if (db_prepare(db, DB_FTS_INSERT, &ins, cause) == 0)
			rc = db_fts_put(db, ins, row, NULL, cause);
		break;
	default:
		*cause = db_errmsg(db, _("cannot update the search index"));
		break;
	}
	sqlite3_finalize(ins);
	sqlite3_finalize(row);
	return (rc);
}

int
db_fts_catch_up(struct db *db, size_t budget, size_t *done_n, size_t *left,
    char **cause)
{
	sqlite3_stmt	*row = NULL, *ins = NULL, *done = NULL;
	struct db_terms	*terms;
	int		 rc;

	if ((terms = db_terms_get(db, cause)) == NULL)
		return (-1);
	if (left != NULL)
		*left = 0;
	if (done_n != NULL)
		*done_n = 0;
	if (db_begin(db, cause) != 0)
		return (-1);
	if (db_prepare(db, "SELECT i.id, i.title, i.author, i.summary, "
	    "i.content, t.html FROM fts_pending p JOIN items i ON i.id = p.id "
	    "LEFT JOIN fulltext t ON t.id = i.id "
	    "ORDER BY p.id LIMIT ?", &row, cause) != 0 ||
	    db_prepare(db, DB_FTS_INSERT, &ins, cause) != 0 ||
	    db_prepare(db, "DELETE FROM fts_pending WHERE id = ?", &done,
	    cause) != 0)
		goto fail;
	sqlite3_bind_int64(row, 1, (int64_t)budget);
	while ((rc = sqlite3_step(row)) == SQLITE_ROW) {
		if (db_fts_put(db, ins, row, terms, cause) != 0)
			goto fail;
		sqlite3_bind_int64(done, 1, sqlite3_column_int64(row, 0));
		if (sqlite3_step(done) != SQLITE_DONE) {
			*cause = db_errmsg(db, _("cannot update the search "
			    "index"));
			goto fail;
		}
		sqlite3_reset(done);
		if (done_n != NULL)
			(*done_n)++;
	}
	if (rc != SQLITE_DONE) {
		*cause = db_errmsg(db, _("cannot update the search index"));
		goto fail;
	}
	sqlite3_finalize(row);
	row = NULL;
	if (db_terms_flush(db, terms, cause) != 0)
		goto fail;
	if (left != NULL) {
		if (db_prepare(db, "SELECT count(*) FROM fts_pending", &row,
		    cause) != 0)
			goto fail;
		if (sqlite3_step(row) == SQLITE_ROW)
			*left = (size_t)sqlite3_column_int64(row, 0);
	}
	sqlite3_finalize(row);
	sqlite3_finalize(ins);
	sqlite3_finalize(done);
	if (db_commit(db, cause) != 0) {
		db_terms_reset(terms);
		return (-1);
	}
	return (0);
fail:
	sqlite3_finalize(row);
	sqlite3_finalize(ins);
	sqlite3_finalize(done);
	db_terms_reset(terms);
	db_rollback(db);
	return (-1);
}
