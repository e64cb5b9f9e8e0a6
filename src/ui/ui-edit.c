/*
 * The prompts' line editor: readline's keys on a short UTF-8 line. The
 * cursor moves a character at a time (a code point and the combining
 * marks after it) and the line is shown by cell width (wcwidth), so that
 * wide characters and accents edit as they look.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "ui/ui-edit.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

/* The code point at off and its length in bytes (1 for a bad byte). */
static size_t
ui_edit_cp(const struct ui_edit *e, size_t off, unsigned int *cp)
{
	size_t	n;

	n = sanitize_utf8_decode((const unsigned char *)e->buf + off,
	    e->len - off, cp);
	if (n == 0) {
		*cp = (unsigned char)e->buf[off];
		return (1);
	}
	return (n);
}

/* Cells of a code point; unprintable ones count as one (as drawn). */
static int
ui_edit_cp_width(unsigned int cp)
{
	int	w = wcwidth((wchar_t)cp);

	return (w < 0 ? 1 : w);
}

/* The offset after the character at off (with its combining marks). */
static size_t
ui_edit_next(const struct ui_edit *e, size_t off)
{
	unsigned int	cp;
	size_t		n;

	if (off >= e->len)
		return (e->len);
	off += ui_edit_cp(e, off, &cp);
	while (off < e->len) {
		n = ui_edit_cp(e, off, &cp);
		if (ui_edit_cp_width(cp) != 0)
			break;
		off += n;
	}
	return (off);
}

/* The offset of the character before off. */
static size_t
ui_edit_prev(const struct ui_edit *e, size_t off)
{
	unsigned int	cp;

	while (off > 0) {
		off--;
		while (off > 0 && ((unsigned char)e->buf[off] & 0xc0) == 0x80)
			off--;
		ui_edit_cp(e, off, &cp);
		if (ui_edit_cp_width(cp) != 0)
			break;
	}
	return (off);
}

/* Cells of buf[from, to). */
static int
ui_edit_width(const struct ui_edit *e, size_t from, size_t to)
{
	unsigned int	cp;
	int		w = 0;

	while (from < to) {
		from += ui_edit_cp(e, from, &cp);
		w += ui_edit_cp_width(cp);
	}
	return (w);
}

/* Take out buf[from, to); the cursor goes to from. */
static void
ui_edit_cut(struct ui_edit *e, size_t from, size_t to)
{
	memmove(e->buf + from, e->buf + to, e->len - to);
	e->len -= to - from;
	e->buf[e->len] = '\0';
	e->cur = from;
}

static void
ui_edit_set(struct ui_edit *e, const char *s)
{
	size_t	n = strlen(s);

	if (n > UI_EDIT_MAX)
		n = UI_EDIT_MAX;
	/* Never cut a character in two. */
	while (n > 0 && n < strlen(s) && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	memcpy(e->buf, s, n);
	e->buf[n] = '\0';
	e->len = n;
	e->cur = n;
	e->start = 0;
}

void
ui_edit_init(struct ui_edit *e, struct ui_edit_hist *hist)
{
	memset(e, 0, sizeof *e);
	e->hist = hist;
	e->hpos = hist != NULL ? hist->n : 0;
}

static int
ui_edit_insert(struct ui_edit *e, unsigned int cp)
{
	char	u[4];
	size_t	n;

	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp > 0x10ffff ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return (-1);
	n = sanitize_utf8_encode(cp, u);
	if (n == 0 || e->len + n > UI_EDIT_MAX)
		return (-1);
	memmove(e->buf + e->cur + n, e->buf + e->cur, e->len - e->cur);
	memcpy(e->buf + e->cur, u, n);
	e->len += n;
	e->cur += n;
	e->buf[e->len] = '\0';
	return (0);
}

#define UI_EDIT_BLANK(c)	((c) == ' ' || (c) == '\t')

/* ^W as in readline: the blanks before the cursor, then the word. */
static int
ui_edit_kill_word(struct ui_edit *e)
{
	size_t	from = e->cur;

	if (from == 0)
		return (-1);
	while (from > 0 && UI_EDIT_BLANK(e->buf[from - 1]))
		from--;
	while (from > 0 && !UI_EDIT_BLANK(e->buf[from - 1]))
		from--;
	ui_edit_cut(e, from, e->cur);
	return (0);
}

static int
ui_edit_hist_move(struct ui_edit *e, int dir)
{
	struct ui_edit_hist	*h = e->hist;

	if (h == NULL || (dir < 0 && e->hpos == 0) ||
	    (dir > 0 && e->hpos >= h->n))
		return (-1);
	if (e->hpos == h->n)
		memcpy(e->draft, e->buf, e->len + 1);
	e->hpos = dir < 0 ? e->hpos - 1 : e->hpos + 1;
	ui_edit_set(e, e->hpos == h->n ? e->draft : h->v[e->hpos]);
	return (0);
}

int
ui_edit_do(struct ui_edit *e, enum ui_edit_op op, unsigned int cp)
{
	switch (op) {
	case UI_EDIT_INSERT:
		return (ui_edit_insert(e, cp));
	case UI_EDIT_LEFT:
		if (e->cur == 0)
			return (-1);
		e->cur = ui_edit_prev(e, e->cur);
		return (0);
	case UI_EDIT_RIGHT:
		if (e->cur == e->len)
			return (-1);
		e->cur = ui_edit_next(e, e->cur);
		return (0);
	case UI_EDIT_HOME:
		e->cur = 0;
		return (0);
	case UI_EDIT_END:
		e->cur = e->len;
		return (0);
	case UI_EDIT_ERASE:
		if (e->cur == 0)
			return (-1);
		ui_edit_cut(e, ui_edit_prev(e, e->cur), e->cur);
		return (0);
	case UI_EDIT_DELETE:
		if (e->cur == e->len)
			return (-1);
		ui_edit_cut(e, e->cur, ui_edit_next(e, e->cur));
		return (0);
	case UI_EDIT_KILL_WORD:
		return (ui_edit_kill_word(e));
	case UI_EDIT_KILL_END:
		ui_edit_cut(e, e->cur, e->len);
		return (0);
	case UI_EDIT_KILL_START:
		ui_edit_cut(e, 0, e->cur);
		return (0);
	case UI_EDIT_HIST_PREV:
		return (ui_edit_hist_move(e, -1));
	case UI_EDIT_HIST_NEXT:
		return (ui_edit_hist_move(e, 1));
	}
	return (-1);
}

void
ui_edit_view(struct ui_edit *e, int width, const char **shown, int *col)
{
	size_t	p;

	/* The cursor needs a cell of its own after the text before it. */
	if (width < 1)
		width = 1;
	if (e->start > e->cur)
		e->start = e->cur;
	while (e->start < e->cur &&
	    ui_edit_width(e, e->start, e->cur) > width - 1)
		e->start = ui_edit_next(e, e->start);
	/* Show as much as fits: scroll back when the end came into room. */
	while (e->start > 0) {
		p = ui_edit_prev(e, e->start);
		if (ui_edit_width(e, p, e->len) > width - 1)
			break;
		e->start = p;
	}
	*shown = e->buf + e->start;
	*col = ui_edit_width(e, e->start, e->cur);
}

void
ui_edit_hist_add(struct ui_edit_hist *h, const char *line)
{
	if (*line == '\0' || (h->n > 0 && strcmp(h->v[h->n - 1], line) == 0))
		return;
	if (h->n == UI_EDIT_HIST_MAX) {
		free(h->v[0]);
		memmove(&h->v[0], &h->v[1], (h->n - 1) * sizeof h->v[0]);
		h->n--;
	}
	h->v[h->n++] = xstrdup(line);
}

void
ui_edit_hist_free(struct ui_edit_hist *h)
{
	size_t	i;

	for (i = 0; i < h->n; i++)
		free(h->v[i]);
	h->n = 0;
}
