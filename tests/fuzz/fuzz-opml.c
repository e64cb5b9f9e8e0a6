/*
 * libFuzzer harness for the OPML importer (src/conf): read the input as an
 * OPML file, write the feeds found as OPML again (the exporter) and read
 * that back: the same number of feeds must come out. A crash, leak or hang
 * fails.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf/conf.h"
#include "fuzz-file.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct conf_urls u, v;
	const char	*path;
	char		*cause = NULL, *buf = NULL;
	size_t		 len = 0;
	FILE		*f;

	path = fuzz_file_write(data, size);
	if (conf_opml_read(path, &u, NULL, &cause) != 0) {
		free(cause);
		return (0);
	}
	if ((f = open_memstream(&buf, &len)) == NULL)
		abort();
	conf_opml_write(f, &u, NULL);
	fclose(f);
	path = fuzz_file_write((const uint8_t *)buf, len);
	free(buf);
	if (conf_opml_read(path, &v, NULL, &cause) != 0)
		abort();	/* what we export we must import */
	if (v.n != u.n)
		abort();
	conf_urls_fini(&v);
	conf_urls_fini(&u);
	return (0);
}
