/* tidings --parse=FILE: one feed document to JSON; no network, no cache. */
#include "config.h"

#include <sys/mman.h>
#include <sys/stat.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "feed/feed.h"
#include "main-modes.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/*
 * A regular file is mapped and parsed as one buffer, which spares expat a
 * count of lines over every byte (feed_parser_parse_buffer); a pipe is streamed.
 * Past WHOLE_MAX the file is streamed too, so that the copy expat makes
 * of a whole document stays bounded. (Should another process cut the
 * file short while it is mapped, reading past its new end raises SIGBUS;
 * --parse is for files the user names, not for files being written.)
 */
#define WHOLE_MAX	((size_t)256 << 20)
#ifndef MAP_POPULATE
#define MAP_POPULATE	0	/* Linux's: map all the pages at once */
#endif

static struct feed_doc *
parse_mapped(FILE *f, const char *base)
{
	struct feed_doc	*doc;
	struct stat	 sb;
	void		*map;
	size_t		 len;

	if (fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    sb.st_size <= 0 || (uintmax_t)sb.st_size > WHOLE_MAX ||
	    ftello(f) != 0)
		return (NULL);
	len = (size_t)sb.st_size;
	map = mmap(NULL, len, PROT_READ, MAP_PRIVATE | MAP_POPULATE,
	    fileno(f), 0);
	if (map == MAP_FAILED)
		return (NULL);
	doc = feed_parser_parse_buffer(map, len, base, NULL, NULL);
	munmap(map, len);
	return (doc);
}

static struct feed_doc *
parse_stream(FILE *f, const char *base)
{
	struct feed_parser	*p;
	char			 buf[65536];
	size_t			 n;

	p = feed_parser_new(base, NULL, NULL);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		feed_parser_push(p, buf, n);
	if (ferror(f)) {
		feed_parser_free(p);
		return (NULL);
	}
	return (feed_parser_finish(p));
}

int
cmd_parse(const struct cmd_opts *co)
{
	struct feed_doc		*doc;
	FILE			*f;
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

	if ((doc = parse_mapped(f, base)) == NULL)
		doc = parse_stream(f, base);
	free(base);
	if (f != stdin)
		fclose(f);
	if (doc == NULL) {
		fprintf(stderr, "%s: %s: %s\n", PACKAGE, co->arg,
		    _("read error"));
		return (EXIT_USAGE);
	}
	feed_json_write(doc, stdout);
	rc = doc->format == FEED_FORMAT_UNKNOWN ? EXIT_PARTIAL : EXIT_OK;
	feed_doc_free(doc);
	return (rc);
}
