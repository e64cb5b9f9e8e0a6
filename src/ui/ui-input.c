/*
 * Keys and mouse to actions, and actions to handlers: the view's handler
 * table first, then the global one (NeoMutt's dispatcher chain). Also the
 * one-line prompt used by search and tag selection.
 */
#include "config.h"

#include <ncurses.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

#include "ui/ui-int.h"
#include "ui/ui-text.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

#define UI_PROMPT_MAX	256	/* bytes in a typed line */

static int
ui_global_back(struct ui *ui, struct ui_view *v)
{
	ui_pop(ui);
	return (0);
}

static int
ui_global_quit(struct ui *ui, struct ui_view *v)
{
	ui->quit = 1;
	return (0);
}

static int
ui_global_help(struct ui *ui, struct ui_view *v)
{
	if (v->type->ctx == CTX_HELP)
		return (0);
	ui_push(ui, view_help_new(ui, v));
	return (0);
}

static int
ui_global_redraw(struct ui *ui, struct ui_view *v)
{
	clearok(curscr, TRUE);
	ui_dirty(ui);
	return (0);
}

static int
ui_global_reload_all(struct ui *ui, struct ui_view *v)
{
	ui_start_refresh(ui, 0);
	return (0);
}

static int
ui_global_search(struct ui *ui, struct ui_view *v)
{
	char	*q, *title;

	if ((q = ui_input_prompt(ui, _("Search for: "))) == NULL)
		return (0);
	if (*q != '\0') {
		title = xasprintf(_("Search results for \"%s\""), q);
		ui_push(ui, view_items_new(ui, 3, 0, q, title));
		free(title);
	}
	free(q);
	return (0);
}

static const struct ui_handler ui_global_handlers[] = {
	{ ACT_BACK, ui_global_back },
	{ ACT_QUIT, ui_global_quit },
	{ ACT_HELP, ui_global_help },
	{ ACT_REDRAW, ui_global_redraw },
	{ ACT_RELOAD_ALL, ui_global_reload_all },
	{ ACT_SEARCH, ui_global_search },
	{ ACT_NONE, NULL }
};

static int
ui_handlers_run(const struct ui_handler *h, struct ui *ui, struct ui_view *v,
    enum ui_action a)
{
	for (; h != NULL && h->action != ACT_NONE; h++)
		if (h->action == a)
			return (h->fn(ui, v));
	return (-1);
}

static int
ui_handlers_have(const struct ui_handler *h, enum ui_action a)
{
	for (; h != NULL && h->action != ACT_NONE; h++)
		if (h->action == a)
			return (1);
	return (0);
}

/*
 * Does a do anything in v: its own handlers, the list's movement (the
 * actions ui_list_action takes), or the global ones? The key hints and
 * the help offer only these, so that no key they show answers "not
 * available here".
 */
int
ui_input_works(const struct ui_view *v, enum ui_action a)
{
	switch (a) {
	case ACT_NONE:
		return (0);
	case ACT_UP:
	case ACT_DOWN:
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN:
	case ACT_TOP:
	case ACT_BOTTOM:
		return (1);
	case ACT_HELP:
		if (v->type->ctx == CTX_HELP)
			return (0);	/* already there */
		break;
	default:
		break;
	}
	return (ui_handlers_have(v->type->handlers, a) ||
	    ui_handlers_have(ui_global_handlers, a));
}

void
ui_input_dispatch(struct ui *ui, enum ui_action a)
{
	struct ui_view	*v = ui_top(ui);

	if (v == NULL || a == ACT_NONE)
		return;
	ui->msg[0] = '\0';
	ui_dirty(ui);
	if (ui_handlers_run(v->type->handlers, ui, v, a) == 0)
		return;
	if (ui_list_action(&v->list, a) == 0)
		return;
	if (ui_handlers_run(ui_global_handlers, ui, v, a) == 0)
		return;
	ui_message(ui, 0, _("%s: not available here"),
	    ui_keys_action_info(a)->name);
}

/* Two presses on one row this close together are a double click. */
#define UI_DOUBLE_CLICK_MS	400

static long long
ui_now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000);
}

/* One mouse event: the wheel scrolls, a press selects, two open. */
static void
ui_mouse_event(struct ui *ui, struct ui_view *v, const MEVENT *ev)
{
	static long long	 last_ms;
	static size_t		 last_row = (size_t)-1;
	long long		 now;
	size_t			 row;

	if (ev->bstate & BUTTON4_PRESSED)
		ui_list_scroll(&v->list, -3);
	else if (ev->bstate & BUTTON5_PRESSED)
		ui_list_scroll(&v->list, 3);
	else if (ev->bstate & BUTTON1_PRESSED) {
		if (ui_list_click(&v->list, ev->y - UI_TOP_ROWS) != 0)
			return;
		now = ui_now_ms();
		row = v->list.top + (size_t)(ev->y - UI_TOP_ROWS);
		if (row == last_row && now - last_ms <= UI_DOUBLE_CLICK_MS) {
			last_row = (size_t)-1;
			ui_input_dispatch(ui, ACT_OPEN);
		} else {
			last_row = row;
			last_ms = now;
		}
	}
	ui_dirty(ui);
}

/* curses may queue several events behind one KEY_MOUSE: take them all. */
static void
ui_mouse(struct ui *ui)
{
	MEVENT	ev;
	int	n = 0;

	while (n++ < 64 && getmouse(&ev) == OK) {
		if (ui_top(ui) == NULL)
			return;
		ui_mouse_event(ui, ui_top(ui), &ev);
	}
}

/* Normalise what get_wch() gave into our key code. */
static int
ui_key_code(int rc, wint_t wc)
{
	if (rc == KEY_CODE_YES) {
		if (wc == KEY_ENTER)
			return ('\n');
		return (UI_KEY_FUNC | (int)wc);
	}
	if (wc == '\r')
		return ('\n');
	if (wc == 0x7f || wc == '\b')
		return (UI_KEY_FUNC | KEY_BACKSPACE);
	return ((int)wc);
}

/* Read every key waiting on the terminal and run its action. */
void
ui_input(struct ui *ui)
{
	struct ui_view	*v;
	wint_t		 wc;
	int		 rc, key;

	while (!ui->quit && (rc = get_wch(&wc)) != ERR) {
		if (rc == KEY_CODE_YES && wc == KEY_MOUSE) {
			ui_mouse(ui);
			continue;
		}
		if (rc == KEY_CODE_YES && wc == KEY_RESIZE)
			continue;	/* we follow SIGWINCH ourselves */
		if ((v = ui_top(ui)) == NULL)
			break;
		key = ui_key_code(rc, wc);
		ui_input_dispatch(ui, ui_keys_lookup(v->type->ctx, key));
	}
}

/* The prompt's editing keys, as ui_key_code() gives them. */
enum {
	UI_PROMPT_INSERT,
	UI_PROMPT_ACCEPT,
	UI_PROMPT_CANCEL,
	UI_PROMPT_ERASE,
	UI_PROMPT_KILL
};

static const struct {
	int	key;
	int	op;
} ui_prompt_keys[] = {
	{ '\n', UI_PROMPT_ACCEPT },
	{ 27, UI_PROMPT_CANCEL },			/* ESC */
	{ 7, UI_PROMPT_CANCEL },			/* ^G */
	/* Also DEL and ^H (ui_key_code). */
	{ UI_KEY_FUNC | KEY_BACKSPACE, UI_PROMPT_ERASE },
	{ 21, UI_PROMPT_KILL },				/* ^U */
};

static int
ui_prompt_op(int key)
{
	size_t	i;

	for (i = 0; i < sizeof ui_prompt_keys / sizeof ui_prompt_keys[0]; i++)
		if (ui_prompt_keys[i].key == key)
			return (ui_prompt_keys[i].op);
	return (UI_PROMPT_INSERT);
}

/*
 * Ask for a line on the status row; returns it (sanitised), or NULL when
 * cancelled with ESC or ^G. It reads the keys itself, blocking: nothing
 * else needs the screen meanwhile, and the poller's notes wait in the pipe.
 */
char *
ui_input_prompt(struct ui *ui, const char *prompt)
{
	char	 line[UI_PROMPT_MAX + 1], u[4];
	const char *shown;
	size_t	 len = 0, n;
	wint_t	 wc;
	int	 rc, pw, w, op;

	line[0] = '\0';
	nodelay(stdscr, FALSE);
	curs_set(1);
	for (;;) {
		pw = ui_text_width(prompt);
		move(ui->height - 1, 0);
		clrtoeol();
		ui_draw_text(ui->height - 1, 0, ui->width, prompt, 0);
		/* Show the end of a line longer than the room left. */
		shown = line;
		while (*shown != '\0' && pw + ui_text_width(shown) >=
		    ui->width) {
			shown++;
			while ((*shown & 0xc0) == 0x80)
				shown++;
		}
		w = ui_text_width(shown);
		if (ui->width > pw)
			ui_draw_text(ui->height - 1, pw, ui->width - pw, shown,
			    0);
		move(ui->height - 1, pw + w < ui->width ? pw + w :
		    ui->width - 1);
		refresh();
		rc = get_wch(&wc);
		if (rc == ERR) {
			if (ui->quit)
				break;
			continue;
		}
		op = ui_prompt_op(ui_key_code(rc, wc));
		if (op == UI_PROMPT_ACCEPT) {
			nodelay(stdscr, TRUE);
			curs_set(0);
			ui_dirty(ui);
			return (sanitize_text(line, len, 0));
		}
		if (op == UI_PROMPT_CANCEL)
			break;
		if (op == UI_PROMPT_ERASE) {
			/* Drop the last character (with its UTF-8 tail). */
			while (len > 0 && ((unsigned char)line[len - 1] &
			    0xc0) == 0x80)
				len--;
			if (len > 0)
				len--;
			line[len] = '\0';
			continue;
		}
		if (op == UI_PROMPT_KILL) {
			len = 0;
			line[0] = '\0';
			continue;
		}
		if (rc != OK || wc < ' ')
			continue;
		n = sanitize_utf8_encode((unsigned int)wc, u);
		if (len + n > UI_PROMPT_MAX)
			continue;
		memcpy(line + len, u, n);
		len += n;
		line[len] = '\0';
	}
	nodelay(stdscr, TRUE);
	curs_set(0);
	ui_dirty(ui);
	return (NULL);
}
