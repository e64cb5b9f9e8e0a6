/*
 * tidings: a terminal RSS/Atom feed reader.
 * Option parsing and mode dispatch; the modes live in src/cmd-*.c.
 */
#include "config.h"

#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "feed/feed.h"
#include "main-modes.h"
#include "net/net.h"
#include "ui/ui.h"
#include "util/i18n.h"

/* getopt values of options that have no short form. */
enum {
	OPT_PARSE = 256,
	OPT_EXTRACT,
	OPT_IMPORT_NEWSBOAT,
	OPT_ADD,
	OPT_DOWNLOAD,
	OPT_PODCASTS
};

enum mode {
	MODE_NONE,
	MODE_PARSE,
	MODE_EXTRACT,
	MODE_REFRESH,
	MODE_IMPORT,
	MODE_EXPORT,
	MODE_HELP,
	MODE_VERSION,
	MODE_IMPORT_NEWSBOAT,
	MODE_ADD,
	MODE_DOWNLOAD,
	MODE_PODCASTS
};

/*
 * One row per option: getopt's table, the help text and the mode are all
 * read from here, so --help cannot drift from what is parsed.
 */
static const struct opt_row {
	const char	*name;
	int		 shortopt;	/* >= 256: long only */
	int		 has_arg;
	const char	*argname;
	enum mode	 mode;		/* MODE_NONE: a path option */
	const char	*help;
} opt_table[] = {
	{ "parse", OPT_PARSE, required_argument, "FILE", MODE_PARSE,
	  N_("parse one feed document (- for stdin), print it as JSON") },
	{ "extract", OPT_EXTRACT, required_argument, "URL|FILE", MODE_EXTRACT,
	  N_("print the article of one web page as plain text") },
	{ "refresh", 'r', no_argument, NULL, MODE_REFRESH,
	  N_("fetch every feed due, store, exit (quiet unless a feed fails "
	  "when not on a terminal)") },
	{ "execute", 'x', required_argument, "reload", MODE_REFRESH,
	  N_("with the word reload: the same as --refresh (Newsboat's -x "
	  "reload, for cron lines copied from it)") },
	{ "import", 'i', required_argument, "FILE", MODE_IMPORT,
	  N_("add the feeds of an OPML file to the urls file") },
	{ "add", OPT_ADD, required_argument, "URL", MODE_ADD,
	  N_("subscribe to a feed, or to the feed a web page links to; "
	  "the words after it are its tags") },
	{ "export", 'e', no_argument, NULL, MODE_EXPORT,
	  N_("print the subscriptions as OPML") },
	{ "import-newsboat", OPT_IMPORT_NEWSBOAT, optional_argument, "[DIR]",
	  MODE_IMPORT_NEWSBOAT,
	  N_("import Newsboat's feeds, settings and read marks (from DIR, "
	  "~/.newsboat or the XDG directories)") },
	{ "download", OPT_DOWNLOAD, no_argument, NULL, MODE_DOWNLOAD,
	  N_("download the enclosures in the queue (quiet unless one fails "
	  "when not on a terminal)") },
	{ "podcasts", OPT_PODCASTS, no_argument, NULL, MODE_PODCASTS,
	  N_("start the reader in the download queue") },
	{ "urls", 'u', required_argument, "FILE", MODE_NONE,
	  N_("read the subscriptions from FILE") },
	{ "cache", 'c', required_argument, "FILE", MODE_NONE,
	  N_("use FILE as the cache database") },
	{ "config", 'C', required_argument, "FILE", MODE_NONE,
	  N_("read the configuration from FILE") },
	{ "help", 'h', no_argument, NULL, MODE_HELP,
	  N_("show this help and exit") },
	{ "version", 'V', no_argument, NULL, MODE_VERSION,
	  N_("show the version and library versions and exit") },
};
#define NOPTS	(sizeof opt_table / sizeof opt_table[0])

static int (*const mode_run[])(const struct cmd_opts *) = {
	[MODE_PARSE] = cmd_parse,
	[MODE_EXTRACT] = cmd_extract,
	[MODE_REFRESH] = cmd_refresh,
	[MODE_IMPORT] = cmd_import,
	[MODE_EXPORT] = cmd_export,
	[MODE_IMPORT_NEWSBOAT] = cmd_newsboat,
	[MODE_ADD] = cmd_add,
	[MODE_DOWNLOAD] = cmd_download,
	[MODE_PODCASTS] = cmd_podcasts,
};

static void
usage(FILE *f)
{
	const struct opt_row	*o;
	char			 left[64];
	size_t			 i;

	fprintf(f, _("Usage: %s [OPTION]...\n"), PACKAGE);
	fputs(_("A terminal RSS/Atom feed reader. Without options, "
	    "it starts the reader.\n\n"), f);
	for (i = 0; i < NOPTS; i++) {
		o = &opt_table[i];
		if (o->shortopt < 256)
			snprintf(left, sizeof left, "-%c, --%s%s%s",
			    o->shortopt, o->name, o->argname ? "=" : "",
			    o->argname ? o->argname : "");
		else
			snprintf(left, sizeof left, "    --%s%s%s", o->name,
			    o->argname ? "=" : "", o->argname ? o->argname : "");
		fprintf(f, "  %-24s %s\n", left, _(o->help));
	}
	fputs(_("\nExit status: 0 success, 1 some feeds failed (--parse: not "
	    "a feed),\n2 usage or configuration error, 3 cache unusable.\n"),
	    f);
	fprintf(f, _("See tidings(1) and tidings-config(5).\n"));
}

static void
version(void)
{
	printf("%s %s\n", PACKAGE, VERSION);
	printf("libcurl %s, expat %s, sqlite %s, %s, gumbo %s\n",
	    net_curl_version(), feed_parser_expat_version(),
	    db_sqlite_version(), ui_curses_version(),
	    feed_html_gumbo_version());
}

int
main(int argc, char **argv)
{
	struct option	 longopts[NOPTS + 1];
	struct cmd_opts	 co;
	enum mode	 mode = MODE_NONE;
	char		 shortopts[3 * NOPTS + 2], *sp = shortopts;
	const char	*mode_name = NULL;
#ifdef ENABLE_NLS
	const char	*localedir;
#endif
	size_t		 i;
	int		 ch;

	setlocale(LC_ALL, "");
#ifdef ENABLE_NLS
	/* TIDINGS_LOCALEDIR: the build tree's catalogs, for the tests. */
	if ((localedir = getenv("TIDINGS_LOCALEDIR")) == NULL ||
	    *localedir == '\0')
		localedir = LOCALEDIR;
	bindtextdomain(PACKAGE, localedir);
	textdomain(PACKAGE);
#endif
	*sp++ = ':';
	for (i = 0; i < NOPTS; i++) {
		longopts[i].name = opt_table[i].name;
		longopts[i].has_arg = opt_table[i].has_arg;
		longopts[i].flag = NULL;
		longopts[i].val = opt_table[i].shortopt;
		if (opt_table[i].shortopt < 256) {
			*sp++ = (char)opt_table[i].shortopt;
			if (opt_table[i].has_arg == required_argument)
				*sp++ = ':';
		}
	}
	*sp = '\0';
	memset(&longopts[NOPTS], 0, sizeof longopts[NOPTS]);
	memset(&co, 0, sizeof co);

	while ((ch = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		const struct opt_row *o = NULL;

		for (i = 0; i < NOPTS; i++)
			if (opt_table[i].shortopt == ch)
				o = &opt_table[i];
		if (o == NULL) {
			if (ch == ':')
				fprintf(stderr, _("%s: option requires an "
				    "argument: %s\n"), PACKAGE, argv[optind - 1]);
			else
				fprintf(stderr, _("%s: unknown option: %s\n"),
				    PACKAGE, argv[optind - 1]);
			fprintf(stderr, _("Try '%s --help'.\n"), PACKAGE);
			return (EXIT_USAGE);
		}
		switch (o->shortopt) {
		case 'u': co.urls_path = optarg; continue;
		case 'c': co.cache_path = optarg; continue;
		case 'C': co.config_path = optarg; continue;
		}
		if (mode != MODE_NONE && mode != o->mode) {
			fprintf(stderr, _("%s: --%s cannot be used with --%s\n"),
			    PACKAGE, o->name, mode_name);
			return (EXIT_USAGE);
		}
		/* Newsboat's -x runs commands; reload is --refresh. */
		if (o->shortopt == 'x' && strcmp(optarg, "reload") != 0) {
			fprintf(stderr, _("%s: -x: only 'reload' is supported, "
			    "not '%s'\n"), PACKAGE, optarg);
			return (EXIT_USAGE);
		}
		mode = o->mode;
		mode_name = o->name;
		co.arg = o->shortopt == 'x' ? NULL : optarg;
	}
	/* --add=URL takes the feed's tags after it. */
	if (mode == MODE_ADD) {
		co.words = (const char *const *)argv + optind;
		co.nwords = argc - optind;
		optind = argc;
	}
	if (optind < argc) {
		fprintf(stderr, _("%s: unexpected argument: %s\n"), PACKAGE,
		    argv[optind]);
		fprintf(stderr, _("Try '%s --help'.\n"), PACKAGE);
		return (EXIT_USAGE);
	}

	switch (mode) {
	case MODE_HELP:
		usage(stdout);
		return (EXIT_OK);
	case MODE_VERSION:
		version();
		return (EXIT_OK);
	case MODE_NONE:
		return (cmd_ui(&co));
	default:
		return (mode_run[mode](&co));
	}
}
