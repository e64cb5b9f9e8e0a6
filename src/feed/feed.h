/*
 * The feed parser: bytes in, a feed and its items out. No I/O of its own,
 * so the fetcher can push chunks as they arrive from the network.
 *
 *	struct feed_parser *p = feed_parser_new(url, charset, NULL);
 *	while ((n = read(...)) > 0)
 *		feed_parser_push(p, buf, n);
 *	struct feed_doc *doc = feed_parser_finish(p);	(p is freed)
 *	... feed_doc_free(doc);
 */
#ifndef TIDINGS_FEED_FEED_H
#define TIDINGS_FEED_FEED_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum feed_format {
	FEED_FORMAT_UNKNOWN,
	FEED_FORMAT_RSS20,
	FEED_FORMAT_RSS10,
	FEED_FORMAT_RSS09X,
	FEED_FORMAT_ATOM10,
	FEED_FORMAT_ATOM03,
	FEED_FORMAT_JSON10,
	FEED_FORMAT_JSON11
};

enum feed_content_type {
	FEED_CONTENT_NONE,
	FEED_CONTENT_HTML,
	FEED_CONTENT_TEXT
};

/* A time that the feed did not give (or gave as garbage). */
#define FEED_TIME_NONE	INT64_MIN

struct feed_enclosure {
	char	*url;
	char	*type;		/* NULL when absent */
	int64_t	 length;	/* -1 when absent */
};

/* Every string is UTF-8 with control characters removed, or NULL. */
struct feed_item {
	char			*guid;
	char			*title;		/* plain text */
	char			*link;		/* absolute */
	char			*author;	/* a name (or an e-mail) */
	int64_t			 published;	/* Unix time, or FEED_TIME_NONE */
	int64_t			 updated;
	char			*summary;	/* HTML */
	char			*content;	/* HTML */
	enum feed_content_type	 content_type;
	char			**categories;
	size_t			 ncategories;
	struct feed_enclosure	*enclosures;
	size_t			 nenclosures;
	char			*comments;
};

struct feed_meta {
	char	*title;
	char	*link;
	char	*description;
	char	*language;
	int64_t	 updated;	/* last change (lastBuildDate wins) */
	int64_t	 published;	/* RSS pubDate: not in the --parse JSON,
				 * whose feed object has no such field */
	char	*author;
	char	*generator;
	char	*image;
	int	 ttl;		/* minutes (RSS <ttl>), -1 when absent */
};

struct feed_doc {
	enum feed_format	 format;
	struct feed_meta	 meta;
	struct feed_item	*items;
	size_t			 nitems;
	char			**errors;	/* "line N: message" */
	size_t			 nerrors;
};

/* Limits on what one document may make us hold; 0 means the default. */
struct feed_limits {
	size_t	max_text;	/* bytes in one text field (default 1 MiB) */
	size_t	max_items;	/* items kept from one document (10000) */
	size_t	max_depth;	/* element nesting (256) */
};

struct feed_parser;

/*
 * base_url: the document's location, for relative links (may be NULL).
 * charset: from the HTTP Content-Type, overriding the document's own
 * declaration as RFC 7303 says (may be NULL). limits may be NULL.
 */
struct feed_parser	*feed_parser_new(const char *base_url,
			    const char *charset, const struct feed_limits *);
/*
 * Returns 0, or -1 once the document is known to be broken. Keep pushing
 * the rest all the same: what was read is kept, and a lenient second pass
 * at finish time reads the whole document again to get further.
 */
int			 feed_parser_push(struct feed_parser *, const void *,
			    size_t);
/* End of input: returns the document and frees the parser. */
struct feed_doc		*feed_parser_finish(struct feed_parser *);
void			 feed_parser_free(struct feed_parser *);

struct feed_doc		*feed_parser_parse_buffer(const void *, size_t,
			    const char *base_url, const char *charset,
			    const struct feed_limits *);
void			 feed_doc_free(struct feed_doc *);
const char		*feed_doc_format_name(enum feed_format);

/* The --parse JSON of DESIGN.md. */
void			 feed_json_write(const struct feed_doc *, FILE *);

/* Dates: RFC 822/2822 and RFC 3339/W3CDTF to Unix time, or FEED_TIME_NONE. */
int64_t			 feed_date_parse(const char *);
/* Unix time as "YYYY-MM-DDTHH:MM:SSZ" into out[21]. */
void			 feed_date_format(int64_t, char out[21]);

/*
 * The feeds a web page links to (<link rel="alternate"> of an RSS, Atom
 * or JSON Feed type), absolute against page_url, in page order: *out gets
 * the array (free each and it), the count is returned.
 */
size_t			 feed_discover_links(const char *, size_t,
			    const char *page_url, char ***out);

/* The libraries' versions, for --version. */
const char	*feed_parser_expat_version(void);
const char	*feed_html_gumbo_version(void);

#endif
