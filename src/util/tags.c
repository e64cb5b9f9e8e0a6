/* Tag lists: words joined by '\t' (util/tags.h). */
#include "config.h"

#include <string.h>

#include "util/buf.h"
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

/* One tag (len bytes), quoted as the urls file would quote it. */
static void
tags_display_one(struct buf *b, const char *t, size_t len)
{
	size_t	i;
	int	quote = len == 0;

	for (i = 0; i < len && !quote; i++)
		quote = strchr(" \"\\#", t[i]) != NULL;
	if (!quote) {
		buf_add(b, t, len);
		return;
	}
	buf_addc(b, '"');
	for (i = 0; i < len; i++) {
		if (t[i] == '"' || t[i] == '\\')
			buf_addc(b, '\\');
		buf_addc(b, t[i]);
	}
	buf_addc(b, '"');
}

char *
tags_display(const char *tags)
{
	struct buf	 b;
	const char	*p = tags, *tab;

	buf_init(&b, 0);
	buf_add(&b, "", 0);
	while (p != NULL && *p != '\0') {
		if (b.len > 0)
			buf_addc(&b, ' ');
		tab = strchr(p, '\t');
		tags_display_one(&b, p, tab != NULL ? (size_t)(tab - p) :
		    strlen(p));
		p = tab != NULL ? tab + 1 : NULL;
	}
	return (buf_detach(&b));
}
