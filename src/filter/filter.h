/*
 * Newsboat's filter language: expressions such as
 *	unread = "yes" and (tags # "news" or title =~ "rust")
 * parsed once and compiled to an SQL WHERE fragment over the cache's
 * items table (src/db), so that SQLite, its indexes and a REGEXP
 * function (POSIX ERE, case-insensitive) answer them. Literals are
 * quoted as SQL strings, never spliced in raw. No SQLite here: the
 * fragment is text for the db module.
 */
#ifndef TIDINGS_FILTER_FILTER_H
#define TIDINGS_FILTER_FILTER_H

#include <stddef.h>

/* Ceilings: longer expressions, or deeper nesting, are errors. */
#define FILTER_MAX_LEN		65536
#define FILTER_MAX_DEPTH	32
/* Comparisons in one expression: SQLite refuses expressions nested more
 * than 1,000 deep, and an and/or chain is nested one a term. */
#define FILTER_MAX_CONDS	256
/* Regular expressions: bytes, and the largest {m,n} count. */
#define FILTER_REGEX_MAX	1024
#define FILTER_REGEX_MAX_COUNT	255

/* NULL when pat may go to regcomp(), else why not (filter-regex.c). */
const char	*filter_regex_check(const char *pat);

/* Where an expression is wrong: col is 1-based (bytes), msg names the
 * token at fault (translated). */
struct filter_err {
	size_t	 col;
	char	*msg;
};

struct filter;

/* 0, or -1 with *err filled (free it with filter_err_fini). */
int	 filter_parse(const char *expr, struct filter **,
	    struct filter_err *err);
void	 filter_free(struct filter *);
void	 filter_err_fini(struct filter_err *);
/* "column N: msg", allocated. */
char	*filter_err_str(const struct filter_err *);

/*
 * The WHERE fragment for "SELECT ... FROM items WHERE (fragment)":
 * columns of items unqualified, feeds reached by subqueries on
 * items.feed_id. Allocated.
 */
char	*filter_sql(const struct filter *);
/*
 * Whether every comparison is of a feed's attribute (feedtitle, feedlink,
 * feedurl, tags, unread_count, total_count): the fragment then reads only
 * items.feed_id, and holds for a feed with no articles too.
 */
int	 filter_feed_only(const struct filter *);
/* filter_parse and filter_sql at once; NULL and *err on error. */
char	*filter_compile(const char *expr, struct filter_err *err);
/* The same, and *feed_only from filter_feed_only(). */
char	*filter_compile_feed(const char *expr, int *feed_only,
	    struct filter_err *err);

#endif
