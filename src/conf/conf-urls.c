/*
 * The urls file, in Newsboat's format: one feed a line,
 *	URL [tag ...] ["~Custom title"]
 * with # comments and "quoted" words.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "conf/conf-int.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

void
conf_urls_fini(struct conf_urls *u)
{
	size_t	i, j;

	for (i = 0; i < u->n; i++) {
		free(u->v[i].url);
		for (j = 0; j < u->v[i].ntags; j++)
			free(u->v[i].tags[j]);
		free(u->v[i].tags);
		free(u->v[i].title);
		free(u->v[i].query_title);
		free(u->v[i].query_where);
	}
	free(u->v);
	memset(u, 0, sizeof *u);
}

/* Add an entry (copies everything). */
void
conf_urls_add(struct conf_urls *u, const char *url, char **tags,
    size_t ntags, const char *title)
{
	struct conf_url	*e;
	size_t		 i;

	u->v = xreallocarray(u->v, u->n + 1, sizeof *u->v);
	e = &u->v[u->n++];
	memset(e, 0, sizeof *e);
	e->url = xstrdup(url);
	e->tags = xreallocarray(NULL, ntags + 1, sizeof *e->tags);
	for (i = 0; i < ntags; i++)
		e->tags[i] = xstrdup(tags[i]);
	e->ntags = ntags;
	e->title = title != NULL ? xstrdup(title) : NULL;
}

const struct conf_url *
conf_urls_find(const struct conf_urls *u, const char *url)
{
	size_t	i;

	for (i = 0; i < u->n; i++)
		if (strcmp(u->v[i].url, url) == 0)
			return (&u->v[i]);
	return (NULL);
}

int
conf_urls_load(const char *path, struct conf_urls *u, char **cause)
{
	FILE	 *f;
	char	 *line = NULL, **argv, **tags, *why = NULL, *title;
	size_t	  cap = 0;
	int	  argc, i, lineno = 0, rc = -1, r;
	size_t	  ntags;

	memset(u, 0, sizeof *u);
	if ((f = fopen(path, "r")) == NULL) {
		if (errno == ENOENT)
			return (0);
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return (-1);
	}
	while ((r = conf_token_getline(f, &line, &cap, &lineno)) != 0) {
		if (r < 0) {
			why = xstrdup(_("line too long"));
			goto fail;
		}
		if (conf_token_split(line, &argv, &argc, &why) != 0)
			goto fail;
		if (argc == 0) {
			free(argv);
			continue;
		}
		if (u->n >= CONF_URLS_MAX) {
			conf_token_free(argv, argc);
			why = xasprintf(_("more than %d feeds"), CONF_URLS_MAX);
			goto fail;
		}
		/* Newsboat's query: lines are kept (for export) but never
		 * fetched; exec: and filter: run (poll-cmd.c). */
		if (!conf_urls_fetchable(argv[0]) &&
		    strncmp(argv[0], "query:", 6) != 0 &&
		    strncmp(argv[0], "exec:", 5) != 0 &&
		    strncmp(argv[0], "filter:", 7) != 0) {
			why = xasprintf(_("not a feed URL: '%s'"), argv[0]);
			conf_token_free(argv, argc);
			goto fail;
		}
		/* Tags, and the "~title" word apart from them. */
		title = NULL;
		tags = xreallocarray(NULL, argc, sizeof *tags);
		for (i = 1, ntags = 0; i < argc; i++) {
			if (argv[i][0] == '~')
				title = argv[i] + 1;
			else
				tags[ntags++] = argv[i];
		}
		conf_urls_add(u, argv[0], tags, ntags, title);
		u->v[u->n - 1].line = lineno;
		free(tags);
		if (conf_query_is(argv[0]) && conf_query_parse(argv[0],
		    &u->v[u->n - 1].query_title, &u->v[u->n - 1].query_where,
		    &why) != 0) {
			conf_token_free(argv, argc);
			goto fail;
		}
		conf_token_free(argv, argc);
	}
	if (ferror(f)) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		goto out;
	}
	rc = 0;
	goto out;
fail:
	*cause = xasprintf("%s:%d: %s", path, lineno, why);
	free(why);
	conf_urls_fini(u);
out:
	free(line);
	fclose(f);
	return (rc);
}

void
conf_urls_write_line(FILE *f, const struct conf_url *e)
{
	char	*t;
	size_t	 i;

	conf_token_write(f, e->url);
	for (i = 0; i < e->ntags; i++) {
		fputc(' ', f);
		conf_token_write(f, e->tags[i]);
	}
	if (e->title != NULL) {
		t = xasprintf("~%s", e->title);
		fputc(' ', f);
		conf_token_write(f, t);
		free(t);
	}
	fputc('\n', f);
}

char *
conf_urls_tags_joined(const struct conf_url *e)
{
	struct buf	b;
	size_t		i;

	buf_init(&b, 0);
	for (i = 0; i < e->ntags; i++)
		buf_printf(&b, "%s%s", i > 0 ? "\t" : "", e->tags[i]);
	return (buf_detach(&b));
}

int
conf_urls_fetchable(const char *url)
{
	return (url[0] == '/' || strncasecmp(url, "http://", 7) == 0 ||
	    strncasecmp(url, "https://", 8) == 0 ||
	    strncasecmp(url, "file://", 7) == 0);
}

/* Copy the old urls file verbatim into f; 0, or -1 with errno. */
static int
urls_copy(const char *path, FILE *f, mode_t *mode)
{
	FILE	*in;
	char	 buf[65536];
	size_t	 n;
	int	 last = '\n';
	struct stat sb;

	if ((in = fopen(path, "rb")) == NULL)
		return (errno == ENOENT ? 0 : -1);
	if (fstat(fileno(in), &sb) == 0)
		*mode = sb.st_mode & 07777;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0) {
		if (fwrite(buf, 1, n, f) != n) {
			fclose(in);
			return (-1);
		}
		last = buf[n - 1];
	}
	if (ferror(in)) {
		fclose(in);
		return (-1);
	}
	fclose(in);
	if (last != '\n')
		fputc('\n', f);
	return (0);
}

/*
 * Append the entries of in that the urls file lacks, safely: a new file
 * beside it, renamed over it when complete. *added gets how many.
 */
int
conf_urls_append(const char *urls_path, const struct conf_urls *in,
    size_t *added, char **cause)
{
	struct conf_urls	 have;
	FILE			*f = NULL;
	char			*tmp = NULL, *real = NULL;
	const char		*target;
	mode_t			 mode = 0600;
	size_t			 i;
	int			 fd, rc = -1;

	*added = 0;
	if (conf_urls_load(urls_path, &have, cause) != 0)
		return (-1);
	for (i = 0; i < in->n; i++)
		if (conf_urls_find(&have, in->v[i].url) == NULL)
			(*added)++;
	if (*added == 0) {
		rc = 0;
		goto out;
	}
	if (conf_paths_mkdir_parent(urls_path, cause) != 0)
		goto out;
	/*
	 * Write where a symlink points (dotfile managers link the urls
	 * file): renaming over the link itself would cut it off from the
	 * user's real file.
	 */
	real = realpath(urls_path, NULL);
	target = real != NULL ? real : urls_path;
	/* A new file next to the old one, renamed over it when complete:
	 * the user's list is never left half-written. */
	tmp = xasprintf("%s.XXXXXX", target);
	if ((fd = mkstemp(tmp)) == -1) {
		*cause = xasprintf("%s: %s", tmp, strerror(errno));
		goto out;
	}
	if ((f = fdopen(fd, "w")) == NULL) {
		close(fd);
		goto fail_errno;
	}
	if (urls_copy(target, f, &mode) != 0)
		goto fail_errno;
	for (i = 0; i < in->n; i++)
		if (conf_urls_find(&have, in->v[i].url) == NULL)
			conf_urls_write_line(f, &in->v[i]);
	if (fflush(f) != 0 || fchmod(fileno(f), mode) != 0 ||
	    fsync(fileno(f)) != 0)
		goto fail_errno;
	if (fclose(f) != 0) {
		f = NULL;
		goto fail_errno;
	}
	f = NULL;
	if (rename(tmp, target) != 0)
		goto fail_errno;
	rc = 0;
	goto out;
fail_errno:
	*cause = xasprintf("%s: %s", urls_path, strerror(errno));
	if (f != NULL)
		fclose(f);
	unlink(tmp);
out:
	free(real);
	free(tmp);
	conf_urls_fini(&have);
	return (rc);
}
