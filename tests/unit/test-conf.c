/* Unit tests for src/conf: words, config lines, urls file, OPML. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "conf/conf.h"
#include "conf/conf-int.h"

static char	tmpdir[64];

static int
setup(void **state)
{
	(void)state;
	strcpy(tmpdir, "/tmp/test-conf.XXXXXX");
	return (mkdtemp(tmpdir) == NULL ? -1 : 0);
}

static int
teardown(void **state)
{
	char	cmd[160];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	return (system(cmd) == 0 ? 0 : -1);
}

static char *
write_file(const char *name, const char *text)
{
	char	*path;
	FILE	*f;

	path = malloc(256);
	snprintf(path, 256, "%s/%s", tmpdir, name);
	f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
	return (path);
}

static const struct {
	const char	*line;
	int		 argc;	/* -1: error */
	const char	*words[4];
} split_cases[] = {
	{ "", 0, { NULL } },
	{ "  # comment", 0, { NULL } },
	{ "a b\tc", 3, { "a", "b", "c" } },
	{ "url \"two words\" x#y # c", 3, { "url", "two words", "x#y" } },
	{ "\"q\\\"uote\" \"back\\\\slash\"", 2, { "q\"uote", "back\\slash" } },
	{ "`rm -rf` x", 3, { "`rm", "-rf`", "x" } },
	{ "\"open", -1, { NULL } },
};

static void
test_split(void **state)
{
	char	**argv, *cause = NULL;
	size_t	  i;
	int	  argc, j;

	(void)state;
	for (i = 0; i < sizeof split_cases / sizeof split_cases[0]; i++) {
		if (split_cases[i].argc < 0) {
			assert_int_equal(conf_token_split(split_cases[i].line,
			    &argv, &argc, &cause), -1);
			free(cause);
			continue;
		}
		assert_int_equal(conf_token_split(split_cases[i].line, &argv,
		    &argc, &cause), 0);
		assert_int_equal(argc, split_cases[i].argc);
		for (j = 0; j < argc; j++)
			assert_string_equal(argv[j], split_cases[i].words[j]);
		conf_token_free(argv, argc);
	}
}

/* What conf_token_write writes, conf_token_split reads back as one word
 * (an -i import rewrites the urls file this way). */
static void
test_write_roundtrip(void **state)
{
	static const char *words[] = { "plain", "two words", "tab\there",
	    "cr\r\rinside", "q\"uote", "back\\slash", "#hash", "a#b",
	    "~Title with \"quotes\"", "`rm -rf`" };
	char	*buf, **argv, *cause = NULL;
	size_t	 len, i;
	int	 argc;
	FILE	*f;

	(void)state;
	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		buf = NULL;
		assert_non_null(f = open_memstream(&buf, &len));
		conf_token_write(f, words[i]);
		fclose(f);
		assert_int_equal(conf_token_split(buf, &argv, &argc, &cause),
		    0);
		assert_int_equal(argc, 1);
		assert_string_equal(argv[0], words[i]);
		conf_token_free(argv, argc);
		free(buf);
	}
}

static const struct {
	const char	*text;
	const char	*error;	/* NULL: loads */
} config_cases[] = {
	{ "max-connections 3\n# c\n\nmax-items 100\n", NULL },
	{ "download-max-size 2M\nrefresh-on-startup yes\n", NULL },
	{ "proxy-type socks5h\nproxy \"127.0.0.1:9\"\n", NULL },
	{ "bind-key j down\ncolor listnormal red default bold\n", NULL },
	{ "max-connections 3\nfrobnicate 1\n",
	    "config:2: unknown option 'frobnicate'" },
	{ "max-connections 0\n", "config:1: max-connections: 0 is out of "
	    "range (1 to 1000)" },
	{ "max-connections lots\n", "config:1: max-connections: 'lots' is "
	    "not a number" },
	{ "refresh-on-startup maybe\n", "config:1: refresh-on-startup: "
	    "expected yes or no, not 'maybe'" },
	{ "proxy-type carrier-pigeon\n", "config:1: proxy-type: "
	    "'carrier-pigeon' is not one of the choices" },
	{ "color listnormal red\n", "config:1: color needs 3 arguments" },
	{ "max-items 1 2\n", "config:1: max-items takes one value" },
	{ "download-max-size -12K\n", "config:1: download-max-size: -12K is "
	    "out of range (1024 to 1099511627776)" },
	{ "fulltext yes\nfeed-fulltext no http://a/ news\n", NULL },
	{ "fulltext always\n", "config:1: fulltext: 'always' is not one of "
	    "the choices" },
	{ "\nfeed-fulltext maybe http://a/\n", "config:2: feed-fulltext: "
	    "'maybe' is not one of the choices" },
	{ "feed-fulltext yes\n", "config:1: feed-fulltext needs 2 "
	    "arguments" },
};

static void
test_config(void **state)
{
	struct config	 c;
	char		*path, *cause, *want;
	size_t		 i;
	int		 rc;

	(void)state;
	for (i = 0; i < sizeof config_cases / sizeof config_cases[0]; i++) {
		path = write_file("config", config_cases[i].text);
		conf_file_init(&c);
		cause = NULL;
		rc = conf_file_load(&c, path, &cause);
		if (config_cases[i].error == NULL) {
			if (rc != 0)
				fail_msg("case %zu: %s", i, cause);
		} else {
			assert_int_equal(rc, -1);
			want = malloc(512);
			snprintf(want, 512, "%s/%s", tmpdir,
			    config_cases[i].error);
			assert_string_equal(cause, want);
			free(want);
			free(cause);
		}
		conf_file_fini(&c);
		free(path);
	}
	path = write_file("config", "max-connections 3\n"
	    "download-max-size 2M\nproxy-type socks5h\nbind-key j open feedlist\n");
	conf_file_init(&c);
	assert_int_equal(conf_file_int(&c, CONF_MAX_CONNECTIONS), 100);
	assert_int_equal(conf_file_load(&c, path, &cause), 0);
	assert_int_equal(conf_file_int(&c, CONF_MAX_CONNECTIONS), 3);
	assert_int_equal(conf_file_int(&c, CONF_DOWNLOAD_MAX_SIZE), 2 << 20);
	assert_string_equal(conf_file_str(&c, CONF_PROXY_TYPE), "socks5h");
	assert_string_equal(conf_file_str(&c, CONF_PROXY), "");
	assert_int_equal(conf_keys_lookup(CTX_FEEDS, 'j'), ACT_OPEN);
	assert_int_equal(conf_keys_lookup(CTX_ARTICLE, 'j'), ACT_DOWN);
	conf_file_fini(&c);
	free(path);
}

/* fulltext per feed: the option, then the last feed-fulltext line that
 * names the feed's URL or one of its tags. */
static void
test_fulltext(void **state)
{
	struct config	 c;
	char		*path, *cause = NULL;

	(void)state;
	conf_file_init(&c);
	assert_int_equal(conf_file_fulltext(&c, "http://a/", NULL),
	    CONF_FULLTEXT_AUTO);
	conf_file_fini(&c);
	path = write_file("config", "fulltext no\n"
	    "feed-fulltext yes http://a/ news\n"
	    "feed-fulltext auto http://b/\n"
	    "feed-fulltext no http://c/\n");
	conf_file_init(&c);
	assert_int_equal(conf_file_load(&c, path, &cause), 0);
	assert_int_equal(conf_file_fulltext(&c, "http://a/", ""),
	    CONF_FULLTEXT_YES);
	assert_int_equal(conf_file_fulltext(&c, "http://b/", "linux\tnews"),
	    CONF_FULLTEXT_AUTO);
	assert_int_equal(conf_file_fulltext(&c, "http://c/", "news"),
	    CONF_FULLTEXT_NO);
	assert_int_equal(conf_file_fulltext(&c, "http://d/", "x\tnews"),
	    CONF_FULLTEXT_YES);
	/* A tag is a whole word: "new" is not "news". */
	assert_int_equal(conf_file_fulltext(&c, "http://d/", "new\tnewsy"),
	    CONF_FULLTEXT_NO);
	assert_int_equal(conf_file_fulltext(&c, "http://e/", NULL),
	    CONF_FULLTEXT_NO);
	conf_file_fini(&c);
	free(path);
}

static void
test_urls(void **state)
{
	struct conf_urls	 u;
	char			*path, *cause = NULL, *j;

	(void)state;
	path = write_file("urls", "# my feeds\n"
	    "http://a.example/feed news \"two words\" \"~A Title\"\n"
	    "\n"
	    "https://b.example/rss\n");
	assert_int_equal(conf_urls_load(path, &u, &cause), 0);
	assert_int_equal(u.n, 2);
	assert_string_equal(u.v[0].url, "http://a.example/feed");
	assert_int_equal(u.v[0].ntags, 2);
	assert_string_equal(u.v[0].tags[1], "two words");
	assert_string_equal(u.v[0].title, "A Title");
	assert_int_equal(u.v[0].line, 2);
	j = conf_urls_tags_joined(&u.v[0]);
	assert_string_equal(j, "news\ttwo words");
	free(j);
	assert_null(u.v[1].title);
	assert_int_equal(u.v[1].line, 4);
	conf_urls_fini(&u);
	free(path);

	path = write_file("urls", "http://a/\nexec:ls\nhtp://typo/\n");
	assert_int_equal(conf_urls_load(path, &u, &cause), -1);
	assert_non_null(strstr(cause, "urls:3: not a feed URL: 'htp://typo/'"));
	free(cause);
	free(path);

	path = write_file("urls", "http://a/\nhttp://b/ \"oops\n");
	assert_int_equal(conf_urls_load(path, &u, &cause), -1);
	assert_non_null(strstr(cause, "urls:2: unterminated quote"));
	free(cause);
	free(path);
}

static void
test_opml(void **state)
{
	struct conf_urls	 u, v;
	char			*opml, *urls, *cause = NULL, *exp;
	size_t			 added, i, j;
	FILE			*f;

	(void)state;
	opml = write_file("in.opml", "<?xml version=\"1.0\"?>\n"
	    "<opml version=\"1.0\"><body>\n"
	    "<outline text=\"Tech\">\n"
	    "  <outline text=\"Linux\">\n"
	    "    <outline text=\"LWN &amp; co\" xmlUrl=\"https://lwn.net/x\"/>\n"
	    "  </outline>\n"
	    "  <outline text=\"http://b/\" xmlUrl=\"http://b/\" "
	    "category=\"/x,y\"/>\n"
	    "</outline>\n"
	    "<outline text=\"Evil\" xmlUrl=\"exec:rm -rf ~\"/>\n"
	    "<outline text=\"dup\" xmlUrl=\"http://b/\"/>\n"
	    "</body></opml>\n");
	urls = write_file("urls", "# mine\nhttp://old/ keep");
	assert_int_equal(conf_opml_import(opml, urls, &added, NULL, &cause), 0);
	assert_int_equal(added, 2);
	/* Importing again adds nothing. */
	assert_int_equal(conf_opml_import(opml, urls, &added, NULL, &cause), 0);
	assert_int_equal(added, 0);
	assert_int_equal(conf_urls_load(urls, &u, &cause), 0);
	assert_int_equal(u.n, 3);
	assert_string_equal(u.v[0].url, "http://old/");
	assert_string_equal(u.v[1].url, "https://lwn.net/x");
	/* text names the feed; only title is a custom title. */
	assert_null(u.v[1].title);
	/* Nested folders are one tag, as Newsboat makes it. */
	assert_int_equal(u.v[1].ntags, 1);
	assert_string_equal(u.v[1].tags[0], "Tech/Linux");
	assert_null(u.v[2].title);
	assert_int_equal(u.v[2].ntags, 3);
	assert_string_equal(u.v[2].tags[0], "x");
	assert_string_equal(u.v[2].tags[2], "Tech");

	/* Export and import again: the same list. */
	exp = malloc(256);
	snprintf(exp, 256, "%s/out.opml", tmpdir);
	f = fopen(exp, "w");
	conf_opml_write(f, &u, NULL);
	fclose(f);
	assert_int_equal(conf_opml_read(exp, &v, NULL, &cause), 0);
	assert_int_equal(v.n, u.n);
	for (i = 0; i < u.n; i++) {
		assert_string_equal(v.v[i].url, u.v[i].url);
		if (u.v[i].title == NULL)
			assert_null(v.v[i].title);
		else
			assert_string_equal(v.v[i].title, u.v[i].title);
		assert_int_equal(v.v[i].ntags, u.v[i].ntags);
		for (j = 0; j < u.v[i].ntags; j++)
			assert_string_equal(v.v[i].tags[j], u.v[i].tags[j]);
	}
	conf_urls_fini(&u);
	conf_urls_fini(&v);
	free(exp);
	free(opml);
	free(urls);
}

static void
test_paths(void **state)
{
	struct conf_paths	 p;
	char			*cause = NULL;

	(void)state;
	setenv("HOME", "/home/u", 1);
	setenv("XDG_CONFIG_HOME", "/x/cfg", 1);
	unsetenv("XDG_DATA_HOME");
	assert_int_equal(conf_paths_init(&p, NULL, NULL, NULL, &cause), 0);
	assert_string_equal(p.config, "/x/cfg/tidings/config");
	assert_string_equal(p.urls, "/x/cfg/tidings/urls");
	assert_string_equal(p.cache, "/home/u/.local/share/tidings/cache.db");
	conf_paths_fini(&p);
	setenv("XDG_CONFIG_HOME", "relative", 1);
	assert_int_equal(conf_paths_init(&p, "U", "C", NULL, &cause), 0);
	assert_string_equal(p.config, "/home/u/.config/tidings/config");
	assert_string_equal(p.urls, "U");
	assert_string_equal(p.cache, "C");
	conf_paths_fini(&p);
}

static const struct {
	const char	*name;
	int		 ok;
	const char	*back;	/* conf_keys_name of the parsed key */
} key_cases[] = {
	{ "j", 1, "j" },
	{ "ENTER", 1, "ENTER" },
	{ "^L", 1, "^L" },
	{ "F5", 1, "F5" },
	{ "PPAGE", 1, "PPAGE" },
	{ "\xc3\xa9", 1, "\xc3\xa9" },	/* é: not confused with KEY_* */
	{ "F13", 0, NULL },
	{ "jj", 0, NULL },
	{ "", 0, NULL },
	{ "NOSUCHKEY", 0, NULL },
};

static void
test_key_names(void **state)
{
	char	name[32];
	size_t	i;
	int	key;

	(void)state;
	for (i = 0; i < sizeof key_cases / sizeof key_cases[0]; i++) {
		if (!key_cases[i].ok) {
			assert_int_equal(conf_keys_parse(key_cases[i].name,
			    &key), -1);
			continue;
		}
		assert_int_equal(conf_keys_parse(key_cases[i].name, &key), 0);
		conf_keys_name(key, name, sizeof name);
		assert_string_equal(name, key_cases[i].back);
	}
}

static void
test_key_maps(void **state)
{
	char	*cause = NULL, keys[64];
	int	 key;

	(void)state;
	conf_keys_defaults();
	conf_keys_parse("j", &key);
	assert_int_equal(conf_keys_lookup(CTX_FEEDS, key), ACT_DOWN);
	/* Newsboat's: j in the headlines goes to the next feed. */
	assert_int_equal(conf_keys_lookup(CTX_ITEMS, key), ACT_NEXT_FEED);
	/* ENTER opens in the lists, does nothing in the article. */
	assert_int_equal(conf_keys_lookup(CTX_ITEMS, '\n'), ACT_OPEN);
	assert_int_equal(conf_keys_lookup(CTX_ARTICLE, '\n'), ACT_NONE);
	/* s is Newsboat's save, in the lists of articles and the article;
	 * the star is S. */
	assert_int_equal(conf_keys_lookup(CTX_ITEMS, 's'), ACT_SAVE);
	assert_int_equal(conf_keys_lookup(CTX_ARTICLE, 's'), ACT_SAVE);
	assert_int_equal(conf_keys_lookup(CTX_FEEDS, 's'), ACT_NONE);
	assert_int_equal(conf_keys_lookup(CTX_ITEMS, 'S'), ACT_TOGGLE_STAR);
	assert_int_equal(conf_keys_lookup(CTX_ARTICLE, 'J'), ACT_NEXT);
	assert_int_equal(conf_keys_lookup(CTX_ARTICLE, 'b'), ACT_PAGE_UP);
	assert_int_equal(conf_keys_lookup(CTX_FEEDS, 0x14), ACT_CLEAR_TAG);
	conf_keys_parse("t", &key);
	assert_int_equal(conf_keys_lookup(CTX_FEEDS, key), ACT_SET_TAG);
	assert_int_equal(conf_keys_lookup(CTX_ITEMS, key), ACT_NONE);

	/* A view's binding shadows the global one. */
	assert_int_equal(conf_keys_bind("j", "open", "article", &cause), 0);
	conf_keys_parse("j", &key);
	assert_int_equal(conf_keys_lookup(CTX_ARTICLE, key), ACT_OPEN);
	assert_int_equal(conf_keys_lookup(CTX_FEEDS, key), ACT_DOWN);
	conf_keys_for(CTX_ARTICLE, ACT_DOWN, keys, sizeof keys);
	assert_string_equal(keys, "DOWN");

	/* Without a context: the same everywhere. */
	assert_int_equal(conf_keys_bind("j", "up", NULL, &cause), 0);
	assert_int_equal(conf_keys_lookup(CTX_ARTICLE, key), ACT_UP);

	assert_int_equal(conf_keys_unbind("j", NULL, &cause), 0);
	assert_int_equal(conf_keys_lookup(CTX_FEEDS, key), ACT_NONE);

	assert_int_equal(conf_keys_bind("j", "fly", NULL, &cause), -1);
	assert_string_equal(cause, "unknown action: fly");
	free(cause);
	assert_int_equal(conf_keys_bind("xx", "up", NULL, &cause), -1);
	assert_string_equal(cause, "unknown key: xx");
	free(cause);
	assert_int_equal(conf_keys_bind("x", "up", "nowhere", &cause), -1);
	assert_string_equal(cause, "unknown key context: nowhere");
	free(cause);
	conf_keys_free();
}

static void
test_colour_lines(void **state)
{
	const char	*attrs[] = { "bold", "underline" };
	const char	*bad[] = { "sparkly" };
	char		*cause = NULL;

	(void)state;
	assert_int_equal(conf_colour_set("listfocus", "color208", "default",
	    attrs, 2, &cause), 0);
	assert_int_equal(conf_colour_set("info", "red", "color256", NULL, 0,
	    &cause), -1);
	assert_string_equal(cause, "unknown color: color256");
	free(cause);
	assert_int_equal(conf_colour_set("nosuch", "red", "blue", NULL, 0,
	    &cause), -1);
	assert_string_equal(cause, "unknown color element: nosuch");
	free(cause);
	assert_int_equal(conf_colour_set("info", "red", "blue", bad, 1, &cause),
	    -1);
	assert_string_equal(cause, "unknown attribute: sparkly");
	free(cause);
}

/* The browser lines Newsboat users write, split as sh would split them. */
static void
test_command(void **state)
{
	static const struct {
		const char	*line;
		int		 detach;
		const char	*words[5];	/* NULL: an error */
		const char	*error;
	} t[] = {
		{ "lynx", 0, { "lynx" }, NULL },
		{ "firefox %u &", 1, { "firefox", "%u" }, NULL },
		{ "firefox %u&", 1, { "firefox", "%u" }, NULL },
		{ "firefox '%u' &", 1, { "firefox", "%u" }, NULL },
		{ "\"/opt/My Browser/run\" --new-tab \"%u\"", 0,
		    { "/opt/My Browser/run", "--new-tab", "%u" }, NULL },
		{ "w3m\\ x 'a\"b' \"c\\\"d\" ''", 0,
		    { "w3m x", "a\"b", "c\"d", "" }, NULL },
		{ "echo 'a|b;c' \"$\"", 0, { "echo", "a|b;c", "$" }, NULL },
		{ "open %u | cat", 0, { NULL },
		    "the shell's | is not supported: the command runs without "
		    "a shell (quotes and a trailing & work)" },
		{ "open %u; sleep 1", 0, { NULL }, "the shell's ; is not" },
		{ "open %u >/dev/null", 0, { NULL }, "the shell's > is not" },
		{ "open %u && x", 0, { NULL }, "the shell's & is not" },
		{ "open %u & x", 0, { NULL }, "the shell's & is not" },
		{ "$BROWSER %u", 0, { NULL }, "the shell's $ is not" },
		{ "open \"$(id)\"", 0, { NULL }, "the shell's $ is not" },
		{ "open `id`", 0, { NULL }, "the shell's ` is not" },
		{ "open 'x", 0, { NULL }, "unterminated quote" },
	};
	struct conf_command	c;
	char			*cause;
	size_t			 i;
	int			 j;

	(void)state;
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		cause = NULL;
		if (t[i].words[0] == NULL) {
			assert_int_equal(conf_command_parse(t[i].line, &c,
			    &cause), -1);
			assert_non_null(cause);
			assert_memory_equal(cause, t[i].error,
			    strlen(t[i].error));
			free(cause);
			continue;
		}
		assert_int_equal(conf_command_parse(t[i].line, &c, &cause), 0);
		assert_int_equal(c.detach, t[i].detach);
		for (j = 0; t[i].words[j] != NULL; j++) {
			assert_true(j < c.argc);
			assert_string_equal(c.argv[j], t[i].words[j]);
		}
		assert_int_equal(c.argc, j);
		assert_null(c.argv[j]);
		conf_command_free(&c);
	}
	/* At load, with the option's name. */
	{
		struct config	conf;

		conf_file_init(&conf);
		cause = NULL;
		assert_int_equal(conf_file_set(&conf, "browser",
		    "firefox %u | x", &cause), -1);
		assert_memory_equal(cause, "browser: the shell's |", 22);
		free(cause);
		assert_int_equal(conf_file_set(&conf, "browser",
		    "firefox '%u' &", &cause), 0);
		conf_file_fini(&conf);
	}
}

static struct config	macro_conf;

/* One macro line through the config reader: its result and cause. */
static int
macro_line(const char *line, char **cause)
{
	char	**argv;
	int	  argc, r;

	assert_int_equal(conf_token_split(line, &argv, &argc, cause), 0);
	r = conf_file_line(&macro_conf, "f", 1, argv, argc, cause);
	conf_token_free(argv, argc);
	return (r);
}

static void
test_macros(void **state)
{
	const struct conf_macro	*m;
	char			*cause = NULL;
	int			 key;

	(void)state;
	conf_file_init(&macro_conf);
	/* Newsboat's ";" glued to a word, a set step, a description. */
	assert_int_equal(macro_line("macro v set browser \"mpv %u\" ; "
	    "open-in-browser; set browser \"\" -- \"Play it\"", &cause), 0);
	assert_non_null(m = conf_macro_find('v'));
	assert_int_equal(m->nsteps, 3);
	assert_int_equal(m->steps[0].argc, 3);
	assert_string_equal(m->steps[0].argv[2], "mpv %u");
	assert_string_equal(m->steps[1].argv[0], "open-in-browser");
	assert_int_equal(m->steps[1].argc, 1);
	assert_string_equal(m->steps[2].argv[2], "");
	assert_string_equal(m->desc, "Play it");
	assert_null(conf_macro_at(1));
	/* The same key again replaces it. */
	assert_int_equal(macro_line("macro v open", &cause), 0);
	assert_int_equal(conf_macro_find('v')->nsteps, 1);
	assert_null(conf_macro_find('v')->desc);
	conf_keys_parse("^X", &key);
	assert_int_equal(macro_line("macro ^X open ; reload ; quit", &cause),
	    0);
	assert_int_equal(conf_macro_find(key)->nsteps, 3);

	assert_int_equal(macro_line("macro q opne", &cause), -1);
	assert_string_equal(cause, "macro q: unknown action: opne");
	free(cause);
	assert_int_equal(macro_line("macro q open ; set nosuch 1", &cause),
	    -1);
	assert_string_equal(cause, "macro q: unknown option 'nosuch'");
	free(cause);
	assert_int_equal(macro_line("macro q open extra", &cause), -1);
	assert_string_equal(cause, "macro q: open takes no arguments");
	free(cause);
	assert_int_equal(macro_line("macro q ; open", &cause), -1);
	assert_string_equal(cause, "macro: an empty step");
	free(cause);
	assert_int_equal(macro_line("macro q open -- a b", &cause), -1);
	assert_string_equal(cause, "macro: -- takes one quoted description, "
	    "at the end");
	free(cause);
	assert_int_equal(macro_line("macro q -- \"only\"", &cause), -1);
	assert_string_equal(cause, "macro needs KEY and an action");
	free(cause);
	assert_int_equal(macro_line("macro xx open", &cause), -1);
	assert_string_equal(cause, "unknown key: xx");
	free(cause);
	assert_int_equal(macro_line("macro", &cause), -1);
	free(cause);
	/* Newsboat's action tidings lacks: the line ignored, with why. */
	assert_int_equal(macro_line("macro e open ; bookmark", &cause), 1);
	assert_string_equal(cause, "macro e: bookmark: not supported, ignored");
	free(cause);
	assert_null(conf_macro_find('e'));
	assert_non_null(conf_macro_at(1));
	assert_null(conf_macro_at(2));
	conf_file_fini(&macro_conf);
	assert_null(conf_macro_at(0));
	conf_keys_free();
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_write_roundtrip),
		cmocka_unit_test_setup_teardown(test_config, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fulltext, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_urls, setup, teardown),
		cmocka_unit_test_setup_teardown(test_opml, setup, teardown),
		cmocka_unit_test(test_paths),
		cmocka_unit_test(test_key_names),
		cmocka_unit_test(test_key_maps),
		cmocka_unit_test(test_colour_lines),
		cmocka_unit_test(test_command),
		cmocka_unit_test(test_macros),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
