/* tidings --parse=FILE: one feed document to JSON; no network, no cache. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "feed/feed.h"
#include "main-modes.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

int
cmd_parse(const struct cmd_opts *co)
{
	struct feed_parser	*p;
	struct feed_doc		*doc;
	FILE			*f;
	char			 buf[65536];
	size_t			 n;
	int			 rc;
	char			*base = NULL, *abs;

	if (strcmp(co->arg, "-") == 0)
		f = stdin;
	else if ((f = fopen(co->arg, "rb")) == NULL) {
		fprintf(stderr, "%s: %s: %s\n", PACKAGE, co->arg,
		    strerror(errno));
		return (EXIT_USAGE);
	} else if ((abs = realpath(co->arg, NULL)) != NULL) {
		/* The file's own location is the base for relative links. */
		base = xasprintf("file://%s", abs);
		free(abs);
	}

	p = feed_parser_new(base, NULL, NULL);
	free(base);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		feed_parser_push(p, buf, n);
	if (ferror(f)) {
		fprintf(stderr, "%s: %s: %s\n", PACKAGE, co->arg,
		    _("read error"));
		feed_parser_free(p);
		if (f != stdin)
			fclose(f);
		return (EXIT_USAGE);
	}
	if (f != stdin)
		fclose(f);
	doc = feed_parser_finish(p);
	feed_doc_write_json(doc, stdout);
	rc = doc->format == FEED_FORMAT_UNKNOWN ? EXIT_PARTIAL : EXIT_OK;
	feed_doc_free(doc);
	return (rc);
}
