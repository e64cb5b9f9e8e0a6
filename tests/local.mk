# Every test speaks TAP; automake's driver counts the results, and
# tests/run.sh turns the counts into the closing "N passed, M failed" line.
LOG_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) $(top_srcdir)/build-aux/tap-driver.sh
AM_TESTS_ENVIRONMENT = \
	CMOCKA_MESSAGE_OUTPUT=TAP; export CMOCKA_MESSAGE_OUTPUT; \
	TIDINGS=$(abs_top_builddir)/tidings; export TIDINGS; \
	TOP_SRCDIR=$(abs_top_srcdir); export TOP_SRCDIR; \
	TESTS_DATA=$(abs_top_srcdir)/tests/data; export TESTS_DATA; \
	SHARED_DIR=$${SHARED_DIR:-$(abs_top_srcdir)/../shared}; export SHARED_DIR;

# The feedparser conformance suite (../shared/conformance).
TESTS += tests/conformance.sh
EXTRA_DIST += tests/conformance.sh tests/conformance-tap.py \
	tests/conformance-known-failures.txt tests/local.mk
# Article extraction on Mozilla Readability's test pages (../shared/readability).
TESTS += tests/readability.sh
EXTRA_DIST += tests/readability.sh tests/readability-tap.py \
	tests/readability-figure.txt

TESTS += tests/e2e/parse-cli.sh tests/e2e/hostile-feeds.py
TESTS += tests/e2e/jsonfeed.py
# OPML export -> import -> export, nested folders, odd tags.
TESTS += tests/e2e/opml-roundtrip.sh
# --add: a feed URL, or discovery from a web page.
TESTS += tests/e2e/add.sh
EXTRA_DIST += tests/lib/tap.sh

# Hardening: misbehaving servers in one refresh.
TESTS += tests/e2e/hostile-servers.py
# Hardening: kill -9 during refreshes, round after round.
TESTS += tests/e2e/crash-kill.py
# Hardening: the reader marks articles read during refreshes.
TESTS += tests/e2e/concurrent-ui.sh
# Hardening: the cache's filesystem fills up during a refresh.
TESTS += tests/e2e/disk-full.py
# Hardening: config and urls files with errors are never changed.
TESTS += tests/e2e/bad-config.sh
# A config copied from Newsboat starts, with a warning per unknown option.
TESTS += tests/e2e/newsboat-config.sh
# Hardening: the refresh path under valgrind memcheck.
TESTS += tests/e2e/valgrind-refresh.py
# The fetcher: many loopback hosts at once under their caps, slow hosts.
TESTS += tests/e2e/net-hosts.py
# https from a private CA (tls-ca-file), HTTP/2, TLS session reuse (nginx).
TESTS += tests/e2e/net-tls.py
# The libFuzzer harnesses (tests/run.sh runs them through tests/fuzz/run.sh).
EXTRA_DIST += tests/fuzz
# The reader in tmux: counts after marks.
TESTS += tests/e2e/ui-counts.sh
# Query feeds: rows of the feed list, live counts, bad expressions.
TESTS += tests/e2e/ui-query.sh
# The killfile: ignore-article, ignore-mode download and display.
TESTS += tests/e2e/ui-killfile.sh
# Filters in the reader: f, F, ^F.
TESTS += tests/e2e/ui-filter.sh
# highlight-article: the colours of matching article rows.
TESTS += tests/e2e/ui-highlight.sh
# The reader in tmux: another process's refresh shows without a key.
TESTS += tests/e2e/ui-live.sh
# The reader in tmux: n and p with nothing unread left stay put.
TESTS += tests/e2e/ui-unread-end.sh
# The reader in tmux: hints and help offer only what works in the view.
TESTS += tests/e2e/ui-hints.sh
# The prompts' line editor (src/ui/ui-edit.c).
if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test-ui-edit
TESTS += tests/unit/test-ui-edit
tests_unit_test_ui_edit_SOURCES = tests/unit/test-ui-edit.c
tests_unit_test_ui_edit_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_ui_edit_LDADD = src/ui/libui.a src/util/libutil.a \
	$(CMOCKA_LIBS)
endif
# The reader in tmux: editing the prompts.
TESTS += tests/e2e/ui-prompt.sh
# The reader in tmux: the urls file read live (R, ^R, E edit-urls).
TESTS += tests/e2e/ui-urls.sh
# The reader in tmux: add-feed (a), with discovery, into the urls file.
TESTS += tests/e2e/ui-add.sh
# exec: and filter: feeds: output, stdin, stderr, timeout, size limit.
TESTS += tests/e2e/cmd-feeds.py
# A feed out of the urls file: kept with its marks, deleted after 30 days.
TESTS += tests/e2e/removed-feeds.py
# Saving and piping articles (src/ui/ui-save.c).
TESTS += tests/e2e/ui-save.sh
# Macros (src/conf/conf-macro.c, src/ui/ui-cmd.c).
TESTS += tests/e2e/ui-macro.sh
# The command line (src/ui/ui-cmdline.c).
TESTS += tests/e2e/ui-cmdline.sh
# Podcasts: the download queue, --download with resume, against a
# throttled server honouring Range (tests/lib/media-httpd.py).
TESTS += tests/e2e/podcast.py
# The reader in tmux: e queues an article's enclosures.
TESTS += tests/e2e/ui-podcast.sh
# The reader in tmux: the podcasts view (P, --podcasts) downloads, cancels,
# deletes, removes and plays, against a throttled local server.
TESTS += tests/e2e/ui-podcasts-view.sh
# Sync with a real Tiny Tiny RSS server on 127.0.0.1 (skips without it).
TESTS += tests/e2e/sync-ttrss.py
# The article extractor on small hand-written pages (src/render/extract*.c).
if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test-extract
TESTS += tests/unit/test-extract
tests_unit_test_extract_SOURCES = tests/unit/test-extract.c
tests_unit_test_extract_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_extract_LDADD = src/render/librender.a src/html/libhtml.a \
	src/util/libutil.a $(GUMBO_LIBS) $(JANSSON_LIBS) $(CMOCKA_LIBS)
endif
# highlight and highlight-feed: only the matched text, in the views named.
TESTS += tests/e2e/ui-hlregex.sh
# The reader in tmux: search finds parts of words and CJK text.
TESTS += tests/e2e/ui-search.sh
