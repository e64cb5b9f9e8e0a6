/*
 * HTML to text: the article view's renderer and the full-text extractor.
 *
 * Rendering is two steps so that a resize costs no re-parse: render_doc_new()
 * parses an item's HTML once (gumbo) into a list of blocks and a link list;
 * render_wrap_doc() lays the blocks out for one width, as often as needed.
 * Every string handed out is sanitised UTF-8: no control characters, no
 * escape sequences (util/sanitize.h).
 */
#ifndef TIDINGS_RENDER_RENDER_H
#define TIDINGS_RENDER_RENDER_H

#include <stddef.h>

/* Attributes of a line or of a span inside a line; they combine. */
#define RENDER_ATTR_BOLD	0x01	/* <b>, <strong>, <th> */
#define RENDER_ATTR_ITALIC	0x02	/* <i>, <em>, <cite>, figcaption */
#define RENDER_ATTR_UNDERLINE	0x04	/* <u> */
#define RENDER_ATTR_LINK	0x08	/* the text of a link and its [n] */
#define RENDER_ATTR_CODE	0x10	/* <code>, <pre> */
#define RENDER_ATTR_HEADING	0x20	/* a whole line of <h1>..<h6> */
#define RENDER_ATTR_QUOTE	0x40	/* a whole line inside <blockquote> */
#define RENDER_ATTR_IMAGE	0x80	/* the [image: alt] marker */

/* Ceilings (DESIGN.md: every growable thing has one). 0 = the default. */
struct render_limits {
	size_t	max_text;	/* bytes of text in the block list */
	size_t	max_links;	/* numbered links; the rest are listed as
				   a count at the end of the link list */
	size_t	max_nodes;	/* HTML elements looked at */
};
#define RENDER_DEFAULT_MAX_TEXT		(4u * 1024 * 1024)
#define RENDER_DEFAULT_MAX_LINKS	4096
#define RENDER_DEFAULT_MAX_NODES	(500u * 1000)

/* A run of bytes [off, off + len) of a line's text with attributes. */
struct render_span {
	size_t	off;
	size_t	len;
	int	attr;
};

struct render_line {
	char			*text;		/* UTF-8, prefix included */
	int			 attr;		/* for the whole line */
	struct render_span	*spans;		/* in order, not overlapping */
	size_t			 nspans;
};

struct render_lines {
	struct render_line	*lines;
	size_t			 nlines;
};

/* One entry of the link list; link n of the text is links[n - 1]. */
struct render_link {
	char	*url;		/* absolute when a base URL was given */
	char	*text;		/* the link's text, may be empty */
};

struct render_doc;

/*
 * Parse html (len bytes, UTF-8) into a document; relative links and images
 * are resolved against base_url (may be NULL). limits may be NULL. Returns
 * 0, or -1 with *cause set when a ceiling is hit.
 */
int	 render_doc_new(const char *html, size_t len, const char *base_url,
	    const struct render_limits *limits, struct render_doc **out,
	    char **cause);
void	 render_doc_free(struct render_doc *);

size_t	 render_doc_nlinks(const struct render_doc *);
const struct render_link *render_doc_link(const struct render_doc *, size_t);

/* Flags for render_wrap_doc(). */
#define RENDER_WRAP_LINKLIST	0x1	/* append "Links:" and the list */
#define RENDER_WRAP_PLAIN	0x2	/* no [n] markers, no images, no
					   attributes; blank line between
					   every two blocks (--extract) */

/*
 * Lay the document out in lines of at most width display columns (wcwidth;
 * a width of 0 means no wrapping). Cheap: call it again on every resize.
 */
struct render_lines *render_wrap_doc(const struct render_doc *, int width,
	    int flags);
void	 render_wrap_lines_free(struct render_lines *);

/* Convenience: the lines joined with '\n' (and a final '\n'). */
char	*render_wrap_lines_join(const struct render_lines *);

/* Display width of a UTF-8 string (wcwidth; unprintables count 1). */
size_t	 render_wrap_text_width(const char *, size_t);

/*
 * Full-text extraction: the article of a whole web page.
 */
struct render_article {
	char	*title;		/* headline: JSON-LD, og:, h1, <title> */
	char	*author;	/* may be NULL */
	char	*published;	/* as the page gives it (ISO 8601 mostly) */
	char	*site_name;	/* may be NULL */
	char	*html;		/* the cleaned body as HTML, links absolute:
				   store it, render it with render_doc_new() */
	char	*text;		/* title, blank line, body paragraphs separated
				   by blank lines: the --extract output */
};

/*
 * Extract the article of html (len bytes, UTF-8; convert other charsets
 * first, see render_charset_html()) fetched from base_url (may be NULL).
 * Returns 0 and *out, or -1 and *cause when the page holds no article
 * (a list of stories, too little text) or a ceiling is hit.
 */
int	 extract_article(const char *html, size_t len, const char *base_url,
	    struct render_article **out, char **cause);
void	 extract_article_free(struct render_article *);

/*
 * The same for a page as fetched (len bytes in any charset): refuses what
 * is not HTML, finds the charset (a BOM, then http_charset from the
 * Content-Type (may be NULL), then <meta>), converts and extracts.
 */
int	 extract_page_article(const char *page, size_t len,
	    const char *http_charset, const char *base_url,
	    struct render_article **out, char **cause);

/*
 * The charset a page declares in its first 1024 bytes (<meta charset> or
 * http-equiv Content-Type), as a new string, or NULL (HTML5 prescan).
 */
char	*render_charset_html(const char *html, size_t len);

/*
 * Convert len bytes from charset to UTF-8 (iconv; windows-1252 for
 * ISO-8859-1 and US-ASCII, as browsers do). NULL or UTF-8 charset: a
 * checked copy. Returns NULL and *cause for an unknown charset.
 */
char	*render_charset_to_utf8(const char *s, size_t len, const char *charset,
	    size_t *outlen, char **cause);

#endif
