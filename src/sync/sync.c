/*
 * The sync engine: push the queue, then pull the server's state. Every
 * step commits on its own, so a kill leaves the cache consistent: a
 * change leaves the queue only once the server took it (sending it again
 * sets the same mark again), articles are stored with the since_id that
 * follows from them, and marks are applied in one transaction.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "conf/conf.h"
#include "net/net.h"
#include "sync/sync.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* Ids in one updateArticle. */
#define SYNC_BATCH	500
/* Tries of a push request before the change waits for the next sync. */
#define SYNC_TRIES	2

/* Keys in sync_state, by backend name. */
#define SYNC_KEY_SESSION	"session"
#define SYNC_KEY_SINCE		"since_id"

const struct sync_ops *
sync_backend(const struct config *c)
{
	if (conf_file_int(c, CONF_URLS_SOURCE) == CONF_URLS_SOURCE_TTRSS)
		return (&sync_ttrss_ops);
	return (NULL);
}

static char *
sync_key(const struct sync_ops *ops, const char *what)
{
	return (xasprintf("%s.%s", ops->name, what));
}

/* A request of the push, tried again once after a pause. */
static int
sync_push_mark(const struct sync_ops *ops, void *b, int field, int value,
    const int64_t *ids, size_t n, volatile int *cancel, char **cause)
{
	struct timespec	ts = { 1, 0 };
	int		i;

	for (i = 0; i < SYNC_TRIES; i++) {
		if (i > 0) {
			free(*cause);
			*cause = NULL;
			nanosleep(&ts, NULL);
		}
		if (cancel != NULL && *cancel)
			break;
		if (field == DB_SYNC_CATCHUP ?
		    ops->catchup(b, ids[0], cause) == 0 :
		    ops->mark(b, field, value, ids, n, cause) == 0)
			return (0);
	}
	if (*cause == NULL)
		*cause = xstrdup(_("cancelled"));
	return (-1);
}

/* The queue, oldest first: feeds marked read, then each kind of mark in
 * batches; each batch leaves the queue once the server has it. */
static int
sync_push(struct db *db, const struct sync_ops *ops, void *b,
    volatile int *cancel, struct sync_stats *st, char **cause, int *cache)
{
	static const struct { int field, value; } kinds[] = {
		{ DB_SYNC_CATCHUP, 1 }, { DB_SYNC_READ, 1 },
		{ DB_SYNC_READ, 0 }, { DB_SYNC_STARRED, 1 },
		{ DB_SYNC_STARRED, 0 },
	};
	struct db_sync_change	*q, *batch;
	int64_t			*ids;
	size_t			 n, i, k, nb, max;
	int			 rc = -1;

	if (db_sync_queue_list(db, &q, &n, cause) != 0) {
		*cache = 1;
		return (-1);
	}
	ids = xreallocarray(NULL, n + 1, sizeof *ids);
	batch = xreallocarray(NULL, n + 1, sizeof *batch);
	for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		max = kinds[k].field == DB_SYNC_CATCHUP ? 1 : SYNC_BATCH;
		for (i = 0; i < n;) {
			for (nb = 0; i < n && nb < max; i++) {
				if (q[i].field != kinds[k].field ||
				    q[i].value != kinds[k].value)
					continue;
				ids[nb] = q[i].remote_id;
				batch[nb++] = q[i];
			}
			if (nb == 0)
				break;
			if (sync_push_mark(ops, b, kinds[k].field,
			    kinds[k].value, ids, nb, cancel, cause) != 0)
				goto out;
			if (db_sync_queue_done(db, batch, nb, cause) != 0) {
				*cache = 1;
				goto out;
			}
			st->pushed += nb;
		}
	}
	rc = 0;
out:
	free(ids);
	free(batch);
	free(q);
	return (rc);
}

static int
sync_pull(struct db *db, const struct sync_ops *ops, void *b,
    volatile int *cancel, struct sync_stats *st, char **cause, int *cache)
{
	struct sync_feeds	 tree;
	struct sync_page	 page;
	int64_t			 since = 0, top, *ids;
	size_t			 skip, added, n, changed;
	char			*key, *v = NULL;
	int			 field, rc = -1;

	if (ops->tree(b, &tree, cause) != 0)
		return (-1);
	st->feeds = tree.n;
	if (db_sync_apply_feeds(db, tree.feeds, tree.n, cause) != 0) {
		*cache = 1;
		return (-1);
	}
	key = sync_key(ops, SYNC_KEY_SINCE);
	if (db_sync_state_get(db, key, &v, cause) != 0) {
		*cache = 1;
		goto out;
	}
	if (v != NULL)
		since = strtoll(v, NULL, 10);
	free(v);
	/*
	 * Pages of the articles after since_id. The new since_id is stored
	 * with the last page only: a run cut short asks again from the
	 * same point (what it stored is not stored twice).
	 */
	top = since;
	for (skip = 0;; skip += page.count) {
		if (cancel != NULL && *cancel) {
			*cause = xstrdup(_("cancelled"));
			goto out;
		}
		if (ops->articles(b, since, skip, &page, cause) != 0)
			goto out;
		if (page.max_id > top)
			top = page.max_id;
		if (db_sync_store_items(db, page.items, page.n,
		    page.last ? key : NULL, top, &added, cause) != 0) {
			*cache = 1;
			goto out;
		}
		st->new_items += added;
		if (page.last || page.count == 0)
			break;
	}
	/* Marks made elsewhere: the server's unread and starred sets. */
	for (field = DB_SYNC_READ; field <= DB_SYNC_STARRED; field++) {
		if (ops->ids(b, field, &ids, &n, cause) != 0)
			goto out;
		rc = db_sync_apply_set(db, field, ids, n, &changed, cause);
		free(ids);
		if (rc != 0) {
			*cache = 1;
			rc = -1;
			goto out;
		}
		st->marks += changed;
	}
	rc = 0;
out:
	free(key);
	return (rc);
}

int
sync_run(struct db *db, const struct config *conf,
    const struct net_limits *limits, volatile int *cancel,
    struct sync_stats *st, char **cause)
{
	const struct sync_ops	*ops = sync_backend(conf);
	struct net_limits	 lim;
	struct sync_cfg		 cfg;
	const char		*sid;
	void			*b = NULL;
	char			*pw = NULL, *key, *saved = NULL;
	int			 rc = SYNC_ERR, cache = 0, r;

	memset(st, 0, sizeof *st);
	if (ops == NULL) {
		*cause = xstrdup(_("urls-source is not a sync server"));
		return (SYNC_ERR);
	}
	memset(&cfg, 0, sizeof cfg);
	cfg.url = conf_file_str(conf, CONF_TTRSS_URL);
	cfg.login = conf_file_str(conf, CONF_TTRSS_LOGIN);
	cfg.config = conf;
	cfg.cancel = cancel;
	if (cfg.url == NULL || *cfg.url == '\0') {
		*cause = xstrdup(_("urls-source is ttrss but ttrss-url is not "
		    "set"));
		return (SYNC_ERR);
	}
	if ((pw = sync_pass_get(conf_file_str(conf, CONF_TTRSS_PASSWORD),
	    conf_file_str(conf, CONF_TTRSS_PASSWORDFILE),
	    conf_file_str(conf, CONF_TTRSS_PASSWORDEVAL), cause)) == NULL)
		return (SYNC_ERR);
	cfg.password = pw;
	lim = *limits;
	lim.max_conns = lim.max_host_conns = 1;
	if ((cfg.net = net_new(&lim, cause)) == NULL)
		goto out;
	key = sync_key(ops, SYNC_KEY_SESSION);
	if (db_sync_state_get(db, key, &saved, cause) != 0) {
		free(key);
		rc = SYNC_ERR_CACHE;
		goto out;
	}
	if ((b = ops->open(&cfg, saved, cause)) == NULL) {
		free(key);
		goto out;
	}
	r = sync_push(db, ops, b, cancel, st, cause, &cache);
	if (r == 0)
		r = sync_pull(db, ops, b, cancel, st, cause, &cache);
	/* A new session is kept even when a later step failed. */
	sid = ops->session(b);
	if (sid != NULL && (saved == NULL || strcmp(sid, saved) != 0)) {
		char *why = NULL;

		if (db_sync_state_set(db, key, sid, &why) != 0 && r == 0) {
			*cause = why;
			why = NULL;
			r = -1;
			cache = 1;
		}
		free(why);
	}
	free(key);
	st->requests = ops->requests(b);
	if (r == 0)
		rc = SYNC_OK;
	else if (cache)
		rc = SYNC_ERR_CACHE;
out:
	if (b != NULL)
		ops->close(b);
	net_free(cfg.net);
	free(saved);
	if (pw != NULL) {
		memset(pw, 0, strlen(pw));
		free(pw);
	}
	return (rc);
}
