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
/*
 * The URL as another program may get it: tabs and newlines removed,
 * outer blanks trimmed, other controls and non-UTF-8 bytes
 * percent-encoded. Returns a new string.
 */
char	*url_clean(const char *url);
/* Whether url's scheme is one of schemes (a blank- or comma-separated
 * list, matched without case); a URL with no scheme is in none. */
int	 url_scheme_in(const char *url, const char *schemes);
/* url's scheme as a new string, or NULL when it has none. */
char	*url_scheme(const char *url);

#endif
