/*
 * Colours and attributes of the screen elements, set by `color` lines:
 *	color ELEMENT FG BG [ATTR ...]
 * with Newsboat's element, colour and attribute names plus colorN for the
 * 256-colour palette. NO_COLOR (https://no-color.org) keeps attributes
 * and drops colours.
 */
#include "config.h"

#include <ncurses.h>
#include <stdlib.h>
#include <string.h>

#include "ui/ui-int.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

#define UI_COLOUR_DEFAULT	-1

struct ui_colour {
	const char	*name;
	short		 fg;
	short		 bg;
	int		 attrs;
	int		 nocolour;	/* attributes used without colour */
};

static struct ui_colour ui_colours[ELEM__COUNT] = {
	[ELEM_LISTNORMAL] = { "listnormal", -1, -1, 0, 0 },
	[ELEM_LISTFOCUS] = { "listfocus", COLOR_YELLOW, COLOR_BLUE, A_BOLD,
	    A_REVERSE },
	[ELEM_LISTNORMAL_UNREAD] = { "listnormal_unread", -1, -1, A_BOLD,
	    A_BOLD },
	[ELEM_LISTFOCUS_UNREAD] = { "listfocus_unread", COLOR_YELLOW,
	    COLOR_BLUE, A_BOLD, A_REVERSE | A_BOLD },
	[ELEM_INFO] = { "info", COLOR_YELLOW, COLOR_BLUE, A_BOLD, A_REVERSE },
	[ELEM_ARTICLE] = { "article", -1, -1, 0, 0 },
	[ELEM_HIGHLIGHT] = { "highlight", COLOR_BLACK, COLOR_YELLOW, 0,
	    A_REVERSE | A_UNDERLINE },
	[ELEM_ERROR] = { "error", COLOR_RED, -1, A_BOLD, A_BOLD },
};

static const struct {
	const char	*name;
	short		 colour;
} ui_colour_names[] = {
	{ "default", UI_COLOUR_DEFAULT },
	{ "black", COLOR_BLACK }, { "red", COLOR_RED },
	{ "green", COLOR_GREEN }, { "yellow", COLOR_YELLOW },
	{ "blue", COLOR_BLUE }, { "magenta", COLOR_MAGENTA },
	{ "cyan", COLOR_CYAN }, { "white", COLOR_WHITE },
};

static const struct {
	const char	*name;
	int		 attr;
} ui_attr_names[] = {
	{ "bold", A_BOLD }, { "underline", A_UNDERLINE },
	{ "standout", A_STANDOUT }, { "reverse", A_REVERSE },
	{ "blink", A_BLINK }, { "dim", A_DIM }, { "invis", A_INVIS },
	{ "protect", A_PROTECT }, { "italic", A_ITALIC },
};

static int	ui_colour_attrs[ELEM__COUNT];

static int
ui_colour_parse(const char *s, short *out)
{
	size_t	i;
	char	*end;
	long	n;

	for (i = 0; i < sizeof ui_colour_names / sizeof ui_colour_names[0];
	    i++)
		if (strcmp(s, ui_colour_names[i].name) == 0) {
			*out = ui_colour_names[i].colour;
			return (0);
		}
	if (strncmp(s, "color", 5) == 0 && s[5] >= '0' && s[5] <= '9') {
		n = strtol(s + 5, &end, 10);
		if (*end == '\0' && n >= 0 && n <= 255) {
			*out = (short)n;
			return (0);
		}
	}
	return (-1);
}

/* Check and record one `color` line; applied when curses starts. */
int
ui_colour_set(const char *element, const char *fg, const char *bg,
    const char *const *attrs, size_t nattrs, char **cause)
{
	struct ui_colour	*c = NULL;
	short			 f, b;
	size_t			 i, j;
	int			 a = 0, found;

	for (i = 0; i < ELEM__COUNT; i++)
		if (strcmp(ui_colours[i].name, element) == 0)
			c = &ui_colours[i];
	if (c == NULL) {
		*cause = xasprintf(_("unknown color element: %s"), element);
		return (-1);
	}
	if (ui_colour_parse(fg, &f) != 0) {
		*cause = xasprintf(_("unknown color: %s"), fg);
		return (-1);
	}
	if (ui_colour_parse(bg, &b) != 0) {
		*cause = xasprintf(_("unknown color: %s"), bg);
		return (-1);
	}
	for (i = 0; i < nattrs; i++) {
		found = 0;
		for (j = 0; j < sizeof ui_attr_names / sizeof ui_attr_names[0];
		    j++)
			if (strcmp(attrs[i], ui_attr_names[j].name) == 0) {
				a |= ui_attr_names[j].attr;
				found = 1;
			}
		if (!found) {
			*cause = xasprintf(_("unknown attribute: %s"),
			    attrs[i]);
			return (-1);
		}
	}
	c->fg = f;
	c->bg = b;
	c->attrs = a;
	c->nocolour = a;
	return (0);
}

/* After initscr(): make the colour pairs, or fall back to attributes. */
void
ui_colour_start(void)
{
	const char	*nc = getenv("NO_COLOR");
	int		 i, colour;
	short		 f, b;

	colour = has_colors() && (nc == NULL || *nc == '\0');
	if (colour) {
		start_color();
		use_default_colors();
	}
	for (i = 0; i < ELEM__COUNT; i++) {
		if (!colour) {
			ui_colour_attrs[i] = ui_colours[i].nocolour;
			continue;
		}
		f = ui_colours[i].fg;
		b = ui_colours[i].bg;
		/* A colour the terminal lacks becomes its default. */
		if (f >= COLORS)
			f = -1;
		if (b >= COLORS)
			b = -1;
		if (f == -1 && b == -1) {
			ui_colour_attrs[i] = ui_colours[i].attrs;
			continue;
		}
		init_pair((short)(i + 1), f, b);
		ui_colour_attrs[i] = COLOR_PAIR(i + 1) | ui_colours[i].attrs;
	}
}

int
ui_colour_attr(enum ui_elem e)
{
	return (ui_colour_attrs[e]);
}

/*
 * The names a `color` line accepts, for tests/dump-tables (which checks
 * the manual pages against these tables): kind 0 elements, 1 colours,
 * 2 attributes. NULL past the end.
 */
const char *
ui_colour_name_at(int kind, size_t i)
{
	switch (kind) {
	case 0:
		return (i < ELEM__COUNT ? ui_colours[i].name : NULL);
	case 1:
		return (i < sizeof ui_colour_names / sizeof ui_colour_names[0] ?
		    ui_colour_names[i].name : NULL);
	case 2:
		return (i < sizeof ui_attr_names / sizeof ui_attr_names[0] ?
		    ui_attr_names[i].name : NULL);
	}
	return (NULL);
}
