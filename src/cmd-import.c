/* tidings -i FILE: add the feeds of an OPML file to the urls file. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "conf/conf.h"
#include "main-modes.h"
#include "util/i18n.h"

int
cmd_import(const struct cmd_opts *co)
{
	struct conf_paths	 paths;
	struct config		 conf;
	struct conf_opml_skips	 skips = { NULL, 0 };
	size_t			 added, i;
	char			*cause = NULL;
	int			 ex;

	if ((ex = cmd_setup_config(co, &paths, &conf)) != 0)
		return (ex);
	if ((ex = cmd_setup_urls_writable(&conf, "--import")) != 0) {
		conf_file_fini(&conf);
		conf_paths_fini(&paths);
		return (ex);
	}
	ex = conf_opml_import(co->arg, paths.urls, &added, &skips, &cause);
	/* Every outline left out is named, whatever became of the rest. */
	for (i = 0; i < skips.n; i++)
		fprintf(stderr, "%s: %s\n", PACKAGE, skips.v[i]);
	conf_opml_skips_fini(&skips);
	if (ex != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
		free(cause);
		ex = EXIT_USAGE;
	} else
		printf(ngettext("Imported %zu new feed from %s into %s.\n",
		    "Imported %zu new feeds from %s into %s.\n", added), added,
		    co->arg, paths.urls);
	conf_file_fini(&conf);
	conf_paths_fini(&paths);
	return (ex);
}
