/*
 * A fetched web page to its article: the checks and conversions that come
 * before extraction, shared by --extract and the full-text fetches of the
 * poller, so that both see a page alike.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "render/render.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/*
 * Does it look like markup at all? A PDF, an image or a text file is not
 * worth parsing ("not HTML" rather than "no article").
 */
static int
render_looks_html(const char *s, size_t len)
{
	size_t	n = len < 4096 ? len : 4096;

	if (n >= 2 && (memcmp(s, "\xff\xfe", 2) == 0 ||
	    memcmp(s, "\xfe\xff", 2) == 0))
		return (1);
	if (memchr(s, '\0', n) != NULL)
		return (0);
	return (memchr(s, '<', n) != NULL);
}

/* The charset: a BOM, then the HTTP header, then <meta> (HTML's order). */
static char *
render_page_charset(const char *page, size_t len, const char *http)
{
	int	bom;

	bom = len >= 2 && (memcmp(page, "\xff\xfe", 2) == 0 ||
	    memcmp(page, "\xfe\xff", 2) == 0 || (len >= 3 &&
	    memcmp(page, "\xef\xbb\xbf", 3) == 0));
	if (http != NULL && *http != '\0' && !bom)
		return (xstrdup(http));
	return (render_charset_html(page, len));
}

int
extract_page_article(const char *page, size_t len, const char *http_charset,
    const char *base_url, struct render_article **out, char **cause)
{
	char	*charset, *html;
	size_t	 hlen;
	int	 rc;

	*out = NULL;
	if (!render_looks_html(page, len)) {
		*cause = xstrdup(_("not an HTML page"));
		return (-1);
	}
	charset = render_page_charset(page, len, http_charset);
	html = render_charset_to_utf8(page, len, charset, &hlen, cause);
	if (html == NULL && charset != NULL) {
		/* A charset iconv does not know ("utf8mb4", a typo): read
		 * it as UTF-8 rather than lose the page. */
		free(*cause);
		*cause = NULL;
		html = render_charset_to_utf8(page, len, NULL, &hlen, cause);
	}
	free(charset);
	if (html == NULL)
		return (-1);
	rc = extract_article(html, hlen, base_url, out, cause);
	free(html);
	return (rc);
}
