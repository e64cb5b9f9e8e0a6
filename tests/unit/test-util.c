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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf_ceiling),
		cmocka_unit_test(test_buf_printf_detach),
		cmocka_unit_test(test_sanitize_table),
		cmocka_unit_test(test_tags_has),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
