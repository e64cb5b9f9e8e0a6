/* Private to src/poll. */
#ifndef TIDINGS_POLL_POLL_INT_H
#define TIDINGS_POLL_POLL_INT_H

#include <pthread.h>

#include "db/db.h"
#include "poll/poll.h"

/* Parsed feeds waiting for the writer: a ceiling on memory. */
#define POLL_QUEUE_MAX	16

/* One fetched feed on its way to the cache; owns everything in it. */
struct poll_result {
	int64_t			 feed_id;
	char			*display;	/* URL for messages */
	struct db_fetch		 fetch;		/* strings: the copies below */
	char			*error;
	char			*etag;
	char			*last_modified;
	char			*new_url;
	struct feed_doc		*doc;		/* NULL: 304 or failure */
	struct db_doc_prep	*prep;		/* of doc, for the writer */
	struct poll_result	*next;
};

struct poll_run {
	struct db		*db;	/* the writer's, once it runs */
	const struct poll_opts	*opts;
	struct poll_stats	*stats;	/* counts: the writer's */
	struct db_retention	 keep;
	size_t			 total;
	int64_t			 now;
	char			*db_error;	/* the first store failure */

	/* The parser thread (poll-parse.c) and the jobs ready for it. */
	pthread_t		 parser;
	pthread_mutex_t		 plock;
	pthread_cond_t		 pcond;
	struct poll_job		*ready_head, *ready_tail;
	size_t			 pending_bytes;
	int			 pwaiting;	/* the fetcher, for room */
	int			 pclosed;
	struct poll_job		*open;		/* bodies let in (fetcher's) */

	pthread_t		 writer;
	pthread_mutex_t		 lock;
	pthread_cond_t		 cond;
	struct poll_result	*head, *tail;
	size_t			 queued;
	int			 closed;
	int			 idle_index;	/* the writer's: index to do */
};

/* Full-text fetches under way (poll-fulltext.c); callbacks run in the
 * thread that runs the fetcher, which owns db. */
struct poll_ft {
	struct db		*db;
	volatile int		*cancel;
	int			 notify_fd;	/* gets -item_id for each */
	size_t			 fetched;
	size_t			 failed;
	char			*db_error;	/* the first store failure */
};

struct config;
struct net;
struct net_limits;
struct db_fulltext_job;

/* Queue the page of one item on net (or store why it is not fetched). */
void	poll_fulltext_add(struct poll_ft *, struct net *,
	    const struct db_fulltext_job *);

/*
 * poll-parse.c: the parser thread. A job is one feed's transfer; the
 * fetcher's callbacks hand it begin, data and done (with the result,
 * whose doc the parser fills in before it goes to the writer); the job is
 * the parser thread's to free after done.
 */
struct poll_job;
int	 poll_parse_start(struct poll_run *, char **cause);
struct poll_job *poll_parse_job_new(struct poll_run *, int64_t feed_id,
	    char *display);
void	 poll_parse_job_begin(struct poll_job *, const char *url,
	    const char *charset);
void	 poll_parse_job_data(struct poll_job *, const void *, size_t);
/* May j's body stream now (net_request.admit)? 1 lets it in. */
int	 poll_parse_job_admit(struct poll_job *);
void	 poll_parse_job_done(struct poll_job *, struct poll_result *);
int64_t	 poll_parse_job_feed(const struct poll_job *);
const char *poll_parse_job_display(const struct poll_job *);
struct poll_run *poll_parse_job_run(const struct poll_job *);
/* No more jobs: wait until every one went to the writer. */
void	 poll_parse_finish(struct poll_run *);

/* poll-store.c: a writer thread stores results in arrival order. */
int	poll_store_start(struct poll_run *, char **cause);
/* Hand a result to the writer (waits while the queue is full); its
 * document's storing is prepared first, on the calling thread. */
void	poll_store_push(struct poll_run *, struct poll_result *);
/* No more results: wait until everything is stored. */
void	poll_store_finish(struct poll_run *);
void	poll_store_result_free(struct poll_result *);

/*
 * poll-cmd.c: exec: and filter: feeds of the user's urls file. poll_cmd_add
 * queues one (filter:'s download on net); after net_run, poll_cmd_run_all
 * runs the commands and hands their output to the parser thread.
 */
struct poll_cmd;
struct db_feed;
int	poll_cmd_is(const char *url);
/* exec:CMD or filter:CMD:URL into CMD and URL (NULL for exec:); 0/-1. */
int	poll_cmd_split(const char *url, char **cmd, char **fetch);
void	poll_cmd_add(struct poll_cmd **, struct net *, const struct db_feed *);
void	poll_cmd_run_all(struct poll_cmd *, struct poll_run *,
	    const struct net_limits *);
void	poll_cmd_free(struct poll_cmd *);
/* poll-remote.c: a refresh from a sync server. */
int	poll_remote(const char *cache_path, const struct poll_opts *,
	    struct poll_stats *, char **cause);

#endif
