# The feed parser: expat, bytes in, a feed and its items out.
noinst_LIBRARIES += src/feed/libfeed.a
src_feed_libfeed_a_SOURCES = \
	src/feed/feed.h src/feed/feed-int.h \
	src/feed/feed-discover.c src/feed/feed-doc.c \
	src/feed/feed-elements.c src/feed/feed-encoding.c \
	src/feed/feed-entities.c src/feed/feed-html.c src/feed/feed-json.c \
	src/feed/feed-jsonfeed.c \
	src/feed/feed-parser.c src/feed/feed-xmlmem.c $(FEED_DATE_SOURCES)
MODULE_LIBS += src/feed/libfeed.a
EXTRA_DIST += src/feed/gen-entities.py
FEED_DATE_SOURCES = src/feed/feed-date.c

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test-feed
TESTS += tests/unit/test-feed
tests_unit_test_feed_SOURCES = tests/unit/test-feed.c
tests_unit_test_feed_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_feed_LDADD = src/feed/libfeed.a src/html/libhtml.a \
	src/util/libutil.a $(EXPAT_LIBS) $(GUMBO_LIBS) $(JANSSON_LIBS) \
	$(CMOCKA_LIBS)
check_PROGRAMS += tests/unit/test-date
TESTS += tests/unit/test-date
tests_unit_test_date_SOURCES = tests/unit/test-date.c src/feed/feed-date.c
tests_unit_test_date_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_date_LDADD = $(CMOCKA_LIBS)
endif

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test-jsonfeed
TESTS += tests/unit/test-jsonfeed
tests_unit_test_jsonfeed_SOURCES = tests/unit/test-jsonfeed.c
tests_unit_test_jsonfeed_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_jsonfeed_LDADD = src/feed/libfeed.a src/html/libhtml.a \
	src/util/libutil.a $(EXPAT_LIBS) $(GUMBO_LIBS) $(JANSSON_LIBS) \
	$(CMOCKA_LIBS)
endif
