/* Private to src/feed: the parser state shared by its files. */
#ifndef TIDINGS_FEED_FEED_INT_H
#define TIDINGS_FEED_FEED_INT_H

#include <expat.h>
#include <iconv.h>
#include <stdbool.h>

#include "feed/feed.h"
#include "util/buf.h"

/* Namespaces we know, by URI (never by prefix). */
enum ns {
	NS_NONE,	/* no namespace */
	NS_RSS,		/* Userland's RSS 0.9x/2.0 namespaces */
	NS_RSS10,	/* http://purl.org/rss/1.0/ */
	NS_RSS090,	/* http://my.netscape.com/rdf/simple/0.9/ */
	NS_RDF,
	NS_ATOM10,
	NS_ATOM03,
	NS_DC,
	NS_DCTERMS,
	NS_CONTENT,
	NS_MEDIA,
	NS_ITUNES,
	NS_XHTML,
	NS_XML,
	NS_OTHER
};

/* What an element is, once its namespace and name are looked up. */
enum el {
	EL_UNKNOWN,
	EL_RSS, EL_RDF, EL_FEED, EL_CHANNEL, EL_ITEM, EL_ENTRY,
	EL_TITLE, EL_LINK, EL_DESCRIPTION, EL_GUID, EL_ID, EL_PUBDATE,
	EL_LASTBUILDDATE, EL_AUTHOR, EL_MANAGINGEDITOR, EL_CATEGORY,
	EL_ENCLOSURE, EL_COMMENTS, EL_LANGUAGE, EL_GENERATOR, EL_IMAGE,
	EL_URL, EL_TTL, EL_TEXTINPUT, EL_SUBTITLE, EL_TAGLINE, EL_SUMMARY,
	EL_CONTENT, EL_PUBLISHED, EL_UPDATED, EL_ISSUED, EL_MODIFIED,
	EL_CREATED, EL_NAME, EL_EMAIL, EL_SOURCE, EL_LOGO, EL_ICON,
	EL_FULLITEM, EL_INFO,
	EL_DC_CREATOR, EL_DC_DATE, EL_DC_SUBJECT, EL_DC_LANGUAGE,
	EL_DC_DESCRIPTION, EL_DC_TITLE, EL_DC_CONTRIBUTOR,
	EL_DCT_ISSUED, EL_DCT_MODIFIED, EL_DCT_CREATED,
	EL_CONTENT_ENCODED, EL_XHTML_BODY, EL_XHTML_DIV,
	EL_MEDIA_CONTENT, EL_MEDIA_THUMBNAIL, EL_MEDIA_DESCRIPTION,
	EL_MEDIA_TITLE, EL_MEDIA_CATEGORY, EL_MEDIA_GROUP,
	EL_ITUNES_AUTHOR, EL_ITUNES_SUMMARY, EL_ITUNES_SUBTITLE,
	EL_ITUNES_CATEGORY, EL_ITUNES_IMAGE, EL_ITUNES_OWNER,
	EL_INSIDE	/* inside markup being captured */
};

/* How a captured element's content is to be read. */
enum cap {
	CAP_NONE,
	CAP_TEXT,	/* plain text: nested tags ignored */
	CAP_HTML,	/* escaped HTML (RSS description, type="html") */
	CAP_MARKUP,	/* inline XHTML: nested elements serialised */
	CAP_BASE64	/* Atom 0.3 mode="base64" */
};

/* What the captured text is: plain text, or HTML to sanitise. */
enum textkind {
	TK_TEXT,
	TK_HTML
};

struct frame {
	enum ns		 ns;
	enum el		 el;
	const char	*base;		/* xml:base in effect (owned if own_base) */
	bool		 own_base;
	bool		 xml_base;	/* base from an xml:base, not the URL */
	const char	*lang;		/* xml:lang in effect (borrowed) */
	char		*own_lang;
	/* The element that started a capture remembers how to read it. */
	enum cap	 cap;
	enum textkind	 kind;
	bool		 skip_div;	/* Atom xhtml: drop the wrapping div */
	int		 div_depth;
	int		 attr;		/* element-specific (e.g. rel, permalink) */
	char		*aux;		/* element-specific string (e.g. href) */
};

/* An element lookup remembered (feed-elements.c). */
#define EL_MEMO_SIZE	64
struct el_memo {
	char		 local[16];
	unsigned	 fam;		/* namespace family; 0: empty slot */
	enum el		 el;
};

struct feed_parser {
	XML_Parser		 xp;
	struct feed_limits	 lim;
	char			*doc_base;	/* the document's location */
	char			*http_charset;

	/* Encoding front end. */
	int			 enc_state;	/* see feed-encoding.c */
	struct buf		 head;		/* bytes kept until sniffed */
	iconv_t			 cd;
	bool			 cp1252;	/* our own windows-1252 decoder */
	char			 carry[8];	/* incomplete multibyte tail */
	size_t			 ncarry;
	struct buf		 raw;		/* the input, for a second pass */
	bool			 raw_overflow;
	bool			 recovering;	/* second, lenient pass */
	bool			 lenient_ok;	/* ASCII-compatible input */
	bool			 input_utf8;	/* ... read as UTF-8 */
	bool			 xml_final;	/* expat had its last bytes */
	bool			 pass_utf8;	/* UTF-8 given to expat as is */
	/* The whole document, when given at once: lines counted here. */
	const char		*whole;
	size_t			 line_off;	/* counted up to here */
	unsigned long		 lines;		/* line breaks before it */

	struct el_memo		 el_memo[EL_MEMO_SIZE];

	/* Element stack. */
	struct frame		*stack;
	size_t			 depth;
	size_t			 stack_cap;
	size_t			 cap_depth;	/* depth of the capturing frame; 0 */
	struct buf		 text;

	/* Results. */
	struct feed_doc		*doc;
	struct feed_item	*cur;		/* item being read, or NULL */
	bool			 cur_dropped;	/* ... past max_items */
	size_t			 dropped_len;	/* ... its capture's length */
	bool			 atom_nons;	/* <feed> without a namespace */
	bool			 guid_permalink;	/* of the current item */
	char			*media_title;	/* ... its media:title */
	char			*source_author;	/* ... its atom:source's author */
	bool			 saw_rss090;	/* RSS 0.90 namespace declared */
	bool			 saw_rss10;	/* RSS 1.0 namespace declared */
	char			*root_name;	/* for "not a feed" */
	bool			 stopped;	/* a fatal error was recorded */
	bool			 stopped_at_end; /* ... one only the end shows */
	bool			 too_many_items;
	bool			 text_overflow;
	int			 html_entity_errors;

	/* JSON Feed (feed-jsonfeed.c). */
	int			 json_state;
	struct buf		 json;
	bool			 json_overflow;
};

/* feed-parser.c */
void	 feed_parser_error(struct feed_parser *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 feed_parser_error_line(struct feed_parser *, unsigned long,
	    const char *, ...)
	    __attribute__((format(printf, 3, 4)));
const char *feed_parser_attr(const char **, enum ns, const char *);
void	 feed_parser_begin_capture(struct feed_parser *, struct frame *,
	    enum cap, enum textkind);
struct frame *feed_parser_parent(struct feed_parser *, size_t);

void	 feed_parser_create_xml(struct feed_parser *, const char *);
int	 feed_parser_xml_feed(struct feed_parser *, const char *, size_t, bool);

/* feed-elements.c */
enum ns	 feed_elements_ns(const char *, size_t);
void	 feed_elements_start(struct feed_parser *, struct frame *, const char *,
	    const char **);
void	 feed_elements_end(struct feed_parser *, struct frame *, const char *,
	    size_t);
void	 feed_elements_finish_item(struct feed_parser *);
void	 feed_elements_finish_doc(struct feed_parser *);

/* feed-encoding.c */
int	 feed_encoding_push(struct feed_parser *, const char *, size_t, bool);
void	 feed_encoding_fini(struct feed_parser *);
unsigned int feed_encoding_cp1252(unsigned char);

/* feed-xmlmem.c */
extern const XML_Memory_Handling_Suite feed_xmlmem_suite;

/* feed-entities.c */
const char *feed_entities_lookup(const char *);

/* feed-html.c */
/*
 * NULL when there is nothing to remove or resolve (the input stands as it
 * is). With a base, relative URLs in links and sources are made absolute
 * against it. The len bytes must be followed by a NUL.
 */
char	*feed_html_sanitize(const char *, size_t, const char *base);
char	*feed_html_to_text(const char *, size_t);
char	*feed_html_escape(const char *, size_t);
bool	 feed_html_looks_like_html(const char *);

/* feed-doc.c */
void	 feed_doc_item_free(struct feed_item *);
void	 feed_doc_meta_free(struct feed_meta *);
void	 feed_doc_add_error(struct feed_doc *, char *);
char	*feed_doc_clean_text(const char *, size_t, bool);
char	*feed_doc_clean_xml(const char *, size_t, bool);

/* feed-jsonfeed.c */
int	 feed_jsonfeed_detect(const void *, size_t);
int	 feed_jsonfeed_push(struct feed_parser *, const void *, size_t, int *);
int	 feed_jsonfeed_active(const struct feed_parser *);
struct feed_doc *feed_jsonfeed_parse(const void *, size_t, const char *,
	    const struct feed_limits *);
struct feed_doc *feed_jsonfeed_finish(struct feed_parser *);

#endif
