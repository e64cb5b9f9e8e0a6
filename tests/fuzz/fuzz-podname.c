/*
 * libFuzzer harness for the file names of downloads: a format, a feed
 * title, an article title and a URL (separated by NUL bytes), all of them
 * hostile. The name must always be one harmless path component.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "podcast/podcast.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*part[4] = { "%n %t %u.%e %h %F %Y%m%d%H%M%S", "", "",
			    "" };
	char		*buf, *p, *name;
	size_t		 i, k = 0;

	buf = malloc(size + 1);
	memcpy(buf, data, size);
	buf[size] = '\0';
	for (p = buf, i = 0; i <= size && k < 4; i++) {
		if (buf[i] == '\0') {
			part[k++] = p;
			p = buf + i + 1;
		}
	}
	name = podcast_name_format(part[0], part[1], part[2],
	    (int64_t)size * 86400, part[3]);
	if (*name == '\0' || strchr(name, '/') != NULL || name[0] == '.' ||
	    strlen(name) > PODCAST_NAME_MAX)
		abort();
	for (p = name; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			abort();
	free(name);
	free(buf);
	return (0);
}
