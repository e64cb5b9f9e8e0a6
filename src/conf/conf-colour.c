/*
 * Colours and attributes of the screen elements, set by `color` lines:
 *	color ELEMENT FG BG [ATTR ...]
 * with Newsboat's element, colour and attribute names plus colorN for the
 * 256-colour palette. Colours are palette numbers (0-7 the ANSI ones),
 * attributes conf's own bits (CONF_ATTR_*), so that checking a config
 * needs no curses; src/ui/ maps them onto the terminal's.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "conf/conf-int.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

struct conf_colour_row {
	const char		*name;
	struct conf_colour	 c;
};

/* The defaults; conf_colour_reset() copies them back. */
static const struct conf_colour_row conf_colour_defaults[ELEM__COUNT] = {
	[ELEM_LISTNORMAL] = { "listnormal", { -1, -1, 0, 0 } },
	[ELEM_LISTFOCUS] = { "listfocus", { CONF_COLOUR_YELLOW,
	    CONF_COLOUR_BLUE, CONF_ATTR_BOLD, CONF_ATTR_REVERSE } },
	[ELEM_LISTNORMAL_UNREAD] = { "listnormal_unread", { -1, -1,
	    CONF_ATTR_BOLD, CONF_ATTR_BOLD } },
	[ELEM_LISTFOCUS_UNREAD] = { "listfocus_unread", { CONF_COLOUR_YELLOW,
	    CONF_COLOUR_BLUE, CONF_ATTR_BOLD,
	    CONF_ATTR_REVERSE | CONF_ATTR_BOLD } },
	[ELEM_INFO] = { "info", { CONF_COLOUR_YELLOW, CONF_COLOUR_BLUE,
	    CONF_ATTR_BOLD, CONF_ATTR_REVERSE } },
	[ELEM_ARTICLE] = { "article", { -1, -1, 0, 0 } },
	[ELEM_HIGHLIGHT] = { "highlight", { CONF_COLOUR_BLACK,
	    CONF_COLOUR_YELLOW, 0, CONF_ATTR_REVERSE | CONF_ATTR_UNDERLINE } },
	[ELEM_ERROR] = { "error", { CONF_COLOUR_RED, -1, CONF_ATTR_BOLD,
	    CONF_ATTR_BOLD } },
};

static struct conf_colour	conf_colours[ELEM__COUNT];
static int			conf_colours_ready;

static const struct {
	const char	*name;
	short		 colour;
} conf_colour_names[] = {
	{ "default", CONF_COLOUR_DEFAULT },
	{ "black", CONF_COLOUR_BLACK }, { "red", CONF_COLOUR_RED },
	{ "green", CONF_COLOUR_GREEN }, { "yellow", CONF_COLOUR_YELLOW },
	{ "blue", CONF_COLOUR_BLUE }, { "magenta", CONF_COLOUR_MAGENTA },
	{ "cyan", CONF_COLOUR_CYAN }, { "white", CONF_COLOUR_WHITE },
};

static const struct {
	const char	*name;
	int		 attr;
} conf_attr_names[] = {
	{ "bold", CONF_ATTR_BOLD }, { "underline", CONF_ATTR_UNDERLINE },
	{ "standout", CONF_ATTR_STANDOUT }, { "reverse", CONF_ATTR_REVERSE },
	{ "blink", CONF_ATTR_BLINK }, { "dim", CONF_ATTR_DIM },
	{ "invis", CONF_ATTR_INVIS }, { "protect", CONF_ATTR_PROTECT },
	{ "italic", CONF_ATTR_ITALIC },
};

void
conf_colour_reset(void)
{
	int	i;

	for (i = 0; i < ELEM__COUNT; i++)
		conf_colours[i] = conf_colour_defaults[i].c;
	conf_colours_ready = 1;
}

const struct conf_colour *
conf_colour_get(enum conf_elem e)
{
	if (!conf_colours_ready)
		conf_colour_reset();
	return (&conf_colours[e]);
}

static int
conf_colour_parse(const char *s, short *out)
{
	size_t	i;
	char	*end;
	long	n;

	for (i = 0; i < sizeof conf_colour_names / sizeof conf_colour_names[0];
	    i++)
		if (strcmp(s, conf_colour_names[i].name) == 0) {
			*out = conf_colour_names[i].colour;
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

/* Check and record one `color` line; the UI applies it when it starts. */
int
conf_colour_set(const char *element, const char *fg, const char *bg,
    const char *const *attrs, size_t nattrs, char **cause)
{
	struct conf_colour	*c = NULL;
	size_t			 i;

	if (!conf_colours_ready)
		conf_colour_reset();
	for (i = 0; i < ELEM__COUNT; i++)
		if (strcmp(conf_colour_defaults[i].name, element) == 0)
			c = &conf_colours[i];
	if (c == NULL) {
		*cause = xasprintf(_("unknown color element: %s"), element);
		return (-1);
	}
	return (conf_colour_spec(fg, bg, attrs, nattrs, c, cause));
}

/* FG BG [ATTR...] into c; -1 and why when a word is no colour or
 * attribute (c is then unchanged). */
int
conf_colour_spec(const char *fg, const char *bg, const char *const *attrs,
    size_t nattrs, struct conf_colour *c, char **cause)
{
	short			 f, b;
	size_t			 i, j;
	int			 a = 0, found;

	if (conf_colour_parse(fg, &f) != 0) {
		*cause = xasprintf(_("unknown color: %s"), fg);
		return (-1);
	}
	if (conf_colour_parse(bg, &b) != 0) {
		*cause = xasprintf(_("unknown color: %s"), bg);
		return (-1);
	}
	for (i = 0; i < nattrs; i++) {
		found = 0;
		for (j = 0; j < sizeof conf_attr_names /
		    sizeof conf_attr_names[0]; j++)
			if (strcmp(attrs[i], conf_attr_names[j].name) == 0) {
				a |= conf_attr_names[j].attr;
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

/*
 * The names a `color` line accepts, for tests/dump-tables (which checks
 * the manual pages against these tables): kind 0 elements, 1 colours,
 * 2 attributes. NULL past the end.
 */
const char *
conf_colour_name_at(int kind, size_t i)
{
	switch (kind) {
	case 0:
		return (i < ELEM__COUNT ? conf_colour_defaults[i].name : NULL);
	case 1:
		return (i < sizeof conf_colour_names /
		    sizeof conf_colour_names[0] ?
		    conf_colour_names[i].name : NULL);
	case 2:
		return (i < sizeof conf_attr_names / sizeof conf_attr_names[0] ?
		    conf_attr_names[i].name : NULL);
	}
	return (NULL);
}
