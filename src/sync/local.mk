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
