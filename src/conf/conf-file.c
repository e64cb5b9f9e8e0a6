/*
 * The config file: Newsboat-style lines "option value", plus bind-key,
 * unbind-key and color lines, which go into the key and colour tables
 * (conf-keys.c, conf-colour.c) as they are read, and feed-fulltext lines,
 * checked here and applied per feed by conf_file_fulltext(). Every mode
 * reads the file through here, so all agree on whether it is valid.
 */
#include "config.h"

#include <errno.h>
#include <stddef.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "conf/conf-int.h"
#include "util/i18n.h"
#include "util/tags.h"
#include "util/xmalloc.h"

/* Parse value for row o; returns 0 or -1 with a cause. */
static int
config_parse_value(const struct conf_option *o, const char *s, int64_t *iv,
    char **cause)
{
	char		*end, *why = NULL;
	long long	 v;
	size_t		 i;

	switch (o->type) {
	case CONF_BOOL:
		if (strcmp(s, "yes") == 0 || strcmp(s, "true") == 0)
			*iv = 1;
		else if (strcmp(s, "no") == 0 || strcmp(s, "false") == 0)
			*iv = 0;
		else {
			*cause = xasprintf(_("%s: expected yes or no, not "
			    "'%s'"), o->name, s);
			return (-1);
		}
		return (0);
	case CONF_INT:
	case CONF_SIZE:
		errno = 0;
		v = strtoll(s, &end, 10);
		if (end == s || errno != 0)
			goto bad_number;
		if (o->type == CONF_SIZE && *end != '\0' && end[1] == '\0') {
			/* A negative size is out of range; shifting it would
			 * be undefined (found by fuzz-config). */
			switch (*end++) {
			case 'k': case 'K': v = v < 0 || v > INT64_MAX >> 10 ? -1 : v << 10; break;
			case 'm': case 'M': v = v < 0 || v > INT64_MAX >> 20 ? -1 : v << 20; break;
			case 'g': case 'G': v = v < 0 || v > INT64_MAX >> 30 ? -1 : v << 30; break;
			default: end--;
			}
		}
		if (*end != '\0')
			goto bad_number;
		if (v < o->min || v > o->max) {
			*cause = xasprintf(_("%s: %s is out of range "
			    "(%" PRId64 " to %" PRId64 ")"), o->name, s,
			    o->min, o->max);
			return (-1);
		}
		*iv = v;
		return (0);
	case CONF_CHOICE:
		for (i = 0; o->choices[i] != NULL; i++) {
			if (strcmp(o->choices[i], s) == 0) {
				*iv = (int64_t)i;
				return (0);
			}
		}
		*cause = xasprintf(_("%s: '%s' is not one of the choices"),
		    o->name, s);
		return (-1);
	case CONF_STRING:
		if (o->check != NULL && o->check(s, &why) != 0) {
			*cause = xasprintf("%s: %s", o->name, why);
			free(why);
			return (-1);
		}
		return (0);
	}
	return (0);
bad_number:
	*cause = xasprintf(_("%s: '%s' is not a number"), o->name, s);
	return (-1);
}

int
conf_file_set(struct config *c, const char *name, const char *value,
    char **cause)
{
	const struct conf_option	*o;
	int64_t				 iv = 0;
	size_t				 i;

	for (i = 0; i < CONF_NOPTS; i++)
		if (conf_options[i].name != NULL &&
		    strcmp(conf_options[i].name, name) == 0)
			break;
	if (i == CONF_NOPTS) {
		*cause = xasprintf(_("unknown option '%s'"), name);
		return (-1);
	}
	o = &conf_options[i];
	if (config_parse_value(o, value, &iv, cause) != 0)
		return (-1);
	if (o->type == CONF_STRING) {
		free(c->val[i].s);
		c->val[i].s = xstrdup(value);
	} else
		c->val[i].i = iv;
	return (0);
}

void
conf_file_init(struct config *c)
{
	char	*cause = NULL;
	size_t	 i;

	memset(c, 0, sizeof *c);
	conf_keys_free();
	conf_macro_free();
	conf_colour_reset();
	for (i = 0; i < CONF_NOPTS; i++) {
		if (conf_options[i].name == NULL)
			continue;
		if (conf_file_set(c, conf_options[i].name, conf_options[i].def,
		    &cause) != 0)
			fatal("bad default: %s", cause);
	}
}

static void
config_cmds_fini(struct conf_cmds *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++) {
		conf_token_free(l->v[i].argv, l->v[i].argc);
		free(l->v[i].file);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

void
conf_file_fini(struct config *c)
{
	size_t	i;

	for (i = 0; i < CONF_NOPTS; i++)
		if (conf_options[i].type == CONF_STRING)
			free(c->val[i].s);
	config_cmds_fini(&c->feed_fulltext);
	conf_macro_free();
	config_cmds_fini(&c->feed_podcast);
	config_cmds_fini(&c->ignore_article);
	config_cmds_fini(&c->define_filter);
	for (i = 0; i < c->nhighlights; i++)
		free(c->highlights[i].where);
	free(c->highlights);
	c->highlights = NULL;
	c->nhighlights = 0;
	conf_highlight_free(c);
	for (i = 0; i < c->nwarnings; i++)
		free(c->warnings[i]);
	free(c->warnings);
	c->warnings = NULL;
	c->nwarnings = 0;
}

int64_t
conf_file_int(const struct config *c, enum conf_opt o)
{
	return (c->val[o].i);
}

const char *
conf_file_str(const struct config *c, enum conf_opt o)
{
	if (conf_options[o].type == CONF_CHOICE)
		return (conf_options[o].choices[c->val[o].i]);
	return (c->val[o].s);
}


enum conf_fulltext
conf_file_fulltext(const struct config *c, const char *url, const char *tags)
{
	const struct conf_cmd	*cmd;
	const char *const	*v = conf_options[CONF_FULLTEXT].choices;
	enum conf_fulltext	 mode;
	size_t			 i, k;
	int			 j;

	mode = (enum conf_fulltext)conf_file_int(c, CONF_FULLTEXT);
	for (i = 0; i < c->feed_fulltext.n; i++) {
		cmd = &c->feed_fulltext.v[i];
		for (j = 1; j < cmd->argc; j++)
			if ((url != NULL && strcmp(cmd->argv[j], url) == 0) ||
			    tags_has(tags, cmd->argv[j]))
				break;
		if (j == cmd->argc)
			continue;
		/* The value was checked when the line was read. */
		for (k = 0; v[k] != NULL; k++)
			if (strcmp(v[k], cmd->argv[0]) == 0)
				mode = (enum conf_fulltext)k;
	}
	return (mode);
}

/* feed-fulltext VALUE FEED...: the value is one of fulltext's. */
static int
config_feed_fulltext(struct config *c, const char *path, int lineno,
    char **argv, int argc, char **cause)
{
	const char *const	*v = conf_options[CONF_FULLTEXT].choices;
	size_t			 k;

	for (k = 0; v[k] != NULL; k++)
		if (strcmp(v[k], argv[1]) == 0)
			break;
	if (v[k] == NULL) {
		*cause = xasprintf(_("%s: '%s' is not one of the choices"),
		    argv[0], argv[1]);
		return (-1);
	}
	conf_file_cmds_add(&c->feed_fulltext, path, lineno,
	    (const char *const *)argv + 1, argc - 1);
	return (0);
}

/* The words argv[0 .. n) of a line kept with its place, for the module
 * that reads them later. */
void
conf_file_cmds_add(struct conf_cmds *l, const char *path, int lineno,
    const char *const *argv, int n)
{
	struct conf_cmd	*cmd;
	int		 i;

	l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
	cmd = &l->v[l->n++];
	cmd->argc = n;
	cmd->argv = xreallocarray(NULL, (size_t)n + 1, sizeof *cmd->argv);
	for (i = 0; i < n; i++)
		cmd->argv[i] = xstrdup(argv[i]);
	cmd->file = xstrdup(path);
	cmd->line = lineno;
}

/* Not supported: a warning naming what is ignored. */
static int
config_ignored(const char *what, int later, char **cause)
{
	if (later)
		*cause = xasprintf(_("%s: not supported yet, ignored"), what);
	else
		*cause = xasprintf(_("%s: not supported, ignored"), what);
	return (1);
}

/* bind-key KEY ACTION [CONTEXT]; Newsboat's "all" is no context. */
static int
config_bind_key(char **argv, int argc, char **cause)
{
	const char	*ctx = argc > 3 ? argv[3] : NULL;

	if (argc > 4) {
		*cause = xstrdup(_("bind-key takes KEY ACTION [CONTEXT]"));
		return (-1);
	}
	if (ctx != NULL && strcmp(ctx, "all") == 0)
		ctx = NULL;
	if (conf_keys_action_find(argv[2]) == ACT_NONE &&
	    conf_newsboat_action(argv[2]))
		return (config_ignored(argv[2], 0, cause));
	if (ctx != NULL && conf_keys_ctx_find(ctx) == -1 &&
	    conf_newsboat_dialog(ctx))
		return (config_ignored(ctx, 0, cause));
	return (conf_keys_bind(argv[1], argv[2], ctx, cause));
}

static int
config_unbind_key(char **argv, int argc, char **cause)
{
	const char	*ctx = argc > 2 ? argv[2] : NULL;

	if (argc > 3) {
		*cause = xstrdup(_("unbind-key takes KEY [CONTEXT]"));
		return (-1);
	}
	if (ctx != NULL && strcmp(ctx, "all") == 0)
		ctx = NULL;
	if (ctx != NULL && conf_keys_ctx_find(ctx) == -1 &&
	    conf_newsboat_dialog(ctx))
		return (config_ignored(ctx, 0, cause));
	return (conf_keys_unbind(argv[1], ctx, cause));
}

static int
config_color(char **argv, int argc, char **cause)
{
	size_t	i;

	for (i = 0; conf_colour_name_at(0, i) != NULL; i++)
		if (strcmp(conf_colour_name_at(0, i), argv[1]) == 0)
			break;
	if (conf_colour_name_at(0, i) == NULL &&
	    conf_newsboat_element(argv[1]))
		return (config_ignored(argv[1], 0, cause));
	return (conf_colour_set(argv[1], argv[2], argv[3],
	    (const char *const *)argv + 4, (size_t)argc - 4, cause));
}

/* Commands: name, the fewest arguments, and what reads them. */
static const struct {
	const char	*name;
	int		 min_args;
	int		 kind;
} config_cmds[] = {
	{ "bind-key", 2, 0 },
	{ "unbind-key", 1, 1 },
	{ "color", 3, 2 },
	{ "feed-fulltext", 2, 3 },
	{ "macro", 2, 4 },
	{ "feed-podcast-auto-enqueue", 2, 5 },
};

int
conf_file_line(struct config *c, const char *path, int lineno, char **argv,
    int argc, char **cause)
{
	const struct conf_newsboat_option	*nb;
	const char				*name = argv[0];
	size_t					 i;
	int					 r;

	if ((r = conf_filter_line(c, path, lineno, argv, argc, cause)) != 2)
		return (r);
	for (i = 0; i < sizeof config_cmds / sizeof config_cmds[0]; i++) {
		if (strcmp(name, config_cmds[i].name) != 0)
			continue;
		if (argc - 1 < config_cmds[i].min_args) {
			*cause = xasprintf(ngettext("%s needs %d argument",
			    "%s needs %d arguments", config_cmds[i].min_args),
			    name, config_cmds[i].min_args);
			return (-1);
		}
		switch (config_cmds[i].kind) {
		case 0:
			return (config_bind_key(argv, argc, cause));
		case 1:
			return (config_unbind_key(argv, argc, cause));
		case 2:
			return (config_color(argv, argc, cause));
		case 4:
			return (conf_macro_add(argv, argc, cause));
		case 5:
			return (conf_podcast_line(c, path, lineno, argv, argc,
			    cause));
		}
		return (config_feed_fulltext(c, path, lineno, argv, argc,
		    cause));
	}
	for (i = 0; i < CONF_NOPTS; i++)
		if (conf_options[i].name != NULL &&
		    strcmp(conf_options[i].name, name) == 0)
			break;
	if (i == CONF_NOPTS) {
		if ((nb = conf_newsboat_option(name)) == NULL) {
			*cause = xasprintf(_("unknown option '%s'"), name);
			return (-1);
		}
		if (nb->kind != CONF_NB_RENAMED)
			return (config_ignored(name, nb->kind == CONF_NB_LATER,
			    cause));
		name = nb->tidings;
	}
	if (argc != 2) {
		*cause = xasprintf(_("%s takes one value"), argv[0]);
		return (-1);
	}
	if (conf_file_set(c, name, argv[1], cause) != 0)
		return (-1);
	if (strcmp(name, "urls-source") == 0)
		return (conf_options_urls_source(c, cause));
	return (0);
}

/* Errors reported from one file at most; the rest are counted. */
#define CONF_MAX_ERRORS	20

static void
config_error(char **errors, int *nerrors, const char *path, int lineno,
    const char *why)
{
	char	*s;

	if (++*nerrors > CONF_MAX_ERRORS)
		return;
	s = xasprintf("%s%s%s:%d: %s", *errors != NULL ? *errors : "",
	    *errors != NULL ? "\n" : "", path, lineno, why);
	free(*errors);
	*errors = s;
}

int
conf_file_load(struct config *c, const char *path, char **cause)
{
	FILE	 *f;
	char	 *line = NULL, **argv, *why, *errors = NULL, *s;
	size_t	  cap = 0;
	int	  argc, lineno = 0, rc = 0, r, nerrors = 0;

	if ((f = fopen(path, "r")) == NULL) {
		if (errno == ENOENT)
			return (0);
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return (-1);
	}
	while ((r = conf_token_getline(f, &line, &cap, &lineno)) != 0) {
		why = NULL;
		if (r < 0) {
			config_error(&errors, &nerrors, path, lineno,
			    _("line too long"));
			continue;
		}
		if (conf_token_split(line, &argv, &argc, &why) != 0) {
			config_error(&errors, &nerrors, path, lineno, why);
			free(why);
			continue;
		}
		if (argc == 0) {
			free(argv);
			continue;
		}
		r = conf_file_line(c, path, lineno, argv, argc, &why);
		conf_token_free(argv, argc);
		if (r < 0)
			config_error(&errors, &nerrors, path, lineno, why);
		else if (r > 0) {
			c->warnings = xreallocarray(c->warnings,
			    c->nwarnings + 1, sizeof *c->warnings);
			c->warnings[c->nwarnings++] = xasprintf("%s:%d: %s",
			    path, lineno, why);
		}
		free(why);
	}
	if (ferror(f)) {
		config_error(&errors, &nerrors, path, lineno, strerror(errno));
	}
	if (nerrors > CONF_MAX_ERRORS) {
		s = xasprintf(ngettext("%s\n%s: %d more error",
		    "%s\n%s: %d more errors", nerrors - CONF_MAX_ERRORS),
		    errors, path, nerrors - CONF_MAX_ERRORS);
		free(errors);
		errors = s;
	}
	if (errors != NULL) {
		*cause = errors;
		rc = -1;
	}
	free(line);
	fclose(f);
	return (rc);
}
