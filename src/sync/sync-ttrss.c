/*
 * The Tiny Tiny RSS backend: its JSON API (api/ below the server's base
 * URL), every call a POST of a JSON object with "op" and the session id
 * "sid", every answer {"seq", "status": 0|1, "content"}. A saved session
 * is tried first; NOT_LOGGED_IN means logging in again, once.
 */
#include "config.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "conf/conf.h"
#include "sync/sync.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

/* getHeadlines gives at most 200 a call. */
#define SYNC_TTRSS_PAGE		200
/* A server that never stops giving pages is not followed forever. */
#define SYNC_TTRSS_MAX_PAGES	10000
/* Feed ids of the API's virtual feeds. */
#define SYNC_TTRSS_STARRED	-1
#define SYNC_TTRSS_ALL		-4

struct sync_ttrss {
	struct sync_cfg	 cfg;
	char		*api;		/* .../api/ */
	char		*where;		/* HOST:PORT, for messages */
	char		*sid;
	size_t		 max;		/* largest answer accepted */
	size_t		 requests;
	char		**pool;		/* strings of the last answer */
	size_t		 npool;
	struct db_sync_item *items;
	struct db_sync_feed *feeds;
};

static const char *
sync_ttrss_keep(struct sync_ttrss *t, char *s)
{
	if (s == NULL)
		return (NULL);
	t->pool = xreallocarray(t->pool, t->npool + 1, sizeof *t->pool);
	t->pool[t->npool++] = s;
	return (s);
}

static void
sync_ttrss_drop(struct sync_ttrss *t)
{
	size_t	i;

	for (i = 0; i < t->npool; i++)
		free(t->pool[i]);
	free(t->pool);
	t->pool = NULL;
	t->npool = 0;
	free(t->items);
	t->items = NULL;
	free(t->feeds);
	t->feeds = NULL;
}

/* A string field, made safe for a terminal; NULL when absent or empty. */
static const char *
sync_ttrss_text(struct sync_ttrss *t, json_t *o, const char *key, int flags)
{
	const char	*s = json_string_value(json_object_get(o, key));

	if (s == NULL || *s == '\0')
		return (NULL);
	return (sync_ttrss_keep(t, sanitize_text(s, strlen(s), flags)));
}

/* Numbers may come as strings ("0"), the API's documentation says. */
static int64_t
sync_ttrss_int(json_t *v)
{
	const char	*s;

	if (json_is_integer(v))
		return ((int64_t)json_integer_value(v));
	if ((s = json_string_value(v)) != NULL)
		return ((int64_t)strtoll(s, NULL, 10));
	return (0);
}

static int
sync_ttrss_bool(json_t *v)
{
	const char	*s;

	if (json_is_boolean(v))
		return (json_is_true(v));
	if (json_is_integer(v))
		return (json_integer_value(v) != 0);
	if ((s = json_string_value(v)) != NULL)
		return (strcmp(s, "t") == 0 || strcmp(s, "true") == 0 ||
		    strcmp(s, "1") == 0);
	return (0);
}

json_t *
sync_ttrss_answer(const char *body, size_t len, char **error, char **cause)
{
	json_error_t	 je;
	json_t		*root, *content, *status, *err;
	const char	*p = body, *s;

	*error = NULL;
	*cause = NULL;
	while (p < body + len && (*p == ' ' || *p == '\t' || *p == '\r' ||
	    *p == '\n'))
		p++;
	if (p < body + len && *p == '<') {
		*cause = xstrdup(_("the answer is HTML, not the Tiny Tiny RSS "
		    "API's JSON (is ttrss-url the server's address?)"));
		return (NULL);
	}
	if ((root = json_loadb(body, len, 0, &je)) == NULL) {
		*cause = xasprintf(_("not a Tiny Tiny RSS API answer: %s"),
		    len == 0 ? _("empty") : je.text);
		return (NULL);
	}
	status = json_object_get(root, "status");
	content = json_object_get(root, "content");
	if (!json_is_object(root) || status == NULL || content == NULL) {
		*cause = xstrdup(_("not a Tiny Tiny RSS API answer (no status "
		    "and content)"));
		json_decref(root);
		return (NULL);
	}
	if (sync_ttrss_int(status) != 0) {
		err = json_object_get(content, "error");
		s = json_string_value(err);
		*error = sanitize_text(s != NULL ? s : "?", strlen(s != NULL ?
		    s : "?"), 0);
		json_decref(root);
		return (NULL);
	}
	json_incref(content);
	json_decref(root);
	return (content);
}

/* One call, without logging in: content, or NULL with error or cause. */
static json_t *
sync_ttrss_post(struct sync_ttrss *t, json_t *req, char **error,
    char **cause)
{
	json_t	*content;
	char	*data, *body, *why;
	size_t	 len;
	int	 rc;

	*error = NULL;
	data = json_dumps(req, JSON_COMPACT);
	if (data == NULL) {
		*cause = xstrdup(_("cannot write a request"));
		return (NULL);
	}
	t->requests++;
	rc = sync_http_post(t->cfg.net, t->api, "application/json", data,
	    strlen(data), t->max, &body, &len, t->cfg.cancel, cause);
	/* It may hold the password. */
	memset(data, 0, strlen(data));
	free(data);
	if (rc != 0)
		return (NULL);
	content = sync_ttrss_answer(body, len, error, &why);
	free(body);
	if (content == NULL && why != NULL) {
		*cause = xasprintf("%s: %s", t->where, why);
		free(why);
	}
	return (content);
}

static int
sync_ttrss_login(struct sync_ttrss *t, char **cause)
{
	json_t		*req, *content;
	const char	*sid;
	char		*error = NULL;

	req = json_pack("{s:s, s:s, s:s}", "op", "login", "user",
	    t->cfg.login, "password", t->cfg.password);
	if (req == NULL) {
		*cause = xstrdup(_("cannot write a request"));
		return (-1);
	}
	content = sync_ttrss_post(t, req, &error, cause);
	json_decref(req);
	if (content == NULL && error == NULL)
		return (-1);
	if (content == NULL) {
		if (strcmp(error, "API_DISABLED") == 0)
			*cause = xasprintf(_("%s: the server refuses API "
			    "access for %s (enable the API in its "
			    "preferences)"), t->where, t->cfg.login);
		else if (strcmp(error, "LOGIN_ERROR") == 0)
			*cause = xasprintf(_("%s: login failed: wrong "
			    "ttrss-login or password"), t->where);
		else
			*cause = xasprintf(_("%s: login failed: %s"),
			    t->where, error);
		free(error);
		return (-1);
	}
	sid = json_string_value(json_object_get(content, "session_id"));
	if (sid == NULL || *sid == '\0' || strlen(sid) > 256) {
		*cause = xasprintf(_("%s: login failed: no session id in the "
		    "answer"), t->where);
		json_decref(content);
		return (-1);
	}
	free(t->sid);
	t->sid = xstrdup(sid);
	json_decref(content);
	return (0);
}

/* A call with a session: the saved one, or a new one when refused. */
static json_t *
sync_ttrss_call(struct sync_ttrss *t, json_t *req, char **cause)
{
	json_t	*content;
	char	*error = NULL;
	int	 fresh = 0;

	if (t->sid == NULL) {
		if (sync_ttrss_login(t, cause) != 0) {
			json_decref(req);
			return (NULL);
		}
		fresh = 1;
	}
	for (;;) {
		json_object_set_new(req, "sid", json_string(t->sid));
		content = sync_ttrss_post(t, req, &error, cause);
		if (content != NULL || error == NULL)
			break;
		if (strcmp(error, "NOT_LOGGED_IN") != 0 || fresh) {
			*cause = xasprintf(_("%s: the server says %s"),
			    t->where, error);
			break;
		}
		free(error);
		error = NULL;
		if (sync_ttrss_login(t, cause) != 0)
			break;
		fresh = 1;
	}
	free(error);
	json_decref(req);
	return (content);
}

static void *
sync_ttrss_open(const struct sync_cfg *cfg, const char *sid, char **cause)
{
	struct sync_ttrss	*t;
	size_t			 len = strlen(cfg->url);

	if (strncmp(cfg->url, "http://", 7) != 0 &&
	    strncmp(cfg->url, "https://", 8) != 0) {
		*cause = xstrdup(_("ttrss-url: an http:// or https:// address "
		    "is needed"));
		return (NULL);
	}
	if (cfg->login == NULL || *cfg->login == '\0') {
		*cause = xstrdup(_("ttrss-login is not set"));
		return (NULL);
	}
	t = xcalloc(1, sizeof *t);
	t->cfg = *cfg;
	/* The API lives at api/ below the base; a URL of it is fine too. */
	if (len >= 4 && strcmp(cfg->url + len - 4, "/api") == 0)
		t->api = xasprintf("%s/", cfg->url);
	else if (len >= 5 && strcmp(cfg->url + len - 5, "/api/") == 0)
		t->api = xstrdup(cfg->url);
	else
		t->api = xasprintf("%s%sapi/", cfg->url,
		    cfg->url[len - 1] == '/' ? "" : "/");
	t->where = sync_http_hostport(t->api);
	t->max = (size_t)conf_file_int(cfg->config, CONF_DOWNLOAD_MAX_SIZE);
	t->sid = sid != NULL && *sid != '\0' ? xstrdup(sid) : NULL;
	return (t);
}

static void
sync_ttrss_close(void *arg)
{
	struct sync_ttrss	*t = arg;

	if (t == NULL)
		return;
	sync_ttrss_drop(t);
	free(t->api);
	free(t->where);
	free(t->sid);
	free(t);
}

static const char *
sync_ttrss_session(void *arg)
{
	return (((struct sync_ttrss *)arg)->sid);
}

static size_t
sync_ttrss_requests(void *arg)
{
	return (((struct sync_ttrss *)arg)->requests);
}

static int
sync_ttrss_mark(void *arg, int field, int value, const int64_t *ids,
    size_t n, char **cause)
{
	struct sync_ttrss	*t = arg;
	json_t			*req, *content;
	char			*list, *p;
	size_t			 i;
	int			 mode;

	list = p = xmalloc(n * 21 + 1);
	*p = '\0';
	for (i = 0; i < n; i++)
		p += sprintf(p, "%s%lld", i > 0 ? "," : "", (long long)ids[i]);
	/* field 2 is unread, 0 starred ("marked"); mode 1 sets, 0 clears. */
	if (field == DB_SYNC_READ)
		mode = value ? 0 : 1;
	else
		mode = value ? 1 : 0;
	req = json_pack("{s:s, s:s, s:i, s:i}", "op", "updateArticle",
	    "article_ids", list, "mode", mode, "field",
	    field == DB_SYNC_READ ? 2 : 0);
	free(list);
	if ((content = sync_ttrss_call(t, req, cause)) == NULL)
		return (-1);
	json_decref(content);
	return (0);
}

static int
sync_ttrss_catchup(void *arg, int64_t feed, char **cause)
{
	struct sync_ttrss	*t = arg;
	json_t			*content;

	content = sync_ttrss_call(t, json_pack("{s:s, s:I, s:b}", "op",
	    "catchupFeed", "feed_id", (json_int_t)feed, "is_cat", 0), cause);
	if (content == NULL)
		return (-1);
	json_decref(content);
	return (0);
}

static int
sync_ttrss_tree(void *arg, struct sync_feeds *out, char **cause)
{
	struct sync_ttrss	*t = arg;
	json_t			*cats, *feeds, *o, *c;
	struct db_sync_feed	*f;
	const char		*title;
	int64_t			 cat;
	size_t			 i, k, n = 0;
	char			 num[32];

	sync_ttrss_drop(t);
	memset(out, 0, sizeof *out);
	cats = sync_ttrss_call(t, json_pack("{s:s, s:b}", "op",
	    "getCategories", "include_empty", 1), cause);
	if (cats == NULL)
		return (-1);
	feeds = sync_ttrss_call(t, json_pack("{s:s, s:i}", "op", "getFeeds",
	    "cat_id", -3), cause);
	if (feeds == NULL) {
		json_decref(cats);
		return (-1);
	}
	if (!json_is_array(cats) || !json_is_array(feeds)) {
		*cause = xasprintf(_("%s: not a Tiny Tiny RSS API answer (no "
		    "list of feeds)"), t->where);
		json_decref(cats);
		json_decref(feeds);
		return (-1);
	}
	t->feeds = xreallocarray(NULL, json_array_size(feeds) + 1,
	    sizeof *t->feeds);
	json_array_foreach(feeds, i, o) {
		f = &t->feeds[n];
		memset(f, 0, sizeof *f);
		if ((f->remote_id = sync_ttrss_int(json_object_get(o,
		    "id"))) <= 0)
			continue;
		f->title = sync_ttrss_text(t, o, "title", 0);
		f->url = sync_ttrss_text(t, o, "feed_url", 0);
		if (f->url == NULL) {
			snprintf(num, sizeof num, "ttrss:%lld",
			    (long long)f->remote_id);
			f->url = sync_ttrss_keep(t, xstrdup(num));
		}
		/* Its category is its tag; "Uncategorized" (0) none. */
		cat = sync_ttrss_int(json_object_get(o, "cat_id"));
		json_array_foreach(cats, k, c) {
			if (cat <= 0 || sync_ttrss_int(json_object_get(c,
			    "id")) != cat)
				continue;
			title = sync_ttrss_text(t, c, "title", 0);
			f->tags = title;
			break;
		}
		n++;
	}
	json_decref(cats);
	json_decref(feeds);
	out->feeds = t->feeds;
	out->n = n;
	return (0);
}

/* getHeadlines of a virtual feed, a page. */
static json_t *
sync_ttrss_headlines(struct sync_ttrss *t, int feed, const char *view,
    int64_t since_id, size_t skip, int content, char **cause)
{
	json_t	*v;

	v = sync_ttrss_call(t, json_pack("{s:s, s:i, s:s, s:i, s:I, s:I, "
	    "s:b, s:b}", "op", "getHeadlines", "feed_id", feed, "view_mode",
	    view, "limit", SYNC_TTRSS_PAGE, "skip", (json_int_t)skip,
	    "since_id", (json_int_t)since_id, "show_content", content,
	    "show_excerpt", 0), cause);
	if (v != NULL && !json_is_array(v)) {
		*cause = xasprintf(_("%s: not a Tiny Tiny RSS API answer (no "
		    "list of articles)"), t->where);
		json_decref(v);
		return (NULL);
	}
	return (v);
}

static int
sync_ttrss_articles(void *arg, int64_t since_id, size_t skip,
    struct sync_page *page, char **cause)
{
	struct sync_ttrss	*t = arg;
	struct db_sync_item	*it;
	json_t			*v, *o;
	size_t			 i, n = 0;

	sync_ttrss_drop(t);
	memset(page, 0, sizeof *page);
	if (skip / SYNC_TTRSS_PAGE >= SYNC_TTRSS_MAX_PAGES) {
		page->last = 1;
		return (0);
	}
	if ((v = sync_ttrss_headlines(t, SYNC_TTRSS_ALL, "all_articles",
	    since_id, skip, 1, cause)) == NULL)
		return (-1);
	t->items = xreallocarray(NULL, json_array_size(v) + 1,
	    sizeof *t->items);
	json_array_foreach(v, i, o) {
		it = &t->items[n];
		memset(it, 0, sizeof *it);
		if ((it->remote_id = sync_ttrss_int(json_object_get(o,
		    "id"))) <= since_id)
			continue;
		it->remote_feed = sync_ttrss_int(json_object_get(o,
		    "feed_id"));
		it->guid = sync_ttrss_text(t, o, "guid", 0);
		it->title = sync_ttrss_text(t, o, "title", 0);
		it->link = sync_ttrss_text(t, o, "link", 0);
		it->author = sync_ttrss_text(t, o, "author", 0);
		it->comments = sync_ttrss_text(t, o, "comments_link", 0);
		/* HTML: the article view sanitises it as a feed's. */
		it->content = sync_ttrss_text(t, o, "content",
		    SANITIZE_KEEP_NEWLINES);
		it->updated = sync_ttrss_int(json_object_get(o, "updated"));
		it->read = !sync_ttrss_bool(json_object_get(o, "unread"));
		it->starred = sync_ttrss_bool(json_object_get(o, "marked"));
		if (it->remote_id > page->max_id)
			page->max_id = it->remote_id;
		n++;
	}
	page->count = json_array_size(v);
	page->last = page->count < SYNC_TTRSS_PAGE;
	json_decref(v);
	page->items = t->items;
	page->n = n;
	return (0);
}

static int
sync_ttrss_ids(void *arg, int field, int64_t **out, size_t *nout,
    char **cause)
{
	struct sync_ttrss	*t = arg;
	json_t			*v, *o;
	int64_t			*ids = NULL, id;
	size_t			 i, n = 0, skip, pages;

	*out = NULL;
	*nout = 0;
	for (skip = 0, pages = 0; pages < SYNC_TTRSS_MAX_PAGES; pages++) {
		v = field == DB_SYNC_READ ?
		    sync_ttrss_headlines(t, SYNC_TTRSS_ALL, "unread", 0, skip,
		    0, cause) :
		    sync_ttrss_headlines(t, SYNC_TTRSS_STARRED,
		    "all_articles", 0, skip, 0, cause);
		if (v == NULL) {
			free(ids);
			return (-1);
		}
		ids = xreallocarray(ids, n + json_array_size(v) + 1,
		    sizeof *ids);
		json_array_foreach(v, i, o)
			if ((id = sync_ttrss_int(json_object_get(o, "id"))) > 0)
				ids[n++] = id;
		skip += json_array_size(v);
		i = json_array_size(v);
		json_decref(v);
		if (i < SYNC_TTRSS_PAGE)
			break;
	}
	*out = ids;
	*nout = n;
	return (0);
}

const struct sync_ops sync_ttrss_ops = {
	"ttrss",
	sync_ttrss_open,
	sync_ttrss_close,
	sync_ttrss_session,
	sync_ttrss_mark,
	sync_ttrss_catchup,
	sync_ttrss_tree,
	sync_ttrss_articles,
	sync_ttrss_ids,
	sync_ttrss_requests,
};
