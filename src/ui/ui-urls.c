/*
 * The urls file while the reader runs: read again when it changed (its
 * inode, size or modification time), before every refresh of all feeds
 * and on reload-urls; edited in the user's editor (edit-urls). A file
 * that does not read leaves the feed list as it was, with a message.
 * Feeds that left the file are hidden, their articles and marks kept in
 * the cache for a while (db_feeds_sync, db_prune_feeds), so that adding
 * a feed back restores them.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "conf/conf.h"
#include "poll/poll.h"
#include "ui/ui-int.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* What the file looks like now (exists 0 when it does not). */
static void
ui_urls_stat(const char *path, struct ui_urls_stamp *st)
{
	struct stat	sb;

	memset(st, 0, sizeof *st);
	if (stat(path, &sb) != 0)
		return;
	st->exists = 1;
	st->dev = (long long)sb.st_dev;
	st->ino = (long long)sb.st_ino;
	st->size = (long long)sb.st_size;
	st->mtime = (long long)sb.st_mtim.tv_sec;
	st->mtime_ns = (long long)sb.st_mtim.tv_nsec;
}

void
ui_urls_remember(struct ui *ui)
{
	ui_urls_stat(ui->cfg.urls_path, &ui->urls_stamp);
}

int
ui_urls_changed(struct ui *ui)
{
	struct ui_urls_stamp	now;

	ui_urls_stat(ui->cfg.urls_path, &now);
	return (memcmp(&now, &ui->urls_stamp, sizeof now) != 0);
}

int
ui_urls_reload(struct ui *ui, int force)
{
	struct conf_urls	 urls;
	struct ui_urls_stamp	 before;
	char			*cause = NULL;

	/* From a sync server, the server says what the feeds are. */
	if (ui->cfg.remote) {
		if (force)
			ui_message(ui, 0, "%s", _("The feeds come from the sync "
			    "server (urls-source): the urls file is not read."));
		return (0);
	}
	if (!force && !ui_urls_changed(ui))
		return (0);
	if (ui->refreshing) {
		ui_message(ui, 0, "%s", _("A refresh is running: reload the "
		    "urls file after it."));
		return (-1);
	}
	if (ui->cfg.db == NULL)
		return (-1);
	/* Taken before reading: an edit made meanwhile is seen next time. */
	ui_urls_stat(ui->cfg.urls_path, &before);
	free(ui->urls_error);
	ui->urls_error = NULL;
	/* Gone (mid-save, or removed): not a reason to drop every feed. */
	if (!before.exists && ui->urls_stamp.exists)
		cause = xasprintf("%s: %s", ui->cfg.urls_path,
		    strerror(ENOENT));
	if (cause != NULL ||
	    conf_urls_load(ui->cfg.urls_path, &urls, &cause) != 0) {
		ui->urls_error = xasprintf(_("%s; the feeds are kept as they "
		    "were."), cause);
		ui_message(ui, 1, "%s", ui->urls_error);
		free(cause);
		return (-1);
	}
	if (poll_sync(ui->cfg.db, &urls, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		conf_urls_fini(&urls);
		return (-1);
	}
	ui->urls_stamp = before;
	view_feeds_urls_reloaded(ui, &urls);
	ui_message(ui, 0, ngettext("The urls file has %zu feed.",
	    "The urls file has %zu feeds.", urls.n), urls.n);
	conf_urls_fini(&urls);
	ui_reload_all(ui, 0);
	return (0);
}

void
ui_urls_edit(struct ui *ui)
{
	const char	*editor;
	char		*cmd, *cause = NULL;
	int		 status;

	if (ui->refreshing) {
		ui_message(ui, 0, "%s", _("A refresh is running: edit the "
		    "urls file after it."));
		return;
	}
	if (conf_paths_mkdir_parent(ui->cfg.urls_path, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return;
	}
	if ((editor = getenv("VISUAL")) == NULL || *editor == '\0')
		editor = getenv("EDITOR");
	if (editor == NULL || *editor == '\0')
		editor = "vi";
	/* The editor's command line is the user's, so the shell reads it;
	 * the file's name goes in as $1, never into the command. */
	cmd = xasprintf("%s \"$1\"", editor);
	status = ui_shell_run(cmd, ui->cfg.urls_path, &cause);
	free(cmd);
	ui_dirty(ui);
	if (status == -1) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return;
	}
	if (ui_urls_changed(ui))
		ui_urls_reload(ui, 1);
	else
		ui_message(ui, 0, "%s", _("The urls file did not change."));
	if (status != 0)
		ui_message(ui, 1, _("The editor %s exited with status %d."),
		    editor, status);
}
