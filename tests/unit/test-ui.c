/*
 * Unit tests for the curses-free parts of src/ui: cell widths and
 * truncation, the list widget, key names and the key maps.
 */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ui/ui-int.h"
#include "ui/ui-text.h"

static const struct {
	const char	*in;
	int		 width;
} width_cases[] = {
	{ "", 0 },
	{ "abc", 3 },
	{ "\xe6\x97\xa5\xe6\x9c\xac", 4 },		/* 日本: wide */
	{ "e\xcc\x81", 1 },				/* e + combining acute */
	{ "\xf0\x9f\x98\x80", 2 },			/* emoji */
	{ "bad\xff", 4 },				/* invalid byte: 1 */
};

static void
test_text_width(void **state)
{
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof width_cases / sizeof width_cases[0]; i++)
		assert_int_equal(ui_text_width(width_cases[i].in),
		    width_cases[i].width);
}

static const struct {
	const char	*in;
	int		 width;
	const char	*out;	/* exactly width cells */
} cell_cases[] = {
	{ "abc", 5, "abc  " },
	{ "abcdef", 4, "abc\xe2\x80\xa6" },
	{ "abcd", 4, "abcd" },
	/* A wide character never straddles the edge: pad instead. */
	{ "a\xe6\x97\xa5\xe6\x9c\xac", 4, "a\xe6\x97\xa5\xe2\x80\xa6" },
	{ "\xe6\x97\xa5\xe6\x9c\xac\xe6\x97\xa5", 4,
	  "\xe6\x97\xa5\xe2\x80\xa6 " },
	/* The combining mark stays with its base. */
	{ "e\xcc\x81" "abc", 3, "e\xcc\x81" "a\xe2\x80\xa6" },
	{ "xyz", 0, "" },
	{ "xyz", 1, "\xe2\x80\xa6" },
};

static void
test_text_cell(void **state)
{
	char	out[64];
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof cell_cases / sizeof cell_cases[0]; i++) {
		ui_text_cell(cell_cases[i].in, cell_cases[i].width, out,
		    sizeof out);
		assert_string_equal(out, cell_cases[i].out);
		assert_int_equal(ui_text_width(out), cell_cases[i].width);
	}
}

static void
test_text_wrap(void **state)
{
	size_t	starts[8], n;

	(void)state;
	n = ui_text_wrap("one two three four", 9, starts, 8);
	assert_int_equal(n, 3);
	assert_int_equal(starts[0], 0);
	assert_int_equal(starts[1], 8);		/* "three " */
	assert_int_equal(starts[2], 14);	/* "four" */
	n = ui_text_wrap("a\nb", 10, starts, 8);
	assert_int_equal(n, 2);
	assert_int_equal(starts[1], 2);
	/* A word longer than the line is cut, not looped on. */
	n = ui_text_wrap("abcdefghij", 4, starts, 8);
	assert_int_equal(n, 3);
}

/* Actions on a list of 100 rows, 10 on screen: cursor and top after. */
static const struct {
	enum conf_action	 a;
	size_t		 cursor;
	size_t		 top;
} list_cases[] = {
	{ ACT_DOWN, 1, 0 },
	{ ACT_PAGE_DOWN, 11, 10 },
	{ ACT_PAGE_DOWN, 21, 20 },
	{ ACT_PAGE_UP, 11, 10 },
	{ ACT_BOTTOM, 99, 90 },
	{ ACT_DOWN, 99, 90 },
	{ ACT_PAGE_DOWN, 99, 90 },
	{ ACT_TOP, 0, 0 },
	{ ACT_UP, 0, 0 },
	{ ACT_PAGE_UP, 0, 0 },
};

static void
test_list_moves(void **state)
{
	struct ui_list	l;
	size_t		i;

	(void)state;
	ui_list_init(&l, 0);
	ui_list_set_height(&l, 10);
	ui_list_set_count(&l, 100);
	for (i = 0; i < sizeof list_cases / sizeof list_cases[0]; i++) {
		assert_int_equal(ui_list_action(&l, list_cases[i].a), 0);
		assert_int_equal(l.cursor, list_cases[i].cursor);
		assert_int_equal(l.top, list_cases[i].top);
	}
	/* Shrinking the list pulls the cursor in; growing keeps it. */
	ui_list_set_cursor(&l, 50);
	ui_list_set_count(&l, 20);
	assert_int_equal(l.cursor, 19);
	assert_int_equal(l.top, 10);
	/* A smaller screen keeps the cursor on it. */
	ui_list_set_height(&l, 3);
	assert_true(l.cursor >= l.top && l.cursor < l.top + 3);
	/* Clicks select the row under the pointer, not past the end. */
	ui_list_set_cursor(&l, 0);
	assert_int_equal(ui_list_click(&l, 2), 0);
	assert_int_equal(l.cursor, 2);
	ui_list_set_count(&l, 2);
	assert_int_equal(ui_list_click(&l, 2), -1);
	/* The wheel scrolls and drags the cursor along. */
	ui_list_set_count(&l, 100);
	ui_list_set_cursor(&l, 0);
	ui_list_scroll(&l, 5);
	assert_int_equal(l.top, 5);
	assert_int_equal(l.cursor, 5);
}

static void
test_list_pager(void **state)
{
	struct ui_list	l;

	(void)state;
	ui_list_init(&l, 1);
	ui_list_set_height(&l, 10);
	ui_list_set_count(&l, 25);
	ui_list_action(&l, ACT_DOWN);
	assert_int_equal(l.top, 1);
	ui_list_action(&l, ACT_BOTTOM);
	assert_int_equal(l.top, 15);	/* the last page, full */
	ui_list_action(&l, ACT_PAGE_UP);
	assert_int_equal(l.top, 5);
	ui_list_set_count(&l, 5);
	assert_int_equal(l.top, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_width),
		cmocka_unit_test(test_text_cell),
		cmocka_unit_test(test_text_wrap),
		cmocka_unit_test(test_list_moves),
		cmocka_unit_test(test_list_pager),
	};

	/* wcwidth() needs a UTF-8 locale; C.UTF-8 is always there. */
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		setlocale(LC_CTYPE, "");
	return (cmocka_run_group_tests(tests, NULL, NULL));
}
