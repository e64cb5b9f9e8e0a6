# html module: what feed, render and conf share about HTML (escaping,
# element table, serialiser).
noinst_LIBRARIES += src/html/libhtml.a
src_html_libhtml_a_SOURCES = \
	src/html/html.h \
	src/html/html-escape.c \
	src/html/html-serialise.c \
	src/html/html-tags.c
MODULE_LIBS += src/html/libhtml.a

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test-html
TESTS += tests/unit/test-html
tests_unit_test_html_SOURCES = tests/unit/test-html.c
tests_unit_test_html_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_html_LDADD = src/html/libhtml.a src/util/libutil.a \
	$(GUMBO_LIBS) $(CMOCKA_LIBS)
endif
