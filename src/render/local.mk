# render module: HTML to wrapped text (gumbo), full-text extraction.
noinst_LIBRARIES += src/render/librender.a
src_render_librender_a_SOURCES = \
	src/render/render-charset.c \
	src/render/extract-int.h \
	src/render/extract-meta.c \
	src/render/extract-out.c \
	src/render/extract-page.c \
	src/render/extract-tree.c \
	src/render/extract.c \
	src/render/render-doc.c \
	src/render/render-int.h \
	src/render/render-wrap.c \
	src/render/render.h
src_render_librender_a_CPPFLAGS = $(AM_CPPFLAGS) $(JANSSON_CFLAGS)
MODULE_LIBS += src/render/librender.a

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test-render
TESTS += tests/unit/test-render
tests_unit_test_render_SOURCES = tests/unit/test-render.c
tests_unit_test_render_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_render_LDADD = src/render/librender.a src/html/libhtml.a \
	src/util/libutil.a $(GUMBO_LIBS) $(JANSSON_LIBS) $(CMOCKA_LIBS)
endif

# --extract end to end: the shared example, our own site shapes, HTTP.
TESTS += tests/e2e/extract.sh
# Full text in --refresh and the reader.
TESTS += tests/e2e/fulltext.sh
