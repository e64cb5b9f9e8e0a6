/*
 * File names for downloads. Everything that goes into one comes from a
 * feed (titles, the enclosure's URL), so each part is cleaned into a
 * single harmless path component, and the result is always a name inside
 * download-path that no other download has.
 */
#include "config.h"

#include <curl/curl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "podcast/podcast.h"
#include "util/buf.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

/* Names tried before giving the last one (its insert then fails). */
#define PODCAST_NAME_TRIES	100000

/* Longest extension kept whole when a name is cut (".mp3", ".opus"). */
#define PODCAST_NAME_EXT_MAX	12

/* The start of the UTF-8 character holding byte i of s. */
static size_t
podcast_name_char_start(const char *s, size_t i)
{
	while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80)
		i--;
	return (i);
}

char *
podcast_name_clean(const char *s, size_t max)
{
	char		*t, *p, *out;
	const char	*ext;
	size_t		 len, elen, keep;

	t = sanitize_text(s, strlen(s), 0);
	for (p = t; *p != '\0'; p++)
		if (*p == '/' || *p == '\\')
			*p = '_';
	/* No hidden files, never "." or "..", no blanks at either end. */
	for (p = t; *p == '.' || *p == ' '; p++)
		;
	len = strlen(p);
	while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '.'))
		len--;
	p[len] = '\0';
	if (len <= max) {
		out = xstrdup(p);
		free(t);
		return (out);
	}
	ext = strrchr(p, '.');
	elen = ext != NULL ? strlen(ext) : 0;
	if (elen > PODCAST_NAME_EXT_MAX || elen >= max)
		elen = 0;
	keep = podcast_name_char_start(p, max - elen);
	out = xmalloc(keep + elen + 1);
	memcpy(out, p, keep);
	memcpy(out + keep, p + len - elen, elen);
	out[keep + elen] = '\0';
	free(t);
	return (out);
}

/* A part of the URL (CURLUPART_*), or NULL. */
static char *
podcast_name_url_part(const char *url, int what)
{
	CURLU	*u;
	char	*part = NULL, *out = NULL;

	if ((u = curl_url()) == NULL)
		return (NULL);
	if (curl_url_set(u, CURLUPART_URL, url, CURLU_NON_SUPPORT_SCHEME) ==
	    CURLUE_OK && curl_url_get(u, (CURLUPart)what, &part,
	    what == CURLUPART_PATH ? CURLU_URLDECODE : 0) == CURLUE_OK) {
		out = xstrdup(part);
		curl_free(part);
	}
	curl_url_cleanup(u);
	return (out);
}

char *
podcast_name_of_url(const char *url)
{
	char	*path, *slash, *out;

	if ((path = podcast_name_url_part(url, CURLUPART_PATH)) == NULL)
		return (xstrdup(""));
	slash = strrchr(path, '/');
	out = xstrdup(slash != NULL ? slash + 1 : path);
	free(path);
	return (out);
}

/* One part of the name, cleaned, onto b. */
static void
podcast_name_add(struct buf *b, const char *s)
{
	char	*c;

	if (s == NULL)
		return;
	c = podcast_name_clean(s, PODCAST_NAME_MAX);
	buf_adds(b, c);
	free(c);
}

char *
podcast_name_format(const char *fmt, const char *feed_title,
    const char *title, int64_t date, const char *url)
{
	struct buf	 b;
	struct tm	 tm;
	time_t		 t = (time_t)date;
	char		*own, *host, *dot, *out;
	const char	*p;

	own = podcast_name_of_url(url);
	host = podcast_name_url_part(url, CURLUPART_HOST);
	dot = strrchr(own, '.');
	if (localtime_r(&t, &tm) == NULL)
		memset(&tm, 0, sizeof tm);
	buf_init(&b, 0);
	for (p = fmt; *p != '\0'; p++) {
		if (*p != '%' || p[1] == '\0') {
			buf_addc(&b, *p);
			continue;
		}
		switch (*++p) {
		case 'n':
			podcast_name_add(&b, feed_title);
			break;
		case 't':
			podcast_name_add(&b, title);
			break;
		case 'u':
			podcast_name_add(&b, own);
			break;
		case 'e':
			podcast_name_add(&b, dot != NULL ? dot + 1 : NULL);
			break;
		case 'h':
			podcast_name_add(&b, host);
			break;
		case 'F':
			buf_printf(&b, "%04d-%02d-%02d", tm.tm_year + 1900,
			    tm.tm_mon + 1, tm.tm_mday);
			break;
		case 'Y':
			buf_printf(&b, "%04d", tm.tm_year + 1900);
			break;
		case 'm':
			buf_printf(&b, "%02d", tm.tm_mon + 1);
			break;
		case 'd':
			buf_printf(&b, "%02d", tm.tm_mday);
			break;
		case 'H':
			buf_printf(&b, "%02d", tm.tm_hour);
			break;
		case 'M':
			buf_printf(&b, "%02d", tm.tm_min);
			break;
		case 'S':
			buf_printf(&b, "%02d", tm.tm_sec);
			break;
		case '%':
			buf_addc(&b, '%');
			break;
		default:
			buf_addc(&b, '%');
			buf_addc(&b, *p);
			break;
		}
	}
	buf_addc(&b, '\0');
	/* The user's own text between the codes is cleaned too. */
	out = podcast_name_clean(buf_str(&b), PODCAST_NAME_MAX);
	buf_fini(&b);
	free(own);
	free(host);
	if (*out == '\0') {
		free(out);
		out = xstrdup("download");
	}
	return (out);
}

/* Whether path, or path.part, is there (as anything, even a dangling
 * link). */
static int
podcast_name_exists(const char *path)
{
	struct stat	 sb;
	char		*part;
	int		 there;

	if (lstat(path, &sb) == 0 || errno != ENOENT)
		return (1);
	part = xasprintf("%s.part", path);
	there = lstat(part, &sb) == 0 || errno != ENOENT;
	free(part);
	return (there);
}

char *
podcast_name_unique(const char *dir, const char *name,
    int (*taken)(void *, const char *), void *arg)
{
	const char	*dot;
	char		*path, *stem;
	size_t		 slen;
	int		 n;

	path = xasprintf("%s/%s", dir, name);
	if (!podcast_name_exists(path) && (taken == NULL || !taken(arg, path)))
		return (path);
	dot = strrchr(name, '.');
	if (dot == name || (dot != NULL &&
	    strlen(dot) > PODCAST_NAME_EXT_MAX))
		dot = NULL;
	slen = dot != NULL ? (size_t)(dot - name) : strlen(name);
	/* Room for " (NNNNNN)" within the bound. */
	if (slen > PODCAST_NAME_MAX - 10)
		slen = podcast_name_char_start(name, PODCAST_NAME_MAX - 10);
	stem = xstrndup(name, slen);
	for (n = 2; n < PODCAST_NAME_TRIES; n++) {
		free(path);
		path = xasprintf("%s/%s (%d)%s", dir, stem, n,
		    dot != NULL ? dot : "");
		if (!podcast_name_exists(path) &&
		    (taken == NULL || !taken(arg, path)))
			break;
	}
	free(stem);
	return (path);
}
