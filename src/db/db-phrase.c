/*
 * Quoted phrases, checked against an article's own text. The index keeps
 * which column a term is in but not where (detail=column: half the work
 * of indexing and a fraction of the size), so FTS5 finds the articles
 * that hold every word of a phrase, and the SQL function
 * tidings_phrases() keeps those where the words come in a row, in one
 * column, folded as the index folds them (db-fold.c).
 *
 *	tidings_phrases(spec, title, author, summary, content, fulltext)
 *
 * spec: phrases joined by '\n', each its folded terms joined by '\t', the
 * last term ending in '*' when it is a prefix (a term never holds '*',
 * '\t' or '\n': the tokenizer splits there). 1 when every phrase is found.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db/db-int.h"
#include "db/db-fold.h"
#include "db/db-phrase.h"
#include "util/xmalloc.h"

struct db_phrase {
	const char	**term;
	size_t		 *len;
	size_t		  n;
	int		  prefix;	/* the last term is one */
	int		  found;
};

/* The parsed spec and a tokenizer, kept by SQLite for a statement. */
struct db_phrase_set {
	char		*spec;		/* owns the terms */
	struct db_phrase *v;
	size_t		 n;
	struct db_fold	*fold;
};

/* A column's terms, in order: offsets into one buffer. */
struct db_phrase_col {
	char		*text;
	size_t		 textlen, textcap;
	size_t		*off, *len;
	size_t		 n, cap;
};

static void
db_phrase_set_free(void *p)
{
	struct db_phrase_set	*s = p;
	size_t			 i;

	if (s == NULL)
		return;
	for (i = 0; i < s->n; i++) {
		free(s->v[i].term);
		free(s->v[i].len);
	}
	free(s->v);
	free(s->spec);
	db_fold_close(s->fold);
	free(s);
}

static struct db_phrase_set *
db_phrase_parse(struct db *db, const char *spec)
{
	struct db_phrase_set	*s;
	struct db_phrase	*p;
	char			*line, *next, *tok, *end;
	char			*cause = NULL;

	s = xcalloc(1, sizeof *s);
	if ((s->fold = db_fold_open(db, &cause)) == NULL) {
		free(cause);
		free(s);
		return (NULL);
	}
	s->spec = xstrdup(spec);
	for (line = s->spec; line != NULL && *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		s->v = xreallocarray(s->v, s->n + 1, sizeof *s->v);
		p = &s->v[s->n++];
		memset(p, 0, sizeof *p);
		for (tok = line; tok != NULL; tok = end) {
			if ((end = strchr(tok, '\t')) != NULL)
				*end++ = '\0';
			p->term = xreallocarray(p->term, p->n + 1,
			    sizeof *p->term);
			p->len = xreallocarray(p->len, p->n + 1,
			    sizeof *p->len);
			p->term[p->n] = tok;
			p->len[p->n] = strlen(tok);
			p->n++;
		}
		if (p->n > 0 && p->len[p->n - 1] > 0 &&
		    p->term[p->n - 1][p->len[p->n - 1] - 1] == '*') {
			p->prefix = 1;
			p->len[p->n - 1]--;
		}
	}
	return (s);
}

static int
db_phrase_term(void *arg, const char *term, size_t len)
{
	struct db_phrase_col	*c = arg;

	if (c->n == c->cap) {
		c->cap = c->cap == 0 ? 256 : c->cap * 2;
		c->off = xreallocarray(c->off, c->cap, sizeof *c->off);
		c->len = xreallocarray(c->len, c->cap, sizeof *c->len);
	}
	if (c->textlen + len > c->textcap) {
		while (c->textlen + len > c->textcap)
			c->textcap = c->textcap == 0 ? 4096 : c->textcap * 2;
		c->text = xreallocarray(c->text, c->textcap, 1);
	}
	memcpy(c->text + c->textlen, term, len);
	c->off[c->n] = c->textlen;
	c->len[c->n] = len;
	c->textlen += len;
	c->n++;
	return (0);
}

/* Whether p's terms come in a row at term i of the column. */
static int
db_phrase_at(const struct db_phrase_col *c, size_t i,
    const struct db_phrase *p)
{
	size_t	k, want;

	for (k = 0; k < p->n; k++) {
		want = p->len[k];
		if (k == p->n - 1 && p->prefix) {
			if (c->len[i + k] < want)
				return (0);
		} else if (c->len[i + k] != want)
			return (0);
		if (memcmp(c->text + c->off[i + k], p->term[k], want) != 0)
			return (0);
	}
	return (1);
}

/*
 * Plain ASCII text, the usual case, read here without the tokenizer,
 * which costs ten times more: for ASCII, unicode61 makes a term of each
 * run of letters and digits, in lower case, and nothing else.
 */
static int
db_phrase_is_word(unsigned char c)
{
	return ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z'));
}

/* The next term at or after *s: its start and length, 0 at the end. */
static size_t
db_phrase_ascii_next(const char **s)
{
	const char	*p = *s, *start;

	while (*p != '\0' && !db_phrase_is_word((unsigned char)*p))
		p++;
	start = p;
	while (db_phrase_is_word((unsigned char)*p))
		p++;
	*s = start;
	return ((size_t)(p - start));
}

static int
db_phrase_ascii_term(const char *t, size_t tlen, const char *want,
    size_t wlen, int prefix)
{
	size_t	i;

	if (prefix ? tlen < wlen : tlen != wlen)
		return (0);
	for (i = 0; i < wlen; i++) {
		unsigned char c = (unsigned char)t[i];

		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if (c != (unsigned char)want[i])
			return (0);
	}
	return (1);
}

/* Whether p's terms come in a row somewhere in ASCII text. */
static int
db_phrase_ascii(const char *text, const struct db_phrase *p)
{
	const char	*s = text, *q;
	size_t		 len, qlen, k;

	while ((len = db_phrase_ascii_next(&s)) > 0) {
		if (db_phrase_ascii_term(s, len, p->term[0], p->len[0],
		    p->prefix && p->n == 1)) {
			q = s + len;
			for (k = 1; k < p->n; k++) {
				if ((qlen = db_phrase_ascii_next(&q)) == 0 ||
				    !db_phrase_ascii_term(q, qlen, p->term[k],
				    p->len[k], p->prefix && k == p->n - 1))
					break;
				q += qlen;
			}
			if (k == p->n)
				return (1);
		}
		s += len;
	}
	return (0);
}

static int
db_phrase_is_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			return (0);
	return (1);
}

/* Mark the phrases found in one column; 1 when all are found. */
static int
db_phrase_column(struct db_phrase_set *s, const char *text)
{
	struct db_phrase_col	 c;
	size_t			 i, k, left = 0;

	for (k = 0; k < s->n; k++)
		left += !s->v[k].found;
	if (left == 0)
		return (1);
	if (text == NULL || *text == '\0')
		return (0);
	if (db_phrase_is_ascii(text)) {
		for (k = 0; k < s->n; k++)
			if (!s->v[k].found && s->v[k].n > 0 &&
			    db_phrase_ascii(text, &s->v[k])) {
				s->v[k].found = 1;
				left--;
			}
		return (left == 0);
	}
	memset(&c, 0, sizeof c);
	(void)db_fold_tokens(s->fold, text, strlen(text), db_phrase_term, &c);
	for (k = 0; k < s->n; k++) {
		if (s->v[k].found || s->v[k].n == 0 || s->v[k].n > c.n)
			continue;
		for (i = 0; i + s->v[k].n <= c.n; i++)
			if (db_phrase_at(&c, i, &s->v[k])) {
				s->v[k].found = 1;
				left--;
				break;
			}
	}
	free(c.text);
	free(c.off);
	free(c.len);
	return (left == 0);
}

static void
db_phrase_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct db_phrase_set	*s;
	const char		*spec;
	char			*text;
	size_t			 k;
	int			 fresh = 0, all;

	(void)argc;
	if ((s = sqlite3_get_auxdata(ctx, 0)) == NULL) {
		spec = (const char *)sqlite3_value_text(argv[0]);
		if (spec == NULL ||
		    (s = db_phrase_parse(sqlite3_user_data(ctx), spec)) ==
		    NULL) {
			sqlite3_result_error(ctx, "tidings_phrases", -1);
			return;
		}
		fresh = 1;
	}
	for (k = 0; k < s->n; k++)
		s->v[k].found = 0;
	all = db_phrase_column(s, (const char *)sqlite3_value_text(argv[1])) ||
	    db_phrase_column(s, (const char *)sqlite3_value_text(argv[2]));
	if (!all) {
		/* The index's text column, made as the indexer makes it. */
		text = db_fts_text((const char *)sqlite3_value_text(argv[3]),
		    (const char *)sqlite3_value_text(argv[4]),
		    (const char *)sqlite3_value_text(argv[5]));
		all = db_phrase_column(s, text);
		free(text);
	}
	sqlite3_result_int(ctx, all);
	/* Handed over last: SQLite may free it at once. */
	if (fresh)
		sqlite3_set_auxdata(ctx, 0, s, db_phrase_set_free);
}

int
db_phrase_register(struct db *db, char **cause)
{
	if (sqlite3_create_function(db->sq, "tidings_phrases", 6, SQLITE_UTF8,
	    db, db_phrase_fn, NULL, NULL) != SQLITE_OK) {
		*cause = db_errmsg(db, "tidings_phrases");
		return (-1);
	}
	return (0);
}
