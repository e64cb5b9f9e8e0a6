/* The UI's own declarations: actions, key maps, views, the list widget. */
#ifndef TIDINGS_UI_UI_INT_H
#define TIDINGS_UI_UI_INT_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "ui/ui.h"

/* Everything a key can do; names in ui-keys.c (Newsboat's words). */
enum ui_action {
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
	ACT__COUNT
};

/* Key maps: one per view kind, and a global one they fall back to. */
enum ui_ctx {
	CTX_GLOBAL,
	CTX_FEEDS,
	CTX_ITEMS,
	CTX_ARTICLE,
	CTX_URLS,
	CTX_TAGS,
	CTX_HELP,
	CTX__COUNT
};

/* A key as read by get_wch(): a character, or a curses KEY_* code. */
#define UI_KEY_FUNC	0x40000000	/* set for KEY_* codes */

struct ui_action_info {
	const char	*name;
	const char	*help;
};

const struct ui_action_info *ui_keys_action_info(enum ui_action);
enum ui_action	 ui_keys_action_find(const char *);
const char	*ui_keys_ctx_name(enum ui_ctx);
int		 ui_keys_ctx_find(const char *);

/* Key maps (ui-keys.c). */
void		 ui_keys_defaults(void);
void		 ui_keys_free(void);
enum ui_action	 ui_keys_lookup(enum ui_ctx, int key);
int		 ui_keys_parse(const char *, int *key);
void		 ui_keys_name(int key, char *out, size_t outsz);
/* Keys bound to an action in ctx (not the global map) as "j, DOWN". */
void		 ui_keys_for(enum ui_ctx, enum ui_action, char *, size_t);
/* Table rows for tests/dump-tables (the manual pages' check). */
int		 ui_keys_default_at(size_t, const char **key,
		    const char **action, const char **ctx);
const char	*ui_keys_name_at(size_t);

/* Colours and attributes of the screen elements (ui-colour.c). */
enum ui_elem {
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
void		 ui_colour_start(void);
int		 ui_colour_attr(enum ui_elem);
/* kind 0 elements, 1 colours, 2 attributes; NULL past the end. */
const char	*ui_colour_name_at(int kind, size_t);

/* The list widget every list view (and the pager) shares (ui-list.c). */
struct ui_list {
	size_t	 count;		/* rows in the list */
	size_t	 cursor;
	size_t	 top;		/* first row on screen */
	int	 height;	/* rows on screen */
	int	 pager;		/* no cursor: moving scrolls */
};
void	 ui_list_init(struct ui_list *, int pager);
void	 ui_list_set_count(struct ui_list *, size_t);
void	 ui_list_set_height(struct ui_list *, int);
int	 ui_list_action(struct ui_list *, enum ui_action);
void	 ui_list_set_cursor(struct ui_list *, size_t);
void	 ui_list_scroll(struct ui_list *, long);
int	 ui_list_click(struct ui_list *, int row);

struct ui;
struct ui_view;
struct ui_prompt_hist;

/* An action's handler in a view: returns 0 when handled. */
struct ui_handler {
	enum ui_action	 action;
	int		(*fn)(struct ui *, struct ui_view *);
};

/* A view is a struct of callbacks (tmux's mode-tree, NeoMutt's dialogs). */
struct ui_view_type {
	const char		*name;
	enum ui_ctx		 ctx;
	const struct ui_handler	*handlers;	/* ends with ACT_NONE */
	/* Draw the rows between the title bar and the key hints. */
	void			(*draw)(struct ui *, struct ui_view *, int y,
				    int height, int width);
	/* The cache changed (feed_id, or 0 for many feeds): re-read. */
	void			(*reload)(struct ui *, struct ui_view *,
				    int64_t feed_id);
	/* The screen width changed (re-wrap). */
	void			(*resize)(struct ui *, struct ui_view *);
	/* Title bar text into buf. */
	void			(*title)(struct ui *, struct ui_view *,
				    char *buf, size_t len);
	void			(*free)(struct ui_view *);
};

struct ui_view {
	const struct ui_view_type *type;
	struct ui_list		 list;
	void			*data;
};

#define UI_MAX_VIEWS	8
#define UI_MSG_LEN	512

struct ui {
	struct ui_config	 cfg;
	struct ui_view		*views[UI_MAX_VIEWS];
	int			 nviews;
	int			 dirty;
	int			 quit;
	int			 sigpipe[2];
	int			 notify[2];
	char			 msg[UI_MSG_LEN];
	int			 msg_error;
	int			 refreshing;
	time_t			 next_reload;
	int			 width;
	int			 height;
	int			 use_mouse;
	int64_t			 data_version;	/* the cache's, last seen */
	long long		 next_version_ms;	/* when to look again */
	struct ui_prompt_hist	*hists;		/* ui-input.c */
	size_t			 nhists;
};

/* Screen rows around the views: title bar, key hints, status line. */
#define UI_TOP_ROWS	1
#define UI_BOTTOM_ROWS	2

/* ui.c */
void		 ui_push(struct ui *, struct ui_view *);
void		 ui_pop(struct ui *);
struct ui_view	*ui_top(struct ui *);
struct ui_view	*ui_below(struct ui *, struct ui_view *);
void		 ui_message(struct ui *, int error, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
void		 ui_dirty(struct ui *);
int		 ui_view_height(struct ui *);
char		*ui_input_prompt(struct ui *, const char *prompt);
void		 ui_reload_all(struct ui *, int64_t feed_id);
void		 ui_start_refresh(struct ui *, long long feed_id);

/* ui-input.c */
void		 ui_input(struct ui *);
void		 ui_input_dispatch(struct ui *, enum ui_action);
int		 ui_input_works(const struct ui_view *, enum ui_action);
void		 ui_input_free(struct ui *);
int		 ui_input_prompt_help_at(size_t, char *keys, size_t,
		    const char **help);

/* ui-draw.c */
void		 ui_draw_text(int y, int x, int width, const char *,
		    int attr);
void		 ui_draw_screen(struct ui *);

/* ui-run.c: external programs. */
int		 ui_run_open_url(struct ui *, const char *url, char **cause);

/* Views (view-*.c). */
struct ui_view	*view_feeds_new(struct ui *);
struct ui_view	*view_items_new(struct ui *, int kind, int64_t feed_id,
		    const char *search, const char *title);
struct ui_view	*view_article_new(struct ui *, int64_t item_id);
/* The full text of item_id arrived (or failed): re-read and lay out. */
void		 view_article_fulltext(struct ui *, struct ui_view *,
		    int64_t item_id);
struct ui_view	*view_pick_urls_new(struct ui *, char **urls, size_t n);
/* The keys and actions that work in the view `of`. */
struct ui_view	*view_help_new(struct ui *, const struct ui_view *of);
struct ui_view	*view_pick_tags_new(struct ui *);
struct ui_view	*view_help_welcome_new(struct ui *);
void		 view_feeds_set_tag_to(struct ui *, struct ui_view *,
		    const char *tag);
int64_t		 view_items_move_unread(struct ui *, struct ui_view *,
		    int dir, int inclusive);
int64_t		 view_items_feed(struct ui_view *);
long		 view_feeds_find_unread(struct ui *, struct ui_view *,
		    int64_t from_feed, int dir);
void		 view_feeds_open_row(struct ui *, struct ui_view *, size_t);
void		 view_items_goto_unread(struct ui *, int dir);

#endif
