/*
 * add-feed: subscribe from the reader, as tidings --add does. The address
 * (and tags, "~title") is asked for; the feeds are looked for on a thread
 * of its own (poll_discover: the page's feed links, else the site's usual
 * places), which writes UI_NOTIFY_ADD to the notify pipe when it is over;
 * then the first feed is appended to the urls file and the file read
 * again, and the message says what was added, or why nothing was.
 */
#include "config.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "conf/conf.h"
#include "poll/poll.h"
#include "ui/ui-int.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

struct ui_add {
	pthread_t		 thread;
	int			 joinable;
	volatile int		 cancel;
	const struct config	*conf;
	int			 notify_fd;
	struct conf_urls	 want;	/* the one entry typed */
	/* The thread's, until it says it is done. */
	int			 rc;
	char			*cause;
	char			**found;
	size_t			 nfound;
};

static void *
ui_add_main(void *arg)
{
	struct ui_add	*a = arg;
	struct timespec	 ts = { 0, 10 * 1000 * 1000 };
	int64_t		 done = UI_NOTIFY_ADD;

	a->rc = poll_discover(a->conf, a->want.v[0].url, &a->found,
	    &a->nfound, &a->cancel, &a->cause);
	while (write(a->notify_fd, &done, sizeof done) == -1 && !a->cancel)
		nanosleep(&ts, NULL);
	return (NULL);
}

static void
ui_add_free(struct ui_add *a)
{
	size_t	i;

	if (a == NULL)
		return;
	if (a->joinable) {
		a->cancel = 1;
		pthread_join(a->thread, NULL);
	}
	for (i = 0; i < a->nfound; i++)
		free(a->found[i]);
	free(a->found);
	free(a->cause);
	conf_urls_fini(&a->want);
	free(a);
}

void
ui_add_stop(struct ui *ui)
{
	ui_add_free(ui->add);
	ui->add = NULL;
}

/* The words typed, as on a urls line; 0, or -1 with a message. */
static int
ui_add_parse(struct ui *ui, const char *line, struct conf_urls *want)
{
	char		**argv, **tags, *why = NULL;
	const char	 *title = NULL;
	int		  argc, i;
	size_t		  ntags = 0;

	memset(want, 0, sizeof *want);
	if (conf_token_split(line, &argv, &argc, &why) != 0) {
		ui_message(ui, 1, "%s", why);
		free(why);
		return (-1);
	}
	if (argc == 0) {
		free(argv);
		return (-1);
	}
	if (!conf_urls_fetchable(argv[0])) {
		ui_message(ui, 1, "%s: %s", argv[0],
		    _("not an http, https or file URL"));
		conf_token_free(argv, argc);
		return (-1);
	}
	tags = xcalloc((size_t)argc, sizeof *tags);
	for (i = 1; i < argc; i++) {
		if (argv[i][0] == '~')
			title = argv[i] + 1;
		else
			tags[ntags++] = argv[i];
	}
	conf_urls_add(want, argv[0], tags, ntags, title);
	free(tags);
	conf_token_free(argv, argc);
	return (0);
}

/* Is url in the urls file? 1, 0, or -1 with a message. */
static int
ui_add_have(struct ui *ui, const char *url)
{
	struct conf_urls	 have;
	char			*cause = NULL;
	int			 yes;

	if (conf_urls_load(ui->cfg.urls_path, &have, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return (-1);
	}
	yes = conf_urls_find(&have, url) != NULL;
	conf_urls_fini(&have);
	if (yes)
		ui_message(ui, 0, _("Already subscribed: %s"), url);
	return (yes);
}

void
ui_add_start(struct ui *ui)
{
	struct ui_add	*a;
	char		*line;
	int		 e;

	if (ui->cfg.remote) {
		ui_message(ui, 1, "%s", _("The feeds come from the sync server "
		    "(urls-source ttrss): subscribe there."));
		return;
	}
	if (ui->add != NULL) {
		ui_message(ui, 0, _("Still looking for feeds at %s."),
		    ui->add->want.v[0].url);
		return;
	}
	if ((line = ui_input_prompt(ui,
	    _("Subscribe to (URL [tag ...]): "))) == NULL)
		return;
	a = xcalloc(1, sizeof *a);
	if (ui_add_parse(ui, line, &a->want) != 0 ||
	    ui_add_have(ui, a->want.v[0].url) != 0) {
		free(line);
		ui_add_free(a);
		return;
	}
	free(line);
	a->conf = ui->cfg.conf;
	a->notify_fd = ui->notify[1];
	if ((e = pthread_create(&a->thread, NULL, ui_add_main, a)) != 0) {
		ui_message(ui, 1, _("cannot start the poller: %s"),
		    strerror(e));
		ui_add_free(a);
		return;
	}
	a->joinable = 1;
	ui->add = a;
	ui_message(ui, 0, _("Looking for feeds at %s..."), a->want.v[0].url);
}

/* The feeds found after the first, blank-separated. */
static char *
ui_add_others(const struct ui_add *a)
{
	char	*s = xstrdup(""), *t;
	size_t	 i;

	for (i = 1; i < a->nfound; i++) {
		t = xasprintf("%s%s%s", s, i > 1 ? " " : "", a->found[i]);
		free(s);
		s = t;
	}
	return (s);
}

/* The thread said it is done: add what it found. */
void
ui_add_finish(struct ui *ui)
{
	struct ui_add		*a = ui->add;
	struct conf_url		*w;
	struct conf_urls	 add;
	char			*cause = NULL, *others;
	size_t			 added;

	if (a == NULL)
		return;
	pthread_join(a->thread, NULL);
	a->joinable = 0;
	w = &a->want.v[0];
	if (a->rc != 0) {
		ui_message(ui, 1, "%s: %s", w->url, a->cause);
		goto out;
	}
	if (a->nfound == 0) {
		ui_message(ui, 1, "%s: %s", w->url, _("no feed found: the "
		    "page links to none, and none is at /feed, /rss.xml, "
		    "/atom.xml or /index.xml"));
		goto out;
	}
	if (ui_add_have(ui, a->found[0]) != 0)
		goto out;
	memset(&add, 0, sizeof add);
	conf_urls_add(&add, a->found[0], w->tags, w->ntags, w->title);
	if (conf_urls_append(ui->cfg.urls_path, &add, &added, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		conf_urls_fini(&add);
		goto out;
	}
	conf_urls_fini(&add);
	if (ui->refreshing)
		ui_message(ui, 0, _("Added %s to %s; it is listed after the "
		    "refresh (R)."), a->found[0], ui->cfg.urls_path);
	else if (ui_urls_reload(ui, 1) == 0) {
		if (a->nfound > 1) {
			others = ui_add_others(a);
			ui_message(ui, 0, ngettext("Added %s; the page names "
			    "%zu other feed: %s", "Added %s; the page names "
			    "%zu other feeds: %s", a->nfound - 1), a->found[0],
			    a->nfound - 1, others);
			free(others);
		} else
			ui_message(ui, 0, _("Added %s: r fetches it."),
			    a->found[0]);
	}
out:
	ui_add_stop(ui);
}
