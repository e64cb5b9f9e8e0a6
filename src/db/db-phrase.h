/* Private to src/db: quoted phrases checked against an article's text. */
#ifndef TIDINGS_DB_DB_PHRASE_H
#define TIDINGS_DB_DB_PHRASE_H

struct db;

/* The SQL function tidings_phrases() on db's connection (db-phrase.c). */
int	db_phrase_register(struct db *, char **cause);

#endif
