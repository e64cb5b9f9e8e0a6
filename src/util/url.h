/* URL resolution (RFC 3986 section 5.2). */
#ifndef TIDINGS_UTIL_URL_H
#define TIDINGS_UTIL_URL_H

/*
 * Resolve ref against base; returns a new string. A NULL or empty base, or
 * an absolute ref, gives a copy of ref.
 */
char	*url_resolve(const char *base, const char *ref);
/* Whether ref starts with a scheme (is absolute), as url_resolve sees it. */
int	 url_has_scheme(const char *ref);

#endif
