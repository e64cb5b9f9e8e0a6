/* Unit tests for the file names of downloads (src/podcast/podcast-name.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "podcast/podcast.h"

static const struct {
	const char	*in, *out;
} clean_cases[] = {
	{ "episode.mp3", "episode.mp3" },
	{ "../../etc/passwd", "_.._etc_passwd" },
	{ "..", "" },
	{ ".", "" },
	{ "...hidden", "hidden" },
	{ "a/b\\c", "a_b_c" },
	{ "bell\a and\033[31m red\n", "bell and red" },
	{ "  blank ends .  ", "blank ends" },
	{ "caf\xc3\xa9 \xff.ogg", "caf\xc3\xa9 \xef\xbf\xbd.ogg" },
	{ "$(rm -rf ~); `x` | y > z", "$(rm -rf ~); `x` | y > z" },
	{ "", "" },
};

static void
test_clean(void **state)
{
	size_t	 i;
	char	*s;

	(void)state;
	for (i = 0; i < sizeof clean_cases / sizeof clean_cases[0]; i++) {
		s = podcast_name_clean(clean_cases[i].in, PODCAST_NAME_MAX);
		assert_string_equal(s, clean_cases[i].out);
		free(s);
	}
}

/* Long names are cut on a character boundary and keep their extension. */
static void
test_clean_long(void **state)
{
	char	 in[1200], *s;
	size_t	 i;

	(void)state;
	for (i = 0; i + 2 < 1000; i += 2)
		memcpy(in + i, "\xc3\xa9", 2);	/* e acute */
	strcpy(in + i, ".mp3");
	s = podcast_name_clean(in, PODCAST_NAME_MAX);
	assert_true(strlen(s) <= PODCAST_NAME_MAX);
	assert_true(strlen(s) > PODCAST_NAME_MAX - 8);
	assert_string_equal(s + strlen(s) - 4, ".mp3");
	assert_int_equal((strlen(s) - 4) % 2, 0);
	free(s);
	/* A long "extension" is no extension: cut like the rest. */
	memset(in, 'a', 500);
	in[0] = 'x';
	in[1] = '.';
	in[500] = '\0';
	s = podcast_name_clean(in, PODCAST_NAME_MAX);
	assert_int_equal(strlen(s), PODCAST_NAME_MAX);
	free(s);
}

static void
test_of_url(void **state)
{
	char	*s;

	(void)state;
	s = podcast_name_of_url("https://cdn.example/show/ep%201.mp3?x=1#f");
	assert_string_equal(s, "ep 1.mp3");
	free(s);
	s = podcast_name_of_url("https://cdn.example/");
	assert_string_equal(s, "");
	free(s);
	s = podcast_name_of_url("not a url at all");
	assert_string_equal(s, "");
	free(s);
}

static void
test_format(void **state)
{
	struct tm	 tm;
	time_t		 t;
	char		*s;

	(void)state;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = 2024 - 1900;
	tm.tm_mon = 2;
	tm.tm_mday = 9;
	tm.tm_hour = 8;
	tm.tm_min = 7;
	tm.tm_sec = 6;
	tm.tm_isdst = -1;
	t = mktime(&tm);
	s = podcast_name_format("%n - %t (%Y-%m-%d %H%M%S).%e [%h] 100%%",
	    "My/Feed", "../Title\n", (int64_t)t,
	    "http://Host.example:8080/a/b/ep.mp3");
	assert_string_equal(s, "My_Feed - _Title (2024-03-09 080706).mp3 "
	    "[Host.example] 100%");
	free(s);
	/* Whatever is left after cleaning is one harmless name. */
	s = podcast_name_format("%u", NULL, NULL, 0,
	    "http://h/x/..%2F..%2Fetc%2Fpasswd");
	assert_null(strchr(s, '/'));
	assert_true(strncmp(s, "..", 2) != 0);
	free(s);
	s = podcast_name_format("%u", NULL, NULL, 0, "http://h/");
	assert_string_equal(s, "download");
	free(s);
	s = podcast_name_format("../%t/..", NULL, "..", 0, "http://h/");
	assert_null(strchr(s, '/'));
	assert_true(strcmp(s, "..") != 0 && s[0] != '.');
	free(s);
	s = podcast_name_format("%F-%t.%e", NULL, "T", (int64_t)t,
	    "http://h/x.ogg");
	assert_string_equal(s, "2024-03-09-T.ogg");
	free(s);
	s = podcast_name_format("%q%", NULL, NULL, 0, "http://h/");
	assert_string_equal(s, "%q%");
	free(s);
}

static int
taken_a(void *arg, const char *path)
{
	(void)arg;
	return (strstr(path, "/a.mp3") != NULL);
}

static void
test_unique(void **state)
{
	char	 dir[] = "/tmp/test-podcast-name.XXXXXX", part[96], *p, *q;
	FILE	*f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	p = podcast_name_unique(dir, "a.mp3", NULL, NULL);
	assert_true(strncmp(p, dir, strlen(dir)) == 0);
	assert_string_equal(p + strlen(dir), "/a.mp3");
	free(p);
	/* Taken by another download: the next free name. */
	p = podcast_name_unique(dir, "a.mp3", taken_a, NULL);
	assert_string_equal(p + strlen(dir), "/a (2).mp3");
	/* On disk, whole or partial, is taken too. */
	f = fopen(p, "w");
	fclose(f);
	q = podcast_name_unique(dir, "a.mp3", taken_a, NULL);
	assert_string_equal(q + strlen(dir), "/a (3).mp3");
	snprintf(part, sizeof part, "%s.part", q);
	f = fopen(part, "w");
	fclose(f);
	free(q);
	q = podcast_name_unique(dir, "a.mp3", taken_a, NULL);
	assert_string_equal(q + strlen(dir), "/a (4).mp3");
	free(q);
	/* No extension. */
	q = podcast_name_unique(dir, "a.mp3 (2)", NULL, NULL);
	assert_string_equal(q + strlen(dir), "/a.mp3 (2)");
	free(q);
	unlink(part);
	unlink(p);
	free(p);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_clean),
		cmocka_unit_test(test_clean_long),
		cmocka_unit_test(test_of_url),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_unique),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
