/*
 * One table of what the modules need to know about HTML elements, indexed
 * by GumboTag: what an element is, not what a module does with it (that
 * policy stays with feed/ and render/).
 *
 * Void: WHATWG HTML, "13.1.2 Elements", lists area, base, br, col, embed,
 * hr, img, input, link, meta, source, track and wbr; param is kept from
 * older HTML. Block: the elements that the rendering section's style
 * sheet ("15.3 Non-replaced elements") lays out as blocks, list items and
 * table rows, row groups and captions; cells (td, th) are not blocks.
 */
#include <gumbo.h>
#include <string.h>

#include "html/html.h"

#define BLOCK		HTML_TAG_BLOCK
#define VOID		HTML_TAG_VOID

static const unsigned char html_tags_table[GUMBO_TAG_LAST] = {
	[GUMBO_TAG_AREA] = VOID, [GUMBO_TAG_BASE] = VOID,
	[GUMBO_TAG_BR] = VOID, [GUMBO_TAG_COL] = VOID,
	[GUMBO_TAG_EMBED] = VOID, [GUMBO_TAG_HR] = VOID | BLOCK,
	[GUMBO_TAG_IMG] = VOID, [GUMBO_TAG_INPUT] = VOID,
	[GUMBO_TAG_LINK] = VOID, [GUMBO_TAG_META] = VOID,
	[GUMBO_TAG_PARAM] = VOID, [GUMBO_TAG_SOURCE] = VOID,
	[GUMBO_TAG_TRACK] = VOID, [GUMBO_TAG_WBR] = VOID,

	[GUMBO_TAG_H1] = BLOCK | HTML_TAG_HEADING,
	[GUMBO_TAG_H2] = BLOCK | HTML_TAG_HEADING,
	[GUMBO_TAG_H3] = BLOCK | HTML_TAG_HEADING,
	[GUMBO_TAG_H4] = BLOCK | HTML_TAG_HEADING,
	[GUMBO_TAG_H5] = BLOCK | HTML_TAG_HEADING,
	[GUMBO_TAG_H6] = BLOCK | HTML_TAG_HEADING,

	[GUMBO_TAG_UL] = BLOCK | HTML_TAG_LIST,
	[GUMBO_TAG_OL] = BLOCK | HTML_TAG_LIST,
	[GUMBO_TAG_DIR] = BLOCK | HTML_TAG_LIST,
	[GUMBO_TAG_MENU] = BLOCK | HTML_TAG_LIST,

	[GUMBO_TAG_PRE] = BLOCK | HTML_TAG_PRE,
	[GUMBO_TAG_LISTING] = BLOCK | HTML_TAG_PRE,
	[GUMBO_TAG_XMP] = BLOCK | HTML_TAG_PRE,
	[GUMBO_TAG_PLAINTEXT] = BLOCK | HTML_TAG_PRE,

	[GUMBO_TAG_HTML] = BLOCK, [GUMBO_TAG_BODY] = BLOCK,
	[GUMBO_TAG_P] = BLOCK, [GUMBO_TAG_DIV] = BLOCK,
	[GUMBO_TAG_BLOCKQUOTE] = BLOCK, [GUMBO_TAG_FIGURE] = BLOCK,
	[GUMBO_TAG_FIGCAPTION] = BLOCK, [GUMBO_TAG_DL] = BLOCK,
	[GUMBO_TAG_DT] = BLOCK, [GUMBO_TAG_DD] = BLOCK,
	[GUMBO_TAG_LI] = BLOCK, [GUMBO_TAG_TABLE] = BLOCK,
	[GUMBO_TAG_CAPTION] = BLOCK, [GUMBO_TAG_THEAD] = BLOCK,
	[GUMBO_TAG_TBODY] = BLOCK, [GUMBO_TAG_TFOOT] = BLOCK,
	[GUMBO_TAG_TR] = BLOCK, [GUMBO_TAG_SECTION] = BLOCK,
	[GUMBO_TAG_ARTICLE] = BLOCK, [GUMBO_TAG_MAIN] = BLOCK,
	[GUMBO_TAG_ASIDE] = BLOCK, [GUMBO_TAG_HEADER] = BLOCK,
	[GUMBO_TAG_FOOTER] = BLOCK, [GUMBO_TAG_NAV] = BLOCK,
	[GUMBO_TAG_ADDRESS] = BLOCK, [GUMBO_TAG_HGROUP] = BLOCK,
	[GUMBO_TAG_CENTER] = BLOCK, [GUMBO_TAG_DETAILS] = BLOCK,
	[GUMBO_TAG_SUMMARY] = BLOCK, [GUMBO_TAG_FORM] = BLOCK,
	[GUMBO_TAG_FIELDSET] = BLOCK, [GUMBO_TAG_LEGEND] = BLOCK,
};

/* The HTML_TAG_* flags of t; 0 for unknown tags. */
int
html_tags_flags(GumboTag t)
{
	if ((int)t < 0 || t >= GUMBO_TAG_LAST)
		return (0);
	return (html_tags_table[t]);
}

/*
 * The flags of an element named by its lower-case name, as the XML parser
 * sees it. Gumbo's lookup ignores case, but XHTML names are case-sensitive
 * ("BR" is not br), so the name must match gumbo's spelling exactly.
 */
int
html_tags_name_flags(const char *name)
{
	GumboTag	t = gumbo_tag_enum(name);

	if (t == GUMBO_TAG_UNKNOWN ||
	    strcmp(gumbo_normalized_tagname(t), name) != 0)
		return (0);
	return (html_tags_flags(t));
}
