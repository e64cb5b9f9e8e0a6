/*
 * The option table: one row per config option, read by the config parser,
 * --help and the documentation. Rows are indexed by enum conf_opt, so
 * modules add theirs without reordering anyone else's.
 */
#include "config.h"

#include <stddef.h>

#include "conf/conf.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* In enum conf_fulltext's order. */
static const char *const conf_fulltext_values[] = {
	"no", "auto", "yes", NULL
};

/* In enum conf_urls_source's order. */
static const char *const conf_urls_sources[] = {
	"local", "ttrss",
	/* Newsboat's others: accepted with a warning, the urls file read. */
	"opml", "oldreader", "newsblur", "feedhq", "ocnews", "miniflux",
	"inoreader", "freshrss", "feedbin", NULL
};

int
conf_options_urls_source(struct config *c, char **cause)
{
	int64_t	*v = &c->val[CONF_URLS_SOURCE].i;

	if (*v <= CONF_URLS_SOURCE_TTRSS)
		return (0);
	/* TRANSLATORS: urls-source VALUE: ... */
	*cause = xasprintf(_("urls-source %s: not supported, the urls file "
	    "is read instead"), conf_urls_sources[*v]);
	*v = CONF_URLS_SOURCE_LOCAL;
	return (1);
}

/* In enum conf_ignore_mode's order. */
static const char *const conf_ignore_modes[] = {
	"download", "display", NULL
};

static const char *const conf_proxy_types[] = {
	"http", "socks4", "socks4a", "socks5", "socks5h", NULL
};

const struct conf_option conf_options[CONF_NOPTS] = {
	[CONF_MAX_CONNECTIONS] = { "max-connections", CONF_INT, "100", 1,
	    1000, NULL, N_("transfers run in parallel during a refresh") },
	[CONF_MAX_CONNECTIONS_PER_HOST] = { "max-connections-per-host",
	    CONF_INT, "4", 0, 256, NULL,
	    N_("parallel transfers to one host (0: no limit of its own)") },
	[CONF_DOWNLOAD_MAX_SIZE] = { "download-max-size", CONF_SIZE, "32M",
	    1024, (int64_t)1 << 40, NULL,
	    N_("largest feed accepted, after decompression (K, M, G)") },
	[CONF_MAX_REDIRECTS] = { "max-redirects", CONF_INT, "8", 0, 50,
	    NULL, N_("redirects followed for one feed") },
	[CONF_CONNECT_TIMEOUT] = { "connect-timeout", CONF_INT, "20", 1, 600,
	    NULL, N_("seconds to wait for a connection") },
	[CONF_DOWNLOAD_TIMEOUT] = { "download-timeout", CONF_INT, "120", 1,
	    86400, NULL, N_("seconds one feed's download may take in all") },
	[CONF_LOW_SPEED_TIME] = { "low-speed-time", CONF_INT, "30", 0, 3600,
	    NULL, N_("seconds below 10 bytes/s before a download is given up "
	    "(0: never)") },
	[CONF_MAX_ITEMS] = { "max-items", CONF_INT, "0", 0, 1000000, NULL,
	    N_("articles kept per feed (0: all)") },
	[CONF_KEEP_ARTICLES_DAYS] = { "keep-articles-days", CONF_INT, "0", 0,
	    100000, NULL, N_("days an article is kept (0: forever)") },
	[CONF_KEEP_UNREAD] = { "keep-unread-articles", CONF_BOOL, "yes", 0, 1,
	    NULL, N_("unread articles are kept past max-items and "
	    "keep-articles-days") },
	[CONF_REFRESH_ON_STARTUP] = { "refresh-on-startup", CONF_BOOL, "no",
	    0, 1, NULL, N_("refresh all feeds when the reader starts") },
	[CONF_RELOAD_TIME] = { "reload-time", CONF_INT, "60", 1, 100000,
	    NULL, N_("minutes between automatic refreshes of the reader") },
	[CONF_PROXY] = { "proxy", CONF_STRING, "", 0, 0, NULL,
	    N_("proxy as HOST:PORT (default: the environment's)") },
	[CONF_PROXY_AUTH] = { "proxy-auth", CONF_STRING, "", 0, 0, NULL,
	    N_("proxy credentials as USER:PASSWORD") },
	[CONF_PROXY_TYPE] = { "proxy-type", CONF_CHOICE, "http", 0, 0,
	    conf_proxy_types, N_("http, socks4, socks4a, socks5 or socks5h") },
	[CONF_TLS_CA_FILE] = { "tls-ca-file", CONF_STRING, "", 0, 0, NULL,
	    N_("PEM file of the certificate authorities trusted for https, "
	    "instead of the system's (~/ for the home directory)") },
	[CONF_BROWSER] = { "browser", CONF_STRING, "", 0, 0, NULL,
	    N_("program for open-in-browser, %u for the URL, a trailing & to "
	    "run it detached (no shell: quotes work, pipes do not; default: "
	    "$BROWSER, else xdg-open)"), conf_command_check },
	[CONF_FULLTEXT] = { "fulltext", CONF_CHOICE, "auto", 0, 0,
	    conf_fulltext_values, N_("fetch the article's web page for its "
	    "full text: no (only with r in the article), auto (when a feed "
	    "gives only a summary) or yes (every new article, at refresh)") },
	[CONF_AUTO_RELOAD] = { "auto-reload", CONF_BOOL, "yes", 0, 1, NULL,
	    N_("refresh every feed each reload-time minutes while the reader "
	    "runs") },
	[CONF_SHOW_READ_FEEDS] = { "show-read-feeds", CONF_BOOL, "yes", 0, 1,
	    NULL, N_("list feeds that have nothing unread") },
	[CONF_OPEN_URL_SCHEMES] = { "open-url-schemes", CONF_STRING,
	    "http https", 0, 0, NULL, N_("the URL schemes the browser is "
	    "given, separated by blanks; other links are not opened") },
	[CONF_SAVE_PATH] = { "save-path", CONF_STRING, "~/", 0, 0, NULL,
	    N_("directory the save action proposes for articles (~/ for the "
	    "home directory)") },
	[CONF_MACRO_PREFIX] = { "macro-prefix", CONF_STRING, ",", 0, 0, NULL,
	    N_("the key that starts a macro: the prefix, then the macro's "
	    "key") },
	[CONF_DOWNLOAD_PATH] = { "download-path", CONF_STRING, "", 0, 0,
	    NULL, N_("directory of downloaded enclosures (~/ for the home "
	    "directory; default: the XDG download directory's tidings/, "
	    "else ~/Downloads/tidings)") },
	[CONF_DOWNLOAD_FILENAME_FORMAT] = { "download-filename-format",
	    CONF_STRING, "%u", 0, 0, NULL, N_("file name of a download: %n "
	    "feed title, %t article title, %u the URL's file name, %e its "
	    "extension, %h its host, %Y %m %d %H %M %S the article's date, "
	    "%% a %") },
	[CONF_MAX_DOWNLOADS] = { "max-downloads", CONF_INT, "2", 1, 32, NULL,
	    N_("enclosures downloaded at once") },
	[CONF_PODCAST_AUTO_ENQUEUE] = { "podcast-auto-enqueue", CONF_BOOL,
	    "no", 0, 1, NULL, N_("queue the audio and video enclosures of new "
	    "articles for download at each refresh") },
	[CONF_PLAYER] = { "player", CONF_STRING, "", 0, 0, NULL,
	    N_("program that plays a downloaded file, given as its last "
	    "argument (no shell; default: xdg-open)"), conf_command_check },
	[CONF_URLS_SOURCE] = { "urls-source", CONF_CHOICE, "local", 0, 0,
	    conf_urls_sources, N_("where the subscriptions and articles come "
	    "from: local (the urls file) or ttrss (a Tiny Tiny RSS server)") },
	[CONF_TTRSS_URL] = { "ttrss-url", CONF_STRING, "", 0, 0, NULL,
	    N_("the Tiny Tiny RSS server's address (its API is api/ below "
	    "it)") },
	[CONF_TTRSS_LOGIN] = { "ttrss-login", CONF_STRING, "", 0, 0, NULL,
	    N_("the user name on the Tiny Tiny RSS server") },
	[CONF_TTRSS_PASSWORD] = { "ttrss-password", CONF_STRING, "", 0, 0,
	    NULL, N_("the password on the Tiny Tiny RSS server") },
	[CONF_TTRSS_PASSWORDFILE] = { "ttrss-passwordfile", CONF_STRING, "",
	    0, 0, NULL, N_("a file whose first line is the password (~/ for "
	    "the home directory)") },
	[CONF_TTRSS_PASSWORDEVAL] = { "ttrss-passwordeval", CONF_STRING, "",
	    0, 0, NULL, N_("a command (run by sh -c) whose first line of "
	    "output is the password") },
	[CONF_PREPOPULATE_QUERY_FEEDS] = { "prepopulate-query-feeds",
	    CONF_BOOL, "yes", 0, 1, NULL, N_("accepted from Newsboat: the "
	    "counts of query feeds are always live") },
	[CONF_IGNORE_MODE] = { "ignore-mode", CONF_CHOICE, "download", 0, 0,
	    conf_ignore_modes, N_("what ignore-article does: download (such "
	    "articles are never stored) or display (stored, never shown or "
	    "counted)") },
};
