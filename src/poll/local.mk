# poll module: the refresh engine.
noinst_LIBRARIES += src/poll/libpoll.a
src_poll_libpoll_a_SOURCES = \
	src/poll/poll.h \
	src/poll/poll-refresh.c \
	src/poll/poll-sync.c
MODULE_LIBS += src/poll/libpoll.a

# End-to-end tests of --refresh, -i and -e against a local HTTP server.
TESTS += tests/e2e/refresh.py
EXTRA_DIST += tests/lib/httpd.py
