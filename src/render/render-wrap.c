/*
 * Lay a block list out in lines of a given display width. Widths come from
 * wcwidth(3), so wide CJK and emoji count two columns and combining marks
 * none; lines break at spaces and around wide characters (CJK text has no
 * spaces), and a word longer than the line is cut.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "render/render-int.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

#define WR_NONE		((size_t)-1)
#define WR_RULE_PLAIN	40	/* width of an <hr> when not wrapping */

struct wr {
	struct render_lines	*out;
	size_t			 alloc;
	int			 width;
	int			 flags;
};

static int
wr_cpwidth(unsigned int cp)
{
	int	w;

	w = wcwidth((wchar_t)cp);
	if (w >= 0)
		return (w);
	/* Unknown to the locale (or a C locale): one column. */
	return (cp < 0x20 || cp == 0x7f ? 0 : 1);
}

size_t
render_wrap_text_width(const char *s, size_t len)
{
	unsigned int	cp;
	size_t		i, n, w = 0;

	for (i = 0; i < len; i += n) {
		if ((n = sanitize_utf8_decode((const unsigned char *)s + i,
		    len - i, &cp)) == 0) {
			n = 1;
			w++;
			continue;
		}
		w += (size_t)wr_cpwidth(cp);
	}
	return (w);
}

/*
 * Bytes of a prefix that are shown: deep nesting may take at most half
 * the width (prefixes are ASCII: "> ", markers, spaces).
 */
static size_t
wr_prefix_len(const struct wr *w, const char *prefix)
{
	size_t	n = strlen(prefix);

	if (w->width > 0 && n > (size_t)w->width / 2)
		n = (size_t)w->width / 2;
	return (n);
}

/* Add one line: prefix, then text[off, off + n) with its spans. */
static void
wr_line(struct wr *w, const char *prefix, const char *text, size_t off,
    size_t n, int attr, const struct render_span *spans, size_t nspans)
{
	struct render_line	*l;
	struct buf		 b;
	size_t			 plen = wr_prefix_len(w, prefix), i, s, e;

	while (n > 0 && text[off + n - 1] == ' ')
		n--;
	if (w->out->nlines == w->alloc) {
		w->alloc = w->alloc ? w->alloc * 2 : 64;
		w->out->lines = xreallocarray(w->out->lines, w->alloc,
		    sizeof *w->out->lines);
	}
	l = &w->out->lines[w->out->nlines++];
	memset(l, 0, sizeof *l);
	buf_init(&b, 0);
	buf_add(&b, prefix, plen);
	buf_add(&b, text + off, n);
	l->text = buf_detach(&b);
	l->attr = (w->flags & RENDER_WRAP_PLAIN) ? 0 : attr;
	if (w->flags & RENDER_WRAP_PLAIN)
		return;
	for (i = 0; i < nspans; i++) {
		s = spans[i].off > off ? spans[i].off : off;
		e = spans[i].off + spans[i].len;
		if (e > off + n)
			e = off + n;
		if (s >= e)
			continue;
		l->spans = xreallocarray(l->spans, l->nspans + 1,
		    sizeof *l->spans);
		l->spans[l->nspans].off = plen + s - off;
		l->spans[l->nspans].len = e - s;
		l->spans[l->nspans].attr = spans[i].attr & ~RSPAN_MARKER;
		l->nspans++;
	}
}

static size_t
wr_avail(const struct wr *w, const char *prefix)
{
	size_t	pw;

	if (w->width <= 0)
		return (0);
	pw = render_wrap_text_width(prefix, wr_prefix_len(w, prefix));
	return ((size_t)w->width > pw ? (size_t)w->width - pw : 1);
}

/*
 * Greedy word wrap of collapsed text; '\n' is a forced break (<br>).
 * Hand-written: no Debian library wraps by wcwidth with our spans.
 */
static void
wr_text(struct wr *w, const struct rblock *b, const char *text, size_t len,
    const struct render_span *spans, size_t nspans)
{
	const char	*prefix = b->prefix1;
	unsigned int	 cp;
	size_t		 i = 0, ls = 0, brk = WR_NONE, skip = 0, col = 0, n;
	size_t		 avail = wr_avail(w, b->prefix1);
	int		 cw, any = 0;

#define EMIT(e) do {							\
	wr_line(w, prefix, text, ls, (e) - ls, b->attr, spans, nspans);	\
	prefix = b->prefixn;						\
	avail = wr_avail(w, b->prefixn);				\
	any = 1;							\
} while (0)

	while (i < len) {
		if (text[i] == '\n') {
			EMIT(i);
			ls = ++i;
			col = 0;
			brk = WR_NONE;
			continue;
		}
		if (text[i] == ' ') {
			if (col == 0) {
				ls = ++i;
				continue;
			}
			if (avail > 0 && col + 1 > avail) {
				EMIT(i);
				ls = ++i;
				col = 0;
				brk = WR_NONE;
				continue;
			}
			brk = i++;
			skip = 1;
			col++;
			continue;
		}
		if ((n = sanitize_utf8_decode((const unsigned char *)text + i,
		    len - i, &cp)) == 0) {
			n = 1;
			cw = 1;
		} else
			cw = wr_cpwidth(cp);
		if (cw == 2 && i > ls) {
			brk = i;
			skip = 0;
		}
		if (avail > 0 && col + (size_t)cw > avail && col > 0) {
			if (brk != WR_NONE && brk > ls) {
				EMIT(brk);
				ls = brk + skip;
				col = render_wrap_text_width(text + ls, i - ls);
			} else {
				EMIT(i);
				ls = i;
				col = 0;
			}
			brk = WR_NONE;
		}
		col += (size_t)cw;
		i += n;
		if (cw == 2) {
			brk = i;
			skip = 0;
		}
	}
	if (ls < len || !any)
		EMIT(len);
#undef EMIT
}

/* Verbatim lines, cut (not wrapped) where they are too wide. */
static void
wr_pre(struct wr *w, const struct rblock *b)
{
	const char	*prefix = b->prefix1;
	unsigned int	 cp;
	size_t		 i = 0, ls = 0, col = 0, n, avail;
	int		 cw;

	avail = wr_avail(w, prefix);
	for (;;) {
		if (i == b->len || b->text[i] == '\n') {
			wr_line(w, prefix, b->text, ls, i - ls, b->attr,
			    b->spans, b->nspans);
			prefix = b->prefixn;
			avail = wr_avail(w, prefix);
			if (i == b->len)
				break;
			ls = ++i;
			col = 0;
			continue;
		}
		if ((n = sanitize_utf8_decode((const unsigned char *)b->text +
		    i, b->len - i, &cp)) == 0) {
			n = 1;
			cw = 1;
		} else
			cw = wr_cpwidth(cp);
		if (avail > 0 && col + (size_t)cw > avail && col > 0) {
			wr_line(w, prefix, b->text, ls, i - ls, b->attr,
			    b->spans, b->nspans);
			prefix = b->prefixn;
			avail = wr_avail(w, prefix);
			ls = i;
			col = 0;
		}
		col += (size_t)cw;
		i += n;
	}
}

/* The prefix of a blank line between two blocks: what they share. */
static char *
wr_blank_prefix(const struct rblock *a, const struct rblock *b)
{
	size_t	n = 0;

	while (a->prefixn[n] != '\0' && a->prefixn[n] == b->prefixn[n])
		n++;
	while (n > 0 && a->prefixn[n - 1] == ' ')
		n--;
	return (xstrndup(a->prefixn, n));
}

/* Plain text of a block: no [n] markers, no images, spaces re-collapsed. */
static char *
wr_plain(const struct rblock *b, size_t *lenp)
{
	struct buf	out;
	size_t		i, k = 0;
	int		drop;

	buf_init(&out, 0);
	buf_add(&out, "", 0);
	for (i = 0; i < b->len; i++) {
		while (k < b->nspans && b->spans[k].off + b->spans[k].len <= i)
			k++;
		drop = k < b->nspans && b->spans[k].off <= i &&
		    (b->spans[k].attr & (RSPAN_MARKER | RENDER_ATTR_IMAGE));
		if (drop)
			continue;
		if (b->text[i] == ' ' && b->kind == RBLOCK_TEXT &&
		    (out.len == 0 || out.data[out.len - 1] == ' ' ||
		    out.data[out.len - 1] == '\n'))
			continue;
		if (b->text[i] == '\n' && out.len > 0 &&
		    out.data[out.len - 1] == ' ')
			out.len--;
		buf_addc(&out, b->text[i]);
	}
	while (out.len > 0 && (out.data[out.len - 1] == ' ' ||
	    out.data[out.len - 1] == '\n'))
		out.len--;
	*lenp = out.len;
	out.data[out.len] = '\0';
	return (buf_detach(&out));
}

static void
wr_linklist(struct wr *w, const struct render_doc *doc)
{
	struct rblock	b;
	char		*s, *p;
	size_t		 i, n;

	memset(&b, 0, sizeof b);
	b.prefix1 = b.prefixn = (char *)"";
	wr_line(w, "", "", 0, 0, 0, NULL, 0);
	b.text = (char *)"Links:";
	b.len = strlen(b.text);
	b.attr = RENDER_ATTR_BOLD;
	wr_pre(w, &b);
	b.attr = 0;
	for (i = 0; i < doc->nlinks; i++) {
		s = xasprintf("[%zu]: %s", i + 1, doc->links[i].url);
		/* Continuation lines under the URL, if that leaves room. */
		n = strcspn(s, " ") + 1;
		if (w->width > 0 && n * 2 >= (size_t)w->width)
			n = 0;
		p = xasprintf("%*s", (int)n, "");
		b.prefixn = p;
		b.text = s;
		b.len = strlen(s);
		b.kind = RBLOCK_PRE;
		wr_pre(w, &b);
		free(p);
		free(s);
	}
	if (doc->links_over > 0) {
		s = xasprintf(_("(links past the limit of %zu, with no "
		    "number: %zu)"), doc->nlinks, doc->links_over);
		b.prefixn = (char *)"";
		b.text = s;
		b.len = strlen(s);
		wr_text(w, &b, s, b.len, NULL, 0);
		free(s);
	}
}

struct render_lines *
render_wrap_doc(const struct render_doc *doc, int width, int flags)
{
	struct wr		 w;
	const struct rblock	*b, *prev = NULL;
	char			*text, *bp, *rule;
	size_t			 i, len, n;
	int			 sep, pending = RBLOCK_SEP_NONE;
	int			 plain = flags & RENDER_WRAP_PLAIN;

	memset(&w, 0, sizeof w);
	w.out = xcalloc(1, sizeof *w.out);
	w.width = width;
	w.flags = flags;
	for (i = 0; i < doc->nblocks; i++) {
		b = &doc->blocks[i];
		text = NULL;
		len = b->len;
		if (plain && b->kind != RBLOCK_RULE) {
			text = wr_plain(b, &len);
			if (len == 0) {
				free(text);
				if (b->sep > pending)
					pending = b->sep;
				continue;
			}
		}
		sep = b->sep > pending ? b->sep : pending;
		pending = RBLOCK_SEP_NONE;
		if (plain && sep == RBLOCK_SEP_SOFT)
			sep = RBLOCK_SEP_BLANK;
		if (prev != NULL && sep == RBLOCK_SEP_BLANK) {
			bp = wr_blank_prefix(prev, b);
			wr_line(&w, bp, "", 0, 0, *bp ? RENDER_ATTR_QUOTE : 0,
			    NULL, 0);
			free(bp);
		}
		if (b->kind == RBLOCK_RULE) {
			n = width > 0 ? wr_avail(&w, b->prefix1) :
			    WR_RULE_PLAIN;
			rule = xmalloc(n + 1);
			memset(rule, '-', n);
			rule[n] = '\0';
			wr_line(&w, b->prefix1, rule, 0, n, b->attr, NULL, 0);
			free(rule);
		} else if (b->kind == RBLOCK_PRE && !plain)
			wr_pre(&w, b);
		else if (plain && b->kind == RBLOCK_PRE) {
			struct rblock	c = *b;

			c.text = text;
			c.len = len;
			wr_pre(&w, &c);
		} else if (plain)
			wr_text(&w, b, text, len, NULL, 0);
		else
			wr_text(&w, b, b->text, b->len, b->spans, b->nspans);
		free(text);
		prev = b;
	}
	if ((flags & RENDER_WRAP_LINKLIST) && !plain &&
	    doc->nlinks + doc->links_over > 0)
		wr_linklist(&w, doc);
	return (w.out);
}

void
render_wrap_lines_free(struct render_lines *rl)
{
	size_t	i;

	if (rl == NULL)
		return;
	for (i = 0; i < rl->nlines; i++) {
		free(rl->lines[i].text);
		free(rl->lines[i].spans);
	}
	free(rl->lines);
	free(rl);
}

char *
render_wrap_lines_join(const struct render_lines *rl)
{
	struct buf	b;
	size_t		i;

	buf_init(&b, 0);
	buf_add(&b, "", 0);
	for (i = 0; i < rl->nlines; i++) {
		buf_adds(&b, rl->lines[i].text);
		buf_addc(&b, '\n');
	}
	return (buf_detach(&b));
}
