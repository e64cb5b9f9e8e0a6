/*
 * HTML to a block list (render-int.h), parsed once with gumbo; the wrapper
 * (render-wrap.c) lays the blocks out for a width. The walk collapses
 * white space, numbers links, turns images into [image: alt], and keeps
 * the nesting of lists and quotes as line prefixes.
 */
#include "config.h"

#include <gumbo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html/html.h"
#include "render/render-int.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/url.h"
#include "util/xmalloc.h"

#define HT_MAX_DEPTH	512	/* element nesting the walk follows */
#define HT_MAX_NEST	32	/* quotes and lists shown as prefixes */

/* A level of nesting shown as a line prefix. */
#define CTX_QUOTE	0
#define CTX_ITEM	1
#define CTX_INDENT	2
struct ht_ctx {
	int	type;
	int	used;		/* the item's marker was printed */
	char	marker[24];
};

struct ht_list {
	int	ordered;
	long	next;
};

struct ht {
	struct render_doc	*doc;
	size_t			 ablocks, alinks, aspans;
	struct render_limits	 lim;
	const char		*base;
	size_t			 nodes, total;

	struct buf		 text;		/* the block being built */
	struct render_span	*spans;
	size_t			 nspans;
	int			 kind, block_attr, sep, space;
	int			 in_pre, in_cell, cells, pre_col;

	struct ht_ctx		 ctx[HT_MAX_NEST];
	int			 nctx, ctx_over;
	struct ht_list		 lists[HT_MAX_NEST];
	int			 nlists;

	char			*cause;
};

static void
ht_fail(struct ht *ht, char *cause)
{
	if (ht->cause == NULL)
		ht->cause = cause;
	else
		free(cause);
}

/* Append n bytes with attributes, merging with the previous span. */
static void
ht_add(struct ht *ht, const char *s, size_t n, int attr)
{
	struct render_span	*sp;
	size_t			 off = ht->text.len;

	if (ht->cause != NULL || n == 0)
		return;
	if (ht->total + off + n > ht->lim.max_text) {
		ht_fail(ht, xasprintf(_("more than %zu bytes of text"),
		    ht->lim.max_text));
		return;
	}
	buf_add(&ht->text, s, n);
	if (attr == 0)
		return;
	sp = ht->nspans > 0 ? &ht->spans[ht->nspans - 1] : NULL;
	if (sp != NULL && sp->attr == attr && sp->off + sp->len == off &&
	    !(attr & RSPAN_MARKER)) {
		sp->len += n;
		return;
	}
	if (ht->nspans == ht->aspans) {
		ht->aspans = ht->aspans ? ht->aspans * 2 : 8;
		ht->spans = xreallocarray(ht->spans, ht->aspans,
		    sizeof *ht->spans);
	}
	sp = &ht->spans[ht->nspans++];
	sp->off = off;
	sp->len = n;
	sp->attr = attr;
}

static int
ht_last(const struct ht *ht)
{
	return (ht->text.len == 0 ? '\0' : ht->text.data[ht->text.len - 1]);
}

/* Emit a collapsed space if one is pending and a word follows. */
static void
ht_space(struct ht *ht)
{
	if (ht->space && ht->text.len > 0 && ht_last(ht) != '\n')
		ht_add(ht, " ", 1, 0);
	ht->space = 0;
}

static void
ht_sep(struct ht *ht, int sep)
{
	if (sep > ht->sep)
		ht->sep = sep;
}

static void
ht_prefixes(struct ht *ht, struct buf *p1, struct buf *pn)
{
	struct ht_ctx	*c;
	size_t		 w;
	int		 i;

	buf_add(p1, "", 0);
	buf_add(pn, "", 0);
	for (i = 0; i < ht->nctx; i++) {
		c = &ht->ctx[i];
		switch (c->type) {
		case CTX_QUOTE:
			buf_adds(p1, "> ");
			buf_adds(pn, "> ");
			break;
		case CTX_ITEM:
			w = render_wrap_text_width(c->marker, strlen(c->marker));
			if (!c->used)
				buf_adds(p1, c->marker);
			else
				buf_printf(p1, "%*s", (int)w, "");
			buf_printf(pn, "%*s", (int)w, "");
			c->used = 1;
			break;
		default:
			buf_adds(p1, "    ");
			buf_adds(pn, "    ");
			break;
		}
	}
}

static int
ht_quoted(const struct ht *ht)
{
	int	i;

	for (i = 0; i < ht->nctx; i++)
		if (ht->ctx[i].type == CTX_QUOTE)
			return (1);
	return (0);
}

/* Close the block being built, if it holds anything. */
static void
ht_flush(struct ht *ht)
{
	struct render_doc	*doc = ht->doc;
	struct rblock		*b;
	struct buf		 p1, pn;
	size_t			 i;

	if (ht->kind == RBLOCK_PRE) {
		while (ht->text.len > 0 && ht_last(ht) == '\n')
			ht->text.len--;
	} else {
		while (ht->text.len > 0 && (ht_last(ht) == ' ' ||
		    ht_last(ht) == '\n'))
			ht->text.len--;
	}
	ht->space = 0;
	ht->pre_col = 0;
	if (ht->text.len == 0 && ht->kind != RBLOCK_RULE) {
		ht->nspans = 0;
		return;
	}
	if (doc->nblocks == ht->ablocks) {
		ht->ablocks = ht->ablocks ? ht->ablocks * 2 : 16;
		doc->blocks = xreallocarray(doc->blocks, ht->ablocks,
		    sizeof *doc->blocks);
	}
	b = &doc->blocks[doc->nblocks++];
	memset(b, 0, sizeof *b);
	b->kind = ht->kind;
	b->sep = doc->nblocks == 1 ? RBLOCK_SEP_NONE : ht->sep;
	b->attr = ht->block_attr | (ht_quoted(ht) ? RENDER_ATTR_QUOTE : 0);
	buf_init(&p1, 0);
	buf_init(&pn, 0);
	ht_prefixes(ht, &p1, &pn);
	b->prefix1 = buf_detach(&p1);
	b->prefixn = buf_detach(&pn);
	b->text = xstrndup(ht->text.len ? ht->text.data : "", ht->text.len);
	b->len = ht->text.len;
	/* Spans may reach into trimmed trailing space. */
	for (i = 0; i < ht->nspans; i++) {
		if (ht->spans[i].off >= b->len)
			break;
		if (ht->spans[i].off + ht->spans[i].len > b->len)
			ht->spans[i].len = b->len - ht->spans[i].off;
	}
	if (i > 0) {
		b->spans = xreallocarray(NULL, i, sizeof *b->spans);
		memcpy(b->spans, ht->spans, i * sizeof *b->spans);
		b->nspans = i;
	}
	ht->total += b->len;
	buf_reset(&ht->text);
	ht->nspans = 0;
	ht->sep = RBLOCK_SEP_SOFT;
}

/* Text of a text node: collapsed, or verbatim inside <pre>. */
static void
ht_text(struct ht *ht, const char *raw, int attr)
{
	char		*s, *p, *q, *end;
	unsigned int	 cp;
	size_t		 n;

	s = sanitize_text(raw, strlen(raw), ht->in_pre ?
	    SANITIZE_KEEP_NEWLINES : 0);
	end = s + strlen(s);
	if (ht->in_pre) {
		for (p = s; *p != '\0'; p += n) {
			if (*p == '\t') {
				do
					ht_add(ht, " ", 1, attr);
				while (++ht->pre_col % 8 != 0);
				n = 1;
				continue;
			}
			n = sanitize_utf8_decode((unsigned char *)p,
			    (size_t)(end - p), &cp);
			if (n == 0)
				n = 1;
			ht_add(ht, p, n, attr);
			ht->pre_col = *p == '\n' ? 0 : ht->pre_col + 1;
		}
		free(s);
		return;
	}
	for (p = s; *p != '\0'; p = q) {
		if (*p == ' ') {
			ht->space = 1;
			q = p + 1;
			continue;
		}
		q = p + strcspn(p, " ");
		ht_space(ht);
		ht_add(ht, p, (size_t)(q - p), attr);
	}
	free(s);
}

static const char *
ht_attr(const GumboElement *el, const char *name)
{
	GumboAttribute	*a;

	a = gumbo_get_attribute(&el->attributes, name);
	return (a != NULL ? a->value : NULL);
}

/* Elements the page hides: hidden, aria-hidden, display:none. */
static int
ht_hidden(const GumboElement *el)
{
	const char	*v;

	if (ht_attr(el, "hidden") != NULL)
		return (1);
	if ((v = ht_attr(el, "aria-hidden")) != NULL &&
	    strcasecmp(v, "true") == 0)
		return (1);
	if ((v = ht_attr(el, "style")) != NULL &&
	    (strstr(v, "display:none") != NULL ||
	    strstr(v, "display: none") != NULL))
		return (1);
	return (0);
}

static void
ht_image(struct ht *ht, const GumboElement *el, int attr)
{
	const char	*w, *h, *alt;
	char		*clean, *label;

	/* One-pixel images are trackers, not pictures. */
	w = ht_attr(el, "width");
	h = ht_attr(el, "height");
	if ((w != NULL && (strcmp(w, "1") == 0 || strcmp(w, "0") == 0)) ||
	    (h != NULL && (strcmp(h, "1") == 0 || strcmp(h, "0") == 0)))
		return;
	alt = ht_attr(el, "alt");
	clean = sanitize_text(alt ? alt : "", alt ? strlen(alt) : 0, 0);
	if (*clean != '\0' && strspn(clean, " ") != strlen(clean))
		label = xasprintf(_("[image: %s]"), clean);
	else
		label = xstrdup(_("[image]"));
	ht_space(ht);
	ht_add(ht, label, strlen(label), attr | RENDER_ATTR_IMAGE);
	free(label);
	free(clean);
}

/* Number a link (the same URL keeps its number) and print [n]. */
static void
ht_link(struct ht *ht, const char *href, size_t start)
{
	struct render_doc	*doc = ht->doc;
	struct render_link	*l;
	char			*url, *clean, *p, mark[32];
	size_t			 i;

	while (*href == ' ' || *href == '\t' || *href == '\n')
		href++;
	if (*href == '\0' || *href == '#' ||
	    strncasecmp(href, "javascript:", 11) == 0)
		return;
	url = url_resolve(ht->base, href);
	clean = sanitize_text(url, strlen(url), 0);
	free(url);
	for (i = 0; i < doc->nlinks; i++)
		if (strcmp(doc->links[i].url, clean) == 0)
			break;
	if (i == doc->nlinks) {
		if (doc->nlinks >= ht->lim.max_links) {
			/* Shown, not numbered; the link list says so. */
			doc->links_over++;
			free(clean);
			return;
		}
		if (doc->nlinks == ht->alinks) {
			ht->alinks = ht->alinks ? ht->alinks * 2 : 8;
			doc->links = xreallocarray(doc->links, ht->alinks,
			    sizeof *doc->links);
		}
		l = &doc->links[doc->nlinks++];
		l->url = clean;
		while (start < ht->text.len && ht->text.data[start] == ' ')
			start++;
		l->text = xstrndup(ht->text.data + start, ht->text.len - start);
		/* A <br> or <pre> line break inside the link: the list
		 * entry is one line (render.h: no control characters). */
		for (p = l->text; (p = strchr(p, '\n')) != NULL; p++)
			*p = ' ';
	} else
		free(clean);
	snprintf(mark, sizeof mark, "[%zu]", i + 1);
	ht_add(ht, mark, strlen(mark), RENDER_ATTR_LINK | RSPAN_MARKER);
}

static void
ht_push(struct ht *ht, int type, const char *marker)
{
	struct ht_ctx	*c;

	if (ht->nctx == HT_MAX_NEST) {
		ht->ctx_over++;
		return;
	}
	c = &ht->ctx[ht->nctx++];
	c->type = type;
	c->used = 0;
	snprintf(c->marker, sizeof c->marker, "%s", marker ? marker : "");
}

static void
ht_pop(struct ht *ht)
{
	if (ht->ctx_over > 0)
		ht->ctx_over--;
	else if (ht->nctx > 0)
		ht->nctx--;
}

static void	ht_node(struct ht *, GumboNode *, int, int);

/* The marker of a new list item: "* ", "- ", "+ " by depth, or "n. ". */
static void
ht_item(struct ht *ht)
{
	static const char	*bullets[] = { "* ", "- ", "+ " };
	struct ht_list		*l;
	char			 m[24];
	int			 d;

	d = ht->nlists < HT_MAX_NEST ? ht->nlists : HT_MAX_NEST;
	l = d > 0 ? &ht->lists[d - 1] : NULL;
	if (l != NULL && l->ordered)
		snprintf(m, sizeof m, "%ld. ", l->next++);
	else
		snprintf(m, sizeof m, "%s", bullets[(d > 0 ? d - 1 : 0) % 3]);
	ht_push(ht, CTX_ITEM, m);
}

/* An element being laid out: what its open and close steps share. */
struct ht_el {
	GumboElement	*el;
	int		 attr;		/* of the text inside */
	int		 pushed;	/* a prefix level was pushed */
	const char	*href;		/* <a>: where it links */
	size_t		 start;		/* <a>: where its text begins */
	size_t		 nb;		/* <a>: blocks before it */
};

static void
ht_br(struct ht *ht, GumboElement *el, int attr)
{
	(void)el;
	(void)attr;
	if (ht->in_cell || ht->in_pre) {
		ht->space = 1;
		return;
	}
	while (ht->text.len > 0 && ht_last(ht) == ' ')
		ht->text.len--;
	ht->space = 0;
	ht_add(ht, "\n", 1, 0);
}

static void
ht_img(struct ht *ht, GumboElement *el, int attr)
{
	ht_image(ht, el, attr);
}

static void
ht_wbr(struct ht *ht, GumboElement *el, int attr)
{
	(void)ht;
	(void)el;
	(void)attr;
}

static void
ht_hr(struct ht *ht, GumboElement *el, int attr)
{
	(void)el;
	(void)attr;
	if (ht->in_cell)
		return;
	ht_flush(ht);
	ht_sep(ht, RBLOCK_SEP_BLANK);
	ht->kind = RBLOCK_RULE;
	ht_flush(ht);
	ht->kind = RBLOCK_TEXT;
	ht_sep(ht, RBLOCK_SEP_BLANK);
}

static void
ht_open_quote(struct ht *ht, struct ht_el *e)
{
	ht_push(ht, CTX_QUOTE, NULL);
	e->pushed = 1;
}

static void
ht_open_li(struct ht *ht, struct ht_el *e)
{
	if (!ht->in_cell) {
		ht_item(ht);
		e->pushed = 1;
	}
}

static void
ht_open_dd(struct ht *ht, struct ht_el *e)
{
	if (!ht->in_cell) {
		ht_push(ht, CTX_INDENT, NULL);
		e->pushed = 1;
	}
}

static void
ht_open_tr(struct ht *ht, struct ht_el *e)
{
	(void)e;
	ht->cells = 0;
}

static void
ht_open_cell(struct ht *ht, struct ht_el *e)
{
	(void)e;
	if (ht->cells++ > 0 && ht->text.len > 0) {
		ht->space = 0;
		ht_add(ht, " | ", 3, 0);
	}
	ht->in_cell++;
}

static void
ht_close_cell(struct ht *ht, struct ht_el *e)
{
	(void)e;
	ht->in_cell--;
}

static void
ht_open_a(struct ht *ht, struct ht_el *e)
{
	e->href = ht_attr(e->el, "href");
	if (e->href != NULL)
		e->attr |= RENDER_ATTR_LINK;
	e->start = ht->text.len;
	e->nb = ht->doc->nblocks;
}

static void
ht_close_a(struct ht *ht, struct ht_el *e)
{
	/* A link with no text of its own gets no number. */
	if (e->href != NULL && e->nb == ht->doc->nblocks &&
	    ht->text.len > e->start)
		ht_link(ht, e->href, e->start);
}

static void
ht_open_q(struct ht *ht, struct ht_el *e)
{
	ht_space(ht);
	ht_add(ht, "\"", 1, e->attr);
}

static void
ht_close_q(struct ht *ht, struct ht_el *e)
{
	ht_add(ht, "\"", 1, e->attr);
}

/*
 * How the article view lays out an element; html/ says what the element
 * is (block, heading, list, pre). A block's sep of 0 is the default,
 * RBLOCK_SEP_SOFT; HT_SEP_LIST is a line inside another list, else a
 * blank line. An element with a leaf step is laid out by that alone.
 */
#define HT_SKIP		0x1	/* never shown: script, style, head... */
#define HT_SEP_LIST	4
struct ht_row {
	int	  flags;
	int	  attr;		/* RENDER_ATTR_* of the text inside */
	int	  sep;
	void	(*leaf)(struct ht *, GumboElement *, int);
	void	(*open)(struct ht *, struct ht_el *);
	void	(*close)(struct ht *, struct ht_el *);
};

#define SKIP		{ .flags = HT_SKIP }
#define BOLD		RENDER_ATTR_BOLD
#define ITALIC		RENDER_ATTR_ITALIC
#define CODE		RENDER_ATTR_CODE

static const struct ht_row ht_rows[GUMBO_TAG_LAST + 1] = {
	[GUMBO_TAG_HEAD] = SKIP, [GUMBO_TAG_TITLE] = SKIP,
	[GUMBO_TAG_BASE] = SKIP, [GUMBO_TAG_LINK] = SKIP,
	[GUMBO_TAG_META] = SKIP, [GUMBO_TAG_STYLE] = SKIP,
	[GUMBO_TAG_SCRIPT] = SKIP, [GUMBO_TAG_NOSCRIPT] = SKIP,
	[GUMBO_TAG_TEMPLATE] = SKIP, [GUMBO_TAG_IFRAME] = SKIP,
	[GUMBO_TAG_EMBED] = SKIP, [GUMBO_TAG_OBJECT] = SKIP,
	[GUMBO_TAG_PARAM] = SKIP, [GUMBO_TAG_VIDEO] = SKIP,
	[GUMBO_TAG_AUDIO] = SKIP, [GUMBO_TAG_SOURCE] = SKIP,
	[GUMBO_TAG_TRACK] = SKIP, [GUMBO_TAG_CANVAS] = SKIP,
	[GUMBO_TAG_MAP] = SKIP, [GUMBO_TAG_AREA] = SKIP,
	[GUMBO_TAG_MATH] = SKIP, [GUMBO_TAG_SVG] = SKIP,
	[GUMBO_TAG_INPUT] = SKIP, [GUMBO_TAG_BUTTON] = SKIP,
	[GUMBO_TAG_SELECT] = SKIP, [GUMBO_TAG_DATALIST] = SKIP,
	[GUMBO_TAG_TEXTAREA] = SKIP, [GUMBO_TAG_KEYGEN] = SKIP,
	[GUMBO_TAG_APPLET] = SKIP, [GUMBO_TAG_FRAME] = SKIP,
	[GUMBO_TAG_FRAMESET] = SKIP, [GUMBO_TAG_NOFRAMES] = SKIP,
	[GUMBO_TAG_NOEMBED] = SKIP, [GUMBO_TAG_BGSOUND] = SKIP,
	[GUMBO_TAG_BLINK] = SKIP, [GUMBO_TAG_MARQUEE] = SKIP,

	[GUMBO_TAG_BR] = { .leaf = ht_br },
	[GUMBO_TAG_IMG] = { .leaf = ht_img },
	[GUMBO_TAG_IMAGE] = { .leaf = ht_img },
	[GUMBO_TAG_WBR] = { .leaf = ht_wbr },
	[GUMBO_TAG_HR] = { .leaf = ht_hr },

	[GUMBO_TAG_P] = { .sep = RBLOCK_SEP_BLANK },
	[GUMBO_TAG_H1] = { .sep = RBLOCK_SEP_BLANK },
	[GUMBO_TAG_H2] = { .sep = RBLOCK_SEP_BLANK },
	[GUMBO_TAG_H3] = { .sep = RBLOCK_SEP_BLANK },
	[GUMBO_TAG_H4] = { .sep = RBLOCK_SEP_BLANK },
	[GUMBO_TAG_H5] = { .sep = RBLOCK_SEP_BLANK },
	[GUMBO_TAG_H6] = { .sep = RBLOCK_SEP_BLANK },
	[GUMBO_TAG_UL] = { .sep = HT_SEP_LIST },
	[GUMBO_TAG_OL] = { .sep = HT_SEP_LIST },
	[GUMBO_TAG_DL] = { .sep = HT_SEP_LIST },
	[GUMBO_TAG_DIR] = { .sep = RBLOCK_SEP_BLANK },
	[GUMBO_TAG_MENU] = { .sep = RBLOCK_SEP_BLANK },
	[GUMBO_TAG_BLOCKQUOTE] = { .sep = RBLOCK_SEP_BLANK,
	    .open = ht_open_quote },
	[GUMBO_TAG_PRE] = { .attr = CODE, .sep = RBLOCK_SEP_BLANK },
	[GUMBO_TAG_LISTING] = { .attr = CODE, .sep = RBLOCK_SEP_BLANK },
	[GUMBO_TAG_XMP] = { .attr = CODE, .sep = RBLOCK_SEP_BLANK },
	[GUMBO_TAG_PLAINTEXT] = { .attr = CODE },
	[GUMBO_TAG_TABLE] = { .sep = RBLOCK_SEP_BLANK },
	[GUMBO_TAG_FIGURE] = { .sep = RBLOCK_SEP_BLANK },
	[GUMBO_TAG_LI] = { .sep = RBLOCK_SEP_LINE, .open = ht_open_li },
	[GUMBO_TAG_DT] = { .attr = BOLD, .sep = RBLOCK_SEP_LINE },
	[GUMBO_TAG_DD] = { .sep = RBLOCK_SEP_LINE, .open = ht_open_dd },
	[GUMBO_TAG_TR] = { .sep = RBLOCK_SEP_LINE, .open = ht_open_tr },
	[GUMBO_TAG_TD] = { .open = ht_open_cell, .close = ht_close_cell },
	[GUMBO_TAG_TH] = { .attr = BOLD, .open = ht_open_cell,
	    .close = ht_close_cell },
	[GUMBO_TAG_CAPTION] = { .attr = BOLD },
	[GUMBO_TAG_FIGCAPTION] = { .attr = ITALIC },

	[GUMBO_TAG_A] = { .open = ht_open_a, .close = ht_close_a },
	[GUMBO_TAG_Q] = { .open = ht_open_q, .close = ht_close_q },
	[GUMBO_TAG_B] = { .attr = BOLD }, [GUMBO_TAG_STRONG] = { .attr = BOLD },
	[GUMBO_TAG_I] = { .attr = ITALIC }, [GUMBO_TAG_EM] = { .attr = ITALIC },
	[GUMBO_TAG_CITE] = { .attr = ITALIC },
	[GUMBO_TAG_DFN] = { .attr = ITALIC },
	[GUMBO_TAG_VAR] = { .attr = ITALIC },
	[GUMBO_TAG_U] = { .attr = RENDER_ATTR_UNDERLINE },
	[GUMBO_TAG_INS] = { .attr = RENDER_ATTR_UNDERLINE },
	[GUMBO_TAG_CODE] = { .attr = CODE }, [GUMBO_TAG_KBD] = { .attr = CODE },
	[GUMBO_TAG_SAMP] = { .attr = CODE }, [GUMBO_TAG_TT] = { .attr = CODE },
};

#undef SKIP
#undef BOLD
#undef ITALIC
#undef CODE

int
render_doc_tag_hidden(int tag)
{
	if (tag < 0 || tag > GUMBO_TAG_LAST)
		return (0);
	return ((ht_rows[tag].flags & HT_SKIP) != 0);
}

static int
ht_block_sep(const struct ht *ht, const struct ht_row *row)
{
	if (row->sep == HT_SEP_LIST)
		return (ht->nlists > 0 ? RBLOCK_SEP_LINE : RBLOCK_SEP_BLANK);
	return (row->sep != 0 ? row->sep : RBLOCK_SEP_SOFT);
}

static void
ht_list(struct ht *ht, GumboElement *el)
{
	const char	*v;

	if (ht->nlists < HT_MAX_NEST) {
		ht->lists[ht->nlists].ordered = el->tag == GUMBO_TAG_OL;
		v = ht_attr(el, "start");
		ht->lists[ht->nlists].next = v ? strtol(v, NULL, 10) : 1;
		/* Numbers stay printable and cannot overflow. */
		if (ht->lists[ht->nlists].next > 999999999L ||
		    ht->lists[ht->nlists].next < -999999999L)
			ht->lists[ht->nlists].next = 1;
	}
	ht->nlists++;
}

static void
ht_element(struct ht *ht, GumboElement *el, int attr, int depth)
{
	const struct ht_row	*row = &ht_rows[el->tag];
	int			 fl = html_tags_flags(el->tag), block, sep = 0;
	struct ht_el		 e;
	size_t			 i;

	if ((row->flags & HT_SKIP) || ht_hidden(el))
		return;
	if (row->leaf != NULL) {
		row->leaf(ht, el, attr);
		return;
	}

	block = (fl & HTML_TAG_BLOCK) && !ht->in_cell;
	if (block) {
		sep = ht_block_sep(ht, row);
		ht_flush(ht);
		ht_sep(ht, sep);
	} else if (fl & HTML_TAG_BLOCK)
		ht->space = 1;
	memset(&e, 0, sizeof e);
	e.el = el;
	e.attr = attr | row->attr;
	if ((fl & HTML_TAG_HEADING) && block)
		ht->block_attr = RENDER_ATTR_HEADING | RENDER_ATTR_BOLD;
	if (fl & HTML_TAG_PRE) {
		ht->in_pre++;
		if (block)
			ht->kind = RBLOCK_PRE;
	}
	if (fl & HTML_TAG_LIST)
		ht_list(ht, el);
	if (row->open != NULL)
		row->open(ht, &e);

	for (i = 0; i < el->children.length && ht->cause == NULL; i++)
		ht_node(ht, el->children.data[i], e.attr, depth + 1);

	if (row->close != NULL)
		row->close(ht, &e);
	if (block) {
		ht_flush(ht);
		ht_sep(ht, sep);
	} else if (fl & HTML_TAG_BLOCK)
		ht->space = 1;
	if (fl & HTML_TAG_HEADING)
		ht->block_attr = 0;
	if (fl & HTML_TAG_PRE) {
		ht->in_pre--;
		if (ht->in_pre == 0)
			ht->kind = RBLOCK_TEXT;
	}
	if (fl & HTML_TAG_LIST)
		ht->nlists--;
	if (e.pushed)
		ht_pop(ht);
}

static void
ht_node(struct ht *ht, GumboNode *n, int attr, int depth)
{
	size_t	i;

	if (ht->cause != NULL)
		return;
	if (depth > HT_MAX_DEPTH) {
		ht_fail(ht, xasprintf(_("HTML nested more than %d deep"),
		    HT_MAX_DEPTH));
		return;
	}
	if (++ht->nodes > ht->lim.max_nodes) {
		ht_fail(ht, xasprintf(_("more than %zu HTML nodes"),
		    ht->lim.max_nodes));
		return;
	}
	switch (n->type) {
	case GUMBO_NODE_TEXT: case GUMBO_NODE_WHITESPACE:
	case GUMBO_NODE_CDATA:
		ht_text(ht, n->v.text.text, attr);
		break;
	case GUMBO_NODE_ELEMENT:
		ht_element(ht, &n->v.element, attr, depth);
		break;
	case GUMBO_NODE_DOCUMENT:
		for (i = 0; i < n->v.document.children.length; i++)
			ht_node(ht, n->v.document.children.data[i], attr,
			    depth + 1);
		break;
	default:
		break;
	}
}

int
render_doc_new(const char *html, size_t len, const char *base_url,
    const struct render_limits *limits, struct render_doc **out,
    char **cause)
{
	struct ht	 ht;
	GumboOutput	*g;

	memset(&ht, 0, sizeof ht);
	if (limits != NULL)
		ht.lim = *limits;
	if (ht.lim.max_text == 0)
		ht.lim.max_text = RENDER_DEFAULT_MAX_TEXT;
	if (ht.lim.max_links == 0)
		ht.lim.max_links = RENDER_DEFAULT_MAX_LINKS;
	if (ht.lim.max_nodes == 0)
		ht.lim.max_nodes = RENDER_DEFAULT_MAX_NODES;
	ht.base = base_url;
	ht.doc = xcalloc(1, sizeof *ht.doc);
	ht.sep = RBLOCK_SEP_SOFT;
	buf_init(&ht.text, 0);

	g = gumbo_parse_with_options(&kGumboDefaultOptions, html, len);
	ht_node(&ht, g->document, 0, 0);
	ht_flush(&ht);
	gumbo_destroy_output(&kGumboDefaultOptions, g);
	buf_fini(&ht.text);
	free(ht.spans);
	if (ht.cause != NULL) {
		render_doc_free(ht.doc);
		*cause = ht.cause;
		*out = NULL;
		return (-1);
	}
	*out = ht.doc;
	return (0);
}

void
render_doc_free(struct render_doc *doc)
{
	size_t	i;

	if (doc == NULL)
		return;
	for (i = 0; i < doc->nblocks; i++) {
		free(doc->blocks[i].prefix1);
		free(doc->blocks[i].prefixn);
		free(doc->blocks[i].text);
		free(doc->blocks[i].spans);
	}
	free(doc->blocks);
	for (i = 0; i < doc->nlinks; i++) {
		free(doc->links[i].url);
		free(doc->links[i].text);
	}
	free(doc->links);
	free(doc);
}

size_t
render_doc_nlinks(const struct render_doc *doc)
{
	return (doc->nlinks);
}

const struct render_link *
render_doc_link(const struct render_doc *doc, size_t i)
{
	return (i < doc->nlinks ? &doc->links[i] : NULL);
}
