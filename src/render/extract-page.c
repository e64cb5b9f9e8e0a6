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

/*
 * Is all of it UTF-8, with some multi-byte sequence? Text in a legacy
 * charset almost never is; a page saved as UTF-8 under its old <meta>
 * (a GB2312 page re-encoded by a CMS or a proxy) is.
 */
static int
render_page_utf8(const unsigned char *s, size_t len)
{
	size_t	i, k, n;
	int	multi = 0;

	for (i = 0; i < len; i += n) {
		if (s[i] < 0x80) {
			n = 1;
			continue;
		}
		if (s[i] >= 0xc2 && s[i] <= 0xdf)
			n = 2;
		else if (s[i] >= 0xe0 && s[i] <= 0xef)
			n = 3;
		else if (s[i] >= 0xf0 && s[i] <= 0xf4)
			n = 4;
		else
			return (0);
		if (i + n > len)
			return (0);
		for (k = 1; k < n; k++)
			if ((s[i + k] & 0xc0) != 0x80)
				return (0);
		multi = 1;
	}
	return (multi);
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
	if (charset != NULL && render_page_utf8((const unsigned char *)page,
	    len)) {
		free(charset);
		charset = NULL;
	}
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
