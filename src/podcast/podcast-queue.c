/*
 * Queueing enclosures: by hand (the reader's enqueue) or, with
 * podcast-auto-enqueue, the audio and video of every new article. Each
 * gets its final file name here, once, so the queue shows where it will
 * go and two enclosures never share a file.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "conf/conf.h"
#include "db/db.h"
#include "podcast/podcast.h"
#include "util/i18n.h"
#include "util/url.h"
#include "util/xmalloc.h"

/* Only the web: a feed must not make us copy a local file. */
#define PODCAST_QUEUE_SCHEMES	"http https"

static int
podcast_queue_taken(void *arg, const char *path)
{
	char	*cause = NULL;
	int	 taken = 0;

	/* A failing cache fails the insert itself, later. */
	if (db_podcast_file_taken(arg, path, &taken, &cause) != 0)
		free(cause);
	return (taken);
}

/* Audio or video, by its type or, with none given, its URL's name. */
static int
podcast_queue_is_media(const char *type, const char *url)
{
	static const char *const exts[] = {
		"mp3", "m4a", "m4b", "aac", "ogg", "oga", "opus", "flac",
		"wav", "mp4", "m4v", "webm", "mkv", "mov", NULL
	};
	const char	*dot;
	char		*own;
	size_t		 i;
	int		 media = 0;

	if (*type != '\0')
		return (strncasecmp(type, "audio/", 6) == 0 ||
		    strncasecmp(type, "video/", 6) == 0);
	own = podcast_name_of_url(url);
	if ((dot = strrchr(own, '.')) != NULL)
		for (i = 0; exts[i] != NULL; i++)
			if (strcasecmp(dot + 1, exts[i]) == 0)
				media = 1;
	free(own);
	return (media);
}

/* One enclosure line "URL\tTYPE\tLENGTH" into the queue. */
static int
podcast_queue_one(struct db *db, const char *fmt, const char *dir,
    const struct db_podcast_item *it, int64_t item_id, char *line,
    int media_only, size_t *added, char **cause)
{
	char		*type, *len, *url, *name, *path;
	long long	 size = -1;
	int		 queued, ok, rc = 0;

	if ((type = strchr(line, '\t')) != NULL) {
		*type++ = '\0';
		if ((len = strchr(type, '\t')) != NULL) {
			*len++ = '\0';
			size = strtoll(len, NULL, 10);
			if (size <= 0)
				size = -1;
		}
	} else
		type = (char *)"";
	url = url_resolve(it->base_url, line);
	path = url_clean(url);
	free(url);
	url = path;
	if (*url == '\0' || !url_scheme_in(url, PODCAST_QUEUE_SCHEMES) ||
	    (media_only && !podcast_queue_is_media(type, url))) {
		free(url);
		return (0);
	}
	if (db_podcast_queued(db, url, &queued, cause) != 0) {
		free(url);
		return (-1);
	}
	if (!queued) {
		name = podcast_name_format(fmt, it->feed_title, it->title,
		    it->date, url);
		path = podcast_name_unique(dir, name, podcast_queue_taken, db);
		rc = db_podcast_add(db, url, item_id, path, (int64_t)size,
		    &ok, cause);
		if (rc == 0 && ok)
			(*added)++;
		free(name);
		free(path);
	}
	free(url);
	return (rc);
}

int
podcast_queue_item(struct db *db, const struct config *c, int64_t item_id,
    int media_only, size_t *added, char **cause)
{
	struct db_podcast_item	 it;
	char			*dir, *encs, *line, *next;
	int			 is_default, rc = 0;

	*added = 0;
	if (db_podcast_item(db, item_id, &it, cause) != 0)
		return (-1);
	if (it.enclosures == NULL) {
		db_podcast_item_fini(&it);
		return (0);
	}
	dir = podcast_dir(c, &is_default);
	encs = xstrdup(it.enclosures);
	if (db_begin(db, cause) != 0) {
		rc = -1;
		goto out;
	}
	for (line = encs; line != NULL && rc == 0; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		rc = podcast_queue_one(db, conf_file_str(c,
		    CONF_DOWNLOAD_FILENAME_FORMAT), dir, &it, item_id, line,
		    media_only, added, cause);
	}
	if (rc == 0)
		rc = db_commit(db, cause);
	else
		db_rollback(db);
out:
	free(encs);
	free(dir);
	db_podcast_item_fini(&it);
	return (rc);
}

int
podcast_queue_new(struct db *db, const struct config *c, int64_t since,
    size_t *added, char **cause)
{
	struct db_podcast_item	 it;
	int64_t			*ids;
	size_t			 n, i, k;
	int			 on;

	*added = 0;
	/* Nothing to look for: no scan of the new items. */
	if (!conf_podcast_any(c))
		return (0);
	if (db_podcast_new_items(db, since, &ids, &n, cause) != 0)
		return (-1);
	for (i = 0; i < n; i++) {
		if (db_podcast_item(db, ids[i], &it, cause) != 0)
			goto fail;
		on = podcast_queue_auto(c, it.feed_url, it.tags);
		db_podcast_item_fini(&it);
		if (!on)
			continue;
		if (podcast_queue_item(db, c, ids[i], 1, &k, cause) != 0)
			goto fail;
		*added += k;
	}
	free(ids);
	return (0);
fail:
	free(ids);
	return (-1);
}

int
podcast_queue_auto(const struct config *c, const char *url, const char *tags)
{
	return (conf_podcast_auto(c, url, tags));
}
