/*
 * libFuzzer harness for the urls file parser (src/conf): load the input as
 * a urls file, write every entry back as a line and load that again: the
 * round trip must give the same entries (a user's -i import rewrites the
 * file this way). Errors must name the file.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf/conf.h"
#include "fuzz-file.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int
same(const struct conf_url *a, const struct conf_url *b)
{
	size_t	i;

	if (strcmp(a->url, b->url) != 0 || a->ntags != b->ntags)
		return (0);
	if ((a->title == NULL) != (b->title == NULL) ||
	    (a->title != NULL && strcmp(a->title, b->title) != 0))
		return (0);
	for (i = 0; i < a->ntags; i++)
		if (strcmp(a->tags[i], b->tags[i]) != 0)
			return (0);
	return (1);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct conf_urls u, v;
	const char	*path;
	char		*cause = NULL, *buf = NULL, *t;
	size_t		 i, len = 0;
	FILE		*f;

	path = fuzz_file_write(data, size);
	if (conf_urls_load(path, &u, &cause) != 0) {
		if (cause == NULL || strncmp(cause, path, strlen(path)) != 0)
			abort();
		free(cause);
		return (0);
	}
	if ((f = open_memstream(&buf, &len)) == NULL)
		abort();
	for (i = 0; i < u.n; i++) {
		conf_urls_write_line(f, &u.v[i]);
		t = conf_urls_tags_joined(&u.v[i]);
		free(t);
		(void)conf_urls_fetchable(u.v[i].url);
	}
	fclose(f);
	path = fuzz_file_write((const uint8_t *)buf, len);
	free(buf);
	if (conf_urls_load(path, &v, &cause) != 0)
		abort();	/* what we wrote we must read */
	if (v.n != u.n)
		abort();
	for (i = 0; i < u.n; i++)
		if (!same(&u.v[i], &v.v[i]))
			abort();
	conf_urls_fini(&v);
	conf_urls_fini(&u);
	return (0);
}
