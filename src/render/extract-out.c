/*
 * The chosen body, cleaned: trim what comes along around the article
 * (bylines before it; author boxes, post navigation, sign-up boxes, share
 * and tag lines after it; ad labels anywhere) and write the rest as plain
 * HTML with absolute links, ready for render_doc_new().
 */
#include "config.h"

#include <ctype.h>
#include <gumbo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html/html.h"
#include "render/extract-int.h"
#include "util/buf.h"
#include "util/url.h"
#include "util/xmalloc.h"

#define OUT_MAX_DEPTH	512
#define OUT_PROSE	60	/* chars for a unit to count as prose */
#define OUT_LONG	80	/* chars of prose that carry an article on */
#define OUT_FOREIGN	240	/* chars of prose kept wherever they stand */
#define OUT_LABEL	40	/* chars of a control's label at most */
#define OUT_LABEL_NODES	16	/* elements of a control at most */
#define OUT_BOX_LINES	4	/* short lines that make a box of controls */
#define OUT_BOX_LINE	30	/* chars a short line has at most, on average */

/* Whole-text labels that are never content, wherever they stand. */
static const char *ad_labels[] = {
	"advertisement", "advertising", "ad", "ads", "sponsored",
	"sponsored content", "paid content", "story continues below",
	"story continues below advertisement", "article continues below",
	"continue reading below", "anzeige", "publicite", "publicidad",
	"pubblicita", "reklama", "werbung",
	/* A photo gallery's or a player's controls. */
	"caption", "close", "hide caption", "toggle caption", "show caption",
	"expand", "enlarge", "enlarge this image", "fullscreen", "full screen",
	"view gallery", "open gallery", "launch gallery", "replay", "play",
	"pause", "mute", "unmute", "now playing", "now watching", "watch",
	"view photo", "view image", "image", "photo", "video", "back", "skip",
};

/* Beginnings of the boilerplate that follows an article. */
static const char *tail_prefixes[] = {
	"advertisement", "sponsored", "share this", "share on", "share:",
	"share", "tags:", "tags", "tagged", "filed under", "posted in",
	"categories:", "category:", "related", "read more", "more from",
	"more stories", "you may also like", "you might also like",
	"recommended", "sign up", "subscribe", "follow us", "previous post",
	"next post", "previous article", "next article", "older post",
	"newer post", "previous:", "next:", "\xc2\xab", "\xe2\x86\x90",
	"comments", "leave a reply", "leave a comment", "about the author",
	"written by", "\xc2\xa9", "copyright", "most read", "newsletter",
};
/* Words that mark a short block after the article as boilerplate. */
static const char *tail_words[] = {
	"newsletter", "sign up", "subscribe", "all rights reserved",
	"in your inbox", "\xe2\x86\x92", "\xc2\xbb",
};

struct unit {
	int	 i;
	int	 ep;		/* effective parent: wrappers skipped */
	int	 native;	/* in the article's own container(s) */
	char	*text;
	int	 heading;
	int	 prose;		/* out_is_prose(), once */
	size_t	 len, link;
};

/*
 * The extractor's policy, by tag: the units of text that trimming weighs
 * (a <div> only when it holds text and no block), and what the cleaned
 * HTML keeps: the element itself, a <div> for a sectioning wrapper, or
 * (neither) only its content.
 */
#define OUT_UNIT	0x1
#define OUT_UNIT_LEAF	0x2
#define OUT_KEEP	0x4
#define OUT_DIV		0x8

static const unsigned char out_tags[GUMBO_TAG_LAST + 1] = {
	[GUMBO_TAG_P] = OUT_UNIT | OUT_KEEP,
	[GUMBO_TAG_H1] = OUT_UNIT | OUT_KEEP,
	[GUMBO_TAG_H2] = OUT_UNIT | OUT_KEEP,
	[GUMBO_TAG_H3] = OUT_UNIT | OUT_KEEP,
	[GUMBO_TAG_H4] = OUT_UNIT | OUT_KEEP,
	[GUMBO_TAG_H5] = OUT_UNIT | OUT_KEEP,
	[GUMBO_TAG_H6] = OUT_UNIT | OUT_KEEP,
	[GUMBO_TAG_PRE] = OUT_UNIT | OUT_KEEP,
	[GUMBO_TAG_BLOCKQUOTE] = OUT_UNIT | OUT_KEEP,
	[GUMBO_TAG_UL] = OUT_UNIT | OUT_KEEP,
	[GUMBO_TAG_OL] = OUT_UNIT | OUT_KEEP,
	[GUMBO_TAG_DL] = OUT_UNIT | OUT_KEEP,
	[GUMBO_TAG_TABLE] = OUT_UNIT | OUT_KEEP,
	[GUMBO_TAG_FIGURE] = OUT_UNIT | OUT_KEEP,
	[GUMBO_TAG_HR] = OUT_UNIT | OUT_KEEP,

	[GUMBO_TAG_DIV] = OUT_UNIT_LEAF | OUT_DIV,
	[GUMBO_TAG_SECTION] = OUT_UNIT_LEAF | OUT_DIV,
	[GUMBO_TAG_ARTICLE] = OUT_UNIT_LEAF | OUT_DIV,
	[GUMBO_TAG_SPAN] = OUT_UNIT_LEAF,

	[GUMBO_TAG_MAIN] = OUT_DIV, [GUMBO_TAG_HEADER] = OUT_DIV,
	[GUMBO_TAG_FOOTER] = OUT_DIV, [GUMBO_TAG_ASIDE] = OUT_DIV,
	[GUMBO_TAG_NAV] = OUT_DIV, [GUMBO_TAG_ADDRESS] = OUT_DIV,
	[GUMBO_TAG_CENTER] = OUT_DIV, [GUMBO_TAG_DETAILS] = OUT_DIV,
	[GUMBO_TAG_SUMMARY] = OUT_DIV, [GUMBO_TAG_HGROUP] = OUT_DIV,
	[GUMBO_TAG_FORM] = OUT_DIV, [GUMBO_TAG_FIELDSET] = OUT_DIV,
	[GUMBO_TAG_BODY] = OUT_DIV,

	[GUMBO_TAG_LI] = OUT_KEEP, [GUMBO_TAG_DT] = OUT_KEEP,
	[GUMBO_TAG_DD] = OUT_KEEP, [GUMBO_TAG_CODE] = OUT_KEEP,
	[GUMBO_TAG_EM] = OUT_KEEP, [GUMBO_TAG_I] = OUT_KEEP,
	[GUMBO_TAG_STRONG] = OUT_KEEP, [GUMBO_TAG_B] = OUT_KEEP,
	[GUMBO_TAG_U] = OUT_KEEP, [GUMBO_TAG_A] = OUT_KEEP,
	[GUMBO_TAG_IMG] = OUT_KEEP, [GUMBO_TAG_FIGCAPTION] = OUT_KEEP,
	[GUMBO_TAG_THEAD] = OUT_KEEP, [GUMBO_TAG_TBODY] = OUT_KEEP,
	[GUMBO_TAG_TFOOT] = OUT_KEEP, [GUMBO_TAG_TR] = OUT_KEEP,
	[GUMBO_TAG_TD] = OUT_KEEP, [GUMBO_TAG_TH] = OUT_KEEP,
	[GUMBO_TAG_CAPTION] = OUT_KEEP, [GUMBO_TAG_BR] = OUT_KEEP,
	[GUMBO_TAG_SUP] = OUT_KEEP, [GUMBO_TAG_SUB] = OUT_KEEP,
	[GUMBO_TAG_Q] = OUT_KEEP, [GUMBO_TAG_CITE] = OUT_KEEP,
	[GUMBO_TAG_SMALL] = OUT_KEEP, [GUMBO_TAG_S] = OUT_KEEP,
	[GUMBO_TAG_DEL] = OUT_KEEP, [GUMBO_TAG_INS] = OUT_KEEP,
	[GUMBO_TAG_MARK] = OUT_KEEP, [GUMBO_TAG_ABBR] = OUT_KEEP,
	[GUMBO_TAG_KBD] = OUT_KEEP, [GUMBO_TAG_SAMP] = OUT_KEEP,
	[GUMBO_TAG_VAR] = OUT_KEEP,
};

static int	out_prose_of(const struct unit *);

static int
out_is_unit(const struct xnode *n)
{
	int	fl = out_tags[n->g->v.element.tag];

	if (fl & OUT_UNIT)
		return (1);
	if (fl & OUT_UNIT_LEAF)
		return (!(n->flags & XN_HASBLOCK) && n->text > 0);
	return (0);
}

/* Has element i one child that is not skipped, and one only? */
static int
out_one_kid(const struct xdoc *xd, int i)
{
	int	c, n = 0;

	for (c = i + 1; c < xd->n[i].end && n < 2; c = xd->n[c].end)
		if (!(xd->n[c].flags & XN_SKIP))
			n++;
	return (n == 1);
}

/*
 * The container of unit j, looking through wrappers that hold only it
 * (<div class="text-block"><p>...</p></div>), but not above top.
 */
static int
out_effective_parent(const struct xdoc *xd, int j, int top)
{
	int	ep = xd->n[j].parent;

	while (ep >= 0 && ep != top && xd->n[ep].own == 0 &&
	    out_one_kid(xd, ep))
		ep = xd->n[ep].parent;
	return (ep);
}

static void
out_units_of(struct xdoc *xd, int i, int top, struct unit **u, size_t *nu,
    size_t *au)
{
	int	j;

	for (j = i; j < xd->n[i].end;) {
		if (xd->n[j].flags & XN_SKIP) {
			j = xd->n[j].end;
			continue;
		}
		if (!out_is_unit(&xd->n[j])) {
			j++;
			continue;
		}
		if (*nu == *au) {
			*au = *au ? *au * 2 : 32;
			*u = xreallocarray(*u, *au, sizeof **u);
		}
		(*u)[*nu].i = j;
		(*u)[*nu].ep = out_effective_parent(xd, j, top);
		(*u)[*nu].text = extract_tree_text(xd->n[j].g);
		(*u)[*nu].heading = (html_tags_flags(XTAG(xd, j)) &
		    HTML_TAG_HEADING) != 0;
		(*u)[*nu].len = xd->n[j].text;
		(*u)[*nu].link = xd->n[j].link;
		(*u)[*nu].prose = out_prose_of(&(*u)[*nu]);
		(*nu)++;
		j = xd->n[j].end;
	}
}

/* Lower-case ASCII copy with accents of Latin-1 letters ignored. */
static int
out_starts(const char *s, const char *prefix)
{
	size_t	n = strlen(prefix);

	return (strncasecmp(s, prefix, n) == 0);
}

static int
out_is_label(const char *s)
{
	size_t	i;
	char	t[64];
	size_t	n = 0;

	for (; *s != '\0' && n < sizeof t - 1; s++)
		if ((unsigned char)*s >= 0x80 || isalnum((unsigned char)*s) ||
		    *s == ' ')
			t[n++] = (char)tolower((unsigned char)*s);
	if (*s != '\0')
		return (0);
	while (n > 0 && t[n - 1] == ' ')
		n--;
	t[n] = '\0';
	/* Fold the accents of publicité / pubblicità crudely. */
	if (strcmp(t, "publicit\xc3\xa9") == 0 ||
	    strcmp(t, "pubblicit\xc3\xa0") == 0)
		return (1);
	for (i = 0; i < sizeof ad_labels / sizeof ad_labels[0]; i++)
		if (strcmp(t, ad_labels[i]) == 0)
			return (1);
	return (0);
}

static int
out_is_boiler(const struct unit *u)
{
	size_t	i;

	if (u->len > 300)
		return (0);
	for (i = 0; i < sizeof tail_prefixes / sizeof tail_prefixes[0]; i++)
		if (out_starts(u->text, tail_prefixes[i]))
			return (1);
	for (i = 0; i < sizeof tail_words / sizeof tail_words[0]; i++)
		if (strcasestr(u->text, tail_words[i]) != NULL)
			return (1);
	return (0);
}

static int	out_sentence_end(const char *);

static int
out_is_prose(const struct unit *u)
{
	return (u->prose);
}

/* Text of the article itself: long, or a sentence; not mostly links. */
static int
out_prose_of(const struct unit *u)
{
	if (u->heading || u->link * 2 >= u->len || out_is_boiler(u))
		return (0);
	return (u->len >= OUT_PROSE || (u->len >= 25 &&
	    out_sentence_end(u->text)));
}

static int
out_sentence_end(const char *s)
{
	size_t	n = strlen(s);

	if (n == 0)
		return (0);
	return (strchr(".!?:;\"')", s[n - 1]) != NULL ||
	    (n >= 3 && (strcmp(s + n - 3, "\xe2\x80\x9d") == 0 ||
	    strcmp(s + n - 3, "\xe2\x80\xa6") == 0 ||
	    strcmp(s + n - 3, "\xe3\x80\x82") == 0)));
}

/* Headings after which nothing belongs to the article. */
static const char *cut_prefixes[] = {
	"about the author", "written by", "more from", "more by",
	"comments", "leave a reply", "leave a comment", "join the discussion",
};

/* Headings of a box of links; the box goes, the article goes on. */
static const char *box_prefixes[] = {
	"related", "read next", "read more", "more stories", "more on this",
	"see also", "you may also like", "you might also like",
	"recommended", "most read", "most popular", "trending",
};

/*
 * An author box ("About the author", "About Jane Doe"), the comments
 * ("14 comments", "3 thoughts on ...") or the related stories: a heading
 * that ends the article.
 */
static int
out_is_cut(const struct unit *u, const char *author)
{
	const char	*p;
	size_t		 i;

	if (!u->heading)
		return (0);
	for (i = 0; i < sizeof cut_prefixes / sizeof cut_prefixes[0]; i++)
		if (out_starts(u->text, cut_prefixes[i]))
			return (1);
	for (p = u->text; isdigit((unsigned char)*p); p++)
		;
	if (p > u->text && (out_starts(p, " comment") ||
	    out_starts(p, " response") || out_starts(p, " thought") ||
	    out_starts(p, " repl")))
		return (1);
	return (author != NULL && out_starts(u->text, "about ") &&
	    strcasestr(u->text, author) != NULL);
}

/*
 * A short heading over a box of links ("Related", "Read next"), or a
 * line saying only that ("Read more") over links (next: the unit after).
 */
static int
out_is_box(const struct unit *u, const struct unit *next)
{
	size_t	i, n;

	if (u->len > 40 || (!u->heading && (next == NULL ||
	    next->link * 2 <= next->len)))
		return (0);
	for (i = 0; i < sizeof box_prefixes / sizeof box_prefixes[0]; i++) {
		n = strlen(box_prefixes[i]);
		if (out_starts(u->text, box_prefixes[i]) && (u->heading ||
		    u->text[n + strspn(u->text + n, " :.")] == '\0'))
			return (1);
	}
	return (0);
}

/* Beginnings of a byline, in the languages of the ad labels. */
static const char *byline_prefixes[] = {
	"by ", "posted by", "written by", "reviewed by", "words by",
	"published", "updated", "par ", "von ", "por ", "door ", "di ",
};

/* A year (1900-2099) or a time of day (9:14) somewhere in s. */
static int
out_has_date(const char *s)
{
	const char	*p;

	for (p = s; *p != '\0'; p++) {
		if (p > s && isdigit((unsigned char)p[-1]))
			continue;
		if (((p[0] == '1' && p[1] == '9') || (p[0] == '2' &&
		    p[1] == '0')) && isdigit((unsigned char)p[2]) &&
		    isdigit((unsigned char)p[3]) &&
		    !isdigit((unsigned char)p[4]))
			return (1);
		if (isdigit((unsigned char)p[0]) && (p[1] == ':' ||
		    (isdigit((unsigned char)p[1]) && p[2] == ':')) &&
		    isdigit((unsigned char)p[p[1] == ':' ? 2 : 3]))
			return (1);
	}
	return (0);
}

/*
 * A line naming the author or the date before the article: a byline
 * ("By Ann", "Le Monde | 04.05.2015 | Par M. U.", "5 min read").
 */
static int
out_is_byline(const struct unit *u, const char *author)
{
	size_t	i;

	if (u->len > 200 || u->heading)
		return (0);
	for (i = 0; i < sizeof byline_prefixes / sizeof byline_prefixes[0];
	    i++)
		if (out_starts(u->text, byline_prefixes[i]))
			return (u->len <= 120 || out_has_date(u->text));
	if (strcasestr(u->text, "min read") != NULL ||
	    (author != NULL && strcasestr(u->text, author) != NULL))
		return (u->len <= 120);
	/* A date line: a date and no sentence. */
	return (out_has_date(u->text) && !out_sentence_end(u->text) &&
	    u->len <= 120);
}

/* Words, as white space separates them. */
static size_t
out_words(const char *s)
{
	size_t	n = 0;

	for (;;) {
		s += strspn(s, " ");
		if (*s == '\0')
			return (n);
		n++;
		s += strcspn(s, " ");
	}
}

/* Chinese, Japanese or Korean: text where a few characters say a lot. */
static int
out_has_cjk(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0xe3 && (unsigned char)*s <= 0xed)
			return (1);
	return (0);
}

/*
 * What else goes before the article's first paragraph: the page's <h1>
 * (the headline is printed apart), the headline again with the site's
 * name after it ("Title | Site"), lines of links (three quarters of their
 * text: teasers, breadcrumbs) and fragments of three words or fewer that
 * are no sentence ("EXCLUSIVE", "1 / 5"). Headings, images, sentences and
 * a standfirst stay.
 */
static int
out_is_before(const struct xdoc *xd, const struct unit *u)
{
	const char	*t;
	int		 tag = XTAG(xd, u->i);
	size_t		 n;

	if (tag == GUMBO_TAG_H1)
		return (1);
	if (u->heading && xd->title != NULL && (n = strlen(u->text)) > 0 &&
	    strncmp(xd->title, u->text, n) == 0) {
		t = xd->title + n;
		t += strspn(t, " ");
		if (*t == '|' || *t == '-' || *t == ':' ||
		    strncmp(t, "\xe2\x80\x93", 3) == 0 ||
		    strncmp(t, "\xe2\x80\x94", 3) == 0 ||
		    strncmp(t, "\xc2\xb7", 2) == 0)
			return (1);
	}
	if (u->heading || (tag != GUMBO_TAG_P && tag != GUMBO_TAG_DIV &&
	    tag != GUMBO_TAG_SPAN && tag != GUMBO_TAG_UL &&
	    tag != GUMBO_TAG_OL))
		return (0);
	if (xd->n[u->i].flags & XN_HASIMG)
		return (0);
	return ((u->len > 0 && u->link * 4 > u->len * 3) ||
	    (out_words(u->text) <= 3 && !out_sentence_end(u->text) &&
	    !out_has_cjk(u->text)));
}

/* Do two elements have the same, non-empty, class? */
static int
out_same_class(const struct xdoc *xd, int a, int b)
{
	const char	*ca, *cb;

	ca = extract_tree_attr(xd->n[a].g, "class");
	cb = extract_tree_attr(xd->n[b].g, "class");
	return (ca != NULL && cb != NULL && *ca != '\0' && strcmp(ca, cb) == 0);
}

/*
 * Mark the units in the article's own container: the one holding the
 * most prose, or another of the same kind: a sibling (<section>s), or one
 * of the same class, or in a wrapper of the same class (a story column
 * interrupted by ads is several containers alike).
 */
static void
out_native(const struct xdoc *xd, struct unit *u, size_t nu)
{
	size_t	k, nprose, in;
	int	c = -1, best = 0, cp, ep, a, wide = -1, *count;

	count = xcalloc(xd->nn, sizeof *count);
	for (k = 0; k < nu; k++) {
		if (u[k].ep < 0 || !out_is_prose(&u[k]))
			continue;
		if (++count[u[k].ep] > best) {
			best = count[u[k].ep];
			c = u[k].ep;
		}
	}
	free(count);
	/*
	 * Prose spread one paragraph a box (a page of feature cards): the
	 * article's own container is the one holding more than half of it.
	 */
	for (k = 0, nprose = 0; k < nu; k++)
		if (u[k].ep >= 0 && out_is_prose(&u[k]))
			nprose++;
	for (a = c; a >= 0 && (size_t)best * 2 < nprose;
	    a = xd->n[a].parent) {
		for (k = 0, in = 0; k < nu; k++)
			if (out_is_prose(&u[k]) && u[k].i > a &&
			    u[k].i < xd->n[a].end)
				in++;
		if (in * 2 > nprose) {
			wide = a;
			break;
		}
	}
	cp = c >= 0 ? xd->n[c].parent : -1;
	for (k = 0; k < nu; k++) {
		ep = u[k].ep;
		u[k].native = c < 0 || ep == c || (wide >= 0 && u[k].i > wide &&
		    u[k].i < xd->n[wide].end) || (ep >= 0 && cp >= 0 &&
		    xd->n[ep].g->v.element.tag == xd->n[c].g->v.element.tag &&
		    (xd->n[ep].parent == cp || out_same_class(xd, ep, c) ||
		    (xd->n[ep].parent >= 0 &&
		    out_same_class(xd, xd->n[ep].parent, cp))));
	}
}

/* "3 comments", "12 Comments": a count of comments somewhere in s. */
static int
out_counts_comments(const char *s)
{
	const char	*p;

	for (p = s; (p = strcasestr(p, " comment")) != NULL; p++)
		if (p > s && isdigit((unsigned char)p[-1]))
			return (1);
	return (0);
}

/*
 * Old blogs end the post's one <div> with "<br><br>Posted by Ann at 9:14
 * PM | 3 comments": cut a closing line like that after the last <br>.
 */
static void
out_closing_line(struct xdoc *xd, int i)
{
	const GumboVector	*v = &xd->n[i].g->v.element.children;
	const GumboNode		*ch;
	struct unit		 u;
	struct buf		 b;
	char			*t;
	size_t			 k, br = (size_t)-1;

	for (k = v->length; k > 0; k--) {
		ch = v->data[k - 1];
		if (ch->type == GUMBO_NODE_ELEMENT &&
		    ch->v.element.tag == GUMBO_TAG_BR) {
			br = k - 1;
			break;
		}
	}
	if (br == (size_t)-1)
		return;
	buf_init(&b, 0);
	buf_add(&b, "", 0);
	for (k = br + 1; k < v->length; k++) {
		t = extract_tree_text(v->data[k]);
		buf_adds(&b, t);
		buf_addc(&b, ' ');
		free(t);
	}
	memset(&u, 0, sizeof u);
	u.text = b.data + strspn(b.data, " ");
	u.len = strlen(u.text);
	if (u.len > 0 && (out_is_boiler(&u) || out_starts(u.text,
	    "posted by") || out_counts_comments(u.text))) {
		xd->cut_unit = i;
		xd->cut_child = br;
	}
	buf_fini(&b);
}

/*
 * Chrome inside the body: a box of four or more short lines and no
 * sentence among them (a player's settings, a chart's axis labels, a
 * gallery's controls) goes, whole: every unit inside such a box below p.
 */
static void
out_drop_clusters(struct xdoc *xd, int p, const struct unit *u, size_t nu)
{
	size_t		*cnt, *len, *prose, k;
	unsigned char	*box;
	int		 j, q;

	cnt = xcalloc(xd->nn, sizeof *cnt);
	len = xcalloc(xd->nn, sizeof *len);
	prose = xcalloc(xd->nn, sizeof *prose);
	box = xcalloc(xd->nn, 1);
	/* The units' counts, summed up the tree (preorder: in reverse). */
	for (k = 0; k < nu; k++) {
		q = xd->n[u[k].i].parent;
		cnt[q]++;
		len[q] += u[k].len;
		if (out_is_prose(&u[k]) || u[k].len >= OUT_LONG)
			prose[q]++;
	}
	for (j = xd->n[p].end - 1; j > p; j--)
		if ((q = xd->n[j].parent) > p) {
			cnt[q] += cnt[j];
			len[q] += len[j];
			prose[q] += prose[j];
		}
	/* A box, or inside one: top down. */
	for (j = p + 1; j < xd->n[p].end; j++)
		box[j] = ((q = xd->n[j].parent) > p && box[q]) ||
		    (cnt[j] >= OUT_BOX_LINES && prose[j] == 0 &&
		    len[j] < cnt[j] * OUT_BOX_LINE);
	for (k = 0; k < nu; k++)
		if ((q = xd->n[u[k].i].parent) > p && box[q])
			xd->n[u[k].i].flags |= XN_DROP;
	free(cnt);
	free(len);
	free(prose);
	free(box);
}

/* The containers holding a unit mostly of links (a linked headline). */
static unsigned char *
out_linked(const struct xdoc *xd, const struct unit *u, size_t nu)
{
	unsigned char	*linked;
	size_t		 k;

	linked = xcalloc(xd->nn, 1);
	for (k = 0; k < nu; k++)
		if (u[k].ep >= 0 && u[k].len > 0 && u[k].link * 2 > u[k].len)
			linked[u[k].ep] = 1;
	return (linked);
}

/*
 * A block whose whole text is a control's label ("Caption", "Close") goes
 * wherever it stands, even inside a unit (a <figure>). Blocks only: a
 * link reading "photo" inside a sentence stays.
 */
static void
out_drop_labels(struct xdoc *xd, int i)
{
	char	*t;
	int	 j, tag;

	for (j = i; j < xd->n[i].end; j++) {
		if (xd->n[j].flags & XN_SKIP) {
			j = xd->n[j].end - 1;
			continue;
		}
		tag = XTAG(xd, j);
		if (xd->n[j].text == 0 || xd->n[j].text > OUT_LABEL ||
		    xd->n[j].end - j > OUT_LABEL_NODES ||
		    (tag != GUMBO_TAG_DIV && tag != GUMBO_TAG_FIGCAPTION &&
		    tag != GUMBO_TAG_P && tag != GUMBO_TAG_LI))
			continue;
		t = extract_tree_text(xd->n[j].g);
		if (out_is_label(t)) {
			xd->n[j].flags |= XN_DROP;
			j = xd->n[j].end - 1;
		}
		free(t);
	}
}

void
extract_out_trim(struct xdoc *xd, int p)
{
	struct unit	*u = NULL;
	size_t		 nu = 0, au = 0, k, first, last, cut;
	unsigned char	*linked;
	int		 i, foreign;

	if (xd->n[p].flags & XN_SELECTED)
		out_units_of(xd, p, p, &u, &nu, &au);
	else
		for (i = extract_tree_next(xd, p, p); i >= 0;
		    i = extract_tree_next(xd, p, i))
				out_units_of(xd, i, p, &u, &nu, &au);
	if (xd->n[p].flags & XN_SELECTED)
		out_drop_labels(xd, p);
	else
		for (i = extract_tree_next(xd, p, p); i >= 0;
		    i = extract_tree_next(xd, p, i))
			out_drop_labels(xd, i);
	out_native(xd, u, nu);
	out_drop_clusters(xd, p, u, nu);
	linked = out_linked(xd, u, nu);
	for (first = 0; first < nu && !out_is_prose(&u[first]); first++)
		;
	cut = nu;
	for (k = first + 1; k < nu; k++)
		if (out_is_cut(&u[k], xd->author)) {
			cut = k;
			break;
		}
	/*
	 * The article ends at its last prose in its own container(s). After
	 * a block from elsewhere (a promo, teasers) only long prose of its
	 * own carries it on: "Get the news first." under the promos does not.
	 */
	last = first < nu ? first + 1 : nu;
	for (k = first, foreign = 0; k < cut; k++) {
		if (out_is_label(u[k].text))
			continue;
		/*
		 * A long block of prose from elsewhere is the article's,
		 * unless a linked headline goes with it (a teaser).
		 */
		if (!u[k].native && out_is_prose(&u[k]) &&
		    u[k].len >= OUT_FOREIGN && u[k].link * 4 < u[k].len &&
		    u[k].ep >= 0 && !linked[u[k].ep])
			u[k].native = 1;
		if (!u[k].native)
			foreign = 1;
		else if (out_is_prose(&u[k]) && (!foreign ||
		    u[k].len >= OUT_LONG)) {
			last = k + 1;
			foreign = 0;
		}
	}
	for (k = 0, foreign = 0; k < nu; k++) {
		struct unit	*x = &u[k];
		int		 drop = 0;

		if (k >= last && !x->native)
			foreign = 1;

		if (out_is_label(x->text))
			drop = 1;
		else if (x->heading && xd->title != NULL &&
		    extract_tree_same(x->text, xd->title))
			drop = 1;
		else if (k < first)
			drop = out_is_byline(x, xd->author) ||
			    (first < nu && out_is_before(xd, x)) ||
			    XTAG(xd, x->i) == GUMBO_TAG_H1;
		else if (k >= cut)
			drop = 1;
		else if (out_is_box(x, k + 1 < cut ? &u[k + 1] : NULL)) {
			/* The heading, and the links under it. */
			xd->n[x->i].flags |= XN_DROP;
			while (k + 1 < cut && !u[k + 1].heading &&
			    u[k + 1].link * 2 > u[k + 1].len)
				xd->n[u[++k].i].flags |= XN_DROP;
			continue;
		}
		else if (k >= last)
			drop = foreign || x->heading || out_is_boiler(x) ||
			    x->link * 2 > x->len ||
			    (x->len < 50 && !out_sentence_end(x->text));
		if (drop)
			xd->n[x->i].flags |= XN_DROP;
	}
	for (k = nu; k > 0; k--)
		if (!(xd->n[u[k - 1].i].flags & XN_DROP)) {
			if (!(xd->n[u[k - 1].i].flags & XN_HASBLOCK))
				out_closing_line(xd, u[k - 1].i);
			break;
		}
	for (k = 0; k < nu; k++)
		free(u[k].text);
	free(u);
	free(linked);
}

/*
 * The serialiser's walk, beside the mirror: both are in document order,
 * so the mirror element of each node the walk meets is at or after next.
 */
struct out_walk {
	struct xdoc	*xd;
	int		 next;
};

/* What the cleaned HTML keeps of an element. */
static int
out_element(void *arg, const GumboNode *g, const char **name,
    size_t *nkids)
{
	struct out_walk	*w = arg;
	struct xdoc	*xd = w->xd;
	int		 i, tag, fl;

	if (!extract_tree_entered(g))
		return (HTML_SERIALISE_SKIP);
	while (w->next < (int)xd->nn && xd->n[w->next].g != g)
		w->next++;
	if ((i = w->next) == (int)xd->nn)
		return (HTML_SERIALISE_SKIP);
	if (xd->n[i].flags & (XN_SKIP | XN_DROP)) {
		w->next = xd->n[i].end;
		return (HTML_SERIALISE_SKIP);
	}
	w->next = i + 1;
	if (i == xd->cut_unit)
		*nkids = xd->cut_child;
	tag = g->v.element.tag;
	fl = out_tags[tag];
	if (fl & OUT_DIV)
		*name = "div";
	else if (!(fl & OUT_KEEP))
		return (HTML_SERIALISE_CONTENT);
	return ((html_tags_flags(tag) & HTML_TAG_VOID) ? HTML_SERIALISE_VOID :
	    HTML_SERIALISE_ELEMENT);
}

static void
out_url_attr(struct xdoc *xd, struct buf *b, const char *name,
    const char *v)
{
	char	*u;

	if (v == NULL || strncasecmp(v, "javascript:", 11) == 0)
		return;
	u = url_resolve(xd->base, v);
	html_serialise_attr(b, name, u);
	free(u);
}

/* Links and images, absolute; an image's alt, a list's start. */
static void
out_attrs(void *arg, struct buf *b, const GumboNode *g)
{
	struct out_walk	*w = arg;
	const char	*v;
	int		 tag = g->v.element.tag;

	if (tag == GUMBO_TAG_A)
		out_url_attr(w->xd, b, "href", extract_tree_attr(g, "href"));
	if (tag == GUMBO_TAG_IMG) {
		if ((v = extract_tree_attr(g, "src")) == NULL ||
		    strncmp(v, "data:", 5) == 0)
			v = extract_tree_attr(g, "data-src");
		out_url_attr(w->xd, b, "src", v);
		if ((v = extract_tree_attr(g, "alt")) != NULL)
			html_serialise_attr(b, "alt", v);
	}
	if (tag == GUMBO_TAG_OL &&
	    (v = extract_tree_attr(g, "start")) != NULL)
		html_serialise_attr(b, "start", v);
}

static void
out_node(struct xdoc *xd, int i, struct buf *b)
{
	struct out_walk		w = { xd, i };
	struct html_serialise	pol;

	memset(&pol, 0, sizeof pol);
	pol.element = out_element;
	pol.attrs = out_attrs;
	pol.max_depth = OUT_MAX_DEPTH;
	pol.arg = &w;
	html_serialise_node(b, xd->n[i].g, &pol);
}

char *
extract_out_html(struct xdoc *xd, int p)
{
	struct buf	b;
	int		i;

	buf_init(&b, 0);
	buf_add(&b, "", 0);
	if (xd->n[p].flags & XN_SELECTED)
		out_node(xd, p, &b);
	else
		for (i = extract_tree_next(xd, p, p); i >= 0;
		    i = extract_tree_next(xd, p, i))
				out_node(xd, i, &b);
	return (buf_detach(&b));
}
