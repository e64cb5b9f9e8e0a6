/*
 * tidings --extract=URL|FILE: one web page's article as plain text
 * (DESIGN.md): headline, blank line, body paragraphs separated by blank
 * lines. No cache. Exit 1 when the page holds no article.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "conf/conf.h"
#include "main-modes.h"
#include "net/net.h"
#include "poll/poll.h"
#include "render/render.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

/* A page read from a file: the default download-max-size. */
#define EXTRACT_MAX_FILE	(8u * 1024 * 1024)

/* "tidings: WHAT: message", WHAT scrubbed (it may come from a page). */
static void
extract_error(const char *what, const char *msg)
{
	char	*w, *m;

	w = sanitize_text(what, strlen(what), 0);
	m = sanitize_text(msg, strlen(msg), 0);
	fprintf(stderr, "%s: %s: %s\n", PACKAGE, w, m);
	free(w);
	free(m);
}

struct fetch {
	struct buf	 body;
	char		*url;		/* after redirects */
	char		*charset;	/* of the Content-Type, or NULL */
	char		*error;
};

static void
extract_begin(void *arg, const char *url, const char *charset)
{
	struct fetch	*f = arg;

	free(f->url);
	f->url = xstrdup(url);
	free(f->charset);
	f->charset = charset != NULL ? xstrdup(charset) : NULL;
}

static int
extract_data(void *arg, const void *p, size_t n)
{
	struct fetch	*f = arg;

	return (buf_add(&f->body, p, n));
}

static void
extract_done(void *arg, const struct net_result *r)
{
	struct fetch	*f = arg;

	if (r->error != NULL)
		f->error = xstrdup(r->error);
}

/*
 * One page through the shared fetcher (src/net: User-Agent, redirects,
 * timeouts, size cap, compression, proxy), with the limits of the
 * configuration file. Returns 0, or an exit status with the message
 * printed.
 */
static int
extract_fetch(const struct cmd_opts *co, struct buf *out, char **charset,
    char **effective)
{
	struct conf_paths	 paths;
	struct config		 conf;
	struct net_limits	 lim;
	struct net_request	 req;
	struct fetch		 f;
	struct net		*n;
	char			*cause = NULL;
	int			 ex;

	if ((ex = cmd_setup_config(co, &paths, &conf)) != 0)
		return (ex);
	poll_limits_get(&conf, &lim);
	lim.max_conns = 1;

	memset(&f, 0, sizeof f);
	buf_init(&f.body, 0);
	buf_add(&f.body, "", 0);
	ex = EXIT_PARTIAL;
	if ((n = net_new(&lim, &cause)) == NULL)
		goto out;
	memset(&req, 0, sizeof req);
	req.url = co->arg;
	req.arg = &f;
	req.begin = extract_begin;
	req.data = extract_data;
	req.done = extract_done;
	net_add(n, &req);
	if (net_run(n, NULL, &cause) != 0) {
		net_free(n);
		goto out;
	}
	net_free(n);
	if (f.error != NULL) {
		cause = f.error;
		f.error = NULL;
		goto out;
	}
	*out = f.body;
	buf_init(&f.body, 0);
	*charset = f.charset;
	*effective = f.url != NULL ? f.url : xstrdup(co->arg);
	f.charset = f.url = NULL;
	ex = 0;
out:
	if (cause != NULL) {
		extract_error(co->arg, cause);
		free(cause);
	}
	buf_fini(&f.body);
	free(f.charset);
	free(f.url);
	free(f.error);
	conf_file_fini(&conf);
	conf_paths_fini(&paths);
	return (ex);
}

static int
extract_read(const char *path, struct buf *out)
{
	FILE	*f;
	char	 tmp[65536];
	size_t	 n;
	int	 ret = 0;

	if ((f = fopen(path, "rb")) == NULL) {
		extract_error(path, strerror(errno));
		return (EXIT_USAGE);
	}
	buf_init(out, EXTRACT_MAX_FILE);
	buf_add(out, "", 0);
	while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
		if (buf_add(out, tmp, n) != 0) {
			extract_error(path, _("larger than download-max-size"));
			ret = EXIT_PARTIAL;
			break;
		}
	if (ret == 0 && ferror(f)) {
		extract_error(path, _("read error"));
		ret = EXIT_USAGE;
	}
	fclose(f);
	if (ret != 0)
		buf_fini(out);
	return (ret);
}

static int
extract_is_url(const char *s)
{
	return (strncasecmp(s, "http://", 7) == 0 ||
	    strncasecmp(s, "https://", 8) == 0);
}

int
cmd_extract(const struct cmd_opts *co)
{
	struct render_article	*a;
	struct buf		 page;
	char			*cause = NULL, *charset = NULL;
	char			*base = NULL;
	int			 ex;

	if (extract_is_url(co->arg))
		ex = extract_fetch(co, &page, &charset, &base);
	else if ((ex = extract_read(co->arg, &page)) == 0)
		base = xstrdup(co->arg);
	if (ex != 0)
		return (ex);
	if (extract_page_article(page.data, page.len, charset, base, &a,
	    &cause) != 0) {
		extract_error(co->arg, cause);
		ex = EXIT_PARTIAL;
		goto out;
	}
	fputs(a->text, stdout);
	extract_article_free(a);
	ex = fflush(stdout) == 0 ? EXIT_OK : EXIT_PARTIAL;
out:
	free(cause);
	free(charset);
	free(base);
	buf_fini(&page);
	return (ex);
}
