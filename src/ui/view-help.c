/*
 * Pages of text in the pager: the help (made from the key maps and the
 * action table, so it is never out of date) and the first-start welcome.
 */
#include "config.h"

#include <ncurses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf/conf.h"
#include "ui/ui-int.h"
#include "ui/ui-text.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

#define VIEW_HELP_LINES	512

struct view_help {
	char	*lines[VIEW_HELP_LINES];
	size_t	 n;
	int	 welcome;
	char	 title[128];
};

static void
view_help_add(struct view_help *vh, char *line)
{
	if (vh->n < VIEW_HELP_LINES)
		vh->lines[vh->n++] = line;
	else
		free(line);
}

static void
view_help_draw(struct ui *ui, struct ui_view *v, int y, int height,
    int width)
{
	struct view_help	*vh = v->data;
	size_t			 i;
	int			 row;

	for (row = 0; row < height; row++) {
		i = v->list.top + (size_t)row;
		if (i >= vh->n)
			break;
		ui_draw_text(y + row, 0, width, vh->lines[i], 0);
	}
}

static void
view_help_title(struct ui *ui, struct ui_view *v, char *buf, size_t len)
{
	snprintf(buf, len, "%s", ((struct view_help *)v->data)->title);
}

static void
view_help_free(struct ui_view *v)
{
	struct view_help	*vh = v->data;
	size_t			 i;

	for (i = 0; i < vh->n; i++)
		free(vh->lines[i]);
	free(vh);
	free(v);
}

static const struct ui_handler view_help_handlers[] = {
	{ ACT_NONE, NULL }
};

static const struct ui_view_type view_help_type = {
	"help", CTX_HELP, view_help_handlers, view_help_draw, NULL, NULL,
	view_help_title, view_help_free
};

static struct ui_view *
view_help_make(struct ui *ui, struct view_help *vh)
{
	struct ui_view	*v;

	v = xcalloc(1, sizeof *v);
	v->type = &view_help_type;
	v->data = vh;
	ui_list_init(&v->list, 1);
	ui_list_set_height(&v->list, ui_view_height(ui));
	ui_list_set_count(&v->list, vh->n);
	return (v);
}

/* The macros: the prefix and key, the steps, the description. */
static void
view_help_macros(struct ui *ui, struct view_help *vh)
{
	const struct conf_macro	*m;
	const char		*prefix = ",";
	char			 key[32], *steps;
	size_t			 i;

	if (conf_macro_at(0) == NULL)
		return;
	if (ui->cfg.conf != NULL)
		prefix = conf_file_str(ui->cfg.conf, CONF_MACRO_PREFIX);
	view_help_add(vh, xstrdup(""));
	view_help_add(vh, xasprintf(_("Macros (the prefix \"%s\", then the "
	    "key):"), prefix));
	for (i = 0; (m = conf_macro_at(i)) != NULL; i++) {
		conf_keys_name(m->key, key, sizeof key);
		steps = ui_cmdline_macro_steps(m);
		view_help_add(vh, xasprintf("%s%-13s %-24s %s", prefix, key,
		    m->desc != NULL ? m->desc : steps,
		    m->desc != NULL ? steps : ""));
		free(steps);
	}
}

/* What the command line takes. */
static void
view_help_commands(struct view_help *vh)
{
	static const struct {
		const char	*usage;
		const char	*help;
	} cmds[] = {
		{ "set OPTION [VALUE]", N_("set an option at once, or show "
		    "it") },
		{ "set OPTION! | OPTION&", N_("flip a yes/no option; put back "
		    "the default") },
		{ "quit", N_("quit tidings, from any view") },
		{ "tag [TAG]", N_("show only the feeds of a tag (none: every "
		    "feed)") },
		{ "goto TEXT", N_("the next feed whose title holds the text") },
		{ "source FILE", N_("read a config file") },
		{ "dumpconfig [FILE]", N_("show the current settings, or "
		    "write them to a new file") },
		{ "save FILE", N_("save the article to a file, as text") },
		{ "N", N_("go to row N") },
		{ "ACTION, exec ACTION", N_("any action, by its name") },
	};
	size_t	i;

	view_help_add(vh, xstrdup(""));
	view_help_add(vh, xstrdup(_("Commands (after :, Tab completes "
	    "names):")));
	for (i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		view_help_add(vh, xasprintf("%-24s %s", cmds[i].usage,
		    _(cmds[i].help)));
}

/* Every action that works in the view `of`, with the keys that do it. */
struct ui_view *
view_help_new(struct ui *ui, const struct ui_view *of)
{
	struct view_help	*vh;
	const struct conf_action_info *ai;
	enum conf_ctx		 ctx = of->type->ctx;
	const char		*help;
	char			 keys[256];
	size_t			 i;
	int			 a, o;

	vh = xcalloc(1, sizeof *vh);
	snprintf(vh->title, sizeof vh->title, _("Help - %s keys"),
	    conf_keys_ctx_name(ctx));
	for (a = 1; a < ACT__COUNT; a++) {
		if (!ui_input_works(of, (enum conf_action)a))
			continue;
		ai = conf_keys_action_info((enum conf_action)a);
		conf_keys_for(ctx, (enum conf_action)a, keys, sizeof keys);
		if (keys[0] == '\0')
			continue;
		view_help_add(vh, xasprintf("%-14s %-24s %s", keys, ai->name,
		    _(ai->help)));
	}
	view_help_add(vh, xstrdup(""));
	view_help_add(vh, xstrdup(_("Unbound actions:")));
	for (a = 1; a < ACT__COUNT; a++) {
		if (!ui_input_works(of, (enum conf_action)a))
			continue;
		ai = conf_keys_action_info((enum conf_action)a);
		conf_keys_for(ctx, (enum conf_action)a, keys, sizeof keys);
		if (keys[0] != '\0')
			continue;
		view_help_add(vh, xasprintf("%-14s %-24s %s", "", ai->name,
		    _(ai->help)));
	}
	view_help_add(vh, xstrdup(""));
	view_help_add(vh, xstrdup(_("Change them in the config file with "
	    "\"bind-key KEY ACTION [CONTEXT]\" and \"unbind-key KEY\".")));
	view_help_macros(ui, vh);
	if (ui_input_works(of, ACT_CMDLINE))
		view_help_commands(vh);
	/* The prompts' keys, where a key here opens one. */
	if (ui_input_works(of, ACT_SEARCH)) {
		view_help_add(vh, xstrdup(""));
		view_help_add(vh, xstrdup(_("Editing a prompt (search):")));
		for (i = 0; ui_input_prompt_help_at(i, keys, sizeof keys,
		    &help); i++)
			view_help_add(vh, xasprintf("%-24s %s", keys, help));
	}
	/* The options, from the table the config parser reads. */
	view_help_add(vh, xstrdup(""));
	view_help_add(vh, xstrdup(_("Options of the config file (default "
	    "in brackets):")));
	for (o = 0; o < CONF_NOPTS; o++) {
		if (conf_options[o].name == NULL)
			continue;
		view_help_add(vh, xasprintf("%-28s [%s] %s",
		    conf_options[o].name, conf_options[o].def,
		    _(conf_options[o].help)));
	}
	return (view_help_make(ui, vh));
}

/* The first start, with no urls file: how to add feeds. */
struct ui_view *
view_help_welcome_new(struct ui *ui)
{
	static const char *const text[] = {
		N_("Welcome to tidings!"),
		"",
		N_("You have no feeds yet. To add some, either:"),
		"",
		N_("  * import an OPML file from another reader:"),
		N_("        tidings -i subscriptions.opml"),
		N_("  * or write one feed URL per line in the urls file:"),
		"        %s",
		N_("    optionally followed by tags and a \"~Custom title\":"),
		N_("        https://example.org/feed.xml news tech \"~Example\""),
		N_("  * or, in the feed list (q), press a to subscribe to a site"),
		N_("    by its address, or E to edit the urls file."),
		"",
		N_("Then start tidings again, or press R here to fetch them."),
		N_("Press q to leave this page, ? for the keys."),
	};
	struct view_help	*vh;
	size_t			 i;

	vh = xcalloc(1, sizeof *vh);
	vh->welcome = 1;
	snprintf(vh->title, sizeof vh->title, "%s", _("Welcome"));
	for (i = 0; i < sizeof text / sizeof text[0]; i++) {
		if (strcmp(text[i], "        %s") == 0)
			view_help_add(vh, xasprintf("        %s",
			    ui->cfg.urls_path != NULL ? ui->cfg.urls_path :
			    "~/.config/tidings/urls"));
		else
			view_help_add(vh, xstrdup(*text[i] ? _(text[i]) : ""));
	}
	return (view_help_make(ui, vh));
}

/* A page of lines (the view takes them), as the help is shown. */
struct ui_view *
view_help_text_new(struct ui *ui, const char *title, char **lines, size_t n)
{
	struct view_help	*vh;
	size_t			 i;

	vh = xcalloc(1, sizeof *vh);
	snprintf(vh->title, sizeof vh->title, "%s", title);
	for (i = 0; i < n; i++)
		view_help_add(vh, lines[i]);
	free(lines);
	return (view_help_make(ui, vh));
}
