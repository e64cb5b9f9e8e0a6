/*
 * The colours of the `color` lines (conf-colour.c) onto the terminal:
 * conf's attribute bits become curses's, its palette numbers colour
 * pairs. NO_COLOR (https://no-color.org) keeps attributes and drops
 * colours.
 */
#include "config.h"

#include <ncurses.h>
#include <stdlib.h>

#include "conf/conf.h"
#include "ui/ui-int.h"
#include "util/xmalloc.h"

static const struct {
	int	conf;
	int	curses;
} ui_colour_attr_map[] = {
	{ CONF_ATTR_BOLD, A_BOLD }, { CONF_ATTR_UNDERLINE, A_UNDERLINE },
	{ CONF_ATTR_STANDOUT, A_STANDOUT }, { CONF_ATTR_REVERSE, A_REVERSE },
	{ CONF_ATTR_BLINK, A_BLINK }, { CONF_ATTR_DIM, A_DIM },
	{ CONF_ATTR_INVIS, A_INVIS }, { CONF_ATTR_PROTECT, A_PROTECT },
	{ CONF_ATTR_ITALIC, A_ITALIC },
};

/* The ANSI colours by their curses names; the others are numbers. */
static const short ui_colour_map[8] = {
	COLOR_BLACK, COLOR_RED, COLOR_GREEN, COLOR_YELLOW, COLOR_BLUE,
	COLOR_MAGENTA, COLOR_CYAN, COLOR_WHITE
};

static int	ui_colour_attrs[ELEM__COUNT];
static int	ui_colour_on;
/* highlight-article's colours, pairs after the elements'. */
static int	*ui_colour_hl;
static size_t	 ui_colour_nhl;

static int
ui_colour_curses_attrs(int a)
{
	size_t	i;
	int	out = 0;

	for (i = 0; i < sizeof ui_colour_attr_map / sizeof ui_colour_attr_map[0];
	    i++)
		if (a & ui_colour_attr_map[i].conf)
			out |= ui_colour_attr_map[i].curses;
	return (out);
}

static short
ui_colour_curses(short c)
{
	if (c >= 0 && c < 8)
		return (ui_colour_map[c]);
	return (c);
}

/* After initscr(): make the colour pairs, or fall back to attributes. */
void
ui_colour_start(void)
{
	const struct conf_colour *cc;
	const char		*nc = getenv("NO_COLOR");
	int			 i, colour;
	short			 f, b;

	colour = has_colors() && (nc == NULL || *nc == '\0');
	ui_colour_on = colour;
	if (colour) {
		start_color();
		use_default_colors();
	}
	for (i = 0; i < ELEM__COUNT; i++) {
		cc = conf_colour_get((enum conf_elem)i);
		if (!colour) {
			ui_colour_attrs[i] = ui_colour_curses_attrs(
			    cc->nocolour);
			continue;
		}
		f = ui_colour_curses(cc->fg);
		b = ui_colour_curses(cc->bg);
		/* A colour the terminal lacks becomes its default. */
		if (f >= COLORS)
			f = -1;
		if (b >= COLORS)
			b = -1;
		if (f == -1 && b == -1) {
			ui_colour_attrs[i] = ui_colour_curses_attrs(cc->attrs);
			continue;
		}
		init_pair((short)(i + 1), f, b);
		ui_colour_attrs[i] = COLOR_PAIR(i + 1) |
		    ui_colour_curses_attrs(cc->attrs);
	}
}

int
ui_colour_attr(enum conf_elem e)
{
	return (ui_colour_attrs[e]);
}

/* A rule's colours as colour pair number pair (else its attributes). */
int
ui_colour_rule(const struct conf_colour *cc, int pair)
{
	short	f, b;

	f = ui_colour_curses(cc->fg);
	b = ui_colour_curses(cc->bg);
	if (f >= COLORS)
		f = -1;
	if (b >= COLORS)
		b = -1;
	if (!ui_colour_on || (f == -1 && b == -1) || pair >= COLOR_PAIRS)
		return (ui_colour_curses_attrs(cc->attrs));
	init_pair((short)pair, f, b);
	return (COLOR_PAIR(pair) | ui_colour_curses_attrs(cc->attrs));
}

/* After ui_colour_start(): the pairs of the highlight-article lines,
 * then those of the other highlight lines. */
void
ui_colour_highlights(const struct config *conf)
{
	size_t	i;

	free(ui_colour_hl);
	ui_colour_hl = NULL;
	ui_colour_nhl = 0;
	ui_hl_start(conf, ELEM__COUNT + 1 + (conf != NULL ?
	    (int)conf->nhighlights : 0));
	if (conf == NULL || conf->nhighlights == 0)
		return;
	ui_colour_hl = xreallocarray(NULL, conf->nhighlights,
	    sizeof *ui_colour_hl);
	for (i = 0; i < conf->nhighlights; i++)
		ui_colour_hl[i] = ui_colour_rule(&conf->highlights[i].colour,
		    ELEM__COUNT + 1 + (int)i);
	ui_colour_nhl = conf->nhighlights;
}

int
ui_colour_highlight(size_t i)
{
	return (i < ui_colour_nhl ? ui_colour_hl[i] : 0);
}
