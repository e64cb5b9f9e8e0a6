/* libFuzzer harness for the date parser: any string, never a crash. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "feed/feed.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*s, out[21];
	int64_t	 t;

	s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	t = feed_date_parse(s);
	feed_date_format(t, out);
	/* Whatever parses must print and parse back to the same time. */
	if (t != FEED_TIME_NONE && out[0] != '\0' && feed_date_parse(out) != t)
		abort();
	free(s);
	return (0);
}
