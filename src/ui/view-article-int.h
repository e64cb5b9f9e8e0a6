/* Between the article view and its body (render, or a plain fallback). */
#ifndef TIDINGS_UI_VIEW_ARTICLE_INT_H
#define TIDINGS_UI_VIEW_ARTICLE_INT_H

#include <stddef.h>

struct db_view_article;
struct view_article;
struct ui_links;

/* Line and span attributes (the values of render.h's RENDER_ATTR_*). */
#define VA_ATTR_BOLD		0x01
#define VA_ATTR_ITALIC		0x02
#define VA_ATTR_UNDERLINE	0x04
#define VA_ATTR_LINK		0x08
#define VA_ATTR_CODE		0x10
#define VA_ATTR_HEADING		0x20
#define VA_ATTR_QUOTE		0x40
#define VA_ATTR_IMAGE		0x80
#define VA_ATTR_LABEL		0x100	/* a header label */

struct va_span {
	size_t	off;
	size_t	len;
	int	attr;
};

struct va_line {
	char		*text;
	int		 attr;
	struct va_span	*spans;
	size_t		 nspans;
};

typedef void va_add_fn(struct view_article *, const char *, int,
    const struct va_span *, size_t);

struct va_body;

struct va_body	*view_article_body_new(const struct db_view_article *,
		    char **cause);
void		 view_article_body_free(struct va_body *);
/* Lay the body out at width, handing each line to add(va, ...). */
void		 view_article_body_lines(struct va_body *, int width,
		    va_add_fn *add, struct view_article *);
/* The body's links ([n] in the text is entry n), then the enclosures
 * and the article's link; ui_links_free() frees them. */
void		 view_article_body_links(const struct db_view_article *,
		    const struct va_body *, struct ui_links *);
size_t		 view_article_body_link_number(const struct ui_links *,
		    const char *url);
/* Draw one laid-out line with its attributes. */
void		 view_article_body_draw_line(int y, int width,
		    const struct va_line *, int base);

#endif
