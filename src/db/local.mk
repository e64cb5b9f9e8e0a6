# db module: the SQLite cache.
noinst_LIBRARIES += src/db/libdb.a
src_db_libdb_a_SOURCES = \
	src/db/db.h src/db/db-int.h \
	src/db/db.c \
	src/db/db-checkpoint.c \
	src/db/db-feeds.c \
	src/db/db-fold.c src/db/db-fold.h \
	src/db/db-fts.c \
	src/db/db-fulltext.c \
	src/db/db-items.c \
	src/db/db-open.c \
	src/db/db-phrase.c src/db/db-phrase.h \
	src/db/db-prune.c \
	src/db/db-regexp.c \
	src/db/db-schema.c \
	src/db/db-search.c src/db/db-search.h \
	src/db/db-sync.c \
	src/db/db-terms.c src/db/db-terms.h \
	src/db/db-tok.c src/db/db-tok.h
MODULE_LIBS += src/db/libdb.a
# The reader's queries.
src_db_libdb_a_SOURCES += src/db/db-view.c src/db/db-view.h \
	src/db/db-view-int.h src/db/db-view-items.c src/db/db-view-query.c

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test-db
TESTS += tests/unit/test-db
tests_unit_test_db_SOURCES = tests/unit/test-db.c
tests_unit_test_db_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_db_LDADD = src/db/libdb.a src/util/libutil.a \
	$(SQLITE_LIBS) $(CMOCKA_LIBS)
endif

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test-db-view
TESTS += tests/unit/test-db-view
tests_unit_test_db_view_SOURCES = tests/unit/test-db-view.c
tests_unit_test_db_view_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_db_view_LDADD = src/db/libdb.a src/util/libutil.a \
	$(SQLITE_LIBS) $(CMOCKA_LIBS)
endif
# Newsboat's cache into ours (--import-newsboat).
src_db_libdb_a_SOURCES += src/db/db-newsboat.c
# The download queue of enclosures (tidings --download).
src_db_libdb_a_SOURCES += src/db/db-podcast.c src/db/db-schema-podcast.c

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test-db-tok
TESTS += tests/unit/test-db-tok
tests_unit_test_db_tok_SOURCES = tests/unit/test-db-tok.c \
	tests/unit/tok-compare.h
tests_unit_test_db_tok_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_db_tok_LDADD = src/db/libdb.a src/util/libutil.a \
	$(SQLITE_LIBS) $(CMOCKA_LIBS)
endif

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test-db-search
TESTS += tests/unit/test-db-search
tests_unit_test_db_search_SOURCES = tests/unit/test-db-search.c
tests_unit_test_db_search_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_db_search_LDADD = src/db/libdb.a src/util/libutil.a \
	$(SQLITE_LIBS) $(CMOCKA_LIBS)
endif
