/*
 * The highlight lines on the screen: after a line of a view is drawn,
 * what a rule's regular expression matches in the text shown is drawn
 * again in the rule's colours (the first rule to reach a character wins).
 * The text matched is the sanitised text on the screen, never given to
 * anything but regexec(); the rules and the matches on a line are capped
 * so that no feed can make a line slow to draw. Also the pairs of
 * highlight-feed.
 */
#include "config.h"

#include <ncurses.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "conf/conf.h"
#include "ui/ui-int.h"
#include "ui/ui-text.h"
#include "util/xmalloc.h"

/* Past these, the rest of a line is drawn as it is. */
#define UI_HL_MAX_MATCHES	64
#define UI_HL_MAX_BYTES		4096

static int	*ui_hl_attrs;		/* each highlight line's */
static size_t	 ui_hl_n;
static int	*ui_hl_feed_attrs;	/* each highlight-feed line's */
static size_t	 ui_hl_nfeed;

/* The colour pairs from first on, after ui_colour_start(). */
void
ui_hl_start(const struct config *conf, int first)
{
	size_t	i;

	free(ui_hl_attrs);
	free(ui_hl_feed_attrs);
	ui_hl_attrs = ui_hl_feed_attrs = NULL;
	ui_hl_n = ui_hl_nfeed = 0;
	if (conf == NULL)
		return;
	if (conf->nhl_rules > 0)
		ui_hl_attrs = xreallocarray(NULL, conf->nhl_rules,
		    sizeof *ui_hl_attrs);
	for (i = 0; i < conf->nhl_rules; i++)
		ui_hl_attrs[i] = ui_colour_rule(&conf->hl_rules[i].colour,
		    first + (int)i);
	ui_hl_n = conf->nhl_rules;
	first += (int)conf->nhl_rules;
	if (conf->nfeed_highlights > 0)
		ui_hl_feed_attrs = xreallocarray(NULL, conf->nfeed_highlights,
		    sizeof *ui_hl_feed_attrs);
	for (i = 0; i < conf->nfeed_highlights; i++)
		ui_hl_feed_attrs[i] = ui_colour_rule(
		    &conf->feed_highlights[i].colour, first + (int)i);
	ui_hl_nfeed = conf->nfeed_highlights;
}

int
ui_hl_feed_attr(size_t i)
{
	return (i < ui_hl_nfeed ? ui_hl_feed_attrs[i] : 0);
}

/*
 * Which rule colours each byte of s (len bytes): who[b] is its index or
 * -1. Returns whether any does.
 */
static int
ui_hl_match(const struct config *conf, const char *s, size_t len,
    int views, int *who)
{
	const struct conf_hl_rule	*r;
	regmatch_t			 m;
	size_t				 i, b, off, so, eo;
	int				 found = 0, nmatch = 0;

	for (b = 0; b < len; b++)
		who[b] = -1;
	for (i = 0; i < conf->nhl_rules && i < ui_hl_n; i++) {
		r = &conf->hl_rules[i];
		if ((r->views & views) == 0)
			continue;
		off = 0;
		while (off < len && nmatch < UI_HL_MAX_MATCHES) {
			nmatch++;
			if (regexec(r->re, s + off, 1, &m, off > 0 ?
			    REG_NOTBOL : 0) != 0 || m.rm_so < 0)
				break;
			so = off + (size_t)m.rm_so;
			eo = off + (size_t)m.rm_eo;
			if (eo > len)
				eo = len;
			if (eo <= so) {
				/* Empty: on to the next character. */
				off = so + 1;
				while (off < len &&
				    ((unsigned char)s[off] & 0xc0) == 0x80)
					off++;
				continue;
			}
			for (b = so; b < eo; b++)
				if (who[b] == -1) {
					who[b] = (int)i;
					found = 1;
				}
			off = eo;
		}
	}
	return (found);
}

void
ui_hl_paint(const struct config *conf, int y, int x, int width,
    const char *text, int views)
{
	char	*s, save;
	size_t	 len, b, e;
	int	*who, col, w;

	if (conf == NULL || conf->nhl_rules == 0 || views == 0 || width <= 0)
		return;
	len = strnlen(text, UI_HL_MAX_BYTES);
	/* Never cut a character in two. */
	while (len > 0 && text[len] != '\0' &&
	    ((unsigned char)text[len] & 0xc0) == 0x80)
		len--;
	if (len == 0)
		return;
	s = xstrndup(text, len);
	who = xreallocarray(NULL, len, sizeof *who);
	if (!ui_hl_match(conf, s, len, views, who))
		goto out;
	for (b = 0; b < len; b = e) {
		for (e = b + 1; e < len && who[e] == who[b]; e++)
			;
		if (who[b] == -1)
			continue;
		save = s[b];
		s[b] = '\0';
		col = ui_text_width(s);
		s[b] = save;
		if (col >= width)
			break;
		save = s[e];
		s[e] = '\0';
		w = ui_text_width(s + b);
		ui_draw_text(y, x + col, w < width - col ? w : width - col,
		    s + b, ui_hl_attrs[who[b]]);
		s[e] = save;
	}
out:
	free(who);
	free(s);
}

void
ui_hl_text(const struct config *conf, int y, int x, int width,
    const char *s, int attr, int views)
{
	char	cell[4096];

	ui_draw_text(y, x, width, s, attr);
	if (conf == NULL || conf->nhl_rules == 0 || views == 0 || width <= 0)
		return;
	/* The matches in what is on the screen, cut as it was. */
	ui_text_cell(s, width, cell, sizeof cell);
	ui_hl_paint(conf, y, x, width, cell, views);
}
