/*
 * A web page's character set and its conversion to UTF-8 (gumbo reads
 * UTF-8 only). The <meta> prescan is hand-written because gumbo does not
 * detect encodings; it follows the idea of HTML's "prescan a byte stream"
 * (look for charset= inside <meta> tags of the first 1024 bytes) without
 * its every corner. Conversion is iconv(3).
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "render/render.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

#define CS_PRESCAN	1024

char *
render_charset_html(const char *html, size_t len)
{
	const char	*p, *end, *tag_end, *v;
	char		 low[CS_PRESCAN + 1];
	size_t		 n, i;

	if (len >= 3 && memcmp(html, "\xef\xbb\xbf", 3) == 0)
		return (xstrdup("UTF-8"));
	if (len >= 2 && memcmp(html, "\xff\xfe", 2) == 0)
		return (xstrdup("UTF-16LE"));
	if (len >= 2 && memcmp(html, "\xfe\xff", 2) == 0)
		return (xstrdup("UTF-16BE"));
	n = len < CS_PRESCAN ? len : CS_PRESCAN;
	for (i = 0; i < n; i++)
		low[i] = html[i] == '\0' ? ' ' :
		    (char)tolower((unsigned char)html[i]);
	low[n] = '\0';
	end = low + n;
	for (p = low; (p = strstr(p, "<meta")) != NULL; p += 5) {
		if ((tag_end = memchr(p, '>', (size_t)(end - p))) == NULL)
			tag_end = end;
		for (v = p; (v = strstr(v, "charset")) != NULL &&
		    v < tag_end; v += 7) {
			const char	*s = v + 7;

			while (s < tag_end && isspace((unsigned char)*s))
				s++;
			if (s >= tag_end || *s != '=')
				continue;
			s++;
			while (s < tag_end && (isspace((unsigned char)*s) ||
			    *s == '"' || *s == '\''))
				s++;
			for (i = 0; s + i < tag_end &&
			    (isalnum((unsigned char)s[i]) || s[i] == '-' ||
			    s[i] == '_' || s[i] == '.' || s[i] == ':'); i++)
				;
			if (i > 0 && i < 40)
				return (xstrndup(html + (s - low), i));
		}
	}
	return (NULL);
}

/* Browsers read these labels as windows-1252 (WHATWG Encoding). */
static const char *
cs_alias(const char *cs)
{
	static const char	*w1252[] = { "iso-8859-1", "iso8859-1",
	    "latin1", "l1", "us-ascii", "ascii", "iso_8859-1", "cp819",
	    "windows-1252", "x-cp1252" };
	size_t			 i;

	for (i = 0; i < sizeof w1252 / sizeof w1252[0]; i++)
		if (strcasecmp(cs, w1252[i]) == 0)
			return ("CP1252");
	if (strcasecmp(cs, "x-sjis") == 0 || strcasecmp(cs, "shift-jis") == 0)
		return ("SHIFT_JIS");
	if (strcasecmp(cs, "gb2312") == 0)
		return ("GBK");
	return (cs);
}

char *
render_charset_to_utf8(const char *s, size_t len, const char *charset,
    size_t *outlen, char **cause)
{
	struct buf	 b;
	iconv_t		 cd;
	char		*in = (char *)s, *out, tmp[4096];
	size_t		 inleft = len, outleft, r;

	if (charset == NULL || strcasecmp(charset, "utf-8") == 0 ||
	    strcasecmp(charset, "utf8") == 0) {
		if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
			s += 3;
			len -= 3;
		}
		/*
		 * All len bytes, NULs included: callers hand out and *outlen
		 * to gumbo, which would read past a copy cut at the first NUL.
		 */
		out = xmalloc(len + 1);
		memcpy(out, s, len);
		out[len] = '\0';
		*outlen = len;
		return (out);
	}
	if ((cd = iconv_open("UTF-8", cs_alias(charset))) == (iconv_t)-1) {
		*cause = xasprintf(_("unknown character set: %s"), charset);
		return (NULL);
	}
	buf_init(&b, 0);
	buf_add(&b, "", 0);
	while (inleft > 0) {
		out = tmp;
		outleft = sizeof tmp;
		r = iconv(cd, &in, &inleft, &out, &outleft);
		buf_add(&b, tmp, sizeof tmp - outleft);
		if (r == (size_t)-1 && errno != E2BIG) {
			/* A byte the charset has no character for. */
			buf_add(&b, "\xef\xbf\xbd", 3);
			in++;
			inleft--;
		}
	}
	iconv_close(cd);
	*outlen = b.len;
	return (buf_detach(&b));
}
