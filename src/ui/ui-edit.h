/*
 * The line editor of the prompts (search, find in article): a UTF-8 line
 * with a cursor, the editing operations, a history, and which part of the
 * line to show in so many cells. No curses, so that it can be unit-tested
 * on its own; ui-input.c maps keys to these operations.
 */
#ifndef TIDINGS_UI_UI_EDIT_H
#define TIDINGS_UI_UI_EDIT_H

#include <stddef.h>

#define UI_EDIT_MAX		256	/* bytes in a line */
#define UI_EDIT_HIST_MAX	100	/* lines kept in a history */

struct ui_edit_hist {
	char	*v[UI_EDIT_HIST_MAX];	/* oldest first */
	size_t	 n;
};

struct ui_edit {
	char			 buf[UI_EDIT_MAX + 1];
	size_t			 len;	/* bytes in buf */
	size_t			 cur;	/* the cursor: a byte offset, at the
					 * start of a character */
	size_t			 start;	/* the first byte shown */
	struct ui_edit_hist	*hist;	/* NULL: no history */
	size_t			 hpos;	/* in hist; hist->n: the new line */
	char			 draft[UI_EDIT_MAX + 1]; /* the new line
					 * while the history is shown */
};

enum ui_edit_op {
	UI_EDIT_INSERT,		/* the character cp */
	UI_EDIT_LEFT,
	UI_EDIT_RIGHT,
	UI_EDIT_HOME,
	UI_EDIT_END,
	UI_EDIT_ERASE,		/* the character before the cursor */
	UI_EDIT_DELETE,		/* the character under the cursor */
	UI_EDIT_KILL_WORD,	/* the word before the cursor (^W) */
	UI_EDIT_KILL_END,	/* to the end of the line (^K) */
	UI_EDIT_KILL_START,	/* to the start of the line (^U) */
	UI_EDIT_HIST_PREV,	/* the older line of the history */
	UI_EDIT_HIST_NEXT	/* the newer one, at last the line typed */
};

/*
 * A character is a code point with the zero-width ones (combining marks)
 * after it, so that the cursor never stops between a letter and its
 * accent. Control characters are not inserted.
 */
void	 ui_edit_init(struct ui_edit *, struct ui_edit_hist *);
/* 0, or -1 when the operation did nothing (line full, at an end). */
int	 ui_edit_do(struct ui_edit *, enum ui_edit_op, unsigned int cp);
/* Of the line, what fits in width cells with the cursor on screen: the
 * text from *shown, and the cursor's column in it. */
void	 ui_edit_view(struct ui_edit *, int width, const char **shown,
	    int *col);

/* Keep line in the history (not an empty one, nor the last one again). */
void	 ui_edit_hist_add(struct ui_edit_hist *, const char *line);
void	 ui_edit_hist_free(struct ui_edit_hist *);

#endif
