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
#include "util/xmalloc.h"

struct db_search {
	char	*words;
	char	*fts;
	int64_t	 stamp;
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

/* Whole terms in a row, the last one a prefix when asked. */
static void
db_search_phrase(struct buf *b, const struct db_search_toks *t, int prefix)
{
	size_t	i;

	for (i = 0; i < t->n; i++) {
		if (i > 0)
			buf_adds(b, " + ");
		db_search_string(b, t->v[i]);
	}
	if (prefix)
		buf_addc(b, '*');
}

/* One term, or any term that contains it. */
static int
db_search_inside(struct db *db, struct buf *b, const char *tok, char **cause)
{
	char	**l;
	size_t	  n, i;
	int	  more;

	if (db_terms_containing(db, tok, strlen(tok), DB_SEARCH_MAX_TERMS,
	    &l, &n, &more, cause) != 0)
		return (-1);
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
db_search_build(struct db *db, const char *words, char **cause)
{
	struct db_fold		*fold;
	struct db_search_toks	 t;
	struct buf		 b;
	const char		*p = words, *start, *end;
	size_t			 len, i;
	int			 prefix, phrase, any = 0, rc = 0;

	if ((fold = db_fold_open(db, cause)) == NULL)
		return (NULL);
	buf_init(&b, 0);
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
				rc = db_search_inside(db, &b, t.v[0], cause);
			else
				db_search_phrase(&b, &t, prefix);
			any = 1;
		}
		for (i = 0; i < t.n; i++)
			free(t.v[i]);
		free(t.v);
	}
	db_fold_close(fold);
	if (rc != 0) {
		buf_fini(&b);
		return (NULL);
	}
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
	char			*fts;

	stamp = db_terms_stamp(db);
	if (s != NULL && stamp != -1 && s->stamp == stamp &&
	    strcmp(s->words, words) == 0)
		return (xstrdup(s->fts));
	if ((fts = db_search_build(db, words, cause)) == NULL)
		return (NULL);
	if (s == NULL)
		s = db->search = xcalloc(1, sizeof *s);
	free(s->words);
	free(s->fts);
	s->words = xstrdup(words);
	s->fts = xstrdup(fts);
	s->stamp = stamp;
	return (fts);
}

void
db_search_free(struct db_search *s)
{
	if (s == NULL)
		return;
	free(s->words);
	free(s->fts);
	free(s);
}
