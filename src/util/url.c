/*
 * Reference resolution, RFC 3986 section 5.2. Hand-written: curl's URL API
 * rejects the file paths and odd schemes feeds carry as bases, and util
 * must not depend on curl.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "util/buf.h"
#include "util/url.h"
#include "util/xmalloc.h"

struct url_parts {
	const char	*scheme, *auth, *path, *query, *frag;
	size_t		 scheme_len, auth_len, path_len, query_len, frag_len;
	int		 has_auth, has_query, has_frag;
};

/* The length of the scheme that s starts with, or 0 (RFC 3986 app. B). */
static size_t
scheme_len(const char *s)
{
	size_t	n;

	n = strcspn(s, ":/?#");
	if (n > 0 && s[n] == ':' && ((s[0] >= 'a' && s[0] <= 'z') ||
	    (s[0] >= 'A' && s[0] <= 'Z')))
		return (n);
	return (0);
}

int
url_has_scheme(const char *ref)
{
	return (scheme_len(ref) > 0);
}

/*
 * The length of the valid UTF-8 character at s (1 for printable ASCII
 * and controls alike), or 0 for a byte that starts none or for a C1
 * control (U+0080..U+009F), which must not pass either.
 */
static size_t
url_utf8_len(const unsigned char *s, size_t len)
{
	size_t		n, i;
	unsigned int	cp;

	if (s[0] < 0x80)
		return (1);
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4;
	else
		return (0);
	if (n > len)
		return (0);
	cp = s[0] & (0x7f >> n);
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return (0);
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((n == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
	    (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0x80 && cp <= 0x9f))
		return (0);
	return (n);
}

/* Split a reference into its five parts (RFC 3986 appendix B). */
static void
url_split(const char *s, struct url_parts *p)
{
	size_t	n;

	memset(p, 0, sizeof *p);
	if ((n = scheme_len(s)) > 0) {
		p->scheme = s;
		p->scheme_len = n;
		s += n + 1;
	}
	if (s[0] == '/' && s[1] == '/') {
		s += 2;
		p->has_auth = 1;
		p->auth = s;
		p->auth_len = strcspn(s, "/?#");
		s += p->auth_len;
	}
	p->path = s;
	p->path_len = strcspn(s, "?#");
	s += p->path_len;
	if (*s == '?') {
		p->has_query = 1;
		p->query = ++s;
		p->query_len = strcspn(s, "#");
		s += p->query_len;
	}
	if (*s == '#') {
		p->has_frag = 1;
		p->frag = s + 1;
		p->frag_len = strlen(s + 1);
	}
}

/* Drop the last segment of the output, with its '/'. */
static void
url_pop(struct buf *b)
{
	char	*slash;

	slash = strrchr(b->data, '/');
	b->len = slash ? (size_t)(slash - b->data) : 0;
	b->data[b->len] = '\0';
}

/* remove_dot_segments (section 5.2.4), appending the result to out. */
static void
url_add_path(struct buf *out, const char *path, size_t len)
{
	struct buf	 b;
	const char	*s = path, *end = path + len, *seg;
	size_t		 left;

	buf_init(&b, 0);
	buf_add(&b, "", 0);
	while ((left = (size_t)(end - s)) > 0) {
		if (left >= 3 && strncmp(s, "../", 3) == 0)
			s += 3;
		else if (left >= 2 && strncmp(s, "./", 2) == 0)
			s += 2;
		else if (left >= 3 && strncmp(s, "/./", 3) == 0)
			s += 2;
		else if (left == 2 && strncmp(s, "/.", 2) == 0) {
			buf_addc(&b, '/');
			s = end;
		} else if (left >= 4 && strncmp(s, "/../", 4) == 0) {
			s += 3;
			url_pop(&b);
		} else if (left == 3 && strncmp(s, "/..", 3) == 0) {
			url_pop(&b);
			buf_addc(&b, '/');
			s = end;
		} else if ((left == 1 && *s == '.') ||
		    (left == 2 && strncmp(s, "..", 2) == 0))
			s = end;
		else {
			seg = s + 1;
			while (seg < end && *seg != '/')
				seg++;
			buf_add(&b, s, (size_t)(seg - s));
			s = seg;
		}
	}
	buf_add(out, b.data, b.len);
	buf_fini(&b);
}

char *
url_resolve(const char *base, const char *ref)
{
	struct url_parts	 r, b;
	struct buf		 out, merged;
	const char		*slash;
	size_t			 i;

	if (base == NULL || *base == '\0')
		return (xstrdup(ref));
	url_split(ref, &r);
	if (r.scheme != NULL)
		return (xstrdup(ref));
	url_split(base, &b);
	buf_init(&out, 0);
	buf_add(&out, "", 0);
	if (b.scheme != NULL) {
		buf_add(&out, b.scheme, b.scheme_len);
		buf_addc(&out, ':');
	}
	if (r.has_auth) {
		buf_adds(&out, "//");
		buf_add(&out, r.auth, r.auth_len);
		url_add_path(&out, r.path, r.path_len);
	} else {
		if (b.has_auth) {
			buf_adds(&out, "//");
			buf_add(&out, b.auth, b.auth_len);
		}
		if (r.path_len == 0) {
			buf_add(&out, b.path, b.path_len);
			if (!r.has_query && b.has_query) {
				buf_addc(&out, '?');
				buf_add(&out, b.query, b.query_len);
			}
		} else if (r.path[0] == '/')
			url_add_path(&out, r.path, r.path_len);
		else {
			/* Merge (section 5.2.3). */
			buf_init(&merged, 0);
			buf_add(&merged, "", 0);
			if (b.has_auth && b.path_len == 0)
				buf_addc(&merged, '/');
			else {
				slash = NULL;
				for (i = 0; i < b.path_len; i++)
					if (b.path[i] == '/')
						slash = b.path + i;
				if (slash != NULL)
					buf_add(&merged, b.path,
					    (size_t)(slash - b.path) + 1);
			}
			buf_add(&merged, r.path, r.path_len);
			url_add_path(&out, merged.data, merged.len);
			buf_fini(&merged);
		}
	}
	if (r.has_query) {
		buf_addc(&out, '?');
		buf_add(&out, r.query, r.query_len);
	}
	if (r.has_frag) {
		buf_addc(&out, '#');
		buf_add(&out, r.frag, r.frag_len);
	}
	return (buf_detach(&out));
}

/*
 * Tabs and newlines go, as URL parsers drop them (a link split over lines
 * in the feed's XML still works); leading and trailing blanks go; other
 * control characters and bytes outside valid UTF-8 are percent-encoded,
 * so no byte a terminal would act on is handed on. Inner blanks stay:
 * the URL is one argument, never a shell's word.
 */
char *
url_clean(const char *url)
{
	const unsigned char	*s = (const unsigned char *)url, *end;
	struct buf		 b;
	char			 pct[4];
	size_t			 n, i;

	while (*s != '\0' && *s <= ' ')
		s++;
	end = s + strlen((const char *)s);
	while (end > s && end[-1] <= ' ')
		end--;
	buf_init(&b, 0);
	buf_add(&b, "", 0);
	while (s < end) {
		if (*s == '\t' || *s == '\n' || *s == '\r') {
			s++;
			continue;
		}
		n = url_utf8_len(s, (size_t)(end - s));
		if (n > 1) {
			buf_add(&b, (const char *)s, n);
			s += n;
			continue;
		}
		if (n == 1 && *s >= ' ' && *s != 0x7f) {
			buf_add(&b, (const char *)s, 1);
			s++;
			continue;
		}
		/* n == 0: a C1 control or a byte that is not UTF-8. */
		if (n == 0 && *s == 0xc2 && s + 1 < end && s[1] >= 0x80 &&
		    s[1] <= 0x9f)
			n = 2;
		else
			n = 1;
		for (i = 0; i < n; i++) {
			snprintf(pct, sizeof pct, "%%%02X", s[i]);
			buf_add(&b, pct, 3);
		}
		s += n;
	}
	return (buf_detach(&b));
}

int
url_scheme_in(const char *url, const char *schemes)
{
	const char	*p = schemes;
	size_t		 n = scheme_len(url), w;

	if (n == 0)
		return (0);
	while (*p != '\0') {
		p += strspn(p, " \t,");
		w = strcspn(p, " \t,");
		if (w == n && strncasecmp(p, url, n) == 0)
			return (1);
		p += w;
	}
	return (0);
}

char *
url_scheme(const char *url)
{
	size_t	n = scheme_len(url);

	return (n > 0 ? xstrndup(url, n) : NULL);
}
