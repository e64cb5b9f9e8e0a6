/*
 * The article's body: HTML rendered by src/render (gumbo) into wrapped
 * lines with attributes and a numbered link list, parsed once and wrapped
 * again for every width.
 */
#include "config.h"

#include <ncurses.h>
#include <stdlib.h>
#include <string.h>

#include "db/db-view.h"
#include "render/render.h"
#include "ui/ui-int.h"
#include "ui/ui-text.h"
#include "ui/view-article-int.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"


/* Add url (as it is: it is cleaned when opened, sanitised when drawn)
 * unless the list has it already. */
static void
va_add_link(struct ui_links *l, const char *url, char *label)
{
	size_t	i;

	if (url == NULL || *url == '\0') {
		free(label);
		return;
	}
	for (i = 0; i < l->n; i++)
		if (strcmp(l->url[i], url) == 0) {
			free(label);
			return;
		}
	l->url = xreallocarray(l->url, l->n + 1, sizeof *l->url);
	l->label = xreallocarray(l->label, l->n + 1, sizeof *l->label);
	l->url[l->n] = xstrdup(url);
	l->label[l->n++] = label;
}

struct va_body {
	struct render_doc	*doc;
};

struct va_body *
view_article_body_new(const struct db_view_article *a, char **cause)
{
	struct va_body	*b;
	const char	*html = a->body != NULL ? a->body : "";

	/* The article from its page, when there is one, over the feed's. */
	if (a->fulltext != NULL)
		html = a->fulltext;

	b = xcalloc(1, sizeof *b);
	if (render_doc_new(html, strlen(html), a->base_url, NULL, &b->doc,
	    cause) != 0) {
		free(b);
		return (NULL);
	}
	return (b);
}

void
view_article_body_free(struct va_body *b)
{
	if (b == NULL)
		return;
	render_doc_free(b->doc);
	free(b);
}

void
view_article_body_lines(struct va_body *b, int width, va_add_fn *add,
    struct view_article *va)
{
	struct render_lines	*rl;
	struct va_span		*spans;
	size_t			 i, j;

	if (b == NULL)
		return;
	rl = render_wrap_doc(b->doc, width, RENDER_WRAP_LINKLIST);
	for (i = 0; i < rl->nlines; i++) {
		spans = NULL;
		if (rl->lines[i].nspans > 0)
			spans = xreallocarray(NULL, rl->lines[i].nspans,
			    sizeof *spans);
		for (j = 0; j < rl->lines[i].nspans; j++) {
			spans[j].off = rl->lines[i].spans[j].off;
			spans[j].len = rl->lines[i].spans[j].len;
			spans[j].attr = rl->lines[i].spans[j].attr;
		}
		add(va, rl->lines[i].text, rl->lines[i].attr, spans,
		    rl->lines[i].nspans);
		free(spans);
	}
	render_wrap_lines_free(rl);
}

/*
 * The body's links first, so that row n is the text's [n] (the renderer
 * numbers each URL once), then the enclosures and the article's own
 * link, numbered on from there.
 */
void
view_article_body_links(const struct db_view_article *a,
    const struct va_body *b, struct ui_links *l)
{
	const struct db_view_enclosure	*e;
	size_t				 i;

	memset(l, 0, sizeof *l);
	for (i = 0; b != NULL && i < render_doc_nlinks(b->doc); i++)
		va_add_link(l, render_doc_link(b->doc, i)->url, NULL);
	for (i = 0; i < a->nenclosures; i++) {
		e = &a->enclosures[i];
		va_add_link(l, e->url, e->type != NULL ?
		    xasprintf(_("enclosure, %s"), e->type) :
		    xstrdup(_("enclosure")));
	}
	va_add_link(l, a->item.link, xstrdup(_("the article")));
}

/* Where url is in the list, from 1; 0 when it is not there. */
size_t
view_article_body_link_number(const struct ui_links *l, const char *url)
{
	size_t	i;

	for (i = 0; url != NULL && i < l->n; i++)
		if (strcmp(l->url[i], url) == 0)
			return (i + 1);
	return (0);
}


static int
va_curses_attr(int a)
{
	int	c = 0;

	if (a & (VA_ATTR_BOLD | VA_ATTR_HEADING | VA_ATTR_LABEL))
		c |= A_BOLD;
	if (a & VA_ATTR_ITALIC)
		c |= A_ITALIC;
	if (a & (VA_ATTR_UNDERLINE | VA_ATTR_LINK))
		c |= A_UNDERLINE;
	if (a & (VA_ATTR_QUOTE | VA_ATTR_IMAGE))
		c |= A_DIM;
	return (c);
}

/* Draw the line as runs of text, each with its span's attributes. */
void
view_article_body_draw_line(int y, int width, const struct va_line *l, int base)
{
	size_t	 off = 0, end, si = 0, len = strlen(l->text), n;
	int	 x = 0, used, cut, attr;
	char	*seg;

	move(y, 0);
	while (off < len && x < width) {
		attr = base | va_curses_attr(l->attr);
		if (si < l->nspans && l->spans[si].off <= off) {
			end = l->spans[si].off + l->spans[si].len;
			attr |= va_curses_attr(l->spans[si].attr);
			si++;
		} else
			end = si < l->nspans ? l->spans[si].off : len;
		if (end > len)
			end = len;
		if (end <= off)
			end = off + 1;
		seg = xstrndup(l->text + off, end - off);
		n = ui_text_fit(seg, width - x, &used, &cut);
		attrset(attr);
		mvaddnstr(y, x, seg, (int)n);
		if (cut && x + used < width)
			mvaddstr(y, x + used, UI_TEXT_ELLIPSIS);
		x += used + (cut ? UI_TEXT_ELLIPSIS_W : 0);
		free(seg);
		off = end;
		if (cut)
			break;
	}
	attrset(A_NORMAL);
}
