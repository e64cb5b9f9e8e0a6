/* The urls file into the cache's feed list. */
#include "config.h"

#include <stdlib.h>

#include "conf/conf.h"
#include "db/db.h"
#include "poll/poll-int.h"
#include "util/xmalloc.h"

/*
 * URLs tidings fetches are subscribed, and Newsboat's "exec:" and
 * "filter:" lines: the urls file is the user's own (poll-cmd.c); "query:"
 * lines are left alone.
 */
int
poll_sync(struct db *db, const struct conf_urls *urls, char **cause)
{
	struct db_sub	*subs;
	size_t		 i, n = 0;
	int		 rc;

	subs = xreallocarray(NULL, urls->n + 1, sizeof *subs);
	for (i = 0; i < urls->n; i++) {
		if (!conf_urls_fetchable(urls->v[i].url) &&
		    !poll_cmd_is(urls->v[i].url))
			continue;
		subs[n].url = urls->v[i].url;
		subs[n].tags = conf_urls_tags_joined(&urls->v[i]);
		subs[n].custom_title = urls->v[i].title;
		n++;
	}
	rc = db_feeds_sync(db, subs, n, cause);
	for (i = 0; i < n; i++)
		free((char *)subs[i].tags);
	free(subs);
	return (rc);
}
