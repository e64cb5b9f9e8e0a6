/*
 * The one HTML escaper: & < > always, '"' too inside an attribute. The
 * feed parser calls it for every run of captured XHTML text, so it copies
 * each run of plain bytes in one buf_add rather than a byte at a time.
 */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "html/html.h"
#include "util/buf.h"

/* The replacement for c, or NULL when c is copied as it is. */
static const char *
html_escape_entity(char c, int flags, size_t *n)
{
	switch (c) {
	case '&':
		*n = 5;
		return ("&amp;");
	case '<':
		*n = 4;
		return ("&lt;");
	case '>':
		*n = 4;
		return ("&gt;");
	case '"':
		if (flags & HTML_ESCAPE_ATTR) {
			*n = 6;
			return ("&quot;");
		}
		break;
	}
	return (NULL);
}

/*
 * Append len bytes of s to b, escaped. Returns -1 when b's ceiling was hit
 * (b then holds what fitted of whole pieces), else 0.
 */
int
html_escape_add(struct buf *b, const char *s, size_t len, int flags)
{
	const char	*rep;
	size_t		 i, start = 0, n;

	for (i = 0; i < len; i++) {
		switch (s[i]) {
		case '&':
		case '<':
		case '>':
		case '"':
			break;
		default:
			continue;
		}
		if ((rep = html_escape_entity(s[i], flags, &n)) == NULL)
			continue;
		if (buf_add(b, s + start, i - start) != 0 ||
		    buf_add(b, rep, n) != 0)
			return (-1);
		start = i + 1;
	}
	return (buf_add(b, s + start, len - start));
}
