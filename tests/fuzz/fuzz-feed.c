/*
 * libFuzzer harness for the feed parser: the whole document at once, then
 * the same bytes pushed in uneven chunks; both must give the same number
 * of items, neither may crash, leak or hang, and every string that comes
 * out must be clean (well-formed UTF-8 without controls but tab and
 * newline: the general scan checks what the parser's fast paths let by).
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
	fuzz_doc_run(data, size, 0);
	return (0);
}
