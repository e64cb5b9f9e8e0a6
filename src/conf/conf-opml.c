/*
 * OPML import and export (OPML 1.0 and 2.0 in, 2.0 out). Folders, that is
 * outlines without xmlUrl, become tags of the feeds inside them, as does
 * the category attribute; export writes a flat list with the tags in
 * category, so import -> export -> import gives the same urls file.
 * Only http, https and file URLs are taken: nothing in an OPML file can
 * make tidings run a command (Newsboat's "exec:" and "filter:").
 */
#include "config.h"

#include <errno.h>
#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "conf/conf-int.h"
#include "html/html.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

#define OPML_DEPTH_MAX	64
#define OPML_FILE_MAX	(64 * 1024 * 1024)

struct opml {
	XML_Parser	 xp;
	struct conf_urls *out;
	char		*folders[OPML_DEPTH_MAX];	/* NULL: a feed */
	int		 depth;
	char		*error;
};

static const char *
opml_attr(const XML_Char **attr, const char *name)
{
	size_t	i;

	for (i = 0; attr[i] != NULL; i += 2)
		if (strcasecmp(attr[i], name) == 0 && *attr[i + 1] != '\0')
			return (attr[i + 1]);
	return (NULL);
}

static void
opml_add_tag(char ***tags, size_t *n, const char *t, size_t len)
{
	size_t	i;

	while (len > 0 && (*t == ' ' || *t == '/'))
		t++, len--;
	while (len > 0 && t[len - 1] == ' ')
		len--;
	if (len == 0)
		return;
	for (i = 0; i < *n; i++)
		if (strlen((*tags)[i]) == len && strncmp((*tags)[i], t, len) == 0)
			return;
	*tags = xreallocarray(*tags, *n + 1, sizeof **tags);
	(*tags)[(*n)++] = sanitize_text(t, len, 0);
}

static void
opml_feed(struct opml *o, const char *url, const XML_Char **attr)
{
	const char	 *title, *cat, *comma;
	char		**tags = NULL, *clean_url, *clean_title = NULL;
	size_t		  ntags = 0, i;
	int		  d;

	for (d = 0; d < o->depth; d++)
		if (o->folders[d] != NULL)
			opml_add_tag(&tags, &ntags, o->folders[d],
			    strlen(o->folders[d]));
	if ((cat = opml_attr(attr, "category")) != NULL) {
		while ((comma = strchr(cat, ',')) != NULL) {
			opml_add_tag(&tags, &ntags, cat, comma - cat);
			cat = comma + 1;
		}
		opml_add_tag(&tags, &ntags, cat, strlen(cat));
	}
	if ((title = opml_attr(attr, "title")) == NULL)
		title = opml_attr(attr, "text");
	clean_url = sanitize_text(url, strlen(url), 0);
	if (title != NULL && strcmp(title, url) != 0)
		clean_title = sanitize_text(title, strlen(title), 0);
	if (conf_urls_fetchable(clean_url) &&
	    conf_urls_find(o->out, clean_url) == NULL &&
	    o->out->n < CONF_URLS_MAX)
		conf_urls_add(o->out, clean_url, tags, ntags, clean_title);
	for (i = 0; i < ntags; i++)
		free(tags[i]);
	free(tags);
	free(clean_url);
	free(clean_title);
}

static void XMLCALL
opml_start(void *arg, const XML_Char *name, const XML_Char **attr)
{
	struct opml	*o = arg;
	const char	*url, *text;

	if (strcmp(name, "outline") != 0)
		return;
	if (o->depth == OPML_DEPTH_MAX) {
		if (o->error == NULL)
			o->error = xstrdup(_("outlines nested too deep"));
		XML_StopParser(o->xp, XML_FALSE);
		return;
	}
	if ((url = opml_attr(attr, "xmlUrl")) != NULL) {
		opml_feed(o, url, attr);
		o->folders[o->depth++] = NULL;
		return;
	}
	if ((text = opml_attr(attr, "title")) == NULL)
		text = opml_attr(attr, "text");
	o->folders[o->depth++] = text != NULL ? xstrdup(text) : NULL;
}

static void XMLCALL
opml_end(void *arg, const XML_Char *name)
{
	struct opml	*o = arg;

	if (strcmp(name, "outline") != 0 || o->depth == 0)
		return;
	free(o->folders[--o->depth]);
	o->folders[o->depth] = NULL;
}

/* An OPML file's feeds (fetchable URLs only, without duplicates). */
int
conf_opml_read(const char *path, struct conf_urls *out, char **cause)
{
	struct opml	 o;
	FILE		*f;
	char		 buf[65536];
	size_t		 n, total = 0;
	int		 done = 0, rc = -1;

	memset(out, 0, sizeof *out);
	if ((f = fopen(path, "rb")) == NULL) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return (-1);
	}
	memset(&o, 0, sizeof o);
	o.out = out;
	o.xp = XML_ParserCreate(NULL);
	XML_SetUserData(o.xp, &o);
	XML_SetElementHandler(o.xp, opml_start, opml_end);
	while (!done) {
		n = fread(buf, 1, sizeof buf, f);
		total += n;
		if (total > OPML_FILE_MAX) {
			*cause = xasprintf(_("%s: file too large"), path);
			goto out;
		}
		done = n < sizeof buf;
		if (XML_Parse(o.xp, buf, (int)n, done) == XML_STATUS_ERROR) {
			*cause = xasprintf("%s:%lu: %s", path,
			    (unsigned long)XML_GetCurrentLineNumber(o.xp),
			    o.error != NULL ? o.error :
			    XML_ErrorString(XML_GetErrorCode(o.xp)));
			goto out;
		}
	}
	if (ferror(f)) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		goto out;
	}
	rc = 0;
out:
	while (o.depth > 0)
		free(o.folders[--o.depth]);
	free(o.error);
	XML_ParserFree(o.xp);
	fclose(f);
	if (rc != 0)
		conf_urls_fini(out);
	return (rc);
}

/* Write s to f escaped for a double-quoted attribute value. */
static void
opml_escape(FILE *f, const char *s)
{
	struct buf	b;

	buf_init(&b, 0);
	html_escape_add(&b, s, strlen(s), HTML_ESCAPE_ATTR);
	if (b.len > 0)
		fwrite(b.data, 1, b.len, f);
	buf_fini(&b);
}

void
conf_opml_write(FILE *f, const struct conf_urls *u)
{
	const struct conf_url	*e;
	char			 date[64];
	time_t			 now = time(NULL);
	struct tm		 tm;
	size_t			 i, j;

	gmtime_r(&now, &tm);
	strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S GMT", &tm);
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<opml version=\"2.0\">\n<head>\n"
	    "<title>tidings subscriptions</title>\n", f);
	fprintf(f, "<dateCreated>%s</dateCreated>\n</head>\n<body>\n", date);
	for (i = 0; i < u->n; i++) {
		e = &u->v[i];
		fputs("<outline type=\"rss\" text=\"", f);
		opml_escape(f, e->title != NULL ? e->title : e->url);
		if (e->title != NULL) {
			fputs("\" title=\"", f);
			opml_escape(f, e->title);
		}
		fputs("\" xmlUrl=\"", f);
		opml_escape(f, e->url);
		if (e->ntags > 0) {
			fputs("\" category=\"", f);
			for (j = 0; j < e->ntags; j++) {
				if (j > 0)
					fputc(',', f);
				opml_escape(f, e->tags[j]);
			}
		}
		fputs("\"/>\n", f);
	}
	fputs("</body>\n</opml>\n", f);
}

/* Copy the old urls file verbatim into f; 0, or -1 with errno. */
static int
opml_copy(const char *path, FILE *f, mode_t *mode)
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

int
conf_opml_import(const char *opml, const char *urls_path, size_t *added,
    char **cause)
{
	struct conf_urls	 in, have;
	FILE			*f = NULL;
	char			*tmp = NULL, *real = NULL;
	const char		*target;
	mode_t			 mode = 0600;
	size_t			 i;
	int			 fd, rc = -1;

	*added = 0;
	if (conf_opml_read(opml, &in, cause) != 0)
		return (-1);
	if (conf_urls_load(urls_path, &have, cause) != 0) {
		conf_urls_fini(&in);
		return (-1);
	}
	for (i = 0; i < in.n; i++)
		if (conf_urls_find(&have, in.v[i].url) == NULL)
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
	if (opml_copy(target, f, &mode) != 0)
		goto fail_errno;
	for (i = 0; i < in.n; i++)
		if (conf_urls_find(&have, in.v[i].url) == NULL)
			conf_urls_write_line(f, &in.v[i]);
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
	conf_urls_fini(&in);
	conf_urls_fini(&have);
	return (rc);
}
