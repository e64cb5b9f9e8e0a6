/*
 * libFuzzer harness for the tt-rss backend's reading of API answers:
 * every input is the server's answer to each call in turn (login, the
 * tree, a page of articles, the id sets, a mark), through the backend's
 * own operations, with the network replaced by the input. None may
 * crash, leak or hang, and every string handed on must be clean.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf/conf.h"
#include "sync/sync.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const uint8_t	*fuzz_data;
static size_t		 fuzz_size;

/* The network: every request gets the input. */
int
sync_http_post(struct net *net, const char *url, const char *type,
    const char *data, size_t len, size_t max, char **body, size_t *body_len,
    volatile int *cancel, char **cause)
{
	(void)net; (void)url; (void)type; (void)data; (void)len; (void)max;
	(void)cancel; (void)cause;
	*body = xmalloc(fuzz_size + 1);
	memcpy(*body, fuzz_data, fuzz_size);
	(*body)[fuzz_size] = '\0';
	*body_len = fuzz_size;
	return (0);
}

char *
sync_http_hostport(const char *url)
{
	(void)url;
	return (xstrdup("127.0.0.1:80"));
}

int64_t
conf_file_int(const struct config *c, enum conf_opt o)
{
	(void)c; (void)o;
	return (1 << 20);
}

static void
fuzz_clean(const char *s)
{
	if (s != NULL && sanitize_clean_len(s, strlen(s),
	    SANITIZE_KEEP_NEWLINES) != strlen(s))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct sync_ops	*ops = &sync_ttrss_ops;
	struct sync_cfg		 cfg;
	struct sync_feeds	 tree;
	struct sync_page	 page;
	int64_t			*ids, one = 1;
	size_t			 n, i;
	char			*cause = NULL;
	void			*b;

	fuzz_data = data;
	fuzz_size = size;
	memset(&cfg, 0, sizeof cfg);
	cfg.url = "http://127.0.0.1/";
	cfg.login = "u";
	cfg.password = "p";
	if ((b = ops->open(&cfg, NULL, &cause)) == NULL)
		abort();
	if (ops->tree(b, &tree, &cause) == 0) {
		for (i = 0; i < tree.n; i++) {
			fuzz_clean(tree.feeds[i].title);
			fuzz_clean(tree.feeds[i].url);
			fuzz_clean(tree.feeds[i].tags);
		}
	}
	free(cause);
	cause = NULL;
	if (ops->articles(b, 0, 0, &page, &cause) == 0)
		for (i = 0; i < page.n; i++) {
			fuzz_clean(page.items[i].title);
			fuzz_clean(page.items[i].content);
		}
	free(cause);
	cause = NULL;
	if (ops->ids(b, DB_SYNC_READ, &ids, &n, &cause) == 0)
		free(ids);
	free(cause);
	cause = NULL;
	(void)ops->mark(b, DB_SYNC_STARRED, 1, &one, 1, &cause);
	free(cause);
	ops->close(b);
	return (0);
}
