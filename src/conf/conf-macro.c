/*
 * Macros, as Newsboat writes them: `macro KEY STEP [; STEP ...] [--
 * "description"]`, a step being an action by its name or `set OPTION
 * [VALUE]`. Checked when the config is read, so that a typo is a
 * FILE:LINE: error there rather than a surprise at the key; kept, like
 * the key maps, in one table the reader looks keys up in (after the
 * macro prefix).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "conf/conf-int.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* A runaway config stays bounded. */
#define CONF_MACRO_MAX		256
#define CONF_MACRO_MAX_STEPS	64

static struct {
	struct conf_macro	*v;
	size_t			 n;
} conf_macros;

static void
conf_macro_clear(struct conf_macro *m)
{
	size_t	i;

	for (i = 0; i < m->nsteps; i++)
		conf_token_free(m->steps[i].argv, m->steps[i].argc);
	free(m->steps);
	free(m->desc);
	memset(m, 0, sizeof *m);
}

void
conf_macro_free(void)
{
	size_t	i;

	for (i = 0; i < conf_macros.n; i++)
		conf_macro_clear(&conf_macros.v[i]);
	free(conf_macros.v);
	conf_macros.v = NULL;
	conf_macros.n = 0;
}

const struct conf_macro *
conf_macro_find(int key)
{
	size_t	i;

	for (i = 0; i < conf_macros.n; i++)
		if (conf_macros.v[i].key == key)
			return (&conf_macros.v[i]);
	return (NULL);
}

const struct conf_macro *
conf_macro_at(size_t i)
{
	return (i < conf_macros.n ? &conf_macros.v[i] : NULL);
}

/*
 * Is this step one the reader can run? 0 yes, 1 a Newsboat action or
 * option tidings lacks (the macro is ignored with a warning), -1 not.
 */
int
conf_macro_check_step(char **argv, int argc, char **cause)
{
	const struct conf_newsboat_option	*nb;
	size_t					 i;

	if (strcmp(argv[0], "set") == 0) {
		if (argc < 2 || argc > 3) {
			*cause = xstrdup(_("set takes OPTION [VALUE]"));
			return (-1);
		}
		for (i = 0; i < CONF_NOPTS; i++)
			if (conf_options[i].name != NULL &&
			    strcmp(conf_options[i].name, argv[1]) == 0)
				return (0);
		if ((nb = conf_newsboat_option(argv[1])) == NULL) {
			*cause = xasprintf(_("unknown option '%s'"), argv[1]);
			return (-1);
		}
		if (nb->kind == CONF_NB_RENAMED)
			return (0);
		*cause = xasprintf(_("%s: not supported, ignored"), argv[1]);
		return (1);
	}
	if (conf_keys_action_find(argv[0]) == ACT_NONE) {
		if (conf_newsboat_action(argv[0])) {
			*cause = xasprintf(_("%s: not supported, ignored"),
			    argv[0]);
			return (1);
		}
		*cause = xasprintf(_("unknown action: %s"), argv[0]);
		return (-1);
	}
	if (argc > 1) {
		*cause = xasprintf(_("%s takes no arguments"), argv[0]);
		return (-1);
	}
	return (0);
}

/* Close the step being gathered in words[0..n) into m. */
static void
conf_macro_push(struct conf_macro *m, char **words, int n)
{
	struct conf_macro_step	*s;
	int			 j;

	m->steps = xreallocarray(m->steps, m->nsteps + 1, sizeof *m->steps);
	s = &m->steps[m->nsteps++];
	s->argc = n;
	s->argv = xreallocarray(NULL, (size_t)n + 1, sizeof *s->argv);
	for (j = 0; j < n; j++)
		s->argv[j] = xstrdup(words[j]);
	s->argv[n] = NULL;
}

/*
 * Split argv (after "macro KEY") into steps at ";" (a word of its own,
 * or at the end of one, as Newsboat's examples write it); "--" starts
 * the description.
 */
static int
conf_macro_split(struct conf_macro *m, char **argv, int argc, char **cause)
{
	char	**words, *w;
	int	  i, n = 0, rc = 0;
	size_t	  len;

	words = xreallocarray(NULL, (size_t)argc + 1, sizeof *words);
	for (i = 0; i < argc && rc == 0; i++) {
		if (strcmp(argv[i], "--") == 0) {
			if (i != argc - 2) {
				*cause = xstrdup(_("macro: -- takes one "
				    "quoted description, at the end"));
				rc = -1;
				break;
			}
			m->desc = xstrdup(argv[i + 1]);
			break;
		}
		len = strlen(argv[i]);
		if (len > 0 && argv[i][len - 1] == ';') {
			w = xstrndup(argv[i], len - 1);
			if (*w != '\0')
				words[n++] = w;
			else
				free(w);
			if (n == 0) {
				*cause = xstrdup(_("macro: an empty step"));
				rc = -1;
				break;
			}
			conf_macro_push(m, words, n);
			while (n > 0)
				free(words[--n]);
			continue;
		}
		words[n++] = xstrdup(argv[i]);
	}
	if (rc == 0 && n > 0)
		conf_macro_push(m, words, n);
	while (n > 0)
		free(words[--n]);
	free(words);
	if (rc == 0 && m->nsteps == 0) {
		*cause = xstrdup(_("macro needs KEY and an action"));
		rc = -1;
	}
	if (rc == 0 && m->nsteps > CONF_MACRO_MAX_STEPS) {
		*cause = xasprintf(_("macro: too many steps (at most %d)"),
		    CONF_MACRO_MAX_STEPS);
		rc = -1;
	}
	return (rc);
}

/* macro KEY STEP [; STEP ...] [-- "description"]: 0, 1 ignored, -1. */
int
conf_macro_add(char **argv, int argc, char **cause)
{
	struct conf_macro	 m;
	char			*why = NULL;
	size_t			 i;
	int			 key, r;

	memset(&m, 0, sizeof m);
	if (conf_keys_parse(argv[1], &key) != 0) {
		*cause = xasprintf(_("unknown key: %s"), argv[1]);
		return (-1);
	}
	m.key = key;
	if (conf_macro_split(&m, argv + 2, argc - 2, cause) != 0) {
		conf_macro_clear(&m);
		return (-1);
	}
	for (i = 0; i < m.nsteps; i++) {
		r = conf_macro_check_step(m.steps[i].argv, m.steps[i].argc,
		    &why);
		if (r != 0) {
			*cause = xasprintf("macro %s: %s", argv[1], why);
			free(why);
			conf_macro_clear(&m);
			return (r);
		}
	}
	/* A key defined again: the last definition counts. */
	for (i = 0; i < conf_macros.n; i++)
		if (conf_macros.v[i].key == key) {
			conf_macro_clear(&conf_macros.v[i]);
			conf_macros.v[i] = m;
			return (0);
		}
	if (conf_macros.n >= CONF_MACRO_MAX) {
		*cause = xasprintf(_("too many macros (at most %d)"),
		    CONF_MACRO_MAX);
		conf_macro_clear(&m);
		return (-1);
	}
	conf_macros.v = xreallocarray(conf_macros.v, conf_macros.n + 1,
	    sizeof *conf_macros.v);
	conf_macros.v[conf_macros.n++] = m;
	return (0);
}
