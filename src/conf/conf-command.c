/*
 * A program the user names in the config (the browser), split into words
 * as the shell would split it, but never run through a shell: the URL it
 * is given comes from a feed. Newsboat runs these lines with sh -c, so its
 * users write 'single' and "double" quotes, backslashes and a trailing &
 * to detach a GUI browser: those keep their meaning here. What only a
 * shell can do (pipes, ;, redirections, $ expansions, backquotes) is an
 * error at load, named, rather than an argument passed on by surprise.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "conf/conf.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* Characters that mean something only to a shell, outside quotes. */
#define CONF_COMMAND_SHELL	"|;<>`()"

void
conf_command_free(struct conf_command *c)
{
	int	i;

	for (i = 0; i < c->argc; i++)
		free(c->argv[i]);
	free(c->argv);
	memset(c, 0, sizeof *c);
}

static void
conf_command_push(struct conf_command *c, struct buf *b)
{
	c->argv = xreallocarray(c->argv, c->argc + 2, sizeof *c->argv);
	c->argv[c->argc++] = buf_detach(b);
	c->argv[c->argc] = NULL;
}

/* A $ that sh would expand: $NAME, ${...}, $(...), $1 and the like. */
static int
conf_command_expands(const char *p)
{
	return (p[0] == '$' && p[1] != '\0' && p[1] != ' ' &&
	    p[1] != '\t' && p[1] != '"' && p[1] != '\'');
}

static int
conf_command_shell(struct conf_command *c, char what, char **cause)
{
	*cause = xasprintf(_("the shell's %c is not supported: the command "
	    "runs without a shell (quotes and a trailing & work)"), what);
	conf_command_free(c);
	return (-1);
}

int
conf_command_parse(const char *s, struct conf_command *c, char **cause)
{
	struct buf	 b;
	const char	*p = s;
	int		 inword;

	memset(c, 0, sizeof *c);
	buf_init(&b, 0);
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		if (c->detach) {
			/* Something after the &: a shell's list. */
			buf_fini(&b);
			return (conf_command_shell(c, '&', cause));
		}
		buf_reset(&b);
		buf_add(&b, "", 0);
		inword = 0;
		while (*p != '\0' && *p != ' ' && *p != '\t') {
			if (*p == '\'') {
				for (p++; *p != '\''; p++) {
					if (*p == '\0')
						goto unterminated;
					buf_addc(&b, *p);
				}
				p++;
			} else if (*p == '"') {
				for (p++; *p != '"'; p++) {
					if (*p == '\0')
						goto unterminated;
					if (*p == '`' || conf_command_expands(p)) {
						buf_fini(&b);
						return (conf_command_shell(c,
						    *p, cause));
					}
					if (*p == '\\' && p[1] != '\0' &&
					    strchr("\"\\$`", p[1]) != NULL)
						p++;
					buf_addc(&b, *p);
				}
				p++;
			} else if (*p == '\\' && p[1] != '\0') {
				buf_addc(&b, p[1]);
				p += 2;
			} else if (*p == '&') {
				if (p[1] == '&') {
					buf_fini(&b);
					return (conf_command_shell(c, '&',
					    cause));
				}
				c->detach = 1;
				p++;
				break;
			} else if (strchr(CONF_COMMAND_SHELL, *p) != NULL ||
			    conf_command_expands(p)) {
				buf_fini(&b);
				return (conf_command_shell(c, *p, cause));
			} else
				buf_addc(&b, *p++);
			inword = 1;
		}
		if (inword)
			conf_command_push(c, &b);
	}
	buf_fini(&b);
	return (0);

unterminated:
	buf_fini(&b);
	conf_command_free(c);
	*cause = xstrdup(_("unterminated quote"));
	return (-1);
}

int
conf_command_check(const char *s, char **cause)
{
	struct conf_command	c;

	if (conf_command_parse(s, &c, cause) != 0)
		return (-1);
	conf_command_free(&c);
	return (0);
}
