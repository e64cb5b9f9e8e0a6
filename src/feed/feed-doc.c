/* The parsed document: freeing, format names, and text clean-up. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "feed/feed-int.h"
#include "util/buf.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

static const char *const format_names[] = {
	[FEED_FORMAT_UNKNOWN] = "unknown",
	[FEED_FORMAT_RSS20] = "rss2.0",
	[FEED_FORMAT_RSS10] = "rss1.0",
	[FEED_FORMAT_RSS09X] = "rss0.9x",
	[FEED_FORMAT_ATOM10] = "atom1.0",
	[FEED_FORMAT_ATOM03] = "atom0.3",
	[FEED_FORMAT_JSON10] = "json1.0",
	[FEED_FORMAT_JSON11] = "json1.1",
};

const char *
feed_doc_format_name(enum feed_format f)
{
	if ((size_t)f >= sizeof format_names / sizeof format_names[0])
		return ("unknown");
	return (format_names[f]);
}

void
feed_doc_item_free(struct feed_item *it)
{
	size_t	i;

	free(it->guid);
	free(it->title);
	free(it->link);
	free(it->author);
	free(it->summary);
	free(it->content);
	free(it->comments);
	for (i = 0; i < it->ncategories; i++)
		free(it->categories[i]);
	free(it->categories);
	for (i = 0; i < it->nenclosures; i++) {
		free(it->enclosures[i].url);
		free(it->enclosures[i].type);
	}
	free(it->enclosures);
}

void
feed_doc_meta_free(struct feed_meta *m)
{
	free(m->title);
	free(m->link);
	free(m->description);
	free(m->language);
	free(m->author);
	free(m->generator);
	free(m->image);
}

void
feed_doc_free(struct feed_doc *d)
{
	size_t	i;

	if (d == NULL)
		return;
	feed_doc_meta_free(&d->meta);
	for (i = 0; i < d->nitems; i++)
		feed_doc_item_free(&d->items[i]);
	free(d->items);
	for (i = 0; i < d->nerrors; i++)
		free(d->errors[i]);
	free(d->errors);
	free(d);
}

void
feed_doc_add_error(struct feed_doc *d, char *msg)
{
	char	*clean;

	clean = sanitize_text(msg, strlen(msg), 0);
	free(msg);
	d->errors = xreallocarray(d->errors, d->nerrors + 1,
	    sizeof *d->errors);
	d->errors[d->nerrors++] = clean;
}

/* Trimmed copy of the len bytes at s, or NULL when nothing is left. */
static char *
trimmed_copy(const char *s, size_t len)
{
	size_t	 start, end;
	char	*t;

	for (start = 0; start < len && isspace((unsigned char)s[start]);
	    start++)
		;
	for (end = len; end > start && isspace((unsigned char)s[end - 1]);
	    end--)
		;
	if (start == end)
		return (NULL);
	t = xmalloc(end - start + 1);
	memcpy(t, s + start, end - start);
	t[end - start] = '\0';
	return (t);
}

/*
 * Text as it leaves the parser: U+0080-U+009F read as the windows-1252
 * characters that feeds mean by them (&#146; is an apostrophe), then
 * control characters and escape sequences removed (util/sanitize.h), and
 * surrounding white space trimmed. NULL when nothing is left.
 */
char *
feed_doc_clean_text(const char *s, size_t len, bool keep_newlines)
{
	struct buf	 b;
	unsigned int	 cp;
	size_t		 i, n, start, end;
	const char	*c2;
	char		 enc[4], *clean;
	int		 flags = keep_newlines ? SANITIZE_KEEP_NEWLINES : 0;

	if (s == NULL)
		return (NULL);
	/* Most text needs nothing mapped or removed: trim it and copy. */
	if (sanitize_clean_len(s, len, flags) == len)
		return (trimmed_copy(s, len));
	/* Most text has no C1 characters (UTF-8 0xc2 0x80-0x9f). */
	for (c2 = s; (c2 = memchr(c2, 0xc2, len - (size_t)(c2 - s))) != NULL;
	    c2++)
		if ((size_t)(c2 - s) + 1 < len &&
		    (unsigned char)c2[1] >= 0x80 && (unsigned char)c2[1] < 0xa0)
			break;
	if (c2 != NULL) {
		buf_init(&b, 0);
		for (i = 0; i < len; i += n) {
			n = sanitize_utf8_decode((const unsigned char *)s + i,
			    len - i, &cp);
			if (n == 0) {
				buf_addc(&b, s[i]);
				n = 1;
			} else if (cp >= 0x80 && cp < 0xa0)
				buf_add(&b, enc, sanitize_utf8_encode(
				    feed_encoding_cp1252((unsigned char)cp), enc));
			else
				buf_add(&b, s + i, n);
		}
		clean = sanitize_text(buf_str(&b), b.len, flags);
		buf_fini(&b);
	} else
		clean = sanitize_text(s, len, flags);

	/* Trim in place. */
	len = strlen(clean);
	for (start = 0; start < len && isspace((unsigned char)clean[start]);
	    start++)
		;
	for (end = len; end > start && isspace((unsigned char)clean[end - 1]);
	    end--)
		;
	if (start == end) {
		free(clean);
		return (NULL);
	}
	if (start > 0)
		memmove(clean, clean + start, end - start);
	clean[end - start] = '\0';
	return (clean);
}

/*
 * feed_doc_clean_text() for text that expat delivered, which is well-formed
 * UTF-8: only what cleaning changes is looked for.
 */
char *
feed_doc_clean_xml(const char *s, size_t len, bool keep_newlines)
{
	if (s != NULL && sanitize_clean_len_utf8(s, len, keep_newlines ?
	    SANITIZE_KEEP_NEWLINES : 0) == len)
		return (trimmed_copy(s, len));
	return (feed_doc_clean_text(s, len, keep_newlines));
}
