/*
 * The podcasts view: the download queue with each file's state, size and
 * progress (read from the cache, so a --download in another process
 * shows too), and keys to download one or all, cancel, delete the file,
 * take an entry out of the queue, and play a file.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conf/conf.h"
#include "db/db.h"
#include "ui/ui-int.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

struct view_podcasts {
	struct db_podcast	*rows;
	size_t			 n;
};

static void
view_podcasts_load(struct ui *ui, struct ui_view *v)
{
	struct view_podcasts	*vp = v->data;
	int64_t			 at = 0;
	char			*cause = NULL;
	size_t			 i;

	if (v->list.cursor < vp->n)
		at = vp->rows[v->list.cursor].id;
	db_podcast_free(vp->rows, vp->n);
	if (db_podcast_list(ui->cfg.db, 0, &vp->rows, &vp->n, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		vp->rows = NULL;
		vp->n = 0;
	}
	ui_list_set_count(&v->list, vp->n);
	/* The cursor stays on its entry when others come or go. */
	for (i = 0; i < vp->n; i++)
		if (vp->rows[i].id == at)
			ui_list_set_cursor(&v->list, i);
}

static const char *
view_podcasts_state(const struct db_podcast *p)
{
	switch (p->state) {
	case DB_PODCAST_QUEUED:
		return (p->bytes > 0 ? _("partial") : _("queued"));
	case DB_PODCAST_DOWNLOADING:
		/* Left so by a run that was killed, or running elsewhere. */
		return (_("downloading"));
	case DB_PODCAST_DONE:
		return (_("done"));
	case DB_PODCAST_FAILED:
		return (_("failed"));
	case DB_PODCAST_CANCELLED:
		return (_("cancelled"));
	case DB_PODCAST_DELETED:
		return (_("deleted"));
	}
	return ("?");
}

/* 512B, 12K, 3.4M, 1.2G. */
static void
view_podcasts_size(char *buf, size_t len, int64_t n)
{
	if (n < 0)
		snprintf(buf, len, "?");
	else if (n < 1024)
		snprintf(buf, len, "%lldB", (long long)n);
	else if (n < 1024 * 1024)
		snprintf(buf, len, "%lldK", (long long)(n / 1024));
	else if (n < (int64_t)1024 * 1024 * 1024)
		snprintf(buf, len, "%.1fM", (double)n / (1024 * 1024));
	else
		snprintf(buf, len, "%.1fG", (double)n / (1024 * 1024 * 1024));
}

static void
view_podcasts_draw(struct ui *ui, struct ui_view *v, int y, int height,
    int width)
{
	struct view_podcasts	*vp = v->data;
	const struct db_podcast	*p;
	const char		*base;
	char			 line[2048], done[32], size[32], pct[8];
	char			*name, *err;
	size_t			 i;
	int			 row;

	if (vp->n == 0 && height > 2) {
		ui_draw_text(y + 1, 2, width - 2, _("The download queue is "
		    "empty: e queues an article's enclosures."), 0);
		return;
	}
	for (row = 0; row < height; row++) {
		i = v->list.top + (size_t)row;
		if (i >= vp->n)
			break;
		p = &vp->rows[i];
		base = strrchr(p->file, '/');
		base = base != NULL ? base + 1 : p->file;
		name = sanitize_text(base, strlen(base), 0);
		err = p->error != NULL ? sanitize_text(p->error,
		    strlen(p->error), 0) : NULL;
		view_podcasts_size(done, sizeof done, p->bytes);
		view_podcasts_size(size, sizeof size, p->size);
		if (p->size > 0)
			snprintf(pct, sizeof pct, "%3d%%",
			    (int)(p->bytes * 100 / p->size));
		else
			snprintf(pct, sizeof pct, "    ");
		snprintf(line, sizeof line, "%4zu  %-11s %7s/%-7s %s  %s%s%s",
		    i + 1, view_podcasts_state(p), done, size, pct, name,
		    err != NULL ? "  - " : "", err != NULL ? err : "");
		free(name);
		free(err);
		ui_draw_text(y + row, 0, width, line, ui_colour_attr(
		    i == v->list.cursor ? ELEM_LISTFOCUS : ELEM_LISTNORMAL));
	}
}

static struct db_podcast *
view_podcasts_current(struct ui_view *v)
{
	struct view_podcasts	*vp = v->data;

	return (v->list.cursor < vp->n ? &vp->rows[v->list.cursor] : NULL);
}

/* Set a row's state, with a message on failure; 0 when done. */
static int
view_podcasts_set(struct ui *ui, const struct db_podcast *p, int state,
    int64_t bytes)
{
	char	*cause = NULL;

	if (db_podcast_set(ui->cfg.db, p->id, state, bytes, p->size, NULL,
	    &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return (-1);
	}
	return (0);
}

static int
view_podcasts_download(struct ui *ui, struct ui_view *v)
{
	struct db_podcast	*p = view_podcasts_current(v);

	if (p == NULL)
		return (0);
	if (p->state == DB_PODCAST_DONE) {
		ui_message(ui, 0, "%s", _("Already downloaded."));
		return (0);
	}
	ui_podcast_start(ui, &p->id, 1);
	return (0);
}

static int
view_podcasts_download_all(struct ui *ui, struct ui_view *v)
{
	(void)v;
	ui_podcast_start(ui, NULL, 0);
	return (0);
}

static int
view_podcasts_cancel(struct ui *ui, struct ui_view *v)
{
	struct db_podcast	*p = view_podcasts_current(v);

	if (p == NULL || p->state == DB_PODCAST_DONE ||
	    p->state == DB_PODCAST_DELETED)
		return (0);
	ui_podcast_cancel(p->id);
	/* Not downloading here: kept out of the next --download too. */
	if (p->state != DB_PODCAST_DOWNLOADING || !ui_podcast_running())
		view_podcasts_set(ui, p, DB_PODCAST_CANCELLED, p->bytes);
	ui_message(ui, 0, "%s", _("Cancelled; d downloads it again."));
	ui_reload_all(ui, 0);
	return (0);
}

/* The file and its part, gone from the disk. */
static int
view_podcasts_unlink(struct ui *ui, const struct db_podcast *p)
{
	char	*part;
	int	 rc = 0;

	part = xasprintf("%s.part", p->file);
	if ((unlink(p->file) != 0 && errno != ENOENT) ||
	    (unlink(part) != 0 && errno != ENOENT)) {
		ui_message(ui, 1, _("cannot delete %s: %s"), p->file,
		    strerror(errno));
		rc = -1;
	}
	free(part);
	return (rc);
}

static int
view_podcasts_delete(struct ui *ui, struct ui_view *v)
{
	struct db_podcast	*p = view_podcasts_current(v);

	if (p == NULL)
		return (0);
	if (p->state == DB_PODCAST_DOWNLOADING && ui_podcast_running()) {
		ui_message(ui, 1, "%s", _("It is downloading: cancel it "
		    "first (c)."));
		return (0);
	}
	if (view_podcasts_unlink(ui, p) == 0 &&
	    view_podcasts_set(ui, p, DB_PODCAST_DELETED, 0) == 0)
		ui_message(ui, 0, "%s", _("File deleted; the entry stays "
		    "in the queue (x removes it)."));
	ui_reload_all(ui, 0);
	return (0);
}

static int
view_podcasts_remove(struct ui *ui, struct ui_view *v)
{
	struct db_podcast	*p = view_podcasts_current(v);
	char			*cause = NULL, *part;

	if (p == NULL)
		return (0);
	if (p->state == DB_PODCAST_DOWNLOADING && ui_podcast_running()) {
		ui_message(ui, 1, "%s", _("It is downloading: cancel it "
		    "first (c)."));
		return (0);
	}
	/* A part without its entry could never be resumed. */
	part = xasprintf("%s.part", p->file);
	(void)unlink(part);
	free(part);
	if (db_podcast_remove(ui->cfg.db, p->id, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	} else
		ui_message(ui, 0, "%s", _("Removed from the queue (a "
		    "downloaded file stays on the disk)."));
	ui_reload_all(ui, 0);
	return (0);
}

static int
view_podcasts_play(struct ui *ui, struct ui_view *v)
{
	struct db_podcast	*p = view_podcasts_current(v);
	char			*cause = NULL;

	if (p == NULL)
		return (0);
	if (p->state != DB_PODCAST_DONE || access(p->file, F_OK) != 0) {
		ui_message(ui, 1, "%s", _("Not downloaded yet: d downloads "
		    "it."));
		return (0);
	}
	if (ui_run_play(ui, conf_file_str(ui->cfg.conf, CONF_PLAYER),
	    p->file, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	}
	return (0);
}

static void
view_podcasts_reload(struct ui *ui, struct ui_view *v, int64_t feed_id)
{
	(void)feed_id;
	view_podcasts_load(ui, v);
}

static void
view_podcasts_resize(struct ui *ui, struct ui_view *v)
{
	ui_list_set_height(&v->list, ui_view_height(ui));
}

static void
view_podcasts_title(struct ui *ui, struct ui_view *v, char *buf, size_t len)
{
	struct view_podcasts	*vp = v->data;

	(void)ui;
	snprintf(buf, len, ngettext("Podcasts (%zu file)",
	    "Podcasts (%zu files)", vp->n), vp->n);
}

static void
view_podcasts_free(struct ui_view *v)
{
	struct view_podcasts	*vp = v->data;

	db_podcast_free(vp->rows, vp->n);
	free(vp);
	free(v);
}

static const struct ui_handler view_podcasts_handlers[] = {
	{ ACT_PB_DOWNLOAD, view_podcasts_download },
	{ ACT_PB_DOWNLOAD_ALL, view_podcasts_download_all },
	{ ACT_PB_CANCEL, view_podcasts_cancel },
	{ ACT_PB_DELETE, view_podcasts_delete },
	{ ACT_PB_REMOVE, view_podcasts_remove },
	{ ACT_PB_PLAY, view_podcasts_play },
	{ ACT_NONE, NULL }
};

static const struct ui_view_type view_podcasts_type = {
	"podcasts", CTX_PODBOAT, view_podcasts_handlers, view_podcasts_draw,
	view_podcasts_reload, view_podcasts_resize, view_podcasts_title,
	view_podcasts_free
};

struct ui_view *
view_podcasts_new(struct ui *ui)
{
	struct ui_view	*v;

	v = xcalloc(1, sizeof *v);
	v->data = xcalloc(1, sizeof (struct view_podcasts));
	v->type = &view_podcasts_type;
	ui_list_init(&v->list, 0);
	ui_list_set_height(&v->list, ui_view_height(ui));
	view_podcasts_load(ui, v);
	return (v);
}

/* P: the queue, from any view (once). */
int
view_podcasts_show(struct ui *ui, struct ui_view *v)
{
	if (v->type != &view_podcasts_type)
		ui_push(ui, view_podcasts_new(ui));
	return (0);
}
