/*
 * The config lines that take a filter expression: the killfile
 * (ignore-article FEEDURL|* EXPR), named filters (define-filter NAME
 * EXPR) and the colours of matching article rows (highlight-article EXPR
 * FG BG [ATTR...]) and feed rows (highlight-feed, a feed matching when
 * one of its articles does). Expressions are compiled as the file is read, so that a mistake
 * stops the program with the file, line, column and token.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "conf/conf-int.h"
#include "filter/filter.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* The expression's SQL; *feed_only (when asked) whether it reads only
 * feed attributes. */
static char *
conf_filter_compile(const char *what, const char *expr, int *feed_only,
    char **cause)
{
	struct filter_err	 err;
	char			*where, *e;
	int			 only;

	if ((where = filter_compile_feed(expr, &only, &err)) == NULL) {
		e = filter_err_str(&err);
		*cause = xasprintf("%s: %s", what, e);
		free(e);
		filter_err_fini(&err);
		return (NULL);
	}
	if (feed_only != NULL)
		*feed_only = only;
	return (where);
}

/* highlight-article (and highlight-feed) EXPR FG BG [ATTR...] */
static int
conf_filter_highlight(struct config *c, char **argv, int argc, char **cause)
{
	struct conf_colour	 colour;
	char			*where;
	int			 feed_only;

	if (argc < 4) {
		*cause = xasprintf(_("%s takes EXPRESSION FOREGROUND "
		    "BACKGROUND [ATTRIBUTE...]"), argv[0]);
		return (-1);
	}
	memset(&colour, 0, sizeof colour);
	if (conf_colour_spec(argv[2], argv[3], (const char *const *)argv + 4,
	    (size_t)argc - 4, &colour, cause) != 0)
		return (-1);
	if ((where = conf_filter_compile(argv[0], argv[1], &feed_only,
	    cause)) == NULL)
		return (-1);
	if (strcmp(argv[0], "highlight-feed") == 0) {
		c->feed_highlights = xreallocarray(c->feed_highlights,
		    c->nfeed_highlights + 1, sizeof *c->feed_highlights);
		c->feed_highlights[c->nfeed_highlights].feed_only = feed_only;
		c->feed_highlights[c->nfeed_highlights].where = where;
		c->feed_highlights[c->nfeed_highlights++].colour = colour;
		return (0);
	}
	c->highlights = xreallocarray(c->highlights, c->nhighlights + 1,
	    sizeof *c->highlights);
	c->highlights[c->nhighlights].where = where;
	c->highlights[c->nhighlights++].colour = colour;
	return (0);
}

int
conf_filter_line(struct config *c, const char *path, int lineno,
    char **argv, int argc, char **cause)
{
	const char	*v[3];
	char		*where;
	int		 ignore, r;

	if ((r = conf_highlight_line(c, argv, argc, cause)) != 2)
		return (r);
	if (strcmp(argv[0], "highlight-article") == 0 ||
	    strcmp(argv[0], "highlight-feed") == 0)
		return (conf_filter_highlight(c, argv, argc, cause));
	ignore = strcmp(argv[0], "ignore-article") == 0;
	if (!ignore && strcmp(argv[0], "define-filter") != 0)
		return (2);
	if (argc != 3) {
		*cause = xasprintf(ignore ? _("%s takes FEEDURL|* EXPRESSION "
		    "(the expression in quotes)") : _("%s takes NAME "
		    "EXPRESSION (the expression in quotes)"), argv[0]);
		return (-1);
	}
	if ((where = conf_filter_compile(argv[0], argv[2], NULL, cause)) ==
	    NULL)
		return (-1);
	v[0] = argv[1];
	v[1] = ignore ? where : argv[2];
	v[2] = where;
	conf_file_cmds_add(ignore ? &c->ignore_article : &c->define_filter, path,
	    lineno, v, ignore ? 2 : 3);
	free(where);
	return (0);
}

char *
conf_filter_ignore_sql(const struct config *c)
{
	struct buf	 b;
	const char	*url, *p;
	size_t		 i;

	if (c->ignore_article.n == 0)
		return (NULL);
	buf_init(&b, 0);
	for (i = 0; i < c->ignore_article.n; i++) {
		url = c->ignore_article.v[i].argv[0];
		if (i > 0)
			buf_adds(&b, " OR ");
		if (strcmp(url, "*") == 0) {
			buf_printf(&b, "(%s)", c->ignore_article.v[i].argv[1]);
			continue;
		}
		/* The URL as an SQL string, its quotes doubled. */
		buf_adds(&b, "(feed_id IN (SELECT id FROM feeds WHERE url = '");
		for (p = url; *p != '\0'; p++) {
			if (*p == '\'')
				buf_addc(&b, '\'');
			buf_addc(&b, *p);
		}
		buf_printf(&b, "') AND (%s))", c->ignore_article.v[i].argv[1]);
	}
	return (buf_detach(&b));
}
