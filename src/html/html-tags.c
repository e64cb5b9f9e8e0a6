/*
 * One table of what the modules need to know about HTML elements, indexed
 * by GumboTag. Only the void elements so far: WHATWG HTML, "13.1.2
 * Elements", lists area, base, br, col, embed, hr, img, input, link, meta,
 * source, track and wbr, and param is kept from older HTML.
 */
#include <gumbo.h>
#include <string.h>

#include "html/html.h"

static const unsigned char html_tags_table[GUMBO_TAG_LAST] = {
	[GUMBO_TAG_AREA] = HTML_TAG_VOID, [GUMBO_TAG_BASE] = HTML_TAG_VOID,
	[GUMBO_TAG_BR] = HTML_TAG_VOID, [GUMBO_TAG_COL] = HTML_TAG_VOID,
	[GUMBO_TAG_EMBED] = HTML_TAG_VOID, [GUMBO_TAG_HR] = HTML_TAG_VOID,
	[GUMBO_TAG_IMG] = HTML_TAG_VOID, [GUMBO_TAG_INPUT] = HTML_TAG_VOID,
	[GUMBO_TAG_LINK] = HTML_TAG_VOID, [GUMBO_TAG_META] = HTML_TAG_VOID,
	[GUMBO_TAG_PARAM] = HTML_TAG_VOID, [GUMBO_TAG_SOURCE] = HTML_TAG_VOID,
	[GUMBO_TAG_TRACK] = HTML_TAG_VOID, [GUMBO_TAG_WBR] = HTML_TAG_VOID,
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
