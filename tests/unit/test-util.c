/* Unit tests for src/util: bounded buffers and text sanitising. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util/buf.h"
#include "util/sanitize.h"
#include "util/tags.h"

static void
test_buf_ceiling(void **state)
{
	struct buf	b;

	(void)state;
	buf_init(&b, 8);
	assert_int_equal(buf_adds(&b, "12345"), 0);
	assert_int_equal(buf_adds(&b, "678"), 0);
	/* One byte past the ceiling is refused and changes nothing. */
	assert_int_equal(buf_addc(&b, '9'), -1);
	assert_string_equal(buf_str(&b), "12345678");
	assert_int_equal(b.len, 8);
	buf_fini(&b);
}

static void
test_buf_printf_detach(void **state)
{
	struct buf	 b;
	char		*s;

	(void)state;
	buf_init(&b, 0);
	assert_string_equal(buf_str(&b), "");
	buf_printf(&b, "%d-%s", 42, "x");
	s = buf_detach(&b);
	assert_string_equal(s, "42-x");
	assert_null(b.data);
	free(s);
}

static const struct {
	const char	*in;
	int		 flags;
	const char	*out;
} sanitize_cases[] = {
	{ "plain", 0, "plain" },
	{ "a\033[31mred\033[0m", 0, "ared" },
	{ "t\033]0;owned\007itle", 0, "title" },
	{ "t\033]2;x\033\\itle", 0, "title" },
	{ "bell\007 nul-less\001", 0, "bell nul-less" },
	{ "c1\xc2\x9b" "31m", 0, "c131m" },
	{ "line\nnext\ttab", 0, "line next tab" },
	{ "line\nnext\ttab", SANITIZE_KEEP_NEWLINES, "line\nnext\ttab" },
	{ "cr\r\nlf", SANITIZE_KEEP_NEWLINES, "cr\nlf" },
	{ "bad\xff" "byte", 0, "bad\xef\xbf\xbd" "byte" },
	{ "over\xc0\xaflong", 0, "over\xef\xbf\xbd\xef\xbf\xbdlong" },
	{ "caf\xc3\xa9 \xe6\x97\xa5 \xf0\x9f\x98\x80", 0,
	  "caf\xc3\xa9 \xe6\x97\xa5 \xf0\x9f\x98\x80" },
	{ "rtl\xe2\x80\xaeoverride", 0, "rtloverride" },
	{ "del\x7f", 0, "del" },
	{ "trailing esc\033", 0, "trailing esc" },
};

static void
test_sanitize_table(void **state)
{
	size_t	 i;
	char	*s;

	(void)state;
	for (i = 0; i < sizeof sanitize_cases / sizeof sanitize_cases[0];
	    i++) {
		s = sanitize_text(sanitize_cases[i].in,
		    strlen(sanitize_cases[i].in), sanitize_cases[i].flags);
		if (strcmp(s, sanitize_cases[i].out) != 0)
			fail_msg("case %zu: got \"%s\" want \"%s\"", i, s,
			    sanitize_cases[i].out);
		free(s);
	}
}

/* Tags are whole words of a '\t'-joined list. */
static void
test_tags_has(void **state)
{
	(void)state;
	assert_true(tags_has("news\tlinux", "news"));
	assert_true(tags_has("news\tlinux", "linux"));
	assert_false(tags_has("news\tlinux", "new"));
	assert_false(tags_has("newsy\tlinuxes", "linux"));
	assert_false(tags_has("", "news"));
	assert_false(tags_has(NULL, "news"));
}

/* Tags on screen: one with a blank reads as one tag, as in the urls
 * file; a comma needs no quotes between blanks. */
static void
test_tags_display(void **state)
{
	static const struct {
		const char	*in, *out;
	} cases[] = {
		{ "news\tlinux", "news linux" },
		{ "tech news\tlinux", "\"tech news\" linux" },
		{ "a,b\tc", "a,b c" },
		{ "say \"hi\"\tback\\slash", "\"say \\\"hi\\\"\" \"back\\\\slash\"" },
		{ "Tech/Linux\t#1", "Tech/Linux \"#1\"" },
		{ "caf\xc3\xa9 cr\xc3\xa8me", "\"caf\xc3\xa9 cr\xc3\xa8me\"" },
		{ "", "" },
		{ NULL, "" },
	};
	size_t	i;
	char	*s;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		s = tags_display(cases[i].in);
		assert_string_equal(s, cases[i].out);
		free(s);
	}
}

/*
 * The rules of sanitize_text() written the plain way, a character at a
 * time, to check its fast paths against.
 */
static size_t
reference_sanitize(const unsigned char *s, size_t len, int flags, char *o)
{
	size_t		 i = 0, n, k, out = 0;
	unsigned int	 cp;

	while (i < len) {
		if (s[i] == 0x1b) {	/* ESC: the sequence goes */
			if (i + 1 >= len) {
				i = len;
				continue;
			}
			k = i + 2;
			if (s[i + 1] == '[') {
				while (k < len && !(s[k] >= 0x40 && s[k] <= 0x7e))
					k++;
				k = k < len ? k + 1 : len;
			} else if (strchr("]P_^X", s[i + 1]) != NULL &&
			    s[i + 1] != '\0') {
				while (k < len && s[k] != 0x07 && !(s[k] == 0x1b &&
				    k + 1 < len && s[k + 1] == '\\'))
					k++;
				k = k >= len ? len : k + (s[k] == 0x07 ? 1 : 2);
			}
			i = k;
			continue;
		}
		if ((n = sanitize_utf8_decode(s + i, len - i, &cp)) == 0) {
			memcpy(o + out, "\xef\xbf\xbd", 3);
			out += 3;
			i++;
			continue;
		}
		if (cp == '\n' || cp == '\t')
			o[out++] = (flags & SANITIZE_KEEP_NEWLINES) ?
			    (char)cp : ' ';
		else if (!(cp < 0x20 || cp == 0x7f || (cp >= 0x80 &&
		    cp < 0xa0) || (cp >= 0x202a && cp <= 0x202e) ||
		    (cp >= 0x2066 && cp <= 0x2069))) {
			memcpy(o + out, s + i, n);
			out += n;
		}
		i += n;
	}
	return (out);
}

static int
well_formed(const unsigned char *s, size_t len)
{
	unsigned int	cp;
	size_t		i, n;

	for (i = 0; i < len; i += n)
		if ((n = sanitize_utf8_decode(s + i, len - i, &cp)) == 0)
			return (0);
	return (1);
}

static void
check_against_reference(const unsigned char *s, size_t len)
{
	char	 want[3 * 40];
	char	*got;
	size_t	 n;
	int	 flags;

	assert_true(len <= 40);
	for (flags = 0; flags <= SANITIZE_KEEP_NEWLINES; flags++) {
		n = reference_sanitize(s, len, flags, want);
		got = sanitize_text((const char *)s, len, flags);
		if (strlen(got) != n || memcmp(got, want, n) != 0)
			fail_msg("sanitize_text differs on %zu bytes "
			    "%02x %02x %02x %02x", len, len > 0 ? s[0] : 0,
			    len > 1 ? s[1] : 0, len > 2 ? s[2] : 0,
			    len > 3 ? s[3] : 0);
		free(got);
		/* What the fast scan passes must stand unchanged. */
		if (sanitize_clean_len((const char *)s, len, flags) == len &&
		    (n != len || memcmp(want, s, len) != 0))
			fail_msg("sanitize_clean_len passes %02x %02x %02x",
			    len > 0 ? s[0] : 0, len > 1 ? s[1] : 0,
			    len > 2 ? s[2] : 0);
		/* On well-formed UTF-8 the shortcut scan stops at the same. */
		if (well_formed(s, len) &&
		    sanitize_clean_len_utf8((const char *)s, len, flags) !=
		    sanitize_clean_len((const char *)s, len, flags))
			fail_msg("sanitize_clean_len_utf8 differs on %zu bytes "
			    "%02x %02x %02x", len, len > 0 ? s[0] : 0,
			    len > 1 ? s[1] : 0, len > 2 ? s[2] : 0);
	}
}

/*
 * Every string of one and two bytes; then every lead byte followed by the
 * bytes where the rules change (continuation ranges, C1, the bidi
 * overrides, controls), alone and inside ASCII text so that the eight-
 * and sixteen-byte scans meet them too, at and across their edges.
 */
static void
test_sanitize_exhaustive(void **state)
{
	static const unsigned char tails[] = { 0x00, 0x09, 0x0a, 0x1b, 0x41,
	    0x7f, 0x80, 0x81, 0x8f, 0x90, 0x9f, 0xa0, 0xa5, 0xa6, 0xa9, 0xaa,
	    0xab, 0xae, 0xaf, 0xbf, 0xc0, 0xc2, 0xe2, 0xf0, 0xff };
	static const size_t offsets[] = { 0, 6, 7, 13, 14, 15, 16, 23, 31,
	    35 };
	unsigned char	 b[16], long_b[38];
	unsigned	 c0, c1, c2, t;

	(void)state;
	for (c0 = 0; c0 < 256; c0++) {
		b[0] = (unsigned char)c0;
		check_against_reference(b, 1);
		for (c1 = 0; c1 < 256; c1++) {
			b[1] = (unsigned char)c1;
			check_against_reference(b, 2);
		}
	}
	for (c0 = 0xc0; c0 < 256; c0++)
		for (c1 = 0; c1 < sizeof tails; c1++)
			for (c2 = 0; c2 < sizeof tails; c2++) {
				memcpy(b, "abcdefgh", 8);
				b[8] = (unsigned char)c0;
				b[9] = tails[c1];
				b[10] = tails[c2];
				check_against_reference(b + 8, 3);
				check_against_reference(b, 11);
				for (t = 0; t < sizeof tails; t++) {
					b[11] = tails[t];
					memcpy(b + 12, "xyz.", 4);
					check_against_reference(b, 16);
				}
				/* Across the edges of 8- and 16-byte blocks. */
				for (t = 0; t < sizeof offsets / sizeof offsets[0]; t++) {
					memset(long_b, 'q', sizeof long_b);
					long_b[offsets[t]] = (unsigned char)c0;
					long_b[offsets[t] + 1] = tails[c1];
					long_b[offsets[t] + 2] = tails[c2];
					check_against_reference(long_b,
					    sizeof long_b);
				}
			}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf_ceiling),
		cmocka_unit_test(test_buf_printf_detach),
		cmocka_unit_test(test_sanitize_table),
		cmocka_unit_test(test_tags_has),
		cmocka_unit_test(test_tags_display),
		cmocka_unit_test(test_sanitize_exhaustive),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
