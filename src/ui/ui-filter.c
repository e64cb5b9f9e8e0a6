/*
 * Filters on the feed list and the article list (Newsboat's f, F and
 * ^F): an expression of the filter language, from the config's
 * define-filter lines or typed at a prompt, narrows the list it is set
 * on. A bad expression leaves the list as it was and says why.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "conf/conf.h"
#include "filter/filter.h"
#include "ui/ui-int.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* Set (expr) or clear (NULL) the filter of view v; 0, or -1 told. */
int
ui_filter_apply(struct ui *ui, struct ui_view *v, const char *expr,
    const char *label)
{
	struct filter_err	 err;
	char			*where = NULL, *e;
	int			 feed_only = 0;

	if (expr != NULL && (where = filter_compile_feed(expr, &feed_only,
	    &err)) == NULL) {
		e = filter_err_str(&err);
		ui_message(ui, 1, _("Bad filter: %s"), e);
		free(e);
		filter_err_fini(&err);
		return (-1);
	}
	if (v->type->ctx == CTX_FEEDS)
		view_feeds_set_filter(ui, v, where, feed_only, label != NULL ?
		    label : expr);
	else if (v->type->ctx == CTX_ITEMS)
		view_items_set_filter(ui, v, where, label != NULL ? label :
		    expr);
	free(where);
	ui_dirty(ui);
	return (0);
}

int
ui_filter_select(struct ui *ui, struct ui_view *v)
{
	if (ui->cfg.conf == NULL || ui->cfg.conf->define_filter.n == 0) {
		ui_message(ui, 0, "%s", _("No filters: add define-filter NAME "
		    "EXPRESSION lines to the config file, or press F."));
		return (0);
	}
	ui_push(ui, view_pick_filters_new(ui));
	return (0);
}

int
ui_filter_set(struct ui *ui, struct ui_view *v)
{
	char	*expr;

	if ((expr = ui_input_prompt(ui, _("Filter: "))) == NULL)
		return (0);
	if (*expr != '\0')
		ui_filter_apply(ui, v, expr, NULL);
	free(expr);
	return (0);
}

int
ui_filter_clear(struct ui *ui, struct ui_view *v)
{
	ui_filter_apply(ui, v, NULL, NULL);
	return (0);
}
