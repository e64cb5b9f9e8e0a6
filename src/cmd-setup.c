/*
 * What the modes that read the configuration share: the paths and the
 * loaded configuration, with any error already printed.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "conf/conf.h"
#include "main-modes.h"

/* Paths and configuration for the modes that need them; 0 or an exit
 * status, with the message already printed. */
int
cmd_setup_config(const struct cmd_opts *co, struct conf_paths *paths,
    struct config *conf)
{
	char	*cause = NULL;

	if (conf_paths_init(paths, co->urls_path, co->cache_path,
	    co->config_path, &cause) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
		free(cause);
		return (EXIT_USAGE);
	}
	conf_file_init(conf);
	if (conf_file_load(conf, paths->config, &cause) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
		free(cause);
		conf_file_fini(conf);
		conf_paths_fini(paths);
		return (EXIT_USAGE);
	}
	return (0);
}
