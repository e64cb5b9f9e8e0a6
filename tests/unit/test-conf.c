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
	    "download-max-size 2M\nproxy-type socks5h\nbind-key j down\n");
	conf_file_init(&c);
	assert_int_equal(conf_file_int(&c, CONF_MAX_CONNECTIONS), 100);
	assert_int_equal(conf_file_load(&c, path, &cause), 0);
	assert_int_equal(conf_file_int(&c, CONF_MAX_CONNECTIONS), 3);
	assert_int_equal(conf_file_int(&c, CONF_DOWNLOAD_MAX_SIZE), 2 << 20);
	assert_string_equal(conf_file_str(&c, CONF_PROXY_TYPE), "socks5h");
	assert_string_equal(conf_file_str(&c, CONF_PROXY), "");
	assert_int_equal(c.bind_keys.n, 1);
	assert_string_equal(c.bind_keys.v[0].argv[1], "down");
	assert_int_equal(c.bind_keys.v[0].line, 4);
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
	assert_int_equal(conf_opml_import(opml, urls, &added, &cause), 0);
	assert_int_equal(added, 2);
	/* Importing again adds nothing. */
	assert_int_equal(conf_opml_import(opml, urls, &added, &cause), 0);
	assert_int_equal(added, 0);
	assert_int_equal(conf_urls_load(urls, &u, &cause), 0);
	assert_int_equal(u.n, 3);
	assert_string_equal(u.v[0].url, "http://old/");
	assert_string_equal(u.v[1].url, "https://lwn.net/x");
	assert_string_equal(u.v[1].title, "LWN & co");
	assert_int_equal(u.v[1].ntags, 2);
	assert_string_equal(u.v[1].tags[0], "Tech");
	assert_string_equal(u.v[1].tags[1], "Linux");
	assert_null(u.v[2].title);
	assert_int_equal(u.v[2].ntags, 3);

	/* Export and import again: the same list. */
	exp = malloc(256);
	snprintf(exp, 256, "%s/out.opml", tmpdir);
	f = fopen(exp, "w");
	conf_opml_write(f, &u);
	fclose(f);
	assert_int_equal(conf_opml_read(exp, &v, &cause), 0);
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
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
