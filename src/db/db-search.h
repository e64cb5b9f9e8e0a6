/* Private to src/db: what the user typed at the search prompt as FTS5. */
#ifndef TIDINGS_DB_DB_SEARCH_H
#define TIDINGS_DB_DB_SEARCH_H

#include "db/db-view.h"

struct db;
struct db_search;

/* Terms a word typed without '*' may stand for: the shortest first. */
#define DB_SEARCH_MAX_TERMS	DB_VIEW_SEARCH_TERMS
/*
 * Search: the newest DB_SEARCH_MAX_RESULTS matches (FTS5 walks rowids
 * backwards and stops), so that a word found in a million articles answers
 * as fast as a rare one.
 */
#define DB_SEARCH_MAX_RESULTS	1000
#define DB_SEARCH_STR(x)	#x
#define DB_SEARCH_XSTR(x)	DB_SEARCH_STR(x)

/*
 * The user's words as an FTS5 MATCH expression, all of them required:
 * a word is found inside any term of the index (case and diacritics
 * folded as the index folds them), a word ending in '*' as a prefix, a
 * "quoted phrase" as those whole words in a row. Nothing the user types
 * is read as FTS syntax. NULL and *cause when the tokenizer is missing.
 * The last one is kept until the words or the vocabulary change, as a
 * list asks for its count and its rows with the same words.
 */
char	*db_search_query(struct db *, const char *words, char **cause);
/*
 * Fill temp.search_hits (id) with the items the words match, the newest
 * DB_SEARCH_MAX_RESULTS; kept as they are while the words, the cache's
 * data and this connection's index changes are the same. -1 and *cause
 * on error.
 */
int	 db_search_hits(struct db *, const char *words, char **cause);
/* Of the last query built: its first word that stands for more than
 * DB_SEARCH_MAX_TERMS terms (folded), or NULL. */
const char *db_search_capped(struct db *);
/* The last query kept by a connection (db->search), for db_close. */
void	 db_search_free(struct db_search *);

#endif
