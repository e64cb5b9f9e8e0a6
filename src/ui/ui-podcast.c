/*
 * The reader's side of the download queue: enqueue (e) from the article
 * list and the article.
 */
#include "config.h"

#include <stdlib.h>

#include "db/db.h"
#include "podcast/podcast.h"
#include "ui/ui-int.h"
#include "util/i18n.h"

void
ui_podcast_enqueue(struct ui *ui, int64_t item_id)
{
	struct db_podcast_item	 it;
	size_t			 added;
	char			*cause = NULL;

	if (db_podcast_item(ui->cfg.db, item_id, &it, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return;
	}
	if (it.enclosures == NULL) {
		db_podcast_item_fini(&it);
		ui_message(ui, 1, "%s", _("This article has no enclosure."));
		return;
	}
	db_podcast_item_fini(&it);
	if (podcast_queue_item(ui->cfg.db, ui->cfg.conf, item_id, 0, &added,
	    &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return;
	}
	if (added == 0)
		ui_message(ui, 0, "%s", _("Already in the download queue."));
	else
		ui_message(ui, 0, ngettext("Queued %zu enclosure for download "
		    "(tidings --download).", "Queued %zu enclosures for "
		    "download (tidings --download).", added), added);
}
