/*
 * Downloading the queue through the fetcher (src/net, so the proxy,
 * timeouts, User-Agent and TLS settings are the feeds'), at most
 * max-downloads at once. Each file is written to NAME.part, locked so
 * that a second tidings leaves it alone, resumed with a Range request
 * from the bytes it has, started again when the server ignores the
 * range, and hard-linked to its final name only once complete, so that
 * no half file ever has that name and no other file is overwritten.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "conf/conf.h"
#include "db/db.h"
#include "net/net.h"
#include "podcast/podcast.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* Progress reports at most this often (ms), the cache every second. */
#define PODCAST_FETCH_REPORT_MS	100

struct podcast_run;

struct podcast_job {
	struct podcast_run	*run;
	struct podcast_file	*f;
	char			*part;
	int			 fd;
	int64_t			 offset;	/* the range asked for */
	int			 restarted;
	int			 failed_write;
	int			 cancelled;
	time_t			 saved;
	char			*error;
};

struct podcast_run {
	struct db			*db;
	struct net			*net;
	const struct podcast_opts	*o;
	struct db_podcast		*rows;
	struct podcast_file		*files;
	struct podcast_job		*jobs;
	size_t				 n;
	struct podcast_progress		 pg;
	int64_t				 reported;	/* ms */
};

static int64_t
podcast_fetch_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000);
}

static void
podcast_fetch_report(struct podcast_run *r, int force)
{
	int64_t	now = podcast_fetch_ms();

	if (r->o->progress == NULL ||
	    (!force && now - r->reported < PODCAST_FETCH_REPORT_MS))
		return;
	r->reported = now;
	r->o->progress(r->o->arg, &r->pg);
	r->pg.finished = 0;
}

/* The row's state in the cache; a failure to write it is not the
 * download's. */
static void
podcast_fetch_save(struct podcast_job *j, int state, const char *error)
{
	char	*cause = NULL;

	if (db_podcast_set(j->run->db, j->f->p->id, state, j->f->bytes,
	    j->f->size, error, &cause) != 0)
		free(cause);
	j->saved = time(NULL);
}

static void
podcast_fetch_end(struct podcast_job *j, int state, const char *error)
{
	struct podcast_run	*r = j->run;

	if (j->fd != -1) {
		/* Nothing to resume from: leave no empty file about. */
		if (state != DB_PODCAST_DONE && j->f->bytes == 0 &&
		    j->part != NULL)
			unlink(j->part);
		close(j->fd);	/* and its lock */
		j->fd = -1;
	}
	j->f->running = 0;
	j->f->done = state == DB_PODCAST_DONE ? 1 : -1;
	free(j->error);
	j->error = error != NULL ? xstrdup(error) : NULL;
	j->f->error = j->error;
	podcast_fetch_save(j, state, error);
	if (state == DB_PODCAST_DONE)
		r->pg.done++;
	else
		r->pg.failed++;
	r->pg.finished = 1;
	r->pg.changed = (size_t)(j->f - r->files);
	podcast_fetch_report(r, 1);
}

/* Back to an empty NAME.part: the server sends the whole file. */
static int
podcast_fetch_truncate(struct podcast_job *j)
{
	if (ftruncate(j->fd, 0) != 0 || lseek(j->fd, 0, SEEK_SET) != 0)
		return (-1);
	j->f->bytes = 0;
	return (0);
}

static void
podcast_fetch_head(void *arg, int status, int64_t length)
{
	struct podcast_job	*j = arg;

	j->f->running = 1;
	if (status == 206) {
		if (length >= 0)
			j->f->size = j->offset + length;
		return;
	}
	/* A whole body: a server that ignores Range starts over. */
	if (j->f->bytes > 0 && podcast_fetch_truncate(j) != 0)
		j->failed_write = errno;
	j->f->size = length;
}

static int
podcast_fetch_data(void *arg, const void *p, size_t len)
{
	struct podcast_job	*j = arg;
	const char		*b = p;
	ssize_t			 w;

	if (j->failed_write != 0)
		return (-1);
	if (j->run->o->cancel_id != NULL &&
	    atomic_load(j->run->o->cancel_id) == j->f->p->id) {
		j->cancelled = 1;
		return (-1);
	}
	while (len > 0) {
		if ((w = write(j->fd, b, len)) < 0) {
			if (errno == EINTR)
				continue;
			j->failed_write = errno;
			return (-1);
		}
		b += w;
		len -= (size_t)w;
		j->f->bytes += w;
	}
	if (time(NULL) != j->saved)
		podcast_fetch_save(j, DB_PODCAST_DOWNLOADING, NULL);
	podcast_fetch_report(j->run, 0);
	return (0);
}

static void	podcast_fetch_add(struct podcast_job *);

/* NAME.part complete: its final name, without replacing anything. */
static int
podcast_fetch_finish(struct podcast_job *j, char **why)
{
	const char	*file = j->f->p->file;

	if (fsync(j->fd) != 0) {
		*why = xasprintf("%s: %s", j->part, strerror(errno));
		return (-1);
	}
	if (link(j->part, file) == 0) {
		unlink(j->part);
		return (0);
	}
	if (errno == EEXIST) {
		*why = xasprintf(_("%s: a file of that name is in the way"),
		    file);
		return (-1);
	}
	/* A file system without hard links (FAT): rename, after a look. */
	if (access(file, F_OK) != 0 && errno == ENOENT &&
	    rename(j->part, file) == 0)
		return (0);
	*why = xasprintf("%s: %s", file, strerror(errno));
	return (-1);
}

static void
podcast_fetch_done(void *arg, const struct net_result *res)
{
	struct podcast_job	*j = arg;
	char			*why = NULL;

	if (j->cancelled) {
		podcast_fetch_end(j, DB_PODCAST_CANCELLED, _("cancelled"));
		return;
	}
	if (j->failed_write != 0)
		why = xasprintf("%s: %s", j->part, strerror(j->failed_write));
	else if (res->error != NULL && res->status == 416 &&
	    j->offset > 0 && !j->restarted) {
		/* Nothing past what we have: the file changed, or ours is
		 * whole but unconfirmed. Fetch it all once more. */
		if (podcast_fetch_truncate(j) == 0) {
			j->restarted = 1;
			podcast_fetch_add(j);
			return;
		}
		why = xasprintf("%s: %s", j->part, strerror(errno));
	} else if (res->error != NULL)
		why = xstrdup(res->error);
	else if (j->f->size >= 0 && j->f->bytes != j->f->size)
		why = xasprintf(_("incomplete: %lld of %lld bytes"),
		    (long long)j->f->bytes, (long long)j->f->size);
	else if (podcast_fetch_finish(j, &why) == 0) {
		j->f->size = j->f->bytes;
		podcast_fetch_end(j, DB_PODCAST_DONE, NULL);
		return;
	}
	podcast_fetch_end(j, j->run->o->cancel != NULL &&
	    *j->run->o->cancel ? DB_PODCAST_CANCELLED : DB_PODCAST_FAILED,
	    why);
	free(why);
}

static void
podcast_fetch_add(struct podcast_job *j)
{
	struct net_request	req;

	j->offset = j->f->bytes;
	memset(&req, 0, sizeof req);
	req.url = j->f->p->url;
	req.arg = j;
	req.media = 1;
	req.range_from = j->offset;
	req.head = podcast_fetch_head;
	req.data = podcast_fetch_data;
	req.done = podcast_fetch_done;
	net_add(j->run->net, &req);
}

/*
 * Open and lock NAME.part and queue the transfer; or end the job at once
 * (another tidings has it, or it was complete but not yet recorded).
 */
static void
podcast_fetch_start(struct podcast_job *j)
{
	struct stat	 part, fin;
	char		*why;

	j->part = xasprintf("%s.part", j->f->p->file);
	j->fd = open(j->part, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC,
	    0644);
	if (j->fd == -1) {
		why = xasprintf("%s: %s", j->part, strerror(errno));
		podcast_fetch_end(j, DB_PODCAST_FAILED, why);
		free(why);
		return;
	}
	if (flock(j->fd, LOCK_EX | LOCK_NB) != 0) {
		close(j->fd);
		j->fd = -1;
		why = xstrdup(_("being downloaded by another tidings"));
		j->f->done = -1;
		j->f->error = j->error = why;
		j->run->pg.failed++;
		j->run->pg.finished = 1;
		j->run->pg.changed = (size_t)(j->f - j->run->files);
		podcast_fetch_report(j->run, 1);
		return;
	}
	if (fstat(j->fd, &part) != 0) {
		why = xasprintf("%s: %s", j->part, strerror(errno));
		podcast_fetch_end(j, DB_PODCAST_FAILED, why);
		free(why);
		return;
	}
	/* Killed between the link and the cache's note of it. */
	if (lstat(j->f->p->file, &fin) == 0 && fin.st_ino == part.st_ino &&
	    fin.st_dev == part.st_dev) {
		unlink(j->part);
		j->f->bytes = j->f->size = part.st_size;
		podcast_fetch_end(j, DB_PODCAST_DONE, NULL);
		return;
	}
	j->f->bytes = part.st_size;
	if (lseek(j->fd, 0, SEEK_END) < 0) {
		why = xasprintf("%s: %s", j->part, strerror(errno));
		podcast_fetch_end(j, DB_PODCAST_FAILED, why);
		free(why);
		return;
	}
	podcast_fetch_save(j, DB_PODCAST_DOWNLOADING, NULL);
	podcast_fetch_add(j);
}

/* download-path exists, is a directory and takes a new file. */
static int
podcast_fetch_check_dir(const char *dir, int is_default, char **cause)
{
	struct stat	 sb;
	char		*probe;
	int		 fd;

	if (is_default) {
		probe = xasprintf("%s/x", dir);
		if (conf_paths_mkdir_parent(probe, cause) != 0) {
			free(probe);
			return (-1);
		}
		free(probe);
	}
	if (stat(dir, &sb) != 0) {
		*cause = xasprintf(_("download-path %s: %s"), dir,
		    strerror(errno));
		return (-1);
	}
	if (!S_ISDIR(sb.st_mode)) {
		*cause = xasprintf(_("download-path %s: %s"), dir,
		    strerror(ENOTDIR));
		return (-1);
	}
	/* Trying is the only answer that holds for root and read-only
	 * mounts alike. */
	probe = xasprintf("%s/.tidings-probe-XXXXXX", dir);
	if ((fd = mkstemp(probe)) == -1) {
		*cause = xasprintf(_("download-path %s: %s"), dir,
		    strerror(errno));
		free(probe);
		return (-1);
	}
	close(fd);
	unlink(probe);
	free(probe);
	return (0);
}

/* The rows to download: the queue's, or the ones asked for. */
static int
podcast_fetch_rows(struct podcast_run *r, char **cause)
{
	struct db_podcast	*v = NULL;
	size_t			 i, k = 0;

	if (r->o->ids == NULL)
		return (db_podcast_list(r->db, 1, &r->rows, &r->n, cause));
	for (i = 0; i < r->o->nids; i++) {
		v = xreallocarray(v, k + 1, sizeof *v);
		if (db_podcast_get(r->db, r->o->ids[i], &v[k], cause) != 0) {
			db_podcast_free(v, k);
			return (-1);
		}
		if (v[k].state == DB_PODCAST_DONE)
			db_podcast_fini(&v[k]);
		else
			k++;
	}
	r->rows = v;
	r->n = k;
	return (0);
}

int
podcast_fetch_run(struct db *db, const struct podcast_opts *o,
    struct podcast_stats *st, char **cause)
{
	struct podcast_run	 r;
	struct net_limits	 l;
	char			*dir;
	size_t			 i;
	int			 is_default, rc = -1;

	memset(st, 0, sizeof *st);
	memset(&r, 0, sizeof r);
	r.db = db;
	r.o = o;
	if (podcast_fetch_rows(&r, cause) != 0)
		return (-1);
	if (r.n == 0) {
		free(r.rows);
		return (0);
	}
	dir = podcast_dir(o->config, &is_default);
	rc = podcast_fetch_check_dir(dir, is_default, cause);
	free(dir);
	if (rc != 0)
		goto out;
	l = *o->limits;
	l.max_conns = (int)conf_file_int(o->config, CONF_MAX_DOWNLOADS);
	l.max_host_conns = l.max_conns;
	if ((r.net = net_new(&l, cause)) == NULL) {
		rc = -1;
		goto out;
	}
	r.files = xcalloc(r.n, sizeof *r.files);
	r.jobs = xcalloc(r.n, sizeof *r.jobs);
	r.pg.files = r.files;
	r.pg.nfiles = r.n;
	for (i = 0; i < r.n; i++) {
		r.files[i].p = &r.rows[i];
		r.files[i].size = r.rows[i].size;
		r.jobs[i].run = &r;
		r.jobs[i].f = &r.files[i];
		r.jobs[i].fd = -1;
	}
	for (i = 0; i < r.n; i++)
		podcast_fetch_start(&r.jobs[i]);
	podcast_fetch_report(&r, 1);
	rc = net_run(r.net, o->cancel, cause);
	st->files = r.n;
	st->done = r.pg.done;
	st->failed = r.pg.failed;
	for (i = 0; i < r.n; i++) {
		if (r.jobs[i].fd != -1)
			close(r.jobs[i].fd);
		free(r.jobs[i].part);
		free(r.jobs[i].error);
	}
	net_free(r.net);
out:
	free(r.files);
	free(r.jobs);
	db_podcast_free(r.rows, r.n);
	return (rc);
}
