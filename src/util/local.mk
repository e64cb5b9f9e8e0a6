noinst_LIBRARIES += src/util/libutil.a
src_util_libutil_a_SOURCES = \
	src/util/buf.c src/util/buf.h \
	src/util/i18n.h src/util/url.c src/util/url.h \
	src/util/sanitize.c src/util/sanitize.h \
	src/util/tags.c src/util/tags.h \
	src/util/xmalloc.c src/util/xmalloc.h
MODULE_LIBS += src/util/libutil.a

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test-util
TESTS += tests/unit/test-util
tests_unit_test_util_SOURCES = tests/unit/test-util.c
tests_unit_test_util_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_util_LDADD = src/util/libutil.a $(CMOCKA_LIBS)
endif

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test-url
TESTS += tests/unit/test-url
tests_unit_test_url_SOURCES = tests/unit/test-url.c
tests_unit_test_url_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_url_LDADD = src/util/libutil.a $(CMOCKA_LIBS)
endif
