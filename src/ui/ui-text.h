/*
 * Measuring and cutting UTF-8 text in terminal cells (wcwidth), with no
 * curses in sight so that it can be unit-tested on its own.
 */
#ifndef TIDINGS_UI_UI_TEXT_H
#define TIDINGS_UI_UI_TEXT_H

#include <stddef.h>

/* The ellipsis drawn where text was cut, and its width in cells. */
#define UI_TEXT_ELLIPSIS	"\xe2\x80\xa6"
#define UI_TEXT_ELLIPSIS_W	1

/* Width of s in terminal cells; unprintable characters count as one. */
int	 ui_text_width(const char *s);

/*
 * How many bytes of s fit in width cells. When all of s does not fit, room
 * is left for the ellipsis and *cut is set. *used receives the cells taken
 * by the returned prefix (without the ellipsis). A wide character never
 * straddles the edge, and combining marks stay with their base.
 */
size_t	 ui_text_fit(const char *s, int width, int *used, int *cut);

/*
 * Writes s into out (size outsz) padded with spaces or cut with an
 * ellipsis to exactly width cells; returns out.
 */
char	*ui_text_cell(const char *s, int width, char *out, size_t outsz);

/* Wrap s into lines of at most width cells at spaces; returns the count
 * of lines and stores the byte offsets where each starts in starts[]
 * (at most max). */
size_t	 ui_text_wrap(const char *s, int width, size_t *starts, size_t max);

#endif
