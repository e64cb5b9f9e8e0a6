/* Private to src/render: the block list between parsing and wrapping. */
#ifndef TIDINGS_RENDER_RENDER_INT_H
#define TIDINGS_RENDER_RENDER_INT_H

#include <stddef.h>

#include "render/render.h"

/* What a block is. */
#define RBLOCK_TEXT	0	/* collapsed inline text, '\n' = <br> */
#define RBLOCK_PRE	1	/* verbatim lines */
#define RBLOCK_RULE	2	/* <hr> */

/* How a block is separated from the one before it. */
#define RBLOCK_SEP_NONE		0	/* the first block */
#define RBLOCK_SEP_SOFT		1	/* new line (<div>); plain: blank */
#define RBLOCK_SEP_LINE		2	/* new line (list item, table row) */
#define RBLOCK_SEP_BLANK	3	/* blank line (paragraph margins) */

/* Span attributes that only the wrapper sees. */
#define RSPAN_MARKER	0x1000	/* a [n] link marker: dropped when plain */

struct rblock {
	int			 kind;
	int			 sep;
	int			 attr;		/* RENDER_ATTR_* for its lines */
	char			*prefix1;	/* before the first line */
	char			*prefixn;	/* before the other lines */
	char			*text;
	size_t			 len;
	struct render_span	*spans;
	size_t			 nspans;
};

struct render_doc {
	struct rblock		*blocks;
	size_t			 nblocks;
	struct render_link	*links;
	size_t			 nlinks;
	size_t			 links_over;	/* past max_links: no number */
};

/*
 * render-doc.c: whether the article view never shows an element (script,
 * style, head, embedded media, form controls...); the extractor skips the
 * same ones.
 */
int	render_doc_tag_hidden(int gumbo_tag);

#endif
