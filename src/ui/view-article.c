/*
 * The article: a header (feed, title, author, date, link, enclosures) and
 * the body rendered from HTML by src/render (parsed once, re-wrapped on
 * every resize), in the pager. Opening it marks it read. `/` searches the
 * text and highlights what it finds. The body is the article's full text
 * when one was fetched from its page: opening an article that lacks it
 * asks the poller for it (the `fulltext` setting of its feed), `r` asks
 * again, and the view is laid out anew when it arrives.
 */
#include "config.h"

#include <ctype.h>
#include <ncurses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "conf/conf.h"
#include "db/db-view.h"
#include "poll/poll.h"
#include "ui/ui-int.h"
#include "ui/ui-text.h"
#include "ui/view-article-int.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

struct view_article {
	struct db_view_article	*art;
	struct va_body		*body;
	struct va_line		*lines;
	size_t			 nlines;
	int			 width;
	char			*search;
	int			 fetching;	/* full text asked for */
};

/* Under this many characters of summary (and no content), a feed is
 * taken to give only a teaser: `fulltext auto` fetches the page. */
#define VA_TEASER_CHARS	1000

static void
view_article_add(struct view_article *va, const char *text, int attr,
    const struct va_span *spans, size_t nspans)
{
	struct va_line	*l;

	va->lines = xreallocarray(va->lines, va->nlines + 1,
	    sizeof *va->lines);
	l = &va->lines[va->nlines++];
	l->text = xstrdup(text);
	l->attr = attr;
	l->spans = NULL;
	l->nspans = nspans;
	if (nspans > 0) {
		l->spans = xreallocarray(NULL, nspans, sizeof *spans);
		memcpy(l->spans, spans, nspans * sizeof *spans);
	}
}

static void
view_article_clear(struct view_article *va)
{
	size_t	i;

	for (i = 0; i < va->nlines; i++) {
		free(va->lines[i].text);
		free(va->lines[i].spans);
	}
	free(va->lines);
	va->lines = NULL;
	va->nlines = 0;
}

/* A header field, wrapped under its label. */
static void
view_article_header(struct view_article *va, const char *label,
    const char *value, int width)
{
	size_t	 starts[64], n, i, end;
	char	*clean, *line;
	int	 lw = ui_text_width(label) + 1;

	if (value == NULL || *value == '\0')
		return;
	clean = sanitize_text(value, strlen(value), 0);
	n = ui_text_wrap(clean, width - lw > 10 ? width - lw : 10, starts,
	    64);
	if (n > 64)
		n = 64;
	for (i = 0; i < n; i++) {
		end = i + 1 < n ? starts[i + 1] : strlen(clean);
		while (end > starts[i] && clean[end - 1] == ' ')
			end--;
		line = xasprintf("%-*s%.*s", lw, i == 0 ? label : "",
		    (int)(end - starts[i]), clean + starts[i]);
		view_article_add(va, line, i == 0 ? VA_ATTR_LABEL : 0, NULL,
		    0);
		free(line);
	}
	free(clean);
}

/* One line on where the full text stands, above the body. */
static void
view_article_state(struct view_article *va)
{
	struct db_view_article	*a = va->art;
	char			*line, keys[64], *sp;

	if (va->fetching)
		line = xstrdup(_("Fetching the full text from the article's "
		    "page..."));
	else if (a->fulltext_tried && a->fulltext == NULL &&
	    poll_fulltext_refuse(a->item.link, a->feed_url) == NULL) {
		/* The fetcher's and extractor's words are a key away
		 * (show-error): they are long and not translated. */
		conf_keys_for(CTX_ARTICLE, ACT_SHOW_ERROR, keys, sizeof keys);
		if ((sp = strchr(keys, ' ')) != NULL)
			*sp = '\0';
		if (keys[0] != '\0')
			line = xasprintf(_("No full text from the article's "
			    "page (%s: why); the feed's text follows."), keys);
		else
			line = xstrdup(_("No full text from the article's "
			    "page; the feed's text follows."));
	} else
		return;
	/* One line, however long the reason: drawing cuts it to fit. */
	view_article_add(va, line, VA_ATTR_ITALIC, NULL, 0);
	view_article_add(va, "", 0, NULL, 0);
	free(line);
}

/* Lay the article out for the current width. */
static void
view_article_layout(struct ui *ui, struct ui_view *v)
{
	struct view_article	*va = v->data;
	struct db_view_article	*a = va->art;
	const struct db_view_enclosure *e;
	struct ui_links		 links;
	char			 date[64], *s;
	struct tm		 tm;
	time_t			 t;
	size_t			 i;
	int			 w = ui->width > 20 ? ui->width - 1 : 20;

	view_article_clear(va);
	va->width = ui->width;
	if (a == NULL) {
		view_article_add(va, _("This article is gone."), 0, NULL, 0);
		ui_list_set_count(&v->list, va->nlines);
		return;
	}
	view_article_header(va, _("Feed:"), a->feed_title, w);
	view_article_header(va, _("Title:"), a->item.title, w);
	view_article_header(va, _("Author:"), a->item.author, w);
	if (a->item.published > 0) {
		t = (time_t)a->item.published;
		localtime_r(&t, &tm);
		strftime(date, sizeof date, "%a, %d %b %Y %H:%M", &tm);
		view_article_header(va, _("Date:"), date, w);
	}
	view_article_header(va, _("Link:"), a->item.link, w);
	view_article_body_links(a, va->body, &links);
	for (i = 0; i < a->nenclosures; i++) {
		e = &a->enclosures[i];
		/* Its number, for the digit keys and the URL view. */
		s = xasprintf("[%zu] %s%s%s%s", view_article_body_link_number(
		    &links, e->url), e->url, e->type != NULL ? " (" : "",
		    e->type != NULL ? e->type : "", e->type != NULL ? ")" : "");
		view_article_header(va, _("Enclosure:"), s, w);
		free(s);
	}
	ui_links_free(&links);
	view_article_add(va, "", 0, NULL, 0);
	view_article_state(va);
	view_article_body_lines(va->body, w, view_article_add, va);
	ui_list_set_count(&v->list, va->nlines);
}

/* Find s in line (ASCII case folded); byte offset or -1. */
static long
view_article_find(const char *line, const char *s)
{
	size_t	n = strlen(s), i;

	if (n == 0)
		return (-1);
	for (i = 0; line[i] != '\0'; i++)
		if (strncasecmp(line + i, s, n) == 0)
			return ((long)i);
	return (-1);
}

static void
view_article_draw(struct ui *ui, struct ui_view *v, int y, int height,
    int width)
{
	struct view_article	*va = v->data;
	struct va_line		*l;
	size_t			 i;
	long			 off, at;
	int			 row, x, base;
	char			*pre;

	if (va->width != ui->width)
		view_article_layout(ui, v);
	base = ui_colour_attr(ELEM_ARTICLE);
	for (row = 0; row < height; row++) {
		i = v->list.top + (size_t)row;
		if (i >= va->nlines)
			break;
		l = &va->lines[i];
		view_article_body_draw_line(y + row, width, l, base);
		ui_hl_paint(ui->cfg.conf, y + row, 0, width, l->text,
		    CONF_HL_ARTICLE);
		if (va->search == NULL)
			continue;
		/* Highlight every match on the line. */
		for (off = 0; (at = view_article_find(l->text + off,
		    va->search)) != -1; off += at + (long)strlen(va->search)) {
			pre = xstrndup(l->text, (size_t)(off + at));
			x = ui_text_width(pre);
			free(pre);
			pre = xstrndup(l->text + off + at, strlen(va->search));
			if (x < width)
				ui_draw_text(y + row, x, ui_text_width(pre) <
				    width - x ? ui_text_width(pre) : width - x,
				    pre, ui_colour_attr(ELEM_HIGHLIGHT));
			free(pre);
		}
	}
}

static void
view_article_resize(struct ui *ui, struct ui_view *v)
{
	size_t	top = v->list.top;

	view_article_layout(ui, v);
	ui_list_set_cursor(&v->list, top);
}

static void
view_article_title(struct ui *ui, struct ui_view *v, char *buf, size_t len)
{
	struct view_article	*va = v->data;
	char			*t;
	const char		*title;

	title = va->art != NULL && va->art->item.title != NULL ?
	    va->art->item.title : "";
	t = sanitize_text(title, strlen(title), 0);
	snprintf(buf, len, _("Article - %s"), t);
	free(t);
}

static int
view_article_browser(struct ui *ui, struct ui_view *v)
{
	struct view_article	*va = v->data;
	char			*cause = NULL;

	if (va->art == NULL || va->art->item.link == NULL) {
		ui_message(ui, 1, "%s", _("This article has no link."));
		return (0);
	}
	if (ui_run_open_url(ui, va->art->item.link, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	}
	return (0);
}

static int
view_article_urls(struct ui *ui, struct ui_view *v)
{
	struct view_article	*va = v->data;
	struct ui_links		 l;

	if (va->art == NULL)
		return (0);
	view_article_body_links(va->art, va->body, &l);
	if (l.n == 0) {
		ui_message(ui, 0, "%s", _("This article has no links."));
		ui_links_free(&l);
		return (0);
	}
	ui_push(ui, view_pick_urls_new(ui, &l));
	return (0);
}

/* Why the full text failed, in the fetcher's or extractor's words. */
static int
view_article_show_error(struct ui *ui, struct ui_view *v)
{
	struct view_article	*va = v->data;
	const char		*e;
	char			*why;

	if (va->art == NULL || va->art->fulltext != NULL ||
	    (e = va->art->fulltext_error) == NULL) {
		ui_message(ui, 0, "%s", _("No error to show."));
		return (0);
	}
	why = sanitize_text(e, strlen(e), 0);
	ui_message(ui, 1, _("Full text: %s"), why);
	free(why);
	return (0);
}

static int
view_article_goto_url(struct ui *ui, struct ui_view *v)
{
	struct view_article	*va = v->data;
	struct ui_links		 l;

	if (va->art == NULL)
		return (0);
	view_article_body_links(va->art, va->body, &l);
	ui_links_goto(ui, &l, ui->key);
	ui_links_free(&l);
	return (0);
}

static int
view_article_toggle_read(struct ui *ui, struct ui_view *v)
{
	struct view_article	*va = v->data;
	char			*cause = NULL;

	if (va->art == NULL)
		return (0);
	va->art->item.unread = !va->art->item.unread;
	if (db_view_set_unread(ui->cfg.db, va->art->item.id,
	    va->art->item.unread, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return (0);
	}
	ui_message(ui, 0, "%s", va->art->item.unread ? _("Marked unread.") :
	    _("Marked read."));
	ui_reload_all(ui, va->art->item.feed_id);
	return (0);
}

static int
view_article_star(struct ui *ui, struct ui_view *v)
{
	struct view_article	*va = v->data;
	char			*cause = NULL;

	if (va->art == NULL)
		return (0);
	va->art->item.starred = !va->art->item.starred;
	if (db_view_set_starred(ui->cfg.db, va->art->item.id,
	    va->art->item.starred, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return (0);
	}
	ui_message(ui, 0, "%s", va->art->item.starred ? _("Starred.") :
	    _("Unstarred."));
	ui_reload_all(ui, va->art->item.feed_id);
	return (0);
}

static int
view_article_search(struct ui *ui, struct ui_view *v)
{
	struct view_article	*va = v->data;
	char			*q;
	size_t			 i;

	if ((q = ui_input_prompt(ui, _("Find in article: "))) == NULL)
		return (0);
	free(va->search);
	va->search = NULL;
	if (*q == '\0') {
		free(q);
		return (0);
	}
	va->search = q;
	for (i = 0; i < va->nlines; i++)
		if (view_article_find(va->lines[i].text, q) != -1) {
			ui_list_set_cursor(&v->list, i > 2 ? i - 2 : 0);
			return (0);
		}
	ui_message(ui, 0, _("Not found: %s"), q);
	return (0);
}

/* Ask the poller for the article's full text; 0 when asked. */
static int
view_article_ask(struct ui *ui, struct ui_view *v)
{
	struct view_article	*va = v->data;
	char			*cause = NULL;

	if (ui->cfg.poller == NULL || ui->cfg.poller->fulltext == NULL) {
		ui_message(ui, 1, "%s", _("Fetching articles is not "
		    "available."));
		return (-1);
	}
	if (ui->cfg.poller->fulltext(ui->cfg.poller_arg, va->art->item.id,
	    ui->notify[1], &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return (-1);
	}
	va->fetching = 1;
	return (0);
}

/* Does the article want its page fetched on opening (its feed's
 * fulltext setting, and what the feed gave)? */
static int
view_article_wants(struct ui *ui, const struct db_view_article *a)
{
	enum conf_fulltext	mode;

	/* Never a page that cannot be fetched (javascript:, mailto:, a
	 * local file from a feed on the network): no line about it. */
	if (a->fulltext_tried || a->item.link == NULL ||
	    *a->item.link == '\0' || ui->cfg.conf == NULL ||
	    poll_fulltext_refuse(a->item.link, a->feed_url) != NULL)
		return (0);
	mode = conf_file_fulltext(ui->cfg.conf, a->feed_url, a->feed_tags);
	if (mode == CONF_FULLTEXT_YES)
		return (1);
	return (mode == CONF_FULLTEXT_AUTO && a->content_len == 0 &&
	    a->summary_len < VA_TEASER_CHARS);
}

static int
view_article_fetch(struct ui *ui, struct ui_view *v)
{
	struct view_article	*va = v->data;
	const char		*why;

	if (va->art == NULL)
		return (0);
	if (va->art->item.link == NULL || *va->art->item.link == '\0') {
		ui_message(ui, 1, "%s", _("This article has no link."));
		return (0);
	}
	if ((why = poll_fulltext_refuse(va->art->item.link,
	    va->art->feed_url)) != NULL) {
		ui_message(ui, 1, _("No full text: %s."), why);
		return (0);
	}
	if (view_article_ask(ui, v) == 0) {
		ui_message(ui, 0, "%s", _("Fetching the full text..."));
		view_article_layout(ui, v);
	}
	return (0);
}

/* The poller stored (or failed) the full text of item_id. */
void
view_article_fulltext(struct ui *ui, struct ui_view *v, int64_t item_id)
{
	struct view_article	*va = v->data;
	struct db_view_article	*a = NULL;
	struct va_body		*b;
	char			*cause = NULL;
	size_t			 top = v->list.top;

	if (va->art == NULL || va->art->item.id != item_id)
		return;
	va->fetching = 0;
	if (db_view_article(ui->cfg.db, item_id, &a, &cause) != 0 ||
	    (b = view_article_body_new(a, &cause)) == NULL) {
		/* Keep what is on screen, without the "fetching" line. */
		ui_message(ui, 1, "%s", cause);
		free(cause);
		db_view_article_free(a);
		view_article_layout(ui, v);
		return;
	}
	/* The marks as this view has them (the user may have changed
	 * them while the page was fetched). */
	a->item.unread = va->art->item.unread;
	a->item.starred = va->art->item.starred;
	db_view_article_free(va->art);
	view_article_body_free(va->body);
	va->art = a;
	va->body = b;
	if (a->fulltext != NULL)
		ui_message(ui, 0, "%s", _("Full text fetched."));
	else
		ui_message(ui, 1, "%s", _("No full text for this article."));
	view_article_layout(ui, v);
	ui_list_set_cursor(&v->list, top);
}

static int
view_article_next_unread(struct ui *ui, struct ui_view *v)
{
	view_items_goto_unread(ui, 1);
	return (0);
}

static int
view_article_prev_unread(struct ui *ui, struct ui_view *v)
{
	view_items_goto_unread(ui, -1);
	return (0);
}

/* J and K: the next or previous article, read or not. */
static int
view_article_step(struct ui *ui, int dir)
{
	if (view_items_goto_step(ui, dir) != 0)
		ui_message(ui, 0, "%s", dir > 0 ? _("This is the last "
		    "article.") : _("This is the first article."));
	return (0);
}

static int
view_article_next(struct ui *ui, struct ui_view *v)
{
	return (view_article_step(ui, 1));
}

static int
view_article_prev(struct ui *ui, struct ui_view *v)
{
	return (view_article_step(ui, -1));
}

int64_t
view_article_id(struct ui_view *v)
{
	struct view_article	*va = v->data;

	return (va->art != NULL ? va->art->item.id : 0);
}

static int
view_article_save(struct ui *ui, struct ui_view *v)
{
	ui_save_ask(ui, view_article_id(v));
	return (0);
}

static int
view_article_pipe(struct ui *ui, struct ui_view *v)
{
	ui_save_pipe(ui, view_article_id(v));
	return (0);
}

static int
view_article_enqueue(struct ui *ui, struct ui_view *v)
{
	struct view_article	*va = v->data;

	if (va->art != NULL)
		ui_podcast_enqueue(ui, va->art->item.id);
	return (0);
}

static const struct ui_handler view_article_handlers[] = {
	{ ACT_OPEN_BROWSER, view_article_browser },
	{ ACT_SHOW_URLS, view_article_urls },
	{ ACT_GOTO_URL, view_article_goto_url },
	{ ACT_SHOW_ERROR, view_article_show_error },
	{ ACT_TOGGLE_READ, view_article_toggle_read },
	{ ACT_TOGGLE_STAR, view_article_star },
	{ ACT_SEARCH, view_article_search },
	{ ACT_NEXT_UNREAD, view_article_next_unread },
	{ ACT_PREV_UNREAD, view_article_prev_unread },
	{ ACT_FETCH_FULLTEXT, view_article_fetch },
	{ ACT_NEXT, view_article_next },
	{ ACT_PREV, view_article_prev },
	{ ACT_OPEN_BROWSER_READ, view_article_browser },
	{ ACT_SAVE, view_article_save },
	{ ACT_PIPE, view_article_pipe },
	{ ACT_ENQUEUE, view_article_enqueue },
	{ ACT_NONE, NULL }
};

static void
view_article_free(struct ui_view *v)
{
	struct view_article	*va = v->data;

	view_article_clear(va);
	view_article_body_free(va->body);
	db_view_article_free(va->art);
	free(va->search);
	free(va);
	free(v);
}

static const struct ui_view_type view_article_type = {
	"article", CTX_ARTICLE, view_article_handlers, view_article_draw,
	NULL, view_article_resize, view_article_title, view_article_free
};

struct ui_view *
view_article_new(struct ui *ui, int64_t item_id)
{
	struct ui_view		*v;
	struct view_article	*va;
	char			*cause = NULL;

	v = xcalloc(1, sizeof *v);
	va = xcalloc(1, sizeof *va);
	v->type = &view_article_type;
	v->data = va;
	ui_list_init(&v->list, 1);
	ui_list_set_height(&v->list, ui_view_height(ui));
	if (db_view_article(ui->cfg.db, item_id, &va->art, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		va->art = NULL;
	}
	if (va->art != NULL) {
		va->body = view_article_body_new(va->art, &cause);
		if (va->body == NULL) {
			ui_message(ui, 1, "%s", cause);
			free(cause);
		}
		if (va->art->item.unread && db_view_set_unread(ui->cfg.db,
		    item_id, 0, &cause) != 0) {
			ui_message(ui, 1, "%s", cause);
			free(cause);
		}
		va->art->item.unread = 0;
		if (view_article_wants(ui, va->art))
			(void)view_article_ask(ui, v);
	}
	view_article_layout(ui, v);
	return (v);
}
