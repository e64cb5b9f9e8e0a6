/*
 * Checkpoints on a thread of their own. A refresh stores hundreds of
 * megabytes; with SQLite's automatic checkpoints the writer itself copies
 * the WAL into the database and waits for both files to be synced every
 * few megabytes (about a fifth of a cold refresh, measured). Here the
 * writer's commits only wake a checkpointer, which copies and syncs from
 * a connection of its own (a PASSIVE checkpoint runs beside a writer).
 *
 * A WAL starts again from its beginning only when the writer begins a
 * transaction with every frame copied, which never happens while the
 * writer commits faster than the copying: past `limit` frames the
 * writer waits for one pass, begun after its last commit, so the WAL stays
 * bounded (a reader holding an old snapshot may still keep it growing, as
 * it would with automatic checkpoints).
 */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>

#include "db/db-int.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

struct db_ckpt {
	sqlite3		*sq;		/* the checkpointer's connection */
	pthread_t	 thread;
	pthread_mutex_t	 lock;
	pthread_cond_t	 cond;
	int		 start;		/* frames not copied that wake it */
	int		 limit;		/* WAL frames that make the writer wait */
	int		 want;		/* the writer asks for a pass */
	int		 quit;
	unsigned long	 begun;		/* passes begun, passes ended */
	unsigned long	 ended;
	int		 log;		/* frames in the WAL, and copied, */
	int		 copied;	/* as the last pass left them */
};

static void *
db_ckpt_main(void *arg)
{
	struct db_ckpt	*c = arg;
	int		 log, copied, last;

	pthread_mutex_lock(&c->lock);
	for (;;) {
		while (!c->want && !c->quit)
			pthread_cond_wait(&c->cond, &c->lock);
		if (c->quit)
			break;
		c->want = 0;
		/* Passes until all is copied, or one makes no headway (a
		 * reader's snapshot or a writer's lock is in the way). */
		last = -1;
		do {
			c->begun++;
			pthread_mutex_unlock(&c->lock);
			log = copied = -1;
			if (sqlite3_wal_checkpoint_v2(c->sq, NULL,
			    SQLITE_CHECKPOINT_PASSIVE, &log, &copied) !=
			    SQLITE_OK)
				log = copied = -1;
			pthread_mutex_lock(&c->lock);
			c->log = log;
			c->copied = copied;
			c->ended = c->begun;
			pthread_cond_broadcast(&c->cond);
			if (copied <= last)
				break;
			last = copied;
		} while (copied < log && !c->quit);
	}
	pthread_mutex_unlock(&c->lock);
	return (NULL);
}

/* After each commit of the writer's connection (its thread, no lock of
 * SQLite's held); frames is the WAL's length. */
static int
db_ckpt_hook(void *arg, sqlite3 *sq, const char *name, int frames)
{
	struct db_ckpt	*c = arg;
	unsigned long	 wait_for;
	int		 left;

	pthread_mutex_lock(&c->lock);
	/* A WAL shorter than the last pass saw has started again. */
	left = frames >= c->log && c->copied >= 0 ? frames - c->copied :
	    frames;
	if (left >= c->start || frames >= c->limit) {
		c->want = 1;
		pthread_cond_broadcast(&c->cond);
	}
	if (frames >= c->limit) {
		/* A pass begun from now on sees this commit. */
		wait_for = c->begun + 1;
		while (c->ended < wait_for && !c->quit)
			pthread_cond_wait(&c->cond, &c->lock);
	}
	pthread_mutex_unlock(&c->lock);
	return (SQLITE_OK);
}

int
db_checkpoint_start(struct db *db, int start, int limit, char **cause)
{
	struct db_ckpt	*c;

	if (db->ckpt != NULL)
		return (0);
	c = xcalloc(1, sizeof *c);
	c->start = start;
	c->limit = limit;
	c->log = c->copied = -1;
	if (sqlite3_open_v2(db->path, &c->sq, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		*cause = xasprintf("%s: %s", db->path, c->sq != NULL ?
		    sqlite3_errmsg(c->sq) : _("cannot open"));
		sqlite3_close(c->sq);
		free(c);
		return (-1);
	}
	sqlite3_busy_timeout(c->sq, DB_BUSY_TIMEOUT_MS);
	/* A connection knows the file is in WAL mode once it has read it. */
	if (sqlite3_exec(c->sq, "PRAGMA schema_version", NULL, NULL, NULL) !=
	    SQLITE_OK) {
		*cause = xasprintf("%s: %s", db->path, sqlite3_errmsg(c->sq));
		sqlite3_close(c->sq);
		free(c);
		return (-1);
	}
	pthread_mutex_init(&c->lock, NULL);
	pthread_cond_init(&c->cond, NULL);
	if (pthread_create(&c->thread, NULL, db_ckpt_main, c) != 0) {
		*cause = xasprintf("%s: %s", db->path,
		    _("cannot start the checkpoint thread"));
		pthread_cond_destroy(&c->cond);
		pthread_mutex_destroy(&c->lock);
		sqlite3_close(c->sq);
		free(c);
		return (-1);
	}
	/* Replaces the automatic checkpoints (also a WAL hook). */
	sqlite3_wal_hook(db->sq, db_ckpt_hook, c);
	db->ckpt = c;
	return (0);
}

void
db_checkpoint_stop(struct db *db)
{
	struct db_ckpt	*c = db->ckpt;

	if (c == NULL)
		return;
	sqlite3_wal_autocheckpoint(db->sq, DB_AUTOCHECKPOINT);
	pthread_mutex_lock(&c->lock);
	c->quit = 1;
	pthread_cond_broadcast(&c->cond);
	pthread_mutex_unlock(&c->lock);
	pthread_join(c->thread, NULL);
	pthread_cond_destroy(&c->cond);
	pthread_mutex_destroy(&c->lock);
	sqlite3_close(c->sq);
	free(c);
	db->ckpt = NULL;
}
