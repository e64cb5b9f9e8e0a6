# sync module: a server (tt-rss) as the source of feeds and marks.
noinst_LIBRARIES += src/sync/libsync.a
src_sync_libsync_a_SOURCES = \
	src/sync/sync.h \
	src/sync/sync.c \
	src/sync/sync-http.c \
	src/sync/sync-pass.c \
	src/sync/sync-ttrss.c
src_sync_libsync_a_CPPFLAGS = $(AM_CPPFLAGS) $(JANSSON_CFLAGS)
MODULE_LIBS += src/sync/libsync.a

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test-sync
TESTS += tests/unit/test-sync
tests_unit_test_sync_SOURCES = tests/unit/test-sync.c
tests_unit_test_sync_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(JANSSON_CFLAGS)
tests_unit_test_sync_LDADD = src/sync/libsync.a src/db/libdb.a \
	src/net/libnet.a src/conf/libconf.a src/filter/libfilter.a src/util/libutil.a \
	$(DEP_LIBS) $(JANSSON_LIBS) $(CMOCKA_LIBS)
endif
