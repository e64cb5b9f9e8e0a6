/*
 * Reference resolution, RFC 3986 section 5.2. Hand-written: curl's URL API
 * rejects the file paths and odd schemes feeds carry as bases, and util
 * must not depend on curl.
 */
#include <string.h>

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
