/*
 * For tests of src/db/db-tok.c: the tokens a tokenizer makes of a text,
 * written out one a line ("text start end"), to compare db_tok_run with
 * FTS5's own unicode61 on the same instance.
 */
#ifndef TIDINGS_TESTS_TOK_COMPARE_H
#define TIDINGS_TESTS_TOK_COMPARE_H

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db-tok.h"

struct tok_out {
	char	*s;
	size_t	 len, cap;
	int	 stop;		/* give SQLITE_DONE after this many; 0 never */
	int	 n;
};

static int
tok_out_token(void *ctx, int flags, const char *tok, int len, int start,
    int end)
{
	struct tok_out	*o = ctx;
	size_t		 need = (size_t)len + 32;

	(void)flags;
	if (o->len + need >= o->cap) {
		o->cap = (o->len + need) * 2;
		if ((o->s = realloc(o->s, o->cap)) == NULL)
			abort();
	}
	memcpy(o->s + o->len, tok, (size_t)len);
	o->len += (size_t)len;
	o->len += (size_t)snprintf(o->s + o->len, o->cap - o->len, " %d %d\n",
	    start, end);
	if (o->stop != 0 && ++o->n >= o->stop)
		return (SQLITE_DONE);
	return (SQLITE_OK);
}

/* The fts5 api of a connection (NULL if it has none). */
static fts5_api *
tok_fts5(sqlite3 *sq)
{
	sqlite3_stmt	*st;
	fts5_api	*api = NULL;

	if (sqlite3_prepare_v2(sq, "SELECT fts5(?1)", -1, &st, NULL) !=
	    SQLITE_OK)
		return (NULL);
	sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", NULL);
	(void)sqlite3_step(st);
	sqlite3_finalize(st);
	return (api);
}

/*
 * Tokenize text with u61 and with t (made from it); 0 when both give the
 * same tokens and the same result, else 1 with both listings in *ours
 * and *theirs (free them).
 */
static int
tok_differ(const fts5_tokenizer *api, Fts5Tokenizer *u61, struct db_tok *t,
    const char *text, int len, int stop, char **ours, char **theirs)
{
	struct tok_out	a = { NULL, 0, 0, stop, 0 };
	struct tok_out	b = { NULL, 0, 0, stop, 0 };
	int		ra, rb, differ;

	ra = db_tok_run(t, &a, FTS5_TOKENIZE_DOCUMENT, text, len,
	    tok_out_token);
	rb = api->xTokenize(u61, &b, FTS5_TOKENIZE_DOCUMENT, text, len,
	    tok_out_token);
	differ = ra != rb || a.len != b.len ||
	    (a.len > 0 && memcmp(a.s, b.s, a.len) != 0);
	if (differ && ours != NULL) {
		*ours = a.s != NULL ? a.s : strdup("");
		*theirs = b.s != NULL ? b.s : strdup("");
		(*ours)[a.len] = '\0';
		(*theirs)[b.len] = '\0';
		return (1);
	}
	free(a.s);
	free(b.s);
	return (differ);
}

#endif
