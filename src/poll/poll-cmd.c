/*
 * Newsboat's command feeds, from the user's own urls file only (poll_sync
 * is the one way into the feeds table, and OPML import refuses them):
 *
 *	exec:CMD		CMD's output is the feed
 *	filter:CMD:URL		URL is downloaded, CMD gets the body on its
 *				stdin, and its output is the feed
 *
 * CMD (for filter: up to the first colon, as Newsboat reads it) runs
 * through /bin/sh -c because the user wrote it (poll-spawn.c), with the
 * download timeout and size limit; nothing from a feed ever goes into it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "net/net.h"
#include "poll/poll-int.h"
#include "poll/poll-spawn.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* A command feed of this refresh; filter:'s body comes from net first. */
struct poll_cmd {
	int64_t		 feed_id;
	char		*display;
	char		*cmd;
	char		*url;		/* filter:'s, else NULL */
	struct buf	 body;
	char		*error;		/* the download's */
	struct poll_cmd	*next;
};

int
poll_cmd_is(const char *url)
{
	return (strncmp(url, "exec:", 5) == 0 ||
	    strncmp(url, "filter:", 7) == 0);
}

int
poll_cmd_split(const char *url, char **cmd, char **fetch)
{
	const char	*c;

	*cmd = *fetch = NULL;
	if (strncmp(url, "exec:", 5) == 0) {
		if (url[5] == '\0')
			return (-1);
		*cmd = xstrdup(url + 5);
		return (0);
	}
	if (strncmp(url, "filter:", 7) != 0 ||
	    (c = strchr(url + 7, ':')) == NULL || c == url + 7 ||
	    c[1] == '\0')
		return (-1);
	*cmd = xstrndup(url + 7, (size_t)(c - (url + 7)));
	*fetch = xstrdup(c + 1);
	return (0);
}

/* The body of a filter:'s URL, whole, before the command runs. */
static int
poll_cmd_data(void *arg, const void *p, size_t n)
{
	return (buf_add(&((struct poll_cmd *)arg)->body, p, n));
}

static void
poll_cmd_done(void *arg, const struct net_result *r)
{
	struct poll_cmd	*c = arg;

	if (r->error != NULL)
		c->error = xstrdup(r->error);
	else if (r->status >= 300)
		c->error = xasprintf("HTTP %d", r->status);
}

void
poll_cmd_add(struct poll_cmd **list, struct net *net,
    const struct db_feed *f)
{
	struct net_request	 req;
	struct poll_cmd		*c;

	c = xcalloc(1, sizeof *c);
	c->feed_id = f->id;
	c->display = poll_refresh_url_display(f->url);
	buf_init(&c->body, 0);
	buf_add(&c->body, "", 0);
	if (poll_cmd_split(f->url, &c->cmd, &c->url) != 0)
		c->error = xstrdup(_("not a command feed: exec:COMMAND or "
		    "filter:COMMAND:URL"));
	else if (c->url != NULL) {
		memset(&req, 0, sizeof req);
		req.url = c->url;
		req.arg = c;
		req.data = poll_cmd_data;
		req.done = poll_cmd_done;
		net_add(net, &req);
	}
	c->next = *list;
	*list = c;
}

void
poll_cmd_free(struct poll_cmd *list)
{
	struct poll_cmd	*c;

	while ((c = list) != NULL) {
		list = c->next;
		free(c->display);
		free(c->cmd);
		free(c->url);
		buf_fini(&c->body);
		free(c->error);
		free(c);
	}
}

/* Run each command, one after another, its output to the parser. */
void
poll_cmd_run_all(struct poll_cmd *list, struct poll_run *run,
    const struct net_limits *lim)
{
	struct poll_result	*res;
	struct poll_job		*j;
	struct poll_cmd		*c;
	struct buf		 out;
	char			*cause = NULL;
	long			 timeout;

	timeout = lim->total_timeout > 0 ? lim->total_timeout : 120;
	for (c = list; c != NULL; c = c->next) {
		buf_init(&out, 0);
		if (c->error == NULL && poll_spawn_run(c->cmd, c->body.data,
		    c->body.len, c->url != NULL, lim->max_size, timeout,
		    run->opts->cancel, &out, &cause) != 0)
			c->error = cause;
		cause = NULL;
		j = poll_parse_job_new(run, c->feed_id, c->display);
		c->display = NULL;
		if (c->error == NULL) {
			/* Its links are made absolute against the filtered
			 * URL; an exec: feed's must be absolute already. */
			poll_parse_job_begin(j, c->url != NULL ? c->url : "",
			    NULL);
			poll_parse_job_data(j, out.data != NULL ? out.data :
			    "", out.len);
		}
		buf_fini(&out);
		res = xcalloc(1, sizeof *res);
		res->feed_id = c->feed_id;
		res->display = xstrdup(poll_parse_job_display(j));
		res->error = c->error;
		c->error = NULL;
		res->fetch.fetched_at = run->now;
		res->fetch.error = res->error;
		res->fetch.next_fetch = run->now;
		poll_parse_job_done(j, res);
	}
}
