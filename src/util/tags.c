/* Tag lists: words joined by '\t' (util/tags.h). */
#include "config.h"

#include <string.h>

#include "util/tags.h"

int
tags_has(const char *tags, const char *tag)
{
	size_t		 n = strlen(tag);
	const char	*p = tags;

	while (p != NULL && *p != '\0') {
		if (strncmp(p, tag, n) == 0 && (p[n] == '\t' || p[n] == '\0'))
			return (1);
		if ((p = strchr(p, '\t')) != NULL)
			p++;
	}
	return (0);
}
