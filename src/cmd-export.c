/* tidings -e: the subscriptions as OPML 2.0 on stdout. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf/conf.h"
#include "main-modes.h"
#include "util/i18n.h"

int
cmd_export(const struct cmd_opts *co)
{
	struct conf_paths	 paths;
	struct config		 conf;
	struct conf_urls	 urls;
	char			*cause = NULL;
	int			 ex;

	if ((ex = cmd_setup_config(co, &paths, &conf)) != 0)
		return (ex);
	if (conf_urls_load(paths.urls, &urls, &cause) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
		free(cause);
		ex = EXIT_USAGE;
		goto out;
	}
	conf_opml_write(stdout, &urls);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "%s: %s: %s\n", PACKAGE, _("standard output"),
		    strerror(errno));
		ex = EXIT_PARTIAL;
	}
	conf_urls_fini(&urls);
out:
	conf_file_fini(&conf);
	conf_paths_fini(&paths);
	return (ex);
}
