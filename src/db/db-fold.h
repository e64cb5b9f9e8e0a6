/* Private to src/db: text into the search index's folded terms. */
#ifndef TIDINGS_DB_DB_FOLD_H
#define TIDINGS_DB_DB_FOLD_H

#include <stddef.h>

struct db;
struct db_fold;

/* Called for each term (not NUL-terminated); nonzero stops. */
typedef int	(*db_fold_cb)(void *arg, const char *term, size_t len);

/* The tokenizer of items_fts, for db's connection; NULL and *cause when
 * SQLite lacks it. */
struct db_fold	*db_fold_open(struct db *, char **cause);
void		 db_fold_close(struct db_fold *);
/* The terms of text, in order, folded as the index folds them; -1 when
 * the tokenizer failed or cb stopped it. */
int		 db_fold_tokens(struct db_fold *, const char *text, size_t len,
		    db_fold_cb, void *arg);

#endif
