/* The --parse JSON of DESIGN.md. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "feed/feed.h"

/* A JSON string (RFC 8259 section 7); the input is valid UTF-8. */
/* The bytes that JSON strings must escape (RFC 8259 section 7). */
static const char json_special[] = "\"\\"
    "\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f"
    "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f";

/* A JSON string; the input is valid UTF-8. */
static void
json_str(FILE *f, const char *s)
{
	size_t	n;

	if (s == NULL) {
		fputs("null", f);
		return;
	}
	putc('"', f);
	for (;;) {
		n = strcspn(s, json_special);
		fwrite(s, 1, n, f);
		s += n;
		if (*s == '\0')
			break;
		switch (*s) {
		case '"': fputs("\\\"", f); break;
		case '\\': fputs("\\\\", f); break;
		case '\n': fputs("\\n", f); break;
		case '\t': fputs("\\t", f); break;
		case '\r': fputs("\\r", f); break;
		default: fprintf(f, "\\u%04x", (unsigned char)*s); break;
		}
		s++;
	}
	putc('"', f);
}

static void
json_date(FILE *f, int64_t t)
{
	char	buf[21];

	if (t == FEED_TIME_NONE) {
		fputs("null", f);
		return;
	}
	feed_date_format(t, buf);
	json_str(f, buf);
}

static void
json_key(FILE *f, const char *k, const char *v, int last)
{
	fprintf(f, "\"%s\": ", k);
	json_str(f, v);
	fputs(last ? "" : ", ", f);
}

static void
json_item(FILE *f, const struct feed_item *it)
{
	static const char *const ctypes[] = { NULL, "html", "text" };
	size_t	i;

	fputs("{", f);
	json_key(f, "guid", it->guid, 0);
	json_key(f, "title", it->title, 0);
	json_key(f, "link", it->link, 0);
	json_key(f, "author", it->author, 0);
	fputs("\"published\": ", f);
	json_date(f, it->published);
	fputs(", \"updated\": ", f);
	json_date(f, it->updated);
	fputs(", ", f);
	json_key(f, "summary", it->summary, 0);
	json_key(f, "content", it->content, 0);
	json_key(f, "content_type", ctypes[it->content_type], 0);
	fputs("\"categories\": [", f);
	for (i = 0; i < it->ncategories; i++) {
		if (i > 0)
			fputs(", ", f);
		json_str(f, it->categories[i]);
	}
	fputs("], \"enclosures\": [", f);
	for (i = 0; i < it->nenclosures; i++) {
		fputs(i > 0 ? ", {" : "{", f);
		json_key(f, "url", it->enclosures[i].url, 0);
		json_key(f, "type", it->enclosures[i].type, 0);
		if (it->enclosures[i].length < 0)
			fputs("\"length\": null}", f);
		else
			fprintf(f, "\"length\": %lld}",
			    (long long)it->enclosures[i].length);
	}
	fputs("], ", f);
	json_key(f, "comments", it->comments, 1);
	fputs("}", f);
}

void
feed_doc_write_json(const struct feed_doc *d, FILE *f)
{
	const struct feed_meta	*m = &d->meta;
	size_t			 i;

	fputs("{\"format\": ", f);
	json_str(f, feed_format_name(d->format));
	fputs(",\n \"feed\": {", f);
	json_key(f, "title", m->title, 0);
	json_key(f, "link", m->link, 0);
	json_key(f, "description", m->description, 0);
	json_key(f, "language", m->language, 0);
	fputs("\"updated\": ", f);
	json_date(f, m->updated);
	fputs(", ", f);
	json_key(f, "author", m->author, 0);
	json_key(f, "generator", m->generator, 0);
	json_key(f, "image", m->image, 1);
	fputs("},\n \"items\": [", f);
	for (i = 0; i < d->nitems; i++) {
		fputs(i > 0 ? ",\n  " : "\n  ", f);
		json_item(f, &d->items[i]);
	}
	fputs("],\n \"errors\": [", f);
	for (i = 0; i < d->nerrors; i++) {
		if (i > 0)
			fputs(", ", f);
		json_str(f, d->errors[i]);
	}
	fputs("]}\n", f);
}
