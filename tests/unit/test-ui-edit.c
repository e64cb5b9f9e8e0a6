/*
 * Unit tests for the prompts' line editor (src/ui/ui-edit.c): moving and
 * deleting by character over ASCII, wide characters and combining marks,
 * the readline kills, the history, and what is shown in a narrow room.
 */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ui/ui-edit.h"

/* Type s, a character at a time, at the cursor. */
static void
type(struct ui_edit *e, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	unsigned int		 cp;
	size_t			 n;

	while (*p != '\0') {
		/* The tests' strings are well-formed UTF-8. */
		if (*p < 0x80) {
			cp = *p;
			n = 1;
		} else if ((*p & 0xe0) == 0xc0) {
			cp = ((p[0] & 0x1fu) << 6) | (p[1] & 0x3fu);
			n = 2;
		} else if ((*p & 0xf0) == 0xe0) {
			cp = ((p[0] & 0x0fu) << 12) | ((p[1] & 0x3fu) << 6) |
			    (p[2] & 0x3fu);
			n = 3;
		} else {
			cp = ((p[0] & 0x07u) << 18) | ((p[1] & 0x3fu) << 12) |
			    ((p[2] & 0x3fu) << 6) | (p[3] & 0x3fu);
			n = 4;
		}
		assert_int_equal(ui_edit_do(e, UI_EDIT_INSERT, cp), 0);
		p += n;
	}
}

static void
op(struct ui_edit *e, enum ui_edit_op o, int times)
{
	while (times-- > 0)
		ui_edit_do(e, o, 0);
}

static void
test_edit_ascii(void **state)
{
	struct ui_edit	e;

	(void)state;
	ui_edit_init(&e, NULL);
	type(&e, "ebra");
	op(&e, UI_EDIT_HOME, 1);
	type(&e, "z");
	assert_string_equal(e.buf, "zebra");
	assert_int_equal(e.cur, 1);
	op(&e, UI_EDIT_END, 1);
	op(&e, UI_EDIT_ERASE, 1);
	assert_string_equal(e.buf, "zebr");
	op(&e, UI_EDIT_HOME, 1);
	op(&e, UI_EDIT_DELETE, 1);
	assert_string_equal(e.buf, "ebr");
	/* At the ends, nothing to do. */
	assert_int_equal(ui_edit_do(&e, UI_EDIT_LEFT, 0), -1);
	assert_int_equal(ui_edit_do(&e, UI_EDIT_ERASE, 0), -1);
	op(&e, UI_EDIT_RIGHT, 5);
	assert_int_equal(e.cur, 3);
	assert_int_equal(ui_edit_do(&e, UI_EDIT_DELETE, 0), -1);
	/* Control characters are not typed in. */
	assert_int_equal(ui_edit_do(&e, UI_EDIT_INSERT, 0x1b), -1);
	assert_int_equal(ui_edit_do(&e, UI_EDIT_INSERT, 0x9b), -1);
	assert_string_equal(e.buf, "ebr");
}

static void
test_edit_kills(void **state)
{
	struct ui_edit	e;

	(void)state;
	ui_edit_init(&e, NULL);
	type(&e, "one two  three");
	op(&e, UI_EDIT_KILL_WORD, 1);
	assert_string_equal(e.buf, "one two  ");
	/* Blanks first, then the word. */
	op(&e, UI_EDIT_KILL_WORD, 1);
	assert_string_equal(e.buf, "one ");
	type(&e, "four five");
	op(&e, UI_EDIT_LEFT, 4);
	op(&e, UI_EDIT_KILL_END, 1);
	assert_string_equal(e.buf, "one four ");
	op(&e, UI_EDIT_LEFT, 5);
	op(&e, UI_EDIT_KILL_START, 1);
	assert_string_equal(e.buf, "four ");
	assert_int_equal(e.cur, 0);
	/* ^W in the middle of a word takes its first part only. */
	op(&e, UI_EDIT_RIGHT, 2);
	op(&e, UI_EDIT_KILL_WORD, 1);
	assert_string_equal(e.buf, "ur ");
}

static void
test_edit_wide(void **state)
{
	struct ui_edit	 e;
	const char	*shown;
	int		 col;

	(void)state;
	ui_edit_init(&e, NULL);
	type(&e, "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e");	/* 日本語 */
	op(&e, UI_EDIT_LEFT, 1);
	assert_int_equal(e.cur, 6);
	ui_edit_view(&e, 40, &shown, &col);
	assert_int_equal(col, 4);
	op(&e, UI_EDIT_ERASE, 1);
	assert_string_equal(e.buf, "\xe6\x97\xa5\xe8\xaa\x9e");
	ui_edit_view(&e, 40, &shown, &col);
	assert_int_equal(col, 2);
	/* A letter and its combining accent are one character. */
	ui_edit_init(&e, NULL);
	type(&e, "ae\xcc\x81z");
	op(&e, UI_EDIT_LEFT, 2);
	assert_int_equal(e.cur, 1);
	op(&e, UI_EDIT_RIGHT, 1);
	assert_int_equal(e.cur, 4);
	op(&e, UI_EDIT_ERASE, 1);
	assert_string_equal(e.buf, "az");
	/* An emoji (four bytes, two cells). */
	ui_edit_init(&e, NULL);
	type(&e, "x\xf0\x9f\x98\x80y");
	op(&e, UI_EDIT_LEFT, 1);
	op(&e, UI_EDIT_DELETE, 1);
	op(&e, UI_EDIT_LEFT, 1);
	assert_int_equal(e.cur, 1);
	op(&e, UI_EDIT_DELETE, 1);
	assert_string_equal(e.buf, "x");
}

static void
test_edit_full(void **state)
{
	struct ui_edit	e;
	int		i;

	(void)state;
	ui_edit_init(&e, NULL);
	for (i = 0; i < UI_EDIT_MAX / 3; i++)
		assert_int_equal(ui_edit_do(&e, UI_EDIT_INSERT, 0x65e5), 0);
	/* No room for a whole one more: refused, the line stays whole. */
	assert_int_equal(ui_edit_do(&e, UI_EDIT_INSERT, 0x65e5), -1);
	assert_int_equal(e.len, (size_t)(UI_EDIT_MAX / 3 * 3));
	assert_int_equal(ui_edit_do(&e, UI_EDIT_INSERT, 'a'), 0);
}

static void
test_edit_history(void **state)
{
	struct ui_edit_hist	h;
	struct ui_edit		e;
	char			line[16];
	int			i;

	(void)state;
	memset(&h, 0, sizeof h);
	ui_edit_hist_add(&h, "first");
	ui_edit_hist_add(&h, "second");
	ui_edit_hist_add(&h, "second");		/* not twice in a row */
	ui_edit_hist_add(&h, "");		/* nor an empty line */
	assert_int_equal(h.n, 2);
	ui_edit_init(&e, &h);
	type(&e, "draft");
	op(&e, UI_EDIT_HIST_PREV, 1);
	assert_string_equal(e.buf, "second");
	assert_int_equal(e.cur, 6);
	op(&e, UI_EDIT_HIST_PREV, 1);
	assert_string_equal(e.buf, "first");
	assert_int_equal(ui_edit_do(&e, UI_EDIT_HIST_PREV, 0), -1);
	op(&e, UI_EDIT_HIST_NEXT, 1);
	assert_string_equal(e.buf, "second");
	op(&e, UI_EDIT_HIST_NEXT, 1);
	assert_string_equal(e.buf, "draft");
	assert_int_equal(ui_edit_do(&e, UI_EDIT_HIST_NEXT, 0), -1);
	ui_edit_hist_free(&h);
	/* The oldest line goes when the history is full. */
	for (i = 0; i < UI_EDIT_HIST_MAX + 5; i++) {
		snprintf(line, sizeof line, "l%d", i);
		ui_edit_hist_add(&h, line);
	}
	assert_int_equal(h.n, UI_EDIT_HIST_MAX);
	assert_string_equal(h.v[0], "l5");
	ui_edit_hist_free(&h);
}

static void
test_edit_view(void **state)
{
	struct ui_edit	 e;
	const char	*shown;
	int		 col;

	(void)state;
	ui_edit_init(&e, NULL);
	type(&e, "abcdefghij");
	/* Ten characters in six cells: the end, the cursor after it. */
	ui_edit_view(&e, 6, &shown, &col);
	assert_string_equal(shown, "fghij");
	assert_int_equal(col, 5);
	op(&e, UI_EDIT_HOME, 1);
	ui_edit_view(&e, 6, &shown, &col);
	assert_int_equal(shown - e.buf, 0);
	assert_int_equal(col, 0);
	/* Wide characters scroll by their width. */
	ui_edit_init(&e, NULL);
	type(&e, "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe6\x97\xa5");
	ui_edit_view(&e, 6, &shown, &col);
	assert_string_equal(shown, "\xe8\xaa\x9e\xe6\x97\xa5");
	assert_int_equal(col, 4);
	/* Deleting back brings the start back into view. */
	op(&e, UI_EDIT_KILL_START, 1);
	type(&e, "ab");
	ui_edit_view(&e, 6, &shown, &col);
	assert_string_equal(shown, "ab");
	assert_int_equal(col, 2);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_edit_ascii),
		cmocka_unit_test(test_edit_kills),
		cmocka_unit_test(test_edit_wide),
		cmocka_unit_test(test_edit_full),
		cmocka_unit_test(test_edit_history),
		cmocka_unit_test(test_edit_view),
	};

	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		setlocale(LC_CTYPE, "");
	return (cmocka_run_group_tests(tests, NULL, NULL));
}
