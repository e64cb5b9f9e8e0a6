/*
 * libFuzzer harness for JSON Feed: every input is read as JSON (a '{' is
 * put in front when it does not start with one), whole and then pushed in
 * uneven chunks; both must give the same items, neither may crash, leak
 * or hang, and every string that comes out must be clean (well-formed
 * UTF-8 without controls but tab and newline).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "feed/feed.h"
#include "util/sanitize.h"
#include "fuzz-doc.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t	*doc;

	/* Every input read as JSON: a '{' in front unless it has one. */
	doc = malloc(size + 1);
	doc[0] = '{';
	memcpy(doc + 1, data, size);
	if (size > 0 && data[0] == '{')
		memmove(doc, doc + 1, size);
	else
		size++;
	fuzz_doc_run(doc, size, 1);
	free(doc);
	return (0);
}
