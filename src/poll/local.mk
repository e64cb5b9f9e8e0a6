# poll module: the refresh engine.
noinst_LIBRARIES += src/poll/libpoll.a
src_poll_libpoll_a_SOURCES = \
	src/poll/poll.h src/poll/poll-int.h \
	src/poll/poll-cmd.c \
	src/poll/poll-discover.c \
	src/poll/poll-fulltext.c \
	src/poll/poll-limits.c \
	src/poll/poll-parse.c \
	src/poll/poll-refresh.c \
	src/poll/poll-spawn.c src/poll/poll-spawn.h \
	src/poll/poll-remote.c \
	src/poll/poll-store.c \
	src/poll/poll-sync.c
MODULE_LIBS += src/poll/libpoll.a

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test-poll
TESTS += tests/unit/test-poll
tests_unit_test_poll_SOURCES = tests/unit/test-poll.c
tests_unit_test_poll_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_poll_LDADD = src/poll/libpoll.a src/podcast/libpodcast.a \
	src/sync/libsync.a \
	src/render/librender.a \
	src/db/libdb.a src/net/libnet.a src/conf/libconf.a src/filter/libfilter.a \
	src/feed/libfeed.a src/html/libhtml.a src/util/libutil.a $(DEP_LIBS) \
	$(JANSSON_LIBS) $(CMOCKA_LIBS)
endif

# End-to-end tests of --refresh, -i and -e against a local HTTP server.
TESTS += tests/e2e/refresh.py
EXTRA_DIST += tests/lib/httpd.py
