/*
 * libFuzzer harness for the full-text extractor (src/render): the charset
 * prescan, the conversion to UTF-8 and the extraction, as --extract runs
 * them on a fetched page; then the extracted body goes through the
 * renderer as the article view would show it.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "render/render.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct render_article	*a;
	struct render_doc	*doc;
	struct render_lines	*l;
	char			*cs, *html, *cause = NULL;
	size_t			 len;

	cs = render_charset_html((const char *)data, size);
	html = render_charset_to_utf8((const char *)data, size, cs, &len, &cause);
	if (html == NULL) {
		/* An unknown charset: --extract falls back to UTF-8. */
		free(cause);
		cause = NULL;
		html = render_charset_to_utf8((const char *)data, size, NULL, &len,
		    &cause);
	}
	free(cs);
	if (html == NULL) {
		free(cause);
		return (0);
	}
	if (extract_article(html, len, "https://fuzz.example/news/1", &a,
	    &cause) != 0) {
		free(cause);
		free(html);
		return (0);
	}
	if (a->title == NULL || a->html == NULL || a->text == NULL)
		abort();
	if (render_doc_new(a->html, strlen(a->html), NULL, NULL, &doc,
	    &cause) == 0) {
		l = render_wrap_doc(doc, 72, RENDER_WRAP_LINKLIST);
		render_wrap_lines_free(l);
		render_doc_free(doc);
	} else
		free(cause);
	extract_article_free(a);
	free(html);
	return (0);
}
