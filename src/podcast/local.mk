# podcast module: the download queue, file names, downloads.
noinst_LIBRARIES += src/podcast/libpodcast.a
src_podcast_libpodcast_a_SOURCES = \
	src/podcast/podcast.h \
	src/podcast/podcast-dir.c \
	src/podcast/podcast-fetch.c \
	src/podcast/podcast-name.c \
	src/podcast/podcast-queue.c
MODULE_LIBS += src/podcast/libpodcast.a

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test-podcast-name
TESTS += tests/unit/test-podcast-name
tests_unit_test_podcast_name_SOURCES = tests/unit/test-podcast-name.c
tests_unit_test_podcast_name_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_podcast_name_LDADD = src/podcast/libpodcast.a \
	src/db/libdb.a src/net/libnet.a src/conf/libconf.a \
	src/util/libutil.a $(DEP_LIBS) $(CMOCKA_LIBS)
endif
