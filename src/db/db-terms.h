/*
 * Private to src/db: the search index's vocabulary, kept beside it so
 * that a word typed by the user can be matched inside the terms
 * (substrings, runs of CJK characters, which unicode61 keeps whole).
 */
#ifndef TIDINGS_DB_DB_TERMS_H
#define TIDINGS_DB_DB_TERMS_H

#include <stddef.h>
#include <stdint.h>

struct db;
struct db_terms;

/* The terms of the text a connection indexes (db->terms, made on first
 * use, freed by db_close). */
struct db_terms	*db_terms_get(struct db *, char **cause);
void		 db_terms_free(struct db_terms *);
/* Put the index's tokenizer on the connection (db_open, before
 * items_fts is used). While a row goes into items_fts (or out: the same
 * values again), db_fts_put says so with db_terms_collect: each term of
 * a column then reaches FTS5 once (items_fts is detail=column, where
 * repeats add nothing), and with DB_TERMS_COLLECT every term is
 * remembered for the vocabulary. 0 again after: other FTS5 tables on
 * the connection get unicode61's every token. */
#define DB_TERMS_ONCE		1
#define DB_TERMS_COLLECT	2
int		 db_terms_register(struct db *);
void		 db_terms_collect(struct db_terms *, int mode);
/* The terms added since the last flush and not yet stored into
 * search_terms and search_vocab, in the caller's transaction. */
int		 db_terms_flush(struct db *, struct db_terms *, char **cause);
/* Forget what is known to be stored: after a rollback. */
void		 db_terms_reset(struct db_terms *);

/*
 * The known terms that contain needle (folded), the shortest first (ties
 * in byte order), at most cap of them; *more says that others were left
 * out. Free with db_terms_list_free().
 */
int		 db_terms_containing(struct db *, const char *needle,
		    size_t len, size_t cap, char ***out, size_t *n, int *more,
		    char **cause);
void		 db_terms_list_free(char **, size_t);
/* What changes whenever the vocabulary grows; -1 when unreadable. */
int64_t		 db_terms_stamp(struct db *);

#endif
