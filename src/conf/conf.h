/*
 * Configuration: file locations (XDG), the config file with its option
 * table, the urls file, and OPML import/export. Errors come back as
 * "FILE:LINE: message" causes.
 */
#ifndef TIDINGS_CONF_CONF_H
#define TIDINGS_CONF_CONF_H

#include <regex.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Paths (conf-paths.c). */
struct conf_paths {
	char	*config;	/* $XDG_CONFIG_HOME/tidings/config or -C */
	char	*urls;		/* $XDG_CONFIG_HOME/tidings/urls or -u */
	char	*cache;		/* $XDG_DATA_HOME/tidings/cache.db or -c */
};

int	conf_paths_init(struct conf_paths *, const char *urls,
	    const char *cache, const char *config, char **cause);
void	conf_paths_fini(struct conf_paths *);
/* Create the directories above path (mode 0700), like mkdir -p. */
int	conf_paths_mkdir_parent(const char *path, char **cause);

/* Options (conf-options.c): one row each, indexed by enum conf_opt. */
enum conf_type {
	CONF_BOOL,
	CONF_INT,
	CONF_SIZE,	/* bytes; a K, M or G suffix multiplies */
	CONF_STRING,
	CONF_CHOICE	/* one of the row's choices */
};

enum conf_opt {
	CONF_MAX_CONNECTIONS,
	CONF_MAX_CONNECTIONS_PER_HOST,
	CONF_DOWNLOAD_MAX_SIZE,
	CONF_MAX_REDIRECTS,
	CONF_CONNECT_TIMEOUT,
	CONF_DOWNLOAD_TIMEOUT,
	CONF_LOW_SPEED_TIME,
	CONF_MAX_ITEMS,
	CONF_KEEP_ARTICLES_DAYS,
	CONF_KEEP_UNREAD,
	CONF_REFRESH_ON_STARTUP,
	CONF_RELOAD_TIME,
	CONF_PROXY,
	CONF_PROXY_AUTH,
	CONF_PROXY_TYPE,
	CONF_TLS_CA_FILE,
	CONF_BROWSER,
	CONF_SHOW_READ_FEEDS,
	CONF_OPEN_URL_SCHEMES,
	CONF_FULLTEXT,
	CONF_AUTO_RELOAD,
	CONF_SAVE_PATH,
	CONF_MACRO_PREFIX,
	CONF_DOWNLOAD_PATH,
	CONF_DOWNLOAD_FILENAME_FORMAT,
	CONF_MAX_DOWNLOADS,
	CONF_PODCAST_AUTO_ENQUEUE,
	CONF_PLAYER,
	CONF_URLS_SOURCE,
	CONF_TTRSS_URL,
	CONF_TTRSS_LOGIN,
	CONF_TTRSS_PASSWORD,
	CONF_TTRSS_PASSWORDFILE,
	CONF_TTRSS_PASSWORDEVAL,
	CONF_PREPOPULATE_QUERY_FEEDS,
	CONF_IGNORE_MODE,
	/* Other modules add their rows here (and in conf-options.c). */
	CONF_NOPTS
};

struct conf_option {
	const char		*name;
	enum conf_type		 type;
	const char		*def;		/* in config-file syntax */
	int64_t			 min, max;	/* CONF_INT, CONF_SIZE */
	const char *const	*choices;	/* CONF_CHOICE, NULL-terminated */
	const char		*help;		/* N_() */
	/* CONF_STRING: a further check of the value, or NULL. */
	int			(*check)(const char *, char **cause);
};

extern const struct conf_option	conf_options[CONF_NOPTS];
struct config;
/* After urls-source is set: 1 and a warning for a source of Newsboat's
 * that tidings lacks (then local), else 0. */
int	conf_options_urls_source(struct config *, char **cause);

/* A feed-fulltext line, kept (checked) for conf_file_fulltext(). */
struct conf_cmd {
	char	**argv;		/* after the command name */
	int	  argc;
	char	 *file;
	int	  line;
};

struct conf_cmds {
	struct conf_cmd	*v;
	size_t		 n;
};
void	conf_file_cmds_add(struct conf_cmds *, const char *path, int lineno,
	    const char *const *argv, int n);

struct config {
	union {
		int64_t	 i;	/* CONF_BOOL, CONF_INT, CONF_SIZE, CONF_CHOICE
				 * (index into choices) */
		char	*s;	/* CONF_STRING */
	}			 val[CONF_NOPTS];
	struct conf_cmds	 feed_fulltext;	/* VALUE FEED... (checked) */
	struct conf_cmds	 feed_podcast;	/* yes|no FEED... (checked) */
	/* conf-filter.c: ignore-article as URL|* and the expression's SQL;
	 * define-filter as NAME, the expression, its SQL. */
	struct conf_cmds	 ignore_article;
	struct conf_cmds	 define_filter;
	/* highlight-article EXPR FG BG [ATTR...], in the file's order. */
	struct conf_highlight	*highlights;
	size_t			 nhighlights;
	/* highlight VIEW REGEX FG [BG [ATTR...]] (conf-highlight.c) and
	 * highlight-feed EXPR FG BG [ATTR...], in the file's order. */
	struct conf_hl_rule	*hl_rules;
	size_t			 nhl_rules;
	struct conf_highlight	*feed_highlights;
	size_t			 nfeed_highlights;
	/* "FILE:LINE: ..." for each line accepted but ignored. */
	char			**warnings;
	size_t			  nwarnings;
};

/*
 * feed-podcast-auto-enqueue lines (conf-podcast.c): read one; whether a
 * feed (its urls-file URL, its tags) has podcast-auto-enqueue on; whether
 * any feed may have.
 */
int	conf_podcast_line(struct config *, const char *path, int lineno,
	    char **argv, int argc, char **cause);
int	conf_podcast_auto(const struct config *, const char *url,
	    const char *tags);
int	conf_podcast_any(const struct config *);
/* The values of `ignore-mode` (the order of its choices). */
enum conf_ignore_mode {
	CONF_IGNORE_DOWNLOAD,	/* killed articles are never stored */
	CONF_IGNORE_DISPLAY	/* stored, never shown nor counted */
};

/*
 * The killfile (conf-filter.c) as one SQL WHERE fragment over items
 * (rules for one feed restricted to it), or NULL without rules.
 */
char	*conf_filter_ignore_sql(const struct config *);

/* The values of `fulltext` (the order of its choices). */
enum conf_fulltext {
	CONF_FULLTEXT_NO,	/* only when asked for (r in the article) */
	CONF_FULLTEXT_AUTO,	/* when an article without its text is read */
	CONF_FULLTEXT_YES	/* every new article, at refresh time */
};

/* Values of urls-source, in the option's order. */
enum conf_urls_source {
	CONF_URLS_SOURCE_LOCAL,	/* the urls file */
	CONF_URLS_SOURCE_TTRSS	/* a Tiny Tiny RSS server */
};

/*
 * Key bindings (conf-keys.c). Everything a key can do, with Newsboat's
 * action names where it has one; the maps are one per view kind and a
 * global one they fall back to. bind-key and unbind-key lines go into
 * them as the config is read; src/ui/ looks keys up.
 */
enum conf_action {
	ACT_NONE,
	ACT_UP,
	ACT_DOWN,
	ACT_PAGE_UP,
	ACT_PAGE_DOWN,
	ACT_TOP,
	ACT_BOTTOM,
	ACT_OPEN,
	ACT_BACK,
	ACT_QUIT,
	ACT_RELOAD,
	ACT_RELOAD_ALL,
	ACT_NEXT_UNREAD,
	ACT_PREV_UNREAD,
	ACT_TOGGLE_READ,
	ACT_MARK_FEED_READ,
	ACT_MARK_ALL_READ,
	ACT_TOGGLE_STAR,
	ACT_OPEN_BROWSER,
	ACT_SEARCH,
	ACT_HELP,
	ACT_SHOW_URLS,
	ACT_SET_TAG,
	ACT_CLEAR_TAG,
	ACT_TOGGLE_SHOW_READ,
	ACT_SHOW_ERROR,
	ACT_REDRAW,
	ACT_FETCH_FULLTEXT,
	ACT_NEXT,
	ACT_PREV,
	ACT_NEXT_FEED,
	ACT_PREV_FEED,
	ACT_NEXT_UNREAD_FEED,
	ACT_PREV_UNREAD_FEED,
	ACT_RANDOM_UNREAD,
	ACT_OPEN_BROWSER_READ,
	ACT_RELOAD_URLS,
	ACT_GOTO_URL,
	ACT_EDIT_URLS,
	ACT_ADD_FEED,
	ACT_SAVE,
	ACT_PIPE,
	ACT_MACRO_PREFIX,
	ACT_CMDLINE,
	ACT_ENQUEUE,
	ACT_PODCASTS,
	ACT_PB_DOWNLOAD,
	ACT_PB_DOWNLOAD_ALL,
	ACT_PB_CANCEL,
	ACT_PB_DELETE,
	ACT_PB_REMOVE,
	ACT_PB_PLAY,
	ACT_SELECT_FILTER,
	ACT_SET_FILTER,
	ACT_CLEAR_FILTER,
	ACT__COUNT
};

enum conf_ctx {
	CTX_GLOBAL,
	CTX_FEEDS,
	CTX_ITEMS,
	CTX_ARTICLE,
	CTX_URLS,
	CTX_TAGS,
	CTX_HELP,
	CTX_PODBOAT,
	CTX__COUNT
};

/*
 * A key: a character (its code point, control characters as 1-31), or
 * one of these, which have CONF_KEY_FUNC set.
 */
#define CONF_KEY_FUNC	0x40000000
enum {
	CONF_KEY_BACKSPACE = CONF_KEY_FUNC | 1,
	CONF_KEY_UP,
	CONF_KEY_DOWN,
	CONF_KEY_LEFT,
	CONF_KEY_RIGHT,
	CONF_KEY_PPAGE,
	CONF_KEY_NPAGE,
	CONF_KEY_HOME,
	CONF_KEY_END,
	CONF_KEY_DC,
	CONF_KEY_IC
};
#define CONF_KEY_F(n)	(CONF_KEY_FUNC | (0x100 + (n)))	/* F1-F12 */

struct conf_action_info {
	const char	*name;
	const char	*help;		/* N_() */
};

const struct conf_action_info *conf_keys_action_info(enum conf_action);
enum conf_action conf_keys_action_find(const char *);
const char	*conf_keys_ctx_name(enum conf_ctx);
int		 conf_keys_ctx_find(const char *);
/* bind-key KEY ACTION [CONTEXT] and unbind-key KEY [CONTEXT]: 0, or -1
 * with *cause. */
int		 conf_keys_bind(const char *key, const char *action,
		    const char *context, char **cause);
int		 conf_keys_unbind(const char *key, const char *context,
		    char **cause);
void		 conf_keys_defaults(void);
/* Forget every binding (the defaults come back on next use). */
void		 conf_keys_free(void);
enum conf_action conf_keys_lookup(enum conf_ctx, int key);
int		 conf_keys_parse(const char *, int *key);
void		 conf_keys_name(int key, char *out, size_t outsz);
/* Keys bound to an action in ctx (not the global map) as "j DOWN". */
void		 conf_keys_for(enum conf_ctx, enum conf_action, char *, size_t);
/* Table rows for tests/dump-tables (the manual pages' check). */
int		 conf_keys_default_at(size_t, const char **key,
		    const char **action, const char **ctx);
const char	*conf_keys_name_at(size_t);

/*
 * Colours of the screen elements (conf-colour.c), set by color lines as
 * the config is read: palette numbers (-1 the terminal's default, 0-7
 * the ANSI colours) and CONF_ATTR_* bits.
 */
enum conf_elem {
	ELEM_LISTNORMAL,
	ELEM_LISTFOCUS,
	ELEM_LISTNORMAL_UNREAD,
	ELEM_LISTFOCUS_UNREAD,
	ELEM_INFO,
	ELEM_ARTICLE,
	ELEM_HIGHLIGHT,
	ELEM_ERROR,
	ELEM__COUNT
};

#define CONF_COLOUR_DEFAULT	-1
enum {
	CONF_COLOUR_BLACK,
	CONF_COLOUR_RED,
	CONF_COLOUR_GREEN,
	CONF_COLOUR_YELLOW,
	CONF_COLOUR_BLUE,
	CONF_COLOUR_MAGENTA,
	CONF_COLOUR_CYAN,
	CONF_COLOUR_WHITE
};

#define CONF_ATTR_BOLD		0x001
#define CONF_ATTR_UNDERLINE	0x002
#define CONF_ATTR_STANDOUT	0x004
#define CONF_ATTR_REVERSE	0x008
#define CONF_ATTR_BLINK		0x010
#define CONF_ATTR_DIM		0x020
#define CONF_ATTR_INVIS		0x040
#define CONF_ATTR_PROTECT	0x080
#define CONF_ATTR_ITALIC	0x100

struct conf_colour {
	short	fg;
	short	bg;
	int	attrs;
	int	nocolour;	/* attributes used without colour */
};

/* One highlight-article line (struct config). */
struct conf_highlight {
	char			*where;	/* the expression's SQL */
	struct conf_colour	 colour;
	int			 feed_only; /* highlight-feed over feed
					     * attributes only */
};

/* One highlight line: where it applies, its regular expression. */
#define CONF_HL_FEEDLIST	0x1
#define CONF_HL_ARTICLELIST	0x2
#define CONF_HL_ARTICLE		0x4
/* A ceiling, so that drawing a line stays cheap however long the file. */
#define CONF_HL_MAX_RULES	64
struct conf_hl_rule {
	int			 views;		/* CONF_HL_* bits */
	regex_t			*re;		/* REG_EXTENDED | REG_ICASE */
	struct conf_colour	 colour;
};

int		 conf_colour_set(const char *element, const char *fg,
		    const char *bg, const char *const *attrs, size_t nattrs,
		    char **cause);
const struct conf_colour *conf_colour_get(enum conf_elem);
int		 conf_colour_spec(const char *fg, const char *bg,
		    const char *const *attrs, size_t nattrs,
		    struct conf_colour *, char **cause);
/* Back to the defaults. */
void		 conf_colour_reset(void);
/* kind 0 elements, 1 colours, 2 attributes; NULL past the end. */
const char	*conf_colour_name_at(int kind, size_t);

/*
 * Newsboat's words (conf-newsboat.c), for a config copied from Newsboat:
 * an option tidings has under another name is renamed, one it lacks is
 * ignored with a warning (CONF_NB_LATER: a feature still to come).
 */
enum conf_nb_kind {
	CONF_NB_RENAMED,
	CONF_NB_IGNORED,
	CONF_NB_LATER
};

struct conf_newsboat_option {
	const char		*name;
	enum conf_nb_kind	 kind;
	const char		*tidings;	/* CONF_NB_RENAMED */
};

const struct conf_newsboat_option *conf_newsboat_option(const char *);
const struct conf_newsboat_option *conf_newsboat_option_at(size_t);
int		 conf_newsboat_action(const char *);
int		 conf_newsboat_dialog(const char *);
int		 conf_newsboat_element(const char *);

/*
 * Macros (conf-macro.c): `macro KEY STEP [; STEP ...] [-- "text"]`, a
 * step an action's name or `set OPTION [VALUE]`, checked as read.
 */
struct conf_macro_step {
	char	**argv;		/* NULL-terminated */
	int	  argc;
};

struct conf_macro {
	int			 key;
	struct conf_macro_step	*steps;
	size_t			 nsteps;
	char			*desc;		/* or NULL */
};

/* argv: the whole line, "macro" first; 0, 1 (ignored, *cause) or -1. */
int		 conf_macro_add(char **argv, int argc, char **cause);
/* One step: 0 runnable, 1 Newsboat's but not tidings', -1 (*cause). */
int		 conf_macro_check_step(char **argv, int argc, char **cause);
const struct conf_macro *conf_macro_find(int key);
const struct conf_macro *conf_macro_at(size_t);
void		 conf_macro_free(void);

/* conf-file.c */
/* The defaults, key bindings and colours too. */
void		 conf_file_init(struct config *);
void		 conf_file_fini(struct config *);
/*
 * Read a config file over the current values, its bind-key, unbind-key
 * and color lines into the key and colour tables, in the file's order; a
 * missing file is fine. Every bad line is reported: *cause holds one
 * "FILE:LINE: message" a line. Lines accepted but ignored (Newsboat's
 * options tidings lacks) add to c->warnings.
 */
int		 conf_file_load(struct config *, const char *path,
		    char **cause);
/*
 * One line's words as conf_file_load() reads them: 0 (applied), 1
 * (accepted but ignored, *cause says why) or -1 (an error, *cause).
 */
int		 conf_file_line(struct config *, const char *path, int lineno,
		    char **argv, int argc, char **cause);
/* Set one option from text, as a config line would. */
int		 conf_file_set(struct config *, const char *name,
		    const char *value, char **cause);
int64_t		 conf_file_int(const struct config *, enum conf_opt);
const char	*conf_file_str(const struct config *, enum conf_opt);
/*
 * The fulltext setting of one feed: the `fulltext` option, overridden by
 * the last `feed-fulltext VALUE FEED...` line naming the feed's URL or one
 * of its tags (tags joined by '\t', may be NULL).
 */
enum conf_fulltext conf_file_fulltext(const struct config *, const char *url,
		    const char *tags);

/* The urls file (conf-urls.c). */
struct conf_url {
	char	 *url;
	char	**tags;
	size_t	  ntags;
	char	 *title;	/* "~title", or NULL */
	int	  line;
	/* A query feed (query:TITLE:EXPR): its title and SQL WHERE
	 * fragment over items (src/filter), else NULL. */
	char	 *query_title;
	char	 *query_where;
};

struct conf_urls {
	struct conf_url	*v;
	size_t		 n;
};

/* A missing file is an empty list. */
int	conf_urls_load(const char *path, struct conf_urls *, char **cause);
void	conf_urls_fini(struct conf_urls *);
void	conf_urls_add(struct conf_urls *, const char *url, char **tags,
	    size_t ntags, const char *title);
const struct conf_url *conf_urls_find(const struct conf_urls *,
	    const char *url);
/* Write one entry as a urls-file line (with the newline). */
void	conf_urls_write_line(FILE *, const struct conf_url *);
/* Tags joined by '\t' (for the cache), or "" . */
char	*conf_urls_tags_joined(const struct conf_url *);
/*
 * Append the entries of the list that the urls file lacks, safely (a
 * temporary file renamed over the old one). *added gets how many.
 */
int	conf_urls_append(const char *urls_path, const struct conf_urls *,
	    size_t *added, char **cause);
/* Whether tidings fetches this URL (http, https, file, a path). */
int	conf_urls_fetchable(const char *url);
/* Query feeds (conf-query.c): "query:TITLE:EXPRESSION" compiled, or -1
 * and why (the column and token at fault). */
int	conf_query_is(const char *url);
int	conf_query_parse(const char *url, char **title, char **where,
	    char **why);

/* OPML (conf-opml.c). */
/* The outlines an import left out: "FILE:LINE: outline "T": reason". */
struct conf_opml_skips {
	char	**v;
	size_t	  n;
};
void	conf_opml_skips_fini(struct conf_opml_skips *);
/* skips may be NULL. */
int	conf_opml_read(const char *path, struct conf_urls *,
	    struct conf_opml_skips *, char **cause);
/*
 * Append the feeds of an OPML file not yet in the urls file, safely (a
 * temporary file renamed over the old one). *added gets how many.
 */
int	conf_opml_import(const char *opml, const char *urls_path,
	    size_t *added, struct conf_opml_skips *, char **cause);
/* names[i]: the cache's title of feed i, or NULL (names may be NULL). */
void	conf_opml_write(FILE *, const struct conf_urls *,
	    const char *const *names);

/*
 * Words of one config or urls line (conf-token.c), as the config reader
 * splits them; for --import-newsboat, which checks Newsboat's lines.
 */
/* A command the user wrote (the browser), in words, run without a shell. */
struct conf_command {
	char	**argv;		/* NULL-terminated, quotes taken off */
	int	  argc;
	int	  detach;	/* a trailing &: not waited for, no terminal */
};
int	conf_command_parse(const char *, struct conf_command *,
	    char **cause);
int	conf_command_check(const char *, char **cause);
void	conf_command_free(struct conf_command *);

int	conf_token_split(const char *line, char ***argv, int *argc,
	    char **cause);
void	conf_token_free(char **, int);

#endif
