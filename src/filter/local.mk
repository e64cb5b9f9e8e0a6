# filter module: Newsboat's filter language, compiled to SQL.
noinst_LIBRARIES += src/filter/libfilter.a
src_filter_libfilter_a_SOURCES = \
	src/filter/filter.h src/filter/filter-int.h \
	src/filter/filter-parse.c \
	src/filter/filter-regex.c \
	src/filter/filter-sql.c
MODULE_LIBS += src/filter/libfilter.a

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test-filter
TESTS += tests/unit/test-filter
tests_unit_test_filter_SOURCES = tests/unit/test-filter.c
tests_unit_test_filter_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_filter_LDADD = src/filter/libfilter.a src/db/libdb.a \
	src/util/libutil.a $(SQLITE_LIBS) $(CMOCKA_LIBS)
endif
