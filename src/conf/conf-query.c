/*
 * Newsboat's query feeds in the urls file, "query:TITLE:EXPRESSION":
 * the expression is compiled when the file is read, so that a mistake
 * is reported with the file and line before anything starts.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "conf/conf-int.h"
#include "filter/filter.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

int
conf_query_is(const char *url)
{
	return (strncmp(url, "query:", 6) == 0);
}

int
conf_query_parse(const char *url, char **title, char **where, char **why)
{
	struct filter_err	 err;
	const char		*t = url + 6, *colon;
	char			*e;

	*title = *where = NULL;
	if ((colon = strchr(t, ':')) == NULL) {
		*why = xasprintf(_("a query feed is query:TITLE:EXPRESSION, "
		    "not '%s'"), url);
		return (-1);
	}
	if ((*where = filter_compile(colon + 1, &err)) == NULL) {
		e = filter_err_str(&err);
		*why = xasprintf(_("query feed '%.*s': %s"), (int)(colon - t),
		    t, e);
		free(e);
		filter_err_fini(&err);
		return (-1);
	}
	*title = xstrndup(t, (size_t)(colon - t));
	return (0);
}
