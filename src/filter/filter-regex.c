/*
 * What a regular expression the user wrote may be before regcomp() sees
 * it. glibc's regcomp takes memory without bound on some patterns that
 * POSIX leaves undefined anyway (a repetition of a repetition, "a+++"),
 * or on huge counts ("a{30000}"): such a pattern from a filter or a
 * highlight line is refused with a reason, so that a typo cannot take
 * the reader's memory.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "filter/filter.h"
#include "util/i18n.h"

/* The end of a {m,n} interval at p ('{'), or NULL when it is not one. */
static const char *
filter_regex_interval(const char *p, long *max)
{
	char	*end;
	long	 m, n;

	if (!isdigit((unsigned char)p[1]))
		return (NULL);
	m = strtol(p + 1, &end, 10);
	n = m;
	if (*end == ',') {
		end++;
		if (isdigit((unsigned char)*end))
			n = strtol(end, &end, 10);
	}
	if (*end != '}')
		return (NULL);
	*max = m > n ? m : n;
	return (end);
}

const char *
filter_regex_check(const char *pat)
{
	const char	*p, *end = NULL;
	long		 max = 0;
	int		 after_rep = 0;

	if (strlen(pat) > FILTER_REGEX_MAX)
		return (_("longer than 1024 bytes"));
	for (p = pat; *p != '\0'; p++) {
		if (*p == '\\') {
			if (p[1] != '\0')
				p++;
			after_rep = 0;
			continue;
		}
		if (*p == '[') {
			/* A bracket expression: ] first is one of its own. */
			p++;
			if (*p == '^')
				p++;
			if (*p == ']')
				p++;
			while (*p != '\0' && *p != ']') {
				if (*p == '[' && (p[1] == ':' || p[1] == '.' ||
				    p[1] == '=') && (end = strchr(p + 2, ']')) !=
				    NULL)
					p = end;
				p++;
			}
			if (*p == '\0')
				return (NULL);	/* regcomp says what is wrong */
			after_rep = 0;
			continue;
		}
		if (*p == '*' || *p == '+' || *p == '?' || (*p == '{' &&
		    (end = filter_regex_interval(p, &max)) != NULL)) {
			if (after_rep)
				return (_("a repetition of a repetition "
				    "(such as ++ or *{2}), which POSIX leaves "
				    "undefined"));
			if (*p == '{') {
				if (max > FILTER_REGEX_MAX_COUNT)
					return (_("a repetition count over "
					    "255"));
				p = end;
			}
			after_rep = 1;
			continue;
		}
		after_rep = 0;
	}
	return (NULL);
}
