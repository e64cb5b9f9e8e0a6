/*
 * What a query feed costs the reader, measured in one process with the
 * reader's own queries (db-view.h) on a real cache: opening it (the
 * list's count and its first screenful, what Enter does) and its row of
 * the feed list (unread and total counts, re-read after every change).
 * Prints the best of RUNS of each, wall and CPU, in milliseconds.
 *
 *	query-open CACHE EXPRESSION [RUNS]
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "db/db.h"
#include "db/db-view.h"
#include "filter/filter.h"

static double
query_open_ms(clockid_t c)
{
	struct timespec	ts;

	clock_gettime(c, &ts);
	return (ts.tv_sec * 1e3 + ts.tv_nsec / 1e6);
}

int
main(int argc, char **argv)
{
	struct filter_err	 err;
	struct db		*db;
	struct db_view_query	 q;
	struct db_view_feed	*feeds;
	struct db_view_sel	 sel;
	struct db_view_item	*items;
	double			 w0, c0, w, c, bw = 1e18, bc = 1e18;
	double			 rw = 1e18, rc = 1e18;
	size_t			 n, nitems, nfeeds;
	char			*cause = NULL, *where;
	int			 i, runs = argc > 3 ? atoi(argv[3]) : 5;

	if (argc < 3) {
		fprintf(stderr, "usage: query-open CACHE EXPRESSION [RUNS]\n");
		return (2);
	}
	if (db_open(argv[1], &db, &cause) != DB_OK) {
		fprintf(stderr, "%s\n", cause);
		return (1);
	}
	w0 = query_open_ms(CLOCK_MONOTONIC);
	c0 = query_open_ms(CLOCK_PROCESS_CPUTIME_ID);
	if ((where = filter_compile(argv[2], &err)) == NULL) {
		fprintf(stderr, "column %zu: %s\n", err.col, err.msg);
		return (2);
	}
	printf("compile: %.3f ms\n", query_open_ms(CLOCK_MONOTONIC) - w0);
	(void)c0;
	q.title = "bench";
	q.tags = NULL;
	q.where = where;
	q.position = 0;
	for (i = 0; i < runs; i++) {
		w0 = query_open_ms(CLOCK_MONOTONIC);
		c0 = query_open_ms(CLOCK_PROCESS_CPUTIME_ID);
		feeds = NULL;
		nfeeds = 0;
		if (db_view_feeds_queries(db, &q, 1, NULL, 0, &feeds, &nfeeds,
		    &cause) != 0)
			goto fail;
		w = query_open_ms(CLOCK_MONOTONIC) - w0;
		c = query_open_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
		if (w < rw)
			rw = w;
		if (c < rc)
			rc = c;
		w0 = query_open_ms(CLOCK_MONOTONIC);
		c0 = query_open_ms(CLOCK_PROCESS_CPUTIME_ID);
		sel.kind = DB_VIEW_QUERY;
		sel.feed_id = 0;
		sel.query = where;
		if (db_view_items_count(db, &sel, &n, &cause) != 0 ||
		    db_view_items(db, &sel, 0, 40, n, &items, &nitems,
		    &cause) != 0)
			goto fail;
		w = query_open_ms(CLOCK_MONOTONIC) - w0;
		c = query_open_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
		if (w < bw)
			bw = w;
		if (c < bc)
			bc = c;
		if (i == 0)
			printf("row (%lld/%lld), list of %zu, first screen %zu "
			    "rows\n", (long long)feeds[0].unread,
			    (long long)feeds[0].total, n, nitems);
		db_view_items_free(items, nitems);
		db_view_feeds_free(feeds, nfeeds);
	}
	printf("open: %.1f ms wall, %.1f ms CPU; feed-list row: %.1f ms "
	    "wall, %.1f ms CPU (best of %d)\n", bw, bc, rw, rc, runs);
	free(where);
	db_close(db);
	return (0);
fail:
	fprintf(stderr, "%s\n", cause);
	return (1);
}
