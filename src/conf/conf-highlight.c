/*
 * highlight VIEW REGEX FG [BG [ATTR...]]: the text a POSIX extended
 * regular expression matches (case-insensitively, as Newsboat does) is
 * drawn in its own colours in the feed list, the article list, the
 * article, or all three. The expression is the user's, compiled as the
 * file is read so that a mistake stops the program with FILE:LINE:.
 */
#include "config.h"

#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "conf/conf-int.h"
#include "filter/filter.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

static const struct {
	const char	*name;
	int		 views;
} conf_highlight_views[] = {
	{ "feedlist", CONF_HL_FEEDLIST },
	{ "articlelist", CONF_HL_ARTICLELIST },
	{ "article", CONF_HL_ARTICLE },
	{ "all", CONF_HL_FEEDLIST | CONF_HL_ARTICLELIST | CONF_HL_ARTICLE },
};

static int
conf_highlight_add(struct config *c, char **argv, int argc, char **cause)
{
	struct conf_hl_rule	 r;
	char			 msg[256];
	const char		*bad;
	size_t			 i;
	int			 e;

	if (argc < 4) {
		*cause = xstrdup(_("highlight takes feedlist|articlelist|"
		    "article|all REGEX FOREGROUND [BACKGROUND "
		    "[ATTRIBUTE...]]"));
		return (-1);
	}
	if (c->nhl_rules >= CONF_HL_MAX_RULES) {
		*cause = xasprintf(_("highlight: too many lines (at most %d)"),
		    CONF_HL_MAX_RULES);
		return (-1);
	}
	memset(&r, 0, sizeof r);
	for (i = 0; i < sizeof conf_highlight_views /
	    sizeof conf_highlight_views[0]; i++)
		if (strcmp(argv[1], conf_highlight_views[i].name) == 0)
			r.views = conf_highlight_views[i].views;
	if (r.views == 0) {
		*cause = xasprintf(_("highlight: unknown view '%s' (feedlist, "
		    "articlelist, article or all)"), argv[1]);
		return (-1);
	}
	if (conf_colour_spec(argv[3], argc > 4 ? argv[4] : "default",
	    (const char *const *)argv + 5, argc > 5 ? (size_t)argc - 5 : 0,
	    &r.colour, cause) != 0)
		return (-1);
	if (*argv[2] == '\0') {
		*cause = xstrdup(_("highlight: empty regular expression"));
		return (-1);
	}
	if ((bad = filter_regex_check(argv[2])) != NULL) {
		*cause = xasprintf(_("highlight: bad regular expression "
		    "'%s': %s"), argv[2], bad);
		return (-1);
	}
	r.re = xmalloc(sizeof *r.re);
	if ((e = regcomp(r.re, argv[2], REG_EXTENDED | REG_ICASE)) != 0) {
		regerror(e, r.re, msg, sizeof msg);
		*cause = xasprintf(_("highlight: bad regular expression "
		    "'%s': %s"), argv[2], msg);
		free(r.re);
		return (-1);
	}
	c->hl_rules = xreallocarray(c->hl_rules, c->nhl_rules + 1,
	    sizeof *c->hl_rules);
	c->hl_rules[c->nhl_rules++] = r;
	return (0);
}

int
conf_highlight_line(struct config *c, char **argv, int argc, char **cause)
{
	if (strcmp(argv[0], "highlight") != 0)
		return (2);
	return (conf_highlight_add(c, argv, argc, cause));
}

void
conf_highlight_free(struct config *c)
{
	size_t	i;

	for (i = 0; i < c->nhl_rules; i++) {
		regfree(c->hl_rules[i].re);
		free(c->hl_rules[i].re);
	}
	free(c->hl_rules);
	c->hl_rules = NULL;
	c->nhl_rules = 0;
	for (i = 0; i < c->nfeed_highlights; i++)
		free(c->feed_highlights[i].where);
	free(c->feed_highlights);
	c->feed_highlights = NULL;
	c->nfeed_highlights = 0;
}
