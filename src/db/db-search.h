/* Private to src/db: what the user typed at the search prompt as FTS5. */
#ifndef TIDINGS_DB_DB_SEARCH_H
#define TIDINGS_DB_DB_SEARCH_H

struct db;
struct db_search;

/* Terms a word typed without '*' may stand for: the shortest first. */
#define DB_SEARCH_MAX_TERMS	32

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
/* The last query kept by a connection (db->search), for db_close. */
void	 db_search_free(struct db_search *);

#endif
