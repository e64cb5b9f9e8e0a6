/*
 * The list widget shared by every list view and by the pager: a cursor
 * and a scroll offset over `count` rows that the view reads a screenful at
 * a time. It knows nothing of the rows themselves, so it works the same
 * over ten feeds and over a million headlines.
 */
#include "config.h"

#include "ui/ui-int.h"

void
ui_list_init(struct ui_list *l, int pager)
{
	l->count = l->cursor = l->top = 0;
	l->height = 1;
	l->pager = pager;
}

/* Keep the cursor on screen and the screen on the list. */
static void
ui_list_clamp(struct ui_list *l)
{
	size_t	h = l->height > 0 ? (size_t)l->height : 1;

	if (l->pager) {
		if (l->count <= h)
			l->top = 0;
		else if (l->top > l->count - h)
			l->top = l->count - h;
		l->cursor = l->top;
		return;
	}
	if (l->count == 0) {
		l->cursor = l->top = 0;
		return;
	}
	if (l->cursor >= l->count)
		l->cursor = l->count - 1;
	if (l->cursor < l->top)
		l->top = l->cursor;
	if (l->cursor >= l->top + h)
		l->top = l->cursor - h + 1;
	/* No empty rows below the end when there is more above. */
	if (l->count > h && l->top > l->count - h)
		l->top = l->count - h;
	if (l->count <= h)
		l->top = 0;
}

void
ui_list_set_count(struct ui_list *l, size_t count)
{
	l->count = count;
	ui_list_clamp(l);
}

void
ui_list_set_height(struct ui_list *l, int height)
{
	l->height = height < 1 ? 1 : height;
	ui_list_clamp(l);
}

void
ui_list_set_cursor(struct ui_list *l, size_t cursor)
{
	if (l->pager)
		l->top = cursor;
	else
		l->cursor = cursor;
	ui_list_clamp(l);
}

/* Scroll by n rows (the mouse wheel); the cursor follows if it must. */
void
ui_list_scroll(struct ui_list *l, long n)
{
	size_t	h = (size_t)l->height;

	if (n < 0)
		l->top = (size_t)-n > l->top ? 0 : l->top + n;
	else
		l->top += (size_t)n;
	if (l->count > h && l->top > l->count - h)
		l->top = l->count - h;
	else if (l->count <= h)
		l->top = 0;
	if (!l->pager) {
		if (l->cursor < l->top)
			l->cursor = l->top;
		if (l->cursor >= l->top + h)
			l->cursor = l->top + h - 1;
	}
	ui_list_clamp(l);
}

/* Movement actions; returns 0 when the action was one of them. */
int
ui_list_action(struct ui_list *l, enum conf_action a)
{
	size_t	 h = (size_t)l->height, *p;

	p = l->pager ? &l->top : &l->cursor;
	/* next and prev are a step where a view has no more to say. */
	if (a == ACT_NEXT)
		a = ACT_DOWN;
	else if (a == ACT_PREV)
		a = ACT_UP;
	switch (a) {
	case ACT_UP:
		if (*p > 0)
			(*p)--;
		break;
	case ACT_DOWN:
		(*p)++;
		break;
	case ACT_PAGE_UP:
		if (!l->pager)
			l->top = l->top > h ? l->top - h : 0;
		*p = *p > h ? *p - h : 0;
		break;
	case ACT_PAGE_DOWN:
		if (!l->pager)
			l->top += h;
		*p += h;
		break;
	case ACT_TOP:
		*p = 0;
		break;
	case ACT_BOTTOM:
		*p = l->count > 0 ? l->count - 1 : 0;
		break;
	default:
		return (-1);
	}
	if (l->pager || a == ACT_UP || a == ACT_DOWN || a == ACT_TOP ||
	    a == ACT_BOTTOM) {
		ui_list_clamp(l);
		return (0);
	}
	/* Paging moved both; keep the page full at the end. */
	if (l->count > 0 && l->cursor >= l->count)
		l->cursor = l->count - 1;
	if (l->count > h && l->top > l->count - h)
		l->top = l->count - h;
	ui_list_clamp(l);
	return (0);
}

/* A click on screen row `row` of the list; returns 0 if it hit a row. */
int
ui_list_click(struct ui_list *l, int row)
{
	if (row < 0 || row >= l->height || l->top + (size_t)row >= l->count)
		return (-1);
	if (!l->pager)
		l->cursor = l->top + (size_t)row;
	return (0);
}
