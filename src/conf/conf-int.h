/* Private to src/conf. */
#ifndef TIDINGS_CONF_CONF_INT_H
#define TIDINGS_CONF_CONF_INT_H

#include "conf/conf.h"

/* Longest line accepted in the config and urls files. */
#define CONF_LINE_MAX	(64 * 1024)
/* Entries accepted from one urls or OPML file. */
#define CONF_URLS_MAX	100000

/* conf-token.c */
int	conf_token_split(const char *line, char ***argv, int *argc,
	    char **cause);
void	conf_token_free(char **, int);
/* Quote a token for a config or urls line if it needs it. */
void	conf_token_write(FILE *, const char *);
/* Read one line (without the newline); 0 at EOF, -1 when too long. */
int	conf_token_getline(FILE *, char **line, size_t *cap, int *lineno);

/* ignore-article and define-filter (conf-filter.c); 2: not one. */
int	conf_filter_line(struct config *, const char *path, int lineno,
	    char **argv, int argc, char **cause);
/* highlight lines (conf-highlight.c); 2: not one. */
int	conf_highlight_line(struct config *, char **argv, int argc,
	    char **cause);
void	conf_highlight_free(struct config *);

#endif
