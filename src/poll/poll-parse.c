/*
 * The parser stage: a thread between the fetcher and the writer, so that
 * curl (and its decompression), the parsers and SQLite each have a core's
 * worth of work to overlap. The fetcher's callbacks only queue bytes; the
 * parser thread pushes them into each feed's parser as they come, so a
 * body is still parsed while it streams in. When a whole body is already
 * there by the time the parser thread gets to it (a fast server, a busy
 * parser), it is parsed in one piece, which expat does faster
 * (feed_parser_parse_buffer).
 *
 * With a hundred transfers streaming at once, a parser started on each
 * would hold a hundred half-built documents. So only POLL_OPEN_MAX bodies
 * stream at a time (the others are paused, their bytes left in the
 * kernel's socket buffers, until one ends). A body stops counting once it
 * has streamed POLL_OPEN_IDLE seconds with less than POLL_OPEN_SMALL
 * bytes, or sent nothing for as long: a slow server holds back no one,
 * and what it holds is small.
 * And the parser thread takes, in this order: a feed whose transfer has
 * ended (parsed whole, its memory soon free), a feed it already parses
 * that has more bytes, and only while the fetcher waits for room, the
 * oldest feed with bytes queued. Queued bytes have a ceiling; past it the
 * fetcher waits. Memory stays bounded however many transfers run.
 */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "feed/feed.h"
#include "poll/poll-int.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* Bytes fetched but not yet parsed, over every feed. */
#define POLL_PARSE_MAX_BYTES	(4u << 20)
/* Bodies streaming at once, and how long a silent one still counts. */
#define POLL_OPEN_MAX		8
#define POLL_OPEN_IDLE		0.5
#define POLL_OPEN_SMALL		(64u << 10)

struct poll_chunk {
	struct poll_chunk	*next;
	size_t			 len;
	char			 data[];
};

/* One feed's body on its way through the parser thread. */
struct poll_job {
	struct poll_run		*run;
	int64_t			 feed_id;
	char			*display;	/* URL for messages */

	/* Under run->plock: what the fetcher handed over. */
	char			*url;		/* after redirects */
	char			*charset;	/* of the Content-Type */
	int			 reset;		/* a new body began */
	struct poll_chunk	*head, *tail;
	struct poll_result	*res;		/* set when the transfer ended */
	int			 queued;	/* on the ready list */
	struct poll_job		*next;

	/* The fetcher's alone: the bodies let in (poll_parse_job_admit). */
	int			 open;
	double			 opened;
	double			 last;		/* its latest bytes came */
	size_t			 got;		/* bytes so far */
	struct poll_job		*onext, *oprev;

	/* The parser thread's alone. */
	struct feed_parser	*parser;
	int			 pushed;	/* bytes went into parser */
	char			*purl;		/* url and charset as of */
	char			*pcharset;	/* the body being parsed */
};

struct poll_job *
poll_parse_job_new(struct poll_run *run, int64_t feed_id, char *display)
{
	struct poll_job	*j;

	j = xcalloc(1, sizeof *j);
	j->run = run;
	j->feed_id = feed_id;
	j->display = display;
	return (j);
}

int64_t
poll_parse_job_feed(const struct poll_job *j)
{
	return (j->feed_id);
}

const char *
poll_parse_job_display(const struct poll_job *j)
{
	return (j->display);
}

struct poll_run *
poll_parse_job_run(const struct poll_job *j)
{
	return (j->run);
}

static double
poll_parse_clock(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec + ts.tv_nsec / 1e9);
}

int
poll_parse_job_admit(struct poll_job *j)
{
	struct poll_run	*run = j->run;
	struct poll_job	*o;
	double		 now = poll_parse_clock();
	int		 busy = 0;

	for (o = run->open; o != NULL; o = o->onext)
		if (now - o->opened < POLL_OPEN_IDLE ||
		    (o->got >= POLL_OPEN_SMALL &&
		    now - o->last < POLL_OPEN_IDLE))
			busy++;
	if (busy >= POLL_OPEN_MAX)
		return (0);
	j->open = 1;
	j->opened = j->last = now;
	j->got = 0;
	j->oprev = NULL;
	if ((j->onext = run->open) != NULL)
		run->open->oprev = j;
	run->open = j;
	return (1);
}

/* The transfer of j ended: its place is free. */
static void
poll_job_close(struct poll_job *j)
{
	struct poll_run	*run = j->run;

	if (!j->open)
		return;
	if (j->oprev != NULL)
		j->oprev->onext = j->onext;
	else
		run->open = j->onext;
	if (j->onext != NULL)
		j->onext->oprev = j->oprev;
	j->open = 0;
}

static void
poll_chunks_free(struct poll_chunk *c)
{
	struct poll_chunk	*next;

	for (; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
}

/* Put j on the ready list (run->plock held). */
static void
poll_job_ready(struct poll_run *run, struct poll_job *j)
{
	/* Already there, it may have become the parser's first choice. */
	if (j->queued) {
		pthread_cond_broadcast(&run->pcond);
		return;
	}
	j->queued = 1;
	j->next = NULL;
	if (run->ready_tail != NULL)
		run->ready_tail->next = j;
	else
		run->ready_head = j;
	run->ready_tail = j;
	pthread_cond_broadcast(&run->pcond);
}

void
poll_parse_job_begin(struct poll_job *j, const char *url, const char *charset)
{
	struct poll_run	*run = j->run;

	pthread_mutex_lock(&run->plock);
	free(j->url);
	j->url = xstrdup(url);
	free(j->charset);
	j->charset = charset != NULL ? xstrdup(charset) : NULL;
	/* Bytes of an earlier body are not this one's. */
	j->reset = 1;
	pthread_mutex_unlock(&run->plock);
}

void
poll_parse_job_data(struct poll_job *j, const void *p, size_t n)
{
	struct poll_run		*run = j->run;
	struct poll_chunk	*c;

	if (j->open) {
		j->last = poll_parse_clock();
		j->got += n;
	}
	c = xmalloc(sizeof *c + n);
	c->next = NULL;
	c->len = n;
	memcpy(c->data, p, n);
	pthread_mutex_lock(&run->plock);
	while (run->pending_bytes > POLL_PARSE_MAX_BYTES && !run->pclosed) {
		run->pwaiting = 1;
		pthread_cond_broadcast(&run->pcond);
		pthread_cond_wait(&run->pcond, &run->plock);
	}
	run->pwaiting = 0;
	if (j->tail != NULL)
		j->tail->next = c;
	else
		j->head = c;
	j->tail = c;
	run->pending_bytes += n;
	poll_job_ready(run, j);
	pthread_mutex_unlock(&run->plock);
}

void
poll_parse_job_done(struct poll_job *j, struct poll_result *res)
{
	struct poll_run	*run = j->run;

	poll_job_close(j);
	pthread_mutex_lock(&run->plock);
	j->res = res;
	poll_job_ready(run, j);
	pthread_mutex_unlock(&run->plock);
}

/* Push chunks into j's parser (started if need be). */
static void
poll_job_push(struct poll_job *j, struct poll_chunk *chunks)
{
	struct feed_limits	 lim = { 0, 0, 0 };
	struct poll_chunk	*c;

	for (c = chunks; c != NULL; c = c->next) {
		if (j->parser == NULL)
			j->parser = feed_parser_new(j->purl, j->pcharset,
			    &lim);
		/* A broken document is pushed to its end all the same:
		 * the parser keeps what it can (feed.h). */
		feed_parser_push(j->parser, c->data, c->len);
		j->pushed = 1;
	}
}

/* The chunks as one buffer (the only one needs no copy). */
static char *
poll_chunks_join(struct poll_chunk *c, size_t *len, int *copied)
{
	struct poll_chunk	*k;
	char			*b;
	size_t			 n = 0;

	if (c->next == NULL) {
		*len = c->len;
		*copied = 0;
		return (c->data);
	}
	for (k = c; k != NULL; k = k->next)
		n += k->len;
	b = xmalloc(n);
	for (n = 0, k = c; k != NULL; k = k->next) {
		memcpy(b + n, k->data, k->len);
		n += k->len;
	}
	*len = n;
	*copied = 1;
	return (b);
}

/* The transfer of j ended: its document (or none) goes to the writer. */
static void
poll_job_finish(struct poll_job *j, struct poll_chunk *chunks)
{
	struct poll_run		*run = j->run;
	struct poll_result	*res = j->res;
	struct feed_doc		*doc = NULL;
	struct feed_limits	 lim = { 0, 0, 0 };
	char			*whole;
	size_t			 len;
	int			 copied;

	if (res->error == NULL && !res->fetch.not_modified) {
		if (j->parser == NULL && !j->pushed && chunks != NULL) {
			/* All of it is here: one piece. */
			whole = poll_chunks_join(chunks, &len, &copied);
			doc = feed_parser_parse_buffer(whole, len, j->purl,
			    j->pcharset, &lim);
			if (copied)
				free(whole);
		} else {
			/* Under way: the rest, then the end. */
			poll_job_push(j, chunks);
			if (j->parser == NULL)
				j->parser = feed_parser_new(j->purl,
				    j->pcharset, &lim);
			doc = feed_parser_finish(j->parser);
			j->parser = NULL;
		}
		if (doc->format == FEED_FORMAT_UNKNOWN && doc->nitems == 0) {
			res->error = xasprintf(_("not a feed%s%s"),
			    doc->nerrors > 0 ? ": " : "",
			    doc->nerrors > 0 ? doc->errors[0] : "");
			res->fetch.error = res->error;
			feed_doc_free(doc);
			doc = NULL;
		}
	}
	res->doc = doc;
	if (doc != NULL && doc->meta.ttl > 0 &&
	    run->now + (int64_t)doc->meta.ttl * 60 > res->fetch.next_fetch)
		res->fetch.next_fetch = run->now + (int64_t)doc->meta.ttl * 60;
	poll_store_push(run, res);
}

static void
poll_job_free(struct poll_job *j)
{
	if (j->parser != NULL)
		feed_parser_free(j->parser);
	poll_chunks_free(j->head);
	free(j->display);
	free(j->url);
	free(j->charset);
	free(j->purl);
	free(j->pcharset);
	free(j);
}

/* One turn on a ready job: what arrived since the last, and the end. */
static void
poll_job_work(struct poll_run *run, struct poll_job *j)
{
	struct poll_chunk	*chunks, *c;
	size_t			 bytes = 0;
	int			 reset, done;

	pthread_mutex_lock(&run->plock);
	chunks = j->head;
	j->head = j->tail = NULL;
	reset = j->reset;
	j->reset = 0;
	if (reset) {
		free(j->purl);
		free(j->pcharset);
		j->purl = j->url != NULL ? xstrdup(j->url) : NULL;
		j->pcharset = j->charset != NULL ? xstrdup(j->charset) : NULL;
	}
	done = j->res != NULL;
	j->queued = 0;
	pthread_mutex_unlock(&run->plock);

	if (reset && j->parser != NULL) {
		feed_parser_free(j->parser);
		j->parser = NULL;
		j->pushed = 0;
	}
	if (done)
		poll_job_finish(j, chunks);
	else
		poll_job_push(j, chunks);
	for (c = chunks; c != NULL; c = c->next)
		bytes += c->len;
	poll_chunks_free(chunks);
	pthread_mutex_lock(&run->plock);
	run->pending_bytes -= bytes;
	pthread_cond_broadcast(&run->pcond);
	pthread_mutex_unlock(&run->plock);
	if (done)
		poll_job_free(j);
}

/*
 * The next job to work on, taken off the ready list (run->plock held),
 * or NULL to wait. j->parser is the parser thread's own, read here by
 * that thread alone.
 */
static struct poll_job *
poll_parse_pick(struct poll_run *run)
{
	struct poll_job	*j, *prev, *best = NULL, *bprev = NULL;
	int		 rank, brank = 0;

	for (prev = NULL, j = run->ready_head; j != NULL;
	    prev = j, j = j->next) {
		rank = j->res != NULL ? 3 : j->parser != NULL ? 2 : 1;
		if (rank > brank) {
			best = j;
			bprev = prev;
			if ((brank = rank) == 3)
				break;
		}
	}
	if (best == NULL || (brank == 1 && !run->pwaiting && !run->pclosed))
		return (NULL);
	if (bprev != NULL)
		bprev->next = best->next;
	else
		run->ready_head = best->next;
	if (run->ready_tail == best)
		run->ready_tail = bprev;
	best->next = NULL;
	return (best);
}

static void *
poll_parse_main(void *arg)
{
	struct poll_run	*run = arg;
	struct poll_job	*j;

	for (;;) {
		pthread_mutex_lock(&run->plock);
		while ((j = poll_parse_pick(run)) == NULL && !run->pclosed)
			pthread_cond_wait(&run->pcond, &run->plock);
		if (j == NULL) {
			pthread_mutex_unlock(&run->plock);
			break;
		}
		pthread_mutex_unlock(&run->plock);
		poll_job_work(run, j);
	}
	return (NULL);
}

int
poll_parse_start(struct poll_run *run, char **cause)
{
	pthread_mutex_init(&run->plock, NULL);
	pthread_cond_init(&run->pcond, NULL);
	if (pthread_create(&run->parser, NULL, poll_parse_main, run) != 0) {
		*cause = xstrdup(_("cannot start the parser thread"));
		pthread_cond_destroy(&run->pcond);
		pthread_mutex_destroy(&run->plock);
		return (-1);
	}
	return (0);
}

/* Every transfer has ended (net_run returned): parse what is left. */
void
poll_parse_finish(struct poll_run *run)
{
	pthread_mutex_lock(&run->plock);
	run->pclosed = 1;
	pthread_cond_broadcast(&run->pcond);
	pthread_mutex_unlock(&run->plock);
	pthread_join(run->parser, NULL);
	pthread_cond_destroy(&run->pcond);
	pthread_mutex_destroy(&run->plock);
}
