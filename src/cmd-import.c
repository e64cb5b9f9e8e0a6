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
	size_t			 added;
	char			*cause = NULL;
	int			 ex;

	if ((ex = cmd_setup_config(co, &paths, &conf)) != 0)
		return (ex);
	if (conf_opml_import(co->arg, paths.urls, &added, &cause) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
		free(cause);
		ex = EXIT_USAGE;
	} else
		printf(_("Imported %zu new feeds from %s into %s.\n"), added,
		    co->arg, paths.urls);
	conf_file_fini(&conf);
	conf_paths_fini(&paths);
	return (ex);
}
