/*
 * Private to src/db: FTS5's unicode61 tokenizer, run faster. The same
 * tokens (text, start and end offsets, in order) as the unicode61
 * instance it is made from, whatever that instance's arguments, but the
 * category and folding of each character outside ASCII are asked of that
 * instance once and remembered.
 */
#ifndef TIDINGS_DB_DB_TOK_H
#define TIDINGS_DB_DB_TOK_H

#include <sqlite3.h>

struct db_tok;

typedef int	(*db_tok_fn)(void *ctx, int flags, const char *tok, int len,
		    int start, int end);

/* A tokenizer standing in for u61, an instance of api (unicode61). */
struct db_tok	*db_tok_new(const fts5_tokenizer *api, Fts5Tokenizer *u61);
void		 db_tok_free(struct db_tok *);
/* As api->xTokenize(u61, ctx, flags, text, len, token). */
int		 db_tok_run(struct db_tok *, void *ctx, int flags,
		    const char *text, int len, db_tok_fn token);

#endif
