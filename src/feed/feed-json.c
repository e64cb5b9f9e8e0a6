/*
 * The --parse JSON of DESIGN.md. The output goes through a buffer of our
 * own, written out in large blocks: stdio's per-call locking and
 * bookkeeping cost more than the escaping when a feed holds thousands of
 * items.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "feed/feed.h"
#include "util/xmalloc.h"

#define OUT_SIZE	65536

struct out {
	FILE	*f;
	size_t	 len;
	char	 buf[OUT_SIZE];
};

static void
out_flush(struct out *o)
{
	if (o->len > 0)
		fwrite(o->buf, 1, o->len, o->f);
	o->len = 0;
}

static void
out_add_slow(struct out *o, const char *s, size_t n)
{
	out_flush(o);
	if (n >= OUT_SIZE)
		fwrite(s, 1, n, o->f);
	else {
		memcpy(o->buf, s, n);
		o->len = n;
	}
}

/* Inline: most pieces are short literals that fit. */
static inline void
out_add(struct out *o, const char *s, size_t n)
{
	if (n > OUT_SIZE - o->len) {
		out_add_slow(o, s, n);
		return;
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
}

#define out_lit(o, s)	out_add((o), (s), sizeof(s) - 1)

/*
 * The length of the run at s that JSON strings may hold as it is (RFC
 * 8259 section 7: all but '"', '\\' and C0 controls), eight bytes at a
 * time: a word holds none of those when no byte is below 0x20 and no byte
 * equals 0x22 or 0x5c (the usual SWAR "has a byte less than" and "has a
 * zero byte" tests; the byte loop finds which).
 */
static size_t
plain_run(const unsigned char *s, size_t len)
{
	const uint64_t	ones = 0x0101010101010101ULL;
	const uint64_t	highs = 0x8080808080808080ULL;
	uint64_t	w, q, b;
	size_t		i = 0;

#ifdef __SSE2__
	/* The same test sixteen bytes at a time (x86-64 baseline). */
	while (i + 16 <= len) {
		__m128i	v, t;
		int	mask;

		v = _mm_loadu_si128((const __m128i *)(s + i));
		t = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1f)), v);
		t = _mm_or_si128(t, _mm_cmpeq_epi8(v, _mm_set1_epi8('"')));
		t = _mm_or_si128(t, _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
		if ((mask = _mm_movemask_epi8(t)) != 0)
			return (i + (size_t)__builtin_ctz((unsigned)mask));
		i += 16;
	}
#endif
	while (i + 8 <= len) {
		memcpy(&w, s + i, 8);
		q = w ^ (0x22 * ones);
		b = w ^ (0x5c * ones);
		if ((((w - 0x20 * ones) & ~w) | ((q - ones) & ~q) |
		    ((b - ones) & ~b)) & highs)
			break;
		i += 8;
	}
	while (i < len && s[i] >= 0x20 && s[i] != '"' && s[i] != '\\')
		i++;
	return (i);
}

/* A JSON string (RFC 8259 section 7); the input is valid UTF-8. */
static void
json_str(struct out *o, const char *s)
{
	static const char	 hex[] = "0123456789abcdef";
	size_t			 len, n;
	char			 u[6];

	if (s == NULL) {
		out_lit(o, "null");
		return;
	}
	len = strlen(s);
	out_lit(o, "\"");
	for (;;) {
		n = plain_run((const unsigned char *)s, len);
		out_add(o, s, n);
		s += n;
		if ((len -= n) == 0)
			break;
		switch (*s) {
		case '"': out_lit(o, "\\\""); break;
		case '\\': out_lit(o, "\\\\"); break;
		case '\n': out_lit(o, "\\n"); break;
		case '\t': out_lit(o, "\\t"); break;
		case '\r': out_lit(o, "\\r"); break;
		default:
			memcpy(u, "\\u00", 4);
			u[4] = hex[(unsigned char)*s >> 4];
			u[5] = hex[(unsigned char)*s & 0xf];
			out_add(o, u, 6);
			break;
		}
		s++;
		len--;
	}
	out_lit(o, "\"");
}

static void
json_date(struct out *o, int64_t t)
{
	char	buf[21];

	if (t == FEED_TIME_NONE) {
		out_lit(o, "null");
		return;
	}
	feed_date_format(t, buf);
	json_str(o, buf);
}

/* "k": v, with the separator unless last (k needs no escaping). */
static void
json_key(struct out *o, const char *k, const char *v, int last)
{
	out_lit(o, "\"");
	out_add(o, k, strlen(k));
	out_lit(o, "\": ");
	json_str(o, v);
	if (!last)
		out_lit(o, ", ");
}

static void
json_int(struct out *o, long long v)
{
	char	buf[24];
	int	n;

	n = snprintf(buf, sizeof buf, "%lld", v);
	out_add(o, buf, (size_t)n);
}

static void
json_item(struct out *o, const struct feed_item *it)
{
	static const char *const ctypes[] = { NULL, "html", "text" };
	size_t	i;

	out_lit(o, "{");
	json_key(o, "guid", it->guid, 0);
	json_key(o, "title", it->title, 0);
	json_key(o, "link", it->link, 0);
	json_key(o, "author", it->author, 0);
	out_lit(o, "\"published\": ");
	json_date(o, it->published);
	out_lit(o, ", \"updated\": ");
	json_date(o, it->updated);
	out_lit(o, ", ");
	json_key(o, "summary", it->summary, 0);
	json_key(o, "content", it->content, 0);
	json_key(o, "content_type", ctypes[it->content_type], 0);
	out_lit(o, "\"categories\": [");
	for (i = 0; i < it->ncategories; i++) {
		if (i > 0)
			out_lit(o, ", ");
		json_str(o, it->categories[i]);
	}
	out_lit(o, "], \"enclosures\": [");
	for (i = 0; i < it->nenclosures; i++) {
		if (i > 0)
			out_lit(o, ", ");
		out_lit(o, "{");
		json_key(o, "url", it->enclosures[i].url, 0);
		json_key(o, "type", it->enclosures[i].type, 0);
		out_lit(o, "\"length\": ");
		if (it->enclosures[i].length < 0)
			out_lit(o, "null");
		else
			json_int(o, (long long)it->enclosures[i].length);
		out_lit(o, "}");
	}
	out_lit(o, "], ");
	json_key(o, "comments", it->comments, 1);
	out_lit(o, "}");
}

void
feed_json_write(const struct feed_doc *d, FILE *f)
{
	struct out		*o = xmalloc(sizeof *o);	/* 64 KiB */
	const struct feed_meta	*m = &d->meta;
	size_t			 i;

	o->f = f;
	o->len = 0;
	out_lit(o, "{\"format\": ");
	json_str(o, feed_doc_format_name(d->format));
	out_lit(o, ",\n \"feed\": {");
	json_key(o, "title", m->title, 0);
	json_key(o, "link", m->link, 0);
	json_key(o, "description", m->description, 0);
	json_key(o, "language", m->language, 0);
	out_lit(o, "\"updated\": ");
	json_date(o, m->updated);
	out_lit(o, ", ");
	json_key(o, "author", m->author, 0);
	json_key(o, "generator", m->generator, 0);
	json_key(o, "image", m->image, 1);
	out_lit(o, "},\n \"items\": [");
	for (i = 0; i < d->nitems; i++) {
		if (i > 0)
			out_lit(o, ",\n  ");
		else
			out_lit(o, "\n  ");
		json_item(o, &d->items[i]);
	}
	out_lit(o, "],\n \"errors\": [");
	for (i = 0; i < d->nerrors; i++) {
		if (i > 0)
			out_lit(o, ", ");
		json_str(o, d->errors[i]);
	}
	out_lit(o, "]}\n");
	out_flush(o);
	free(o);
}
