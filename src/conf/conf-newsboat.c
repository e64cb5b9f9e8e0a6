/*
 * Newsboat's configuration words (its 2.21 documentation): the options,
 * actions, dialogs and colour elements a config copied from Newsboat may
 * hold. What tidings has under the same name is read as its own; the
 * rest is either renamed to tidings' equivalent or accepted with a
 * warning, so that such a config starts, while a word Newsboat does not
 * know either (a typo) is still an error.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "conf/conf-int.h"

/* Options tidings does not read under this name; sorted by name. */
static const struct conf_newsboat_option conf_newsboat_options[] = {
	{ "always-display-description", CONF_NB_IGNORED, NULL },
	{ "always-download", CONF_NB_IGNORED, NULL },
	{ "article-sort-order", CONF_NB_IGNORED, NULL },
	{ "articlelist-format", CONF_NB_IGNORED, NULL },
	{ "articlelist-title-format", CONF_NB_IGNORED, NULL },
	{ "bookmark-autopilot", CONF_NB_IGNORED, NULL },
	{ "bookmark-cmd", CONF_NB_IGNORED, NULL },
	{ "bookmark-interactive", CONF_NB_IGNORED, NULL },
	{ "cache-file", CONF_NB_IGNORED, NULL },
	{ "cleanup-on-quit", CONF_NB_IGNORED, NULL },
	{ "confirm-exit", CONF_NB_IGNORED, NULL },
	{ "cookie-cache", CONF_NB_IGNORED, NULL },
	{ "datetime-format", CONF_NB_IGNORED, NULL },
	{ "delete-played-files", CONF_NB_LATER, NULL },
	{ "delete-read-articles-on-quit", CONF_NB_IGNORED, NULL },
	{ "dialogs-title-format", CONF_NB_IGNORED, NULL },
	{ "dirbrowser-title-format", CONF_NB_IGNORED, NULL },
	{ "display-article-progress", CONF_NB_IGNORED, NULL },
	{ "download-full-page", CONF_NB_IGNORED, NULL },
	{ "download-retries", CONF_NB_IGNORED, NULL },
	{ "error-log", CONF_NB_IGNORED, NULL },
	{ "external-url-viewer", CONF_NB_IGNORED, NULL },
	{ "feed-sort-order", CONF_NB_IGNORED, NULL },
	{ "feedhq-flag-share", CONF_NB_IGNORED, NULL },
	{ "feedhq-flag-star", CONF_NB_IGNORED, NULL },
	{ "feedhq-login", CONF_NB_IGNORED, NULL },
	{ "feedhq-min-items", CONF_NB_IGNORED, NULL },
	{ "feedhq-password", CONF_NB_IGNORED, NULL },
	{ "feedhq-passwordeval", CONF_NB_IGNORED, NULL },
	{ "feedhq-passwordfile", CONF_NB_IGNORED, NULL },
	{ "feedhq-show-special-feeds", CONF_NB_IGNORED, NULL },
	{ "feedhq-url", CONF_NB_IGNORED, NULL },
	{ "feedlist-format", CONF_NB_IGNORED, NULL },
	{ "feedlist-title-format", CONF_NB_IGNORED, NULL },
	{ "filebrowser-title-format", CONF_NB_IGNORED, NULL },
	{ "goto-first-unread", CONF_NB_IGNORED, NULL },
	{ "goto-next-feed", CONF_NB_IGNORED, NULL },
	{ "help-title-format", CONF_NB_IGNORED, NULL },
	{ "history-limit", CONF_NB_IGNORED, NULL },
	{ "html-renderer", CONF_NB_IGNORED, NULL },
	{ "http-auth-method", CONF_NB_IGNORED, NULL },
	{ "include", CONF_NB_IGNORED, NULL },
	{ "inoreader-app-id", CONF_NB_IGNORED, NULL },
	{ "inoreader-app-key", CONF_NB_IGNORED, NULL },
	{ "inoreader-flag-share", CONF_NB_IGNORED, NULL },
	{ "inoreader-flag-star", CONF_NB_IGNORED, NULL },
	{ "inoreader-login", CONF_NB_IGNORED, NULL },
	{ "inoreader-min-items", CONF_NB_IGNORED, NULL },
	{ "inoreader-password", CONF_NB_IGNORED, NULL },
	{ "inoreader-passwordeval", CONF_NB_IGNORED, NULL },
	{ "inoreader-passwordfile", CONF_NB_IGNORED, NULL },
	{ "inoreader-show-special-feeds", CONF_NB_IGNORED, NULL },
	{ "itemview-title-format", CONF_NB_IGNORED, NULL },
	{ "mark-as-read-on-hover", CONF_NB_IGNORED, NULL },
	{ "max-browser-tabs", CONF_NB_IGNORED, NULL },
	{ "max-download-speed", CONF_NB_IGNORED, NULL },
	{ "miniflux-login", CONF_NB_IGNORED, NULL },
	{ "miniflux-password", CONF_NB_IGNORED, NULL },
	{ "miniflux-passwordeval", CONF_NB_IGNORED, NULL },
	{ "miniflux-passwordfile", CONF_NB_IGNORED, NULL },
	{ "miniflux-url", CONF_NB_IGNORED, NULL },
	{ "newsblur-login", CONF_NB_IGNORED, NULL },
	{ "newsblur-min-items", CONF_NB_IGNORED, NULL },
	{ "newsblur-password", CONF_NB_IGNORED, NULL },
	{ "newsblur-passwordeval", CONF_NB_IGNORED, NULL },
	{ "newsblur-passwordfile", CONF_NB_IGNORED, NULL },
	{ "newsblur-url", CONF_NB_IGNORED, NULL },
	{ "notify-always", CONF_NB_IGNORED, NULL },
	{ "notify-beep", CONF_NB_IGNORED, NULL },
	{ "notify-format", CONF_NB_IGNORED, NULL },
	{ "notify-program", CONF_NB_IGNORED, NULL },
	{ "notify-screen", CONF_NB_IGNORED, NULL },
	{ "notify-xterm", CONF_NB_IGNORED, NULL },
	{ "ocnews-flag-star", CONF_NB_IGNORED, NULL },
	{ "ocnews-login", CONF_NB_IGNORED, NULL },
	{ "ocnews-password", CONF_NB_IGNORED, NULL },
	{ "ocnews-passwordeval", CONF_NB_IGNORED, NULL },
	{ "ocnews-passwordfile", CONF_NB_IGNORED, NULL },
	{ "ocnews-url", CONF_NB_IGNORED, NULL },
	{ "oldreader-flag-share", CONF_NB_IGNORED, NULL },
	{ "oldreader-flag-star", CONF_NB_IGNORED, NULL },
	{ "oldreader-login", CONF_NB_IGNORED, NULL },
	{ "oldreader-min-items", CONF_NB_IGNORED, NULL },
	{ "oldreader-password", CONF_NB_IGNORED, NULL },
	{ "oldreader-passwordeval", CONF_NB_IGNORED, NULL },
	{ "oldreader-passwordfile", CONF_NB_IGNORED, NULL },
	{ "oldreader-show-special-feeds", CONF_NB_IGNORED, NULL },
	{ "openbrowser-and-mark-jumps-to-next-unread", CONF_NB_IGNORED, NULL },
	{ "opml-url", CONF_NB_IGNORED, NULL },
	{ "pager", CONF_NB_IGNORED, NULL },
	{ "podlist-format", CONF_NB_LATER, NULL },
	{ "proxy-auth-method", CONF_NB_IGNORED, NULL },
	{ "reload-only-visible-feeds", CONF_NB_IGNORED, NULL },
	{ "reload-threads", CONF_NB_RENAMED, "max-connections" },
	{ "reset-unread-on-update", CONF_NB_IGNORED, NULL },
	{ "run-on-startup", CONF_NB_IGNORED, NULL },
	{ "scrolloff", CONF_NB_IGNORED, NULL },
	{ "search-highlight-colors", CONF_NB_IGNORED, NULL },
	{ "searchresult-title-format", CONF_NB_IGNORED, NULL },
	{ "selectfilter-title-format", CONF_NB_IGNORED, NULL },
	{ "selecttag-format", CONF_NB_IGNORED, NULL },
	{ "selecttag-title-format", CONF_NB_IGNORED, NULL },
	{ "show-keymap-hint", CONF_NB_IGNORED, NULL },
	{ "show-read-articles", CONF_NB_IGNORED, NULL },
	{ "show-title-bar", CONF_NB_IGNORED, NULL },
	{ "ssl-verifyhost", CONF_NB_IGNORED, NULL },
	{ "ssl-verifypeer", CONF_NB_IGNORED, NULL },
	{ "suppress-first-reload", CONF_NB_IGNORED, NULL },
	{ "swap-title-and-hints", CONF_NB_IGNORED, NULL },
	{ "text-width", CONF_NB_IGNORED, NULL },
	{ "toggleitemread-jumps-to-next-unread", CONF_NB_IGNORED, NULL },
	{ "ttrss-flag-publish", CONF_NB_LATER, NULL },
	{ "ttrss-flag-star", CONF_NB_LATER, NULL },
	{ "ttrss-mode", CONF_NB_LATER, NULL },
	{ "urlview-title-format", CONF_NB_IGNORED, NULL },
	{ "use-proxy", CONF_NB_IGNORED, NULL },
	{ "user-agent", CONF_NB_IGNORED, NULL },
	{ "wrap-scroll", CONF_NB_IGNORED, NULL },
};

/* Every action (operation) of Newsboat; sorted. */
static const char *const conf_newsboat_actions[] = {
	"bookmark", "clear-filter", "clear-tag", "close-dialog", "cmd-eight",
	"cmd-five", "cmd-four", "cmd-nine", "cmd-one", "cmd-seven", "cmd-six",
	"cmd-three", "cmd-two", "cmdline", "delete-all-articles",
	"delete-article", "down", "edit-flags", "edit-urls", "eight", "end",
	"enqueue", "five", "four", "goto-url", "hard-quit", "help", "home",
	"macro-prefix", "mark-all-above-as-read", "mark-all-feeds-read",
	"mark-feed-read", "next", "next-dialog", "next-feed", "next-unread",
	"next-unread-feed", "nine", "one", "open",
	"open-all-unread-in-browser",
	"open-all-unread-in-browser-and-mark-read", "open-in-browser",
	"open-in-browser-and-mark-read", "open-search", "pagedown", "pageup",
	"pipe-to", "prev", "prev-dialog", "prev-feed", "prev-unread",
	"prev-unread-feed", "purge-deleted", "quit", "random-unread",
	"redraw", "reload", "reload-all", "reload-urls", "rev-sort", "save",
	"save-all", "select-filter", "select-tag", "set-filter", "set-tag",
	"seven", "show-urls", "six", "sort", "switch-focus", "three",
	"toggle-article-read", "toggle-show-read-feeds", "toggle-source-view",
	"two", "up", "view-dialogs", "zero",
};

/* Newsboat's dialogs, for bind-key's context; sorted. */
static const char *const conf_newsboat_dialogs[] = {
	"all", "article", "articlelist", "dirbrowser", "feedlist",
	"filebrowser", "filterselection", "help", "podboat", "tagselection",
	"urlview",
};

/* Newsboat's colour elements; sorted. */
static const char *const conf_newsboat_elements[] = {
	"article", "background", "end-of-text-marker", "info", "listfocus",
	"listfocus_unread", "listnormal", "listnormal_unread",
};

static int
conf_newsboat_cmp(const void *a, const void *b)
{
	return (strcmp(a, *(const char *const *)b));
}

static int
conf_newsboat_in(const char *name, const char *const *v, size_t n)
{
	return (bsearch(name, v, n, sizeof *v, conf_newsboat_cmp) != NULL);
}

const struct conf_newsboat_option *
conf_newsboat_option(const char *name)
{
	return (bsearch(name, conf_newsboat_options,
	    sizeof conf_newsboat_options / sizeof conf_newsboat_options[0],
	    sizeof conf_newsboat_options[0], conf_newsboat_cmp));
}

int
conf_newsboat_action(const char *name)
{
	return (conf_newsboat_in(name, conf_newsboat_actions,
	    sizeof conf_newsboat_actions / sizeof conf_newsboat_actions[0]));
}

int
conf_newsboat_dialog(const char *name)
{
	return (conf_newsboat_in(name, conf_newsboat_dialogs,
	    sizeof conf_newsboat_dialogs / sizeof conf_newsboat_dialogs[0]));
}

int
conf_newsboat_element(const char *name)
{
	return (conf_newsboat_in(name, conf_newsboat_elements,
	    sizeof conf_newsboat_elements / sizeof conf_newsboat_elements[0]));
}

/* Row i of the option table (tests/dump-tables); NULL past the end. */
const struct conf_newsboat_option *
conf_newsboat_option_at(size_t i)
{
	if (i >= sizeof conf_newsboat_options / sizeof conf_newsboat_options[0])
		return (NULL);
	return (&conf_newsboat_options[i]);
}
