/*
 * The feed list: a line for every unread article, one for the starred
 * ones, then the feeds with their unread/total counts, tags and an error
 * mark. Feeds are few (the urls file), so they are read whole; the counts
 * come from the cache's indexes.
 */
#include "config.h"

#include <ncurses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "conf/conf.h"
#include "db/db-view.h"
#include "ui/ui-int.h"
#include "ui/ui-text.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/tags.h"
#include "util/xmalloc.h"

/* Rows above the feeds. */
#define VF_ROW_UNREAD	0
#define VF_ROW_STARRED	1
#define VF_FIXED	2

struct view_feeds {
	struct db_view_feed	*feeds;
	size_t			 n;
	int64_t			 unread;
	int64_t			 starred;
	char			*tag;
	int			 hide_read;
	/* The urls file's query feeds, with the strings they point to. */
	struct db_view_query	*queries;
	size_t			 nqueries;
	/* A filter set with f or F: feeds with an article it matches (or
	 * that match it, when it reads only feed attributes). */
	char			*filter;
	int			 filter_feed_only;
	char			*filter_label;
	int			*hl;	/* each feed's highlight-feed, -1 */
};

static void
view_feeds_free_queries(struct view_feeds *vf)
{
	size_t	i;

	for (i = 0; i < vf->nqueries; i++) {
		free((char *)vf->queries[i].title);
		free((char *)vf->queries[i].tags);
		free((char *)vf->queries[i].where);
	}
	free(vf->queries);
	vf->queries = NULL;
	vf->nqueries = 0;
}

/* The query feeds of a urls file, placed among its fetched feeds as
 * poll_sync() numbers them. */
static void
view_feeds_set_queries(struct view_feeds *vf, const struct conf_urls *urls)
{
	struct db_view_query	*q;
	size_t			 i;
	int			 fetched = 0;

	view_feeds_free_queries(vf);
	if (urls == NULL)
		return;
	for (i = 0; i < urls->n; i++) {
		if (conf_urls_fetchable(urls->v[i].url))
			fetched++;
		if (urls->v[i].query_where == NULL)
			continue;
		vf->queries = xreallocarray(vf->queries, vf->nqueries + 1,
		    sizeof *vf->queries);
		q = &vf->queries[vf->nqueries++];
		q->title = xstrdup(urls->v[i].title != NULL ?
		    urls->v[i].title : urls->v[i].query_title);
		q->tags = conf_urls_tags_joined(&urls->v[i]);
		q->where = xstrdup(urls->v[i].query_where);
		q->position = fetched;
	}
}

static int
view_feeds_strcmp(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

/* The tags of the query feeds added to a tag list, which stays sorted. */
void
view_feeds_query_tags(struct ui *ui, char ***tags, size_t *n)
{
	struct view_feeds	*vf;
	const char		*p, *end;
	char			*t;
	size_t			 i, j;

	if (ui->nviews == 0)
		return;
	vf = ui->views[0]->data;
	for (i = 0; i < vf->nqueries; i++) {
		for (p = vf->queries[i].tags; p != NULL && *p != '\0';
		    p = *end != '\0' ? end + 1 : end) {
			if ((end = strchr(p, '\t')) == NULL)
				end = p + strlen(p);
			if (end == p)
				continue;
			t = xstrndup(p, (size_t)(end - p));
			for (j = 0; j < *n && strcmp((*tags)[j], t) != 0; j++)
				;
			if (j < *n) {
				free(t);
				continue;
			}
			*tags = xreallocarray(*tags, *n + 1, sizeof **tags);
			(*tags)[(*n)++] = t;
		}
	}
	if (*n > 0)
		qsort(*tags, *n, sizeof **tags, view_feeds_strcmp);
}

static void	view_feeds_read(struct ui *, struct ui_view *);

/* Only the feeds with an article that matches the filter stay (or that
 * match it themselves, a filter of feed attributes). */
static void
view_feeds_apply_filter(struct ui *ui, struct view_feeds *vf)
{
	char	*cause = NULL;
	size_t	 i, k = 0;
	int	 m;

	for (i = 0; i < vf->n; i++) {
		m = db_view_feed_matches(ui->cfg.db, vf->feeds[i].id,
		    vf->feeds[i].query, vf->filter_feed_only, vf->filter,
		    &cause);
		if (m == -1) {
			ui_message(ui, 1, "%s", cause);
			free(cause);
			cause = NULL;
		}
		if (m == 1)
			vf->feeds[k++] = vf->feeds[i];
		else
			db_view_feeds_free_one(&vf->feeds[i]);
	}
	vf->n = k;
}

void
view_feeds_set_filter(struct ui *ui, struct ui_view *v, const char *where,
    int feed_only, const char *label)
{
	struct view_feeds	*vf = v->data;

	free(vf->filter);
	free(vf->filter_label);
	vf->filter = where != NULL ? xstrdup(where) : NULL;
	vf->filter_feed_only = feed_only;
	vf->filter_label = where != NULL && label != NULL ?
	    sanitize_text(label, strlen(label), 0) : NULL;
	v->list.cursor = 0;
	view_feeds_read(ui, v);
	if (vf->n > 0)
		ui_list_set_cursor(&v->list, VF_FIXED);
}

/* The first highlight-feed line each feed matches (itself, when the line
 * reads only feed attributes; else one of its articles does). */
static void
view_feeds_highlight(struct ui *ui, struct view_feeds *vf)
{
	const struct config	*conf = ui->cfg.conf;
	char			*cause = NULL;
	size_t			 i, r;
	int			 m;

	free(vf->hl);
	vf->hl = NULL;
	if (conf == NULL || conf->nfeed_highlights == 0 || vf->n == 0)
		return;
	vf->hl = xreallocarray(NULL, vf->n, sizeof *vf->hl);
	for (i = 0; i < vf->n; i++) {
		vf->hl[i] = -1;
		for (r = 0; r < conf->nfeed_highlights; r++) {
			m = db_view_feed_matches(ui->cfg.db, vf->feeds[i].id,
			    vf->feeds[i].query,
			    conf->feed_highlights[r].feed_only,
			    conf->feed_highlights[r].where, &cause);
			if (m == -1) {
				ui_message(ui, 1, "%s", cause);
				free(cause);
				return;
			}
			if (m == 1) {
				vf->hl[i] = (int)r;
				break;
			}
		}
	}
}

static void
view_feeds_read(struct ui *ui, struct ui_view *v)
{
	struct view_feeds	*vf = v->data;
	int64_t			 keep = -1;
	char			*cause = NULL;
	size_t			 i;

	/* Keep the cursor on the same feed (or fixed row) across re-reads. */
	if (v->list.cursor >= VF_FIXED && v->list.cursor - VF_FIXED < vf->n)
		keep = vf->feeds[v->list.cursor - VF_FIXED].id;
	db_view_feeds_free(vf->feeds, vf->n);
	vf->feeds = NULL;
	vf->n = 0;
	if (db_view_feeds(ui->cfg.db, vf->tag, vf->hide_read, &vf->feeds,
	    &vf->n, &cause) != 0 || db_view_feeds_queries(ui->cfg.db,
	    vf->queries, vf->nqueries, vf->tag, vf->hide_read, &vf->feeds,
	    &vf->n, &cause) != 0 || db_view_totals(ui->cfg.db, &vf->unread,
	    &vf->starred, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	}
	if (vf->filter != NULL)
		view_feeds_apply_filter(ui, vf);
	view_feeds_highlight(ui, vf);
	ui_list_set_count(&v->list, VF_FIXED + vf->n);
	if (keep != -1)
		for (i = 0; i < vf->n; i++)
			if (vf->feeds[i].id == keep) {
				ui_list_set_cursor(&v->list, VF_FIXED + i);
				break;
			}
}

static struct db_view_feed *
view_feeds_current(struct ui_view *v)
{
	struct view_feeds	*vf = v->data;

	if (v->list.cursor < VF_FIXED || v->list.cursor - VF_FIXED >= vf->n)
		return (NULL);
	return (&vf->feeds[v->list.cursor - VF_FIXED]);
}

static void
view_feeds_row(struct ui *ui, struct view_feeds *vf, size_t i, int y,
    int width, int focus)
{
	const struct db_view_feed	*f;
	char				 left[64], *title, *tags = NULL;
	char				 line[2048];
	int				 attr, unread, lw, tw;

	if (i == VF_ROW_UNREAD) {
		snprintf(line, sizeof line, "       (%lld) %s",
		    (long long)vf->unread, _("All unread articles"));
		unread = vf->unread > 0;
		title = NULL;
	} else if (i == VF_ROW_STARRED) {
		snprintf(line, sizeof line, "       (%lld) %s",
		    (long long)vf->starred, _("Starred articles"));
		unread = 0;
		title = NULL;
	} else {
		f = &vf->feeds[i - VF_FIXED];
		unread = f->unread > 0;
		snprintf(left, sizeof left, "%4zu %c%c (%lld/%lld) ",
		    i - VF_FIXED + 1, unread ? 'N' : ' ',
		    f->error != NULL ? '!' : ' ', (long long)f->unread,
		    (long long)f->total);
		title = sanitize_text(f->title, strlen(f->title), 0);
		if (f->tags != NULL && *f->tags != '\0') {
			char	*shown = tags_display(f->tags);

			tags = sanitize_text(shown, strlen(shown), 0);
			free(shown);
		}
		/* Title, then the tags right-aligned if there is room. */
		lw = ui_text_width(left);
		tw = tags != NULL ? ui_text_width(tags) + 3 : 0;
		if (tw > 0 && width - lw - tw >= 10) {
			char	t[1024], *tagcell;

			tagcell = xasprintf(" [%s]", tags);
			snprintf(line, sizeof line, "%s%s%s", left,
			    ui_text_cell(title, width - lw - tw, t, sizeof t),
			    tagcell);
			free(tagcell);
		} else
			snprintf(line, sizeof line, "%s%s", left, title);
		free(title);
		free(tags);
	}
	if (focus)
		attr = ui_colour_attr(unread ? ELEM_LISTFOCUS_UNREAD :
		    ELEM_LISTFOCUS);
	else
		attr = ui_colour_attr(unread ? ELEM_LISTNORMAL_UNREAD :
		    ELEM_LISTNORMAL);
	/* The focused row keeps listfocus's colours. */
	if (!focus && i >= VF_FIXED && vf->hl != NULL &&
	    vf->hl[i - VF_FIXED] >= 0)
		attr = ui_hl_feed_attr((size_t)vf->hl[i - VF_FIXED]);
	ui_hl_text(ui->cfg.conf, y, 0, width, line, attr,
	    focus ? 0 : CONF_HL_FEEDLIST);
}

static void
view_feeds_draw(struct ui *ui, struct ui_view *v, int y, int height,
    int width)
{
	struct view_feeds	*vf = v->data;
	size_t			 i;
	int			 row;

	for (row = 0; row < height; row++) {
		i = v->list.top + (size_t)row;
		if (i >= v->list.count)
			break;
		view_feeds_row(ui, vf, i, y + row, width, i == v->list.cursor);
	}
	if (vf->n == 0 && height > VF_FIXED + 2)
		ui_draw_text(y + VF_FIXED + 1, 2, width - 2, vf->tag != NULL ?
		    _("No feed has this tag.") : vf->filter != NULL ?
		    _("No feed has an article that matches the filter.") :
		    vf->hide_read ?
		    _("No feed has unread articles (l shows them all).") :
		    _("No feeds yet: add URLs to the urls file, or run "
		    "tidings -i FILE.opml."), 0);
}

static void
view_feeds_reload(struct ui *ui, struct ui_view *v, int64_t feed_id)
{
	view_feeds_read(ui, v);
}

static void
view_feeds_title(struct ui *ui, struct ui_view *v, char *buf, size_t len)
{
	struct view_feeds	*vf = v->data;
	char			*tag;

	tag = vf->tag != NULL ? tags_display(vf->tag) : NULL;
	snprintf(buf, len, _("Your feeds (%lld unread)%s%s%s%s"),
	    (long long)vf->unread, tag != NULL ? _(" - tag: ") : "",
	    tag != NULL ? tag : "", vf->filter_label != NULL ?
	    _(" - filter: ") : "", vf->filter_label != NULL ?
	    vf->filter_label : "");
	free(tag);
}

static int
view_feeds_open(struct ui *ui, struct ui_view *v)
{
	struct db_view_feed	*f = view_feeds_current(v);

	if (v->list.cursor == VF_ROW_UNREAD)
		ui_push(ui, view_items_new(ui, DB_VIEW_UNREAD, 0, NULL,
		    _("All unread articles")));
	else if (v->list.cursor == VF_ROW_STARRED)
		ui_push(ui, view_items_new(ui, DB_VIEW_STARRED, 0, NULL,
		    _("Starred articles")));
	else if (f != NULL && f->query != NULL)
		ui_push(ui, view_items_new(ui, DB_VIEW_QUERY, 0, f->query,
		    f->title));
	else if (f != NULL)
		ui_push(ui, view_items_new(ui, DB_VIEW_FEED, f->id, NULL,
		    f->title));
	return (0);
}

static int
view_feeds_reload_one(struct ui *ui, struct ui_view *v)
{
	struct db_view_feed	*f = view_feeds_current(v);
	long long		 id;

	/* A query feed's articles come from every feed. */
	if (f == NULL || f->query != NULL) {
		ui_start_refresh(ui, 0);
		return (0);
	}
	id = f->id;
	ui_start_refresh(ui, id);
	return (0);
}

static int
view_feeds_mark_read(struct ui *ui, struct ui_view *v)
{
	struct db_view_feed	*f = view_feeds_current(v);
	struct db_view_sel	 sel;
	char			*cause = NULL;

	memset(&sel, 0, sizeof sel);
	if (f != NULL && f->query != NULL) {
		sel.kind = DB_VIEW_QUERY;
		sel.query = f->query;
	} else if (f != NULL) {
		sel.kind = DB_VIEW_FEED;
		sel.feed_id = f->id;
	} else
		sel.kind = v->list.cursor == VF_ROW_STARRED ?
		    DB_VIEW_STARRED : DB_VIEW_UNREAD;
	if (db_view_items_mark_read(ui->cfg.db, &sel, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	}
	ui_reload_all(ui, 0);
	return (0);
}

static int
view_feeds_mark_all(struct ui *ui, struct ui_view *v)
{
	struct db_view_sel	 sel;
	char			*cause = NULL;

	memset(&sel, 0, sizeof sel);
	sel.kind = DB_VIEW_UNREAD;
	if (db_view_items_mark_read(ui->cfg.db, &sel, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	} else
		ui_message(ui, 0, "%s", _("Every article is marked read."));
	ui_reload_all(ui, 0);
	return (0);
}

static int
view_feeds_set_tag(struct ui *ui, struct ui_view *v)
{
	ui_push(ui, view_pick_tags_new(ui));
	return (0);
}

static int
view_feeds_clear_tag(struct ui *ui, struct ui_view *v)
{
	view_feeds_set_tag_to(ui, v, NULL);
	return (0);
}

void
view_feeds_set_tag_to(struct ui *ui, struct ui_view *v, const char *tag)
{
	struct view_feeds	*vf = v->data;

	free(vf->tag);
	vf->tag = tag != NULL ? xstrdup(tag) : NULL;
	v->list.cursor = 0;
	view_feeds_read(ui, v);
	ui_dirty(ui);
}

static int
view_feeds_toggle_read(struct ui *ui, struct ui_view *v)
{
	struct view_feeds	*vf = v->data;

	vf->hide_read = !vf->hide_read;
	view_feeds_read(ui, v);
	ui_message(ui, 0, "%s", vf->hide_read ? _("Hiding read feeds.") :
	    _("Showing every feed."));
	return (0);
}

static int
view_feeds_show_error(struct ui *ui, struct ui_view *v)
{
	struct db_view_feed	*f = view_feeds_current(v);
	char			*e;

	if (f == NULL || f->error == NULL) {
		ui_message(ui, 0, "%s", _("No error for this feed."));
		return (0);
	}
	e = sanitize_text(f->error, strlen(f->error), 0);
	ui_message(ui, 1, "%s", e);
	free(e);
	return (0);
}

/*
 * The index of the next (dir 1) or previous feed after from_feed (0: from
 * the cursor, counting it), one with unread articles when unread; -1
 * when there is none.
 */
long
view_feeds_find(struct ui *ui, struct ui_view *v, int64_t from_feed, int dir,
    int unread)
{
	struct view_feeds	*vf = v->data;
	long			 i, start = -1;

	view_feeds_read(ui, v);
	if (from_feed != 0) {
		for (i = 0; i < (long)vf->n; i++)
			if (vf->feeds[i].id == from_feed)
				start = i + dir;
		if (start == -1 && dir > 0)
			start = 0;	/* that feed is hidden now */
	} else if (v->list.cursor < VF_FIXED)
		start = dir > 0 ? 0 : (long)vf->n - 1;
	else
		start = (long)(v->list.cursor - VF_FIXED);
	for (i = start; i >= 0 && i < (long)vf->n; i += dir)
		if (!unread || vf->feeds[i].unread > 0)
			return (i);
	return (-1);
}

/* That feed's headlines opened; -1 when there is none. */
int
view_feeds_seek(struct ui *ui, struct ui_view *v, int64_t from_feed, int dir,
    int unread)
{
	long	i;

	if ((i = view_feeds_find(ui, v, from_feed, dir, unread)) == -1)
		return (-1);
	ui_list_set_cursor(&v->list, VF_FIXED + (size_t)i);
	view_feeds_open(ui, v);
	return (0);
}


/* The row of the next or previous feed with unread articles; -1 when
 * there is none. The cursor does not move. */
long
view_feeds_find_unread(struct ui *ui, struct ui_view *v, int64_t from_feed,
    int dir)
{
	long	i;

	if ((i = view_feeds_find(ui, v, from_feed, dir, 1)) == -1)
		return (-1);
	return (VF_FIXED + i);
}

/* Put the cursor on row and open what is there. */
void
view_feeds_open_row(struct ui *ui, struct ui_view *v, size_t row)
{
	ui_list_set_cursor(&v->list, row);
	view_feeds_open(ui, v);
}

static int
view_feeds_next_unread(struct ui *ui, struct ui_view *v)
{
	view_items_goto_unread(ui, 1);
	return (0);
}

static int
view_feeds_prev_unread(struct ui *ui, struct ui_view *v)
{
	view_items_goto_unread(ui, -1);
	return (0);
}

/* o in the feed list: the feed's web site (else the feed itself). */
static int
view_feeds_browser(struct ui *ui, struct ui_view *v)
{
	struct db_view_feed	*f = view_feeds_current(v);
	char			*cause = NULL;

	if (f == NULL)
		return (0);
	if (f->query != NULL) {
		ui_message(ui, 0, "%s", _("A query feed has no web site."));
		return (0);
	}
	if (ui_run_open_url(ui, f->site_link != NULL ? f->site_link : f->url,
	    &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	}
	return (0);
}

static const struct ui_handler view_feeds_handlers[] = {
	{ ACT_OPEN, view_feeds_open },
	{ ACT_RELOAD, view_feeds_reload_one },
	{ ACT_MARK_FEED_READ, view_feeds_mark_read },
	{ ACT_MARK_ALL_READ, view_feeds_mark_all },
	{ ACT_SET_TAG, view_feeds_set_tag },
	{ ACT_CLEAR_TAG, view_feeds_clear_tag },
	{ ACT_TOGGLE_SHOW_READ, view_feeds_toggle_read },
	{ ACT_SHOW_ERROR, view_feeds_show_error },
	{ ACT_OPEN_BROWSER, view_feeds_browser },
	{ ACT_NEXT_UNREAD, view_feeds_next_unread },
	{ ACT_PREV_UNREAD, view_feeds_prev_unread },
	{ ACT_SELECT_FILTER, ui_filter_select },
	{ ACT_SET_FILTER, ui_filter_set },
	{ ACT_CLEAR_FILTER, ui_filter_clear },
	{ ACT_NONE, NULL }
};

static void
view_feeds_free(struct ui_view *v)
{
	struct view_feeds	*vf = v->data;

	db_view_feeds_free(vf->feeds, vf->n);
	view_feeds_free_queries(vf);
	free(vf->filter);
	free(vf->filter_label);
	free(vf->hl);
	free(vf->tag);
	free(vf);
	free(v);
}

static const struct ui_view_type view_feeds_type = {
	"feeds", CTX_FEEDS, view_feeds_handlers, view_feeds_draw,
	view_feeds_reload, NULL, view_feeds_title, view_feeds_free
};

/* The urls file read again: its query feeds replace the list's. */
void
view_feeds_urls_reloaded(struct ui *ui, const struct conf_urls *urls)
{
	int	i;

	for (i = 0; i < ui->nviews; i++)
		if (ui->views[i]->type == &view_feeds_type)
			view_feeds_set_queries(ui->views[i]->data, urls);
}

struct ui_view *
view_feeds_new(struct ui *ui)
{
	struct ui_view		*v;
	struct view_feeds	*vf;
	size_t			 i;

	v = xcalloc(1, sizeof *v);
	vf = xcalloc(1, sizeof *vf);
	vf->hide_read = !ui->cfg.show_read_feeds;
	v->type = &view_feeds_type;
	v->data = vf;
	view_feeds_set_queries(vf, ui->cfg.urls);
	ui_list_init(&v->list, 0);
	ui_list_set_height(&v->list, ui_view_height(ui));
	view_feeds_read(ui, v);
	/* Start on the first feed rather than on the fixed lines. */
	if (vf->n > 0)
		ui_list_set_cursor(&v->list, VF_FIXED);
	for (i = 0; i < vf->n && vf->feeds[i].total == 0; i++)
		;
	if (vf->n > 0 && i == vf->n && !ui->cfg.refresh_on_startup)
		ui_message(ui, 0, "%s", _("No articles yet: press R to fetch "
		    "the feeds."));
	return (v);
}

/* show-read-feeds set from the command line. */
void
view_feeds_set_hide_read(struct ui *ui, struct ui_view *v, int hide)
{
	struct view_feeds	*vf = v->data;

	if (vf->hide_read == hide)
		return;
	vf->hide_read = hide;
	view_feeds_read(ui, v);
	ui_dirty(ui);
}

/*
 * The next feed after the cursor (round to the top) whose title holds
 * text, in any case: 0 with the cursor on it, or -1.
 */
int
view_feeds_goto_text(struct ui *ui, struct ui_view *v, const char *text)
{
	struct view_feeds	*vf = v->data;
	size_t			 i, k, from, n = strlen(text);
	const char		*t;

	if (vf->n == 0 || n == 0)
		return (-1);
	from = v->list.cursor >= VF_FIXED ? v->list.cursor - VF_FIXED + 1 : 0;
	for (k = 0; k < vf->n; k++) {
		i = (from + k) % vf->n;
		for (t = vf->feeds[i].title; t != NULL && *t != '\0'; t++)
			if (strncasecmp(t, text, n) == 0) {
				ui_list_set_cursor(&v->list, VF_FIXED + i);
				ui_dirty(ui);
				return (0);
			}
	}
	return (-1);
}

/* The list row of the feed numbered n (from 1) on screen. */
size_t
view_feeds_row_of(size_t n)
{
	return (VF_FIXED + n - 1);
}
