/*
 * Cell widths of UTF-8 text. The code points are decoded with the util
 * helpers (so that invalid bytes cannot stall us) and measured with the C
 * library's wcwidth(), which follows the Unicode tables of the locale.
 */
#include "config.h"

#include <string.h>
#include <wchar.h>

#include "ui/ui-text.h"
#include "util/sanitize.h"

/* Decode one character at s; returns its length (at least 1) and width. */
static size_t
ui_text_next(const char *s, int *w)
{
	unsigned int	cp;
	size_t		n;
	int		cw;

	n = sanitize_utf8_decode((const unsigned char *)s, strnlen(s, 4), &cp);
	if (n == 0) {
		*w = 1;
		return (1);
	}
	cw = wcwidth((wchar_t)cp);
	if (cw < 0)
		cw = 1;		/* drawn as a replacement by curses */
	*w = cw;
	return (n);
}

int
ui_text_width(const char *s)
{
	int	total = 0, w;

	while (*s != '\0') {
		s += ui_text_next(s, &w);
		total += w;
	}
	return (total);
}

size_t
ui_text_fit(const char *s, int width, int *used, int *cut)
{
	size_t	off = 0, n, keep = 0;
	int	cells = 0, keepcells = 0, w, limit;

	*cut = 0;
	if (width <= 0) {
		*used = 0;
		*cut = *s != '\0';
		return (0);
	}
	if (ui_text_width(s) <= width) {
		*used = ui_text_width(s);
		return (strlen(s));
	}
	/* It does not fit: keep what fits beside the ellipsis. */
	*cut = 1;
	limit = width - UI_TEXT_ELLIPSIS_W;
	while (s[off] != '\0') {
		n = ui_text_next(s + off, &w);
		if (cells + w > limit)
			break;
		cells += w;
		off += n;
		keep = off;
		keepcells = cells;
	}
	*used = keepcells;
	return (keep);
}

char *
ui_text_cell(const char *s, int width, char *out, size_t outsz)
{
	size_t	n, len;
	int	used, cut;

	if (outsz == 0)
		return (out);
	n = ui_text_fit(s, width, &used, &cut);
	len = 0;
	if (n > outsz - 1)
		n = outsz - 1;
	memcpy(out, s, n);
	len = n;
	if (cut && len + sizeof UI_TEXT_ELLIPSIS - 1 < outsz && width > 0) {
		memcpy(out + len, UI_TEXT_ELLIPSIS, sizeof UI_TEXT_ELLIPSIS - 1);
		len += sizeof UI_TEXT_ELLIPSIS - 1;
		used += UI_TEXT_ELLIPSIS_W;
	}
	while (used < width && len + 1 < outsz) {
		out[len++] = ' ';
		used++;
	}
	out[len] = '\0';
	return (out);
}

size_t
ui_text_wrap(const char *s, int width, size_t *starts, size_t max)
{
	size_t	nlines = 0, off = 0, lastsp, n, start;
	int	cells, w;

	if (width < 1)
		width = 1;
	while (s[off] != '\0' || nlines == 0) {
		if (nlines < max)
			starts[nlines] = off;
		nlines++;
		start = off;
		cells = 0;
		lastsp = 0;
		while (s[off] != '\0' && s[off] != '\n') {
			n = ui_text_next(s + off, &w);
			if (cells + w > width && off > start)
				break;
			if (s[off] == ' ')
				lastsp = off;
			cells += w;
			off += n;
		}
		if (s[off] == '\n')
			off++;
		else if (s[off] != '\0') {
			/* Break at the last space when there is one. */
			if (lastsp > start)
				off = lastsp + 1;
		}
		if (s[off] == '\0')
			break;
	}
	return (nlines);
}
