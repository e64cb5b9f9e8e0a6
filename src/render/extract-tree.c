/*
 * The extractor's view of the page: gumbo's elements mirrored in a flat
 * array in document order, with their text, link text and commas counted,
 * and classified by tag, class, id and role into content and chrome.
 */
#include "config.h"

#include <ctype.h>
#include <gumbo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html/html.h"
#include "render/extract-int.h"
#include "render/render-int.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

#define X_MAX_DEPTH	512

/* Class and id words; a word matches a token exactly or as its stem. */
static const char *neg_exact[] = {
	"ad", "ads", "adv", "meta", "nav", "tag", "tags", "bio", "byline",
	"foot", "rss", "print", "hidden", "skip", "related", "popular",
	"extra", "login", "most", "lede-ad", "dfp", "gpt",
};
static const char *neg_stem[] = {
	"advert", "banner", "breadcrumb", "comment", "cookie", "consent",
	"disqus", "footer", "masthead", "menu", "modal", "navbar",
	"navigation", "newsletter", "outbrain", "pagination", "pager",
	"popup", "promo", "recirc", "recommend", "share", "sharing",
	"sidebar", "signup", "social", "sponsor", "subscri", "taboola",
	"trending", "widget", "author", "toolbar", "mostread", "breaking",
	"teaser",
};
static const char *pos_exact[] = {
	"article", "articlebody", "body", "content", "entry", "main", "page",
	"post", "story", "text", "blog", "hentry", "prose",
};

static int
x_word_in(const char *tok, size_t n, const char **list, size_t nlist,
    int stem)
{
	size_t	i, l;

	for (i = 0; i < nlist; i++) {
		l = strlen(list[i]);
		if (stem ? (n >= l && strncmp(tok, list[i], l) == 0) :
		    (n == l && strncmp(tok, list[i], l) == 0))
			return (1);
	}
	return (0);
}

/*
 * "tag-ferries", "category-news", "author-jane": WordPress's classes
 * naming a post's terms, not a box of tags. Only "tags", "post-tags",
 * "tag-list", "author-box" and the like are boxes.
 */
static int
x_taxonomy(const char *tok, const char *rest)
{
	static const char	*boxes[] = { "list", "cloud", "links", "box",
	    "bio", "info", "wrap", "container", "area", "section" };
	size_t			 i, n;

	if (strcmp(tok, "tag") != 0 && strcmp(tok, "category") != 0 &&
	    strcmp(tok, "author") != 0)
		return (0);
	if ((*rest != '-' && *rest != '_') ||
	    !isalnum((unsigned char)rest[1]))
		return (0);
	rest++;
	for (n = 0; isalnum((unsigned char)rest[n]); n++)
		;
	for (i = 0; i < sizeof boxes / sizeof boxes[0]; i++)
		if (n == strlen(boxes[i]) &&
		    strncasecmp(rest, boxes[i], n) == 0)
			return (0);
	return (1);
}

/*
 * One part of a class or id token: +1 content, -1 chrome, 0 neither.
 * "hidden" and "meta" say chrome only as a whole token: as a part they
 * qualify something else ("field-label-hidden", "hidden-xs").
 */
static int
x_part_hint(const char *part, size_t n, const char *rest, int whole)
{
	if (strncmp(part, "commentary", 10) == 0 || x_taxonomy(part, rest))
		return (0);
	if (!whole && ((n == 6 && strncmp(part, "hidden", 6) == 0) ||
	    (n == 4 && strncmp(part, "meta", 4) == 0)))
		return (0);
	if (x_word_in(part, n, neg_exact, sizeof neg_exact /
	    sizeof neg_exact[0], 0) || x_word_in(part, n, neg_stem,
	    sizeof neg_stem / sizeof neg_stem[0], 1))
		return (-1);
	if (x_word_in(part, n, pos_exact, sizeof pos_exact /
	    sizeof pos_exact[0], 0))
		return (1);
	return (0);
}

/*
 * The hint of one whitespace-separated token, split into parts at
 * punctuation and at camelCase ("PageBuilder-pageRow" is page, builder,
 * page, row). The last part names what the element is and counts twice:
 * "article-body" is content, "post-meta" and "sidebar-widget" are
 * chrome, "l-sidebar-fixed" or "elementor-widget-container" only hint
 * at it (-1), and "comment-content" (+1) is content of a comment.
 */
static int
x_token_hint(const char *v, size_t len)
{
	char	 tok[64];
	size_t	 i, n, start, nparts = 0;
	int	 h, last = 0, sum = 0;
	const char *rest;

	for (i = 0; i < len;) {
		n = 0;
		while (i < len && !isalnum((unsigned char)v[i]))
			i++;
		start = i;
		while (i < len && isalnum((unsigned char)v[i])) {
			if (n > 0 && isupper((unsigned char)v[i]) &&
			    islower((unsigned char)v[i - 1]))
				break;
			if (n < sizeof tok - 1)
				tok[n++] = (char)tolower((unsigned char)v[i]);
			i++;
		}
		if (n == 0)
			continue;
		tok[n] = '\0';
		nparts++;
		rest = i < len ? v + i : "";
		h = x_part_hint(tok, n, rest, start == 0 && i == len);
		sum += h;
		last = h;
	}
	if (nparts <= 1)
		return (2 * last);
	sum += last;
	return (sum > 2 ? 2 : sum < -2 ? -2 : sum);
}

/*
 * An id of four or more lower-case words ("sharing-with-a-single-
 * developer") is a heading's anchor, made of its words, and says nothing
 * of what the block is.
 */
static int
x_slug(const char *v, size_t len)
{
	size_t	i, parts = 1;

	for (i = 0; i < len; i++) {
		if (v[i] == '-')
			parts++;
		else if (!islower((unsigned char)v[i]) &&
		    !isdigit((unsigned char)v[i]))
			return (0);
	}
	return (parts >= 4);
}

/*
 * Weigh the words of class, id and role: the sum of the tokens' hints,
 * -2 or less chrome, -1 a hint of chrome, 1 or more content.
 */
static int
x_class_hint(const GumboNode *g, int *flags)
{
	const char	*attrs[2] = { "class", "id" }, *v, *p, *e;
	size_t		 a;
	int		 sum = 0;

	for (a = 0; a < 2; a++) {
		if ((v = extract_tree_attr(g, attrs[a])) == NULL)
			continue;
		for (p = v; *p != '\0'; p = e) {
			while (isspace((unsigned char)*p))
				p++;
			for (e = p; *e != '\0' && !isspace((unsigned char)*e);
			    e++)
				;
			if (e > p && !(a == 1 && x_slug(p, (size_t)(e - p))))
				sum += x_token_hint(p, (size_t)(e - p));
		}
	}
	if ((v = extract_tree_attr(g, "role")) != NULL) {
		if (strcmp(v, "navigation") == 0 || strcmp(v, "banner") == 0 ||
		    strcmp(v, "complementary") == 0 ||
		    strcmp(v, "contentinfo") == 0 || strcmp(v, "search") == 0 ||
		    strcmp(v, "dialog") == 0 || strcmp(v, "menu") == 0)
			sum -= 2;
		if (strcmp(v, "main") == 0 || strcmp(v, "article") == 0)
			sum += 2;
	}
	if ((v = extract_tree_attr(g, "itemprop")) != NULL &&
	    strstr(v, "articleBody") != NULL) {
		*flags |= XN_ANCHOR | XN_STRONG;
		sum += 2;
	}
	if (sum <= -1)
		*flags |= XN_NEG;
	if (sum >= 1)
		*flags |= XN_POS;
	return (sum);
}

const char *
extract_tree_attr(const GumboNode *g, const char *name)
{
	GumboAttribute	*a;

	if (g->type != GUMBO_NODE_ELEMENT)
		return (NULL);
	a = gumbo_get_attribute(&g->v.element.attributes, name);
	return (a != NULL ? a->value : NULL);
}

/*
 * Does an inline style hide the element (display: none, visibility:
 * hidden)? White space and case ignored, as CSS does.
 */
static int
x_style_hides(const char *v)
{
	char	t[512];
	size_t	n = 0;

	for (; *v != '\0' && n < sizeof t - 1; v++)
		if (!isspace((unsigned char)*v))
			t[n++] = (char)tolower((unsigned char)*v);
	t[n] = '\0';
	return (strstr(t, "display:none") != NULL ||
	    strstr(t, "visibility:hidden") != NULL);
}

/* Elements the walk enters: shown tags that the page does not hide. */
int
extract_tree_entered(const GumboNode *g)
{
	const char	*v;

	if (g->type != GUMBO_NODE_ELEMENT)
		return (0);
	if (render_doc_tag_hidden(g->v.element.tag))
		return (0);
	if (extract_tree_attr(g, "hidden") != NULL)
		return (0);
	if ((v = extract_tree_attr(g, "aria-hidden")) != NULL &&
	    strcasecmp(v, "true") == 0)
		return (0);
	if ((v = extract_tree_attr(g, "style")) != NULL && x_style_hides(v))
		return (0);
	return (1);
}

static void
x_node_text(const GumboNode *g, struct buf *b, int depth)
{
	const GumboVector	*v;
	size_t			 i;

	if (depth > X_MAX_DEPTH)
		return;
	if (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_WHITESPACE ||
	    g->type == GUMBO_NODE_CDATA) {
		buf_adds(b, g->v.text.text);
		return;
	}
	/* The walk starts where asked, even at a <title>. */
	if (g->type != GUMBO_NODE_ELEMENT || (depth > 0 &&
	    !extract_tree_entered(g)))
		return;
	if (html_tags_flags(g->v.element.tag) & HTML_TAG_BLOCK)
		buf_addc(b, ' ');
	v = &g->v.element.children;
	for (i = 0; i < v->length; i++)
		x_node_text(v->data[i], b, depth + 1);
}

/* The text of a subtree, sanitised, white space collapsed and trimmed. */
char *
extract_tree_text(const GumboNode *g)
{
	struct buf	 b;
	char		*s, *p, *q;

	buf_init(&b, 0);
	buf_add(&b, "", 0);
	x_node_text(g, &b, 0);
	s = sanitize_text(b.data, b.len, 0);
	buf_fini(&b);
	for (p = q = s; *p != '\0'; p++) {
		if (*p == ' ' && (q == s || q[-1] == ' '))
			continue;
		*q++ = *p;
	}
	while (q > s && q[-1] == ' ')
		q--;
	*q = '\0';
	return (s);
}

/*
 * The body's parts under p in document order: the next XN_SELECTED
 * element after i (p to begin with) and outside it, or -1.
 */
int
extract_tree_next(const struct xdoc *xd, int p, int i)
{
	int	j;

	for (j = i == p ? p + 1 : xd->n[i].end; j < xd->n[p].end; j++)
		if (xd->n[j].flags & XN_SELECTED)
			return (j);
	return (-1);
}

/* Equal ignoring case, white space and punctuation (ASCII). */
int
extract_tree_same(const char *a, const char *b)
{
	for (;;) {
		while (*a != '\0' && (unsigned char)*a < 0x80 &&
		    !isalnum((unsigned char)*a))
			a++;
		while (*b != '\0' && (unsigned char)*b < 0x80 &&
		    !isalnum((unsigned char)*b))
			b++;
		if (*a == '\0' || *b == '\0')
			return (*a == *b);
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return (0);
		a++;
		b++;
	}
}

/* Characters of a text node, white-space runs counting one; commas. */
static void
x_count(const char *s, size_t *chars, int *commas)
{
	int	sp = 1;

	for (; *s != '\0'; s++) {
		if (isspace((unsigned char)*s)) {
			if (!sp)
				(*chars)++;
			sp = 1;
			continue;
		}
		sp = 0;
		if (((unsigned char)*s & 0xc0) != 0x80)
			(*chars)++;
		if (*s == ',' || strncmp(s, "\xef\xbc\x8c", 3) == 0 ||
		    strncmp(s, "\xe3\x80\x81", 3) == 0)
			(*commas)++;
	}
}

/*
 * A link away from the text. In-page links (#section anchors) and
 * javascript: links that scripts replace are not.
 */
static int
x_link_away(const GumboNode *c)
{
	const char	*h;

	if (c->v.element.tag != GUMBO_TAG_A ||
	    (h = extract_tree_attr(c, "href")) == NULL)
		return (0);
	h += strspn(h, " \t\n\f\r");
	return (h[0] != '#' && strncasecmp(h, "javascript:", 11) != 0);
}

struct xframe {
	GumboNode	*g;
	size_t		 child;
	int		 idx;
	int		 inlink;
};

/* Mirror the entered elements in preorder, with their own text. */
int
extract_tree_mirror(struct xdoc *xd, char **cause)
{
	struct xframe	*st = NULL, *f;
	struct xnode	*n;
	GumboNode	*c;
	size_t		 sp = 0, ast = 0;
	int		 idx, commas;

	if (xd->out->root == NULL || !extract_tree_entered(xd->out->root))
		return (0);
	for (c = xd->out->root;;) {
		if (c != NULL) {
			if (xd->nn >= RENDER_DEFAULT_MAX_NODES) {
				*cause = xasprintf(_("more than %zu HTML "
				    "elements"), (size_t)RENDER_DEFAULT_MAX_NODES);
				free(st);
				return (-1);
			}
			if (sp >= X_MAX_DEPTH) {
				*cause = xasprintf(_("HTML nested more than "
				    "%d deep"), X_MAX_DEPTH);
				free(st);
				return (-1);
			}
			if (xd->nn == xd->an) {
				xd->an = xd->an ? xd->an * 2 : 256;
				xd->n = xreallocarray(xd->n, xd->an,
				    sizeof *xd->n);
			}
			idx = (int)xd->nn++;
			n = &xd->n[idx];
			memset(n, 0, sizeof *n);
			n->g = c;
			n->parent = sp > 0 ? st[sp - 1].idx : -1;
			n->depth = (int)sp;
			if (sp == ast) {
				ast = ast ? ast * 2 : 64;
				st = xreallocarray(st, ast, sizeof *st);
			}
			st[sp].g = c;
			st[sp].child = 0;
			st[sp].idx = idx;
			st[sp].inlink = (sp > 0 && st[sp - 1].inlink) ||
			    x_link_away(c);
			if (st[sp].inlink)
				n->flags |= XN_IN_LINK;
			sp++;
			c = NULL;
		}
		if (sp == 0)
			break;
		f = &st[sp - 1];
		if (f->child == f->g->v.element.children.length) {
			xd->n[f->idx].end = (int)xd->nn;
			sp--;
			continue;
		}
		c = f->g->v.element.children.data[f->child++];
		if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA ||
		    c->type == GUMBO_NODE_WHITESPACE) {
			n = &xd->n[f->idx];
			commas = 0;
			if (f->inlink)
				x_count(c->v.text.text, &n->ownlink, &commas);
			x_count(c->v.text.text, &n->own, &commas);
			n->icommas += commas;
			c = NULL;
		} else if (!extract_tree_entered(c))
			c = NULL;
	}
	free(st);
	return (0);
}

/* Tags that are never the article: site chrome, a form's controls. */
static int
x_chrome(int tag)
{
	return (tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_ASIDE ||
	    tag == GUMBO_TAG_FOOTER || tag == GUMBO_TAG_HEADER ||
	    tag == GUMBO_TAG_FORM || tag == GUMBO_TAG_MENU ||
	    tag == GUMBO_TAG_BUTTON || tag == GUMBO_TAG_SELECT ||
	    tag == GUMBO_TAG_TEXTAREA);
}

/* Classify: anchors bottom-up, skips top-down, text totals bottom-up. */
void
extract_tree_classify(struct xdoc *xd)
{
	struct xnode	*n, *p;
	size_t		 total;
	int		 i, tag, strong;

	for (i = 0; i < (int)xd->nn; i++) {
		n = &xd->n[i];
		n->hint = x_class_hint(n->g, &n->flags);
		n->weight = n->hint >= 1 ? 25 : n->hint <= -2 ? -25 :
		    n->hint == -1 ? -10 : 0;
		tag = XTAG(xd, i);
		if (tag == GUMBO_TAG_MAIN)
			n->flags |= XN_STRONG;
		if (tag == GUMBO_TAG_MAIN || tag == GUMBO_TAG_H1)
			n->flags |= XN_ANCHOR;
	}
	/*
	 * Running text outside links, skips not yet known: what a block
	 * holds. Items of lists and captions (a gallery's legends) are not
	 * running text.
	 */
	for (i = 0; i < (int)xd->nn; i++) {
		n = &xd->n[i];
		tag = XTAG(xd, i);
		if ((n->parent >= 0 && (xd->n[n->parent].flags & XN_ITEM)) ||
		    tag == GUMBO_TAG_LI || tag == GUMBO_TAG_DD ||
		    tag == GUMBO_TAG_DT || tag == GUMBO_TAG_FIGCAPTION)
			n->flags |= XN_ITEM;
		else
			n->raw = n->own - n->ownlink;
	}
	for (i = (int)xd->nn - 1; i > 0; i--) {
		xd->n[xd->n[i].parent].flags |= xd->n[i].flags &
		    (XN_ANCHOR | XN_STRONG);
		xd->n[xd->n[i].parent].raw += xd->n[i].raw;
	}
	total = xd->nn > 0 ? xd->n[0].raw : 0;
	for (i = 0; i < (int)xd->nn; i++) {
		n = &xd->n[i];
		tag = XTAG(xd, i);
		if (n->parent >= 0 && (xd->n[n->parent].flags & XN_SKIP)) {
			n->flags |= XN_SKIP;
			continue;
		}
		if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY ||
		    tag == GUMBO_TAG_MAIN || tag == GUMBO_TAG_ARTICLE)
			continue;
		/* A wrapper around the main content is never dropped. */
		strong = (n->flags & XN_STRONG) != 0;
		/* ASP.NET pages wrap all of the page in one <form>. */
		if (tag == GUMBO_TAG_FORM && (n->flags & XN_ANCHOR))
			strong = 1;
		/*
		 * A class that only hints at chrome never vetoes the block
		 * holding most of the page's text.
		 */
		if (x_chrome(tag) && !strong)
			n->flags |= XN_SKIP;
		else if ((n->flags & XN_NEG) && !(n->flags & XN_ANCHOR) &&
		    (n->hint <= -2 || n->raw * 2 < total))
			n->flags |= XN_SKIP;
	}
	for (i = (int)xd->nn - 1; i >= 0; i--) {
		n = &xd->n[i];
		n->text += n->own;
		n->link += n->ownlink;
		n->itext += n->own;
		n->ilink += n->ownlink;
		if (n->flags & XN_SKIP)
			continue;
		tag = XTAG(xd, i);
		if (tag == GUMBO_TAG_IMG || tag == GUMBO_TAG_SVG ||
		    tag == GUMBO_TAG_VIDEO || tag == GUMBO_TAG_FIGURE)
			n->flags |= XN_HASIMG;
		xd->live += n->own - n->ownlink;
		if (n->parent < 0)
			continue;
		p = &xd->n[n->parent];
		p->text += n->text;
		p->link += n->link;
		p->flags |= n->flags & XN_HASIMG;
		if (html_tags_flags(XTAG(xd, i)) & HTML_TAG_BLOCK)
			p->flags |= XN_HASBLOCK;
		else {
			p->itext += n->itext;
			p->ilink += n->ilink;
			p->icommas += n->icommas;
		}
	}
}
