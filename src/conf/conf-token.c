/*
 * Splitting config and urls lines into words, as Newsboat does: blanks
 * separate, "double quotes" group (with \" and \\ inside), # starts a
 * comment. Backquotes are plain characters: nothing here runs a command.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf/conf-int.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

void
conf_token_free(char **argv, int argc)
{
	int	i;

	for (i = 0; i < argc; i++)
		free(argv[i]);
	free(argv);
}

int
conf_token_split(const char *s, char ***argvp, int *argcp, char **cause)
{
	struct buf	  b;
	char		**argv = NULL;
	int		  argc = 0;

	buf_init(&b, CONF_LINE_MAX);
	for (;;) {
		while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
			s++;
		if (*s == '\0' || *s == '#')
			break;
		buf_reset(&b);
		buf_add(&b, "", 0);
		while (*s != '\0' && *s != ' ' && *s != '\t' && *s != '\r' &&
		    *s != '\n') {
			if (*s != '"') {
				buf_addc(&b, *s++);
				continue;
			}
			for (s++; *s != '"'; s++) {
				if (*s == '\0') {
					*cause = xstrdup(_("unterminated "
					    "quote"));
					buf_fini(&b);
					conf_token_free(argv, argc);
					return (-1);
				}
				if (*s == '\\' && (s[1] == '"' || s[1] == '\\'))
					s++;
				buf_addc(&b, *s);
			}
			s++;
		}
		argv = xreallocarray(argv, argc + 1, sizeof *argv);
		argv[argc++] = buf_detach(&b);
	}
	buf_fini(&b);
	*argvp = argv;
	*argcp = argc;
	return (0);
}

void
conf_token_write(FILE *f, const char *s)
{
	const char	*p;

	/* Quote whatever conf_token_split would cut or drop: blanks
	 * (a carriage return too), quotes, backslashes, comments. */
	if (*s != '\0' && strpbrk(s, " \t\r\n\"\\#") == NULL) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (p = s; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			fputc('\\', f);
		fputc(*p, f);
	}
	fputc('"', f);
}

int
conf_token_getline(FILE *f, char **line, size_t *cap, int *lineno)
{
	ssize_t	n;

	if ((n = getline(line, cap, f)) < 0)
		return (0);
	(*lineno)++;
	if (n > CONF_LINE_MAX)
		return (-1);
	if (n > 0 && (*line)[n - 1] == '\n')
		(*line)[--n] = '\0';
	return (1);
}
