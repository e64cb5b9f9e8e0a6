/*
 * Words folded exactly as the search index folds them: FTS5's own
 * unicode61 tokenizer, with the arguments items_fts was made with, run
 * from C through fts5_api. Hand-written folding would drift from the
 * index (case tables, diacritics, what counts as a separator).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db/db-int.h"
#include "db/db-fold.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

struct db_fold {
	fts5_tokenizer	 api;
	Fts5Tokenizer	*tok;
};

struct db_fold_call {
	db_fold_cb	 cb;
	void		*arg;
};

struct db_fold *
db_fold_open(struct db *db, char **cause)
{
	/* As in items_fts' tokenize='unicode61 remove_diacritics 2'. */
	static const char	*args[] = { "remove_diacritics", "2" };
	struct db_fold		*f;
	fts5_api		*api;
	void			*ud = NULL;

	f = xcalloc(1, sizeof *f);
	if ((api = db_fts5(db)) == NULL ||
	    api->xFindTokenizer(api, "unicode61", &ud, &f->api) != SQLITE_OK ||
	    f->api.xCreate(ud, args, 2, &f->tok) != SQLITE_OK) {
		free(f);
		*cause = xstrdup(_("SQLite has no FTS5 unicode61 tokenizer"));
		return (NULL);
	}
	return (f);
}

void
db_fold_close(struct db_fold *f)
{
	if (f == NULL)
		return;
	f->api.xDelete(f->tok);
	free(f);
}

static int
db_fold_token(void *ctx, int flags, const char *tok, int len, int start,
    int end)
{
	struct db_fold_call	*c = ctx;

	(void)flags;
	(void)start;
	(void)end;
	if (len <= 0)
		return (SQLITE_OK);
	return (c->cb(c->arg, tok, (size_t)len) == 0 ? SQLITE_OK :
	    SQLITE_ABORT);
}

int
db_fold_tokens(struct db_fold *f, const char *text, size_t len,
    db_fold_cb cb, void *arg)
{
	struct db_fold_call	c = { cb, arg };

	if (len > (size_t)0x7fffffff)
		len = 0x7fffffff;
	return (f->api.xTokenize(f->tok, &c, FTS5_TOKENIZE_DOCUMENT, text,
	    (int)len, db_fold_token) == SQLITE_OK ? 0 : -1);
}
