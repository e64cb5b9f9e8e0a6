/*
 * OPML import and export (OPML 1.0 and 2.0 in, 2.0 out).
 *
 * Folders are tags as Newsboat makes them: a feed inside folder Linux
 * inside folder Tech has the tag "Tech/Linux", and export nests a tag
 * that has slashes the same way. A feed goes in the folder of its first
 * tag; every tag is also in its category attribute, for readers that use
 * that. A comma separates categories, so a later tag that holds one gets
 * the feed into its folder too, and import matches folder names against
 * the category list before cutting it at commas: export -> import ->
 * export gives the same file. The title attribute is the user's custom
 * title; text names the feed (from the cache) and is not kept.
 *
 * Only http, https and file URLs are taken: nothing in an OPML file can
 * make tidings run a command (Newsboat's "exec:" and "filter:"); every
 * outline left out is named, with the reason.
 */
#include "config.h"

#include <errno.h>
#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "conf/conf-int.h"
#include "html/html.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

#define OPML_DEPTH_MAX	64
#define OPML_FILE_MAX	(64 * 1024 * 1024)

/* A feed outline read, merged by URL. */
struct opml_feed {
	char	 *url;
	char	 *title;	/* the title attribute, or NULL */
	char	 *cat;		/* the category attribute, or NULL */
	char	**folders;	/* folder paths it was found in */
	size_t	  nfolders;
};

struct opml_folder {
	char	*name;		/* NULL: no text or title */
	int	 kids;		/* outlines inside it */
	int	 line;
	char	*label;
};

struct opml {
	XML_Parser		 xp;
	const char		*path;
	struct opml_folder	 folders[OPML_DEPTH_MAX];
	int			 depth;
	struct opml_feed	*feeds;
	size_t			 nfeeds;
	struct conf_opml_skips	*skips;
	char			*error;
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
opml_skip(struct opml *o, int line, const char *label, const char *why)
{
	struct conf_opml_skips	*k = o->skips;
	char			*l;

	if (k == NULL)
		return;
	l = sanitize_text(label, strlen(label), 0);
	k->v = xreallocarray(k->v, k->n + 1, sizeof *k->v);
	k->v[k->n++] = xasprintf(_("%s:%d: outline \"%s\": %s"), o->path,
	    line, l, why);
	free(l);
}

void
conf_opml_skips_fini(struct conf_opml_skips *k)
{
	size_t	i;

	for (i = 0; i < k->n; i++)
		free(k->v[i]);
	free(k->v);
	k->v = NULL;
	k->n = 0;
}

/* The folder path the parser is in: names joined by '/', or NULL. */
static char *
opml_path(struct opml *o)
{
	struct buf	b;
	int		d;

	buf_init(&b, 0);
	for (d = 0; d < o->depth; d++) {
		if (o->folders[d].name == NULL)
			continue;
		if (b.len > 0)
			buf_addc(&b, '/');
		buf_adds(&b, o->folders[d].name);
	}
	if (b.len == 0) {
		buf_fini(&b);
		return (NULL);
	}
	return (buf_detach(&b));
}

static void
opml_feed(struct opml *o, const char *url, const XML_Char **attr)
{
	struct opml_feed	*fe = NULL;
	const char		*t, *c;
	char			*clean, *path;
	size_t			 i;

	clean = sanitize_text(url, strlen(url), 0);
	for (i = 0; i < o->nfeeds && fe == NULL; i++)
		if (strcmp(o->feeds[i].url, clean) == 0)
			fe = &o->feeds[i];
	if (fe == NULL) {
		o->feeds = xreallocarray(o->feeds, o->nfeeds + 1,
		    sizeof *o->feeds);
		fe = &o->feeds[o->nfeeds++];
		memset(fe, 0, sizeof *fe);
		fe->url = clean;
		if ((t = opml_attr(attr, "title")) != NULL &&
		    strcmp(t, url) != 0)
			fe->title = sanitize_text(t, strlen(t), 0);
		if ((c = opml_attr(attr, "category")) != NULL)
			fe->cat = sanitize_text(c, strlen(c), 0);
	} else
		free(clean);
	if ((path = opml_path(o)) == NULL)
		return;
	for (i = 0; i < fe->nfolders; i++)
		if (strcmp(fe->folders[i], path) == 0) {
			free(path);
			return;
		}
	fe->folders = xreallocarray(fe->folders, fe->nfolders + 1,
	    sizeof *fe->folders);
	fe->folders[fe->nfolders++] = path;
}

/* Why an outline's URL is not taken, or NULL when it is. */
static const char *
opml_refused(const char *url, const XML_Char **attr)
{
	if (*url == '|' || strncmp(url, "exec:", 5) == 0)
		return (_("a command, never run from OPML"));
	if (strncmp(url, "filter:", 7) == 0 ||
	    opml_attr(attr, "filtercmd") != NULL)
		return (_("a filter command, never run from OPML"));
	if (strncmp(url, "query:", 6) == 0)
		return (_("a query feed, not a URL"));
	if (!conf_urls_fetchable(url))
		return (_("not an http, https or file URL"));
	return (NULL);
}

static void XMLCALL
opml_start(void *arg, const XML_Char *name, const XML_Char **attr)
{
	struct opml		*o = arg;
	struct opml_folder	*fo;
	const char		*url, *text, *why;
	int			 line;

	if (strcmp(name, "outline") != 0)
		return;
	if (o->depth == OPML_DEPTH_MAX) {
		if (o->error == NULL)
			o->error = xstrdup(_("outlines nested too deep"));
		XML_StopParser(o->xp, XML_FALSE);
		return;
	}
	if (o->depth > 0)
		o->folders[o->depth - 1].kids++;
	line = (int)XML_GetCurrentLineNumber(o->xp);
	/* Some exporters write url= where OPML says xmlUrl=. */
	if ((url = opml_attr(attr, "xmlUrl")) == NULL)
		url = opml_attr(attr, "url");
	if ((text = opml_attr(attr, "title")) == NULL)
		text = opml_attr(attr, "text");
	fo = &o->folders[o->depth++];
	memset(fo, 0, sizeof *fo);
	fo->line = line;
	if (url != NULL) {
		fo->kids = -1;		/* a feed, not a folder */
		if ((why = opml_refused(url, attr)) != NULL)
			opml_skip(o, line, text != NULL ? text : url, why);
		else
			opml_feed(o, url, attr);
		return;
	}
	fo->name = text != NULL ? sanitize_text(text, strlen(text), 0) : NULL;
	fo->label = xstrdup(text != NULL ? text : "");
}

static void XMLCALL
opml_end(void *arg, const XML_Char *name)
{
	struct opml		*o = arg;
	struct opml_folder	*fo;

	if (strcmp(name, "outline") != 0 || o->depth == 0)
		return;
	fo = &o->folders[--o->depth];
	if (fo->kids == 0)
		opml_skip(o, fo->line, fo->label,
		    _("neither xmlUrl nor url, and no feeds inside"));
	free(fo->name);
	free(fo->label);
	memset(fo, 0, sizeof *fo);
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
	(*tags)[(*n)++] = xstrndup(t, len);
}

/*
 * A feed's tags: the category list in its order, where a folder path
 * that holds commas is matched whole before the list is cut at commas,
 * then the folders the list did not name.
 */
static void
opml_tags(const struct opml_feed *fe, char ***tags, size_t *ntags)
{
	const char	*c = fe->cat, *comma;
	size_t		 i, n, best;

	while (c != NULL && *c != '\0') {
		best = 0;
		for (i = 0; i < fe->nfolders; i++) {
			n = strlen(fe->folders[i]);
			if (n > best && strncmp(c, fe->folders[i], n) == 0 &&
			    (c[n] == ',' || c[n] == '\0'))
				best = n;
		}
		if (best == 0) {
			comma = strchr(c, ',');
			best = comma != NULL ? (size_t)(comma - c) : strlen(c);
		}
		opml_add_tag(tags, ntags, c, best);
		c += best;
		if (*c == ',')
			c++;
	}
	for (i = 0; i < fe->nfolders; i++)
		opml_add_tag(tags, ntags, fe->folders[i],
		    strlen(fe->folders[i]));
}

static void
opml_fini(struct opml *o)
{
	size_t	i, j;

	while (o->depth > 0) {
		o->depth--;
		free(o->folders[o->depth].name);
		free(o->folders[o->depth].label);
	}
	for (i = 0; i < o->nfeeds; i++) {
		free(o->feeds[i].url);
		free(o->feeds[i].title);
		free(o->feeds[i].cat);
		for (j = 0; j < o->feeds[i].nfolders; j++)
			free(o->feeds[i].folders[j]);
		free(o->feeds[i].folders);
	}
	free(o->feeds);
	free(o->error);
}

/* An OPML file's feeds (fetchable URLs only, without duplicates). */
int
conf_opml_read(const char *path, struct conf_urls *out,
    struct conf_opml_skips *skips, char **cause)
{
	struct opml	 o;
	FILE		*f;
	char		 buf[65536], **tags;
	size_t		 n, total = 0, i, j, ntags;
	int		 done = 0, rc = -1;

	memset(out, 0, sizeof *out);
	if ((f = fopen(path, "rb")) == NULL) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return (-1);
	}
	memset(&o, 0, sizeof o);
	o.path = path;
	o.skips = skips;
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
	for (i = 0; i < o.nfeeds; i++) {
		if (out->n >= CONF_URLS_MAX) {
			opml_skip(&o, 0, o.feeds[i].url, _("too many feeds"));
			continue;
		}
		tags = NULL;
		ntags = 0;
		opml_tags(&o.feeds[i], &tags, &ntags);
		conf_urls_add(out, o.feeds[i].url, tags, ntags,
		    o.feeds[i].title);
		for (j = 0; j < ntags; j++)
			free(tags[j]);
		free(tags);
	}
	rc = 0;
out:
	opml_fini(&o);
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

/* The outline tree of an export: folders and feeds, in first-seen order. */
struct onode {
	char		*name;		/* a folder; NULL for a feed */
	size_t		 feed;		/* a feed: its index in the urls */
	struct onode	*kids;
	size_t		 nkids;
};

static struct onode *
onode_add(struct onode *parent, const char *name, size_t feed)
{
	struct onode	*k;

	parent->kids = xreallocarray(parent->kids, parent->nkids + 1,
	    sizeof *parent->kids);
	k = &parent->kids[parent->nkids++];
	memset(k, 0, sizeof *k);
	k->name = name != NULL ? xstrdup(name) : NULL;
	k->feed = feed;
	return (k);
}

static struct onode *
onode_folder(struct onode *parent, const char *name, size_t len)
{
	size_t	i;
	char	*n = xstrndup(name, len);
	struct onode *k;

	for (i = 0; i < parent->nkids; i++)
		if (parent->kids[i].name != NULL &&
		    strcmp(parent->kids[i].name, n) == 0) {
			free(n);
			return (&parent->kids[i]);
		}
	k = onode_add(parent, n, 0);
	free(n);
	return (k);
}

/* The folder of a tag: "Tech/Linux" is Linux inside Tech, unless a part
 * would be empty ("/x", "a//b"), when the tag is one folder. */
static struct onode *
onode_path(struct onode *root, const char *tag)
{
	const char	*p, *slash;
	struct onode	*n = root;

	if (*tag == '\0' || *tag == '/' || tag[strlen(tag) - 1] == '/' ||
	    strstr(tag, "//") != NULL)
		return (onode_folder(root, tag, strlen(tag)));
	for (p = tag; (slash = strchr(p, '/')) != NULL; p = slash + 1)
		n = onode_folder(n, p, (size_t)(slash - p));
	return (onode_folder(n, p, strlen(p)));
}

static void
onode_free(struct onode *n)
{
	size_t	i;

	for (i = 0; i < n->nkids; i++)
		onode_free(&n->kids[i]);
	free(n->kids);
	free(n->name);
}

static void
onode_write(FILE *f, const struct onode *n, int depth,
    const struct conf_urls *u, const char *const *names)
{
	const struct conf_url	*e;
	const char		*text;
	size_t			 i, j;

	for (i = 0; i < n->nkids; i++) {
		fprintf(f, "%*s", 2 * depth + 2, "");
		if (n->kids[i].name != NULL) {
			fputs("<outline text=\"", f);
			opml_escape(f, n->kids[i].name);
			fputs("\">\n", f);
			onode_write(f, &n->kids[i], depth + 1, u, names);
			fprintf(f, "%*s</outline>\n", 2 * depth + 2, "");
			continue;
		}
		e = &u->v[n->kids[i].feed];
		text = e->title != NULL ? e->title : names != NULL &&
		    names[n->kids[i].feed] != NULL ?
		    names[n->kids[i].feed] : e->url;
		fputs("<outline type=\"rss\" text=\"", f);
		opml_escape(f, text);
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
}

void
conf_opml_write(FILE *f, const struct conf_urls *u, const char *const *names)
{
	const struct conf_url	*e;
	struct onode		 root, *first, *other;
	size_t			 i, j;

	memset(&root, 0, sizeof root);
	for (i = 0; i < u->n; i++) {
		e = &u->v[i];
		/* query:, exec: and filter: lines are no feeds elsewhere. */
		if (!conf_urls_fetchable(e->url))
			continue;
		if (e->ntags == 0) {
			onode_add(&root, NULL, i);
			continue;
		}
		first = onode_path(&root, e->tags[0]);
		onode_add(first, NULL, i);
		/* A tag with a comma cannot travel in category alone. */
		for (j = 1; j < e->ntags; j++) {
			if (strchr(e->tags[j], ',') == NULL)
				continue;
			other = onode_path(&root, e->tags[j]);
			if (other != onode_path(&root, e->tags[0]))
				onode_add(other, NULL, i);
		}
	}
	/* No date in the head: the same subscriptions give the same file. */
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<opml version=\"2.0\">\n<head>\n"
	    "<title>tidings subscriptions</title>\n</head>\n<body>\n", f);
	onode_write(f, &root, 0, u, names);
	fputs("</body>\n</opml>\n", f);
	onode_free(&root);
}

int
conf_opml_import(const char *opml, const char *urls_path, size_t *added,
    struct conf_opml_skips *skips, char **cause)
{
	struct conf_urls	 in;
	int			 rc;

	*added = 0;
	if (conf_opml_read(opml, &in, skips, cause) != 0)
		return (-1);
	rc = conf_urls_append(urls_path, &in, added, cause);
	conf_urls_fini(&in);
	return (rc);
}
