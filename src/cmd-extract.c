/*
 * tidings --extract=URL|FILE: one web page's article as plain text
 * (DESIGN.md): headline, blank line, body paragraphs separated by blank
 * lines. No cache. Exit 1 when the page holds no article.
 */
#include "config.h"

#include <curl/curl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "main-modes.h"
#include "render/render.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

/* Defaults of DESIGN.md's limits, until the config's values reach here. */
#define EXTRACT_MAX_SIZE	(8u * 1024 * 1024)
#define EXTRACT_MAX_REDIRS	5
#define EXTRACT_CONNECT_TO	20L
#define EXTRACT_TOTAL_TO	60L

struct fetch {
	struct buf	 body;
	int		 too_big;
};

static size_t
extract_write(char *p, size_t sz, size_t n, void *arg)
{
	struct fetch	*f = arg;

	if (buf_add(&f->body, p, sz * n) != 0) {
		f->too_big = 1;
		return (0);
	}
	return (sz * n);
}

/* "text/html; charset=ISO-8859-1" -> "ISO-8859-1", or NULL. */
static char *
extract_ct_charset(const char *ct)
{
	const char	*p;
	size_t		 n;

	if (ct == NULL || (p = strcasestr(ct, "charset=")) == NULL)
		return (NULL);
	p += 8;
	if (*p == '"')
		p++;
	n = strcspn(p, "\"; \t");
	return (n > 0 ? xstrndup(p, n) : NULL);
}

/* HTML, or a server that does not say: worth a try. */
static int
extract_is_html(const char *ct)
{
	if (ct == NULL)
		return (1);
	ct += strspn(ct, " ");
	return (strncasecmp(ct, "text/html", 9) == 0 ||
	    strncasecmp(ct, "application/xhtml+xml", 21) == 0);
}

/*
 * Fetch a URL with curl's easy interface. This belongs on the shared
 * fetcher of src/net/ (limits from the config, one User-Agent); move it
 * there when that lands.
 */
static int
extract_fetch(const char *url, struct buf *out, char **charset,
    char **effective, char **cause)
{
	struct fetch	 f;
	CURL		*c;
	CURLcode	 rc;
	char		 err[CURL_ERROR_SIZE] = "";
	char		*ct = NULL, *eff = NULL;
	long		 code = 0;
	int		 ret = -1;

	curl_global_init(CURL_GLOBAL_DEFAULT);
	buf_init(&f.body, EXTRACT_MAX_SIZE);
	f.too_big = 0;
	if ((c = curl_easy_init()) == NULL) {
		*cause = xstrdup(_("cannot start curl"));
		goto out;
	}
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_USERAGENT, PACKAGE "/" VERSION);
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(c, CURLOPT_MAXREDIRS, (long)EXTRACT_MAX_REDIRS);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, EXTRACT_CONNECT_TO);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, EXTRACT_TOTAL_TO);
	curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE,
	    (curl_off_t)EXTRACT_MAX_SIZE);
	curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
	curl_easy_setopt(c, CURLOPT_PROTOCOLS,
	    (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS,
	    (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, err);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, extract_write);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &f);
	rc = curl_easy_perform(c);
	if (f.too_big || rc == CURLE_FILESIZE_EXCEEDED) {
		*cause = xasprintf(_("page larger than %u bytes"),
		    EXTRACT_MAX_SIZE);
		goto out_curl;
	}
	if (rc != CURLE_OK) {
		*cause = xstrdup(*err ? err : curl_easy_strerror(rc));
		goto out_curl;
	}
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
	if (code >= 400) {
		*cause = xasprintf(_("HTTP status %ld"), code);
		goto out_curl;
	}
	curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &ct);
	if (!extract_is_html(ct)) {
		*cause = xasprintf(_("not an HTML page (%.*s)"),
		    (int)strcspn(ct, "; "), ct);
		goto out_curl;
	}
	curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &eff);
	*charset = extract_ct_charset(ct);
	*effective = xstrdup(eff != NULL ? eff : url);
	buf_add(&f.body, "", 0);
	*out = f.body;
	buf_init(&f.body, 0);
	ret = 0;
out_curl:
	curl_easy_cleanup(c);
out:
	buf_fini(&f.body);
	curl_global_cleanup();
	return (ret);
}

static int
extract_read(const char *path, struct buf *out, char **cause)
{
	FILE	*f;
	char	 tmp[65536];
	size_t	 n;
	int	 ret = 0;

	if ((f = fopen(path, "rb")) == NULL) {
		*cause = xstrdup(strerror(errno));
		return (-1);
	}
	buf_init(out, EXTRACT_MAX_SIZE);
	buf_add(out, "", 0);
	while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
		if (buf_add(out, tmp, n) != 0) {
			*cause = xasprintf(_("page larger than %u bytes"),
			    EXTRACT_MAX_SIZE);
			ret = -1;
			break;
		}
	if (ret == 0 && ferror(f)) {
		*cause = xstrdup(_("read error"));
		ret = -1;
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
	char			*cause = NULL, *charset = NULL, *html, *msg;
	char			*base = NULL, *meta_cs;
	size_t			 len;
	int			 rc;

	if (extract_is_url(co->arg)) {
		if (extract_fetch(co->arg, &page, &charset, &base,
		    &cause) != 0)
			goto fail_fetch;
	} else {
		if (extract_read(co->arg, &page, &cause) != 0) {
			fprintf(stderr, "%s: %s: %s\n", PACKAGE, co->arg,
			    cause);
			free(cause);
			return (EXIT_USAGE);
		}
		base = xstrdup(co->arg);
	}
	/* A BOM, then the HTTP header, then <meta charset> (HTML order). */
	meta_cs = render_html_charset(page.data, page.len);
	if (meta_cs != NULL && (charset == NULL || (page.len >= 2 &&
	    (memcmp(page.data, "\xef\xbb\xbf", 3) == 0 ||
	    memcmp(page.data, "\xff\xfe", 2) == 0 ||
	    memcmp(page.data, "\xfe\xff", 2) == 0)))) {
		free(charset);
		charset = meta_cs;
	} else
		free(meta_cs);
	html = render_to_utf8(page.data, page.len, charset, &len, &cause);
	buf_fini(&page);
	free(charset);
	if (html == NULL)
		goto fail_fetch;
	rc = render_extract(html, len, base, &a, &cause);
	free(html);
	if (rc != 0) {
		msg = sanitize_text(co->arg, strlen(co->arg), 0);
		fprintf(stderr, "%s: %s: %s\n", PACKAGE, msg, cause);
		free(msg);
		free(cause);
		free(base);
		return (EXIT_PARTIAL);
	}
	fputs(a->text, stdout);
	render_article_free(a);
	free(base);
	return (fflush(stdout) == 0 ? EXIT_OK : EXIT_PARTIAL);

fail_fetch:
	msg = sanitize_text(co->arg, strlen(co->arg), 0);
	fprintf(stderr, "%s: %s: %s\n", PACKAGE, msg, cause);
	free(msg);
	free(cause);
	free(base);
	return (EXIT_PARTIAL);
}
