/*
 * The numbered links of an article: row n of the URL view, [n] in the
 * text and the digit keys all mean the same link. A digit starts the
 * "Go to link" prompt with itself typed, so that 12 is two key presses
 * and ENTER, as in Newsboat; `#` starts it empty.
 */
#include "config.h"

#include <errno.h>
#include <ncurses.h>
#include <stdlib.h>

#include "ui/ui-int.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

void
ui_links_free(struct ui_links *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++) {
		free(l->url[i]);
		free(l->label[i]);
	}
	free(l->url);
	free(l->label);
	l->url = l->label = NULL;
	l->n = 0;
}

/*
 * Ask for a link number (the digit that was pressed already typed) and
 * return it, from 1, or 0 when cancelled or wrong (with a message).
 */
size_t
ui_links_ask(struct ui *ui, const struct ui_links *l, int key)
{
	char		*s, *end;
	unsigned long	 n;

	if (l->n == 0) {
		ui_message(ui, 0, "%s", _("This article has no links."));
		return (0);
	}
	if (key >= '0' && key <= '9')
		unget_wch((wchar_t)key);
	if ((s = ui_input_prompt(ui, _("Go to link: "))) == NULL)
		return (0);
	errno = 0;
	n = strtoul(s, &end, 10);
	if (*s == '\0') {
		free(s);
		return (0);
	}
	if (end == s || *end != '\0' || errno != 0 || n == 0 || n > l->n) {
		ui_message(ui, 1, ngettext("No link %s: there is %zu link.",
		    "No link %s: there are %zu links.", l->n), s, l->n);
		free(s);
		return (0);
	}
	free(s);
	return ((size_t)n);
}

/* Ask for a link number and open that link in the browser. */
void
ui_links_goto(struct ui *ui, const struct ui_links *l, int key)
{
	size_t	 n;
	char	*cause = NULL;

	if ((n = ui_links_ask(ui, l, key)) == 0)
		return;
	if (ui_run_open_url(ui, l->url[n - 1], &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	}
}
