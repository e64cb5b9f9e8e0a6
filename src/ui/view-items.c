/*
 * Headlines: one feed's, every unread one, the starred ones or a search's,
 * newest first. Only the rows on screen are held (a window re-read when
 * the list scrolls past it), so a feed of a million items opens as fast as
 * one of ten.
 */
#include "config.h"

#include <ncurses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "db/db-view.h"
#include "ui/ui-int.h"
#include "ui/ui-text.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

struct view_items {
	struct db_view_sel	 sel;
	char			*query;
	char			*title;
	char			*filter;	/* sel.filter's SQL */
	char			*filter_label;
	struct db_view_item	*win;	/* rows [win_off, win_off + win_n) */
	int			*hl;	/* each row's highlight-article, -1 */
	size_t			 win_off;
	size_t			 win_n;
	int			 stale;
	/* The article last opened from here (id and sort key): n and p in
	 * it go on from it, even when it left this list on being read. */
	struct db_view_item	 opened;
};

static void
view_items_drop_window(struct view_items *vi)
{
	db_view_items_free(vi->win, vi->win_n);
	vi->win = NULL;
	vi->win_n = 0;
	free(vi->hl);
	vi->hl = NULL;
}

/* The first highlight-article rule each row of the window matches. */
static void
view_items_highlight(struct ui *ui, struct view_items *vi)
{
	const struct config	*conf = ui->cfg.conf;
	unsigned char		*m;
	char			*cause = NULL;
	size_t			 r, i;

	if (conf == NULL || conf->nhighlights == 0 || vi->win_n == 0)
		return;
	vi->hl = xreallocarray(NULL, vi->win_n, sizeof *vi->hl);
	m = xmalloc(vi->win_n);
	for (i = 0; i < vi->win_n; i++)
		vi->hl[i] = -1;
	for (r = 0; r < conf->nhighlights; r++) {
		if (db_view_items_match(ui->cfg.db, vi->win, vi->win_n,
		    conf->highlights[r].where, m, &cause) != 0) {
			ui_message(ui, 1, "%s", cause);
			free(cause);
			break;
		}
		for (i = 0; i < vi->win_n; i++)
			if (m[i] && vi->hl[i] == -1)
				vi->hl[i] = (int)r;
	}
	free(m);
}

/* Make sure rows [top, top + height) are in the window. */
static void
view_items_fill(struct ui *ui, struct ui_view *v)
{
	struct view_items	*vi = v->data;
	size_t			 h = (size_t)v->list.height;
	char			*cause = NULL;

	if (!vi->stale && v->list.top >= vi->win_off &&
	    v->list.top + h <= vi->win_off + vi->win_n)
		return;
	if (!vi->stale && v->list.top >= vi->win_off && vi->win_off +
	    vi->win_n >= v->list.count && vi->win_n > 0)
		return;		/* the window already runs to the end */
	view_items_drop_window(vi);
	vi->win_off = v->list.top;
	vi->stale = 0;
	if (db_view_items(ui->cfg.db, &vi->sel, vi->win_off, h,
	    v->list.count, &vi->win, &vi->win_n, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	}
	view_items_highlight(ui, vi);
}

/* The item under the cursor, or NULL. */
static struct db_view_item *
view_items_current(struct ui *ui, struct ui_view *v)
{
	struct view_items	*vi = v->data;

	/* An empty list (or one not counted yet) has no window to read. */
	if (v->list.count == 0)
		return (NULL);
	view_items_fill(ui, v);
	if (v->list.cursor < vi->win_off ||
	    v->list.cursor >= vi->win_off + vi->win_n)
		return (NULL);
	return (&vi->win[v->list.cursor - vi->win_off]);
}

/* Count again and keep the cursor on the same item. */
static void
view_items_read(struct ui *ui, struct ui_view *v)
{
	struct view_items	*vi = v->data;
	struct db_view_item	*cur, keep;
	size_t			 count = 0, pos;
	char			*cause = NULL;
	int			 have = 0;

	if ((cur = view_items_current(ui, v)) != NULL) {
		keep = *cur;
		have = 1;
	}
	if (db_view_items_count(ui->cfg.db, &vi->sel, &count, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	}
	if (have && db_view_items_position(ui->cfg.db, &vi->sel, &keep,
	    &pos) == 0) {
		/* Shift the screen with the cursor so nothing jumps. */
		if (pos >= v->list.cursor)
			v->list.top += pos - v->list.cursor;
		else
			v->list.top -= v->list.cursor - pos < v->list.top ?
			    v->list.cursor - pos : v->list.top;
		v->list.cursor = pos;
	}
	vi->stale = 1;
	ui_list_set_count(&v->list, count);
}

static void
view_items_date(int64_t t, char *buf, size_t len)
{
	struct tm	tm;
	time_t		tt = (time_t)t;

	if (t <= 0 || localtime_r(&tt, &tm) == NULL)
		snprintf(buf, len, "%-10s", "");
	else
		strftime(buf, len, "%Y-%m-%d", &tm);
}

static void
view_items_draw(struct ui *ui, struct ui_view *v, int y, int height,
    int width)
{
	struct view_items	*vi = v->data;
	struct db_view_item	*it;
	char			 date[32], author[256], line[2048];
	char			*title, *auth;
	size_t			 i;
	int			 row, attr, focus, aw;

	view_items_fill(ui, v);
	aw = width >= 100 ? 18 : width >= 70 ? 12 : 0;
	for (row = 0; row < height; row++) {
		i = v->list.top + (size_t)row;
		if (i >= v->list.count || i < vi->win_off ||
		    i >= vi->win_off + vi->win_n)
			break;
		it = &vi->win[i - vi->win_off];
		view_items_date(it->published, date, sizeof date);
		title = sanitize_text(it->title ? it->title : "",
		    it->title ? strlen(it->title) : 0, 0);
		auth = sanitize_text(it->author ? it->author : "",
		    it->author ? strlen(it->author) : 0, 0);
		if (aw > 0)
			ui_text_cell(auth, aw, author, sizeof author);
		else
			author[0] = '\0';
		snprintf(line, sizeof line, "%4zu %c%c %s  %s%s%s", i + 1,
		    it->unread ? 'N' : ' ', it->starred ? '*' : ' ', date,
		    author, aw > 0 ? "  " : "", *title != '\0' ? title :
		    _("(untitled)"));
		free(title);
		free(auth);
		focus = i == v->list.cursor;
		if (focus)
			attr = ui_colour_attr(it->unread ?
			    ELEM_LISTFOCUS_UNREAD : ELEM_LISTFOCUS);
		else
			attr = ui_colour_attr(it->unread ?
			    ELEM_LISTNORMAL_UNREAD : ELEM_LISTNORMAL);
		/* The focused row keeps listfocus's colours. */
		if (!focus && vi->hl != NULL && vi->hl[i - vi->win_off] >= 0)
			attr = ui_colour_highlight(
			    (size_t)vi->hl[i - vi->win_off]);
		ui_hl_text(ui->cfg.conf, y + row, 0, width, line, attr,
		    focus ? 0 : CONF_HL_ARTICLELIST);
	}
	if (v->list.count == 0)
		ui_draw_text(y + 1, 2, width - 2, vi->sel.kind ==
		    DB_VIEW_SEARCH ? _("Nothing matches.") :
		    _("No articles here."), 0);
}

static void
view_items_reload(struct ui *ui, struct ui_view *v, int64_t feed_id)
{
	struct view_items	*vi = v->data;

	if (feed_id != 0 && vi->sel.kind == DB_VIEW_FEED &&
	    vi->sel.feed_id != feed_id)
		return;
	view_items_read(ui, v);
}

static void
view_items_resize(struct ui *ui, struct ui_view *v)
{
	((struct view_items *)v->data)->stale = 1;
}

static void
view_items_title(struct ui *ui, struct ui_view *v, char *buf, size_t len)
{
	struct view_items	*vi = v->data;
	char			*t;

	t = sanitize_text(vi->title, strlen(vi->title), 0);
	if (vi->filter_label != NULL)
		snprintf(buf, len, ngettext("%s (%zu article) - filter: %s",
		    "%s (%zu articles) - filter: %s", v->list.count), t,
		    v->list.count, vi->filter_label);
	else
		snprintf(buf, len, ngettext("%s (%zu article)",
		    "%s (%zu articles)", v->list.count), t, v->list.count);
	free(t);
}

void
view_items_set_filter(struct ui *ui, struct ui_view *v, const char *where,
    const char *label)
{
	struct view_items	*vi = v->data;

	free(vi->filter);
	free(vi->filter_label);
	vi->filter = where != NULL ? xstrdup(where) : NULL;
	vi->filter_label = where != NULL && label != NULL ?
	    sanitize_text(label, strlen(label), 0) : NULL;
	vi->sel.filter = vi->filter;
	vi->stale = 1;
	v->list.cursor = 0;
	v->list.top = 0;
	view_items_read(ui, v);
}

static int
view_items_open(struct ui *ui, struct ui_view *v)
{
	struct view_items	*vi = v->data;
	struct db_view_item	*it = view_items_current(ui, v);
	int64_t			 feed_id;
	int			 unread;

	if (it == NULL)
		return (0);
	feed_id = it->feed_id;
	unread = it->unread;
	memset(&vi->opened, 0, sizeof vi->opened);
	vi->opened.id = it->id;
	vi->opened.published = it->published;
	ui_push(ui, view_article_new(ui, it->id));
	/* Opening marks it read: every view below counts it so. */
	if (unread)
		ui_reload_all(ui, feed_id);
	return (0);
}

static int
view_items_toggle_read(struct ui *ui, struct ui_view *v)
{
	struct db_view_item	*it = view_items_current(ui, v);
	char			*cause = NULL;

	if (it == NULL)
		return (0);
	if (db_view_set_unread(ui->cfg.db, it->id, !it->unread,
	    &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return (0);
	}
	ui_message(ui, 0, "%s", it->unread ? _("Marked read.") :
	    _("Marked unread."));
	ui_reload_all(ui, it->feed_id);
	return (0);
}

static int
view_items_toggle_star(struct ui *ui, struct ui_view *v)
{
	struct db_view_item	*it = view_items_current(ui, v);
	char			*cause = NULL;

	if (it == NULL)
		return (0);
	if (db_view_set_starred(ui->cfg.db, it->id, !it->starred,
	    &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return (0);
	}
	ui_message(ui, 0, "%s", it->starred ? _("Unstarred.") :
	    _("Starred."));
	ui_reload_all(ui, it->feed_id);
	return (0);
}

static int
view_items_mark_read(struct ui *ui, struct ui_view *v)
{
	struct view_items	*vi = v->data;
	char			*cause = NULL;

	if (db_view_items_mark_read(ui->cfg.db, &vi->sel, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	} else
		ui_message(ui, 0, "%s", _("All marked read."));
	ui_reload_all(ui, 0);
	return (0);
}

static int
view_items_mark_all(struct ui *ui, struct ui_view *v)
{
	struct db_view_sel	 sel;
	char			*cause = NULL;

	memset(&sel, 0, sizeof sel);
	sel.kind = DB_VIEW_UNREAD;
	if (db_view_items_mark_read(ui->cfg.db, &sel, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	}
	ui_reload_all(ui, 0);
	return (0);
}

static int
view_items_browser(struct ui *ui, struct ui_view *v)
{
	struct db_view_item	*it = view_items_current(ui, v);
	char			*cause = NULL;

	if (it == NULL || it->link == NULL) {
		ui_message(ui, 1, "%s", _("This article has no link."));
		return (0);
	}
	if (ui_run_open_url(ui, it->link, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	}
	return (0);
}

static int
view_items_reload_feed(struct ui *ui, struct ui_view *v)
{
	struct view_items	*vi = v->data;
	long long		 id = vi->sel.feed_id;

	if (vi->sel.kind == DB_VIEW_FEED)
		ui_start_refresh(ui, id);
	else
		ui_start_refresh(ui, 0);
	return (0);
}

/*
 * The position of the next (dir 1) or previous (-1) unread item of this
 * list after `from` (NULL: from the end the search starts at); 0 and
 * *pos, or -1 when there is none. Nothing moves.
 */
static int
view_items_find_unread(struct ui *ui, struct ui_view *v,
    const struct db_view_item *from, int dir, size_t *pos)
{
	struct view_items	*vi = v->data;

	return (db_view_items_next_unread(ui->cfg.db, &vi->sel, from, dir,
	    pos));
}

/*
 * Move the cursor to the next (dir 1) or previous (-1) unread item of
 * this list, counting the cursor's own row when inclusive; returns its
 * id, or 0 when there is none.
 */
int64_t
view_items_move_unread(struct ui *ui, struct ui_view *v, int dir,
    int inclusive)
{
	struct db_view_item	*cur;
	size_t			 pos;

	cur = inclusive ? NULL : view_items_current(ui, v);
	if (view_items_find_unread(ui, v, cur, dir, &pos) != 0)
		return (0);
	ui_list_set_cursor(&v->list, pos);
	if ((cur = view_items_current(ui, v)) == NULL)
		return (0);
	return (cur->id);
}

/* The feed a feed's headline list shows, or 0. */
int64_t
view_items_feed(struct ui_view *v)
{
	struct view_items	*vi = v->data;

	return (vi->sel.kind == DB_VIEW_FEED ? vi->sel.feed_id : 0);
}

/*
 * n and p everywhere: the next unread article in this list, else in the
 * next feed that has one (Newsboat's next-unread), opened. The target is
 * found before any view is left: with none, the user stays where he is
 * (in the article too) and is told.
 */
void
view_items_goto_unread(struct ui *ui, int dir)
{
	struct ui_view		*top = ui_top(ui), *items = NULL;
	struct ui_view		*feeds = NULL;
	struct view_items	*vi;
	struct db_view_item	*from;
	size_t			 pos;
	int64_t			 from_feed = 0;
	long			 row = -1;

	if (top == NULL)
		return;
	if (top->type->ctx == CTX_ARTICLE)
		items = ui_below(ui, top);
	else
		items = top;
	if (items != NULL && items->type->ctx == CTX_FEEDS) {
		feeds = items;
		items = NULL;
	} else if (items != NULL && items->type->ctx != CTX_ITEMS)
		items = NULL;
	if (items != NULL) {
		vi = items->data;
		/* From the article being read, else from the cursor. */
		from = top != items && vi->opened.id != 0 ? &vi->opened :
		    view_items_current(ui, items);
		if (view_items_find_unread(ui, items, from, dir, &pos) == 0) {
			if (top != items)
				ui_pop(ui);
			ui_list_set_cursor(&items->list, pos);
			view_items_open(ui, items);
			return;
		}
		/* Other feeds only from a feed's list over the feed list. */
		if ((from_feed = view_items_feed(items)) != 0 &&
		    (feeds = ui_below(ui, items)) != NULL &&
		    feeds->type->ctx != CTX_FEEDS)
			feeds = NULL;
	}
	if (feeds != NULL && (items == NULL || from_feed != 0))
		row = view_feeds_find_unread(ui, feeds, from_feed, dir);
	if (row == -1) {
		ui_message(ui, 0, "%s", _("No more unread articles."));
		return;
	}
	while (ui_top(ui) != feeds)
		ui_pop(ui);
	view_feeds_open_row(ui, feeds, (size_t)row);
	top = ui_top(ui);
	if (top != feeds && top->type->ctx == CTX_ITEMS &&
	    view_items_move_unread(ui, top, dir, 1) != 0)
		view_items_open(ui, top);
}

static int
view_items_next_unread(struct ui *ui, struct ui_view *v)
{
	view_items_goto_unread(ui, 1);
	return (0);
}

static int
view_items_prev_unread(struct ui *ui, struct ui_view *v)
{
	view_items_goto_unread(ui, -1);
	return (0);
}

/* O: the link in the browser, and the article marked read. */
static int
view_items_browser_read(struct ui *ui, struct ui_view *v)
{
	struct db_view_item	*it = view_items_current(ui, v);
	char			*cause = NULL;
	int64_t			 id, feed;

	if (it == NULL || it->link == NULL) {
		ui_message(ui, 1, "%s", _("This article has no link."));
		return (0);
	}
	id = it->id;
	feed = it->feed_id;
	if (ui_run_open_url(ui, it->link, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return (0);
	}
	if (db_view_set_unread(ui->cfg.db, id, 0, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return (0);
	}
	ui_reload_all(ui, feed);
	return (0);
}

/*
 * j, k, ^N and ^P in a feed's headlines: the next (dir 1) or previous
 * feed's, or the next or previous feed with unread articles, in the feed
 * list's order; this list stays when there is none.
 */
static int
view_items_step_feed(struct ui *ui, struct ui_view *v, int dir, int unread)
{
	struct ui_view	*fv = ui_below(ui, v);
	int64_t		 feed = view_items_feed(v);

	if (feed == 0 || fv == NULL || fv->type->ctx != CTX_FEEDS) {
		ui_message(ui, 0, "%s", _("Not a feed's articles."));
		return (0);
	}
	if (view_feeds_find(ui, fv, feed, dir, unread) == -1) {
		ui_message(ui, 0, "%s", unread ?
		    _("No more feeds with unread articles.") :
		    _("No more feeds."));
		return (0);
	}
	ui_pop(ui);
	(void)view_feeds_seek(ui, fv, feed, dir, unread);
	return (0);
}

static int
view_items_next_feed(struct ui *ui, struct ui_view *v)
{
	return (view_items_step_feed(ui, v, 1, 0));
}

static int
view_items_prev_feed(struct ui *ui, struct ui_view *v)
{
	return (view_items_step_feed(ui, v, -1, 0));
}

static int
view_items_next_unread_feed(struct ui *ui, struct ui_view *v)
{
	return (view_items_step_feed(ui, v, 1, 1));
}

static int
view_items_prev_unread_feed(struct ui *ui, struct ui_view *v)
{
	return (view_items_step_feed(ui, v, -1, 1));
}

/*
 * J and K in an article: the next (dir 1) or previous article of the
 * headlines below it, read or not, opened; -1 at either end (the article
 * stays).
 */
int
view_items_goto_step(struct ui *ui, int dir)
{
	struct ui_view	*v = ui_below(ui, ui_top(ui));
	size_t		 pos;

	if (v == NULL || v->type->ctx != CTX_ITEMS)
		return (-1);
	pos = v->list.cursor;
	if (dir > 0 ? pos + 1 >= v->list.count : pos == 0)
		return (-1);
	ui_pop(ui);
	ui_list_set_cursor(&v->list, dir > 0 ? pos + 1 : pos - 1);
	view_items_open(ui, v);
	return (0);
}

/*
 * ^K: a random unread article, opened from the list of every unread one
 * (so that n and p go on from there), over the feed list.
 */
void
view_items_random_unread(struct ui *ui)
{
	static int		 seeded;
	struct db_view_sel	 sel;
	struct ui_view		*v;
	size_t			 n = 0;
	char			*cause = NULL;

	memset(&sel, 0, sizeof sel);
	sel.kind = DB_VIEW_UNREAD;
	if (db_view_items_count(ui->cfg.db, &sel, &n, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return;
	}
	if (n == 0) {
		ui_message(ui, 0, "%s", _("No unread articles."));
		return;
	}
	if (!seeded) {
		srandom((unsigned int)time(NULL) ^ (unsigned int)getpid());
		seeded = 1;
	}
	while (ui->nviews > 1)
		ui_pop(ui);
	v = view_items_new(ui, DB_VIEW_UNREAD, 0, NULL,
	    _("All unread articles"));
	ui_push(ui, v);
	ui_list_set_cursor(&v->list, (size_t)random() % n);
	view_items_open(ui, v);
}

int64_t
view_items_current_id(struct ui *ui, struct ui_view *v)
{
	struct db_view_item	*it = view_items_current(ui, v);

	return (it != NULL ? it->id : 0);
}

static int
view_items_save(struct ui *ui, struct ui_view *v)
{
	ui_save_ask(ui, view_items_current_id(ui, v));
	return (0);
}

static int
view_items_pipe(struct ui *ui, struct ui_view *v)
{
	ui_save_pipe(ui, view_items_current_id(ui, v));
	return (0);
}

static int
view_items_enqueue(struct ui *ui, struct ui_view *v)
{
	struct db_view_item	*it = view_items_current(ui, v);

	if (it != NULL)
		ui_podcast_enqueue(ui, it->id);
	return (0);
}

static const struct ui_handler view_items_handlers[] = {
	{ ACT_OPEN, view_items_open },
	{ ACT_TOGGLE_READ, view_items_toggle_read },
	{ ACT_TOGGLE_STAR, view_items_toggle_star },
	{ ACT_MARK_FEED_READ, view_items_mark_read },
	{ ACT_MARK_ALL_READ, view_items_mark_all },
	{ ACT_OPEN_BROWSER, view_items_browser },
	{ ACT_RELOAD, view_items_reload_feed },
	{ ACT_NEXT_UNREAD, view_items_next_unread },
	{ ACT_PREV_UNREAD, view_items_prev_unread },
	{ ACT_OPEN_BROWSER_READ, view_items_browser_read },
	{ ACT_NEXT_FEED, view_items_next_feed },
	{ ACT_PREV_FEED, view_items_prev_feed },
	{ ACT_NEXT_UNREAD_FEED, view_items_next_unread_feed },
	{ ACT_PREV_UNREAD_FEED, view_items_prev_unread_feed },
	{ ACT_SAVE, view_items_save },
	{ ACT_PIPE, view_items_pipe },
	{ ACT_ENQUEUE, view_items_enqueue },
	{ ACT_SELECT_FILTER, ui_filter_select },
	{ ACT_SET_FILTER, ui_filter_set },
	{ ACT_CLEAR_FILTER, ui_filter_clear },
	{ ACT_NONE, NULL }
};

static void
view_items_free(struct ui_view *v)
{
	struct view_items	*vi = v->data;

	view_items_drop_window(vi);
	free(vi->query);
	free(vi->title);
	free(vi->filter);
	free(vi->filter_label);
	free(vi);
	free(v);
}

static const struct ui_view_type view_items_type = {
	"items", CTX_ITEMS, view_items_handlers, view_items_draw,
	view_items_reload, view_items_resize, view_items_title,
	view_items_free
};

struct ui_view *
view_items_new(struct ui *ui, int kind, int64_t feed_id, const char *query,
    const char *title)
{
	struct ui_view		*v;
	struct view_items	*vi;

	v = xcalloc(1, sizeof *v);
	vi = xcalloc(1, sizeof *vi);
	vi->sel.kind = (enum db_view_kind)kind;
	vi->sel.feed_id = feed_id;
	if (query != NULL) {
		vi->query = xstrdup(query);
		vi->sel.query = vi->query;
	}
	vi->title = xstrdup(title != NULL ? title : "");
	vi->stale = 1;
	v->type = &view_items_type;
	v->data = vi;
	ui_list_init(&v->list, 0);
	ui_list_set_height(&v->list, ui_view_height(ui));
	view_items_read(ui, v);
	return (v);
}
