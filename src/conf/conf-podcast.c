/*
 * feed-podcast-auto-enqueue yes|no FEED...: podcast-auto-enqueue for some
 * feeds only (each FEED a URL as in the urls file, or a tag), as
 * feed-fulltext does for fulltext; the last line that names a feed wins.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "conf/conf.h"
#include "util/i18n.h"
#include "util/tags.h"
#include "util/xmalloc.h"

int
conf_podcast_line(struct config *c, const char *path, int lineno,
    char **argv, int argc, char **cause)
{
	if (strcmp(argv[1], "yes") != 0 && strcmp(argv[1], "no") != 0) {
		*cause = xasprintf(_("%s: expected yes or no, not '%s'"),
		    argv[0], argv[1]);
		return (-1);
	}
	conf_file_cmds_add(&c->feed_podcast, path, lineno,
	    (const char *const *)argv + 1, argc - 1);
	return (0);
}

int
conf_podcast_auto(const struct config *c, const char *url, const char *tags)
{
	const struct conf_cmd	*cmd;
	size_t			 i;
	int			 on, j;

	on = conf_file_int(c, CONF_PODCAST_AUTO_ENQUEUE) != 0;
	for (i = 0; i < c->feed_podcast.n; i++) {
		cmd = &c->feed_podcast.v[i];
		for (j = 1; j < cmd->argc; j++)
			if ((url != NULL && strcmp(cmd->argv[j], url) == 0) ||
			    tags_has(tags, cmd->argv[j]))
				on = strcmp(cmd->argv[0], "yes") == 0;
	}
	return (on);
}

int
conf_podcast_any(const struct config *c)
{
	size_t	i;

	if (conf_file_int(c, CONF_PODCAST_AUTO_ENQUEUE) != 0)
		return (1);
	for (i = 0; i < c->feed_podcast.n; i++)
		if (strcmp(c->feed_podcast.v[i].argv[0], "yes") == 0)
			return (1);
	return (0);
}
