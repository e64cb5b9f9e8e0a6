/*
 * libFuzzer harness for the HTML renderer (src/render): parse the input as
 * an item's HTML, lay it out at a few widths with and without the link
 * list and in the plain --extract style, join the lines and walk the link
 * list. Every line must be valid UTF-8 without control characters (the
 * renderer's promise to the terminal); a crash, leak, hang or a broken
 * promise fails.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "render/render.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* No C0 controls, no DEL, no C1 (as UTF-8 C2 80..C2 9F), no ESC. */
static void
check_clean(const char *s)
{
	const unsigned char	*p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p < 0x20 || *p == 0x7f)
			abort();
		if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Each width and each flag once: no wrapping, one column (every
	 * character its own line), a terminal's width. */
	static const struct { int width, flags; } lay[] = {
		{ 0, RENDER_WRAP_PLAIN }, { 1, 0 },
		{ 80, RENDER_WRAP_LINKLIST },
	};
	struct render_limits	 lim = { .max_text = 256 * 1024,
				    .max_links = 64, .max_nodes = 20000 };
	struct render_doc	*doc;
	struct render_lines	*l;
	const struct render_link *lk;
	char			*cause = NULL, *joined;
	size_t			 i, k;

	if (render_doc_new((const char *)data, size, "http://fuzz.example/a/b",
	    &lim, &doc, &cause) != 0) {
		free(cause);
		return (0);
	}
	for (i = 0; i < sizeof lay / sizeof lay[0]; i++) {
		l = render_wrap_doc(doc, lay[i].width, lay[i].flags);
		for (k = 0; k < l->nlines; k++) {
			check_clean(l->lines[k].text);
			/* The terminal's width is a promise too. */
			if (lay[i].width == 80 && render_wrap_text_width(
			    l->lines[k].text, strlen(l->lines[k].text)) > 80)
				abort();
		}
		joined = render_wrap_lines_join(l);
		free(joined);
		render_wrap_lines_free(l);
	}
	for (i = 0; i < render_doc_nlinks(doc); i++) {
		lk = render_doc_link(doc, i);
		check_clean(lk->url);
		check_clean(lk->text);
	}
	render_doc_free(doc);
	return (0);
}
