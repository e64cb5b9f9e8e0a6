/* The UI's own declarations: views, the list widget, the dispatch. */
#ifndef TIDINGS_UI_UI_INT_H
#define TIDINGS_UI_UI_INT_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "conf/conf.h"
#include "ui/ui.h"

/* A key as read by get_wch(): a character, or a curses KEY_* code. */
#define UI_KEY_FUNC	0x40000000	/* set for KEY_* codes */

/* The terminal's keys onto conf's codes and maps (ui-keys.c). */
int		 ui_keys_conf(int key);
enum conf_action ui_keys_lookup(enum conf_ctx, int key);

/* The configured colours on the terminal (ui-colour.c). */
void		 ui_colour_start(void);
void		 ui_colour_highlights(const struct config *);
int		 ui_colour_highlight(size_t);
int		 ui_colour_attr(enum conf_elem);
int		 ui_colour_rule(const struct conf_colour *, int pair);
/* The highlight lines' matches (ui-hl.c); views: CONF_HL_* bits, 0 for
 * none (a focused row). */
void		 ui_hl_start(const struct config *, int first_pair);
int		 ui_hl_feed_attr(size_t);
void		 ui_hl_paint(const struct config *, int y, int x, int width,
		    const char *text, int views);
void		 ui_hl_text(const struct config *, int y, int x, int width,
		    const char *s, int attr, int views);

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
int	 ui_list_action(struct ui_list *, enum conf_action);
void	 ui_list_set_cursor(struct ui_list *, size_t);
void	 ui_list_scroll(struct ui_list *, long);
int	 ui_list_click(struct ui_list *, int row);

struct ui;
struct ui_view;
struct ui_prompt_hist;
struct ui_add;

/* An action's handler in a view: returns 0 when handled. */
struct ui_handler {
	enum conf_action	 action;
	int		(*fn)(struct ui *, struct ui_view *);
};

/* A view is a struct of callbacks (tmux's mode-tree, NeoMutt's dialogs). */
struct ui_view_type {
	const char		*name;
	enum conf_ctx		 ctx;
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

/* The urls file as last read (ui-urls.c): changed when any differs. */
struct ui_urls_stamp {
	long long	 exists, dev, ino, size, mtime, mtime_ns;
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
	int			 key;		/* that started the action */
	struct ui_urls_stamp	 urls_stamp;
	char			*urls_error;	/* the urls file's, or NULL */
	struct ui_add		*add;		/* add-feed looking (ui-add.c) */
};

/* A numbered list of links (ui-links.c). */
struct ui_links {
	char	**url;		/* as the feed gave them */
	char	**label;	/* what each is, or NULL */
	size_t	  n;
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
struct ui_edit;
/* Tab at a prompt: complete the line being edited. */
typedef void	 ui_input_complete_fn(struct ui *, struct ui_edit *);
char		*ui_input_prompt_ex(struct ui *, const char *prompt,
		    const char *init, ui_input_complete_fn *);
void		 ui_reload_all(struct ui *, int64_t feed_id);
void		 ui_start_refresh(struct ui *, long long feed_id);

/* ui-input.c */
void		 ui_input(struct ui *);
int		 ui_input_dispatch(struct ui *, enum conf_action);
int		 ui_input_read_key(struct ui *);
int		 ui_input_works(const struct ui_view *, enum conf_action);
void		 ui_input_free(struct ui *);
int		 ui_input_prompt_help_at(size_t, char *keys, size_t,
		    const char **help);

/* ui-links.c */
void		 ui_links_free(struct ui_links *);
size_t		 ui_links_ask(struct ui *, const struct ui_links *, int key);
void		 ui_links_goto(struct ui *, const struct ui_links *, int key);

/*
 * What comes down the notify pipe (int64_t each): a feed a refresh
 * stored (its id), 0 when the refresh is over, -id when an article's full
 * text is in, and the ends of the other threads' work below.
 */
#define UI_NOTIFY_PODCAST	INT64_MIN	/* ui-podcast.c */
#define UI_NOTIFY_ADD		(INT64_MIN + 1)	/* ui-add.c */

/* ui-draw.c */
void		 ui_draw_text(int y, int x, int width, const char *,
		    int attr);
void		 ui_draw_screen(struct ui *);

/* ui-run.c: external programs. */
int		 ui_run_open_url(struct ui *, const char *url, char **cause);
int		 ui_run_play(struct ui *, const char *player, const char *path,
		    char **cause);

/*
 * ui-podcast.c: the download queue. Downloads run on a thread of their
 * own (one run at a time: ids, or the whole queue with NULL); its end
 * comes down the notify pipe as UI_NOTIFY_PODCAST, for
 * ui_podcast_finished().
 */
void		 ui_podcast_enqueue(struct ui *, int64_t item_id);
void		 ui_podcast_start(struct ui *, const int64_t *ids, size_t);
int		 ui_podcast_running(void);
void		 ui_podcast_cancel(int64_t id);
void		 ui_podcast_finished(struct ui *);
void		 ui_podcast_stop(void);

/* ui-cmd.c: commands (the `:` prompt, macro steps), macros. */
int		 ui_cmd_argv(struct ui *, char **argv, int argc);
int		 ui_cmd_line(struct ui *, const char *line);
int		 ui_cmd_is_prefix(struct ui *, int key);
void		 ui_cmd_macro(struct ui *);
int		 ui_cmd_option(const char *name);
void		 ui_cmd_value(const struct config *, int opt, char *, size_t);
void		 ui_cmd_apply(struct ui *);
int		 ui_cmd_can_change(struct ui *);
/* ui-cmdline.c: the `:` prompt; its commands (1: not one of them). */
void		 ui_cmdline_prompt(struct ui *);
int		 ui_cmdline_run(struct ui *, char **argv, int argc);
char		*ui_cmdline_macro_steps(const struct conf_macro *);

/* ui-save.c: the article as text, into a file or a command. */
char		*ui_save_text(struct ui *, int64_t item_id, char **cause);
void		 ui_save_ask(struct ui *, int64_t item_id);
int		 ui_save_to(struct ui *, int64_t item_id, const char *path,
		    int ask);
void		 ui_save_pipe(struct ui *, int64_t item_id);
/* The article of the top view (the article, or the row of a list); 0. */
int64_t		 ui_save_current(struct ui *);

/* Views (view-*.c). */
struct ui_view	*view_feeds_new(struct ui *);
struct ui_view	*view_items_new(struct ui *, int kind, int64_t feed_id,
		    const char *search, const char *title);
struct ui_view	*view_article_new(struct ui *, int64_t item_id);
/* The full text of item_id arrived (or failed): re-read and lay out. */
void		 view_article_fulltext(struct ui *, struct ui_view *,
		    int64_t item_id);
/* Takes the links (and leaves *l empty). */
struct ui_view	*view_pick_urls_new(struct ui *, struct ui_links *l);
/* The keys and actions that work in the view `of`. */
struct ui_view	*view_help_new(struct ui *, const struct ui_view *of);
struct ui_view	*view_pick_tags_new(struct ui *);
struct ui_view	*view_help_welcome_new(struct ui *);
struct ui_view	*view_podcasts_new(struct ui *);
int		 view_podcasts_show(struct ui *, struct ui_view *);
void		 view_feeds_set_tag_to(struct ui *, struct ui_view *,
		    const char *tag);
int64_t		 view_items_move_unread(struct ui *, struct ui_view *,
		    int dir, int inclusive);
int64_t		 view_items_feed(struct ui_view *);
int64_t		 view_items_current_id(struct ui *, struct ui_view *);
int64_t		 view_article_id(struct ui_view *);
long		 view_feeds_find_unread(struct ui *, struct ui_view *,
		    int64_t from_feed, int dir);
void		 view_feeds_open_row(struct ui *, struct ui_view *, size_t);
void		 view_items_goto_unread(struct ui *, int dir);
int		 view_items_goto_step(struct ui *, int dir);
void		 view_items_random_unread(struct ui *);
long		 view_feeds_find(struct ui *, struct ui_view *,
		    int64_t from_feed, int dir, int unread);
int		 view_feeds_seek(struct ui *, struct ui_view *,
		    int64_t from_feed, int dir, int unread);

/* ui-urls.c: the urls file read again, edited, added to. */
void		 ui_urls_remember(struct ui *);
int		 ui_urls_changed(struct ui *);
/* Read it again if it changed (or always, with force): 0, or -1 and a
 * message with the feeds kept as they were. */
int		 ui_urls_reload(struct ui *, int force);
void		 ui_urls_edit(struct ui *);
/* ui-add.c: add-feed, its thread's end on the notify pipe. */
void		 ui_add_start(struct ui *);
void		 ui_add_finish(struct ui *);
void		 ui_add_stop(struct ui *);
/* ui-shell.c: sh -c cmd, with arg as $1 and the terminal handed over;
 * the exit status, or -1 with *cause. */
int		 ui_shell_run(const char *cmd, const char *arg, char **cause);
/* ui-run.c: argv with the terminal handed over; its exit status. */
int		 ui_run_terminal(char **argv, char **cause);
void		 view_feeds_set_hide_read(struct ui *, struct ui_view *, int);
int		 view_feeds_goto_text(struct ui *, struct ui_view *,
		    const char *);
size_t		 view_feeds_row_of(size_t n);
/* A page of text lines (taken) in the pager. */
struct ui_view	*view_help_text_new(struct ui *, const char *title,
		    char **lines, size_t n);
void		 view_feeds_query_tags(struct ui *, char ***, size_t *);
void		 view_feeds_urls_reloaded(struct ui *, const struct conf_urls *);
/* Filters (ui-filter.c): where is the compiled SQL, NULL to clear;
 * label is what the title line shows; feed_only: where reads only feed
 * attributes (filter_feed_only), and holds of a feed by itself. */
void		 view_feeds_set_filter(struct ui *, struct ui_view *,
		    const char *where, int feed_only, const char *label);
void		 view_items_set_filter(struct ui *, struct ui_view *,
		    const char *where, const char *label);
struct ui_view	*view_pick_filters_new(struct ui *);
int		 ui_filter_apply(struct ui *, struct ui_view *,
		    const char *expr, const char *label);
int		 ui_filter_select(struct ui *, struct ui_view *);
int		 ui_filter_set(struct ui *, struct ui_view *);
int		 ui_filter_clear(struct ui *, struct ui_view *);

#endif
