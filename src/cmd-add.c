/*
 * tidings --add=URL [TAG...]: subscribe. A feed's URL is added as it is;
 * of a web page's feeds (poll_discover) the first is added, the others
 * listed. A feed already
 * in the urls file is not added again.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf/conf.h"
#include "main-modes.h"
#include "poll/poll.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

/* "tidings: WHAT: message", WHAT scrubbed (it may come from a page). */
static void
add_error(const char *what, const char *msg)
{
	char	*w = sanitize_text(what, strlen(what), 0);

	fprintf(stderr, "%s: %s: %s\n", PACKAGE, w, msg);
	free(w);
}

int
cmd_add(const struct cmd_opts *co)
{
	struct conf_paths	 paths;
	struct config		 conf;
	struct conf_urls	 have, add;
	char			**found = NULL, **tags, *cause = NULL;
	const char		*title = NULL;
	size_t			 nfound = 0, ntags = 0, added, i;
	int			 ex;

	if (!conf_urls_fetchable(co->arg)) {
		add_error(co->arg, _("not an http, https or file URL"));
		return (EXIT_USAGE);
	}
	if ((ex = cmd_setup_config(co, &paths, &conf)) != 0)
		return (ex);
	if ((ex = cmd_setup_urls_writable(&conf, "--add")) != 0) {
		conf_file_fini(&conf);
		conf_paths_fini(&paths);
		return (ex);
	}
	memset(&add, 0, sizeof add);
	tags = xcalloc((size_t)co->nwords + 1, sizeof *tags);
	if (conf_urls_load(paths.urls, &have, &cause) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
		free(cause);
		ex = EXIT_USAGE;
		goto out;
	}
	/* The words after the URL, as on a urls line: "~Title" and tags. */
	for (i = 0; i < (size_t)co->nwords; i++) {
		if (co->words[i][0] == '~')
			title = co->words[i] + 1;
		else if (co->words[i][0] != '\0')
			tags[ntags++] = (char *)co->words[i];
	}
	if (conf_urls_find(&have, co->arg) != NULL) {
		printf(_("Already subscribed: %s\n"), co->arg);
		goto done;
	}
	if (poll_discover(&conf, co->arg, &found, &nfound, NULL,
	    &cause) != 0) {
		add_error(co->arg, cause);
		free(cause);
		ex = EXIT_PARTIAL;
		goto done;
	}
	if (nfound == 0) {
		add_error(co->arg, _("no feed found: the page links to none, "
		    "and none is at /feed, /rss.xml, /atom.xml or /index.xml"));
		ex = EXIT_PARTIAL;
		goto done;
	}
	if (conf_urls_find(&have, found[0]) != NULL)
		printf(_("Already subscribed: %s\n"), found[0]);
	else {
		conf_urls_add(&add, found[0], tags, ntags, title);
		if (conf_urls_append(paths.urls, &add, &added, &cause) != 0) {
			fprintf(stderr, "%s: %s\n", PACKAGE, cause);
			free(cause);
			ex = EXIT_USAGE;
			goto done;
		}
		printf(_("Added %s to %s.\n"), found[0], paths.urls);
	}
	if (nfound > 1) {
		printf(ngettext("The page names %zu other feed:\n",
		    "The page names %zu other feeds:\n", nfound - 1),
		    nfound - 1);
		for (i = 1; i < nfound; i++)
			printf("  %s\n", found[i]);
	}
done:
	conf_urls_fini(&have);
out:
	for (i = 0; i < nfound; i++)
		free(found[i]);
	free(found);
	free(tags);
	conf_urls_fini(&add);
	conf_file_fini(&conf);
	conf_paths_fini(&paths);
	return (ex);
}
