/*
 * libFuzzer harness for the index's tokenizer (src/db/db-tok.c): for any
 * bytes, the same tokens (text, offsets, order) as FTS5's unicode61, and
 * the same result when the callback stops early. The first byte picks
 * unicode61's arguments and where the callback stops.
 */
#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "db/db-tok.h"
#include "../unit/tok-compare.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define FUZZ_TOK_ARGS	3

static sqlite3		*fuzz_sq;	/* kept: its tokenizers are in use */
static fts5_tokenizer	 fuzz_api;
static Fts5Tokenizer	*fuzz_u61[FUZZ_TOK_ARGS];
static struct db_tok	*fuzz_tok[FUZZ_TOK_ARGS];

static void
fuzz_init(void)
{
	static const char	*args[FUZZ_TOK_ARGS][4] = {
		{ "remove_diacritics", "2" },
		{ "remove_diacritics", "0", "tokenchars", "-\xc2\xb7" },
		{ "separators", "e\xc3\xa9", "categories", "L* N* Mn" },
	};
	static const int	 nargs[FUZZ_TOK_ARGS] = { 2, 4, 4 };
	fts5_api		*fts;
	void			*ud;
	int			 i;

	if (sqlite3_open(":memory:", &fuzz_sq) != SQLITE_OK ||
	    (fts = tok_fts5(fuzz_sq)) == NULL ||
	    fts->xFindTokenizer(fts, "unicode61", &ud, &fuzz_api) != SQLITE_OK)
		abort();
	for (i = 0; i < FUZZ_TOK_ARGS; i++) {
		if (fuzz_api.xCreate(ud, args[i], nargs[i], &fuzz_u61[i]) !=
		    SQLITE_OK)
			abort();
		fuzz_tok[i] = db_tok_new(&fuzz_api, fuzz_u61[i]);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int	i;

	if (fuzz_tok[0] == NULL)
		fuzz_init();
	if (size == 0)
		return (0);
	i = data[0] % FUZZ_TOK_ARGS;
	if (tok_differ(&fuzz_api, fuzz_u61[i], fuzz_tok[i],
	    (const char *)data + 1, (int)(size - 1), data[0] / 16, NULL, NULL))
		abort();
	return (0);
}
