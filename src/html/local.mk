# html module: what feed, render and conf share about HTML (escaping,
# element table, serialiser).
noinst_LIBRARIES += src/html/libhtml.a
src_html_libhtml_a_SOURCES = \
	src/html/html.h \
	src/html/html-escape.c \
	src/html/html-serialise.c \
	src/html/html-tags.c
MODULE_LIBS += src/html/libhtml.a
