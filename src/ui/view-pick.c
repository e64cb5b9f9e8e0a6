/*
 * Pick lists of strings: the URL view (the article's links; choosing one
 * opens it in the browser) and the tag selection (choosing one filters
 * the feed list). Both are the shared list widget over an array.
 */
#include "config.h"

#include <ncurses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db-view.h"
#include "ui/ui-int.h"
#include "util/i18n.h"
#include "util/tags.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

struct view_pick {
	char	**v;
	char	**label;	/* what each row is, or NULL */
	size_t	  n;
	int	  tags;	/* rows are tags: shown quoted as needed */
	int	  filters; /* rows are define-filter names (label: expr) */
	struct ui_links links;	/* the URL view's */
};

static void
view_pick_draw(struct ui *ui, struct ui_view *v, int y, int height,
    int width)
{
	struct view_pick	*vp = v->data;
	char			 line[2048], *s, *l;
	size_t			 i;
	int			 row, focus;

	for (row = 0; row < height; row++) {
		i = v->list.top + (size_t)row;
		if (i >= vp->n)
			break;
		focus = i == v->list.cursor;
		if (vp->tags) {
			char	*tag = tags_display(vp->v[i]);

			snprintf(line, sizeof line, "%4zu  %s", i + 1, tag);
			free(tag);
		} else {
			/* URLs come from feeds: sanitised for the terminal. */
			s = sanitize_text(vp->v[i], strlen(vp->v[i]), 0);
			l = vp->label != NULL && vp->label[i] != NULL ?
			    sanitize_text(vp->label[i], strlen(vp->label[i]), 0) : NULL;
			snprintf(line, sizeof line, "%4zu  %s%s%s%s", i + 1, s,
			    l != NULL ? "  (" : "", l != NULL ? l : "",
			    l != NULL ? ")" : "");
			free(s);
			free(l);
		}
		ui_draw_text(y + row, 0, width, line, ui_colour_attr(focus ?
		    ELEM_LISTFOCUS : ELEM_LISTNORMAL));
	}
}

static const char *
view_pick_current(struct ui_view *v)
{
	struct view_pick	*vp = v->data;

	return (v->list.cursor < vp->n ? vp->v[v->list.cursor] : NULL);
}

static int
view_pick_open_url(struct ui *ui, struct ui_view *v)
{
	const char	*url = view_pick_current(v);
	char		*cause = NULL;

	if (url != NULL && ui_run_open_url(ui, url, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	}
	return (0);
}

/* A digit or `#`: link n is row n; the cursor goes there too. */
static int
view_pick_goto_url(struct ui *ui, struct ui_view *v)
{
	struct view_pick	*vp = v->data;
	size_t			 n;

	if ((n = ui_links_ask(ui, &vp->links, ui->key)) == 0)
		return (0);
	ui_list_set_cursor(&v->list, n - 1);
	return (view_pick_open_url(ui, v));
}

static int
view_pick_choose_tag(struct ui *ui, struct ui_view *v)
{
	const char	*tag = view_pick_current(v);
	struct ui_view	*feeds;
	char		*copy;

	if (tag == NULL)
		return (0);
	copy = xstrdup(tag);
	ui_pop(ui);
	if ((feeds = ui_top(ui)) != NULL && feeds->type->ctx == CTX_FEEDS)
		view_feeds_set_tag_to(ui, feeds, copy);
	free(copy);
	return (0);
}

/* A define-filter chosen: set on the list below the picker. */
static int
view_pick_choose_filter(struct ui *ui, struct ui_view *v)
{
	struct view_pick	*vp = v->data;
	struct ui_view		*list;
	char			*name, *expr;
	size_t			 i = v->list.cursor;

	if (i >= vp->n)
		return (0);
	name = xstrdup(vp->v[i]);
	expr = xstrdup(vp->label[i]);
	ui_pop(ui);
	if ((list = ui_top(ui)) != NULL)
		ui_filter_apply(ui, list, expr, name);
	free(name);
	free(expr);
	return (0);
}

static void
view_pick_free(struct ui_view *v)
{
	struct view_pick	*vp = v->data;
	size_t			 i;

	if (vp->links.url == vp->v)
		ui_links_free(&vp->links);
	else {
		for (i = 0; i < vp->n; i++)
			free(vp->v[i]);
		free(vp->v);
		if (vp->filters) {
			for (i = 0; i < vp->n; i++)
				free(vp->label[i]);
			free(vp->label);
		}
	}
	free(vp);
	free(v);
}

static void
view_urls_title(struct ui *ui, struct ui_view *v, char *buf, size_t len)
{
	snprintf(buf, len, "%s", _("URLs"));
}

static void
view_tags_title(struct ui *ui, struct ui_view *v, char *buf, size_t len)
{
	snprintf(buf, len, "%s", _("Select a tag"));
}

static const struct ui_handler view_urls_handlers[] = {
	{ ACT_OPEN, view_pick_open_url },
	{ ACT_OPEN_BROWSER, view_pick_open_url },
	{ ACT_GOTO_URL, view_pick_goto_url },
	{ ACT_NONE, NULL }
};

static void
view_filters_title(struct ui *ui, struct ui_view *v, char *buf, size_t len)
{
	snprintf(buf, len, "%s", _("Select a filter"));
}

static const struct ui_handler view_filters_handlers[] = {
	{ ACT_OPEN, view_pick_choose_filter },
	{ ACT_NONE, NULL }
};

/* A pick list like the tags': their context (bind-key tagselection). */
static const struct ui_view_type view_filters_type = {
	"filters", CTX_TAGS, view_filters_handlers, view_pick_draw, NULL,
	NULL, view_filters_title, view_pick_free
};

static const struct ui_handler view_tags_handlers[] = {
	{ ACT_OPEN, view_pick_choose_tag },
	{ ACT_NONE, NULL }
};

static const struct ui_view_type view_urls_type = {
	"urls", CTX_URLS, view_urls_handlers, view_pick_draw, NULL, NULL,
	view_urls_title, view_pick_free
};

static const struct ui_view_type view_tags_type = {
	"tags", CTX_TAGS, view_tags_handlers, view_pick_draw, NULL, NULL,
	view_tags_title, view_pick_free
};

static struct ui_view *
view_pick_new(struct ui *ui, const struct ui_view_type *type, char **v,
    size_t n)
{
	struct ui_view		*view;
	struct view_pick	*vp;

	view = xcalloc(1, sizeof *view);
	vp = xcalloc(1, sizeof *vp);
	vp->v = v;
	vp->n = n;
	vp->tags = type == &view_tags_type;
	view->type = type;
	view->data = vp;
	ui_list_init(&view->list, 0);
	ui_list_set_height(&view->list, ui_view_height(ui));
	ui_list_set_count(&view->list, n);
	return (view);
}

struct ui_view *
view_pick_urls_new(struct ui *ui, struct ui_links *l)
{
	struct ui_view		*view;
	struct view_pick	*vp;

	view = view_pick_new(ui, &view_urls_type, l->url, l->n);
	vp = view->data;
	vp->links = *l;
	vp->label = l->label;
	memset(l, 0, sizeof *l);
	return (view);
}

struct ui_view *
view_pick_tags_new(struct ui *ui)
{
	char	**tags = NULL, *cause = NULL;
	size_t	  n = 0;

	if (db_view_tags(ui->cfg.db, &tags, &n, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	}
	view_feeds_query_tags(ui, &tags, &n);
	if (n == 0)
		ui_message(ui, 0, "%s", _("No feed has a tag: add some after "
		    "the URL in the urls file."));
	return (view_pick_new(ui, &view_tags_type, tags, n));
}

struct ui_view *
view_pick_filters_new(struct ui *ui)
{
	const struct conf_cmds	*l = &ui->cfg.conf->define_filter;
	struct ui_view		*view;
	struct view_pick	*vp;
	char			**names, **exprs;
	size_t			 i;

	names = xreallocarray(NULL, l->n + 1, sizeof *names);
	exprs = xreallocarray(NULL, l->n + 1, sizeof *exprs);
	for (i = 0; i < l->n; i++) {
		names[i] = xstrdup(l->v[i].argv[0]);
		exprs[i] = xstrdup(l->v[i].argv[1]);
	}
	view = view_pick_new(ui, &view_filters_type, names, l->n);
	vp = view->data;
	vp->label = exprs;
	vp->filters = 1;
	return (view);
}
