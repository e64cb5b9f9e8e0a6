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

#include "render/render-int.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/url.h"
#include "util/xmalloc.h"

#define HT_MAX_DEPTH	512	/* element nesting the walk follows */
#define HT_MAX_NEST	32	/* quotes and lists shown as prefixes */

static const unsigned char tag_flags[GUMBO_TAG_LAST + 1] = {
	[GUMBO_TAG_HEAD] = RTAG_SKIP, [GUMBO_TAG_TITLE] = RTAG_SKIP,
	[GUMBO_TAG_BASE] = RTAG_SKIP, [GUMBO_TAG_LINK] = RTAG_SKIP,
	[GUMBO_TAG_META] = RTAG_SKIP, [GUMBO_TAG_STYLE] = RTAG_SKIP,
	[GUMBO_TAG_SCRIPT] = RTAG_SKIP, [GUMBO_TAG_NOSCRIPT] = RTAG_SKIP,
	[GUMBO_TAG_TEMPLATE] = RTAG_SKIP, [GUMBO_TAG_IFRAME] = RTAG_SKIP,
	[GUMBO_TAG_EMBED] = RTAG_SKIP, [GUMBO_TAG_OBJECT] = RTAG_SKIP,
	[GUMBO_TAG_PARAM] = RTAG_SKIP, [GUMBO_TAG_VIDEO] = RTAG_SKIP,
	[GUMBO_TAG_AUDIO] = RTAG_SKIP, [GUMBO_TAG_SOURCE] = RTAG_SKIP,
	[GUMBO_TAG_TRACK] = RTAG_SKIP, [GUMBO_TAG_CANVAS] = RTAG_SKIP,
	[GUMBO_TAG_MAP] = RTAG_SKIP, [GUMBO_TAG_AREA] = RTAG_SKIP,
	[GUMBO_TAG_MATH] = RTAG_SKIP, [GUMBO_TAG_SVG] = RTAG_SKIP,
	[GUMBO_TAG_INPUT] = RTAG_SKIP, [GUMBO_TAG_BUTTON] = RTAG_SKIP,
	[GUMBO_TAG_SELECT] = RTAG_SKIP, [GUMBO_TAG_DATALIST] = RTAG_SKIP,
	[GUMBO_TAG_TEXTAREA] = RTAG_SKIP, [GUMBO_TAG_KEYGEN] = RTAG_SKIP,
	[GUMBO_TAG_APPLET] = RTAG_SKIP, [GUMBO_TAG_FRAME] = RTAG_SKIP,
	[GUMBO_TAG_FRAMESET] = RTAG_SKIP, [GUMBO_TAG_NOFRAMES] = RTAG_SKIP,
	[GUMBO_TAG_NOEMBED] = RTAG_SKIP, [GUMBO_TAG_BGSOUND] = RTAG_SKIP,
	[GUMBO_TAG_BLINK] = RTAG_SKIP, [GUMBO_TAG_MARQUEE] = RTAG_SKIP,
	[GUMBO_TAG_P] = RTAG_BLOCK | RTAG_MARGIN,
	[GUMBO_TAG_H1] = RTAG_BLOCK | RTAG_MARGIN | RTAG_HEADING,
	[GUMBO_TAG_H2] = RTAG_BLOCK | RTAG_MARGIN | RTAG_HEADING,
	[GUMBO_TAG_H3] = RTAG_BLOCK | RTAG_MARGIN | RTAG_HEADING,
	[GUMBO_TAG_H4] = RTAG_BLOCK | RTAG_MARGIN | RTAG_HEADING,
	[GUMBO_TAG_H5] = RTAG_BLOCK | RTAG_MARGIN | RTAG_HEADING,
	[GUMBO_TAG_H6] = RTAG_BLOCK | RTAG_MARGIN | RTAG_HEADING,
	[GUMBO_TAG_UL] = RTAG_BLOCK | RTAG_MARGIN,
	[GUMBO_TAG_OL] = RTAG_BLOCK | RTAG_MARGIN,
	[GUMBO_TAG_DIR] = RTAG_BLOCK | RTAG_MARGIN,
	[GUMBO_TAG_MENU] = RTAG_BLOCK | RTAG_MARGIN,
	[GUMBO_TAG_DL] = RTAG_BLOCK | RTAG_MARGIN,
	[GUMBO_TAG_BLOCKQUOTE] = RTAG_BLOCK | RTAG_MARGIN,
	[GUMBO_TAG_PRE] = RTAG_BLOCK | RTAG_MARGIN,
	[GUMBO_TAG_LISTING] = RTAG_BLOCK | RTAG_MARGIN,
	[GUMBO_TAG_XMP] = RTAG_BLOCK | RTAG_MARGIN,
	[GUMBO_TAG_TABLE] = RTAG_BLOCK | RTAG_MARGIN,
	[GUMBO_TAG_FIGURE] = RTAG_BLOCK | RTAG_MARGIN,
	[GUMBO_TAG_HR] = RTAG_BLOCK | RTAG_MARGIN | RTAG_VOID,
	[GUMBO_TAG_LI] = RTAG_BLOCK, [GUMBO_TAG_DT] = RTAG_BLOCK,
	[GUMBO_TAG_DD] = RTAG_BLOCK, [GUMBO_TAG_TR] = RTAG_BLOCK,
	[GUMBO_TAG_CAPTION] = RTAG_BLOCK, [GUMBO_TAG_THEAD] = RTAG_BLOCK,
	[GUMBO_TAG_TBODY] = RTAG_BLOCK, [GUMBO_TAG_TFOOT] = RTAG_BLOCK,
	[GUMBO_TAG_FIGCAPTION] = RTAG_BLOCK, [GUMBO_TAG_DIV] = RTAG_BLOCK,
	[GUMBO_TAG_SECTION] = RTAG_BLOCK, [GUMBO_TAG_ARTICLE] = RTAG_BLOCK,
	[GUMBO_TAG_MAIN] = RTAG_BLOCK, [GUMBO_TAG_ASIDE] = RTAG_BLOCK,
	[GUMBO_TAG_HEADER] = RTAG_BLOCK, [GUMBO_TAG_FOOTER] = RTAG_BLOCK,
	[GUMBO_TAG_NAV] = RTAG_BLOCK, [GUMBO_TAG_ADDRESS] = RTAG_BLOCK,
	[GUMBO_TAG_CENTER] = RTAG_BLOCK, [GUMBO_TAG_DETAILS] = RTAG_BLOCK,
	[GUMBO_TAG_SUMMARY] = RTAG_BLOCK, [GUMBO_TAG_FIELDSET] = RTAG_BLOCK,
	[GUMBO_TAG_LEGEND] = RTAG_BLOCK, [GUMBO_TAG_FORM] = RTAG_BLOCK,
	[GUMBO_TAG_HGROUP] = RTAG_BLOCK, [GUMBO_TAG_BODY] = RTAG_BLOCK,
	[GUMBO_TAG_HTML] = RTAG_BLOCK, [GUMBO_TAG_PLAINTEXT] = RTAG_BLOCK,
	[GUMBO_TAG_BR] = RTAG_VOID, [GUMBO_TAG_WBR] = RTAG_VOID,
	[GUMBO_TAG_IMG] = RTAG_VOID, [GUMBO_TAG_IMAGE] = RTAG_VOID,
};

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

int
render_doc_tag_flags(int tag)
{
	if (tag < 0 || tag > GUMBO_TAG_LAST)
		return (0);
	return (tag_flags[tag]);
}

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

static int
ht_inline_attr(GumboTag tag)
{
	switch (tag) {
	case GUMBO_TAG_B: case GUMBO_TAG_STRONG: case GUMBO_TAG_TH:
	case GUMBO_TAG_DT: case GUMBO_TAG_CAPTION:
		return (RENDER_ATTR_BOLD);
	case GUMBO_TAG_I: case GUMBO_TAG_EM: case GUMBO_TAG_CITE:
	case GUMBO_TAG_DFN: case GUMBO_TAG_VAR: case GUMBO_TAG_FIGCAPTION:
		return (RENDER_ATTR_ITALIC);
	case GUMBO_TAG_U: case GUMBO_TAG_INS:
		return (RENDER_ATTR_UNDERLINE);
	case GUMBO_TAG_CODE: case GUMBO_TAG_KBD: case GUMBO_TAG_SAMP:
	case GUMBO_TAG_TT: case GUMBO_TAG_PRE: case GUMBO_TAG_LISTING:
	case GUMBO_TAG_XMP: case GUMBO_TAG_PLAINTEXT:
		return (RENDER_ATTR_CODE);
	default:
		return (0);
	}
}

static int
ht_block_sep(const struct ht *ht, GumboTag tag, int flags)
{
	if (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL || tag == GUMBO_TAG_DL)
		return (ht->nlists > 0 ? RBLOCK_SEP_LINE : RBLOCK_SEP_BLANK);
	if (flags & RTAG_MARGIN)
		return (RBLOCK_SEP_BLANK);
	switch (tag) {
	case GUMBO_TAG_LI: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
	case GUMBO_TAG_TR:
		return (RBLOCK_SEP_LINE);
	default:
		return (RBLOCK_SEP_SOFT);
	}
}

static void
ht_element(struct ht *ht, GumboElement *el, int attr, int depth)
{
	GumboTag	 tag = el->tag;
	int		 fl = tag_flags[tag], block, sep = 0, pushed = 0;
	const char	*href = NULL, *v;
	size_t		 i, start = 0, nb = 0;

	if ((fl & RTAG_SKIP) || ht_hidden(el))
		return;
	switch (tag) {
	case GUMBO_TAG_BR:
		if (ht->in_cell || ht->in_pre) {
			ht->space = 1;
			return;
		}
		while (ht->text.len > 0 && ht_last(ht) == ' ')
			ht->text.len--;
		ht->space = 0;
		ht_add(ht, "\n", 1, 0);
		return;
	case GUMBO_TAG_IMG: case GUMBO_TAG_IMAGE:
		ht_image(ht, el, attr);
		return;
	case GUMBO_TAG_WBR:
		return;
	case GUMBO_TAG_HR:
		if (ht->in_cell)
			return;
		ht_flush(ht);
		ht_sep(ht, RBLOCK_SEP_BLANK);
		ht->kind = RBLOCK_RULE;
		ht_flush(ht);
		ht->kind = RBLOCK_TEXT;
		ht_sep(ht, RBLOCK_SEP_BLANK);
		return;
	default:
		break;
	}

	block = (fl & RTAG_BLOCK) && !ht->in_cell;
	if (block) {
		sep = ht_block_sep(ht, tag, fl);
		ht_flush(ht);
		ht_sep(ht, sep);
	} else if (fl & RTAG_BLOCK)
		ht->space = 1;
	attr |= ht_inline_attr(tag);
	switch (tag) {
	case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
	case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
		if (block)
			ht->block_attr = RENDER_ATTR_HEADING | RENDER_ATTR_BOLD;
		break;
	case GUMBO_TAG_PRE: case GUMBO_TAG_LISTING: case GUMBO_TAG_XMP:
	case GUMBO_TAG_PLAINTEXT:
		ht->in_pre++;
		if (block)
			ht->kind = RBLOCK_PRE;
		break;
	case GUMBO_TAG_BLOCKQUOTE:
		ht_push(ht, CTX_QUOTE, NULL);
		pushed = 1;
		break;
	case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DIR:
	case GUMBO_TAG_MENU:
		if (ht->nlists < HT_MAX_NEST) {
			ht->lists[ht->nlists].ordered = tag == GUMBO_TAG_OL;
			v = ht_attr(el, "start");
			ht->lists[ht->nlists].next = v ? strtol(v, NULL, 10) : 1;
			/* Numbers stay printable and cannot overflow. */
			if (ht->lists[ht->nlists].next > 999999999L ||
			    ht->lists[ht->nlists].next < -999999999L)
				ht->lists[ht->nlists].next = 1;
		}
		ht->nlists++;
		break;
	case GUMBO_TAG_LI:
		if (!ht->in_cell) {
			ht_item(ht);
			pushed = 1;
		}
		break;
	case GUMBO_TAG_DD:
		if (!ht->in_cell) {
			ht_push(ht, CTX_INDENT, NULL);
			pushed = 1;
		}
		break;
	case GUMBO_TAG_TR:
		ht->cells = 0;
		break;
	case GUMBO_TAG_TD: case GUMBO_TAG_TH:
		if (ht->cells++ > 0 && ht->text.len > 0) {
			ht->space = 0;
			ht_add(ht, " | ", 3, 0);
		}
		ht->in_cell++;
		break;
	case GUMBO_TAG_A:
		href = ht_attr(el, "href");
		if (href != NULL)
			attr |= RENDER_ATTR_LINK;
		start = ht->text.len;
		nb = ht->doc->nblocks;
		break;
	case GUMBO_TAG_Q:
		ht_space(ht);
		ht_add(ht, "\"", 1, attr);
		break;
	default:
		break;
	}

	for (i = 0; i < el->children.length && ht->cause == NULL; i++)
		ht_node(ht, el->children.data[i], attr, depth + 1);

	switch (tag) {
	case GUMBO_TAG_A:
		/* A link with no text of its own gets no number. */
		if (href != NULL && nb == ht->doc->nblocks &&
		    ht->text.len > start)
			ht_link(ht, href, start);
		break;
	case GUMBO_TAG_Q:
		ht_add(ht, "\"", 1, attr);
		break;
	case GUMBO_TAG_TD: case GUMBO_TAG_TH:
		ht->in_cell--;
		break;
	default:
		break;
	}
	if (block) {
		ht_flush(ht);
		ht_sep(ht, sep);
	} else if (fl & RTAG_BLOCK)
		ht->space = 1;
	if (fl & RTAG_HEADING)
		ht->block_attr = 0;
	if (tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING ||
	    tag == GUMBO_TAG_XMP || tag == GUMBO_TAG_PLAINTEXT) {
		ht->in_pre--;
		if (ht->in_pre == 0)
			ht->kind = RBLOCK_TEXT;
	}
	if (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL ||
	    tag == GUMBO_TAG_DIR || tag == GUMBO_TAG_MENU)
		ht->nlists--;
	if (pushed)
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
