/*
 * The reader's queries: what the TUI reads from the cache, a screenful at
 * a time, and the marks it writes (read, starred). Every string is UTF-8
 * as stored; the UI sanitises before drawing.
 */
#ifndef TIDINGS_DB_DB_VIEW_H
#define TIDINGS_DB_DB_VIEW_H

#include <stddef.h>
#include <stdint.h>

struct db;

struct db_view_feed {
	int64_t	 id;
	char	*title;		/* custom title, the feed's own, or the URL */
	char	*url;
	char	*site_link;	/* the feed's web site, or NULL */
	char	*tags;		/* joined by '\t', or NULL */
	char	*error;		/* the last refresh error, or NULL */
	int64_t	 unread;
	int64_t	 total;
	int	 position;	/* in the urls file, among fetched feeds */
	char	*query;		/* a query feed's WHERE fragment, or NULL */
};

/* Which headlines a list shows. */
enum db_view_kind {
	DB_VIEW_FEED,		/* one feed's */
	DB_VIEW_UNREAD,		/* every unread one */
	DB_VIEW_STARRED,	/* every starred one */
	DB_VIEW_SEARCH,		/* full-text search results */
	DB_VIEW_QUERY		/* a query feed's: query is SQL over items */
};

struct db_view_sel {
	enum db_view_kind	 kind;
	int64_t			 feed_id;	/* DB_VIEW_FEED */
	const char		*query;		/* DB_VIEW_SEARCH: user's words;
						 * DB_VIEW_QUERY: the filter's
						 * WHERE fragment (src/filter) */
	const char		*filter;	/* a filter the user set on the
						 * list (src/filter), or NULL */
};

struct db_view_item {
	int64_t	 id;
	int64_t	 feed_id;
	int64_t	 published;	/* Unix time; 0 when unknown */
	int	 unread;
	int	 starred;
	char	*title;
	char	*author;
	char	*link;
};

struct db_view_article {
	struct db_view_item	 item;
	char			*feed_title;
	char			*feed_url;	/* as subscribed */
	char			*feed_tags;	/* joined by '\t', or "" */
	char			*body;		/* content, else summary (HTML) */
	size_t			 content_len;	/* characters of each */
	size_t			 summary_len;
	struct db_view_enclosure {
		char		*url;	/* exactly as the feed gave it */
		char		*type;	/* MIME type, or NULL */
	}			*enclosures;
	size_t			 nenclosures;
	char			*base_url;	/* for relative links */
	/* The article from the item's web page (table fulltext). */
	int			 fulltext_tried; /* fetched, well or not,
						  * and no retry due */
	char			*fulltext;	/* HTML, or NULL */
	char			*fulltext_error; /* why not, or NULL */
};

/*
 * The killfile in display mode (db-view-query.c): articles matching
 * where (a filter's WHERE over items; NULL: none) are left out of every
 * list and count this connection reads from now on.
 */
void	db_view_set_hidden(struct db *, const char *where);

/*
 * After a search list was counted or read: the first of its words that is
 * part of more words than a search looks at (only the shortest
 * DB_VIEW_SEARCH_TERMS are), as the index folds it; NULL when none is.
 */
#define DB_VIEW_SEARCH_TERMS	32
const char *db_view_search_capped(struct db *);

/* Feeds in urls-file order; tag (NULL: all) and hide_read filter them. */
int	db_view_feeds(struct db *, const char *tag, int hide_read,
	    struct db_view_feed **, size_t *, char **cause);
void	db_view_feeds_free(struct db_view_feed *, size_t);
void	db_view_feeds_free_one(struct db_view_feed *);
/*
 * Query feeds (db-view-query.c) merged into a feed list from
 * db_view_feeds(): each before the first feed whose position is not
 * below its own, with live counts over the subscribed feeds' articles,
 * and the id -1 - its index. The same tag and hide_read apply.
 */
struct db_view_query {
	const char	*title;
	const char	*tags;		/* joined by '\t', or NULL */
	const char	*where;		/* from src/filter */
	int		 position;	/* fetched feeds before it */
};
int	db_view_feeds_queries(struct db *, const struct db_view_query *,
	    size_t, const char *tag, int hide_read,
	    struct db_view_feed **, size_t *, char **cause);
/*
 * Whether a feed (feed_id), or a query feed (its where), has an article
 * that matches filter; 1, 0, or -1 with *cause (a bad expression). With
 * feed_only (a filter of feed attributes only, filter_feed_only()), a
 * feed matches by itself, articles or none.
 */
int	db_view_feed_matches(struct db *, int64_t feed_id, const char *where,
	    int feed_only, const char *filter, char **cause);
/* Every tag in use, sorted. */
int	db_view_tags(struct db *, char ***, size_t *, char **cause);
void	db_view_tags_free(char **, size_t);
/* Unread and starred counts over every feed. */
int	db_view_totals(struct db *, int64_t *unread, int64_t *starred,
	    char **cause);

/* Headlines, newest first (published, then id, descending). */
int	db_view_items_count(struct db *, const struct db_view_sel *,
	    size_t *, char **cause);
/* total: the list's count, so that rows near the end are read backwards
 * from it (OFFSET costs what it skips). */
int	db_view_items(struct db *, const struct db_view_sel *,
	    size_t offset, size_t limit, size_t total,
	    struct db_view_item **, size_t *, char **cause);
void	db_view_items_free(struct db_view_item *, size_t);
/* Which of n items match a filter's where: out[i] set to 1 or 0. */
int	db_view_items_match(struct db *, const struct db_view_item *,
	    size_t n, const char *where, unsigned char *out, char **cause);
/* Where the item now stands in the list (rows before it), to keep the
 * cursor on it when new items arrive; -1 if it is gone. */
int	db_view_items_position(struct db *, const struct db_view_sel *,
	    const struct db_view_item *, size_t *);
/* The next (dir 1) or previous (-1) unread item of the list after `from`
 * (NULL: from the top); 0 and *pos, or -1 when there is none. */
int	db_view_items_next_unread(struct db *,
	    const struct db_view_sel *, const struct db_view_item *from,
	    int dir, size_t *pos);

int	db_view_article(struct db *, int64_t id,
	    struct db_view_article **, char **cause);
void	db_view_article_free(struct db_view_article *);

/* Marks. feed_id 0 in db_view_mark_feed_read: every feed. */
int	db_view_set_unread(struct db *, int64_t item_id, int unread,
	    char **cause);
int	db_view_set_starred(struct db *, int64_t item_id, int starred,
	    char **cause);
int	db_view_items_mark_read(struct db *, const struct db_view_sel *,
	    char **cause);

#endif
