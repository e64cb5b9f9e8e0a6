/*
 * Unit tests for src/db/db-tok.c: the index's tokenizer makes exactly
 * the tokens of FTS5's unicode61 (text, offsets, order, what a callback's
 * answer does), for every Unicode code point where a token starts and
 * inside one, for broken UTF-8, and for unicode61's arguments.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "db/db-tok.h"
#include "tok-compare.h"

static sqlite3		*sq;
static fts5_tokenizer	 api;
static void		*ud;

static int
setup(void **state)
{
	fts5_api	*fts;

	(void)state;
	if (sqlite3_open(":memory:", &sq) != SQLITE_OK ||
	    (fts = tok_fts5(sq)) == NULL ||
	    fts->xFindTokenizer(fts, "unicode61", &ud, &api) != SQLITE_OK)
		return (-1);
	return (0);
}

static int
teardown(void **state)
{
	(void)state;
	sqlite3_close(sq);
	return (0);
}

static size_t
put_utf8(char *o, uint32_t c)
{
	if (c < 0x80) {
		o[0] = (char)c;
		return (1);
	}
	if (c < 0x800) {
		o[0] = (char)(0xc0 | c >> 6);
		o[1] = (char)(0x80 | (c & 0x3f));
		return (2);
	}
	if (c < 0x10000) {
		o[0] = (char)(0xe0 | c >> 12);
		o[1] = (char)(0x80 | (c >> 6 & 0x3f));
		o[2] = (char)(0x80 | (c & 0x3f));
		return (3);
	}
	o[0] = (char)(0xf0 | c >> 18);
	o[1] = (char)(0x80 | (c >> 12 & 0x3f));
	o[2] = (char)(0x80 | (c >> 6 & 0x3f));
	o[3] = (char)(0x80 | (c & 0x3f));
	return (4);
}

/* Same tokens from both, or fail showing where they part. */
static void
same(Fts5Tokenizer *u61, struct db_tok *t, const char *text, size_t len,
    int stop)
{
	char	*ours, *theirs;
	size_t	 i;

	if (!tok_differ(&api, u61, t, text, (int)len, stop, &ours, &theirs))
		return;
	for (i = 0; ours[i] != '\0' && ours[i] == theirs[i]; i++)
		;
	while (i > 0 && ours[i - 1] != '\n')
		i--;
	fail_msg("tokens differ; from ours: %.80s\nfrom unicode61: %.80s",
	    ours + i, theirs + i);
}

/* Every code point (surrogates are no characters in UTF-8) alone, at
 * the start of a token, inside one and at its end, in pieces of 4096. */
static void
every_code_point(const char **argv, int argc)
{
	Fts5Tokenizer	*u61;
	struct db_tok	*t;
	char		*text;
	size_t		 o;
	uint32_t	 c, from;

	assert_int_equal(api.xCreate(ud, argv, argc, &u61), SQLITE_OK);
	t = db_tok_new(&api, u61);
	text = malloc(4096 * 24);
	for (from = 1; from <= 0x10ffff; from += 4096) {
		o = 0;
		for (c = from; c < from + 4096 && c <= 0x10ffff; c++) {
			if (c >= 0xd800 && c <= 0xdfff)
				continue;
			o += put_utf8(text + o, c);
			text[o++] = ' ';
			o += put_utf8(text + o, c);
			text[o++] = 'x';
			o += put_utf8(text + o, c);
			text[o++] = 'Y';
			o += put_utf8(text + o, c);
			text[o++] = ' ';
		}
		same(u61, t, text, o, 0);
	}
	free(text);
	db_tok_free(t);
	api.xDelete(u61);
}

static void
test_every_code_point(void **state)
{
	static const char	*rd2[] = { "remove_diacritics", "2" };

	(void)state;
	every_code_point(rd2, 2);
}

/* unicode61's other arguments: each instance is asked for itself. */
static void
test_arguments(void **state)
{
	static const char	*rd0[] = { "remove_diacritics", "0" };
	static const char	*rd1[] = { "remove_diacritics", "1" };
	static const char	*chars[] = { "tokenchars", "-_\xc2\xb7",
				    "separators", "xq\xc3\xa9" };
	static const char	*cats[] = { "categories", "L* N* Co Mn Sm" };

	(void)state;
	every_code_point(rd0, 2);
	every_code_point(rd1, 2);
	every_code_point(chars, 4);
	every_code_point(cats, 2);
	every_code_point(NULL, 0);
}

/* Bytes that are no UTF-8: stray continuation bytes, lead bytes cut
 * short or followed by too many, overlong forms, 0xfe and 0xff, and
 * NUL, in random mixtures (a fixed seed: the same every run). */
static const char long_char[] =
	    "\xcb\x80\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4"
	    "\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4"
	    "\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4"
	    "\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4"
	    "\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4"
	    "\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4"
	    "\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4\xa4"
	    "\x80\x80\x97\x97\x97\x20\x30\x43\xc3\x97\x97\x97\xc3\xe0\x80"
	    "\x80\x97\x97\x97\x66\x61\xc3\x97\x97\x97";

static void
test_broken_utf8(void **state)
{
	static const char	*rd2[] = { "remove_diacritics", "2" };
	static const unsigned char pick[] = {
		'a', 'Z', '0', ' ', '-', '\0', 0x80, 0x8f, 0xa9, 0xaa, 0xb5,
		0xbf, 0xc0, 0xc1, 0xc3, 0xcc, 0xdf, 0xe0, 0xe2, 0xed, 0xef,
		0xf0, 0xf4, 0xf7, 0xf8, 0xfc, 0xfe, 0xff, 0x81, 0x9c, 0xb1,
	};
	Fts5Tokenizer		*u61;
	struct db_tok		*t;
	unsigned char		 text[96];
	uint32_t		 seed = 12345;
	size_t			 len, i;
	int			 round;

	(void)state;
	assert_int_equal(api.xCreate(ud, rd2, 2, &u61), SQLITE_OK);
	t = db_tok_new(&api, u61);
	for (round = 0; round < 200000; round++) {
		seed = seed * 1103515245u + 12345u;
		len = (seed >> 16) % sizeof text;
		for (i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			text[i] = pick[(seed >> 16) % sizeof pick];
		}
		same(u61, t, (const char *)text, len, 0);
	}
	/*
	 * One character as 110 bytes (a lead byte and continuation bytes),
	 * known already, then pushed out of the memory by another of the
	 * same place (U+D75D7 and U+175D7), then asked again: the same
	 * answer, however long its bytes.
	 */
	same(u61, t, "\xf0\x97\x97\x97", 4, 0);
	same(u61, t, long_char, sizeof long_char - 1, 0);
	/* A long run of continuation bytes after one lead byte. */
	memset(text, 0x80, sizeof text);
	text[0] = 0xe0;
	same(u61, t, (const char *)text, sizeof text, 0);
	text[0] = 'a';
	text[1] = 0xfe;
	same(u61, t, (const char *)text, sizeof text, 0);
	db_tok_free(t);
	api.xDelete(u61);
}

/* Text as the index gets it, and a callback that stops early (FTS5's
 * SQLITE_DONE) or fails: the same tokens handed over, the same result. */
static void
test_text_and_callbacks(void **state)
{
	static const char	*rd2[] = { "remove_diacritics", "2" };
	static const char	 text[] =
	    "Caf\xc3\xa9 na\xc3\xafve Z\xc3\xbcrich "
	    "\xe6\x9d\xb1\xe4\xba\xac \xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e "
	    "\xce\x95\xce\xbb\xce\xbb\xce\xb7\xce\xbd\xce\xb9\xce\xba\xce\xac "
	    "\xc3\xbc" "ber stra\xc3\x9f" "e e\xcc\x81t\xc3\xa9 MIXED-case "
	    "x86_64 3.14 don\xe2\x80\x99t";
	Fts5Tokenizer		*u61;
	struct db_tok		*t;
	int			 stop;

	(void)state;
	assert_int_equal(api.xCreate(ud, rd2, 2, &u61), SQLITE_OK);
	t = db_tok_new(&api, u61);
	same(u61, t, text, sizeof text - 1, 0);
	same(u61, t, text, 0, 0);
	for (stop = 1; stop < 6; stop++)
		same(u61, t, text, sizeof text - 1, stop);
	db_tok_free(t);
	api.xDelete(u61);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_and_callbacks),
		cmocka_unit_test(test_every_code_point),
		cmocka_unit_test(test_arguments),
		cmocka_unit_test(test_broken_utf8),
	};

	return (cmocka_run_group_tests(tests, setup, teardown));
}
