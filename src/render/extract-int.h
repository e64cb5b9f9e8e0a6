/* Private to the extractor (extract*.c): a flat mirror of the gumbo tree. */
#ifndef TIDINGS_RENDER_EXTRACT_INT_H
#define TIDINGS_RENDER_EXTRACT_INT_H

#include <gumbo.h>
#include <stddef.h>

#include "render/render.h"

/* Flags of a mirrored element. */
#define XN_SKIP		0x0001	/* not content: its whole subtree goes */
#define XN_NEG		0x0002	/* class, id or role says "not content" */
#define XN_POS		0x0004	/* class, id or itemprop says "content" */
#define XN_ANCHOR	0x0008	/* main, articleBody or h1 inside */
#define XN_PARA		0x0010	/* paragraph-like: scored */
#define XN_UNIT		0x0020	/* a block of output (trimming unit) */
#define XN_DROP		0x0040	/* trimmed from the output */
#define XN_LINKHEAD	0x0080	/* a heading that is mostly a link */
#define XN_IN_LINK	0x0100	/* inside an <a> */
#define XN_HASBLOCK	0x0200	/* has a block-level child */
#define XN_CAND		0x0400	/* touched by scoring */
#define XN_SELECTED	0x0800	/* part of the chosen body */
#define XN_STRONG	0x1000	/* main or articleBody inside */
#define XN_ITEM		0x2000	/* in a list item or a caption */
#define XN_HASIMG	0x4000	/* an image or a video inside */

/*
 * Elements in document order (preorder): the subtree of i is the index
 * range [i, end), so "is a descendant" is two comparisons.
 */
struct xnode {
	GumboNode	*g;
	int		 parent;	/* -1 for the root */
	int		 end;
	int		 depth;
	int		 flags;
	int		 hint;		/* class/id/role: <0 chrome, >0 content */
	int		 weight;	/* class/id weight, +-25 */
	size_t		 raw;		/* text outside links, nothing skipped */
	size_t		 own;		/* chars of text directly inside */
	size_t		 ownlink;	/* of which inside a link */
	size_t		 text;		/* chars in the subtree, unskipped */
	size_t		 link;		/* of which inside links */
	size_t		 itext;		/* inline text: own + inline kids */
	size_t		 ilink;
	int		 icommas;
	double		 score;
};

struct xdoc {
	GumboOutput	*out;
	struct xnode	*n;
	size_t		 nn, an;
	const char	*base;
	size_t		 live;		/* text outside links, unskipped */
	int		 cut_unit;	/* element whose children stop... */
	size_t		 cut_child;	/* ...at this one (a closing line) */

	/* Metadata (extract-meta.c). */
	char		*title, *author, *published, *site_name;
	int		 ld_article;	/* JSON-LD or og:type says article */
};

#define X_MIN_PARA	25	/* chars for a paragraph to score */
#define XTAG(xd, i)	((int)(xd)->n[(i)].g->v.element.tag)

/* extract-tree.c */
int	 extract_tree_mirror(struct xdoc *, char **);
void	 extract_tree_classify(struct xdoc *);
int	 extract_tree_entered(const GumboNode *);
const char *extract_tree_attr(const GumboNode *, const char *);
char	*extract_tree_text(const GumboNode *);
int	 extract_tree_same(const char *, const char *);
int	 extract_tree_next(const struct xdoc *, int, int);

/* extract-meta.c */
void	 extract_meta_collect(struct xdoc *);

/* extract-out.c */
void	 extract_out_trim(struct xdoc *, int);
char	*extract_out_html(struct xdoc *, int);

#endif
