/*
 * The main loop: one poll() over the terminal, the poller's notify pipe and
 * a signal self-pipe, with a timeout for the reload timer. Events only
 * change state and mark the screen dirty; drawing happens once per pass
 * (sfeed_curses's flags, tmux's loop).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <ncurses.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "db/db.h"
#include "ui/ui-int.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

static int		 ui_sigfd = -1;	/* write end of the self-pipe */
static int		 ui_curses_on;
static struct termios	 ui_saved_tio;
static int		 ui_saved_tio_ok;
/* Sequences that hand the terminal back, taken from terminfo up front so
 * that a crash handler can write them without calling curses. */
static char		 ui_reset_seq[256];

static void
ui_signal(int sig)
{
	int	saved = errno;
	char	c;

	switch (sig) {
	case SIGWINCH: c = 'W'; break;
	case SIGTSTP: c = 'Z'; break;
	case SIGCONT: c = 'C'; break;
	default: c = 'Q'; break;
	}
	if (ui_sigfd != -1)
		(void)write(ui_sigfd, &c, 1);
	errno = saved;
}

/* On a crash: give the terminal back, then die of the same signal. */
static void
ui_crash(int sig)
{
	if (ui_saved_tio_ok)
		tcsetattr(STDIN_FILENO, TCSANOW, &ui_saved_tio);
	(void)write(STDOUT_FILENO, ui_reset_seq, strlen(ui_reset_seq));
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
ui_atexit(void)
{
	if (ui_curses_on) {
		endwin();
		ui_curses_on = 0;
	}
}

static void
ui_set_signals(int on)
{
	static const int	 sigs[] = { SIGWINCH, SIGTSTP, SIGCONT, SIGINT,
				    SIGTERM, SIGHUP };
	static const int	 crash[] = { SIGABRT, SIGSEGV, SIGBUS, SIGFPE,
				    SIGILL };
	struct sigaction	 sa;
	size_t			 i;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on ? ui_signal : SIG_DFL;
	sa.sa_flags = SA_RESTART;
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
	sa.sa_handler = on ? ui_crash : SIG_DFL;
	sa.sa_flags = SA_RESETHAND;
	for (i = 0; i < sizeof crash / sizeof crash[0]; i++)
		sigaction(crash[i], &sa, NULL);
}

static void
ui_add_seq(const char *cap)
{
	char	*s = tigetstr((char *)cap);

	if (s != NULL && s != (char *)-1 && strlen(ui_reset_seq) + strlen(s) <
	    sizeof ui_reset_seq)
		strcat(ui_reset_seq, s);
}

static void
ui_curses_start(struct ui *ui)
{
	ui_saved_tio_ok = tcgetattr(STDIN_FILENO, &ui_saved_tio) == 0;
	initscr();
	ui_curses_on = 1;
	cbreak();	/* not raw(): ^C and ^Z stay signals */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	ui_colour_start();
	ui_colour_highlights(ui->cfg.conf);
	/* Presses only: we tell clicks from double clicks ourselves
	 * (ui-input.c), so no key waits for curses' click interval. */
	ui->use_mouse = mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED |
	    BUTTON5_PRESSED, NULL) != 0;
	mouseinterval(0);
	ui_reset_seq[0] = '\0';
	ui_add_seq("sgr0");
	ui_add_seq("cnorm");
	ui_add_seq("rmkx");
	ui_add_seq("rmcup");
	/* curses sets up its own handlers; ours replace them. */
	ui_set_signals(1);
	getmaxyx(stdscr, ui->height, ui->width);
}

void
ui_push(struct ui *ui, struct ui_view *v)
{
	if (ui->nviews == UI_MAX_VIEWS) {
		/* Drop the oldest view above the feed list to make room. */
		ui->views[1]->type->free(ui->views[1]);
		memmove(&ui->views[1], &ui->views[2],
		    (UI_MAX_VIEWS - 2) * sizeof ui->views[0]);
		ui->nviews--;
	}
	ui->views[ui->nviews++] = v;
	ui_list_set_height(&v->list, ui_view_height(ui));
	ui_dirty(ui);
}

void
ui_pop(struct ui *ui)
{
	struct ui_view	*v;

	if (ui->nviews == 0)
		return;
	v = ui->views[--ui->nviews];
	v->type->free(v);
	if (ui->nviews == 0)
		ui->quit = 1;
	ui_dirty(ui);
}

struct ui_view *
ui_top(struct ui *ui)
{
	return (ui->nviews ? ui->views[ui->nviews - 1] : NULL);
}

struct ui_view *
ui_below(struct ui *ui, struct ui_view *v)
{
	int	i;

	for (i = ui->nviews - 1; i > 0; i--)
		if (ui->views[i] == v)
			return (ui->views[i - 1]);
	return (NULL);
}

void
ui_message(struct ui *ui, int error, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(ui->msg, sizeof ui->msg, fmt, ap);
	va_end(ap);
	ui->msg_error = error;
	ui_dirty(ui);
}

void
ui_dirty(struct ui *ui)
{
	ui->dirty = 1;
}

int
ui_view_height(struct ui *ui)
{
	int	h = ui->height - UI_TOP_ROWS - UI_BOTTOM_ROWS;

	return (h < 1 ? 1 : h);
}

/* The cache changed under feed_id (0: several feeds): every view re-reads. */
void
ui_reload_all(struct ui *ui, int64_t feed_id)
{
	int	i;

	for (i = 0; i < ui->nviews; i++)
		if (ui->views[i]->type->reload != NULL)
			ui->views[i]->type->reload(ui, ui->views[i], feed_id);
	ui_dirty(ui);
}

void
ui_start_refresh(struct ui *ui, long long feed_id)
{
	char	*cause = NULL;

	if (ui->cfg.poller == NULL) {
		ui_message(ui, 1, "%s", _("Refreshing is not available."));
		return;
	}
	/* Every feed: the urls file's as it is now (edited by hand?). */
	if (feed_id == 0 && !ui->refreshing)
		ui_urls_reload(ui, 0);
	if (ui->cfg.poller->start(ui->cfg.poller_arg, feed_id, ui->notify[1],
	    &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return;
	}
	ui->refreshing = 1;
	ui_dirty(ui);
}

static void
ui_resize(struct ui *ui)
{
	struct winsize	ws;
	int		i;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0)
		resizeterm(ws.ws_row, ws.ws_col);
	getmaxyx(stdscr, ui->height, ui->width);
	for (i = 0; i < ui->nviews; i++) {
		ui_list_set_height(&ui->views[i]->list, ui_view_height(ui));
		if (ui->views[i]->type->resize != NULL)
			ui->views[i]->type->resize(ui, ui->views[i]);
	}
	clearok(curscr, TRUE);
	ui_dirty(ui);
}

static void
ui_suspend(struct ui *ui)
{
	struct sigaction	sa;

	endwin();
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGTSTP, &sa, NULL);
	raise(SIGTSTP);
	/* Here again after SIGCONT. */
	sa.sa_handler = ui_signal;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGTSTP, &sa, NULL);
	reset_prog_mode();
	ui_resize(ui);
}

static void
ui_read_signals(struct ui *ui)
{
	char	buf[64];
	ssize_t	n, i;

	while ((n = read(ui->sigpipe[0], buf, sizeof buf)) > 0)
		for (i = 0; i < n; i++) {
			switch (buf[i]) {
			case 'W':
			case 'C':
				ui_resize(ui);
				break;
			case 'Z':
				ui_suspend(ui);
				break;
			case 'Q':
				ui->quit = 1;
				break;
			}
		}
}

/* The full text of an article is in the cache (or failed). */
static void
ui_fulltext_arrived(struct ui *ui, int64_t item_id)
{
	int	i;

	for (i = 0; i < ui->nviews; i++)
		if (ui->views[i]->type->ctx == CTX_ARTICLE)
			view_article_fulltext(ui, ui->views[i], item_id);
	ui_dirty(ui);
}

/* Feed ids from the poller: re-read what they touched (and, as -id, the
 * articles whose full text arrived). */
static void
ui_read_notify(struct ui *ui)
{
	int64_t	ids[64], one = -1;
	ssize_t	n, i;
	char	*msg = NULL;
	int	many = 0, done = 0, err, added = 0;

	while ((n = read(ui->notify[0], ids, sizeof ids)) > 0) {
		for (i = 0; i < n / (ssize_t)sizeof ids[0]; i++) {
			if (ids[i] == UI_NOTIFY_ADD)
				added = 1;
			else if (ids[i] == UI_NOTIFY_PODCAST)
				ui_podcast_finished(ui);
			else if (ids[i] < 0)
				ui_fulltext_arrived(ui, -ids[i]);
			else if (ids[i] == 0)
				done = 1;
			else if (one == -1)
				one = ids[i];
			else if (one != ids[i])
				many = 1;
		}
	}
	if (done) {
		/* Errors and counts changed too: re-read everything. */
		ui->refreshing = 0;
		err = ui->cfg.poller->finish(ui->cfg.poller_arg, &msg) != 0;
		if (ui->urls_error != NULL)
			ui_message(ui, 1, "%s %s", ui->urls_error, msg);
		else
			ui_message(ui, err, "%s", msg);
		free(msg);
		ui_reload_all(ui, 0);
	} else if (one != -1)
		ui_reload_all(ui, many ? 0 : one);
	if (added)
		ui_add_finish(ui);
	ui_dirty(ui);
}

static int
ui_make_pipe(int fds[2], char **cause)
{
	int	i;

	if (pipe(fds) != 0) {
		*cause = xasprintf("pipe: %s", strerror(errno));
		return (-1);
	}
	for (i = 0; i < 2; i++) {
		fcntl(fds[i], F_SETFL, fcntl(fds[i], F_GETFL) | O_NONBLOCK);
		fcntl(fds[i], F_SETFD, FD_CLOEXEC);
	}
	return (0);
}

/* How often the loop asks whether another process changed the cache. */
#define UI_VERSION_MS	1000

static long long
ui_clock_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000);
}

/*
 * Another connection committed (a cron `tidings --refresh`, or one of our
 * own threads): re-read every view. Our own refresh re-reads as its feeds
 * are stored and once more at its end, so it needs nothing from here.
 */
static void
ui_check_version(struct ui *ui)
{
	int64_t	 version;
	char	*cause = NULL;

	ui->next_version_ms = ui_clock_ms() + UI_VERSION_MS;
	if (ui->cfg.db == NULL)
		return;
	if (db_data_version(ui->cfg.db, &version, &cause) != 0) {
		free(cause);	/* a passing error: the next look may work */
		return;
	}
	if (version != ui->data_version && !ui->refreshing)
		ui_reload_all(ui, 0);
	ui->data_version = version;
}

static void
ui_loop(struct ui *ui)
{
	struct pollfd	pfd[3];
	time_t		now;
	long long	wait_ms;
	int		timeout;

	while (!ui->quit) {
		wait_ms = ui->next_version_ms - ui_clock_ms();
		if (wait_ms <= 0) {
			ui_check_version(ui);
			wait_ms = UI_VERSION_MS;
		}
		if (ui->dirty) {
			ui_draw_screen(ui);
			ui->dirty = 0;
		}
		timeout = -1;
		now = time(NULL);
		if (ui->next_reload != 0) {
			if (now >= ui->next_reload) {
				if (!ui->refreshing)
					ui_start_refresh(ui, 0);
				ui->next_reload = now +
				    ui->cfg.reload_minutes * 60;
				continue;
			}
			/* A minute at most: reload-time may be months. */
			timeout = ui->next_reload - now > 60 ? 60000 :
			    (int)(ui->next_reload - now) * 1000;
		}
		/* Tick while refreshing so the progress count moves. */
		if (ui->refreshing && (timeout == -1 || timeout > 500))
			timeout = 500;
		if (timeout == -1 || timeout > wait_ms)
			timeout = (int)wait_ms;
		pfd[0].fd = STDIN_FILENO;
		pfd[1].fd = ui->sigpipe[0];
		pfd[2].fd = ui->notify[0];
		pfd[0].events = pfd[1].events = pfd[2].events = POLLIN;
		if (poll(pfd, 3, timeout) == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (pfd[1].revents & POLLIN)
			ui_read_signals(ui);
		if (pfd[2].revents & POLLIN)
			ui_read_notify(ui);
		if (pfd[0].revents & (POLLIN | POLLHUP))
			ui_input(ui);
		if (pfd[0].revents & (POLLHUP | POLLERR | POLLNVAL))
			ui->quit = 1;
		if (ui->refreshing)
			ui_dirty(ui);
	}
}

/*
 * The config's warnings (a Newsboat option ignored, say) went to stderr,
 * which the screen covers: the first of them on the message line too.
 */
static void
ui_config_warnings(struct ui *ui)
{
	const struct config	*c = ui->cfg.conf;
	char			*w;
	size_t			 more;

	if (c == NULL || c->nwarnings == 0)
		return;
	w = sanitize_text(c->warnings[0], strlen(c->warnings[0]), 0);
	more = c->nwarnings - 1;
	if (more == 0)
		ui_message(ui, 1, "%s", w);
	else
		ui_message(ui, 1, ngettext("%s (and %zu more warning, shown "
		    "after quitting)", "%s (and %zu more warnings, shown after "
		    "quitting)", more), w, more);
	free(w);
}

int
ui_run(const struct ui_config *cfg, char **cause)
{
	struct ui	ui;

	memset(&ui, 0, sizeof ui);
	ui.cfg = *cfg;
	ui.sigpipe[0] = ui.sigpipe[1] = ui.notify[0] = ui.notify[1] = -1;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		*cause = xstrdup(_("the reader needs a terminal"));
		return (-1);
	}
	if (ui_make_pipe(ui.sigpipe, cause) != 0)
		return (-1);
	if (ui_make_pipe(ui.notify, cause) != 0) {
		close(ui.sigpipe[0]);
		close(ui.sigpipe[1]);
		return (-1);
	}
	ui_sigfd = ui.sigpipe[1];
	atexit(ui_atexit);
	ui_curses_start(&ui);

	ui_check_version(&ui);
	ui_urls_remember(&ui);
	if (cfg->podcasts)
		ui_push(&ui, view_podcasts_new(&ui));
	else
		ui_push(&ui, view_feeds_new(&ui));
	if (cfg->first_start && !cfg->podcasts)
		ui_push(&ui, view_help_welcome_new(&ui));
	if (cfg->refresh_on_startup && !cfg->first_start)
		ui_start_refresh(&ui, 0);
	/* Articles waiting for the search index (a schema step rebuilds
	 * it) are indexed meanwhile, not only by the next refresh. */
	if (ui.cfg.poller != NULL && ui.cfg.poller->index != NULL)
		ui.cfg.poller->index(ui.cfg.poller_arg);
	ui_config_warnings(&ui);
	if (cfg->reload_minutes > 0)
		ui.next_reload = time(NULL) + cfg->reload_minutes * 60;

	ui_loop(&ui);

	ui_podcast_stop();
	if (ui.cfg.poller != NULL)
		ui.cfg.poller->stop(ui.cfg.poller_arg);
	ui_add_stop(&ui);
	while (ui.nviews > 0)
		ui_pop(&ui);
	endwin();
	ui_curses_on = 0;
	ui_set_signals(0);
	ui_sigfd = -1;
	close(ui.sigpipe[0]);
	close(ui.sigpipe[1]);
	close(ui.notify[0]);
	close(ui.notify[1]);
	conf_keys_free();
	ui_input_free(&ui);
	free(ui.urls_error);
	return (0);
}

/* For --version: the curses library the program runs with. */
const char *
ui_curses_version(void)
{
	return (curses_version());
}
