/*
 * The REGEXP operator for the filter language (X REGEXP P calls
 * regexp(P, X)): POSIX extended regular expressions matched without
 * regard to case, as Newsboat does. The pattern is compiled once a
 * statement and kept with it (sqlite3_get_auxdata), not once a row.
 */
#include "config.h"

#include <regex.h>
#include <stdlib.h>

#include "db/db-int.h"
#include "util/xmalloc.h"

static void
db_regexp_free(void *p)
{
	regfree(p);
	free(p);
}

static void
db_regexp_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char	*pat, *text;
	regex_t		*re;
	int		 fresh = 0;

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL ||
	    sqlite3_value_type(argv[1]) == SQLITE_NULL) {
		sqlite3_result_int(ctx, 0);
		return;
	}
	if ((re = sqlite3_get_auxdata(ctx, 0)) == NULL) {
		pat = (const char *)sqlite3_value_text(argv[0]);
		re = xmalloc(sizeof *re);
		if (pat == NULL || regcomp(re, pat, REG_EXTENDED | REG_ICASE |
		    REG_NOSUB) != 0) {
			free(re);
			sqlite3_result_error(ctx, "bad regular expression", -1);
			return;
		}
		fresh = 1;
	}
	text = (const char *)sqlite3_value_text(argv[1]);
	sqlite3_result_int(ctx, text != NULL &&
	    regexec(re, text, 0, NULL, 0) == 0);
	/* Handed over last: SQLite may free it at once. */
	if (fresh)
		sqlite3_set_auxdata(ctx, 0, re, db_regexp_free);
}

int
db_regexp_register(struct db *db, char **cause)
{
	if (sqlite3_create_function(db->sq, "regexp", 2, SQLITE_UTF8 |
	    SQLITE_DETERMINISTIC, NULL, db_regexp_fn, NULL, NULL) !=
	    SQLITE_OK) {
		*cause = db_errmsg(db, "regexp");
		return (-1);
	}
	return (0);
}
