/*
 * The terminal's keys onto conf's key codes (conf-keys.c holds the
 * actions, key names and maps): get_wch()'s KEY_* codes become
 * CONF_KEY_*, so that a `bind-key` line means the same key here.
 */
#include "config.h"

#include <ncurses.h>
#include <stddef.h>

#include "conf/conf.h"
#include "ui/ui-int.h"

static const struct {
	int	curses;
	int	conf;
} ui_keys_map[] = {
	{ KEY_BACKSPACE, CONF_KEY_BACKSPACE },
	{ KEY_UP, CONF_KEY_UP },
	{ KEY_DOWN, CONF_KEY_DOWN },
	{ KEY_LEFT, CONF_KEY_LEFT },
	{ KEY_RIGHT, CONF_KEY_RIGHT },
	{ KEY_PPAGE, CONF_KEY_PPAGE },
	{ KEY_NPAGE, CONF_KEY_NPAGE },
	{ KEY_HOME, CONF_KEY_HOME },
	{ KEY_END, CONF_KEY_END },
	{ KEY_DC, CONF_KEY_DC },
	{ KEY_IC, CONF_KEY_IC },
};

/* A key as ui_key_code() gives it, as conf's code; -1 for none. */
int
ui_keys_conf(int key)
{
	size_t	i;
	int	k;

	if (!(key & UI_KEY_FUNC))
		return (key);
	k = key & ~UI_KEY_FUNC;
	for (i = 0; i < sizeof ui_keys_map / sizeof ui_keys_map[0]; i++)
		if (ui_keys_map[i].curses == k)
			return (ui_keys_map[i].conf);
	if (k >= KEY_F(1) && k <= KEY_F(12))
		return (CONF_KEY_F(k - KEY_F0));
	return (-1);
}

/* The action of a key read from the terminal in a view of ctx. */
enum conf_action
ui_keys_lookup(enum conf_ctx ctx, int key)
{
	int	k;

	if ((k = ui_keys_conf(key)) == -1)
		return (ACT_NONE);
	return (conf_keys_lookup(ctx, k));
}
