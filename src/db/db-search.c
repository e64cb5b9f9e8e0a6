/*
 * The search prompt's words into an FTS5 query. The index holds whole
 * terms, so a plain word becomes the OR of the terms that contain it
 * (db-terms.c): "episo" finds "episode", and a CJK word is found inside
 * the run of CJK characters that unicode61 keeps as one term. Every
 * string is quoted, so that '(', '-', AND or NEAR typed by the user are
 * only text.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "db/db-int.h"
#include "db/db-fold.h"
#include "db/db-search.h"
#include "db/db-terms.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

struct db_search {
	char	*words;
	char	*fts;
	int64_t	 stamp;
	char	*capped;	/* the first word cut to its shortest terms */
	char	*phrases;	/* for tidings_phrases(), or NULL */
	/* What temp.search_hits holds: the matches of these words, as of
	 * the cache's data version and this connection's index changes. */
	char	*hit_words;
	int64_t	 hit_version;
	unsigned long hit_gen;
};

/* The folded terms of one word or phrase. */
struct db_search_toks {
	char	**v;
	size_t	  n;
};

static int
db_search_tok(void *arg, const char *tok, size_t len)
{
	struct db_search_toks	*t = arg;

	/* A phrase of more than this many words is cut. */
	if (t->n == 64)
		return (0);
	t->v = xreallocarray(t->v, t->n + 1, sizeof *t->v);
	t->v[t->n++] = xstrndup(tok, len);
	return (0);
}

static void
db_search_string(struct buf *b, const char *s)
{
	buf_addc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			buf_addc(b, '"');
		buf_addc(b, *s);
	}
	buf_addc(b, '"');
}

/*
 * Whole terms, the last one a prefix when asked. The index cannot tell
 * whether terms come in a row (detail=column): FTS5 is asked for every
 * one of them, and a phrase of more than one goes into spec for
 * tidings_phrases() to check (db-phrase.c).
 */
static void
db_search_phrase(struct buf *b, struct buf *spec,
    const struct db_search_toks *t, int prefix)
{
	size_t	i;

	if (t->n > 1)
		buf_addc(b, '(');
	for (i = 0; i < t->n; i++) {
		if (i > 0)
			buf_adds(b, " AND ");
		db_search_string(b, t->v[i]);
	}
	if (prefix)
		buf_addc(b, '*');
	if (t->n == 1)
		return;
	buf_addc(b, ')');
	if (spec->len > 0)
		buf_addc(spec, '\n');
	for (i = 0; i < t->n; i++) {
		if (i > 0)
			buf_addc(spec, '\t');
		buf_adds(spec, t->v[i]);
	}
	if (prefix)
		buf_addc(spec, '*');
}

/* One term, or any term that contains it; *capped names the first
 * word that stands for more terms than are searched. */
static int
db_search_inside(struct db *db, struct buf *b, const char *tok,
    char **capped, char **cause)
{
	char	**l;
	size_t	  n, i;
	int	  more;

	if (db_terms_containing(db, tok, strlen(tok), DB_SEARCH_MAX_TERMS,
	    &l, &n, &more, cause) != 0)
		return (-1);
	if (more && *capped == NULL)
		*capped = xstrdup(tok);
	buf_addc(b, '(');
	db_search_string(b, tok);
	for (i = 0; i < n; i++) {
		if (strcmp(l[i], tok) == 0)
			continue;
		buf_adds(b, " OR ");
		db_search_string(b, l[i]);
	}
	buf_addc(b, ')');
	db_terms_list_free(l, n);
	return (0);
}

static char *
db_search_build(struct db *db, const char *words, char **capped,
    char **phrases, char **cause)
{
	struct db_fold		*fold;
	struct db_search_toks	 t;
	struct buf		 b, spec;
	const char		*p = words, *start, *end;
	size_t			 len, i;
	int			 prefix, phrase, any = 0, rc = 0;

	if ((fold = db_fold_open(db, cause)) == NULL)
		return (NULL);
	buf_init(&b, 0);
	buf_init(&spec, 0);
	while (*p != '\0' && rc == 0) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		if ((phrase = *p == '"')) {
			start = ++p;
			if ((end = strchr(start, '"')) == NULL)
				end = start + strlen(start);
			p = *end == '"' ? end + 1 : end;
		} else {
			start = p;
			p += strcspn(p, " \t");
			end = p;
		}
		len = (size_t)(end - start);
		prefix = len > 1 && start[len - 1] == '*';
		memset(&t, 0, sizeof t);
		(void)db_fold_tokens(fold, start, len, db_search_tok, &t);
		if (t.n > 0) {
			if (any)
				buf_adds(&b, " AND ");
			if (!phrase && !prefix && t.n == 1)
				rc = db_search_inside(db, &b, t.v[0], capped,
				    cause);
			else
				db_search_phrase(&b, &spec, &t, prefix);
			any = 1;
		}
		for (i = 0; i < t.n; i++)
			free(t.v[i]);
		free(t.v);
	}
	db_fold_close(fold);
	if (rc != 0) {
		buf_fini(&b);
		buf_fini(&spec);
		return (NULL);
	}
	if (spec.len > 0)
		*phrases = buf_detach(&spec);
	else
		buf_fini(&spec);
	/* Nothing but blanks and punctuation: matches nothing. */
	if (!any)
		buf_adds(&b, "\"\"");
	return (buf_detach(&b));
}

char *
db_search_query(struct db *db, const char *words, char **cause)
{
	struct db_search	*s = db->search;
	int64_t			 stamp;
	char			*fts, *capped = NULL, *phrases = NULL;

	stamp = db_terms_stamp(db);
	if (s != NULL && s->words != NULL && stamp != -1 &&
	    s->stamp == stamp && strcmp(s->words, words) == 0)
		return (xstrdup(s->fts));
	if ((fts = db_search_build(db, words, &capped, &phrases, cause)) ==
	    NULL) {
		free(capped);
		return (NULL);
	}
	if (s == NULL)
		s = db->search = xcalloc(1, sizeof *s);
	free(s->words);
	free(s->fts);
	free(s->capped);
	free(s->phrases);
	s->words = xstrdup(words);
	s->fts = xstrdup(fts);
	s->stamp = stamp;
	s->capped = capped;
	s->phrases = phrases;
	return (fts);
}

const char *
db_search_capped(struct db *db)
{
	return (db->search != NULL ? db->search->capped : NULL);
}

/* Another connection's commits change it; this one's do not. */
static int64_t
db_search_data_version(struct db *db)
{
	sqlite3_stmt	*st;
	char		*cause = NULL;
	int64_t		 v = -1;

	if (db_prepare(db, "PRAGMA data_version", &st, &cause) != 0) {
		free(cause);
		return (-1);
	}
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return (v);
}

/*
 * A list of search results asks for its count, its rows a screenful at a
 * time, positions and the next unread article, each a query over the
 * matches: the FTS5 query (tens of milliseconds for a frequent word at a
 * million items) runs once and its rowids are kept in a temporary table
 * until the words or the index change.
 */
int
db_search_hits(struct db *db, const char *words, char **cause)
{
	struct db_search	*s;
	sqlite3_stmt		*st;
	int64_t			 version;
	char			*fts;
	int			 rc;

	version = db_search_data_version(db);
	s = db->search;
	if (s != NULL && s->hit_words != NULL && version != -1 &&
	    s->hit_version == version && s->hit_gen == db->fts_gen &&
	    strcmp(s->hit_words, words) == 0)
		return (0);
	if ((fts = db_search_query(db, words, cause)) == NULL)
		return (-1);
	s = db->search;
	free(s->hit_words);
	s->hit_words = NULL;
	if (db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS search_hits "
	    "(id INTEGER PRIMARY KEY); DELETE FROM temp.search_hits", cause)
	    != 0 || db_prepare(db, s->phrases == NULL ?
	    "INSERT INTO temp.search_hits SELECT rowid FROM items_fts "
	    "WHERE items_fts MATCH ?1 ORDER BY rowid DESC "
	    "LIMIT " DB_SEARCH_XSTR(DB_SEARCH_MAX_RESULTS) :
	    /* Newest first, each with every word looked at for its phrases
	     * until enough are found. */
	    "INSERT INTO temp.search_hits SELECT f.rowid FROM items_fts f "
	    "JOIN items i ON i.id = f.rowid LEFT JOIN fulltext t ON "
	    "t.id = f.rowid WHERE f.items_fts MATCH ?1 AND "
	    "tidings_phrases(?2, i.title, i.author, i.summary, i.content, "
	    "t.html) ORDER BY f.rowid DESC "
	    "LIMIT " DB_SEARCH_XSTR(DB_SEARCH_MAX_RESULTS), &st, cause) != 0) {
		free(fts);
		return (-1);
	}
	sqlite3_bind_text(st, 1, fts, -1, free);
	if (s->phrases != NULL)
		sqlite3_bind_text(st, 2, s->phrases, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		*cause = db_errmsg(db, _("cannot read the cache"));
		return (-1);
	}
	s->hit_words = xstrdup(words);
	s->hit_version = version;
	s->hit_gen = db->fts_gen;
	return (0);
}

void
db_search_free(struct db_search *s)
{
	if (s == NULL)
		return;
	free(s->words);
	free(s->fts);
	free(s->capped);
	free(s->phrases);
	free(s->hit_words);
	free(s);
}
