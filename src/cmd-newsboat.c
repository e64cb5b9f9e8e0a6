/*
 * tidings --import-newsboat[=DIR]: a Newsboat user's subscriptions,
 * settings and history, on day one. From DIR, or ~/.newsboat, or the XDG
 * places Newsboat uses ($XDG_CONFIG_HOME/newsboat and
 * $XDG_DATA_HOME/newsboat):
 *   - urls: the feeds we do not have yet are appended to our urls file
 *     (the format is the same);
 *   - config: the option, bind-key, unbind-key and color lines tidings
 *     understands are appended to our config, each checked as tidings
 *     would check it; the others are listed as skipped, with the reason;
 *   - cache.db: titles, articles and read/starred marks (db-newsboat.c).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "conf/conf.h"
#include "db/db.h"
#include "main-modes.h"
#include "poll/poll.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

/* Lines of Newsboat's config read at most (a runaway file). */
#define NB_MAX_LINES	100000
/* Bytes of our own config compared against (to import a line once). */
#define NB_MAX_CONFIG	(4 * 1024 * 1024)

struct nb_files {
	char	*urls;
	char	*config;
	char	*cache;
};

static int
nb_exists(const char *path)
{
	struct stat	sb;

	return (stat(path, &sb) == 0);
}

/* Where Newsboat keeps its files: DIR, ~/.newsboat, or the XDG places. */
static int
nb_find(const char *dir, struct nb_files *f, char **cause)
{
	const char	*home = getenv("HOME"), *cfg, *data;
	char		*d, *cdir, *ddir;

	memset(f, 0, sizeof *f);
	if (dir == NULL && home != NULL) {
		d = xasprintf("%s/.newsboat", home);
		if (nb_exists(d))
			dir = d;
		else
			free(d);
	} else if (dir != NULL)
		dir = xstrdup(dir);
	if (dir != NULL) {
		f->urls = xasprintf("%s/urls", dir);
		f->config = xasprintf("%s/config", dir);
		f->cache = xasprintf("%s/cache.db", dir);
		free((char *)dir);
	} else {
		cfg = getenv("XDG_CONFIG_HOME");
		data = getenv("XDG_DATA_HOME");
		cdir = cfg != NULL && *cfg == '/' ? xstrdup(cfg) :
		    xasprintf("%s/.config", home != NULL ? home : "");
		ddir = data != NULL && *data == '/' ? xstrdup(data) :
		    xasprintf("%s/.local/share", home != NULL ? home : "");
		f->urls = xasprintf("%s/newsboat/urls", cdir);
		f->config = xasprintf("%s/newsboat/config", cdir);
		f->cache = xasprintf("%s/newsboat/cache.db", ddir);
		free(cdir);
		free(ddir);
	}
	if (!nb_exists(f->urls)) {
		*cause = xasprintf(_("%s: no Newsboat urls file here"),
		    f->urls);
		return (-1);
	}
	return (0);
}

static void
nb_files_free(struct nb_files *f)
{
	free(f->urls);
	free(f->config);
	free(f->cache);
}

/*
 * Our urls file with Newsboat's feeds that it lacks appended, written to
 * a temporary file renamed over it (a crash leaves the old one).
 */
static int
nb_urls(const char *from, const char *to, size_t *added, size_t *had,
    char **cause)
{
	struct conf_urls	 nb, ours;
	FILE			*in, *out;
	char			*tmp, buf[8192];
	size_t			 i, n;
	int			 rc = -1;

	*added = *had = 0;
	memset(&ours, 0, sizeof ours);
	if (conf_urls_load(from, &nb, cause) != 0)
		return (-1);
	if (conf_urls_load(to, &ours, cause) != 0)
		goto out_nb;
	if (conf_paths_mkdir_parent(to, cause) != 0)
		goto out;
	tmp = xasprintf("%s.tmp%ld", to, (long)getpid());
	if ((out = fopen(tmp, "w")) == NULL) {
		*cause = xasprintf("%s: %s", tmp, strerror(errno));
		free(tmp);
		goto out;
	}
	if ((in = fopen(to, "r")) != NULL) {
		while ((n = fread(buf, 1, sizeof buf, in)) > 0)
			fwrite(buf, 1, n, out);
		fclose(in);
	}
	for (i = 0; i < nb.n; i++) {
		if (conf_urls_find(&ours, nb.v[i].url) != NULL) {
			(*had)++;
			continue;
		}
		conf_urls_write_line(out, &nb.v[i]);
		conf_urls_add(&ours, nb.v[i].url, nb.v[i].tags, nb.v[i].ntags,
		    nb.v[i].title);
		(*added)++;
	}
	if (fflush(out) != 0 || ferror(out) || fsync(fileno(out)) != 0 ||
	    fclose(out) != 0 || rename(tmp, to) != 0) {
		*cause = xasprintf("%s: %s", to, strerror(errno));
		unlink(tmp);
		free(tmp);
		goto out;
	}
	free(tmp);
	rc = 0;
out:
	conf_urls_fini(&ours);
out_nb:
	conf_urls_fini(&nb);
	return (rc);
}

/*
 * Check one Newsboat config line as tidings reads it; the line to write
 * (a renamed option under tidings' name), or NULL with *why set: an
 * error, or a line tidings accepts but ignores.
 */
static char *
nb_config_line(struct config *scratch, const char *line, char **argv,
    int argc, char **why)
{
	const struct conf_newsboat_option	*nb;

	if (conf_file_line(scratch, "", 0, argv, argc, why) != 0)
		return (NULL);
	nb = conf_newsboat_option(argv[0]);
	if (nb != NULL && nb->kind == CONF_NB_RENAMED)
		return (xasprintf("%s %s", nb->tidings, argv[1]));
	return (xstrdup(line));
}

/* Our config file as "\n"-framed text (empty when missing), bounded. */
static char *
nb_slurp(const char *path)
{
	FILE	*f;
	char	*s;
	size_t	 n;

	s = xmalloc(NB_MAX_CONFIG + 3);
	s[0] = '\n';
	n = 1;
	if ((f = fopen(path, "r")) != NULL) {
		n += fread(s + 1, 1, NB_MAX_CONFIG, f);
		fclose(f);
	}
	s[n++] = '\n';
	s[n] = '\0';
	return (s);
}

static int
nb_has_line(const char *have, const char *line)
{
	const char	*p = have;
	size_t		 len = strlen(line);

	while ((p = strstr(p, line)) != NULL) {
		if (p > have && p[-1] == '\n' && p[len] == '\n')
			return (1);
		p++;
	}
	return (0);
}

/* Newsboat's config lines that tidings understands, appended to ours. */
static int
nb_config(const char *from, const char *to, size_t *added,
    size_t *skipped, char **cause)
{
	struct config	 scratch;
	FILE		*in, *out = NULL;
	char		*line = NULL, **argv, *why, *keep, *s, *have, *shown;
	size_t		 cap = 0;
	ssize_t		 len;
	int		 argc, lineno = 0, rc = -1;
	time_t		 now = time(NULL);

	*added = *skipped = 0;
	have = nb_slurp(to);
	if ((in = fopen(from, "r")) == NULL) {
		if (errno == ENOENT)
			return (0);
		*cause = xasprintf("%s: %s", from, strerror(errno));
		return (-1);
	}
	conf_file_init(&scratch);
	while ((len = getline(&line, &cap, in)) > 0 &&
	    lineno < NB_MAX_LINES) {
		lineno++;
		line[strcspn(line, "\r\n")] = '\0';
		for (s = line; *s == ' ' || *s == '\t'; s++)
			;
		why = NULL;
		if (conf_token_split(s, &argv, &argc, &why) != 0) {
			argc = -1;
			argv = NULL;
		} else if (argc == 0) {
			free(argv);
			continue;
		}
		keep = argc > 0 ? nb_config_line(&scratch, s, argv, argc,
		    &why) : NULL;
		if (argv != NULL)
			conf_token_free(argv, argc);
		if (keep == NULL) {
			/* The whole line, to be copied by hand if wanted;
			 * no control characters reach the terminal. */
			shown = sanitize_text(s, strlen(s), 0);
			printf(_("  skipped %s:%d: %s (%s)\n"), from, lineno,
			    shown, why != NULL ? why : "?");
			free(shown);
			free(why);
			(*skipped)++;
			continue;
		}
		if (nb_has_line(have, keep)) {
			/* Imported before: once is enough. */
			free(keep);
			continue;
		}
		if (out == NULL) {
			if (conf_paths_mkdir_parent(to, cause) != 0)
				goto out;
			if ((out = fopen(to, "a")) == NULL) {
				*cause = xasprintf("%s: %s", to,
				    strerror(errno));
				free(keep);
				goto out;
			}
			fprintf(out, "\n# Imported from %s on %s", from,
			    ctime(&now));
		}
		fprintf(out, "%s\n", keep);
		free(keep);
		(*added)++;
	}
	rc = 0;
out:
	if (out != NULL && fclose(out) != 0 && rc == 0) {
		*cause = xasprintf("%s: %s", to, strerror(errno));
		rc = -1;
	}
	free(line);
	free(have);
	fclose(in);
	conf_file_fini(&scratch);
	return (rc);
}

static int
nb_cache(const char *from, const struct conf_paths *paths,
    struct db_nb_stats *st, char **cause)
{
	struct conf_urls	 urls;
	struct db		*db = NULL;
	size_t			 left;
	int			 rc;

	if (conf_urls_load(paths->urls, &urls, cause) != 0)
		return (EXIT_USAGE);
	if (conf_paths_mkdir_parent(paths->cache, cause) != 0 ||
	    db_open(paths->cache, &db, cause) != DB_OK) {
		conf_urls_fini(&urls);
		return (EXIT_CACHE);
	}
	rc = EXIT_CACHE;
	if (poll_sync(db, &urls, cause) != 0 ||
	    db_newsboat_import(db, from, st, cause) != 0)
		goto out;
	/* The search index, so that / finds the imported articles. */
	do {
		if (db_fts_catch_up(db, 2000, NULL, &left, cause) != 0)
			goto out;
	} while (left > 0);
	rc = EXIT_OK;
out:
	db_close(db);
	conf_urls_fini(&urls);
	return (rc);
}

int
cmd_newsboat(const struct cmd_opts *co)
{
	struct conf_paths	 paths;
	struct config		 conf;
	struct nb_files		 nb;
	struct db_nb_stats	 st;
	size_t			 added, had, skipped;
	char			*cause = NULL;
	int			 ex;

	memset(&nb, 0, sizeof nb);
	if ((ex = cmd_setup_config(co, &paths, &conf)) != 0)
		return (ex);
	if (nb_find(co->arg, &nb, &cause) != 0) {
		ex = EXIT_USAGE;
		goto out;
	}
	if (nb_urls(nb.urls, paths.urls, &added, &had, &cause) != 0) {
		ex = EXIT_USAGE;
		goto out;
	}
	printf(ngettext("Feeds: %zu added to %s", "Feeds: %zu added to %s",
	    added), added, paths.urls);
	printf(ngettext(" (%zu was there already).\n", " (%zu were there "
	    "already).\n", had), had);
	if (nb_config(nb.config, paths.config, &added, &skipped,
	    &cause) != 0) {
		ex = EXIT_USAGE;
		goto out;
	}
	printf(ngettext("Config: %zu line added to %s", "Config: %zu lines "
	    "added to %s", added), added, paths.config);
	printf(ngettext(", %zu skipped (listed above).\n", ", %zu skipped "
	    "(listed above).\n", skipped), skipped);
	if (!nb_exists(nb.cache)) {
		printf(_("Cache: none at %s.\n"), nb.cache);
		goto out;
	}
	if ((ex = nb_cache(nb.cache, &paths, &st, &cause)) != EXIT_OK)
		goto out;
	printf(ngettext("Cache: %zu feed", "Cache: %zu feeds", st.feeds),
	    st.feeds);
	printf(ngettext(", %zu article", ", %zu articles", st.items),
	    st.items);
	/* TRANSLATORS: "(3 read, 1 starred) into FILE." */
	printf(_(" (%zu read, %zu starred) into %s.\n"), st.read, st.starred,
	    paths.cache);
out:
	if (cause != NULL) {
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
		free(cause);
	}
	nb_files_free(&nb);
	conf_file_fini(&conf);
	conf_paths_fini(&paths);
	return (ex);
}
