/*
 * What the modes that read the configuration share: the paths and the
 * loaded configuration, with any error (and warning) already printed.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf/conf.h"
#include "main-modes.h"
#include "util/i18n.h"

/* Each line of msg as "tidings: LINE" on stderr. */
static void
cmd_setup_print(const char *msg)
{
	const char	*nl;

	for (;;) {
		nl = strchr(msg, '\n');
		fprintf(stderr, "%s: %.*s\n", PACKAGE,
		    (int)(nl != NULL ? nl - msg : (int)strlen(msg)), msg);
		if (nl == NULL)
			break;
		msg = nl + 1;
	}
}

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
		cmd_setup_print(cause);
		free(cause);
		conf_file_fini(conf);
		conf_paths_fini(paths);
		return (EXIT_USAGE);
	}
	cmd_setup_warnings(conf);
	return (0);
}

/*
 * The modes that write the urls file (--add, -i): 0, or EXIT_USAGE with
 * a message when the feeds come from a sync server, where the urls file
 * would be written for nothing.
 */
int
cmd_setup_urls_writable(const struct config *conf, const char *what)
{
	if (conf_file_int(conf, CONF_URLS_SOURCE) != CONF_URLS_SOURCE_TTRSS)
		return (0);
	/* TRANSLATORS: %s is --add or --import. */
	fprintf(stderr, _("%s: %s: the feeds come from the sync server "
	    "(urls-source ttrss): subscribe there\n"), PACKAGE, what);
	return (EXIT_USAGE);
}

/* The config's warnings on stderr (again after the reader's screen). */
void
cmd_setup_warnings(const struct config *conf)
{
	size_t	i;

	for (i = 0; i < conf->nwarnings; i++)
		cmd_setup_print(conf->warnings[i]);
}
