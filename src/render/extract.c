/*
 * Full-text extraction: find the article in a web page (issue 5).
 *
 * The readability approach, on gumbo's tree: paragraphs score by length
 * and commas, the score flows to their parent and, halved, to the
 * grandparent; class and id words (content, post, entry against nav,
 * sidebar, comment, share...) add or take; link density divides. Where
 * readability is known to fail we do better:
 *  - a page that is a list of stories (teasers with linked headlines) or
 *    has too little prose is declined, not returned as an "article";
 *  - we do not climb from the paragraphs' container to the whole <main>,
 *    and short sibling paragraphs (promos) are not taken along;
 *  - links inside the body ("Read also: ...") are kept, not cleaned;
 *  - author boxes, post navigation, sign-up boxes and ad labels around
 *    the body are trimmed (extract-out.c);
 *  - headline, author and date come from JSON-LD and og: metadata first
 *    (extract-meta.c).
 */
#include "config.h"

#include <ctype.h>
#include <gumbo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "render/extract-int.h"
#include "render/render-int.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

#define X_MAX_DEPTH	512
#define X_MIN_PARA	25	/* chars for a paragraph to score */
#define X_MIN_PROSE	250	/* chars of prose for an article */

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

/* Look at the words of class and id: XN_NEG, XN_POS or both. */
static int
x_class_flags(const GumboNode *g)
{
	const char	*attrs[2] = { "class", "id" }, *v, *p;
	char		 tok[64];
	size_t		 a, n;
	int		 fl = 0;

	for (a = 0; a < 2; a++) {
		if ((v = extract_attr(g, attrs[a])) == NULL)
			continue;
		for (p = v; *p != '\0';) {
			n = 0;
			while (*p != '\0' && !isalnum((unsigned char)*p))
				p++;
			while (*p != '\0' && isalnum((unsigned char)*p)) {
				if (n < sizeof tok - 1)
					tok[n++] = (char)tolower(
					    (unsigned char)*p);
				p++;
			}
			if (n == 0)
				continue;
			tok[n] = '\0';
			if (strncmp(tok, "commentary", 10) == 0 ||
			    x_taxonomy(tok, p))
				continue;
			if (x_word_in(tok, n, neg_exact, sizeof neg_exact /
			    sizeof neg_exact[0], 0) ||
			    x_word_in(tok, n, neg_stem, sizeof neg_stem /
			    sizeof neg_stem[0], 1))
				fl |= XN_NEG;
			if (x_word_in(tok, n, pos_exact, sizeof pos_exact /
			    sizeof pos_exact[0], 0))
				fl |= XN_POS;
		}
	}
	if ((v = extract_attr(g, "role")) != NULL) {
		if (strcmp(v, "navigation") == 0 || strcmp(v, "banner") == 0 ||
		    strcmp(v, "complementary") == 0 ||
		    strcmp(v, "contentinfo") == 0 || strcmp(v, "search") == 0 ||
		    strcmp(v, "dialog") == 0 || strcmp(v, "menu") == 0)
			fl |= XN_NEG;
		if (strcmp(v, "main") == 0 || strcmp(v, "article") == 0)
			fl |= XN_POS;
	}
	if ((v = extract_attr(g, "itemprop")) != NULL &&
	    strstr(v, "articleBody") != NULL)
		fl |= XN_POS | XN_ANCHOR | XN_STRONG;
	return (fl);
}

const char *
extract_attr(const GumboNode *g, const char *name)
{
	GumboAttribute	*a;

	if (g->type != GUMBO_NODE_ELEMENT)
		return (NULL);
	a = gumbo_get_attribute(&g->v.element.attributes, name);
	return (a != NULL ? a->value : NULL);
}

/* Elements the walk enters: shown tags that the page does not hide. */
int
extract_entered(const GumboNode *g)
{
	const char	*v;

	if (g->type != GUMBO_NODE_ELEMENT)
		return (0);
	if (html_text_tag_flags(g->v.element.tag) & RTAG_SKIP)
		return (0);
	if (extract_attr(g, "hidden") != NULL)
		return (0);
	if ((v = extract_attr(g, "aria-hidden")) != NULL &&
	    strcasecmp(v, "true") == 0)
		return (0);
	if ((v = extract_attr(g, "style")) != NULL &&
	    (strstr(v, "display:none") != NULL ||
	    strstr(v, "display: none") != NULL))
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
	    !extract_entered(g)))
		return;
	if (html_text_tag_flags(g->v.element.tag) & RTAG_BLOCK)
		buf_addc(b, ' ');
	v = &g->v.element.children;
	for (i = 0; i < v->length; i++)
		x_node_text(v->data[i], b, depth + 1);
}

/* The text of a subtree, sanitised, white space collapsed and trimmed. */
char *
extract_node_text(const GumboNode *g)
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

/* Equal ignoring case, white space and punctuation (ASCII). */
int
extract_same_text(const char *a, const char *b)
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

struct xframe {
	GumboNode	*g;
	size_t		 child;
	int		 idx;
	int		 inlink;
};

/* Mirror the entered elements in preorder, with their own text. */
static int
x_mirror(struct xdoc *xd, char **cause)
{
	struct xframe	*st = NULL, *f;
	struct xnode	*n;
	GumboNode	*c;
	size_t		 sp = 0, ast = 0;
	int		 idx, commas;

	if (xd->out->root == NULL || !extract_entered(xd->out->root))
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
			/* In-page links (#section anchors) are not links
			 * away from the text. */
			st[sp].inlink = (sp > 0 && st[sp - 1].inlink) ||
			    (c->v.element.tag == GUMBO_TAG_A &&
			    extract_attr(c, "href") != NULL &&
			    extract_attr(c, "href")[0] != '#');
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
		} else if (!extract_entered(c))
			c = NULL;
	}
	free(st);
	return (0);
}

static int
x_tag(const struct xdoc *xd, int i)
{
	return (xd->n[i].g->v.element.tag);
}

/* Tags that are never the article: site chrome. */
static int
x_chrome(int tag)
{
	return (tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_ASIDE ||
	    tag == GUMBO_TAG_FOOTER || tag == GUMBO_TAG_HEADER ||
	    tag == GUMBO_TAG_FORM || tag == GUMBO_TAG_MENU);
}

/* Classify: anchors bottom-up, skips top-down, text totals bottom-up. */
static void
x_classify(struct xdoc *xd)
{
	struct xnode	*n, *p;
	int		 i, tag, strong;

	for (i = 0; i < (int)xd->nn; i++) {
		n = &xd->n[i];
		n->flags |= x_class_flags(n->g);
		n->weight = ((n->flags & XN_POS) ? 25 : 0) -
		    ((n->flags & XN_NEG) ? 25 : 0);
		tag = x_tag(xd, i);
		if (tag == GUMBO_TAG_MAIN)
			n->flags |= XN_STRONG;
		if (tag == GUMBO_TAG_MAIN || tag == GUMBO_TAG_H1)
			n->flags |= XN_ANCHOR;
	}
	for (i = (int)xd->nn - 1; i > 0; i--)
		xd->n[xd->n[i].parent].flags |= xd->n[i].flags &
		    (XN_ANCHOR | XN_STRONG);
	for (i = 0; i < (int)xd->nn; i++) {
		n = &xd->n[i];
		tag = x_tag(xd, i);
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
		if (x_chrome(tag) && !strong)
			n->flags |= XN_SKIP;
		else if ((n->flags & XN_NEG) && !(n->flags & XN_ANCHOR))
			n->flags |= XN_SKIP;
	}
	for (i = (int)xd->nn - 1; i >= 0; i--) {
		n = &xd->n[i];
		n->text += n->own;
		n->link += n->ownlink;
		n->itext += n->own;
		n->ilink += n->ownlink;
		if (n->parent < 0 || (n->flags & XN_SKIP))
			continue;
		p = &xd->n[n->parent];
		p->text += n->text;
		p->link += n->link;
		if (html_text_tag_flags(x_tag(xd, i)) & RTAG_BLOCK)
			p->flags |= XN_HASBLOCK;
		else {
			p->itext += n->itext;
			p->ilink += n->ilink;
			p->icommas += n->icommas;
		}
	}
}

static double
x_link_density(const struct xnode *n)
{
	return (n->text == 0 ? 0 : (double)n->link / (double)n->text);
}

static double
x_tag_weight(int tag)
{
	switch (tag) {
	case GUMBO_TAG_DIV: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_SECTION:
		return (5);
	case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE:
		return (3);
	case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL:
	case GUMBO_TAG_DL: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
	case GUMBO_TAG_LI: case GUMBO_TAG_FORM:
		return (-3);
	case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
	case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
	case GUMBO_TAG_TH:
		return (-5);
	default:
		return (0);
	}
}

/* Paragraphs score their ancestors: parent 1, grandparent 1/2, then 1/6. */
static void
x_score(struct xdoc *xd)
{
	static const double	 share[] = { 1, 0.5, 1.0 / 6 };
	struct xnode		*n, *a;
	double			 s;
	int			 i, tag, k, ai;

	for (i = 0; i < (int)xd->nn; i++) {
		n = &xd->n[i];
		tag = x_tag(xd, i);
		if (n->flags & XN_SKIP)
			continue;
		if (tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 ||
		    tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4) {
			if (n->text > 0 && n->link * 10 >= n->text * 6)
				n->flags |= XN_LINKHEAD;
		}
		if (tag == GUMBO_TAG_P || tag == GUMBO_TAG_PRE ||
		    tag == GUMBO_TAG_TD || ((tag == GUMBO_TAG_DIV ||
		    tag == GUMBO_TAG_SECTION || tag == GUMBO_TAG_ARTICLE) &&
		    n->itext >= X_MIN_PARA && !(n->flags & XN_IN_LINK)))
			n->flags |= XN_PARA;
		if (!(n->flags & XN_PARA) || n->itext < X_MIN_PARA)
			continue;
		s = 1 + n->icommas + (double)(n->itext / 100 > 3 ? 3 :
		    n->itext / 100);
		for (k = 0, ai = n->parent; k < 3 && ai >= 0;
		    k++, ai = xd->n[ai].parent) {
			a = &xd->n[ai];
			if (!(a->flags & XN_CAND)) {
				a->flags |= XN_CAND;
				a->score = x_tag_weight(x_tag(xd, ai)) +
				    a->weight;
			}
			a->score += s * share[k];
		}
	}
	for (i = 0; i < (int)xd->nn; i++)
		if (xd->n[i].flags & XN_CAND)
			xd->n[i].score *= 1 - x_link_density(&xd->n[i]);
}

/* Prose: paragraph text outside links, in the subtree of i. */
static size_t
x_prose(const struct xdoc *xd, int i, int *nparas)
{
	size_t	sum = 0;
	int	j;

	for (j = i; j < xd->n[i].end; j++) {
		const struct xnode *n = &xd->n[j];

		if ((n->flags & XN_SKIP) || !(n->flags & XN_PARA) ||
		    n->itext < X_MIN_PARA || n->ilink * 2 > n->itext)
			continue;
		sum += n->itext - n->ilink;
		if (nparas != NULL)
			(*nparas)++;
	}
	return (sum);
}

/*
 * Choose the body: the best candidate, plus those siblings that are
 * content too. Returns the parent whose XN_SELECTED children are the
 * body, or -1.
 */
static int
x_select(struct xdoc *xd)
{
	struct xnode	*t, *s;
	const char	*tc, *sc;
	double		 thresh;
	int		 i, top = -1, p;

	for (i = 0; i < (int)xd->nn; i++) {
		if (!(xd->n[i].flags & XN_CAND) || (xd->n[i].flags & XN_SKIP))
			continue;
		if (top < 0 || xd->n[i].score > xd->n[top].score)
			top = i;
	}
	if (top < 0)
		return (-1);
	t = &xd->n[top];
	p = t->parent;
	if (p < 0) {
		t->flags |= XN_SELECTED;
		return (top);
	}
	thresh = t->score * 0.2 > 10 ? t->score * 0.2 : 10;
	tc = extract_attr(t->g, "class");
	for (i = p + 1; i < xd->n[p].end; i = xd->n[i].end) {
		s = &xd->n[i];
		if (i == top) {
			s->flags |= XN_SELECTED;
			continue;
		}
		if (s->flags & XN_SKIP)
			continue;
		sc = extract_attr(s->g, "class");
		if ((s->flags & XN_CAND) && (s->score +
		    (tc && sc && strcmp(tc, sc) == 0 ? t->score * 0.2 : 0)) >=
		    thresh && x_link_density(s) < 0.3) {
			s->flags |= XN_SELECTED;
			continue;
		}
		/*
		 * Readability also takes short sibling paragraphs without
		 * links; on news pages those are promos. Long ones only.
		 */
		if (x_tag(xd, i) == GUMBO_TAG_P && s->itext >= 80 &&
		    s->ilink * 4 < s->itext)
			s->flags |= XN_SELECTED;
	}
	return (p);
}

/* The most qualifying paragraphs that share one parent. */
static int
x_max_cluster(const struct xdoc *xd, int p)
{
	int	*count, i, j, best = 0, q;

	count = xcalloc(xd->nn, sizeof *count);
	for (i = p + 1; i < xd->n[p].end; i = xd->n[i].end) {
		if (!(xd->n[i].flags & XN_SELECTED))
			continue;
		for (j = i; j < xd->n[i].end; j++) {
			const struct xnode *n = &xd->n[j];

			if ((n->flags & XN_SKIP) || !(n->flags & XN_PARA) ||
			    n->itext < X_MIN_PARA || n->ilink * 2 > n->itext)
				continue;
			q = n->parent;
			if (++count[q] > best)
				best = count[q];
		}
	}
	free(count);
	return (best);
}

/* Is the body a list of stories? Linked headlines or many <article>s. */
static int
x_is_list(const struct xdoc *xd, int p, int nparas)
{
	int	i, j, heads = 0, arts = 0;

	for (i = p + 1; i < xd->n[p].end; i = xd->n[i].end) {
		if (!(xd->n[i].flags & XN_SELECTED))
			continue;
		for (j = i; j < xd->n[i].end; j++) {
			if (xd->n[j].flags & XN_SKIP)
				continue;
			if (xd->n[j].flags & XN_LINKHEAD)
				heads++;
			if (x_tag(xd, j) == GUMBO_TAG_ARTICLE && j != i)
				arts++;
		}
	}
	if (heads < 3 && arts < 3)
		return (0);
	if (heads * 2 >= nparas || arts * 2 >= nparas)
		return (1);
	/*
	 * Long excerpts: still a list when no one container holds half of
	 * the paragraphs (an article keeps its paragraphs together).
	 */
	return (x_max_cluster(xd, p) * 2 < nparas);
}

static void
x_free(struct xdoc *xd)
{
	if (xd->out != NULL)
		gumbo_destroy_output(&kGumboDefaultOptions, xd->out);
	free(xd->n);
	free(xd->title);
	free(xd->author);
	free(xd->published);
	free(xd->site_name);
}

static char *
x_plain(const char *html, const char *title, const char *base,
    char **cause)
{
	struct render_doc	*doc;
	struct render_lines	*rl;
	struct buf		 b;
	size_t			 i, start;

	if (render_doc_new(html, strlen(html), base, NULL, &doc, cause) != 0)
		return (NULL);
	rl = render_doc_wrap(doc, 0, RENDER_WRAP_PLAIN);
	/* The headline once: not again as the body's first line. */
	start = 0;
	if (rl->nlines > 0 && extract_same_text(rl->lines[0].text, title)) {
		start = 1;
		while (start < rl->nlines && rl->lines[start].text[0] == '\0')
			start++;
	}
	buf_init(&b, 0);
	buf_printf(&b, "%s\n\n", title);
	for (i = start; i < rl->nlines; i++) {
		buf_adds(&b, rl->lines[i].text);
		buf_addc(&b, '\n');
	}
	render_lines_free(rl);
	render_doc_free(doc);
	return (buf_detach(&b));
}

int
render_extract(const char *html, size_t len, const char *base_url,
    struct render_article **out, char **cause)
{
	struct xdoc		 xd;
	struct render_article	*a;
	size_t			 prose = 0;
	int			 p, i, nparas = 0;
	char			*body, *text;

	*out = NULL;
	memset(&xd, 0, sizeof xd);
	xd.base = base_url;
	xd.out = gumbo_parse_with_options(&kGumboDefaultOptions, html, len);
	if (x_mirror(&xd, cause) != 0)
		goto fail;
	extract_meta_collect(&xd);
	x_classify(&xd);
	x_score(&xd);
	if ((p = x_select(&xd)) < 0) {
		*cause = xstrdup(_("no article found in the page"));
		goto fail;
	}
	for (i = p + 1; i < xd.n[p].end; i = xd.n[i].end)
		if (xd.n[i].flags & XN_SELECTED)
			prose += x_prose(&xd, i, &nparas);
	if (xd.n[p].flags & XN_SELECTED)
		prose = x_prose(&xd, p, &nparas);
	if (prose < X_MIN_PROSE) {
		*cause = xasprintf(_("no article found in the page (%zu "
		    "characters of text)"), prose);
		goto fail;
	}
	if (x_is_list(&xd, p, nparas)) {
		*cause = xstrdup(_("the page is a list of stories, "
		    "not an article"));
		goto fail;
	}
	extract_out_trim(&xd, p);
	body = extract_out_html(&xd, p);
	if (xd.title == NULL)
		xd.title = xstrdup("");
	if ((text = x_plain(body, xd.title, base_url, cause)) == NULL) {
		free(body);
		goto fail;
	}
	a = xcalloc(1, sizeof *a);
	a->title = xd.title;
	a->author = xd.author;
	a->published = xd.published;
	a->site_name = xd.site_name;
	a->html = body;
	a->text = text;
	xd.title = xd.author = xd.published = xd.site_name = NULL;
	x_free(&xd);
	*out = a;
	return (0);

fail:
	x_free(&xd);
	return (-1);
}

void
render_article_free(struct render_article *a)
{
	if (a == NULL)
		return;
	free(a->title);
	free(a->author);
	free(a->published);
	free(a->site_name);
	free(a->html);
	free(a->text);
	free(a);
}
