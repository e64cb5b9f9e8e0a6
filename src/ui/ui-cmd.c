/*
 * Commands, as the `:` prompt and the steps of macros run them: every
 * action by its name, `set OPTION [VALUE]`, and the command line's own
 * (ui-cmdline.c). Only the user's words come here, typed or from their
 * config: nothing from a feed is ever run as a command.
 */
#include "config.h"

#include <inttypes.h>
#include <ncurses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "conf/conf.h"
#include "ui/ui-int.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* The option row of name (Newsboat's renamed ones too), or -1. */
int
ui_cmd_option(const char *name)
{
	const struct conf_newsboat_option	*nb;
	int					 i;

	nb = conf_newsboat_option(name);
	if (nb != NULL && nb->kind == CONF_NB_RENAMED)
		name = nb->tidings;
	for (i = 0; i < CONF_NOPTS; i++)
		if (conf_options[i].name != NULL &&
		    strcmp(conf_options[i].name, name) == 0)
			return (i);
	return (-1);
}

/* An option's value as a config line would write it. */
void
ui_cmd_value(const struct config *c, int o, char *buf, size_t len)
{
	switch (conf_options[o].type) {
	case CONF_BOOL:
		snprintf(buf, len, "%s", conf_file_int(c, o) ? "yes" : "no");
		break;
	case CONF_INT:
	case CONF_SIZE:
		snprintf(buf, len, "%" PRId64, conf_file_int(c, o));
		break;
	case CONF_STRING:
	case CONF_CHOICE:
		snprintf(buf, len, "%s", conf_file_str(c, o));
		break;
	}
}

/* The reader's copies of the options, after set or source. */
void
ui_cmd_apply(struct ui *ui)
{
	struct config	*c = ui->cfg.conf;
	int		 minutes;

	ui->cfg.browser = conf_file_str(c, CONF_BROWSER);
	ui->cfg.open_schemes = conf_file_str(c, CONF_OPEN_URL_SCHEMES);
	minutes = conf_file_int(c, CONF_AUTO_RELOAD) ?
	    (int)conf_file_int(c, CONF_RELOAD_TIME) : 0;
	if (minutes != ui->cfg.reload_minutes) {
		ui->cfg.reload_minutes = minutes;
		ui->next_reload = minutes > 0 ? time(NULL) + minutes * 60 : 0;
	}
	ui->cfg.show_read_feeds = conf_file_int(c, CONF_SHOW_READ_FEEDS) != 0;
	if (ui->nviews > 0 && ui->views[0]->type->ctx == CTX_FEEDS)
		view_feeds_set_hide_read(ui, ui->views[0],
		    !ui->cfg.show_read_feeds);
	ui_dirty(ui);
}

/* The refresh threads read the config: it changes only between runs. */
int
ui_cmd_can_change(struct ui *ui)
{
	if (ui->cfg.conf == NULL) {
		ui_message(ui, 1, "%s", _("No settings to change."));
		return (0);
	}
	if (ui->refreshing || (ui->cfg.poller != NULL &&
	    ui->cfg.poller->busy != NULL &&
	    ui->cfg.poller->busy(ui->cfg.poller_arg))) {
		ui_message(ui, 1, "%s", _("Settings change once the refresh "
		    "is over: try again then."));
		return (0);
	}
	return (1);
}

/*
 * set OPTION [VALUE]: without a value, show it; as in Newsboat, OPTION!
 * flips a yes/no option and OPTION& puts back the default.
 */
static int
ui_cmd_set(struct ui *ui, char **argv, int argc)
{
	char		 value[512], *cause = NULL, *name;
	const char	*to = argc == 3 ? argv[2] : NULL;
	size_t		 len;
	int		 o, flip = 0, reset = 0;

	if (argc < 2 || argc > 3) {
		ui_message(ui, 1, "%s", _("set takes OPTION [VALUE]"));
		return (-1);
	}
	len = strlen(argv[1]);
	if (argc == 2 && len > 1 && (argv[1][len - 1] == '!' ||
	    argv[1][len - 1] == '&')) {
		flip = argv[1][len - 1] == '!';
		reset = !flip;
		len--;
	}
	name = xstrndup(argv[1], len);
	o = ui_cmd_option(name);
	free(name);
	if (o == -1) {
		ui_message(ui, 1, _("unknown option '%s'"), argv[1]);
		return (-1);
	}
	if (ui->cfg.conf == NULL) {
		ui_message(ui, 1, "%s", _("No settings to change."));
		return (-1);
	}
	if (flip && conf_options[o].type != CONF_BOOL) {
		ui_message(ui, 1, _("%s is not a yes/no option."),
		    conf_options[o].name);
		return (-1);
	}
	if (flip)
		to = conf_file_int(ui->cfg.conf, o) ? "no" : "yes";
	else if (reset)
		to = conf_options[o].def;
	if (to != NULL) {
		if (!ui_cmd_can_change(ui))
			return (-1);
		if (conf_file_set(ui->cfg.conf, conf_options[o].name, to,
		    &cause) != 0) {
			ui_message(ui, 1, "%s", cause);
			free(cause);
			return (-1);
		}
		ui_cmd_apply(ui);
	}
	ui_cmd_value(ui->cfg.conf, o, value, sizeof value);
	ui_message(ui, 0, "%s = \"%s\"", conf_options[o].name, value);
	return (0);
}

int
ui_cmd_argv(struct ui *ui, char **argv, int argc)
{
	enum conf_action	a;
	int			r;

	if (argc == 0)
		return (0);
	if (strcmp(argv[0], "set") == 0)
		return (ui_cmd_set(ui, argv, argc));
	if ((r = ui_cmdline_run(ui, argv, argc)) != 1)
		return (r);
	if ((a = conf_keys_action_find(argv[0])) != ACT_NONE) {
		if (argc > 1) {
			ui_message(ui, 1, _("%s takes no arguments"), argv[0]);
			return (-1);
		}
		ui->key = 0;
		return (ui_input_dispatch(ui, a));
	}
	ui_message(ui, 1, _("Unknown command: %s"), argv[0]);
	return (-1);
}

/* The key the macro-prefix option names, or 0. */
static int
ui_cmd_prefix(struct ui *ui)
{
	const char	*s;
	int		 key;

	if (ui->cfg.conf == NULL)
		return (',');
	s = conf_file_str(ui->cfg.conf, CONF_MACRO_PREFIX);
	if (s == NULL || *s == '\0' || conf_keys_parse(s, &key) != 0)
		return (0);
	return (key);
}

int
ui_cmd_is_prefix(struct ui *ui, int key)
{
	int	prefix = ui_cmd_prefix(ui);

	return (prefix != 0 && ui_keys_conf(key) == prefix);
}

/* After the prefix: the macro's key, then its steps, in order, until
 * one fails. */
void
ui_cmd_macro(struct ui *ui)
{
	const struct conf_macro	*m;
	char			 name[32], *prompt;
	size_t			 i;
	int			 key;

	conf_keys_name(ui_cmd_prefix(ui), name, sizeof name);
	prompt = xasprintf(_("Macro %s: "), name);
	move(ui->height - 1, 0);
	clrtoeol();
	ui_draw_text(ui->height - 1, 0, ui->width, prompt, 0);
	refresh();
	free(prompt);
	ui_dirty(ui);
	if ((key = ui_input_read_key(ui)) == 0 || key == 27)
		return;
	key = ui_keys_conf(key);
	if ((m = conf_macro_find(key)) == NULL) {
		conf_keys_name(key, name, sizeof name);
		ui_message(ui, 1, _("No macro on %s."), name);
		return;
	}
	for (i = 0; i < m->nsteps && !ui->quit; i++)
		if (ui_cmd_argv(ui, m->steps[i].argv, m->steps[i].argc) != 0)
			break;
}

int
ui_cmd_line(struct ui *ui, const char *line)
{
	char	**argv, *cause = NULL;
	int	  argc, rc;

	if (conf_token_split(line, &argv, &argc, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return (-1);
	}
	rc = ui_cmd_argv(ui, argv, argc);
	conf_token_free(argv, argc);
	return (rc);
}
