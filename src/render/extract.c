/*
 * Full-text extraction: find the article in a web page.
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

#include <gumbo.h>
#include <stdlib.h>
#include <string.h>

#include "render/extract-int.h"
#include "render/render-int.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

#define X_MIN_PROSE	250	/* chars of prose for an article */
#define X_MIN_SHORT	50	/* ...or of a page that is all article */
#define X_ITEM_PROSE	300	/* chars of prose a listicle's item */
#define X_ALT		5	/* near-best candidates looked at */

static double
x_link_density(const struct xnode *n)
{
	return (n->text == 0 ? 0 : (double)n->link / (double)n->text);
}

/*
 * Readability's scoring, by tag: what the tag adds to a candidate's score,
 * which elements are paragraphs that score their ancestors (a <div> only
 * when it holds text outside links), and which headings are looked at for
 * being mostly a link.
 */
#define XS_PARA		0x1
#define XS_PARA_TEXT	0x2
#define XS_LINKHEAD	0x4
#define XS_ITEM		0x8	/* a paragraph in the second pass */

struct x_tag_row {
	signed char	weight;
	unsigned char	flags;
};

static const struct x_tag_row x_tag_rows[GUMBO_TAG_LAST + 1] = {
	[GUMBO_TAG_DIV] = { 5, XS_PARA_TEXT },
	[GUMBO_TAG_ARTICLE] = { 5, XS_PARA_TEXT },
	[GUMBO_TAG_SECTION] = { 5, XS_PARA_TEXT },
	[GUMBO_TAG_P] = { 0, XS_PARA },
	[GUMBO_TAG_PRE] = { 3, XS_PARA }, [GUMBO_TAG_TD] = { 3, XS_PARA },
	[GUMBO_TAG_BLOCKQUOTE] = { 3, 0 },
	[GUMBO_TAG_ADDRESS] = { -3, 0 }, [GUMBO_TAG_OL] = { -3, 0 },
	[GUMBO_TAG_UL] = { -3, 0 }, [GUMBO_TAG_DL] = { -3, 0 },
	[GUMBO_TAG_DD] = { -3, 0 }, [GUMBO_TAG_DT] = { -3, 0 },
	[GUMBO_TAG_LI] = { -3, XS_ITEM }, [GUMBO_TAG_FORM] = { -3, 0 },
	[GUMBO_TAG_H1] = { -5, XS_LINKHEAD },
	[GUMBO_TAG_H2] = { -5, XS_LINKHEAD },
	[GUMBO_TAG_H3] = { -5, XS_LINKHEAD },
	[GUMBO_TAG_H4] = { -5, XS_LINKHEAD },
	[GUMBO_TAG_H5] = { -5, 0 }, [GUMBO_TAG_H6] = { -5, 0 },
	[GUMBO_TAG_TH] = { -5, 0 },
};

/* Paragraphs score their ancestors: parent 1, grandparent 1/2, then 1/6. */
static void
x_score(struct xdoc *xd, int items)
{
	static const double	 share[] = { 1, 0.5, 1.0 / 6 };
	struct xnode		*n, *a;
	double			 s;
	int			 i, tag, fl, k, ai;

	for (i = 0; i < (int)xd->nn; i++) {
		n = &xd->n[i];
		tag = XTAG(xd, i);
		if (n->flags & XN_SKIP)
			continue;
		fl = x_tag_rows[tag].flags;
		if ((fl & XS_LINKHEAD) && n->text > 0 &&
		    n->link * 10 >= n->text * 6)
			n->flags |= XN_LINKHEAD;
		if (items && (fl & XS_ITEM))
			fl |= XS_PARA_TEXT;
		if ((fl & XS_PARA) || ((fl & XS_PARA_TEXT) &&
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
				a->score = x_tag_rows[XTAG(xd, ai)].weight +
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

/* The structure of a table, cells included. */
static int
x_table_part(int tag)
{
	return (tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_TBODY ||
	    tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TFOOT ||
	    tag == GUMBO_TAG_TR || tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH);
}

/* Is a an ancestor of (or equal to) d? */
static int
x_contains(const struct xdoc *xd, int a, int d)
{
	return (d >= a && d < xd->n[a].end);
}

/*
 * A body split over containers (a story column interrupted by ads, one
 * paragraph per card) scores in several places: when other candidates
 * score nearly as well as the best one, their common ancestor is the
 * article. Then climb while the parent scores better still (the
 * candidate was one part of the article).
 */
static int
x_climb(struct xdoc *xd, int top)
{
	int	alt[X_ALT], nalt = 0, i, k, a, in, tag;
	double	last, thr;
	size_t	inner;

	/*
	 * A data table inside the text (many cells score) is part of the
	 * article when the container around it holds prose of its own.
	 */
	if ((tag = XTAG(xd, top)) != GUMBO_TAG_TD && tag != GUMBO_TAG_TH)
		for (a = top; a >= 0 && x_table_part(XTAG(xd, a));
		    a = xd->n[a].parent)
			top = a;
	if (XTAG(xd, top) == GUMBO_TAG_TABLE && (a = xd->n[top].parent) >= 0 &&
	    XTAG(xd, a) != GUMBO_TAG_BODY) {
		inner = x_prose(xd, top, NULL);
		if ((x_prose(xd, a, NULL) - inner) * 2 >= inner)
			top = a;
	}

	for (i = 0; i < (int)xd->nn && (xd->n[top].flags & XN_CAND); i++) {
		const struct xnode *n = &xd->n[i];

		if (!(n->flags & XN_CAND) || (n->flags & XN_SKIP) ||
		    i == top || x_contains(xd, i, top) ||
		    x_contains(xd, top, i) ||
		    n->score < xd->n[top].score * 0.75)
			continue;
		if (nalt < X_ALT)
			alt[nalt++] = i;
	}
	if (nalt >= 3)
		for (a = xd->n[top].parent; a >= 0; a = xd->n[a].parent) {
			tag = XTAG(xd, a);
			if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML)
				break;
			for (k = 0, in = 0; k < nalt; k++)
				if (x_contains(xd, a, alt[k]))
					in++;
			if (in >= 3) {
				top = a;
				break;
			}
		}
	last = xd->n[top].score;
	thr = last / 3;
	for (a = xd->n[top].parent; a >= 0; a = xd->n[a].parent) {
		tag = XTAG(xd, a);
		if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML)
			break;
		if (!(xd->n[a].flags & XN_CAND) || (xd->n[a].flags & XN_SKIP))
			continue;
		if (xd->n[a].score < thr)
			break;
		if (xd->n[a].score > last) {
			top = a;
			break;
		}
		last = xd->n[a].score;
	}
	return (top);
}

/* The first word of a class attribute, and its length. */
static size_t
x_class_head(const struct xnode *n, const char **w)
{
	const char	*c;
	size_t		 l;

	if ((c = extract_tree_attr(n->g, "class")) == NULL)
		return (0);
	c += strspn(c, " \t\n\f\r");
	l = strcspn(c, " \t\n\f\r");
	*w = c;
	return (l);
}

/*
 * The other parts of a body split over containers that are not siblings
 * (each paragraph group in a wrapper of its own between ads): elements of
 * the same tag and class as the best candidate or one of its ancestors
 * up to p, holding prose and few links, elsewhere in the page. They are
 * selected too, and p rises to the ancestor common to all the parts.
 */
static int
x_gather(struct xdoc *xd, int top, int p)
{
	const char	*tw, *sw;
	size_t		 tl, sl;
	int		 a, i, q = p, np;

	for (a = top; a >= 0 && a != p; a = xd->n[a].parent) {
		if ((tl = x_class_head(&xd->n[a], &tw)) == 0)
			continue;
		for (i = 0; i < (int)xd->nn; i++) {
			struct xnode *s = &xd->n[i];

			if ((s->flags & (XN_SKIP | XN_SELECTED)) ||
			    x_contains(xd, p, i) || x_contains(xd, i, p) ||
			    XTAG(xd, i) != XTAG(xd, a) ||
			    (sl = x_class_head(s, &sw)) != tl ||
			    strncmp(sw, tw, tl) != 0) {
				continue;
			}
			np = 0;
			if (x_link_density(s) >= 0.25 ||
			    x_prose(xd, i, &np) < X_MIN_PROSE / 2) {
				i = s->end - 1;
				continue;
			}
			s->flags |= XN_SELECTED;
			while (!x_contains(xd, q, i))
				q = xd->n[q].parent;
			i = s->end - 1;
		}
		if (q != p)
			break;
	}
	return (q);
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
	top = x_climb(xd, top);
	t = &xd->n[top];
	p = t->parent;
	if (p < 0) {
		t->flags |= XN_SELECTED;
		return (top);
	}
	thresh = t->score * 0.2 > 10 ? t->score * 0.2 : 10;
	tc = extract_tree_attr(t->g, "class");
	for (i = p + 1; i < xd->n[p].end; i = xd->n[i].end) {
		s = &xd->n[i];
		if (i == top) {
			s->flags |= XN_SELECTED;
			continue;
		}
		if (s->flags & XN_SKIP)
			continue;
		sc = extract_tree_attr(s->g, "class");
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
		if (XTAG(xd, i) == GUMBO_TAG_P && s->itext >= 80 &&
		    s->ilink * 4 < s->itext)
			s->flags |= XN_SELECTED;
	}
	return (x_gather(xd, top, p));
}

/* The most qualifying paragraphs that share one parent. */
static int
x_max_cluster(const struct xdoc *xd, int p)
{
	int	*count, i, j, best = 0, q;

	count = xcalloc(xd->nn, sizeof *count);
	for (i = extract_tree_next(xd, p, p); i >= 0;
	    i = extract_tree_next(xd, p, i)) {
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
x_is_list(const struct xdoc *xd, int p, int nparas, size_t prose)
{
	int	i, j, heads = 0, arts = 0;

	for (i = extract_tree_next(xd, p, p); i >= 0;
	    i = extract_tree_next(xd, p, i)) {
		for (j = i; j < xd->n[i].end; j++) {
			if (xd->n[j].flags & XN_SKIP)
				continue;
			if (xd->n[j].flags & XN_LINKHEAD)
				heads++;
			if (XTAG(xd, j) == GUMBO_TAG_ARTICLE && j != i)
				arts++;
		}
	}
	if (heads < 3 && arts < 3)
		return (0);
	/*
	 * A listicle, not a list: linked headings ("1. Rez Infinite") over
	 * paragraphs of their own, long, that one container holds together.
	 */
	if (arts * 2 < nparas && prose >= (size_t)heads * X_ITEM_PROSE &&
	    x_max_cluster(xd, p) * 2 >= nparas)
		return (0);
	if (heads * 2 >= nparas || arts * 2 >= nparas)
		return (1);
	/*
	 * Long excerpts: still a list when no one container holds half of
	 * the paragraphs (an article keeps its paragraphs together).
	 */
	return (x_max_cluster(xd, p) * 2 < nparas);
}


/*
 * A bare document: text and nothing else, no navigation, header or
 * footer, no link away. However short, it is all article: its <body>,
 * or -1.
 */
static int
x_bare(const struct xdoc *xd)
{
	int	i, body = -1;

	if (xd->live == 0)
		return (-1);
	for (i = 0; i < (int)xd->nn; i++) {
		if (xd->n[i].ownlink > 0 || ((xd->n[i].flags & XN_SKIP) &&
		    xd->n[i].own > 0))
			return (-1);
		if (body < 0 && XTAG(xd, i) == GUMBO_TAG_BODY)
			body = i;
	}
	return (body);
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
	rl = render_wrap_doc(doc, 0, RENDER_WRAP_PLAIN);
	/* The headline once: not again as the body's first line. */
	start = 0;
	if (rl->nlines > 0 && extract_tree_same(rl->lines[0].text, title)) {
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
	render_wrap_lines_free(rl);
	render_doc_free(doc);
	return (buf_detach(&b));
}

int
extract_article(const char *html, size_t len, const char *base_url,
    struct render_article **out, char **cause)
{
	struct xdoc		 xd;
	struct render_article	*a;
	size_t			 prose = 0;
	int			 p = -1, b, i, nparas = 0, pass;
	char			*body, *text;

	*out = NULL;
	memset(&xd, 0, sizeof xd);
	xd.base = base_url;
	xd.cut_unit = -1;
	xd.out = gumbo_parse_with_options(&kGumboDefaultOptions, html, len);
	if (extract_tree_mirror(&xd, cause) != 0)
		goto fail;
	extract_meta_collect(&xd);
	extract_tree_classify(&xd);
	/*
	 * List items are paragraphs only when paragraphs do not make an
	 * article: a post written as a list, not a page's reference list
	 * outscoring its text.
	 */
	for (pass = 0; pass < 2; pass++) {
		if (pass > 0) {
			if (prose >= X_MIN_PROSE)
				break;
			for (i = 0; i < (int)xd.nn; i++) {
				xd.n[i].flags &= ~(XN_CAND | XN_PARA |
				    XN_SELECTED | XN_LINKHEAD);
				xd.n[i].score = 0;
			}
		}
		x_score(&xd, pass);
		p = x_select(&xd);
		prose = 0;
		nparas = 0;
		if (p < 0)
			continue;
		for (i = extract_tree_next(&xd, p, p); i >= 0;
		    i = extract_tree_next(&xd, p, i))
			prose += x_prose(&xd, i, &nparas);
		if (xd.n[p].flags & XN_SELECTED)
			prose = x_prose(&xd, p, &nparas);
	}
	if ((p < 0 || prose < X_MIN_PROSE) && (b = x_bare(&xd)) >= 0) {
		for (i = 0; i < (int)xd.nn; i++)
			xd.n[i].flags &= ~XN_SELECTED;
		xd.n[b].flags |= XN_SELECTED;
		p = b;
		goto article;
	}
	if (p < 0) {
		*cause = xstrdup(_("no article found in the page"));
		goto fail;
	}
	/*
	 * A short article is one when it is nearly all of the page's text.
	 */
	if (prose < X_MIN_PROSE && (prose < X_MIN_SHORT ||
	    prose * 4 < xd.live * 3)) {
		*cause = xasprintf(_("no article found in the page (%zu "
		    "characters of text)"), prose);
		goto fail;
	}
	if (x_is_list(&xd, p, nparas, prose)) {
		*cause = xstrdup(_("the page is a list of stories, "
		    "not an article"));
		goto fail;
	}
article:
	extract_out_trim(&xd, p);
	body = extract_out_html(&xd, p);
	/*
	 * A page with no title of any kind: the headline names the site or
	 * the address, so that the first line is never the body's.
	 */
	if (xd.title == NULL)
		xd.title = xstrdup(xd.site_name != NULL ? xd.site_name :
		    base_url != NULL ? base_url : "");
	if ((text = x_plain(body, xd.title, base_url, cause)) == NULL) {
		free(body);
		goto fail;
	}
	/* Everything trimmed away (a bare page of short lines): none. */
	if (text[strlen(xd.title) + 2 + strspn(text + strlen(xd.title) + 2,
	    " \n")] == '\0') {
		free(text);
		free(body);
		*cause = xstrdup(_("no article found in the page"));
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
extract_article_free(struct render_article *a)
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
