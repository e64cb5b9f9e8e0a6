/*
 * The few response headers the fetcher reads: the charset parameter of
 * Content-Type (RFC 9110 8.3.1), Cache-Control max-age (RFC 9111 5.2.2.1)
 * and Retry-After (RFC 9110 10.2.3). Dates go through curl_getdate().
 */
#include "config.h"

#include <ctype.h>
#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "net/net.h"
#include "util/xmalloc.h"

/* The charset parameter, unquoted and lower-cased, or NULL. */
char *
net_headers_charset(const char *ct)
{
	const char	*p, *end;
	char		*cs;
	size_t		 i;

	if (ct == NULL)
		return (NULL);
	for (p = strchr(ct, ';'); p != NULL; p = strchr(p, ';')) {
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
		if (strncasecmp(p, "charset=", 8) != 0)
			continue;
		p += 8;
		if (*p == '"') {
			p++;
			end = strchr(p, '"');
		} else
			end = p + strcspn(p, " \t;");
		if (end == NULL || end == p || end - p > 40)
			return (NULL);
		cs = xstrndup(p, end - p);
		for (i = 0; cs[i] != '\0'; i++)
			cs[i] = (char)tolower((unsigned char)cs[i]);
		return (cs);
	}
	return (NULL);
}

/* Seconds of max-age (0 for no-cache/no-store), or -1 when absent. */
int64_t
net_headers_max_age(const char *cc)
{
	const char	*p;
	char		*end;
	long long	 v;

	if (cc == NULL)
		return (-1);
	for (p = cc; *p != '\0'; p += strcspn(p, ",")) {
		while (*p == ',' || *p == ' ' || *p == '\t')
			p++;
		if (strncasecmp(p, "no-cache", 8) == 0 ||
		    strncasecmp(p, "no-store", 8) == 0)
			return (0);
		if (strncasecmp(p, "max-age=", 8) == 0) {
			v = strtoll(p + 8 + (p[8] == '"'), &end, 10);
			if (end != p + 8 && v >= 0)
				return (v);
		}
	}
	return (-1);
}

/* Retry-After as a Unix time, or 0 when absent or unreadable. */
int64_t
net_headers_retry_after(const char *v, int64_t now)
{
	char		*end;
	long long	 s;
	time_t		 t;

	if (v == NULL)
		return (0);
	while (*v == ' ')
		v++;
	s = strtoll(v, &end, 10);
	if (end != v && (*end == '\0' || *end == ' ') && s >= 0)
		return (now + (s > 365 * 86400 ? 365 * 86400 : s));
	if ((t = curl_getdate(v, NULL)) == -1)
		return (0);
	return ((int64_t)t);
}
