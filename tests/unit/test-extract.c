/*
 * Unit tests for the article extractor (src/render/extract*.c): small
 * hand-written pages, one for each way real pages used to fail, each
 * with the text the article must hold, the chrome it must not, and how
 * the body must begin (right after the headline).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "render/render.h"

/* Paragraphs of an article: long, with commas, as prose is. */
#define P1	"<p>The council voted on Tuesday to keep the night ferries " \
		"running for five more years, ending a dispute that had " \
		"filled the public gallery for three meetings in a row.</p>"
#define P2	"<p>Ferry workers, who had warned of strikes, welcomed the " \
		"decision, while the opposition said the city could not " \
		"afford the subsidy for long, and promised a new vote.</p>"
#define P3	"<p>The first boats of the new timetable leave at midnight, " \
		"and the operator says that tickets bought for the old one " \
		"remain valid, at least until the end of the summer.</p>"
#define P4	"<p>Passengers interviewed on the quay were relieved, though " \
		"several said that the last boat, at three in the morning, " \
		"was still too early for people who work in the bars.</p>"
#define HEAD	"<html><head><meta charset=\"utf-8\"><title>Night ferries " \
		"stay - The Ledger</title></head><body>"
#define NAV	"<nav><a href=\"/\">Home</a> <a href=\"/local\">Local</a> " \
		"<a href=\"/sport\">Sport</a></nav>"
#define SIDE	"<div class=\"sidebar\"><h3>Most read</h3><ul><li><a " \
		"href=\"/a\">A story elsewhere on the site</a></li><li><a " \
		"href=\"/b\">Another story, also elsewhere</a></li></ul></div>"
#define FOOT	"<footer><p>&copy; 2025 The Ledger. All rights reserved." \
		"</p></footer></body></html>"

#define F1	"The council voted on Tuesday"
#define F2	"Ferry workers, who had warned"
#define F3	"The first boats of the new"
#define F4	"Passengers interviewed on the"

struct xcase {
	const char	*name;
	const char	*html;
	const char	*first;		/* the body begins so; NULL: declined */
	const char	*want[6];
	const char	*unwanted[6];
};

static const struct xcase cases[] = {
	/* Negative words inside longer CMS tokens do not veto the body. */
	{ "field-label-hidden (Drupal) keeps the body",
	  HEAD NAV "<div class=\"node\"><h1>Night ferries stay</h1>"
	  "<div class=\"field field-label-hidden\"><div class=\"field-items\">"
	  P1 P2 P3 "</div></div></div>" SIDE FOOT,
	  F1, { F2, F3 }, { "Most read", "All rights", "Home" } },
	{ "l-sidebar-fixed l-article-body-segment keeps the body",
	  HEAD NAV "<h1>Night ferries stay</h1>"
	  "<div class=\"l-sidebar-fixed l-article-body-segment\">"
	  P1 P2 P3 "</div>" SIDE FOOT,
	  F1, { F2, F3 }, { "Most read" } },
	{ "elementor-widget-container holding the prose keeps it",
	  HEAD NAV "<h1>Night ferries stay</h1>"
	  "<div class=\"elementor-widget-container\">" P1 P2 P3 P4 "</div>"
	  "<div class=\"elementor-widget-container\"><ul><li><a href=\"/x\">"
	  "Subscribe to the podcast</a></li><li><a href=\"/y\">Follow us on "
	  "the radio</a></li></ul></div>" FOOT,
	  F1, { F2, F3, F4 }, { "podcast", "Follow us" } },
	{ "article-body pagination-first keeps the body",
	  HEAD NAV "<h1>Night ferries stay</h1>"
	  "<div class=\"article-body pagination-first\">" P1 P2 P3 "</div>"
	  "<div class=\"pagination\"><a href=\"?p=2\">Next page</a></div>"
	  FOOT,
	  F1, { F2, F3 }, { "Next page" } },
	{ "PageBuilder-pageRow is not a pager",
	  HEAD NAV "<h1>Night ferries stay</h1>"
	  "<div class=\"PageBuilder-pageRow\"><div class=\"PageBuilder-col\">"
	  P1 P2 P3 "</div></div>" SIDE FOOT,
	  F1, { F2, F3 }, { "Most read" } },
	{ "a heading's anchor id (sharing-with-...) is not a share box",
	  HEAD "<article><h1>Night ferries stay</h1>" P1
	  "<div class=\"section\" id=\"sharing-the-boats-with-tourists\">"
	  "<h2>Sharing the boats with tourists</h2>" P2 P3 "</div>"
	  "</article>" FOOT,
	  F1, { "Sharing the boats", F2, F3 }, { "All rights" } },
	{ "a real share box is still left out",
	  HEAD "<article><h1>Night ferries stay</h1>" P1 P2 P3
	  "<div class=\"share-buttons\"><a href=\"/fb\">Facebook</a> "
	  "<a href=\"/tw\">Twitter</a> <a href=\"/m\">Email</a></div>"
	  "</article>" FOOT,
	  F1, { F3 }, { "Facebook", "Twitter" } },

	/* A body split over containers. */
	{ "a story column interrupted by ads is gathered",
	  HEAD NAV "<h1>Night ferries stay</h1><div class=\"page\">"
	  "<div class=\"row\"><div class=\"story-text\">" P1 P2 "</div></div>"
	  "<div class=\"row\"><div class=\"ad-slot\">Advertisement</div></div>"
	  "<div class=\"row\"><div class=\"story-text\">" P3 P4 "</div></div>"
	  "</div>" FOOT,
	  F1, { F2, F3, F4 }, { "Advertisement" } },
	{ "one paragraph per card, cards in rows: every card is kept",
	  HEAD NAV "<h1>Night ferries stay</h1><div class=\"grid\">"
	  "<div class=\"row\"><div class=\"card\">" P1 "</div>"
	  "<div class=\"card\">" P2 "</div></div>"
	  "<div class=\"row\"><div class=\"card\">" P3 "</div>"
	  "<div class=\"card\">" P4 "</div></div></div>" SIDE FOOT,
	  F1, { F2, F3, F4 }, { "Most read" } },

	/* Chrome inside the body. */
	{ "gallery controls, a player's settings and labels left out",
	  HEAD "<article><h1>Night ferries stay</h1>" P1
	  "<figure><img src=\"/f.jpg\" alt=\"\"><div>Caption</div>"
	  "<div>Close</div></figure>"
	  "<div class=\"player\"><div>Quality</div><div>Auto</div>"
	  "<div>High</div><div>Low</div><div>Speed</div></div>"
	  P2 P3 "</article>" FOOT,
	  F1, { F2, F3 }, { "Caption", "Close", "Quality", "Speed" } },
	{ "subscribe box, share row, tags line, comment policy left out",
	  HEAD "<article><h1>Night ferries stay</h1>" P1 P2 P3
	  "<p>Share this story</p><p>Tags: ferries, council</p>"
	  "<p>Sign up for our newsletter and get the news first.</p>"
	  "<p>Comments are moderated and may take a day to appear.</p>"
	  "</article>" FOOT,
	  F1, { F3 }, { "Share this", "Tags:", "newsletter",
	  "moderated" } },
	{ "story list after the article left out",
	  HEAD "<article><h1>Night ferries stay</h1>" P1 P2 P3
	  "<h3>Related stories</h3><ul><li><a href=\"/1\">Storm closes the "
	  "port</a></li><li><a href=\"/2\">Tram line opens</a></li><li>"
	  "<a href=\"/3\">Library reopens</a></li></ul></article>" FOOT,
	  F1, { F3 }, { "Related", "Storm closes", "Tram line" } },

	/* Short articles and bare text. */
	{ "a story in <br> lines, no <p>, is kept",
	  HEAD NAV "<div id=\"main\"><h1>Night ferries stay</h1>"
	  "<div>The council voted to keep the night ferries running.<br>"
	  "Workers welcomed the decision, and the opposition promised a "
	  "new vote.<br>The first boats leave at midnight.<br></div></div>"
	  FOOT,
	  "The council voted to keep", { "Workers welcomed",
	  "The first boats leave" }, { "Home", "All rights" } },
	{ "a short post followed by related posts is kept",
	  HEAD NAV "<div class=\"post\"><h1>Night ferries stay</h1>"
	  "<p>The council voted to keep the night ferries, at last.</p>"
	  "<p>More on this tomorrow, after the press briefing.</p></div>"
	  "<div class=\"related-posts\"><h3>Related posts</h3><ul>"
	  "<li><a href=\"/1\">Storm closes the port</a></li>"
	  "<li><a href=\"/2\">Tram line opens ahead of schedule</a></li>"
	  "<li><a href=\"/3\">Library reopens after repairs</a></li></ul>"
	  "</div>" FOOT,
	  "The council voted to keep", { "More on this tomorrow" },
	  { "Related posts", "Storm closes", "Home" } },
	{ "a bare document, however short, is an article",
	  "<html><head><title>Note</title></head><body>Back at noon."
	  "</body></html>",
	  "Back at noon.", { NULL }, { NULL } },
	{ "a listicle of linked headings is an article",
	  HEAD "<div class=\"content\"><h1>Night ferries stay</h1>" P1
	  "<h3><a href=\"http://a.example/\">1. The midnight boat</a></h3>"
	  P2 P3
	  "<h3><a href=\"http://b.example/\">2. The dawn boat</a></h3>" P4 P1
	  "<h3><a href=\"http://c.example/\">3. The island loop</a></h3>"
	  P3 P2 "</div>" FOOT,
	  F1, { "1. The midnight boat", "3. The island loop", F4 },
	  { "All rights" } },

	/* Nothing but the headline before the body. */
	{ "breadcrumbs, byline and date before the body left out",
	  HEAD NAV "<article><div class=\"breadcrumb\"><a href=\"/\">Home"
	  "</a> &gt; <a href=\"/local\">Local</a></div>"
	  "<h1>Night ferries stay</h1><p class=\"byline\">By Ann Smith</p>"
	  "<p>Published June 10, 2025</p>" P1 P2 P3 "</article>" FOOT,
	  F1, { F3 }, { "By Ann", "Published", "Home" } },
	{ "the headline again, a dated byline and a label left out",
	  "<html><head><title>Night ferries stay | The Ledger</title></head>"
	  "<body>" NAV "<div class=\"post\"><h2>Night ferries stay</h2>"
	  "<div>EXCLUSIVE</div><div>Le Ledger | 04.05.2025 \xc3\xa0 13h36 | "
	  "Par Ann Smith</div><p>Posted by Ann Smith on 2025-06-10</p>"
	  "<p><a href=\"/local\">Local</a> &gt; <a href=\"/ferries\">Ferries"
	  "</a></p>" P1 P2 P3 "</div>" FOOT,
	  F1, { F3 }, { "EXCLUSIVE", "Par Ann", "Posted by", "Ferries" } },
	{ "a standfirst before the body stays",
	  HEAD "<article><h1>Night ferries stay</h1>"
	  "<p>How a city learned to love its midnight boats</p>" P1 P2 P3
	  "</article>" FOOT,
	  "How a city learned", { F1, F3 }, { NULL } },
	{ "a \"Read more\" line over links left out",
	  HEAD "<article><h1>Night ferries stay</h1>" P1 P2
	  "<div>Read more</div><ul><li><a href=\"/1\">Storm closes the port"
	  "</a></li><li><a href=\"/2\">Tram line opens</a></li></ul>" P3 P4
	  "</article>" FOOT,
	  F1, { F3, F4 }, { "Read more", "Storm closes" } },
	{ "a block hidden by visibility: hidden left out",
	  HEAD "<article><h1>Night ferries stay</h1>"
	  "<div style=\"Visibility : Hidden\"><p>A draft paragraph that "
	  "nobody was meant to read, left in the page by the editor.</p>"
	  "</div>" P1 P2 P3 "</article>" FOOT,
	  F1, { F3 }, { "draft paragraph" } },

	/* Still declined: pages that hold no article. */
	{ "a section front of teasers is declined",
	  HEAD NAV "<main><h1>Local news</h1>"
	  "<article><h2><a href=\"/1\">Harbour city keeps its ferries</a>"
	  "</h2><p>The council voted to keep the night ferries running for "
	  "five more years.</p></article>"
	  "<article><h2><a href=\"/2\">Storm closes the port again</a></h2>"
	  "<p>Winds of up to 140 km/h kept ships at anchor outside the "
	  "harbour all day.</p></article>"
	  "<article><h2><a href=\"/3\">New tram line opens early</a></h2>"
	  "<p>The eastern line carried its first passengers on Monday, "
	  "three months early.</p></article>"
	  "<article><h2><a href=\"/4\">Library reopens after repairs</a>"
	  "</h2><p>The central library reopened with a new reading room "
	  "and a repaired roof.</p></article></main>" FOOT,
	  NULL, { NULL }, { NULL } },
	{ "a video page with one caption is declined",
	  HEAD NAV "<main><h1>Watch: the night ferry</h1><video src=\"/v.mp4\">"
	  "</video><p>Who rides the last boat? (2:14)</p></main>" FOOT,
	  NULL, { NULL }, { NULL } },
};

/* One page of the table: its TAP line is its name. */
static void
test_extract_case(void **state)
{
	const struct xcase	*c = *state;
	struct render_article	*a;
	const char		*body;
	char			*cause = NULL;
	size_t			 k;

	if (extract_article(c->html, strlen(c->html),
	    "http://x.example/a.html", &a, &cause) != 0) {
		if (c->first != NULL)
			fail_msg("declined: %s", cause);
		free(cause);
		return;
	}
	if (c->first == NULL)
		fail_msg("not declined:\n%s", a->text);
	/* The headline, a blank line, then the body at once. */
	if ((body = strstr(a->text, "\n\n")) == NULL)
		fail_msg("no headline line:\n%s", a->text);
	body += 2;
	if (strncmp(body, c->first, strlen(c->first)) != 0)
		fail_msg("the body begins otherwise:\n%s", a->text);
	for (k = 0; k < 6 && c->want[k] != NULL; k++)
		if (strstr(body, c->want[k]) == NULL)
			fail_msg("\"%s\" missing:\n%s", c->want[k], a->text);
	for (k = 0; k < 6 && c->unwanted[k] != NULL; k++)
		if (strstr(a->text, c->unwanted[k]) != NULL)
			fail_msg("\"%s\" kept:\n%s", c->unwanted[k], a->text);
	extract_article_free(a);
}

/* A page without a title is headed by its address, not by its body. */
static void
test_extract_untitled(void **state)
{
	static const char	*page = "<html><body>" P1 P2 "</body></html>";
	struct render_article	*a;
	char			*cause = NULL;

	(void)state;
	if (extract_article(page, strlen(page), "http://x.example/n.html", &a,
	    &cause) != 0)
		fail_msg("declined: %s", cause);
	assert_true(strncmp(a->text, "http://x.example/n.html\n\n" F1,
	    strlen("http://x.example/n.html\n\n" F1)) == 0);
	extract_article_free(a);
}

/* A page saved as UTF-8 under an old GB2312 <meta> reads as UTF-8. */
static void
test_extract_utf8_under_legacy_meta(void **state)
{
	static const char	*page =
	    "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html;"
	    " charset=gb2312\"><title>\xe6\x96\xb0\xe9\x97\xbb</title></head>"
	    "<body><article><h1>\xe6\x96\xb0\xe9\x97\xbb</h1>" P1
	    "<p>\xe8\xbf\x99\xe6\xac\xbe\xe4\xba\xa7\xe5\x93\x81\xe5\x85\xb7"
	    "\xe6\x9c\x89\xe6\x9e\x81\xe5\x85\xb6\xe9\x87\x8d\xe8\xa6\x81\xe7"
	    "\x9a\x84\xe6\x84\x8f\xe4\xb9\x89\xef\xbc\x8c</p>" P2 P3
	    "</article></body></html>";
	struct render_article	*a;
	char			*cause = NULL;

	(void)state;
	if (extract_page_article(page, strlen(page), NULL, NULL, &a,
	    &cause) != 0)
		fail_msg("declined: %s", cause);
	assert_non_null(strstr(a->text, "\xe8\xbf\x99\xe6\xac\xbe"));
	assert_true(strncmp(a->text, "\xe6\x96\xb0\xe9\x97\xbb\n\n", 8) == 0);
	extract_article_free(a);
}

#define NCASES	(sizeof cases / sizeof cases[0])

int
main(void)
{
	struct CMUnitTest	tests[NCASES + 2];
	size_t			i;

	memset(tests, 0, sizeof tests);
	for (i = 0; i < NCASES; i++) {
		tests[i].name = cases[i].name;
		tests[i].test_func = test_extract_case;
		tests[i].initial_state = (void *)&cases[i];
	}
	tests[i].name = "a page without a title is headed by its address";
	tests[i++].test_func = test_extract_untitled;
	tests[i].name = "UTF-8 under an old GB2312 <meta> reads as UTF-8";
	tests[i++].test_func = test_extract_utf8_under_legacy_meta;
	return (cmocka_run_group_tests(tests, NULL, NULL));
}
