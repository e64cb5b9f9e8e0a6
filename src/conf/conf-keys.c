/*
 * Actions, key names and key maps. The default bindings are data in the
 * shape of config lines (as tmux's key-bindings.c), applied through the
 * same function as the user's `bind-key`, so both are checked alike. Keys
 * are conf's own codes (CONF_KEY_*), so that checking a config needs no
 * curses; src/ui/ maps the terminal's keys onto them.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf/conf-int.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

/* Newsboat's action names where it has one, so configs carry over. */
static const struct conf_action_info conf_actions[ACT__COUNT] = {
	[ACT_NONE] = { "none", "" },
	[ACT_UP] = { "up", N_("move up") },
	[ACT_DOWN] = { "down", N_("move down") },
	[ACT_PAGE_UP] = { "pageup", N_("one page up") },
	[ACT_PAGE_DOWN] = { "pagedown", N_("one page down") },
	[ACT_TOP] = { "home", N_("go to the top") },
	[ACT_BOTTOM] = { "end", N_("go to the bottom") },
	[ACT_OPEN] = { "open", N_("open the selection") },
	[ACT_BACK] = { "quit", N_("go back; quit from the feed list") },
	[ACT_QUIT] = { "hard-quit", N_("quit tidings") },
	[ACT_RELOAD] = { "reload", N_("reload the selected feed") },
	[ACT_RELOAD_ALL] = { "reload-all", N_("reload every feed") },
	[ACT_NEXT_UNREAD] = { "next-unread", N_("next unread article") },
	[ACT_PREV_UNREAD] = { "prev-unread", N_("previous unread article") },
	[ACT_TOGGLE_READ] = { "toggle-article-read",
	    N_("mark the article read or unread") },
	[ACT_MARK_FEED_READ] = { "mark-feed-read",
	    N_("mark the feed read") },
	[ACT_MARK_ALL_READ] = { "mark-all-feeds-read",
	    N_("mark every feed read") },
	[ACT_TOGGLE_STAR] = { "toggle-star", N_("star or unstar the article") },
	[ACT_OPEN_BROWSER] = { "open-in-browser",
	    N_("open the link in the browser") },
	[ACT_SEARCH] = { "open-search", N_("search") },
	[ACT_HELP] = { "help", N_("show the keys") },
	[ACT_SHOW_URLS] = { "show-urls", N_("list the article's links") },
	[ACT_SET_TAG] = { "set-tag", N_("show only the feeds of a tag") },
	[ACT_CLEAR_TAG] = { "clear-tag", N_("show the feeds of every tag") },
	[ACT_TOGGLE_SHOW_READ] = { "toggle-show-read-feeds",
	    N_("hide or show feeds with nothing unread") },
	[ACT_SHOW_ERROR] = { "show-error",
	    N_("show the feed's last error") },
	[ACT_REDRAW] = { "redraw", N_("redraw the screen") },
	[ACT_FETCH_FULLTEXT] = { "fetch-fulltext",
	    N_("fetch the article's full text from its web page again") },
	[ACT_NEXT] = { "next", N_("next entry; in an article, the next "
	    "article") },
	[ACT_PREV] = { "prev", N_("previous entry; in an article, the "
	    "previous article") },
	[ACT_NEXT_FEED] = { "next-feed", N_("the next feed's articles") },
	[ACT_PREV_FEED] = { "prev-feed",
	    N_("the previous feed's articles") },
	[ACT_NEXT_UNREAD_FEED] = { "next-unread-feed",
	    N_("the next feed with unread articles") },
	[ACT_PREV_UNREAD_FEED] = { "prev-unread-feed",
	    N_("the previous feed with unread articles") },
	[ACT_RANDOM_UNREAD] = { "random-unread",
	    N_("a random unread article") },
	[ACT_OPEN_BROWSER_READ] = { "open-in-browser-and-mark-read",
	    N_("open the link in the browser and mark the article read") },
	[ACT_RELOAD_URLS] = { "reload-urls",
	    N_("read the urls file again") },
	[ACT_GOTO_URL] = { "goto-url",
	    N_("open link number N (a digit starts the number)") },
	[ACT_EDIT_URLS] = { "edit-urls",
	    N_("edit the urls file in $VISUAL or $EDITOR, then read it") },
	[ACT_ADD_FEED] = { "add-feed",
	    N_("subscribe: a feed's address, or a web page's (its feed "
	    "is found)") },
	[ACT_SAVE] = { "save", N_("save the article to a file, as text") },
	[ACT_PIPE] = { "pipe-to",
	    N_("pipe the article to a command, as text") },
	[ACT_MACRO_PREFIX] = { "macro-prefix",
	    N_("run a macro: the key of one follows") },
	[ACT_CMDLINE] = { "cmdline", N_("type a command") },
	[ACT_ENQUEUE] = { "enqueue",
	    N_("queue the article's enclosures for download") },
	[ACT_PODCASTS] = { "podcasts", N_("show the download queue") },
	[ACT_PB_DOWNLOAD] = { "pb-download",
	    N_("download the selected file") },
	[ACT_PB_DOWNLOAD_ALL] = { "pb-download-all",
	    N_("download everything queued") },
	[ACT_PB_CANCEL] = { "pb-cancel",
	    N_("cancel the selected download (its part is kept)") },
	[ACT_PB_DELETE] = { "pb-delete",
	    N_("delete the selected file from the disk") },
	[ACT_PB_REMOVE] = { "pb-remove",
	    N_("remove the selected entry from the queue (the file stays)") },
	[ACT_PB_PLAY] = { "pb-play", N_("play the selected file") },
	[ACT_SELECT_FILTER] = { "select-filter",
	    N_("narrow the list with a filter of the config (define-filter)") },
	[ACT_SET_FILTER] = { "set-filter",
	    N_("narrow the list with a filter expression") },
	[ACT_CLEAR_FILTER] = { "clear-filter", N_("show the whole list") },
};

static const char *const conf_ctx_names[CTX__COUNT] = {
	[CTX_GLOBAL] = "global",
	[CTX_FEEDS] = "feedlist",
	[CTX_ITEMS] = "articlelist",
	[CTX_ARTICLE] = "article",
	[CTX_URLS] = "urlview",
	[CTX_TAGS] = "tagselection",
	[CTX_HELP] = "help",
	[CTX_PODBOAT] = "podboat",
};

/*
 * The default bindings, as `bind-key KEY ACTION [CONTEXT]` would say:
 * Newsboat 2.21's where tidings has the action. Newsboat keys whose
 * action tidings lacks stay unbound until it lands:
 * F f ^F filters, ^B bookmark, ^E edit-flags, D ^D $ deleting, v ^V ^G
 * ^X dialogs, ^U toggle-source-view. g and G are Newsboat's sort and
 * rev-sort in the lists; without sorting they go to the top and bottom.
 */
static const struct {
	const char	*key;
	const char	*action;
	const char	*ctx;
} conf_default_keys[] = {
	{ "j", "down", "global" }, { "DOWN", "down", "global" },
	{ "k", "up", "global" }, { "UP", "up", "global" },
	/* In the headlines j and k change feeds, as in Newsboat. */
	{ "j", "next-feed", "articlelist" },
	{ "k", "prev-feed", "articlelist" },
	{ "J", "next", "global" }, { "K", "prev", "global" },
	{ "PPAGE", "pageup", "global" }, { "NPAGE", "pagedown", "global" },
	{ "SPACE", "pagedown", "global" },
	{ "b", "pageup", "article" }, { "b", "pageup", "help" },
	{ "g", "home", "global" }, { "HOME", "home", "global" },
	{ "G", "end", "global" }, { "END", "end", "global" },
	/* Not in the article: ENTER there does nothing, as in Newsboat
	 * (o opens the link). */
	{ "ENTER", "open", "feedlist" }, { "RIGHT", "open", "feedlist" },
	{ "ENTER", "open", "articlelist" }, { "RIGHT", "open", "articlelist" },
	{ "ENTER", "open", "urlview" }, { "RIGHT", "open", "urlview" },
	{ "ENTER", "open", "tagselection" },
	{ "RIGHT", "open", "tagselection" },
	{ "q", "quit", "global" }, { "LEFT", "quit", "global" },
	{ "Q", "hard-quit", "global" },
	{ "r", "reload", "global" }, { "R", "reload-all", "global" },
	{ "^R", "reload-urls", "global" },
	{ "n", "next-unread", "global" }, { "p", "prev-unread", "global" },
	{ "^N", "next-unread-feed", "articlelist" },
	{ "^P", "prev-unread-feed", "articlelist" },
	{ "^K", "random-unread", "global" },
	{ "N", "toggle-article-read", "global" },
	{ "A", "mark-feed-read", "global" },
	{ "C", "mark-all-feeds-read", "global" },
	/* Newsboat has no star (s is its save). */
	{ "S", "toggle-star", "global" },
	{ "o", "open-in-browser", "global" },
	{ "O", "open-in-browser-and-mark-read", "global" },
	{ "/", "open-search", "global" },
	{ "?", "help", "global" },
	{ "u", "show-urls", "article" },
	{ "r", "fetch-fulltext", "article" },
	/* Newsboat's link keys: [n] in the text, row n of the URL view. */
	{ "#", "goto-url", "article" }, { "#", "goto-url", "urlview" },
	{ "1", "goto-url", "article" }, { "1", "goto-url", "urlview" },
	{ "2", "goto-url", "article" }, { "2", "goto-url", "urlview" },
	{ "3", "goto-url", "article" }, { "3", "goto-url", "urlview" },
	{ "4", "goto-url", "article" }, { "4", "goto-url", "urlview" },
	{ "5", "goto-url", "article" }, { "5", "goto-url", "urlview" },
	{ "6", "goto-url", "article" }, { "6", "goto-url", "urlview" },
	{ "7", "goto-url", "article" }, { "7", "goto-url", "urlview" },
	{ "8", "goto-url", "article" }, { "8", "goto-url", "urlview" },
	{ "9", "goto-url", "article" }, { "9", "goto-url", "urlview" },
	{ "0", "goto-url", "article" }, { "0", "goto-url", "urlview" },
	{ "t", "set-tag", "feedlist" },
	{ "^T", "clear-tag", "feedlist" }, { "T", "clear-tag", "feedlist" },
	{ "l", "toggle-show-read-feeds", "feedlist" },
	{ "e", "show-error", "feedlist" }, { "w", "show-error", "article" },
	{ "^L", "redraw", "global" },
	{ "E", "edit-urls", "feedlist" },
	/* Newsboat has no such key; a is free there too. */
	{ "a", "add-feed", "feedlist" },
	{ "s", "save", "articlelist" }, { "s", "save", "article" },
	{ "|", "pipe-to", "articlelist" }, { "|", "pipe-to", "article" },
	{ ":", "cmdline", "global" },
	{ "e", "enqueue", "articlelist" }, { "e", "enqueue", "article" },
	/* The download queue: podboat's d, c, D and p; a for all, x to
	 * take an entry out. */
	{ "P", "podcasts", "global" },
	{ "d", "pb-download", "podboat" }, { "a", "pb-download-all", "podboat" },
	{ "c", "pb-cancel", "podboat" }, { "D", "pb-delete", "podboat" },
	{ "x", "pb-remove", "podboat" }, { "p", "pb-play", "podboat" },
	{ "ENTER", "pb-play", "podboat" },
	{ "f", "select-filter", "feedlist" },
	{ "f", "select-filter", "articlelist" },
	{ "F", "set-filter", "feedlist" }, { "F", "set-filter", "articlelist" },
	{ "^F", "clear-filter", "feedlist" },
	{ "^F", "clear-filter", "articlelist" },
};

/* Names of keys that are not one printable character. */
static const struct {
	const char	*name;
	int		 key;
} conf_key_names[] = {
	{ "ENTER", '\n' },
	{ "SPACE", ' ' },
	{ "TAB", '\t' },
	{ "ESC", 27 },
	{ "BACKSPACE", CONF_KEY_BACKSPACE },
	{ "UP", CONF_KEY_UP },
	{ "DOWN", CONF_KEY_DOWN },
	{ "LEFT", CONF_KEY_LEFT },
	{ "RIGHT", CONF_KEY_RIGHT },
	{ "PPAGE", CONF_KEY_PPAGE },
	{ "NPAGE", CONF_KEY_NPAGE },
	{ "HOME", CONF_KEY_HOME },
	{ "END", CONF_KEY_END },
	{ "DEL", CONF_KEY_DC },
	{ "INS", CONF_KEY_IC },
};
#define CONF_NKEYNAMES	(sizeof conf_key_names / sizeof conf_key_names[0])

/* A map is a short array; the ceiling keeps a runaway config bounded. */
#define CONF_MAX_BINDINGS	512

struct conf_binding {
	int		 key;
	enum conf_action	 action;
};

static struct {
	struct conf_binding	*v;
	size_t			 n;
} conf_maps[CTX__COUNT];
/* The defaults go in before the first config line changes them. */
static int	conf_keys_ready;

static void
conf_keys_init(void)
{
	if (!conf_keys_ready)
		conf_keys_defaults();
}

const struct conf_action_info *
conf_keys_action_info(enum conf_action a)
{
	return (&conf_actions[a]);
}

enum conf_action
conf_keys_action_find(const char *name)
{
	int	i;

	for (i = 1; i < ACT__COUNT; i++)
		if (strcmp(conf_actions[i].name, name) == 0)
			return ((enum conf_action)i);
	return (ACT_NONE);
}

const char *
conf_keys_ctx_name(enum conf_ctx c)
{
	return (conf_ctx_names[c]);
}

int
conf_keys_ctx_find(const char *name)
{
	int	i;

	for (i = 0; i < CTX__COUNT; i++)
		if (strcmp(conf_ctx_names[i], name) == 0)
			return (i);
	return (-1);
}

/* Parse a key name: one character, ^X, F1-F12 or a name from the table. */
int
conf_keys_parse(const char *s, int *key)
{
	unsigned int	cp;
	size_t		i, len = strlen(s);

	for (i = 0; i < CONF_NKEYNAMES; i++)
		if (strcmp(conf_key_names[i].name, s) == 0) {
			*key = conf_key_names[i].key;
			return (0);
		}
	if (len == 2 && s[0] == '^' &&
	    ((s[1] >= '@' && s[1] <= '_') || (s[1] >= 'a' && s[1] <= 'z'))) {
		*key = (s[1] & 0x1f);
		return (0);
	}
	if (s[0] == 'F' && len >= 2 && len <= 3 && strspn(s + 1,
	    "0123456789") == len - 1 && atoi(s + 1) >= 1 &&
	    atoi(s + 1) <= 12) {
		*key = CONF_KEY_F(atoi(s + 1));
		return (0);
	}
	if (len > 0 &&
	    sanitize_utf8_decode((const unsigned char *)s, len, &cp) == len &&
	    cp > ' ' && cp != 0x7f) {
		*key = (int)cp;
		return (0);
	}
	return (-1);
}

void
conf_keys_name(int key, char *out, size_t outsz)
{
	char	u[5];
	size_t	i, n;

	for (i = 0; i < CONF_NKEYNAMES; i++)
		if (conf_key_names[i].key == key) {
			snprintf(out, outsz, "%s", conf_key_names[i].name);
			return;
		}
	if (key & CONF_KEY_FUNC) {
		if (key >= CONF_KEY_F(1) && key <= CONF_KEY_F(12))
			snprintf(out, outsz, "F%d", key - CONF_KEY_F(0));
		else
			snprintf(out, outsz, "<%d>", key & ~CONF_KEY_FUNC);
		return;
	}
	if (key < ' ') {
		snprintf(out, outsz, "^%c", key | 0x40);
		return;
	}
	n = sanitize_utf8_encode((unsigned int)key, u);
	u[n] = '\0';
	snprintf(out, outsz, "%s", u);
}

/* Remove key from the map of ctx; returns 1 when it was bound. */
static int
conf_keys_remove(enum conf_ctx ctx, int key)
{
	size_t	i;

	for (i = 0; i < conf_maps[ctx].n; i++)
		if (conf_maps[ctx].v[i].key == key) {
			conf_maps[ctx].v[i] = conf_maps[ctx].v[--conf_maps[ctx].n];
			return (1);
		}
	return (0);
}

static int
conf_keys_add(enum conf_ctx ctx, int key, enum conf_action a, char **cause)
{
	conf_keys_remove(ctx, key);
	if (conf_maps[ctx].n >= CONF_MAX_BINDINGS) {
		*cause = xasprintf(_("too many key bindings (at most %d)"),
		    CONF_MAX_BINDINGS);
		return (-1);
	}
	conf_maps[ctx].v = xreallocarray(conf_maps[ctx].v, conf_maps[ctx].n + 1,
	    sizeof *conf_maps[ctx].v);
	conf_maps[ctx].v[conf_maps[ctx].n].key = key;
	conf_maps[ctx].v[conf_maps[ctx].n].action = a;
	conf_maps[ctx].n++;
	return (0);
}

static int
conf_keys_parse_ctx(const char *context, int *ctx, char **cause)
{
	*ctx = -1;
	if (context == NULL)
		return (0);
	if ((*ctx = conf_keys_ctx_find(context)) == -1) {
		*cause = xasprintf(_("unknown key context: %s"), context);
		return (-1);
	}
	return (0);
}

/*
 * bind-key KEY ACTION [CONTEXT]. Without a context the key is bound in
 * the global map and taken out of every view's map, so that it does the
 * same everywhere, as in Newsboat.
 */
int
conf_keys_bind(const char *key, const char *action, const char *context,
    char **cause)
{
	enum conf_action	a;
	int		k, ctx, c;

	conf_keys_init();
	if (conf_keys_parse(key, &k) != 0) {
		*cause = xasprintf(_("unknown key: %s"), key);
		return (-1);
	}
	if ((a = conf_keys_action_find(action)) == ACT_NONE) {
		*cause = xasprintf(_("unknown action: %s"), action);
		return (-1);
	}
	if (conf_keys_parse_ctx(context, &ctx, cause) != 0)
		return (-1);
	if (ctx == -1) {
		for (c = 1; c < CTX__COUNT; c++)
			conf_keys_remove(c, k);
		ctx = CTX_GLOBAL;
	}
	return (conf_keys_add(ctx, k, a, cause));
}

int
conf_keys_unbind(const char *key, const char *context, char **cause)
{
	int	k, ctx, c;

	conf_keys_init();
	if (strcmp(key, "-a") == 0) {
		conf_keys_free();
		conf_keys_ready = 1;
		return (0);
	}
	if (conf_keys_parse(key, &k) != 0) {
		*cause = xasprintf(_("unknown key: %s"), key);
		return (-1);
	}
	if (conf_keys_parse_ctx(context, &ctx, cause) != 0)
		return (-1);
	if (ctx != -1) {
		conf_keys_remove(ctx, k);
		return (0);
	}
	for (c = 0; c < CTX__COUNT; c++)
		conf_keys_remove(c, k);
	return (0);
}

void
conf_keys_defaults(void)
{
	char	*cause = NULL;
	size_t	 i;

	conf_keys_free();
	conf_keys_ready = 1;
	for (i = 0; i < sizeof conf_default_keys / sizeof conf_default_keys[0];
	    i++)
		if (conf_keys_bind(conf_default_keys[i].key,
		    conf_default_keys[i].action, conf_default_keys[i].ctx,
		    &cause) != 0)
			fatal("default key %s: %s", conf_default_keys[i].key,
			    cause);
}

void
conf_keys_free(void)
{
	int	c;

	for (c = 0; c < CTX__COUNT; c++) {
		free(conf_maps[c].v);
		conf_maps[c].v = NULL;
		conf_maps[c].n = 0;
	}
	conf_keys_ready = 0;
}

/* The view's map first, then the global one. */
enum conf_action
conf_keys_lookup(enum conf_ctx ctx, int key)
{
	size_t	i;

	conf_keys_init();
	for (i = 0; i < conf_maps[ctx].n; i++)
		if (conf_maps[ctx].v[i].key == key)
			return (conf_maps[ctx].v[i].action);
	if (ctx == CTX_GLOBAL)
		return (ACT_NONE);
	for (i = 0; i < conf_maps[CTX_GLOBAL].n; i++)
		if (conf_maps[CTX_GLOBAL].v[i].key == key)
			return (conf_maps[CTX_GLOBAL].v[i].action);
	return (ACT_NONE);
}

/* The keys that do action a in a view of ctx, as "j DOWN". */
void
conf_keys_for(enum conf_ctx ctx, enum conf_action a, char *out, size_t outsz)
{
	char	name[32];
	size_t	i, len = 0;
	int	pass, c;

	conf_keys_init();
	out[0] = '\0';
	for (pass = 0; pass < 2; pass++) {
		c = pass == 0 ? (int)ctx : CTX_GLOBAL;
		if (pass == 1 && ctx == CTX_GLOBAL)
			break;
		for (i = 0; i < conf_maps[c].n; i++) {
			if (conf_maps[c].v[i].action != a ||
			    conf_keys_lookup(ctx, conf_maps[c].v[i].key) != a)
				continue;
			conf_keys_name(conf_maps[c].v[i].key, name, sizeof name);
			snprintf(out + len, outsz - len, "%s%s",
			    len ? " " : "", name);
			len = strlen(out);
		}
	}
}

/*
 * Row i of the default bindings (for tests/dump-tables, which checks the
 * manual pages against this table); 0 past the end.
 */
int
conf_keys_default_at(size_t i, const char **key, const char **action,
    const char **ctx)
{
	if (i >= sizeof conf_default_keys / sizeof conf_default_keys[0])
		return (0);
	*key = conf_default_keys[i].key;
	*action = conf_default_keys[i].action;
	*ctx = conf_default_keys[i].ctx;
	return (1);
}

/* Name i of the key-name table (tests/dump-tables); NULL past the end. */
const char *
conf_keys_name_at(size_t i)
{
	return (i < CONF_NKEYNAMES ? conf_key_names[i].name : NULL);
}
